/*
 * tests/unit/test_lexer.c - the tokenizer on its own: token kinds, texts and
 * positions, indentation (INDENT/DEDENT, blank and comment lines, brackets,
 * continuations, tabs), every literal form, and CPython 3.11's tokenizer
 * error messages and positions (checked against python3).
 *
 * Uses only the grammar layer (no runtime), so no tests/unit/support.h.
 * Tokens are printed as KIND(text) with KIND from tpy_token_name; the text is
 * shown for names, numbers and strings only.
 */
#include "grammar/grammar.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *p;
    size_t len, cap;
} buf_t;

static void put(buf_t *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void putf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(buf_t *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    put(b, tmp, (size_t)n);
}

// The tokens of [src] (length [n]) as text; with [pos], each with its span.
// An error ends the list with "ERR kind 'message' line:col".
static char *lexn(const char *src, size_t n, bool pos)
{
    buf_t b = {NULL, 0, 0};
    put(&b, "", 0);
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof(err));
    tpy_lexer_t *lx = tpy_lexer_new(src, n, &err);
    cr_assert_not_null(lx);
    tpy_token_t t;
    bool first = true;
    while (tpy_lexer_next(lx, &t)) {
        const char *name = tpy_token_name(t.kind);
        putf(&b, "%s%s", first ? "" : " ", name);
        first = false;
        if (strcmp(name, "NAME") == 0 || strcmp(name, "NUMBER") == 0 ||
            strcmp(name, "STRING") == 0 || strcmp(name, "ERRORTOKEN") == 0) {
            put(&b, "(", 1);
            put(&b, t.start, t.len);
            put(&b, ")", 1);
        }
        if (pos) {
            putf(&b, "@%d:%d-%d:%d", t.lineno, t.col, t.end_lineno, t.end_col);
        }
    }
    if (err.kind != TPY_SYNERR_NONE) {
        putf(&b, "%sERR %d '%s' %d:%d", first ? "" : " ", (int)err.kind, err.msg, err.lineno,
             err.col);
    }
    tpy_lexer_free(lx);
    return b.p;
}

static char *lex(const char *src)
{
    return lexn(src, strlen(src), false);
}

static char *lexpos(const char *src)
{
    return lexn(src, strlen(src), true);
}

#define LEXES_TO(src, expected)                                                                   \
    do {                                                                                          \
        char *got_ = lex(src);                                                                    \
        cr_expect_str_eq(got_, expected, "source: %s", src);                                      \
        free(got_);                                                                               \
    } while (0)

#define LEXES_WITH_POS(src, expected)                                                             \
    do {                                                                                          \
        char *got_ = lexpos(src);                                                                 \
        cr_expect_str_eq(got_, expected, "source: %s", src);                                      \
        free(got_);                                                                               \
    } while (0)

// The error [src] gives: kind, message, line and column.
static void expect_error(const char *src, size_t n, tpy_synerr_kind_t kind, const char *msg,
                         int lineno, int col)
{
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof(err));
    tpy_lexer_t *lx = tpy_lexer_new(src, n, &err);
    cr_assert_not_null(lx);
    tpy_token_t t;
    int guard = 0;
    while (tpy_lexer_next(lx, &t) && guard++ < 100000) {
    }
    cr_expect_eq(err.kind, kind, "source %s: kind %d, expected %d (%s)", src, err.kind, kind,
                 err.msg);
    cr_expect_str_eq(err.msg, msg, "source: %s", src);
    cr_expect_eq(err.lineno, lineno, "source %s: line %d, expected %d", src, err.lineno, lineno);
    cr_expect_eq(err.col, col, "source %s: col %d, expected %d", src, err.col, col);
    tpy_lexer_free(lx);
}

#define ERRS(src, msg, line, col) ERRK(TPY_SYNERR_SYNTAX, src, msg, line, col)
// [src] must be a string literal: its length may include NUL bytes.
#define ERRK(kind, src, msg, line, col) expect_error(src, sizeof(src) - 1, kind, msg, line, col)

