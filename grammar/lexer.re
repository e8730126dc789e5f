/*
 * grammar/lexer.re - the tokenizer (re2c): source bytes in, tokens with
 * positions out, CPython 3.11's rules and error messages.
 *
 * The lexer works on its own NUL-terminated copy of the source in which CRLF
 * and lone CR are LF and a missing final newline is added, so every logical
 * line ends in '\n' and the NUL at the end is the sentinel re2c stops on.
 * Before lexing, one pass finds the first NUL byte or invalid UTF-8 sequence;
 * it is reported when the lexer reaches its line, as CPython's line-by-line
 * reader would.
 *
 * Indentation is measured the CPython way: only at the start of a logical line
 * outside brackets, twice (tab stops of 8 and of 1) so that a line whose
 * meaning depends on the tab size is a TabError; blank and comment-only lines
 * are skipped (in interactive mode an empty line is a NEWLINE, which is what
 * ends a compound statement at the REPL); pending DEDENTs are queued; at the
 * end of input every open level is closed.  Brackets are kept on a stack with
 * their positions for the "was never closed" / "does not match" messages.
 *
 * re2c handles the token shapes; numbers and string bodies are scanned by
 * hand because their error messages depend on exactly where scanning stops.
 */
#include "grammar/parser_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tpy_lexer {
    char *buf;              // the normalised copy, NUL-terminated
    const char *end;        // buf + length: the sentinel
    const char *cur;        // scanning position
    const char *line_start; // first byte of the current physical line
    int lineno;
    int line_col0;          // column of line_start (non-zero only on a field's first line)
    tpy_syntax_error_t *err;
    bool interactive;
    bool in_brackets;
    // indentation
    int indstack[TPY_MAXINDENT];
    int altindstack[TPY_MAXINDENT];
    int indent;             // index of the current level in indstack
    int pendin;             // > 0: INDENTs to emit; < 0: DEDENTs to emit
    int indent_bytes;       // leading whitespace of the current line (for INDENT's position)
    bool atbol;             // at the beginning of a physical line
    bool blankline;         // the current line is blank or a comment
    bool cont_line;         // the current line continues the previous one (backslash)
    bool line_has_token;    // a token other than INDENT/DEDENT was emitted on this logical line
    // brackets
    int level;
    char parenstack[TPY_MAXLEVEL];
    int parenlineno[TPY_MAXLEVEL];
    int parencol[TPY_MAXLEVEL];
    // state
    bool done;
    bool eof_error;
    int errclass;           // TPY_LEXERR_*: how the last error may be overridden
    bool at_end;            // the input ended normally
    const char *bad;        // first NUL or invalid UTF-8 byte, or NULL
    const char *bad_line;   // start of its line
    int bad_lineno;
};

enum { LEX_EOF = -1 };

/* ---- errors ------------------------------------------------------------------ */

static void vset_error(tpy_syntax_error_t *err, tpy_synerr_kind_t kind, int lineno, int col,
                       int end_lineno, int end_col, const char *fmt, va_list ap)
{
    if (err->kind != TPY_SYNERR_NONE) {
        return;
    }
    err->kind = kind;
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    err->lineno = lineno;
    err->col = col < 0 ? 0 : col;
    err->end_lineno = end_lineno;
    err->end_col = end_col;
}

void tpy_set_error(tpy_syntax_error_t *err, tpy_synerr_kind_t kind, int lineno, int col,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset_error(err, kind, lineno, col, lineno, (col < 0 ? 0 : col) + 1, fmt, ap);
    va_end(ap);
}

