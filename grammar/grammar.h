/*
 * grammar/grammar.h - the public header of the grammar layer: source text in,
 * arena AST (grammar/ast.h) or a syntax error out.
 *
 * The grammar layer creates no objects and includes only grammar/ and libc.
 * Errors are plain data (tpy_syntax_error_t) that vm/ turns into a Python
 * SyntaxError / IndentationError / TabError with CPython's message, line,
 * column and source line.
 */
#ifndef TPY_GRAMMAR_GRAMMAR_H
#define TPY_GRAMMAR_GRAMMAR_H

#include "grammar/ast.h"

/* ---- the arena ------------------------------------------------------------- */

// A new empty arena, or NULL on exhaustion.
tpy_arena_t *tpy_arena_new(void);
// Free the arena and everything allocated in it.
void tpy_arena_free(tpy_arena_t *arena);
// [size] zeroed bytes from [arena], 16-byte aligned; NULL on exhaustion.
void *tpy_arena_alloc(tpy_arena_t *arena, size_t size);
// A NUL-terminated arena copy of [len] bytes of [s].
char *tpy_arena_strndup(tpy_arena_t *arena, const char *s, size_t len);

/* ---- parsing --------------------------------------------------------------- */

typedef enum {
    TPY_SYNERR_NONE,
    TPY_SYNERR_SYNTAX,      // SyntaxError
    TPY_SYNERR_INDENT,      // IndentationError
    TPY_SYNERR_TAB,         // TabError
    TPY_SYNERR_NOMEM,       // MemoryError
    TPY_SYNERR_TOODEEP,     // too many nested parentheses/blocks: SyntaxError
    TPY_SYNERR_INCOMPLETE,  // SINGLE mode: the input needs more lines (the REPL's "... ")
} tpy_synerr_kind_t;

typedef struct {
    tpy_synerr_kind_t kind;
    char msg[256];          // CPython's text: "invalid syntax", "expected ':'", ...
    int lineno;             // 1-based
    int col;                // 0-based byte offset of the caret's start
    int end_lineno;         // CPython's end position (exclusive) for the ^^^ span;
    int end_col;            // equal to lineno/col+1 for a single caret; -1: the error
                            // is at the end of input (no caret, end_offset -1)
} tpy_syntax_error_t;

/*
 * Parse [len] bytes of [src] (need not be NUL-terminated; may contain NULs,
 * which are reported as errors).  [mode] selects file input, a single REPL
 * input, or one expression.  On success returns the tree (allocated in
 * [arena]) and leaves err->kind == TPY_SYNERR_NONE; on failure returns NULL
 * and fills [err].  Never crashes on any input: deep nesting, huge lines,
 * invalid UTF-8 and NUL bytes all become syntax errors.
 */
tpy_module_ast_t *tpy_parse(const char *src, size_t len, tpy_parse_mode_t mode, tpy_arena_t *arena,
                            tpy_syntax_error_t *err);

/* ---- string literals ------------------------------------------------------- */

// Decode the body of a string literal (escapes processed unless [raw]) into
// arena UTF-8.  Returns NULL and fills [err] for bad escapes; *out_len gets the length.
char *tpy_decode_string(tpy_arena_t *arena, const char *body, size_t len, bool raw,
                        size_t *out_len, tpy_syntax_error_t *err);

/* ---- lexer (exposed for tests and the REPL's completeness check) ------------ */

typedef struct {
    int kind;          // a TK_* value from lemon's build/gen/parser.h, or 0 at end
    const char *start; // points into the source
    size_t len;
    int lineno, col;         // start (1-based line, 0-based byte column)
    int end_lineno, end_col; // end (exclusive)
} tpy_token_t;

typedef struct tpy_lexer tpy_lexer_t;
tpy_lexer_t *tpy_lexer_new(const char *src, size_t len, tpy_syntax_error_t *err);
void tpy_lexer_free(tpy_lexer_t *lx);
// Next token; returns false at end of input or on error (err->kind set).
bool tpy_lexer_next(tpy_lexer_t *lx, tpy_token_t *tok);
// The name of a token kind ("NAME", "INDENT", "'('"...), for tests and errors.
const char *tpy_token_name(int kind);

#endif
