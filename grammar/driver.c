/*
 * grammar/driver.c - the parse driver: lexer -> lemon parser, the three modes,
 * and the wording of syntax errors.
 *
 * The driver feeds a mode token (MODE_FILE, MODE_SINGLE, MODE_EVAL or
 * MODE_FIELD for an f-string field) and then the lexer's tokens, stopping at
 * the first error.  Two constructs need a look ahead the LALR grammar cannot
 * take, so the driver rewrites them: a `match` statement (soft keyword) is
 * swallowed whole and fed as one MATCH token (the compiler rejects it), and
 * `with (` whose closing parenthesis is followed by ':' is fed as WITH_LPAR
 * (parenthesised with-items, as CPython's PEG grammar prefers them).
 *
 * Error wording follows CPython 3.11: the grammar only says "no" at a token,
 * so the driver keeps the tokens of the current logical line and asks the
 * parser which tokens it would have accepted, to choose among "expected
 * ':'", "expected an indented block after 'if' statement on line N",
 * "invalid syntax. Perhaps you forgot a comma?" and the others.  Like
 * CPython, after a parser error the rest of the input is tokenized and a
 * tokenizer error found there (unterminated string, bad indentation, a
 * bracket left open on an earlier line) replaces the parser's message.
 */
#include "grammar/ast_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tpy_pctx_t *ctx;
    tpy_lexer_t *lx;
    void *parser;
    const char *buf_end;
    // look-ahead queue of lexed, not yet fed tokens
    tpy_token_t *q;
    size_t qhead, qlen, qcap;
    bool lex_failed;      // the lexer reported an error (in ctx->err)
    bool lex_ended;       // the lexer reached the end of the input
    // the current logical line, as fed
    tpy_token_t *line;
    size_t nline, capline;
    tpy_token_t header[2]; // first two tokens of the previous logical line
    tpy_token_t last_newline;
    tpy_token_t cur, prev; // the token being fed and the one before
    int depth;             // bracket depth of the tokens fed
    bool nomem;
    tpy_syntax_error_t late; // lexer errors met after the parser's error
    bool final;           // the parser's error is one no later lexer error replaces
    // async def bodies: the block depths at which they were opened
    int blocks;            // INDENTs minus DEDENTs fed
    bool async_def_next;   // `async def` seen: its body is the next block
    int async_blocks[TPY_MAXINDENT + 1];
    int nasync;
} driver_t;

/* ---- tokens -------------------------------------------------------------------- */

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) {
        return true;
    }
    size_t n = *cap == 0 ? 64 : *cap * 2;
    while (n < need) {
        n *= 2;
    }
    void *np = realloc(*p, n * size);
    if (np == NULL) {
        return false;
    }
    *p = np;
    *cap = n;
    return true;
}

// The end of input as a token: CPython puts it on the last line.
static void end_token(driver_t *d, tpy_token_t *t)
{
    memset(t, 0, sizeof(*t));
    t->kind = 0;
    t->start = d->buf_end;
    if (d->ctx->mode == TPY_PARSE_EVAL && d->ctx->field_pos.lineno > 0) {
        t->lineno = t->end_lineno = d->ctx->field_pos.end_lineno;
        t->col = t->end_col = d->ctx->field_pos.end_col - 1;
        return;
    }
    t->lineno = t->end_lineno = d->last_newline.lineno > 0 ? d->last_newline.lineno : 1;
}

// Lex one more token into the queue; false at the end or on an error.
static bool lex_more(driver_t *d)
{
    if (d->lex_failed || d->lex_ended) {
        return false;
    }
    tpy_token_t t;
    if (!tpy_lexer_next(d->lx, &t)) {
        int paren_line;
        if (tpy_lexer_error_class(d->lx, &paren_line) != TPY_LEXERR_NONE) {
            d->lex_failed = true;
        } else {
            d->lex_ended = true;
        }
        return false;
    }
    if (d->qhead > 0 && d->qhead == d->qlen) {
        d->qhead = d->qlen = 0;
    }
    if (!grow((void **)&d->q, &d->qcap, d->qlen + 1, sizeof(tpy_token_t))) {
        d->nomem = true;
        return false;
    }
    d->q[d->qlen++] = t;
    return true;
}

// The [i]th token ahead (0 = next), or an end token.
static tpy_token_t peek(driver_t *d, size_t i)
{
    while (d->qlen - d->qhead <= i) {
        if (!lex_more(d)) {
            tpy_token_t t;
            end_token(d, &t);
            return t;
        }
    }
    return d->q[d->qhead + i];
}

// Take the next token; false when none is left (end or lexer error).
static bool take(driver_t *d, tpy_token_t *t)
{
    if (d->qlen == d->qhead && !lex_more(d)) {
        end_token(d, t);
        return false;
    }
    *t = d->q[d->qhead++];
    return true;
}