void tpy_set_error_range(tpy_syntax_error_t *err, tpy_synerr_kind_t kind, int lineno, int col,
                         int end_lineno, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset_error(err, kind, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
}

// Column of [p] on the current line.
static int col_of(const tpy_lexer_t *lx, const char *p)
{
    return (int)(p - lx->line_start) + lx->line_col0;
}

// A SyntaxError with one caret at [p] on the current line.
static bool error_at(tpy_lexer_t *lx, const char *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool error_at(tpy_lexer_t *lx, const char *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int col = col_of(lx, p);
    vset_error(lx->err, TPY_SYNERR_SYNTAX, lx->lineno, col, lx->lineno, col + 1, fmt, ap);
    va_end(ap);
    lx->done = true;
    return false;
}

static bool error_kind(tpy_lexer_t *lx, tpy_synerr_kind_t kind, int lineno, int col,
                       const char *msg)
{
    tpy_set_error(lx->err, kind, lineno, col, "%s", msg);
    lx->done = true;
    // CPython's tokenizer reports bad indentation through an error code, not an
    // exception, so one found after a parser error does not replace it
    if (kind == TPY_SYNERR_INDENT || kind == TPY_SYNERR_TAB) {
        lx->errclass = TPY_LEXERR_SOFT;
    }
    return false;
}

/* ---- UTF-8 ------------------------------------------------------------------- */

// Length of the valid UTF-8 sequence at [p] (1..4), or 0 if invalid; *why gets
// the codec's reason.  [end] bounds the read.
static int utf8_len(const unsigned char *p, const unsigned char *end, const char **why)
{
    unsigned c = p[0];
    int n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) {
            lo = 0xA0;
        } else if (c == 0xED) {
            hi = 0x9F;
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
    } else {
        *why = "invalid start byte";
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if (p + i >= end) {
            *why = "unexpected end of data";
            return 0;
        }
        unsigned cc = p[i];
        if (cc < lo || cc > hi) {
            *why = "invalid continuation byte";
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return n;
}

// Decode the valid UTF-8 sequence at [p]; *n gets its length.
static uint32_t utf8_decode(const char *s, int *n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        *n = 1;
        return p[0];
    } else if (p[0] < 0xE0) {
        *n = 2;
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    } else if (p[0] < 0xF0) {
        *n = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Find the first NUL or invalid UTF-8 byte; remember it and its line.
static void find_bad_byte(tpy_lexer_t *lx)
{
    const unsigned char *p = (const unsigned char *)lx->buf;
    const unsigned char *end = (const unsigned char *)lx->end;
    const char *line = lx->buf;
    int lineno = lx->lineno;
    while (p < end) {
        if (*p == '\n') {
            lineno++;
            p++;
            line = (const char *)p;
        } else if (*p == 0) {
            break;
        } else if (*p < 0x80) {
            p++;
        } else {
            const char *why;
            int n = utf8_len(p, end, &why);
            if (n == 0) {
                break;
            }
            p += n;
        }
    }
    if (p < end) {
        lx->bad = (const char *)p;
        lx->bad_line = line;
        lx->bad_lineno = lineno;
    }
}

// Report the bad byte find_bad_byte found, as CPython's decoder would.
static bool report_bad_byte(tpy_lexer_t *lx)
{
    const unsigned char *p = (const unsigned char *)lx->bad;
    lx->done = true;
    if (*p == 0) {
        return error_kind(lx, TPY_SYNERR_SYNTAX, lx->bad_lineno, 0,
                          "source code cannot contain null bytes");
    }
    const char *why = "invalid start byte";
    utf8_len(p, (const unsigned char *)lx->end, &why);
    int col = (int)(lx->bad - lx->bad_line) + (lx->bad_line == lx->buf ? lx->line_col0 : 0);
    // CPython counts the position within the piece it was decoding, which
    // usually starts at the bad byte
    tpy_set_error(lx->err, TPY_SYNERR_SYNTAX, lx->bad_lineno, col,
                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position 0: %s", *p,
                  why);
    return false;
}

/* ---- construction ------------------------------------------------------------ */

tpy_lexer_t *tpy_lexer_new_ex(const char *src, size_t len, const tpy_lexer_opts_t *opts,
                              tpy_syntax_error_t *err)
{
    if (len > (size_t)INT32_MAX) { // columns and offsets are ints
        tpy_set_error(err, TPY_SYNERR_SYNTAX, 1, 0, "source code too long");
        return NULL;
    }
    tpy_lexer_t *lx = calloc(1, sizeof(*lx));
    char *buf = malloc(len + 2);
    if (lx == NULL || buf == NULL) {
        free(lx);
        free(buf);
        tpy_set_error(err, TPY_SYNERR_NOMEM, 1, 0, "out of memory");
        return NULL;
    }
    size_t n = 0;
    size_t i = 0;
    if (!opts->in_brackets && len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        i = 3; // a UTF-8 byte order mark
    }
    for (; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            if (i + 1 < len && src[i + 1] == '\n') {
                i++;
            }
            c = '\n';
        }
        buf[n++] = c;
    }
    if (n > 0 && buf[n - 1] != '\n' && !opts->in_brackets) {
        buf[n++] = '\n';
    }
    buf[n] = '\0';
    lx->buf = buf;
    lx->end = buf + n;
    lx->cur = buf;
    lx->line_start = buf;
    lx->lineno = opts->lineno > 0 ? opts->lineno : 1;
    lx->line_col0 = opts->col;
    lx->err = err;
    lx->interactive = opts->interactive;
    lx->in_brackets = opts->in_brackets;
    lx->atbol = !opts->in_brackets;
    find_bad_byte(lx);
    return lx;
}

tpy_lexer_t *tpy_lexer_new(const char *src, size_t len, tpy_syntax_error_t *err)
{
    tpy_lexer_opts_t opts = {.lineno = 1};
    return tpy_lexer_new_ex(src, len, &opts, err);
}

void tpy_lexer_free(tpy_lexer_t *lx)
{
    if (lx != NULL) {
        free(lx->buf);
        free(lx);
    }
}

bool tpy_lexer_eof_error(const tpy_lexer_t *lx)
{
    return lx->eof_error;
}

const char *tpy_lexer_buffer(const tpy_lexer_t *lx, size_t *len)
{
    *len = (size_t)(lx->end - lx->buf);
    return lx->buf;
}

/* ---- tokens ------------------------------------------------------------------ */

// Fill [tok] for [kind] spanning [start, lx->cur) on the current line.
static bool make_token(tpy_lexer_t *lx, tpy_token_t *tok, int kind, const char *start)
{
    tok->kind = kind;
    tok->start = start;
    tok->len = (size_t)(lx->cur - start);
    tok->lineno = lx->lineno;
    tok->col = col_of(lx, start);
    tok->end_lineno = lx->lineno;
    tok->end_col = col_of(lx, lx->cur);
    return true;
}

// A token that takes no room (INDENT, DEDENT, the end) at the current position.
static bool make_empty(tpy_lexer_t *lx, tpy_token_t *tok, int kind)
{
    return make_token(lx, tok, kind, lx->cur);
}

/* ---- indentation --------------------------------------------------------------- */

// At the start of a physical line: measure its indentation and queue
// INDENT/DEDENT tokens (CPython's algorithm).  False on error.
static bool measure_indent(tpy_lexer_t *lx)
{
    int col = 0, altcol = 0;
    const char *p = lx->cur;
    for (;; p++) {
        if (*p == ' ') {
            col++;
            altcol++;
        } else if (*p == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (*p == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    lx->indent_bytes = (int)(p - lx->cur);
    bool at_end = p >= lx->end;
    lx->blankline = false;
    if (!at_end && (*p == '#' || *p == '\n')) {
        if (lx->interactive && col == 0 && *p == '\n') {
            lx->blankline = false; // an empty line ends the statement at the REPL
        } else if (lx->interactive && !lx->line_has_token && lx->lineno == 1) {
            col = altcol = 0;
        } else {
            lx->blankline = true;
        }
    }
    if (at_end) {
        col = altcol = 0; // the end of input closes every block
    }
    if (lx->blankline || lx->level > 0) {
        return true;
    }
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent]) {
            return error_kind(lx, TPY_SYNERR_TAB, lx->lineno, 0,
                              "inconsistent use of tabs and spaces in indentation");
        }
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= TPY_MAXINDENT) {
            return error_kind(lx, TPY_SYNERR_INDENT, lx->lineno, 0,
                              "too many levels of indentation");
        }
        if (altcol <= lx->altindstack[lx->indent]) {
            return error_kind(lx, TPY_SYNERR_TAB, lx->lineno, 0,
                              "inconsistent use of tabs and spaces in indentation");
        }
        lx->pendin++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent]) {
            const char *eol = p;
            while (*eol != '\n' && eol < lx->end) {
                eol++;
            }
            return error_kind(lx, TPY_SYNERR_INDENT, lx->lineno, col_of(lx, eol),
                              "unindent does not match any outer indentation level");
        }
        if (altcol != lx->altindstack[lx->indent]) {
            return error_kind(lx, TPY_SYNERR_TAB, lx->lineno, 0,
                              "inconsistent use of tabs and spaces in indentation");
        }
    }
    return true;
}