TestSuite(lexer);

/* ---- tokens and positions ------------------------------------------------------ */

Test(lexer, simple_statement_has_positions_and_a_zero_width_newline)
{
    LEXES_WITH_POS("x = 1\n", "NAME(x)@1:0-1:1 '='@1:2-1:3 NUMBER(1)@1:4-1:5 NEWLINE@1:5-1:5");
}

Test(lexer, missing_final_newline_is_added)
{
    LEXES_WITH_POS("x", "NAME(x)@1:0-1:1 NEWLINE@1:1-1:1");
}

Test(lexer, empty_input_has_no_tokens)
{
    LEXES_TO("", "");
    LEXES_TO("\n\n   \n", "");
    LEXES_TO("# only a comment", "");
}

Test(lexer, keywords_are_distinct_tokens_and_case_sensitive)
{
    LEXES_TO("False None True and as assert async await break class continue def del",
             "'False' 'None' 'True' 'and' 'as' 'assert' 'async' 'await' 'break' 'class' "
             "'continue' 'def' 'del' NEWLINE");
    LEXES_TO("elif else except finally for from global if import in is lambda nonlocal",
             "'elif' 'else' 'except' 'finally' 'for' 'from' 'global' 'if' 'import' 'in' 'is' "
             "'lambda' 'nonlocal' NEWLINE");
    LEXES_TO("not or pass raise return try while with yield",
             "'not' 'or' 'pass' 'raise' 'return' 'try' 'while' 'with' 'yield' NEWLINE");
    LEXES_TO("false NONE iff Falsey _ match case",
             "NAME(false) NAME(NONE) NAME(iff) NAME(Falsey) NAME(_) NAME(match) NAME(case) "
             "NEWLINE");
}

Test(lexer, unicode_identifiers_are_names)
{
    LEXES_WITH_POS("é = 变量\n",
                   "NAME(é)@1:0-1:2 '='@1:3-1:4 NAME(变量)@1:5-1:11 NEWLINE@1:11-1:11");
}

Test(lexer, every_operator_and_delimiter_is_one_token)
{
    LEXES_TO("( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >>",
             "'(' ')' '[' ']' '{' '}' ':' ',' ';' '+' '-' '*' '/' '|' '&' '<' '>' '=' '.' '%' "
             "'==' '!=' '<=' '>=' '~' '^' '<<' '>>' NEWLINE");
    LEXES_TO("** += -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... :=",
             "'**' '+=' '-=' '*=' '/=' '%=' '&=' '|=' '^=' '<<=' '>>=' '**=' '//' '//=' '@' "
             "'@=' '->' '...' ':=' NEWLINE");
    LEXES_TO("a**=b//=c>>=d", "NAME(a) '**=' NAME(b) '//=' NAME(c) '>>=' NAME(d) NEWLINE");
    LEXES_TO("x...y", "NAME(x) '...' NAME(y) NEWLINE");
    LEXES_TO("x..y", "NAME(x) '.' '.' NAME(y) NEWLINE");
}

Test(lexer, characters_that_start_no_token_are_error_tokens)
{
    LEXES_TO("x = $", "NAME(x) '=' ERRORTOKEN($) NEWLINE");
    LEXES_TO("a ? b ! c `", "NAME(a) ERRORTOKEN(?) NAME(b) ERRORTOKEN(!) NAME(c) ERRORTOKEN(`) "
                            "NEWLINE");
}

/* ---- numbers ----------------------------------------------------------------------- */

