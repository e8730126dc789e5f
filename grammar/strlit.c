/*
 * grammar/strlit.c - string literals: escape decoding, adjacent literal
 * concatenation, bytes, and f-strings split into literal parts and
 * replacement fields.
 *
 * CPython 3.11's rules: an unknown escape such as "\d" stays as written (3.11
 * only warns; tpy prints nothing); \ooo above 0o377 in a str is the code point
 * (in bytes, its low byte); \N{...} needs the Unicode name database, which tpy
 * does not carry, so it is a SyntaxError.  Adjacent literals join into one
 * node: all bytes -> EXPR_BYTES, no f-string -> EXPR_STR, otherwise an
 * EXPR_FSTRING whose parts are EXPR_STR chunks (merged across tokens, empty
 * ones dropped) and EXPR_FORMATTED fields; as in 3.11 every part carries the
 * position of the whole run while field expressions carry their own.
 *
 * A field's expression is parsed by tpy_parse_fstring_field (EVAL-like mode,
 * as if parenthesised) with its real position in the file.  Braces are found
 * before escapes are decoded, so each literal chunk is decoded on its own.
 */
#include "grammar/ast_int.h"

#include <stdio.h>
#include <string.h>

/* ---- a growable arena byte buffer ------------------------------------------------ */

typedef struct {
    tpy_arena_t *arena;
    char *p;
    size_t len, cap;
    bool nomem;
} sbuf_t;