/* ---- numbers ----------------------------------------------------------------- */

// CPython's tok_nextc/tok_backup on our buffer: the end reads as LEX_EOF.
static int nextc(tpy_lexer_t *lx)
{
    if (lx->cur >= lx->end) {
        return LEX_EOF;
    }
    return (unsigned char)*lx->cur++;
}

static void backup(tpy_lexer_t *lx, int c)
{
    if (c != LEX_EOF) {
        lx->cur--;
    }
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_ascii_ident_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

// CPython reports tokenizer errors with the caret on the character before the
// cursor.
static bool number_error(tpy_lexer_t *lx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static bool number_error(tpy_lexer_t *lx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int col = col_of(lx, lx->cur) - 1;
    vset_error(lx->err, TPY_SYNERR_SYNTAX, lx->lineno, col, lx->lineno, col + 1, fmt, ap);
    va_end(ap);
    lx->done = true;
    return false;
}

// Does [word] follow the cursor?  (Leaves the cursor where it was.)
static bool looking_at(tpy_lexer_t *lx, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(lx->end - lx->cur) >= n && memcmp(lx->cur, word, n) == 0;
}

// After a number, [c] was read: a letter glued to it is an error, except for
// the start of a keyword that may follow a number in valid code (1if x else y),
// which CPython only warns about.
static bool verify_end_of_number(tpy_lexer_t *lx, int c, const char *kind)
{
    bool keyword = false;
    switch (c) {
    case 'a': keyword = looking_at(lx, "nd"); break;
    case 'e': keyword = looking_at(lx, "lse"); break;
    case 'f': keyword = looking_at(lx, "or"); break;
    case 'i': keyword = looking_at(lx, "f") || looking_at(lx, "n") || looking_at(lx, "s"); break;
    case 'o': keyword = looking_at(lx, "r"); break;
    case 'n': keyword = looking_at(lx, "ot"); break;
    default: break;
    }
    if (keyword) {
        return true;
    }
    if (c >= 0 && c < 128 && is_ascii_ident_char(c)) {
        backup(lx, c);
        return number_error(lx, "invalid %s literal", kind);
    }
    return true;
}

// Digits and single underscores after a digit; returns the first other
// character read, or -2 after an error.
static int decimal_tail(tpy_lexer_t *lx)
{
    int c;
    for (;;) {
        do {
            c = nextc(lx);
        } while (is_digit(c));
        if (c != '_') {
            break;
        }
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            number_error(lx, "invalid decimal literal");
            return -2;
        }
    }
    return c;
}

// Radix literal after 0x/0o/0b: [digit] says which characters are digits.
static bool radix_tail(tpy_lexer_t *lx, int radix, const char *kind)
{
    int c = nextc(lx);
    do {
        if (c == '_') {
            c = nextc(lx);
        }
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                return number_error(lx, "invalid digit '%c' in %s literal", c, kind);
            }
            backup(lx, c);
            return number_error(lx, "invalid %s literal", kind);
        }
        do {
            c = nextc(lx);
        } while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        return number_error(lx, "invalid digit '%c' in %s literal", c, kind);
    }
    if (!verify_end_of_number(lx, c, kind)) {
        return false;
    }
    backup(lx, c);
    return true;
}

