/*
 * grammar/parser_int.h - what the pieces of the grammar layer share and
 * nobody else sees: the token numbers lemon generated, the lexer's extra
 * knobs, the parse context the grammar actions build into, AST constructors,
 * the f-string splitter and the Unicode tables.
 *
 * Who calls whom: driver.c (tpy_parse) drives lexer.re -> parser.y; parser.y's
 * actions call the builders in ast.c (ast_int.h); string tokens go through
 * strlit.c, which parses each f-string field by calling back into driver.c in
 * EVAL mode with the field's position in the file.
 */
#ifndef TPY_GRAMMAR_PARSER_INT_H
#define TPY_GRAMMAR_PARSER_INT_H

#include "grammar/grammar.h"

/* The TK_* numbers lemon writes to build/gen/parser.h (from grammar/parser.y);
 * only -Ibuild/gen has a parser.h. */
#include <parser.h>

#include <stdint.h>

/* ---- limits (CPython's) ------------------------------------------------------ */

#define TPY_MAXLEVEL 200  // nested brackets: "too many nested parentheses"
#define TPY_MAXINDENT 100 // indentation levels: "too many levels of indentation"
#define TPY_MAXFSTRING_NEST 2 // f-string fields inside format specs

/* ---- Unicode (unicode.c, generated) ----------------------------------------- */

bool tpy_uni_is_id_start(uint32_t c);
bool tpy_uni_is_id_continue(uint32_t c);
bool tpy_uni_is_printable(uint32_t c);

/* ---- lexer internals (lexer.re) ---------------------------------------------- */

typedef struct {
    bool interactive; // SINGLE mode: an empty line is a NEWLINE (ends a compound statement)
    bool in_brackets; // f-string field: lex as if inside (), so newlines are insignificant
    int lineno;       // line number of the first byte (1 for a whole file)
    int col;          // column of the first byte (its later lines start at column 0)
} tpy_lexer_opts_t;

// A lexer over a private NUL-terminated copy of [len] bytes of [src] with CRLF
// and CR turned into LF.  NULL only when memory runs out (err filled).
tpy_lexer_t *tpy_lexer_new_ex(const char *src, size_t len, const tpy_lexer_opts_t *opts,
                              tpy_syntax_error_t *err);
// True when the last error was caused by the input ending too early: inside
// brackets, inside a triple-quoted string, or after a backslash continuation.
// SINGLE mode turns such errors into TPY_SYNERR_INCOMPLETE.
bool tpy_lexer_eof_error(const tpy_lexer_t *lx);
// How a lexer error may be overridden after a parser error (CPython tokenizes
// the rest of the input and lets most tokenizer errors win).
enum {
    TPY_LEXERR_NONE,     // no error
    TPY_LEXERR_HARD,     // always wins
    TPY_LEXERR_UNCLOSED, // a bracket never closed: wins if opened before the parser's error line
    TPY_LEXERR_SOFT,     // never wins (backslash continuation problems)
};
int tpy_lexer_error_class(const tpy_lexer_t *lx, int *paren_lineno);
// Send later errors to [err] instead (the driver's look at the rest of the input).
void tpy_lexer_redirect_errors(tpy_lexer_t *lx, tpy_syntax_error_t *err);
// The lexer's copy of the source and its length (tokens point into it).
const char *tpy_lexer_buffer(const tpy_lexer_t *lx, size_t *len);
// Fill [err] (kind, message, one-caret position) unless an error is already recorded.
void tpy_set_error(tpy_syntax_error_t *err, tpy_synerr_kind_t kind, int lineno, int col,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
// Same with an explicit end position.
void tpy_set_error_range(tpy_syntax_error_t *err, tpy_synerr_kind_t kind, int lineno, int col,
                         int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* ---- the parse context (shared by driver.c and parser.y actions) ------------- */

/* An expression with the span of its text including any parentheses around
 * it: CPython positions an enclosing node from the parentheses. */
typedef struct {
    tpy_expr_t *e;
    tpy_pos_t pos;
} tpy_ex_t;

// The string tokens of one run of adjacent literals, collected by the grammar.
typedef struct tpy_strtok {
    tpy_token_t tok;
    struct tpy_strtok *next;
} tpy_strtok_t;

typedef struct tpy_pctx {
    tpy_arena_t *arena;
    tpy_syntax_error_t *err;
    tpy_parse_mode_t mode;
    int fstring_depth;         // >0 while parsing an f-string field
    bool failed;               // an error is recorded: stop feeding tokens
    tpy_module_ast_t *result;  // set by the start rule
    tpy_ex_t last_ex;          // the expression built last (error messages)
    tpy_pos_t field_pos;       // MODE_FIELD: the field's braces, the span of a bare tuple
    bool in_async_def;         // the tokens being fed are inside an async def's body
    tpy_pos_t async_for;       // an `async for` waiting for its comprehension (lineno 0: none)
    void *driver;              // driver.c's state (token history for error messages)
    _Alignas(16) unsigned char scratch[256]; // handed out when the arena is exhausted
} tpy_pctx_t;

/* ---- the parse driver (driver.c) --------------------------------------------- */

// Parse one f-string field [src, len) located at [lineno]/[col] in the file, as
// an expression (a parenthesised one, so newlines are allowed).  NULL on error
// with [err] filled (messages prefixed "f-string: " where CPython does).
tpy_expr_t *tpy_parse_fstring_field(const char *src, size_t len, int lineno, int col,
                                    int depth, tpy_arena_t *arena, tpy_syntax_error_t *err);

/* ---- the lemon parser (parser.y) -------------------------------------------- */

void *tpy_parserAlloc(void *(*mallocProc)(size_t), tpy_pctx_t *ctx);
void tpy_parserFree(void *p, void (*freeProc)(void *));
void tpy_parser(void *p, int major, tpy_token_t minor);
// Would the parser, in its current state, shift token [major] (after the
// reductions it implies)?  Used to word syntax errors ("expected ':'").
bool tpy_parser_accepts(void *p, int major);

/* ---- string literals (strlit.c) ---------------------------------------------- */

// Join a run of adjacent string tokens into one EXPR_STR, EXPR_BYTES or
// EXPR_FSTRING (parsing f-string fields).  NULL with ctx->err filled on error.
tpy_expr_t *tpy_strlit_join(tpy_pctx_t *ctx, tpy_strtok_t *first);

/* ---- small sequences (ast.c) ---------------------------------------------------- */

typedef struct {
    intptr_t n, cap;
    void **items;
} tpy_vec_t;

// Append [item] to [v] (arena-grown).  False when memory runs out.
bool tpy_vec_push(tpy_arena_t *a, tpy_vec_t *v, void *item);
// The vector as a sequence (shares the items).
tpy_seq_t tpy_vec_seq(tpy_vec_t v);

tpy_pos_t tpy_pos_tok(const tpy_token_t *t);
tpy_pos_t tpy_pos_span(tpy_pos_t a, tpy_pos_t b);

#endif