static void sb_put(sbuf_t *b, const char *s, size_t n)
{
    if (b->nomem) {
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap == 0 ? 32 : b->cap;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *np = tpy_arena_alloc(b->arena, cap);
        if (np == NULL) {
            b->nomem = true;
            return;
        }
        if (b->len > 0) {
            memcpy(np, b->p, b->len);
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_putc(sbuf_t *b, char c)
{
    sb_put(b, &c, 1);
}

static void sb_utf8(sbuf_t *b, uint32_t c)
{
    char tmp[4];
    size_t n;
    if (c < 0x80) {
        tmp[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        tmp[0] = (char)(0xC0 | (c >> 6));
        tmp[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        // lone surrogates are written as three bytes (WTF-8)
        tmp[0] = (char)(0xE0 | (c >> 12));
        tmp[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        tmp[0] = (char)(0xF0 | (c >> 18));
        tmp[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    sb_put(b, tmp, n);
}

/* ---- escapes ------------------------------------------------------------------------ */

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Decode [len] bytes of a literal body into [b].  [bytes]: a bytes literal
// (\x and octal give bytes, \u \U \N are not escapes).  [base] is the
// position of body[0] within the literal's body, for messages.  False with
// [msg] filled on a bad escape.
static bool decode_into(sbuf_t *b, const char *s, size_t len, bool raw, bool bytes, size_t base,
                        char *msg, size_t msgsize)
{
    if (raw) {
        sb_put(b, s, len);
        return true;
    }
    size_t i = 0;
    while (i < len) {
        const char *run = s + i;
        size_t n = 0;
        while (i + n < len && s[i + n] != '\\') {
            n++;
        }
        sb_put(b, run, n);
        i += n;
        if (i >= len) {
            break;
        }
        size_t at = i; // the backslash
        i++;
        if (i >= len) {
            sb_putc(b, '\\');
            break;
        }
        char c = s[i++];
        switch (c) {
        case '\n': break;
        case '\\': sb_putc(b, '\\'); break;
        case '\'': sb_putc(b, '\''); break;
        case '"': sb_putc(b, '"'); break;
        case 'a': sb_putc(b, '\a'); break;
        case 'b': sb_putc(b, '\b'); break;
        case 'f': sb_putc(b, '\f'); break;
        case 'n': sb_putc(b, '\n'); break;
        case 'r': sb_putc(b, '\r'); break;
        case 't': sb_putc(b, '\t'); break;
        case 'v': sb_putc(b, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++) {
                v = v * 8 + (uint32_t)(s[i++] - '0');
            }
            if (bytes) {
                sb_putc(b, (char)(v & 0xFF));
            } else {
                sb_utf8(b, v);
            }
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (bytes && c != 'x') {
                sb_putc(b, '\\');
                sb_putc(b, c);
                break;
            }
            uint32_t v = 0;
            int k = 0;
            for (; k < digits && i < len && hexval(s[i]) >= 0; k++) {
                v = v * 16 + (uint32_t)hexval(s[i++]);
            }
            if (k < digits) {
                if (bytes) {
                    snprintf(msg, msgsize, "(value error) invalid \\x escape at position %zu",
                             base + at);
                } else {
                    snprintf(msg, msgsize,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in "
                             "position %zu-%zu: truncated \\%s escape",
                             base + at, base + i - 1,
                             c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
                }
                return false;
            }
            if (bytes) {
                sb_putc(b, (char)v);
            } else if (v > 0x10FFFF) {
                snprintf(msg, msgsize,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                         "%zu-%zu: illegal Unicode character",
                         base + at, base + i - 1);
                return false;
            } else {
                sb_utf8(b, v);
            }
            break;
        }
        case 'N':
            if (!bytes) {
                size_t end = i;
                while (end < len && s[end] != '}') {
                    end++;
                }
                snprintf(msg, msgsize,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                         "%zu-%zu: \\N{...} escapes are not supported",
                         base + at, base + (end < len ? end : len - 1));
                return false;
            }
            sb_putc(b, '\\');
            sb_putc(b, c);
            break;
        default:
            // unknown escape: kept as written (CPython 3.11 only warns)
            sb_putc(b, '\\');
            i--;
            break;
        }
    }
    return true;
}

char *tpy_decode_string(tpy_arena_t *arena, const char *body, size_t len, bool raw,
                        size_t *out_len, tpy_syntax_error_t *err)
{
    sbuf_t b = {arena, NULL, 0, 0, false};
    char msg[sizeof(err->msg)];
    sb_put(&b, "", 0);
    if (!decode_into(&b, body, len, raw, false, 0, msg, sizeof(msg))) {
        tpy_set_error(err, TPY_SYNERR_SYNTAX, 1, 0, "%s", msg);
        return NULL;
    }
    if (b.nomem) {
        tpy_set_error(err, TPY_SYNERR_NOMEM, 1, 0, "out of memory");
        return NULL;
    }
    *out_len = b.len;
    return b.p;
}

/* ---- one literal token ---------------------------------------------------------------- */

typedef struct {
    const tpy_token_t *tok;
    bool raw, bytes, fstr;
    const char *body; // between the quotes
    size_t len;
} lit_t;

static void lit_parse(const tpy_token_t *t, lit_t *l)
{
    const char *s = t->start;
    size_t i = 0;
    l->tok = t;
    l->raw = l->bytes = l->fstr = false;
    while (s[i] != '\'' && s[i] != '"') {
        char c = s[i++];
        if (c == 'r' || c == 'R') {
            l->raw = true;
        } else if (c == 'b' || c == 'B') {
            l->bytes = true;
        } else if (c == 'f' || c == 'F') {
            l->fstr = true;
        }
    }
    size_t q = (t->len - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    l->body = s + i + q;
    l->len = t->len - i - 2 * q;
}

// The file position of [p], a byte inside token [t].
static void pos_in_token(const tpy_token_t *t, const char *p, int *lineno, int *col)
{
    int line = t->lineno;
    const char *line_start = NULL;
    for (const char *q = t->start; q < p; q++) {
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    }
    *lineno = line;
    *col = line_start == NULL ? t->col + (int)(p - t->start) : (int)(p - line_start);
}

/* ---- f-strings -------------------------------------------------------------------------- */

typedef struct {
    tpy_pctx_t *c;
    tpy_pos_t pos;   // the whole run: every part gets it
    tpy_vec_t parts; // of the f-string being built
    sbuf_t lit;      // pending literal text (decoded)
} fbuild_t;

// An error at the end of the token (where CPython 3.11 puts f-string errors).
static void fstring_error(tpy_pctx_t *c, const tpy_token_t *t, const char *msg)
{
    if (c->err->kind == TPY_SYNERR_NONE) {
        tpy_set_error_range(c->err, TPY_SYNERR_SYNTAX, t->end_lineno, t->end_col, t->end_lineno,
                            t->end_col, "%s", msg);
    }
    c->failed = true;
}

static void flush_literal(fbuild_t *f, tpy_vec_t *parts)
{
    if (f->lit.len == 0) {
        return;
    }
    tpy_expr_t *e = tpy_ast_expr(f->c, EXPR_STR, f->pos);
    e->u.str.s = f->lit.p;
    e->u.str.len = f->lit.len;
    tpy_ast_push(f->c, parts, e);
    memset(&f->lit, 0, sizeof(f->lit));
    f->lit.arena = f->c->arena;
}

// Decode a literal chunk of an f-string body into the pending literal.
static bool add_literal(fbuild_t *f, const lit_t *l, const char *s, size_t n)
{
    char msg[sizeof(f->c->err->msg)];
    if (!decode_into(&f->lit, s, n, l->raw, false, (size_t)(s - l->body), msg, sizeof(msg))) {
        fstring_error(f->c, l->tok, msg);
        return false;
    }
    return true;
}

static bool parse_fbody(fbuild_t *f, const lit_t *l, size_t *i, bool spec, int depth,
                        tpy_vec_t *parts);

// A replacement field; *i is just past its '{'.  Appends the field (and for
// {x=} the literal text) to [parts].
static bool parse_field(fbuild_t *f, const lit_t *l, size_t *i, int depth, tpy_vec_t *parts)
{
    tpy_pctx_t *c = f->c;
    const char *s = l->body;
    size_t n = l->len;
    size_t start = *i;
    size_t j = start;
    char nest[TPY_MAXLEVEL];
    int level = 0;
    char quote = 0;
    int qlen = 0;
    size_t end = 0;
    char stop = 0;
    for (;;) {
        if (j >= n) {
            fstring_error(c, l->tok, "f-string: expecting '}'");
            return false;
        }
        char ch = s[j];
        if (ch == '\\') {
            fstring_error(c, l->tok, "f-string expression part cannot include a backslash");
            return false;
        }
        if (quote != 0) {
            if (ch == quote && (qlen == 1 || (j + 2 < n && s[j + 1] == quote &&
                                              s[j + 2] == quote))) {
                j += (size_t)qlen;
                quote = 0;
                continue;
            }
            j++;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            qlen = (j + 2 < n && s[j + 1] == ch && s[j + 2] == ch) ? 3 : 1;
            j += (size_t)qlen;
            continue;
        }
        if (ch == '#') {
            fstring_error(c, l->tok, "f-string expression part cannot include '#'");
            return false;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            if (level >= TPY_MAXLEVEL) {
                fstring_error(c, l->tok, "f-string: too many nested parenthesis");
                return false;
            }
            nest[level++] = ch;
        } else if (ch == ')' || ch == ']' || (ch == '}' && level > 0)) {
            char msg[100];
            if (level == 0) {
                snprintf(msg, sizeof(msg), "f-string: unmatched '%c'", ch);
                fstring_error(c, l->tok, msg);
                return false;
            }
            char open = nest[--level];
            if ((open == '(' && ch != ')') || (open == '[' && ch != ']') ||
                (open == '{' && ch != '}')) {
                snprintf(msg, sizeof(msg),
                         "f-string: closing parenthesis '%c' does not match opening parenthesis "
                         "'%c'",
                         ch, open);
                fstring_error(c, l->tok, msg);
                return false;
            }
        } else if (level == 0) {
            char next = j + 1 < n ? s[j + 1] : 0;
            char before = j > start ? s[j - 1] : 0;
            if (ch == '}' || ch == ':' || (ch == '!' && next != '=') ||
                (ch == '=' && next != '=' && before != '=' && before != '!' && before != '<' &&
                 before != '>')) {
                end = j;
                stop = ch;
                break;
            }
        }
        j++;
    }
    // the expression text is s[start, end)
    bool blank = true;
    for (size_t k = start; k < end; k++) {
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\f') {
            blank = false;
        }
    }
    if (blank) {
        char msg[64];
        if (stop == '}') {
            snprintf(msg, sizeof(msg), "f-string: empty expression not allowed");
        } else {
            snprintf(msg, sizeof(msg), "f-string: expression required before '%c'", stop);
        }
        fstring_error(c, l->tok, msg);
        return false;
    }
    int lineno, col;
    pos_in_token(l->tok, s + start, &lineno, &col);
    tpy_syntax_error_t *err = c->err;
    tpy_expr_t *value = tpy_parse_fstring_field(s + start, end - start, lineno, col,
                                                c->fstring_depth + 1, c->arena, err);
    if (value == NULL) {
        c->failed = true;
        return false;
    }
    j = end;
    int conversion = -1;
    bool debug = false;
    if (s[j] == '=') {
        debug = true;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n')) {
            j++;
        }
        // the text of the expression, '=' and the blanks after it
        sb_put(&f->lit, s + start, j - start);
    }
    if (j < n && s[j] == '!') {
        j++;
        if (j >= n || (s[j] != 's' && s[j] != 'r' && s[j] != 'a')) {
            fstring_error(c, l->tok,
                          j >= n ? "f-string: expecting '}'"
                                 : "f-string: invalid conversion character: expected 's', 'r', "
                                   "or 'a'");
            return false;
        }
        conversion = s[j++];
        if (j >= n || (s[j] != ':' && s[j] != '}')) {
            fstring_error(c, l->tok, "f-string: expecting '}'");
            return false;
        }
    }
    tpy_expr_t *spec = NULL;
    if (j < n && s[j] == ':') {
        j++;
        tpy_vec_t spec_parts = {0, 0, NULL};
        sbuf_t saved = f->lit;
        memset(&f->lit, 0, sizeof(f->lit));
        f->lit.arena = c->arena;
        if (!parse_fbody(f, l, &j, true, depth + 1, &spec_parts)) {
            return false;
        }
        flush_literal(f, &spec_parts);
        f->lit = saved;
        // CPython 3.11 positions a format spec at its own token, not at the
        // whole run of literals like the other parts (and so a spec that is
        // only text)
        spec = tpy_ast_expr(c, EXPR_FSTRING, tpy_pos_tok(l->tok));
        if (spec_parts.n == 1 && ((tpy_expr_t *)spec_parts.items[0])->kind == EXPR_STR) {
            ((tpy_expr_t *)spec_parts.items[0])->pos = spec->pos;
        }
        spec->u.fstring.values = tpy_vec_seq(spec_parts);
    }
    if (j >= n || s[j] != '}') {
        fstring_error(c, l->tok, "f-string: expecting '}'");
        return false;
    }
    *i = j + 1;
    if (debug && conversion == -1 && spec == NULL) {
        conversion = 'r';
    }
    flush_literal(f, parts);
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_FORMATTED, f->pos);
    e->u.formatted.value = value;
    e->u.formatted.conversion = conversion;
    e->u.formatted.format_spec = spec;
    tpy_ast_push(c, parts, e);
    return true;
}

// Literal text and fields of an f-string body from *i; in a format [spec],
// stop at the '}' that closes the field (left at *i).
static bool parse_fbody(fbuild_t *f, const lit_t *l, size_t *i, bool spec, int depth,
                        tpy_vec_t *parts)
{
    const char *s = l->body;
    size_t n = l->len;
    size_t j = *i;
    size_t chunk = j;
    while (j < n) {
        char ch = s[j];
        if (ch == '\\' && !l->raw && j + 1 < n) {
            if (s[j + 1] == 'N' && j + 2 < n && s[j + 2] == '{') {
                // \N{NAME}: its braces are not a field
                while (j < n && s[j] != '}') {
                    j++;
                }
                j++;
            } else if (s[j + 1] == '{' || s[j + 1] == '}') {
                j++; // "\{" is a backslash, then a field
            } else {
                j += 2;
            }
            continue;
        }
        if (ch == '{' || ch == '}') {
            if (!add_literal(f, l, s + chunk, j - chunk)) {
                return false;
            }
            // doubled braces are literal at the top level only: in a format
            // spec, f'{0:{3}}' ends with two closing braces
            if (!spec && j + 1 < n && s[j + 1] == ch) {
                sb_putc(&f->lit, ch);
                j += 2;
                chunk = j;
                continue;
            }
            if (ch == '}') {
                if (spec) {
                    *i = j;
                    return true;
                }
                fstring_error(f->c, l->tok, "f-string: single '}' is not allowed");
                return false;
            }
            if (spec && depth >= TPY_MAXFSTRING_NEST) {
                fstring_error(f->c, l->tok, "f-string: expressions nested too deeply");
                return false;
            }
            j++;
            if (!parse_field(f, l, &j, depth, parts)) {
                return false;
            }
            chunk = j;
            continue;
        }
        j++;
    }
    if (j > n) {
        j = n;
    }
    if (!add_literal(f, l, s + chunk, j - chunk)) {
        return false;
    }
    if (spec) {
        fstring_error(f->c, l->tok, "f-string: expecting '}'");
        return false;
    }
    *i = j;
    return true;
}

/* ---- joining a run of literals -------------------------------------------------------- */

tpy_expr_t *tpy_strlit_join(tpy_pctx_t *c, tpy_strtok_t *first)
{
    tpy_strtok_t *last = first;
    bool any_bytes = false, any_str = false, any_f = false;
    for (tpy_strtok_t *t = first; t != NULL; t = t->next) {
        lit_t l;
        lit_parse(&t->tok, &l);
        any_bytes |= l.bytes;
        any_str |= !l.bytes;
        any_f |= l.fstr;
        last = t;
    }
    tpy_pos_t pos = tpy_pos_span(tpy_pos_tok(&first->tok), tpy_pos_tok(&last->tok));
    if (any_bytes && any_str) {
        tpy_set_error_range(c->err, TPY_SYNERR_SYNTAX, pos.end_lineno, pos.end_col, pos.end_lineno,
                            pos.end_col, "cannot mix bytes and nonbytes literals");
        c->failed = true;
        return NULL;
    }
    char msg[sizeof(c->err->msg)];
    if (any_bytes) {
        sbuf_t b = {c->arena, NULL, 0, 0, false};
        sb_put(&b, "", 0);
        for (tpy_strtok_t *t = first; t != NULL; t = t->next) {
            lit_t l;
            lit_parse(&t->tok, &l);
            for (size_t k = 0; k < l.len; k++) {
                if ((unsigned char)l.body[k] >= 0x80) {
                    tpy_ast_error(c, tpy_pos_tok(&t->tok),
                                  "bytes can only contain ASCII literal characters");
                    return NULL;
                }
            }
            if (!decode_into(&b, l.body, l.len, l.raw, true, 0, msg, sizeof(msg))) {
                fstring_error(c, &t->tok, msg);
                return NULL;
            }
        }
        tpy_expr_t *e = tpy_ast_expr(c, EXPR_BYTES, pos);
        e->u.str.s = b.nomem ? "" : b.p;
        e->u.str.len = b.len;
        return e;
    }
    fbuild_t f;
    memset(&f, 0, sizeof(f));
    f.c = c;
    f.pos = pos;
    f.lit.arena = c->arena;
    sb_put(&f.lit, "", 0);
    for (tpy_strtok_t *t = first; t != NULL; t = t->next) {
        lit_t l;
        lit_parse(&t->tok, &l);
        if (l.fstr) {
            size_t i = 0;
            if (!parse_fbody(&f, &l, &i, false, 0, &f.parts)) {
                return NULL;
            }
        } else if (!add_literal(&f, &l, l.body, l.len)) {
            return NULL;
        }
    }
    if (f.lit.nomem) {
        tpy_ast_alloc(c, SIZE_MAX / 2);
        return NULL;
    }
    if (!any_f) {
        tpy_expr_t *e = tpy_ast_expr(c, EXPR_STR, pos);
        e->u.str.s = f.lit.p;
        e->u.str.len = f.lit.len;
        return e;
    }
    flush_literal(&f, &f.parts);
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_FSTRING, pos);
    e->u.fstring.values = tpy_vec_seq(f.parts);
    return e;
}