// Scan a number whose first character ([start]) the cursor has just passed.
// On success the cursor is at its end.
static bool scan_number(tpy_lexer_t *lx, const char *start)
{
    int c = (unsigned char)*start;
    if (c == '.') {
        c = nextc(lx);
        goto fraction;
    }
    if (c == '0') {
        c = nextc(lx);
        if (c == 'x' || c == 'X') {
            return radix_tail(lx, 16, "hexadecimal");
        } else if (c == 'o' || c == 'O') {
            return radix_tail(lx, 8, "octal");
        } else if (c == 'b' || c == 'B') {
            return radix_tail(lx, 2, "binary");
        }
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc(lx);
                if (!is_digit(c)) {
                    backup(lx, c);
                    return number_error(lx, "invalid decimal literal");
                }
            }
            if (c != '0') {
                break;
            }
            c = nextc(lx);
        }
        const char *zeros_end = lx->cur;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail(lx);
            if (c == -2) {
                return false;
            }
        }
        if (c == '.') {
            c = nextc(lx);
            goto fraction;
        } else if (c == 'e' || c == 'E') {
            goto exponent;
        } else if (c == 'j' || c == 'J') {
            goto imaginary;
        } else if (nonzero) {
            backup(lx, c);
            tpy_set_error_range(lx->err, TPY_SYNERR_SYNTAX, lx->lineno, col_of(lx, start),
                                lx->lineno, col_of(lx, zeros_end) - 1,
                                "leading zeros in decimal integer literals are not permitted; "
                                "use an 0o prefix for octal integers");
            lx->done = true;
            return false;
        }
        if (!verify_end_of_number(lx, c, "decimal")) {
            return false;
        }
        backup(lx, c);
        return true;
    }
    // a decimal starting with 1-9
    c = decimal_tail(lx);
    if (c == -2) {
        return false;
    }
    if (c == '.') {
        c = nextc(lx);
        goto fraction;
    }
    goto after_fraction;
fraction:
    if (is_digit(c)) {
        c = decimal_tail(lx);
        if (c == -2) {
            return false;
        }
    }
after_fraction:
    if (c == 'e' || c == 'E') {
exponent:;
        int e = c;
        c = nextc(lx);
        if (c == '+' || c == '-') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                return number_error(lx, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(lx, c);
            if (!verify_end_of_number(lx, e, "decimal")) {
                return false;
            }
            backup(lx, e);
            return true;
        }
        c = decimal_tail(lx);
        if (c == -2) {
            return false;
        }
    }
    if (c == 'j' || c == 'J') {
imaginary:
        c = nextc(lx);
        if (!verify_end_of_number(lx, c, "imaginary")) {
            return false;
        }
    } else if (!verify_end_of_number(lx, c, "decimal")) {
        return false;
    }
    backup(lx, c);
    return true;
}

/* ---- strings ----------------------------------------------------------------- */