static bool at_eof(const driver_t *d, const tpy_token_t *t)
{
    return t->kind == 0 || t->start >= d->buf_end;
}

static void feed(driver_t *d, int kind, tpy_token_t t)
{
    t.kind = kind;
    d->prev = d->cur;
    d->cur = t;
    if (kind == TK_LPAR || kind == TK_LSQB || kind == TK_LBRACE || kind == TK_WITH_LPAR) {
        d->depth++;
    } else if (kind == TK_RPAR || kind == TK_RSQB || kind == TK_RBRACE) {
        d->depth--;
    }
    if (kind != TK_INDENT && kind != TK_DEDENT && kind != 0 && kind != TK_MODE_FILE &&
        kind != TK_MODE_SINGLE && kind != TK_MODE_EVAL && kind != TK_MODE_FIELD) {
        if (grow((void **)&d->line, &d->capline, d->nline + 1, sizeof(tpy_token_t))) {
            d->line[d->nline++] = t;
        }
    }
    // the token may complete a comprehension begun before it: judge by the
    // blocks as they were, then account for the token
    d->ctx->in_async_def = d->nasync > 0 || d->async_def_next;
    tpy_parser(d->parser, kind, t);
    if (kind == TK_DEF && d->prev.kind == TK_ASYNC) {
        d->async_def_next = true;
    } else if (kind == TK_INDENT) {
        d->blocks++;
        if (d->async_def_next && d->nasync <= TPY_MAXINDENT) {
            d->async_blocks[d->nasync++] = d->blocks;
        }
        d->async_def_next = false;
    } else if (kind == TK_DEDENT) {
        if (d->nasync > 0 && d->async_blocks[d->nasync - 1] == d->blocks) {
            d->nasync--;
        }
        d->blocks--;
    } else if (kind == TK_NEWLINE && d->prev.kind != TK_COLON) {
        d->async_def_next = false; // a one-line async def has ended
    }
    if (kind == TK_NEWLINE) {
        memset(d->header, 0, sizeof(d->header));
        for (size_t i = 0; i < 2 && i < d->nline; i++) {
            d->header[i] = d->line[i];
        }
        d->last_newline = t;
        d->nline = 0;
    }
}

/* ---- the rewrites ---------------------------------------------------------------- */

static bool is_name(const tpy_token_t *t, const char *s)
{
    return t->kind == TK_NAME && t->len == strlen(s) && memcmp(t->start, s, t->len) == 0;
}

// At the start of a logical line [t] is the soft keyword `match`: is this a
// match statement?  Then swallow it (header and block) and return true with
// *out spanning it.
static bool swallow_match(driver_t *d, const tpy_token_t *t, tpy_token_t *out)
{
    tpy_token_t second = peek(d, 0);
    if (second.kind == TK_COLON || second.kind == TK_EQUAL || second.kind == TK_NEWLINE ||
        second.kind == TK_DOT || second.kind == 0) {
        return false;
    }
    size_t i = 0;
    tpy_token_t last = second;
    for (;; i++) {
        tpy_token_t u = peek(d, i);
        if (u.kind == TK_NEWLINE || u.kind == 0) {
            break;
        }
        last = u;
    }
    if (last.kind != TK_COLON) {
        return false;
    }
    // the header is a match statement: drop it and its block
    tpy_token_t end = last;
    tpy_token_t u;
    for (size_t k = 0; k <= i; k++) {
        take(d, &u);
    }
    if (peek(d, 0).kind == TK_INDENT) {
        int level = 0;
        while (take(d, &u)) {
            if (u.kind == TK_INDENT) {
                level++;
            } else if (u.kind == TK_DEDENT) {
                if (--level == 0) {
                    break;
                }
            } else if (u.kind != TK_NEWLINE) {
                end = u;
            }
        }
    }
    *out = *t;
    out->end_lineno = end.end_lineno;
    out->end_col = end.end_col;
    return true;
}

// After WITH, an LPAR: is it the start of parenthesised with-items?
static bool with_parens(driver_t *d)
{
    int level = 0;
    bool item_syntax = false;
    for (size_t i = 0;; i++) {
        tpy_token_t u = peek(d, i);
        if (u.kind == 0 || u.kind == TK_NEWLINE) {
            return false;
        }
        if (u.kind == TK_LPAR || u.kind == TK_LSQB || u.kind == TK_LBRACE) {
            level++;
        } else if (u.kind == TK_RPAR || u.kind == TK_RSQB || u.kind == TK_RBRACE) {
            if (--level == 0) {
                return item_syntax && peek(d, i + 1).kind == TK_COLON;
            }
        } else if (level == 1 && (u.kind == TK_COMMA || u.kind == TK_AS)) {
            item_syntax = true;
        }
    }
}

/* ---- error wording ----------------------------------------------------------------- */