Test(lexer, every_number_form_is_one_number_token)
{
    LEXES_TO("0 7 1_000 0x_1F 0XfF 0o17 0O7_7 0b1 0B1_0 00 0_0",
             "NUMBER(0) NUMBER(7) NUMBER(1_000) NUMBER(0x_1F) NUMBER(0XfF) NUMBER(0o17) "
             "NUMBER(0O7_7) NUMBER(0b1) NUMBER(0B1_0) NUMBER(00) NUMBER(0_0) NEWLINE");
    LEXES_TO("1.5 1e-3 .5 1. 1_000.0 1E+5 0e0 09.5 1.e5 5.j 1j 1e5J 0j",
             "NUMBER(1.5) NUMBER(1e-3) NUMBER(.5) NUMBER(1.) NUMBER(1_000.0) NUMBER(1E+5) "
             "NUMBER(0e0) NUMBER(09.5) NUMBER(1.e5) NUMBER(5.j) NUMBER(1j) NUMBER(1e5J) NUMBER(0j) "
             "NEWLINE");
}

Test(lexer, number_followed_by_a_keyword_splits_like_cpython)
{
    LEXES_TO("1if x else y", "NUMBER(1) 'if' NAME(x) 'else' NAME(y) NEWLINE");
    LEXES_TO("0x1for", "NUMBER(0x1f) 'or' NEWLINE");
    LEXES_TO("1or 2", "NUMBER(1) 'or' NUMBER(2) NEWLINE");
}