// Scan a string literal whose prefix and opening quote the re2c rule matched:
// [start] is the first byte of the token, the cursor is just past the quote.
// Line tracking follows newlines inside triple-quoted strings, so the token
// may end on a later line; *lineno/*col receive the start position.
static bool scan_string(tpy_lexer_t *lx, const char *start, int *lineno, int *col)
{
    const char *p = lx->cur;
    char q = p[-1];
    bool triple = p[0] == q && p[1] == q;
    if (triple) {
        p += 2;
    }
    *lineno = lx->lineno;
    *col = col_of(lx, start);
    for (;;) {
        if (p < lx->end && *p == '\0') {
            return report_bad_byte(lx);
        }
        if (p >= lx->end) {
            lx->eof_error = triple;
            // the last line of the input is the one ending in the final '\n'
            int detected = lx->lineno;
            if (p > lx->buf && p[-1] == '\n') {
                detected--;
            }
            if (detected < *lineno) {
                detected = *lineno;
            }
            tpy_set_error(lx->err, TPY_SYNERR_SYNTAX, *lineno, *col,
                          "unterminated %sstring literal (detected at line %d)",
                          triple ? "triple-quoted " : "", detected);
            lx->done = true;
            return false;
        }
        char c = *p;
        if (c == '\n') {
            if (!triple) {
                tpy_set_error(lx->err, TPY_SYNERR_SYNTAX, *lineno, *col,
                              "unterminated string literal (detected at line %d)", lx->lineno);
                lx->done = true;
                return false;
            }
            p++;
            lx->lineno++;
            lx->line_start = p;
            lx->line_col0 = 0;
            continue;
        }
        if (c == '\\') {
            p++;
            if (*p == '\n') {
                p++;
                lx->lineno++;
                lx->line_start = p;
                lx->line_col0 = 0;
            } else if (p < lx->end && *p != '\0') {
                p++;
            }
            continue;
        }
        p++;
        if (c == q) {
            if (!triple) {
                break;
            }
            if (p[0] == q && p[1] == q) {
                p += 2;
                break;
            }
        }
    }
    lx->cur = p;
    return true;
}

/* ---- identifiers ------------------------------------------------------------- */

// An identifier with non-ASCII bytes: every code point must be XID_Continue
// (the first XID_Start).  The error names the first offending character.
static bool verify_identifier(tpy_lexer_t *lx, const char *start)
{
    const char *p = start;
    bool first = true;
    while (p < lx->cur) {
        int n;
        uint32_t c = utf8_decode(p, &n);
        bool ok = first ? (tpy_uni_is_id_start(c) || c == '_') : tpy_uni_is_id_continue(c);
        if (!ok) {
            if (!tpy_uni_is_printable(c)) {
                return error_at(lx, p, "invalid non-printable character U+%04X", (unsigned)c);
            }
            return error_at(lx, p, "invalid character '%.*s' (U+%04X)", n, p, (unsigned)c);
        }
        first = false;
        p += n;
    }
    return true;
}

/* ---- brackets ---------------------------------------------------------------- */

static bool open_bracket(tpy_lexer_t *lx, const char *start)
{
    if (lx->level >= TPY_MAXLEVEL) {
        tpy_set_error(lx->err, TPY_SYNERR_TOODEEP, lx->lineno, col_of(lx, start),
                      "too many nested parentheses");
        lx->done = true;
        return false;
    }
    lx->parenstack[lx->level] = *start;
    lx->parenlineno[lx->level] = lx->lineno;
    lx->parencol[lx->level] = col_of(lx, start);
    lx->level++;
    return true;
}

static bool close_bracket(tpy_lexer_t *lx, const char *start)
{
    char c = *start;
    if (lx->level == 0) {
        return error_at(lx, start, "unmatched '%c'", c);
    }
    lx->level--;
    char open = lx->parenstack[lx->level];
    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
        if (lx->parenlineno[lx->level] != lx->lineno) {
            return error_at(lx, start,
                            "closing parenthesis '%c' does not match opening parenthesis '%c' "
                            "on line %d",
                            c, open, lx->parenlineno[lx->level]);
        }
        return error_at(lx, start,
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                        open);
    }
    return true;
}

/* ---- the scanner --------------------------------------------------------------- */

/*!re2c
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = "cur";
    re2c:define:YYMARKER = "mar";
    re2c:yyfill:enable = 0;
    re2c:indent:string = "    ";

    strprefix = 'r' | 'u' | 'b' | 'br' | 'rb' | 'f' | 'fr' | 'rf';
    namestart = [a-zA-Z_\x80-\xff];
    namechar = [a-zA-Z0-9_\x80-\xff];
*/

// Kinds scan_one returns besides TK_* tokens.
enum {
    SCAN_SKIP = -100, // whitespace or a comment: keep going
    SCAN_NEWLINE,     // a '\n'
    SCAN_CONT,        // a backslash continuation
    SCAN_END,         // the sentinel
    SCAN_NAME,        // a name that may hold non-ASCII bytes
    SCAN_NUMBER,      // the first character of a number
    SCAN_STRING,      // a string prefix and quote
    SCAN_OPEN,        // ( [ {
    SCAN_CLOSE,       // ) ] }
    SCAN_BAD,         // a character that starts no token
};