static bool starts_operand(int k)
{
    switch (k) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB: case TK_LBRACE:
    case TK_TRUE: case TK_FALSE: case TK_NONE: case TK_ELLIPSIS: case TK_LAMBDA: case TK_AWAIT:
    case TK_NOT:
        return true;
    default:
        return false;
    }
}

static bool ends_operand(int k)
{
    switch (k) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_RPAR: case TK_RSQB: case TK_RBRACE:
    case TK_TRUE: case TK_FALSE: case TK_NONE: case TK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static bool is_bitor_op(int k)
{
    switch (k) {
    case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH: case TK_DOUBLESLASH:
    case TK_PERCENT: case TK_AT: case TK_DOUBLESTAR: case TK_LEFTSHIFT: case TK_RIGHTSHIFT:
    case TK_AMPER: case TK_VBAR: case TK_CIRCUMFLEX:
        return true;
    default:
        return false;
    }
}

static bool is_expr_op(int k)
{
    switch (k) {
    case TK_LESS: case TK_GREATER: case TK_EQEQUAL: case TK_NOTEQUAL: case TK_LESSEQUAL:
    case TK_GREATEREQUAL: case TK_IN: case TK_IS: case TK_AND: case TK_OR: case TK_NOT:
    case TK_IF: case TK_ELSE:
        return true;
    default:
        return is_bitor_op(k);
    }
}

static bool is_open(int k)
{
    return k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE || k == TK_WITH_LPAR;
}

static bool is_close(int k)
{
    return k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE;
}

// Token [i] of the stream that starts at the token being fed (0) and goes on
// into the look-ahead queue.
static tpy_token_t at(driver_t *d, size_t i)
{
    return i == 0 ? d->cur : peek(d, i - 1);
}

// Index just past the bracketed group that opens at stream index [i].
static size_t skip_group(driver_t *d, size_t i)
{
    int level = 0;
    for (;; i++) {
        int k = at(d, i).kind;
        if (k == 0) {
            return i;
        }
        if (is_open(k)) {
            level++;
        } else if (is_close(k) && --level == 0) {
            return i + 1;
        }
    }
}

// Where the expression starting at stream index [i] ends: a rough scan of
// prefix operators, an operand with its trailers, an operator, and so on.
// [full] allows comparisons, not/and/or and if/else; otherwise only the
// bitwise-or level.  *next gets the token after it.
static tpy_pos_t scan_expr(driver_t *d, size_t i, bool full, tpy_token_t *next)
{
    tpy_token_t last = at(d, i);
    for (;;) {
        int k = at(d, i).kind;
        while (k == TK_MINUS || k == TK_PLUS || k == TK_TILDE ||
               (full && (k == TK_NOT || k == TK_AWAIT))) {
            k = at(d, ++i).kind;
        }
        if (is_open(k)) {
            i = skip_group(d, i);
            last = at(d, i - 1);
        } else if (k == TK_NAME || k == TK_NUMBER || k == TK_STRING || k == TK_TRUE ||
                   k == TK_FALSE || k == TK_NONE || k == TK_ELLIPSIS) {
            do {
                last = at(d, i++);
            } while (k == TK_STRING && at(d, i).kind == TK_STRING);
        } else {
            break;
        }
        for (;;) { // trailers: calls, subscripts, attributes
            k = at(d, i).kind;
            if (k == TK_LPAR || k == TK_LSQB) {
                i = skip_group(d, i);
                last = at(d, i - 1);
            } else if (k == TK_DOT && at(d, i + 1).kind == TK_NAME) {
                last = at(d, i + 1);
                i += 2;
            } else {
                break;
            }
        }
        k = at(d, i).kind;
        if (!(is_bitor_op(k) || (full && is_expr_op(k)))) {
            break;
        }
        i++;
        if ((k == TK_NOT && at(d, i).kind == TK_IN) || (k == TK_IS && at(d, i).kind == TK_NOT)) {
            i++;
        }
    }
    if (next != NULL) {
        *next = at(d, i);
    }
    return tpy_pos_tok(&last);
}

// Index in d->line where the expression ending just before index [end]
// starts (a rough backward scan over one bracket level).
static size_t expr_start(driver_t *d, size_t end)
{
    size_t i = end;
    while (i > 0) {
        tpy_token_t *t = &d->line[i - 1];
        if (is_close(t->kind)) {
            int level = 0;
            while (i > 0) {
                int k = d->line[i - 1].kind;
                if (is_close(k)) {
                    level++;
                } else if (is_open(k)) {
                    level--;
                }
                i--;
                if (level == 0) {
                    break;
                }
            }
            continue;
        }
        if (ends_operand(t->kind) || (is_expr_op(t->kind) && t->kind != TK_IF &&
                                      t->kind != TK_ELSE) ||
            t->kind == TK_DOT || t->kind == TK_TILDE) {
            i--;
            continue;
        }
        break;
    }
    return i;
}

static void error_at_token(tpy_pctx_t *c, tpy_synerr_kind_t kind, const tpy_token_t *t,
                           const char *msg)
{
    tpy_set_error_range(c->err, kind, t->lineno, t->col, t->end_lineno,
                        t->end_col > t->col || t->end_lineno > t->lineno ? t->end_col : t->col,
                        "%s", msg);
}

static void error_range(tpy_pctx_t *c, tpy_pos_t a, tpy_pos_t b, const char *msg)
{
    tpy_set_error_range(c->err, TPY_SYNERR_SYNTAX, a.lineno, a.col, b.end_lineno, b.end_col, "%s",
                        msg);
}

static const char *block_name(const tpy_token_t *h)
{
    switch (h[0].kind) {
    case TK_IF: return "'if' statement";
    case TK_ELIF: return "'elif' statement";
    case TK_ELSE: return "'else' statement";
    case TK_WHILE: return "'while' statement";
    case TK_FOR: return "'for' statement";
    case TK_TRY: return "'try' statement";
    case TK_EXCEPT: return h[1].kind == TK_STAR ? "'except*' statement" : "'except' statement";
    case TK_FINALLY: return "'finally' statement";
    case TK_WITH: return "'with' statement";
    case TK_DEF: return "function definition";
    case TK_CLASS: return "class definition";
    case TK_ASYNC:
        switch (h[1].kind) {
        case TK_DEF: return "function definition";
        case TK_FOR: return "'for' statement";
        case TK_WITH: return "'with' statement";
        default: return NULL;
        }
    default: return NULL;
    }
}

static bool is_compound_keyword(int k)
{
    switch (k) {
    case TK_IF: case TK_ELIF: case TK_ELSE: case TK_WHILE: case TK_FOR: case TK_TRY:
    case TK_EXCEPT: case TK_FINALLY: case TK_WITH: case TK_DEF: case TK_CLASS: case TK_ASYNC:
        return true;
    default:
        return false;
    }
}

// The statement the current token belongs to starts at line index [*start].
static size_t stmt_start(driver_t *d)
{
    size_t i = d->nline;
    while (i > 0 && d->line[i - 1].kind != TK_SEMI) {
        i--;
    }
    return i;
}

// Index in d->line of the innermost bracket still open before index [n], or
// n when there is none.
static size_t innermost_open(driver_t *d, size_t n)
{
    int level = 0;
    for (size_t i = n; i > 0; i--) {
        int k = d->line[i - 1].kind;
        if (is_close(k)) {
            level++;
        } else if (is_open(k) && level-- == 0) {
            return i - 1;
        }
    }
    return n;
}

// Is the innermost open bracket before line index [n] a def's parameter list?
static bool in_def_params(driver_t *d, size_t n)
{
    size_t i = innermost_open(d, n);
    return i < n && i >= 2 && d->line[i - 2].kind == TK_DEF;
}

/* What the error cases look at: the token the parser refused, the one before
 * it on the line, and where the statement starts. */
typedef struct {
    driver_t *d;
    tpy_pctx_t *c;
    void *parser;
    tpy_token_t t;     // the refused token
    int k;             // its kind
    bool eof;          // it is the end of input (or made up there)
    size_t n;          // tokens of the line before it, in d->line
    tpy_token_t prev;  // the token before it
    size_t s0;         // index in d->line where the statement starts
    int first;         // the statement's first token kind
    bool last_ex_here; // c->last_ex ends right before the refused token
} why_t;

// REPL input: more lines may complete it, or it holds two statements.
static bool err_interactive(why_t *w)
{
    if (w->c->mode != TPY_PARSE_SINGLE) {
        return false;
    }
    if (w->eof) {
        tpy_set_error(w->c->err, TPY_SYNERR_INCOMPLETE, w->t.lineno, w->t.col,
                      "incomplete input");
        return true;
    }
    if (tpy_parser_accepts(w->parser, 0)) {
        error_at_token(w->c, TPY_SYNERR_SYNTAX, &w->d->last_newline,
                       "multiple statements found while compiling a single statement");
        return true;
    }
    return false;
}

static bool err_indentation(why_t *w)
{
    driver_t *d = w->d;
    // CPython reports a refused INDENT/DEDENT at once, without looking for
    // tokenizer errors further on (check_rest)
    if (w->k == TK_INDENT) {
        tpy_set_error(w->c->err, TPY_SYNERR_INDENT, w->t.lineno, w->t.col - 1,
                      "unexpected indent");
        d->final = true;
        return true;
    }
    // a block opener's NEWLINE with no INDENT after it
    if (d->prev.kind == TK_NEWLINE && tpy_parser_accepts(w->parser, TK_INDENT)) {
        const char *what = block_name(d->header);
        tpy_token_t at = w->eof ? d->last_newline : w->t;
        char msg[200];
        if (what != NULL) {
            snprintf(msg, sizeof(msg), "expected an indented block after %s on line %d", what,
                     d->header[0].lineno);
        } else {
            snprintf(msg, sizeof(msg), "expected an indented block");
        }
        error_at_token(w->c, TPY_SYNERR_INDENT, &at, msg);
        if (w->eof) {
            w->c->err->end_col = -1; // at the end of input: no span (CPython's -1)
        }
        return true;
    }
    // a try body closed by more than one DEDENT: the try's own error wins
    bool try_ended = tpy_parser_accepts(w->parser, TK_EXCEPT) &&
                     tpy_parser_accepts(w->parser, TK_FINALLY) &&
                     !tpy_parser_accepts(w->parser, TK_ELSE);
    if (w->k == TK_DEDENT && !w->eof && !try_ended) {
        tpy_set_error(w->c->err, TPY_SYNERR_INDENT, w->t.lineno, w->t.col, "unexpected unindent");
        d->final = true;
        return true;
    }
    return false;
}

// Statement shapes: def f:, a header without ':', try without except, ...
static bool err_statement(why_t *w)
{
    driver_t *d = w->d;
    tpy_pctx_t *c = w->c;
    int k = w->k;
    if (w->first == TK_DEF && w->n == w->s0 + 2 && k != TK_LPAR) {
        error_at_token(c, TPY_SYNERR_SYNTAX, &w->t, "expected '('");
        return true;
    }
    if (k == TK_NEWLINE && is_compound_keyword(w->first) &&
        tpy_parser_accepts(w->parser, TK_COLON)) {
        error_at_token(c, TPY_SYNERR_SYNTAX, &w->t, "expected ':'");
        return true;
    }
    if (tpy_parser_accepts(w->parser, TK_EXCEPT) && tpy_parser_accepts(w->parser, TK_FINALLY) &&
        !tpy_parser_accepts(w->parser, TK_ELSE)) {
        tpy_token_t at = w->eof ? d->last_newline : w->t;
        error_at_token(c, TPY_SYNERR_SYNTAX, &at, "expected 'except' or 'finally' block");
        if (w->eof) {
            c->err->end_col = -1; // at the end of input: no span (CPython's -1)
        }
        return true;
    }
    if (k == TK_COMMA && w->first == TK_EXCEPT && d->depth == 0 && w->s0 + 1 < d->nline) {
        tpy_token_t lastt = w->t;
        for (size_t i = 1;; i++) {
            tpy_token_t u = at(d, i);
            if (u.kind == TK_COLON || u.kind == TK_NEWLINE || u.kind == 0 || u.kind == TK_AS) {
                break;
            }
            lastt = u;
        }
        error_range(c, tpy_pos_tok(&d->line[w->s0 + 1]), tpy_pos_tok(&lastt),
                    "multiple exception types must be parenthesized");
        return true;
    }
    if (k == TK_NEWLINE && w->prev.kind == TK_COMMA && w->first == TK_FROM) {
        error_at_token(c, TPY_SYNERR_SYNTAX, &w->t,
                       "trailing comma not allowed without surrounding parentheses");
        return true;
    }
    // print "hello"
    if (starts_operand(k) && w->n == w->s0 + 1 && d->depth == 0 &&
        (is_name(&w->prev, "print") || is_name(&w->prev, "exec"))) {
        tpy_token_t lastt = w->t;
        for (size_t i = 1;; i++) {
            tpy_token_t u = at(d, i);
            if (u.kind == TK_NEWLINE || u.kind == 0 || u.kind == TK_SEMI) {
                break;
            }
            lastt = u;
        }
        char msg[200];
        snprintf(msg, sizeof(msg), "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                 (int)w->prev.len, w->prev.start, (int)w->prev.len, w->prev.start);
        error_range(c, tpy_pos_tok(&w->prev), tpy_pos_tok(&lastt), msg);
        return true;
    }
    return false;
}

// {1: 2, 3} and {1: 2, 3: }: a dict display item without its ':' or value.
static bool err_dict_item(why_t *w)
{
    driver_t *d = w->d;
    if (w->k != TK_COMMA && w->k != TK_RBRACE) {
        return false;
    }
    size_t open = innermost_open(d, w->n);
    if (open >= w->n || d->line[open].kind != TK_LBRACE) {
        return false;
    }
    // the items at the display's own level: is it a dict, and does the last
    // item have its ':'?
    bool dict = false, item_colon = false;
    size_t item = open + 1;
    int level = 0;
    for (size_t i = open + 1; i < w->n; i++) {
        int k = d->line[i].kind;
        if (is_open(k)) {
            level++;
        } else if (is_close(k)) {
            level--;
        } else if (level == 0 && k == TK_COLON) {
            dict = item_colon = true;
        } else if (level == 0 && k == TK_COMMA) {
            item_colon = false;
            item = i + 1;
        }
    }
    if (!dict || item >= w->n) {
        return false;
    }
    if (w->prev.kind == TK_COLON) {
        error_at_token(w->c, TPY_SYNERR_SYNTAX, &w->prev,
                       "expression expected after dictionary key and ':'");
        return true;
    }
    if (!item_colon && ends_operand(w->prev.kind)) {
        // CPython puts the caret on the key's last character
        int line = d->line[item].lineno, col = d->line[item].col;
        if (w->last_ex_here) {
            line = w->c->last_ex.e->pos.end_lineno;
            col = w->c->last_ex.e->pos.end_col - 1;
        }
        tpy_set_error(w->c->err, TPY_SYNERR_SYNTAX, line, col,
                      "':' expected after dictionary key");
        return true;
    }
    return false;
}

// `x = a if b` with no else.
static bool err_missing_else(why_t *w)
{
    driver_t *d = w->d;
    if (!tpy_parser_accepts(w->parser, TK_ELSE) || w->k == TK_ELSE) {
        return false;
    }
    for (size_t i = w->n; i > w->s0; i--) {
        if (d->line[i - 1].kind == TK_IF) {
            size_t st = expr_start(d, i - 1);
            if (st >= i - 1) {
                return false;
            }
            error_range(w->c, tpy_pos_tok(&d->line[st]), tpy_pos_tok(&w->prev),
                        "expected 'else' after 'if' expression");
            return true;
        }
    }
    return false;
}

// `if x = 1:`, `if x.y = 1:` and `x.a := 1`: '=' where '==' was meant, and
// walrus targets that are not names.
static bool err_assignment(why_t *w)
{
    tpy_pctx_t *c = w->c;
    if (!w->last_ex_here) {
        return false;
    }
    tpy_expr_t *e = c->last_ex.e;
    char msg[200];
    if (w->k == TK_EQUAL) {
        bool single_name = e->kind == EXPR_NAME && c->last_ex.pos.col == w->prev.col &&
                           c->last_ex.pos.lineno == w->prev.lineno;
        if (single_name) {
            // a name, '=', and a bitwise-or expression not followed by '=' or ':='
            tpy_token_t after = at(w->d, 1), next;
            if (starts_operand(after.kind) || after.kind == TK_MINUS ||
                after.kind == TK_PLUS || after.kind == TK_TILDE) {
                tpy_pos_t end = scan_expr(w->d, 1, false, &next);
                if (next.kind != TK_EQUAL && next.kind != TK_COLONEQUAL) {
                    error_range(c, e->pos, end,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                    return true;
                }
            }
            return false;
        }
        if (e->kind != EXPR_TUPLE && e->kind != EXPR_LIST && e->kind != EXPR_GENEXP &&
            !(e->kind == EXPR_CONST && e->u.constant.kind != CONST_ELLIPSIS) &&
            e->kind != EXPR_COMPARE && e->kind != EXPR_BOOLOP && e->kind != EXPR_IFEXP &&
            e->kind != EXPR_LAMBDA && e->kind != EXPR_STARRED) {
            snprintf(msg, sizeof(msg),
                     "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                     tpy_ast_expr_name(e));
            error_range(c, e->pos, e->pos, msg);
            return true;
        }
        return false;
    }
    if (w->k == TK_COLONEQUAL &&
        (e->kind != EXPR_NAME || c->last_ex.pos.col != e->pos.col)) {
        snprintf(msg, sizeof(msg), "cannot use assignment expressions with %s",
                 tpy_ast_expr_name(e));
        error_range(c, e->pos, e->pos, msg);
        return true;
    }
    return false;
}

// (a b): two expressions side by side inside brackets.
static bool err_missing_comma(why_t *w)
{
    tpy_pctx_t *c = w->c;
    if (w->d->depth == 0 || !starts_operand(w->k) || w->k == TK_NOT ||
        !ends_operand(w->prev.kind) || in_def_params(w->d, w->n)) {
        return false;
    }
    // a NAME and a STRING may be a mistyped prefix: CPython stays generic
    if (w->k == TK_STRING && w->prev.kind == TK_NAME &&
        (!w->last_ex_here || c->last_ex.pos.col == w->prev.col)) {
        return false;
    }
    tpy_pos_t start = w->last_ex_here ? c->last_ex.pos : tpy_pos_tok(&w->prev);
    tpy_pos_t end = scan_expr(w->d, 0, true, NULL);
    error_range(c, start, end, "invalid syntax. Perhaps you forgot a comma?");
    return true;
}

void tpy_parse_syntax_error(tpy_pctx_t *c, void *parser)
{
    driver_t *d = c->driver;
    if (c->failed) {
        return;
    }
    c->failed = true;
    // looking ahead to word the message must not let the lexer's errors in
    tpy_lexer_redirect_errors(d->lx, &d->late);
    why_t w;
    w.d = d;
    w.c = c;
    w.parser = parser;
    w.t = d->cur;
    w.k = w.t.kind;
    w.eof = at_eof(d, &w.t);
    // the refused token is already in d->line (unless INDENT, DEDENT or the end)
    w.n = d->nline;
    if (w.k != TK_INDENT && w.k != TK_DEDENT && w.k != 0 && w.n > 0) {
        w.n--;
    }
    w.prev = w.n > 0 ? d->line[w.n - 1] : d->prev;
    w.s0 = stmt_start(d);
    w.first = w.s0 < d->nline ? d->line[w.s0].kind : 0;
    w.last_ex_here = c->last_ex.e != NULL && c->last_ex.pos.end_lineno == w.prev.end_lineno &&
                     c->last_ex.pos.end_col == w.prev.end_col;
    if (w.k == TK_ERRORTOKEN) {
        error_at_token(c, TPY_SYNERR_SYNTAX, &w.t, "invalid syntax");
        return;
    }
    if (err_interactive(&w) || err_indentation(&w) || err_statement(&w) ||
        err_dict_item(&w) || err_missing_else(&w) || err_assignment(&w) ||
        err_missing_comma(&w)) {
        return;
    }
    error_at_token(c, TPY_SYNERR_SYNTAX, w.eof && w.k != 0 ? &d->last_newline : &w.t,
                   "invalid syntax");
}

void tpy_parse_stack_overflow(tpy_pctx_t *c)
{
    driver_t *d = c->driver;
    if (!c->failed) {
        error_at_token(c, TPY_SYNERR_TOODEEP, &d->cur, "too many nested expressions");
    }
    c->failed = true;
}

/* ---- the driver ------------------------------------------------------------------- */

// After a parser error: tokenize the rest; a tokenizer error there wins (CPython).
static void check_rest(driver_t *d)
{
    tpy_lexer_redirect_errors(d->lx, &d->late);
    tpy_token_t t;
    while (tpy_lexer_next(d->lx, &t)) {
    }
    if (d->late.kind == TPY_SYNERR_NONE) {
        return;
    }
    int paren_line = 0;
    int cls = tpy_lexer_error_class(d->lx, &paren_line);
    if (cls == TPY_LEXERR_SOFT) {
        return;
    }
    // CPython compares with the last token its parser looked at
    int seen = d->cur.lineno;
    if (d->qlen > 0 && d->q[d->qlen - 1].lineno > seen) {
        seen = d->q[d->qlen - 1].lineno;
    }
    if (cls == TPY_LEXERR_UNCLOSED && seen <= paren_line) {
        return;
    }
    *d->ctx->err = d->late;
}

static void run(driver_t *d, int mode_token)
{
    tpy_pctx_t *c = d->ctx;
    tpy_token_t t;
    memset(&t, 0, sizeof(t));
    feed(d, mode_token, t);
    bool line_start = true;
    while (!c->failed) {
        if (!take(d, &t)) {
            if (d->nomem) {
                tpy_set_error(c->err, TPY_SYNERR_NOMEM, t.lineno, 0, "out of memory");
                break;
            }
            if (d->lex_failed) {
                break;
            }
            feed(d, 0, t);
            break;
        }
        int kind = t.kind;
        if (line_start && is_name(&t, "match")) {
            tpy_token_t m;
            if (swallow_match(d, &t, &m)) {
                if (d->lex_failed) {
                    break;
                }
                feed(d, TK_MATCH, m);
                continue;
            }
        }
        if (kind == TK_WITH && peek(d, 0).kind == TK_LPAR && with_parens(d)) {
            feed(d, kind, t);
            if (c->failed) {
                break;
            }
            take(d, &t);
            kind = TK_WITH_LPAR;
        }
        feed(d, kind, t);
        line_start = kind == TK_NEWLINE || kind == TK_INDENT || kind == TK_DEDENT;
    }
    if (d->lex_failed && !c->failed) {
        if (c->mode == TPY_PARSE_SINGLE && tpy_lexer_eof_error(d->lx)) {
            tpy_syntax_error_t *e = c->err;
            e->kind = TPY_SYNERR_INCOMPLETE;
        }
        return;
    }
    if ((c->err->kind == TPY_SYNERR_SYNTAX || c->err->kind == TPY_SYNERR_INDENT) && !d->final) {
        check_rest(d);
    }
}

// Parse with a lexer already made; the result's mode is [mode].
static tpy_module_ast_t *parse_with(tpy_lexer_t *lx, tpy_parse_mode_t mode, int mode_token,
                                    int fstring_depth, const tpy_pos_t *field_pos,
                                    tpy_arena_t *arena, tpy_syntax_error_t *err)
{
    tpy_pctx_t *c = calloc(1, sizeof(*c));
    driver_t d;
    memset(&d, 0, sizeof(d));
    if (c == NULL) {
        tpy_set_error(err, TPY_SYNERR_NOMEM, 1, 0, "out of memory");
        return NULL;
    }
    c->arena = arena;
    c->err = err;
    c->mode = mode;
    c->fstring_depth = fstring_depth;
    if (field_pos != NULL) {
        c->field_pos = *field_pos;
    }
    c->driver = &d;
    d.ctx = c;
    d.lx = lx;
    size_t len;
    const char *buf = tpy_lexer_buffer(lx, &len);
    d.buf_end = buf + len;
    d.depth = mode_token == TK_MODE_FIELD ? 1 : 0; // a field is parsed as if in ( )
    d.parser = tpy_parserAlloc(malloc, c);
    if (d.parser == NULL) {
        tpy_set_error(err, TPY_SYNERR_NOMEM, 1, 0, "out of memory");
    } else {
        run(&d, mode_token);
        tpy_parserFree(d.parser, free);
    }
    free(d.q);
    free(d.line);
    tpy_module_ast_t *m = err->kind == TPY_SYNERR_NONE ? c->result : NULL;
    if (m == NULL && err->kind == TPY_SYNERR_NONE) {
        tpy_set_error(err, TPY_SYNERR_SYNTAX, 1, 0, "invalid syntax");
    }
    free(c);
    return m;
}

tpy_module_ast_t *tpy_parse(const char *src, size_t len, tpy_parse_mode_t mode, tpy_arena_t *arena,
                            tpy_syntax_error_t *err)
{
    memset(err, 0, sizeof(*err));
    tpy_lexer_opts_t opts = {.interactive = mode == TPY_PARSE_SINGLE, .lineno = 1};
    int mode_token = TK_MODE_FILE;
    if (mode == TPY_PARSE_SINGLE) {
        mode_token = TK_MODE_SINGLE;
    } else if (mode == TPY_PARSE_EVAL) {
        mode_token = TK_MODE_EVAL;
        // eval() ignores leading blanks
        while (len > 0 && (*src == ' ' || *src == '\t')) {
            src++;
            len--;
            opts.col++;
        }
    }
    if (mode == TPY_PARSE_SINGLE && len == 0) {
        // an empty REPL line: nothing to run
        tpy_module_ast_t *m = tpy_arena_alloc(arena, sizeof(*m));
        if (m == NULL) {
            tpy_set_error(err, TPY_SYNERR_NOMEM, 1, 0, "out of memory");
            return NULL;
        }
        m->mode = mode;
        return m;
    }
    tpy_lexer_t *lx = tpy_lexer_new_ex(src, len, &opts, err);
    if (lx == NULL) {
        return NULL;
    }
    tpy_module_ast_t *m = parse_with(lx, mode, mode_token, 0, NULL, arena, err);
    tpy_lexer_free(lx);
    return m;
}

tpy_expr_t *tpy_parse_fstring_field(const char *src, size_t len, int lineno, int col, int depth,
                                    tpy_arena_t *arena, tpy_syntax_error_t *err)
{
    if (depth > 64) {
        tpy_set_error(err, TPY_SYNERR_TOODEEP, lineno, col,
                      "f-string: expressions nested too deeply");
        return NULL;
    }
    tpy_lexer_opts_t opts = {.in_brackets = true, .lineno = lineno, .col = col};
    tpy_lexer_t *lx = tpy_lexer_new_ex(src, len, &opts, err);
    if (lx == NULL) {
        return NULL;
    }
    // the braces around the text: where CPython's "(" and ")" sit
    tpy_pos_t braces = {lineno, col - 1, lineno, col + (int)len + 1};
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\n') {
            braces.end_lineno++;
            braces.end_col = (int)(len - i - 1) + 1;
        }
    }
    tpy_module_ast_t *m = parse_with(lx, TPY_PARSE_EVAL, TK_MODE_FIELD, depth, &braces, arena,
                                     err);
    if (m == NULL && err->kind != TPY_SYNERR_NOMEM && strncmp(err->msg, "f-string", 8) != 0) {
        int paren_line;
        int cls = tpy_lexer_error_class(lx, &paren_line);
        bool lexer_error = cls != TPY_LEXERR_NONE;
        bool bracket = strncmp(err->msg, "unmatched", 9) == 0 ||
                       strncmp(err->msg, "closing parenthesis", 19) == 0;
        if (!lexer_error || bracket) {
            char msg[sizeof(err->msg)];
            snprintf(msg, sizeof(msg), "f-string: %.240s", err->msg);
            memcpy(err->msg, msg, sizeof(msg));
        }
    }
    tpy_lexer_free(lx);
    return m != NULL ? m->expr : NULL;
}