Test(lexer, bad_numbers_give_cpython_messages_and_positions)
{
    ERRS("1abc", "invalid decimal literal", 1, 0);
    ERRS("0x", "invalid hexadecimal literal", 1, 1);
    ERRS("0xg", "invalid hexadecimal literal", 1, 1);
    ERRS("012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                "for octal integers", 1, 0);
    ERRS("09", "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
               "for octal integers", 1, 0);
    ERRS("1__0", "invalid decimal literal", 1, 1);
    ERRS("1_", "invalid decimal literal", 1, 1);
    ERRS("1e", "invalid decimal literal", 1, 0);
    ERRS("1e_5", "invalid decimal literal", 1, 0);
    ERRS("1.5e+", "invalid decimal literal", 1, 4);
    ERRS("0.5_", "invalid decimal literal", 1, 3);
    ERRS("1._5", "invalid decimal literal", 1, 1);
    ERRS("1.__class__", "invalid decimal literal", 1, 1);
    ERRS("0b2", "invalid digit '2' in binary literal", 1, 2);
    ERRS("0b", "invalid binary literal", 1, 1);
    ERRS("0b1_", "invalid binary literal", 1, 3);
    ERRS("0o8", "invalid digit '8' in octal literal", 1, 2);
    ERRS("0o", "invalid octal literal", 1, 1);
    ERRS("x = 1jx", "invalid imaginary literal", 1, 5);
    ERRS("1.real", "invalid decimal literal", 1, 1);
}

/* ---- strings ------------------------------------------------------------------------- */

Test(lexer, every_string_prefix_and_quote_is_one_string_token)
{
    LEXES_TO("'a' \"b\" r'c' R\"d\" b'e' B'f' u'g' U'h' f'i' F'j' rb'k' bR'l' Rb'm' BR'n' "
             "fr'o' rF'p' Fr'q'",
             "STRING('a') STRING(\"b\") STRING(r'c') STRING(R\"d\") STRING(b'e') STRING(B'f') "
             "STRING(u'g') STRING(U'h') STRING(f'i') STRING(F'j') STRING(rb'k') STRING(bR'l') "
             "STRING(Rb'm') STRING(BR'n') STRING(fr'o') STRING(rF'p') STRING(Fr'q') NEWLINE");
    LEXES_TO("ur'x' bu'' fb''", "NAME(ur) STRING('x') NAME(bu) STRING('') NAME(fb) STRING('') "
                                "NEWLINE");
}

Test(lexer, escaped_quotes_and_backslashes_stay_inside_the_string)
{
    LEXES_TO("'a\\'b' \"\\\\\" r'\\''", "STRING('a\\'b') STRING(\"\\\\\") STRING(r'\\'') NEWLINE");
}

Test(lexer, an_f_string_is_one_token)
{
    LEXES_TO("f'{a!r:>{w}} {\"x\"}'", "STRING(f'{a!r:>{w}} {\"x\"}') NEWLINE");
}

Test(lexer, triple_quoted_strings_span_lines_with_positions)
{
    LEXES_WITH_POS("x = '''a\nb''' + \"\"\"\n\"\"\"\n",
                   "NAME(x)@1:0-1:1 '='@1:2-1:3 STRING('''a\nb''')@1:4-2:4 '+'@2:5-2:6 "
                   "STRING(\"\"\"\n\"\"\")@2:7-3:3 NEWLINE@3:3-3:3");
}

Test(lexer, backslash_newline_continues_a_string)
{
    LEXES_WITH_POS("'a\\\nb'\n", "STRING('a\\\nb')@1:0-2:2 NEWLINE@2:2-2:2");
}

Test(lexer, unterminated_strings_report_where_they_start)
{
    ERRS("x = \"abc", "unterminated string literal (detected at line 1)", 1, 4);
    ERRS("x = f\"abc\ny = 1", "unterminated string literal (detected at line 1)", 1, 4);
    ERRS("x = 'abc\\\ndef", "unterminated string literal (detected at line 2)", 1, 4);
    ERRS("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 4);
    ERRS("x = '''a\n\nb", "unterminated triple-quoted string literal (detected at line 3)", 1, 4);
    ERRS("x = rb'abc", "unterminated string literal (detected at line 1)", 1, 4);
}

/* ---- indentation ------------------------------------------------------------------------ */

Test(lexer, nested_blocks_indent_and_dedent)
{
    LEXES_TO("if a:\n    if b:\n        x\n    y\nz\n",
             "'if' NAME(a) ':' NEWLINE INDENT 'if' NAME(b) ':' NEWLINE INDENT NAME(x) NEWLINE "
             "DEDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE");
}

Test(lexer, one_line_closes_several_blocks)
{
    LEXES_WITH_POS("if a:\n if b:\n  if c:\n   x\ny\n",
                   "'if'@1:0-1:2 NAME(a)@1:3-1:4 ':'@1:4-1:5 NEWLINE@1:5-1:5 INDENT@2:1-2:1 "
                   "'if'@2:1-2:3 NAME(b)@2:4-2:5 ':'@2:5-2:6 NEWLINE@2:6-2:6 INDENT@3:2-3:2 "
                   "'if'@3:2-3:4 NAME(c)@3:5-3:6 ':'@3:6-3:7 NEWLINE@3:7-3:7 INDENT@4:3-4:3 "
                   "NAME(x)@4:3-4:4 NEWLINE@4:4-4:4 DEDENT@5:0-5:0 DEDENT@5:0-5:0 DEDENT@5:0-5:0 "
                   "NAME(y)@5:0-5:1 NEWLINE@5:1-5:1");
}

Test(lexer, end_of_input_closes_every_block)
{
    LEXES_TO("def f():\n    if x:\n        return 1", "'def' NAME(f) '(' ')' ':' NEWLINE INDENT "
                                                      "'if' NAME(x) ':' NEWLINE INDENT 'return' "
                                                      "NUMBER(1) NEWLINE DEDENT DEDENT");
}

Test(lexer, blank_and_comment_lines_do_not_count_at_any_indentation)
{
    LEXES_TO("if a:\n    x\n\n  # odd comment\n        \n# another\n    y\n",
             "'if' NAME(a) ':' NEWLINE INDENT NAME(x) NEWLINE NAME(y) NEWLINE DEDENT");
    LEXES_TO("  # leading comment\nx = 1\n", "NAME(x) '=' NUMBER(1) NEWLINE");
}

Test(lexer, brackets_join_lines_without_newline_or_indent)
{
    LEXES_TO("x = [1,\n  2,\n        3]\ny = (4 +\n5)\n",
             "NAME(x) '=' '[' NUMBER(1) ',' NUMBER(2) ',' NUMBER(3) ']' NEWLINE NAME(y) '=' '(' "
             "NUMBER(4) '+' NUMBER(5) ')' NEWLINE");
    LEXES_TO("f(a,\n# comment\n\n  b)\n", "NAME(f) '(' NAME(a) ',' NAME(b) ')' NEWLINE");
}

Test(lexer, backslash_continuation_joins_lines)
{
    LEXES_WITH_POS("x = 1 + \\\n    2\n",
                   "NAME(x)@1:0-1:1 '='@1:2-1:3 NUMBER(1)@1:4-1:5 '+'@1:6-1:7 NUMBER(2)@2:4-2:5 "
                   "NEWLINE@2:5-2:5");
    LEXES_TO("if a:\n    x = \\\n1\n    y\n", "'if' NAME(a) ':' NEWLINE INDENT NAME(x) '=' "
                                              "NUMBER(1) NEWLINE NAME(y) NEWLINE DEDENT");
    LEXES_TO("\\\nx = 1\n", "NAME(x) '=' NUMBER(1) NEWLINE");
}

Test(lexer, consistent_tabs_indent)
{
    LEXES_TO("if a:\n\tif b:\n\t\tx\n\ty\n", "'if' NAME(a) ':' NEWLINE INDENT 'if' NAME(b) ':' "
                                             "NEWLINE INDENT NAME(x) NEWLINE DEDENT NAME(y) "
                                             "NEWLINE DEDENT");
    LEXES_TO("if a:\n  \tx\n", "'if' NAME(a) ':' NEWLINE INDENT NAME(x) NEWLINE DEDENT");
}

Test(lexer, tabs_whose_meaning_depends_on_tab_size_are_a_tab_error)
{
    ERRK(TPY_SYNERR_TAB, "if x:\n\ty\n        z\n",
                 "inconsistent use of tabs and spaces in indentation", 3, 0);
    ERRK(TPY_SYNERR_TAB, "if x:\n        y\n\tz\n",
                 "inconsistent use of tabs and spaces in indentation", 3, 0);
}

Test(lexer, unindent_to_no_outer_level_is_an_indentation_error)
{
    ERRK(TPY_SYNERR_INDENT, "if x:\n    y\n  z",
                 "unindent does not match any outer indentation level", 3, 3);
    ERRK(TPY_SYNERR_INDENT, "if x:\n    y\n   z\n",
                 "unindent does not match any outer indentation level", 3, 4);
}

Test(lexer, a_hundred_levels_of_indentation_is_too_many)
{
    char src[20000];
    size_t n = 0;
    for (int i = 0; i <= 100; i++) {
        for (int j = 0; j < i; j++) {
            src[n++] = ' ';
        }
        memcpy(src + n, i == 100 ? "pass\n" : "if x:\n", i == 100 ? 5 : 6);
        n += i == 100 ? 5 : 6;
    }
    expect_error(src, n, TPY_SYNERR_INDENT, "too many levels of indentation", 101, 0);
}

Test(lexer, formfeed_resets_the_indentation_count)
{
    LEXES_TO("\fx = 1\n", "NAME(x) '=' NUMBER(1) NEWLINE");
}

/* ---- brackets ------------------------------------------------------------------------- */

Test(lexer, bracket_errors_give_cpython_messages)
{
    ERRS("x = )", "unmatched ')'", 1, 4);
    ERRS("(]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 1);
    ERRS("(\n]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2,
         0);
    ERRS("f(", "'(' was never closed", 1, 1);
    ERRS("x = (1, [2,", "'[' was never closed", 1, 8);
    ERRS("(1,\n[2", "'[' was never closed", 2, 0);
}

Test(lexer, more_than_two_hundred_nested_brackets_are_too_deep)
{
    char src[10001];
    memset(src, '(', 10000);
    src[10000] = '\0';
    expect_error(src, 10000, TPY_SYNERR_TOODEEP, "too many nested parentheses", 1, 200);
}

/* ---- continuation and characters --------------------------------------------------- */

Test(lexer, backslash_problems_give_cpython_messages)
{
    ERRS("x = 1\\ y", "unexpected character after line continuation character", 1, 6);
    ERRS("x = 1 \\", "unexpected EOF while parsing", 1, 7);
    ERRS("\\", "unexpected EOF while parsing", 1, 1);
}

Test(lexer, invalid_characters_are_named)
{
    ERRS("x = €", "invalid character '€' (U+20AC)", 1, 4);
    ERRS("x€y = 1", "invalid character '€' (U+20AC)", 1, 1);
    ERRS("x = 1\xc2\xa0", "invalid non-printable character U+00A0", 1, 5);
    ERRS("x = \x01", "invalid non-printable character U+0001", 1, 4);
}

Test(lexer, nul_bytes_are_reported_on_their_line)
{
    ERRK(TPY_SYNERR_SYNTAX, "x = 1\ny = 2\0\n",
                 "source code cannot contain null bytes", 2, 0);
    ERRK(TPY_SYNERR_SYNTAX, "\0", "source code cannot contain null bytes", 1, 0);
}

Test(lexer, invalid_utf8_is_a_unicode_error)
{
    ERRS("x = \xff\n",
         "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
         1, 4);
    ERRS("# c\n\nx\xc3\x28 = 1\n", "(unicode error) 'utf-8' codec can't decode byte 0xc3 in "
                                  "position 0: invalid continuation byte",
         3, 1);
    ERRS("x = '\xed\xa0\x80'", "(unicode error) 'utf-8' codec can't decode byte 0xed in position "
                              "0: invalid continuation byte",
         1, 5);
    ERRS("# caf\xe9\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: "
                        "invalid continuation byte",
         1, 5);
}

Test(lexer, crlf_and_cr_line_endings_are_newlines)
{
    LEXES_WITH_POS("if x:\r\n    y\r\nz\r\n",
                   "'if'@1:0-1:2 NAME(x)@1:3-1:4 ':'@1:4-1:5 NEWLINE@1:5-1:5 INDENT@2:4-2:4 "
                   "NAME(y)@2:4-2:5 NEWLINE@2:5-2:5 DEDENT@3:0-3:0 NAME(z)@3:0-3:1 "
                   "NEWLINE@3:1-3:1");
    LEXES_TO("a\rb\r", "NAME(a) NEWLINE NAME(b) NEWLINE");
}

Test(lexer, shebang_encoding_line_and_byte_order_mark_are_skipped)
{
    LEXES_TO("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx\n", "NAME(x) NEWLINE");
    LEXES_WITH_POS("\xef\xbb\xbfx\n", "NAME(x)@1:0-1:1 NEWLINE@1:1-1:1");
}

Test(lexer, a_megabyte_line_lexes)
{
    size_t n = 1 << 20;
    char *src = malloc(n + 8);
    memcpy(src, "x = '", 5);
    memset(src + 5, 'a', n);
    memcpy(src + 5 + n, "'\n", 2);
    char *got = lexn(src, n + 7, false);
    cr_expect_eq(strncmp(got, "NAME(x) '=' STRING('aaaa", 24), 0);
    const char *tail = "a') NEWLINE";
    cr_expect_str_eq(got + strlen(got) - strlen(tail), tail);
    free(got);
    free(src);
}

Test(lexer, token_names_cover_every_kind)
{
    cr_expect_str_eq(tpy_token_name(0), "ENDMARKER");
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof(err));
    tpy_lexer_t *lx = tpy_lexer_new("a", 1, &err);
    tpy_token_t t;
    cr_assert(tpy_lexer_next(lx, &t));
    cr_expect_str_eq(tpy_token_name(t.kind), "NAME");
    cr_assert(tpy_lexer_next(lx, &t));
    cr_expect_str_eq(tpy_token_name(t.kind), "NEWLINE");
    cr_expect(!tpy_lexer_next(lx, &t));
    cr_expect(!tpy_lexer_next(lx, &t), "the end is sticky");
    cr_expect_eq(err.kind, TPY_SYNERR_NONE);
    tpy_lexer_free(lx);
}