static int scan_one(tpy_lexer_t *lx, int *tk)
{
    const unsigned char *cur = (const unsigned char *)lx->cur;
    const unsigned char *mar;
    int k;
    (void)mar;
#define TOK(kind) do { *tk = (kind); k = (kind); goto done; } while (0)
#define RET(kind) do { k = (kind); goto done; } while (0)
    /*!re2c
        [ \t\f]+            { RET(SCAN_SKIP); }
        "#" [^\n\x00]*      { RET(SCAN_SKIP); }
        "\n"                { RET(SCAN_NEWLINE); }
        "\\" "\n"           { RET(SCAN_CONT); }
        "\x00"              { RET(SCAN_END); }

        "False"     { TOK(TK_FALSE); }
        "None"      { TOK(TK_NONE); }
        "True"      { TOK(TK_TRUE); }
        "and"       { TOK(TK_AND); }
        "as"        { TOK(TK_AS); }
        "assert"    { TOK(TK_ASSERT); }
        "async"     { TOK(TK_ASYNC); }
        "await"     { TOK(TK_AWAIT); }
        "break"     { TOK(TK_BREAK); }
        "class"     { TOK(TK_CLASS); }
        "continue"  { TOK(TK_CONTINUE); }
        "def"       { TOK(TK_DEF); }
        "del"       { TOK(TK_DEL); }
        "elif"      { TOK(TK_ELIF); }
        "else"      { TOK(TK_ELSE); }
        "except"    { TOK(TK_EXCEPT); }
        "finally"   { TOK(TK_FINALLY); }
        "for"       { TOK(TK_FOR); }
        "from"      { TOK(TK_FROM); }
        "global"    { TOK(TK_GLOBAL); }
        "if"        { TOK(TK_IF); }
        "import"    { TOK(TK_IMPORT); }
        "in"        { TOK(TK_IN); }
        "is"        { TOK(TK_IS); }
        "lambda"    { TOK(TK_LAMBDA); }
        "nonlocal"  { TOK(TK_NONLOCAL); }
        "not"       { TOK(TK_NOT); }
        "or"        { TOK(TK_OR); }
        "pass"      { TOK(TK_PASS); }
        "raise"     { TOK(TK_RAISE); }
        "return"    { TOK(TK_RETURN); }
        "try"       { TOK(TK_TRY); }
        "while"     { TOK(TK_WHILE); }
        "with"      { TOK(TK_WITH); }
        "yield"     { TOK(TK_YIELD); }

        [a-zA-Z_][a-zA-Z0-9_]*  { TOK(TK_NAME); }
        namestart namechar*     { RET(SCAN_NAME); }
        strprefix? ["']         { RET(SCAN_STRING); }
        [0-9] | "." [0-9]       { RET(SCAN_NUMBER); }

        [([{]       { RET(SCAN_OPEN); }
        [)\]}]      { RET(SCAN_CLOSE); }

        ":"     { TOK(TK_COLON); }
        ","     { TOK(TK_COMMA); }
        ";"     { TOK(TK_SEMI); }
        "+"     { TOK(TK_PLUS); }
        "-"     { TOK(TK_MINUS); }
        "*"     { TOK(TK_STAR); }
        "/"     { TOK(TK_SLASH); }
        "|"     { TOK(TK_VBAR); }
        "&"     { TOK(TK_AMPER); }
        "<"     { TOK(TK_LESS); }
        ">"     { TOK(TK_GREATER); }
        "="     { TOK(TK_EQUAL); }
        "."     { TOK(TK_DOT); }
        "%"     { TOK(TK_PERCENT); }
        "=="    { TOK(TK_EQEQUAL); }
        "!="    { TOK(TK_NOTEQUAL); }
        "<="    { TOK(TK_LESSEQUAL); }
        ">="    { TOK(TK_GREATEREQUAL); }
        "~"     { TOK(TK_TILDE); }
        "^"     { TOK(TK_CIRCUMFLEX); }
        "<<"    { TOK(TK_LEFTSHIFT); }
        ">>"    { TOK(TK_RIGHTSHIFT); }
        "**"    { TOK(TK_DOUBLESTAR); }
        "+="    { TOK(TK_PLUSEQUAL); }
        "-="    { TOK(TK_MINEQUAL); }
        "*="    { TOK(TK_STAREQUAL); }
        "/="    { TOK(TK_SLASHEQUAL); }
        "%="    { TOK(TK_PERCENTEQUAL); }
        "&="    { TOK(TK_AMPEREQUAL); }
        "|="    { TOK(TK_VBAREQUAL); }
        "^="    { TOK(TK_CIRCUMFLEXEQUAL); }
        "<<="   { TOK(TK_LEFTSHIFTEQUAL); }
        ">>="   { TOK(TK_RIGHTSHIFTEQUAL); }
        "**="   { TOK(TK_DOUBLESTAREQUAL); }
        "//"    { TOK(TK_DOUBLESLASH); }
        "//="   { TOK(TK_DOUBLESLASHEQUAL); }
        "@"     { TOK(TK_AT); }
        "@="    { TOK(TK_ATEQUAL); }
        "->"    { TOK(TK_RARROW); }
        "..."   { TOK(TK_ELLIPSIS); }
        ":="    { TOK(TK_COLONEQUAL); }
        "<>"    { RET(SCAN_BAD); }

        *       { RET(SCAN_BAD); }
    */
done:
#undef TOK
#undef RET
    lx->cur = (const char *)cur;
    return k;
}

// Record the "was never closed" error for the innermost open bracket.
static bool unclosed_error(tpy_lexer_t *lx)
{
    int i = lx->level - 1;
    lx->eof_error = true;
    lx->errclass = TPY_LEXERR_UNCLOSED;
    tpy_set_error(lx->err, TPY_SYNERR_SYNTAX, lx->parenlineno[i], lx->parencol[i],
                  "'%c' was never closed", lx->parenstack[i]);
    lx->done = true;
    return false;
}

static bool lexer_next(tpy_lexer_t *lx, tpy_token_t *tok);

bool tpy_lexer_next(tpy_lexer_t *lx, tpy_token_t *tok)
{
    memset(tok, 0, sizeof(*tok));
    if (lx->done) {
        return false;
    }
    if (lexer_next(lx, tok)) {
        return true;
    }
    if (lx->done && !lx->at_end && lx->errclass == TPY_LEXERR_NONE) {
        lx->errclass = TPY_LEXERR_HARD;
    }
    return false;
}

void tpy_lexer_redirect_errors(tpy_lexer_t *lx, tpy_syntax_error_t *err)
{
    lx->err = err;
}

int tpy_lexer_error_class(const tpy_lexer_t *lx, int *paren_lineno)
{
    *paren_lineno = lx->level > 0 ? lx->parenlineno[lx->level - 1] : 0;
    return lx->errclass;
}

static bool lexer_next(tpy_lexer_t *lx, tpy_token_t *tok)
{
    for (;;) {
        if (lx->bad != NULL && lx->cur >= lx->bad_line) {
            return report_bad_byte(lx);
        }
        if (lx->atbol) {
            lx->atbol = false;
            if (!measure_indent(lx)) {
                return false;
            }
        }
        if (lx->pendin != 0) {
            // INDENT and DEDENT sit where the line's first token starts
            const char *at = lx->cur + lx->indent_bytes;
            if (at > lx->end) {
                at = lx->end;
            }
            const char *save = lx->cur;
            lx->cur = at;
            make_empty(lx, tok, lx->pendin < 0 ? TK_DEDENT : TK_INDENT);
            lx->cur = save;
            lx->pendin += lx->pendin < 0 ? 1 : -1;
            return true;
        }
        const char *start = lx->cur;
        int tk = 0;
        int k = scan_one(lx, &tk);
        switch (k) {
        case SCAN_SKIP:
            continue;
        case SCAN_NEWLINE:
            if (lx->blankline || lx->level > 0 || lx->in_brackets) {
                lx->lineno++;
                lx->line_start = lx->cur;
                lx->line_col0 = 0;
                lx->atbol = !lx->in_brackets;
                lx->blankline = false;
                continue;
            }
            make_token(lx, tok, TK_NEWLINE, start);
            tok->len = 0; // zero width, as CPython's NEWLINE token
            tok->end_col = tok->col;
            lx->lineno++;
            lx->line_start = lx->cur;
            lx->line_col0 = 0;
            lx->atbol = true;
            lx->line_has_token = false;
            return true;
        case SCAN_CONT:
            if (lx->cur >= lx->end) {
                lx->eof_error = true;
                if (lx->level > 0) {
                    return unclosed_error(lx);
                }
                lx->errclass = TPY_LEXERR_SOFT;
                return error_at(lx, start + 1, "unexpected EOF while parsing");
            }
            lx->lineno++;
            lx->line_start = lx->cur;
            lx->line_col0 = 0;
            continue;
        case SCAN_END:
            lx->cur = start;
            if (start < lx->end) {
                return report_bad_byte(lx);
            }
            if (lx->level > 0 && !lx->in_brackets) {
                return unclosed_error(lx);
            }
            if (lx->indent > 0) {
                lx->indent--;
                make_empty(lx, tok, TK_DEDENT);
                return true;
            }
            lx->done = true;
            lx->at_end = true;
            return false;
        case SCAN_NAME:
            if (!verify_identifier(lx, start)) {
                return false;
            }
            tk = TK_NAME;
            break;
        case SCAN_NUMBER:
            if (!scan_number(lx, start)) {
                return false;
            }
            tk = TK_NUMBER;
            break;
        case SCAN_STRING: {
            int lineno, col;
            if (!scan_string(lx, start, &lineno, &col)) {
                return false;
            }
            if (lx->bad != NULL && lx->cur > lx->bad) {
                return report_bad_byte(lx);
            }
            make_token(lx, tok, TK_STRING, start);
            tok->lineno = lineno;
            tok->col = col;
            lx->line_has_token = true;
            return true;
        }
        case SCAN_OPEN:
            if (!open_bracket(lx, start)) {
                return false;
            }
            tk = *start == '(' ? TK_LPAR : *start == '[' ? TK_LSQB : TK_LBRACE;
            break;
        case SCAN_CLOSE:
            if (!close_bracket(lx, start)) {
                return false;
            }
            tk = *start == ')' ? TK_RPAR : *start == ']' ? TK_RSQB : TK_RBRACE;
            break;
        case SCAN_BAD: {
            unsigned char c = (unsigned char)*start;
            if (c == '\\') {
                lx->errclass = TPY_LEXERR_SOFT;
                return error_at(lx, start + 1,
                                "unexpected character after line continuation character");
            }
            if (c < 0x20 || c == 0x7F) {
                return error_at(lx, start, "invalid non-printable character U+%04X", c);
            }
            tk = TK_ERRORTOKEN;
            break;
        }
        default:
            break;
        }
        make_token(lx, tok, tk, start);
        lx->line_has_token = true;
        return true;
    }
}

const char *tpy_token_name(int kind)
{
    switch (kind) {
    case 0: return "ENDMARKER";
    case TK_NAME: return "NAME";
    case TK_NUMBER: return "NUMBER";
    case TK_STRING: return "STRING";
    case TK_NEWLINE: return "NEWLINE";
    case TK_INDENT: return "INDENT";
    case TK_DEDENT: return "DEDENT";
    case TK_ERRORTOKEN: return "ERRORTOKEN";
    case TK_LPAR: return "'('";
    case TK_RPAR: return "')'";
    case TK_LSQB: return "'['";
    case TK_RSQB: return "']'";
    case TK_LBRACE: return "'{'";
    case TK_RBRACE: return "'}'";
    case TK_COLON: return "':'";
    case TK_COMMA: return "','";
    case TK_SEMI: return "';'";
    case TK_PLUS: return "'+'";
    case TK_MINUS: return "'-'";
    case TK_STAR: return "'*'";
    case TK_SLASH: return "'/'";
    case TK_VBAR: return "'|'";
    case TK_AMPER: return "'&'";
    case TK_LESS: return "'<'";
    case TK_GREATER: return "'>'";
    case TK_EQUAL: return "'='";
    case TK_DOT: return "'.'";
    case TK_PERCENT: return "'%'";
    case TK_EQEQUAL: return "'=='";
    case TK_NOTEQUAL: return "'!='";
    case TK_LESSEQUAL: return "'<='";
    case TK_GREATEREQUAL: return "'>='";
    case TK_TILDE: return "'~'";
    case TK_CIRCUMFLEX: return "'^'";
    case TK_LEFTSHIFT: return "'<<'";
    case TK_RIGHTSHIFT: return "'>>'";
    case TK_DOUBLESTAR: return "'**'";
    case TK_PLUSEQUAL: return "'+='";
    case TK_MINEQUAL: return "'-='";
    case TK_STAREQUAL: return "'*='";
    case TK_SLASHEQUAL: return "'/='";
    case TK_PERCENTEQUAL: return "'%='";
    case TK_AMPEREQUAL: return "'&='";
    case TK_VBAREQUAL: return "'|='";
    case TK_CIRCUMFLEXEQUAL: return "'^='";
    case TK_LEFTSHIFTEQUAL: return "'<<='";
    case TK_RIGHTSHIFTEQUAL: return "'>>='";
    case TK_DOUBLESTAREQUAL: return "'**='";
    case TK_DOUBLESLASH: return "'//'";
    case TK_DOUBLESLASHEQUAL: return "'//='";
    case TK_AT: return "'@'";
    case TK_ATEQUAL: return "'@='";
    case TK_RARROW: return "'->'";
    case TK_ELLIPSIS: return "'...'";
    case TK_COLONEQUAL: return "':='";
    case TK_FALSE: return "'False'";
    case TK_NONE: return "'None'";
    case TK_TRUE: return "'True'";
    case TK_AND: return "'and'";
    case TK_AS: return "'as'";
    case TK_ASSERT: return "'assert'";
    case TK_ASYNC: return "'async'";
    case TK_AWAIT: return "'await'";
    case TK_BREAK: return "'break'";
    case TK_CLASS: return "'class'";
    case TK_CONTINUE: return "'continue'";
    case TK_DEF: return "'def'";
    case TK_DEL: return "'del'";
    case TK_ELIF: return "'elif'";
    case TK_ELSE: return "'else'";
    case TK_EXCEPT: return "'except'";
    case TK_FINALLY: return "'finally'";
    case TK_FOR: return "'for'";
    case TK_FROM: return "'from'";
    case TK_GLOBAL: return "'global'";
    case TK_IF: return "'if'";
    case TK_IMPORT: return "'import'";
    case TK_IN: return "'in'";
    case TK_IS: return "'is'";
    case TK_LAMBDA: return "'lambda'";
    case TK_NONLOCAL: return "'nonlocal'";
    case TK_NOT: return "'not'";
    case TK_OR: return "'or'";
    case TK_PASS: return "'pass'";
    case TK_RAISE: return "'raise'";
    case TK_RETURN: return "'return'";
    case TK_TRY: return "'try'";
    case TK_WHILE: return "'while'";
    case TK_WITH: return "'with'";
    case TK_YIELD: return "'yield'";
    default: return "?";
    }
}
