/*
 * tests/unit/test_parser.c - the parser on its own: trees (node kinds and
 * CPython positions), precedence, the three modes, syntax error messages and
 * positions, string decoding, f-strings, and pathological inputs.
 *
 * The tables of trees and errors (tests/unit/parser_cases.h) come from
 * CPython 3.11.  Uses only the grammar layer (no runtime), so no
 * tests/unit/support.h.
 */
#include "grammar/grammar.h"
#include "tests/unit/ast_dump.h"
#include "tests/unit/parser_cases.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------------------- */

// The dump of [src] parsed in [mode], or "ERR kind 'msg' line:col-line:col".
static char *parse_dump_n(const char *src, size_t n, tpy_parse_mode_t mode)
{
    tpy_arena_t *arena = tpy_arena_new();
    cr_assert_not_null(arena);
    tpy_syntax_error_t err;
    tpy_module_ast_t *m = tpy_parse(src, n, mode, arena, &err);
    char *out;
    if (m != NULL) {
        cr_expect_eq(err.kind, TPY_SYNERR_NONE);
        out = ast_dump(m);
    } else {
        dump_buf_t b = {NULL, 0, 0};
        dump_put(&b, "ERR %d '%s' %d:%d-%d:%d", (int)err.kind, err.msg, err.lineno, err.col,
                 err.end_lineno, err.end_col);
        out = b.p;
    }
    tpy_arena_free(arena);
    return out;
}

static char *parse_dump(const char *src, tpy_parse_mode_t mode)
{
    return parse_dump_n(src, strlen(src), mode);
}

#define PARSES_TO(src, expected)                                                                  \
    do {                                                                                          \
        char *got_ = parse_dump(src, TPY_PARSE_FILE);                                             \
        cr_expect_str_eq(got_, expected, "source: %s", src);                                      \
        free(got_);                                                                               \
    } while (0)

// Parse [n] bytes of [src] expecting an error of [kind] and [msg]; returns the error.
static tpy_syntax_error_t parse_error_n(const char *src, size_t n, tpy_parse_mode_t mode,
                                        tpy_synerr_kind_t kind, const char *msg)
{
    tpy_arena_t *arena = tpy_arena_new();
    tpy_syntax_error_t err;
    tpy_module_ast_t *m = tpy_parse(src, n, mode, arena, &err);
    cr_expect_null(m, "source %.60s: parsed", src);
    cr_expect_eq(err.kind, kind, "source %.60s: kind %d (%s), expected %d", src, err.kind,
                 err.msg, kind);
    if (msg != NULL) {
        cr_expect_str_eq(err.msg, msg, "source: %.60s", src);
    }
    tpy_arena_free(arena);
    return err;
}

static tpy_syntax_error_t parse_error(const char *src, tpy_parse_mode_t mode,
                                      tpy_synerr_kind_t kind, const char *msg)
{
    return parse_error_n(src, strlen(src), mode, kind, msg);
}

static tpy_module_ast_t *parse_ok(const char *src, size_t n, tpy_parse_mode_t mode,
                                  tpy_arena_t *arena)
{
    tpy_syntax_error_t err;
    tpy_module_ast_t *m = tpy_parse(src, n, mode, arena, &err);
    cr_assert_not_null(m, "source %.60s: %s at %d:%d", src, err.msg, err.lineno, err.col);
    return m;
}

TestSuite(parser);

/* ---- trees ------------------------------------------------------------------------- */

Test(parser, every_snippet_parses_to_cpythons_tree_and_positions)
{
    for (size_t i = 0; i < sizeof(ast_cases) / sizeof(ast_cases[0]); i++) {
        char *got = parse_dump(ast_cases[i].src, TPY_PARSE_FILE);
        cr_expect_str_eq(got, ast_cases[i].dump, "source: %s", ast_cases[i].src);
        free(got);
    }
}

Test(parser, power_binds_tighter_than_unary_minus_and_is_right_associative)
{
    PARSES_TO("-2**2", "Module([Expr@1:0-1:5(UnaryOp@1:0-1:5(USub, BinOp@1:1-1:5(Num@1:1-1:2('2'), "
                       "Pow, Num@1:4-1:5('2'))))])");
    PARSES_TO("a**b**c", "Module([Expr@1:0-1:7(BinOp@1:0-1:7(Name@1:0-1:1('a'), Pow, "
                         "BinOp@1:3-1:7(Name@1:3-1:4('b'), Pow, Name@1:6-1:7('c'))))])");
    PARSES_TO("2**-1", "Module([Expr@1:0-1:5(BinOp@1:0-1:5(Num@1:0-1:1('2'), Pow, "
                       "UnaryOp@1:3-1:5(USub, Num@1:4-1:5('1'))))])");
}

Test(parser, binary_operators_follow_cpythons_precedence_and_associativity)
{
    PARSES_TO("a - b - c", "Module([Expr@1:0-1:9(BinOp@1:0-1:9(BinOp@1:0-1:5(Name@1:0-1:1('a'), "
                           "Sub, Name@1:4-1:5('b')), Sub, Name@1:8-1:9('c')))])");
    PARSES_TO("a | b ^ c & d << e + f * g",
              "Module([Expr@1:0-1:26(BinOp@1:0-1:26(Name@1:0-1:1('a'), BitOr, "
              "BinOp@1:4-1:26(Name@1:4-1:5('b'), BitXor, BinOp@1:8-1:26(Name@1:8-1:9('c'), "
              "BitAnd, BinOp@1:12-1:26(Name@1:12-1:13('d'), LShift, "
              "BinOp@1:17-1:26(Name@1:17-1:18('e'), Add, BinOp@1:21-1:26(Name@1:21-1:22('f'), "
              "Mult, Name@1:25-1:26('g'))))))))])");
    PARSES_TO("not a == b", "Module([Expr@1:0-1:10(UnaryOp@1:0-1:10(Not, "
                            "Compare@1:4-1:10(Name@1:4-1:5('a'), [Eq], [Name@1:9-1:10('b')])))])");
    PARSES_TO("a or b and c",
              "Module([Expr@1:0-1:12(BoolOp@1:0-1:12(Or, [Name@1:0-1:1('a'), "
              "BoolOp@1:5-1:12(And, [Name@1:5-1:6('b'), Name@1:11-1:12('c')])]))])");
    PARSES_TO("(a or b) or c", "Module([Expr@1:0-1:13(BoolOp@1:0-1:13(Or, [BoolOp@1:1-1:7(Or, "
                               "[Name@1:1-1:2('a'), Name@1:6-1:7('b')]), Name@1:12-1:13('c')]))])");
    PARSES_TO("-x.y", "Module([Expr@1:0-1:4(UnaryOp@1:0-1:4(USub, "
                      "Attribute@1:1-1:4(Name@1:1-1:2('x'), 'y')))])");
}

Test(parser, number_literals_keep_their_text_and_kind)
{
    tpy_arena_t *arena = tpy_arena_new();
    const char *src = "1_000, 0x1F, 1.5, 1e3, .5, 1j, 0xE";
    tpy_module_ast_t *m = parse_ok(src, strlen(src), TPY_PARSE_EVAL, arena);
    tpy_expr_t *t = m->expr;
    cr_assert_eq(t->kind, EXPR_TUPLE);
    tpy_expr_kind_t kinds[] = {EXPR_INT, EXPR_INT, EXPR_FLOAT, EXPR_FLOAT, EXPR_FLOAT, EXPR_IMAG,
                               EXPR_INT};
    const char *texts[] = {"1_000", "0x1F", "1.5", "1e3", ".5", "1j", "0xE"};
    cr_assert_eq(t->u.seq.elts.n, 7);
    for (int i = 0; i < 7; i++) {
        tpy_expr_t *e = t->u.seq.elts.items[i];
        cr_expect_eq(e->kind, kinds[i], "item %d", i);
        cr_expect_str_eq(e->u.num.text, texts[i]);
    }
    tpy_arena_free(arena);
}

Test(parser, string_literals_are_decoded_and_joined)
{
    tpy_arena_t *arena = tpy_arena_new();
    const char *src = "'a\\0b' \"\\x41\\u00e9\" r'\\n'";
    tpy_module_ast_t *m = parse_ok(src, strlen(src), TPY_PARSE_EVAL, arena);
    cr_assert_eq(m->expr->kind, EXPR_STR);
    cr_expect_eq(m->expr->u.str.len, 8);
    cr_expect_eq(memcmp(m->expr->u.str.s, "a\0bA\xc3\xa9\\n", 8), 0);
    cr_expect_eq(m->expr->u.str.s[8], '\0', "NUL-terminated");
    tpy_arena_free(arena);
}

Test(parser, bytes_literals_are_bytes_nodes)
{
    PARSES_TO("b'\\xff\\777\\u0041' rb'\\x'",
              "Module([Expr@1:0-1:24(Bytes@1:0-1:24('\\xff\\xff\\x5cu0041\\x5cx'))])");
}

Test(parser, f_strings_split_into_literals_and_fields)
{
    PARSES_TO("f'a{b!r:>{w}}c{d=}'",
              "Module([Expr@1:0-1:19(FString@1:0-1:19([Str@1:0-1:19('a'), "
              "Fmt@1:0-1:19(Name@1:4-1:5('b'), 114, FString@1:0-1:19([Str@1:0-1:19('>'), "
              "Fmt@1:0-1:19(Name@1:10-1:11('w'), -1, None)])), Str@1:0-1:19('cd='), "
              "Fmt@1:0-1:19(Name@1:15-1:16('d'), 114, None)]))])");
}

Test(parser, f_string_fields_inside_triple_quotes_have_file_positions)
{
    PARSES_TO("x = f'''\n  {a +\n1}'''",
              "Module([Assign@1:0-3:5([Name@1:0-1:1('x', Store)], FString@1:4-3:5([Str@1:4-3:5("
              "'\\x0a  '), Fmt@1:4-3:5(BinOp@2:3-3:1(Name@2:3-2:4('a'), Add, Num@3:0-3:1('1')), "
              "-1, None)]))])");
}

Test(parser, decode_string_handles_every_escape)
{
    tpy_arena_t *arena = tpy_arena_new();
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof(err));
    size_t n;
    const char *body = "\\n\\t\\r\\\\\\'\\\"\\0\\a\\b\\f\\v\\101\\x42\\u0043\\U0001F600\\d\\\n!";
    char *s = tpy_decode_string(arena, body, strlen(body), false, &n, &err);
    cr_assert_not_null(s);
    const char want[] = "\n\t\r\\'\"\0\a\b\f\vABC\xf0\x9f\x98\x80\\d!";
    cr_expect_eq(n, sizeof(want) - 1);
    cr_expect_eq(memcmp(s, want, sizeof(want) - 1), 0);
    s = tpy_decode_string(arena, "\\n", 2, true, &n, &err);
    cr_expect_eq(n, 2);
    cr_expect_str_eq(s, "\\n");
    cr_expect_null(tpy_decode_string(arena, "ab\\x1", 5, false, &n, &err));
    cr_expect_str_eq(err.msg, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                              "position 2-4: truncated \\xXX escape");
    tpy_arena_free(arena);
}

/* ---- errors ------------------------------------------------------------------------ */

Test(parser, every_bad_snippet_gives_cpythons_message_and_position)
{
    for (size_t i = 0; i < sizeof(err_cases) / sizeof(err_cases[0]); i++) {
        const err_case_t *c = &err_cases[i];
        tpy_syntax_error_t e = parse_error(c->src, TPY_PARSE_FILE, c->kind, c->msg);
        cr_expect(e.lineno == c->lineno && e.col == c->col && e.end_lineno == c->end_lineno &&
                      e.end_col == c->end_col,
                  "source %s: at %d:%d-%d:%d, expected %d:%d-%d:%d", c->src, e.lineno, e.col,
                  e.end_lineno, e.end_col, c->lineno, c->col, c->end_lineno, c->end_col);
    }
}

Test(parser, a_later_tokenizer_error_replaces_a_parser_error)
{
    parse_error("x = = 1\ny = 'abc\n", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                "unterminated string literal (detected at line 2)");
    parse_error("x = [1, 2\ny = 3\n", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX, "'[' was never closed");
    parse_error("f(a b\n", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                "invalid syntax. Perhaps you forgot a comma?");
}

// CPython's tokenizer reports bad indentation through an error code, so one
// found after a parser error does not replace it; nor does any tokenizer error
// replace an unexpected indent
Test(parser, a_later_indentation_error_does_not_replace_a_parser_error)
{
    parse_error("x = = 1\nif x:\n    y\n  z\n", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                "invalid syntax");
    parse_error("x = = 1\nif x:\n        y\n\tz\n", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                "invalid syntax");
    parse_error("x = 1\n  y = 'abc\n", TPY_PARSE_FILE, TPY_SYNERR_INDENT, "unexpected indent");
}

/* ---- modes ------------------------------------------------------------------------- */

Test(parser, single_mode_reports_incomplete_input)
{
    const char *incomplete[] = {
        "if x:\n",          "if x:\n    pass\n", "if 1: pass\n",     "x = (1,\n",
        "x = 1 + \\\n",     "s = '''abc\n",      "@dec\n",           "def f():\n  return 1\n",
        "class A:\n",       "match x:\n",        "for x in y:\n  if x:\n    pass\n",
        "try:\n  pass\n",   "x = [\n",           "f(a,\n  b,\n",
    };
    for (size_t i = 0; i < sizeof(incomplete) / sizeof(incomplete[0]); i++) {
        parse_error(incomplete[i], TPY_PARSE_SINGLE, TPY_SYNERR_INCOMPLETE, NULL);
    }
}

Test(parser, single_mode_accepts_one_complete_input)
{
    char *got = parse_dump("if x:\n    pass\n\n", TPY_PARSE_SINGLE);
    cr_expect_str_eq(got, "Module([If@1:0-2:8(Name@1:3-1:4('x'), [Pass@2:4-2:8()], [])])");
    free(got);
    got = parse_dump("x = 1; y = 2\n", TPY_PARSE_SINGLE);
    cr_expect_str_eq(got, "Module([Assign@1:0-1:5([Name@1:0-1:1('x', Store)], Num@1:4-1:5('1')), "
                          "Assign@1:7-1:12([Name@1:7-1:8('y', Store)], Num@1:11-1:12('2'))])");
    free(got);
    const char *empty[] = {"", "\n", "# comment\n", "   \n"};
    for (size_t i = 0; i < 4; i++) {
        got = parse_dump(empty[i], TPY_PARSE_SINGLE);
        cr_expect_str_eq(got, "Module([])", "source %s", empty[i]);
        free(got);
    }
}

Test(parser, single_mode_errors_that_more_input_cannot_fix)
{
    parse_error("x = )\n", TPY_PARSE_SINGLE, TPY_SYNERR_SYNTAX, "unmatched ')'");
    parse_error("else:\n", TPY_PARSE_SINGLE, TPY_SYNERR_SYNTAX, "invalid syntax");
    parse_error("x = 1 +\n", TPY_PARSE_SINGLE, TPY_SYNERR_SYNTAX, "invalid syntax");
    parse_error("x = 1\ny = 2\n", TPY_PARSE_SINGLE, TPY_SYNERR_SYNTAX,
                "multiple statements found while compiling a single statement");
}

Test(parser, eval_mode_parses_one_expression)
{
    char *got = parse_dump("  a, b\n\n", TPY_PARSE_EVAL);
    cr_expect_str_eq(got, "Expression(Tuple@1:2-1:6([Name@1:2-1:3('a'), Name@1:5-1:6('b')]))");
    free(got);
    parse_error("x = 1", TPY_PARSE_EVAL, TPY_SYNERR_SYNTAX, NULL);
    parse_error("", TPY_PARSE_EVAL, TPY_SYNERR_SYNTAX, "invalid syntax");
    parse_error("pass", TPY_PARSE_EVAL, TPY_SYNERR_SYNTAX, "invalid syntax");
}

Test(parser, unsupported_constructs_parse_into_nodes_the_compiler_rejects)
{
    PARSES_TO("async def f():\n    await x\n", "Module([Async@1:0-2:11('async def')])");
    PARSES_TO("match x:\n    case 1:\n        pass\ny = 1\n",
              "Module([Match@1:0-3:12('match'), Assign@4:0-4:5([Name@4:0-4:1('y', Store)], "
              "Num@4:4-4:5('1'))])");
    PARSES_TO("(x := 1)", "Module([Expr@1:0-1:8(NamedExpr@1:1-1:7(Name@1:1-1:2('x', Store), "
                          "Num@1:6-1:7('1')))])");
    PARSES_TO("await x", "Module([Expr@1:0-1:7(Await@1:0-1:7(Name@1:6-1:7('x')))])");
    PARSES_TO("x = 1j", "Module([Assign@1:0-1:6([Name@1:0-1:1('x', Store)], Num@1:4-1:6('1j'))])");
}

/* ---- pathological inputs ------------------------------------------------------------ */

Test(parser, ten_thousand_nested_parentheses_are_too_deep)
{
    char *src = malloc(20001);
    memset(src, '(', 10000);
    memset(src + 10000, ')', 10000);
    src[20000] = '\0';
    tpy_syntax_error_t e = parse_error(src, TPY_PARSE_FILE, TPY_SYNERR_TOODEEP,
                                       "too many nested parentheses");
    cr_expect_eq(e.col, 200);
    free(src);
}

Test(parser, two_hundred_nested_parentheses_parse)
{
    char src[500];
    memset(src, '(', 200);
    src[200] = '1';
    memset(src + 201, ')', 200);
    src[401] = '\0';
    char *got = parse_dump(src, TPY_PARSE_FILE);
    cr_expect_str_eq(got, "Module([Expr@1:0-1:401(Num@1:200-1:201('1'))])");
    free(got);
}

// [depth] nested if-blocks, each indented one more space.
static char *nested_blocks(int depth)
{
    size_t cap = (size_t)depth * (size_t)(depth + 8) + 64, n = 0;
    char *src = malloc(cap);
    for (int i = 0; i <= depth; i++) {
        memset(src + n, ' ', (size_t)i);
        n += (size_t)i;
        n += (size_t)sprintf(src + n, i == depth ? "pass\n" : "if x:\n");
    }
    src[n] = '\0';
    return src;
}

Test(parser, deep_blocks_parse_up_to_the_indentation_limit)
{
    char *src = nested_blocks(99);
    tpy_arena_t *arena = tpy_arena_new();
    tpy_module_ast_t *m = parse_ok(src, strlen(src), TPY_PARSE_FILE, arena);
    cr_expect_eq(m->body.n, 1);
    tpy_arena_free(arena);
    free(src);
    src = nested_blocks(1000);
    parse_error(src, TPY_PARSE_FILE, TPY_SYNERR_INDENT, "too many levels of indentation");
    free(src);
}

Test(parser, very_deep_expressions_are_an_error_not_a_crash)
{
    size_t n = 100000;
    char *src = malloc(n + 8);
    memcpy(src, "x = ", 4);
    memset(src + 4, '-', n);
    memcpy(src + 4 + n, "1\n", 3);
    parse_error(src, TPY_PARSE_FILE, TPY_SYNERR_TOODEEP, "too many nested expressions");
    free(src);
    // 2000 levels of unary minus parse, as in CPython
    src = malloc(2008);
    memcpy(src, "x = ", 4);
    memset(src + 4, '-', 2000);
    memcpy(src + 2004, "1\n", 3);
    tpy_arena_t *arena = tpy_arena_new();
    parse_ok(src, strlen(src), TPY_PARSE_FILE, arena);
    tpy_arena_free(arena);
    free(src);
}

Test(parser, long_flat_inputs_parse)
{
    // a megabyte line, a long operator chain, many statements
    size_t n = 1 << 20;
    char *src = malloc(n + 16);
    size_t k = 0;
    k += (size_t)sprintf(src, "x = [");
    while (k < n) {
        k += (size_t)sprintf(src + k, "a, ");
    }
    k += (size_t)sprintf(src + k, "]\n");
    tpy_arena_t *arena = tpy_arena_new();
    tpy_module_ast_t *m = parse_ok(src, k, TPY_PARSE_FILE, arena);
    tpy_stmt_t *s = m->body.items[0];
    cr_expect_gt(s->u.assign.value->u.seq.elts.n, 300000);
    tpy_arena_free(arena);
    k = (size_t)sprintf(src, "x = a");
    while (k < n - 8) {
        k += (size_t)sprintf(src + k, " + a");
    }
    src[k++] = '\n';
    arena = tpy_arena_new();
    parse_ok(src, k, TPY_PARSE_FILE, arena);
    tpy_arena_free(arena);
    k = 0;
    while (k < n - 16) {
        k += (size_t)sprintf(src + k, "x = 1\n");
    }
    arena = tpy_arena_new();
    m = parse_ok(src, k, TPY_PARSE_FILE, arena);
    cr_expect_eq((size_t)m->body.n, k / 6);
    tpy_arena_free(arena);
    free(src);
}

Test(parser, odd_files_give_a_clean_result)
{
    char *got = parse_dump("", TPY_PARSE_FILE);
    cr_expect_str_eq(got, "Module([])");
    free(got);
    got = parse_dump("x = 1", TPY_PARSE_FILE);
    cr_expect_str_eq(got, "Module([Assign@1:0-1:5([Name@1:0-1:1('x', Store)], Num@1:4-1:5('1'))])");
    free(got);
    got = parse_dump("if x:\r\n    y = 1\r\nz = 2\r\n", TPY_PARSE_FILE);
    cr_expect_str_eq(got, "Module([If@1:0-2:9(Name@1:3-1:4('x'), [Assign@2:4-2:9([Name@2:4-2:5('y'"
                          ", Store)], Num@2:8-2:9('1'))], []), Assign@3:0-3:5([Name@3:0-3:1('z', "
                          "Store)], Num@3:4-3:5('2'))])");
    free(got);
    parse_error("\\", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX, "unexpected EOF while parsing");
    parse_error_n("x = 1\0\n", 7, TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                  "source code cannot contain null bytes");
    parse_error("x = \xff\n", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid "
                "start byte");
}

Test(parser, source_need_not_be_nul_terminated)
{
    char src[8] = {'x', '=', '1', 'y', 'y', 'y', 'y', 'y'};
    char *got = parse_dump_n(src, 3, TPY_PARSE_FILE);
    cr_expect_str_eq(got, "Module([Assign@1:0-1:3([Name@1:0-1:1('x', Store)], Num@1:2-1:3('1'))])");
    free(got);
}

Test(parser, deeply_nested_f_strings_and_fields_are_errors_not_crashes)
{
    parse_error("f'{x:{y:{z}}}'", TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                "f-string: expressions nested too deeply");
    char src[800];
    size_t n = (size_t)sprintf(src, "x = f\"{");
    memset(src + n, '(', 300);
    n += 300;
    src[n++] = 'a';
    memset(src + n, ')', 300);
    n += 300;
    n += (size_t)sprintf(src + n, "}\"\n");
    parse_error_n(src, n, TPY_PARSE_FILE, TPY_SYNERR_SYNTAX,
                  "f-string: too many nested parenthesis");
}

/* ---- the arena ----------------------------------------------------------------------- */

Test(parser, arena_blocks_are_zeroed_aligned_and_freed_together)
{
    tpy_arena_t *a = tpy_arena_new();
    cr_assert_not_null(a);
    for (int i = 1; i < 5000; i += 7) {
        unsigned char *p = tpy_arena_alloc(a, (size_t)i);
        cr_assert_not_null(p);
        cr_expect_eq((uintptr_t)p % 16, 0);
        for (int j = 0; j < i; j++) {
            cr_assert_eq(p[j], 0);
        }
        memset(p, 0xAB, (size_t)i);
    }
    cr_expect_not_null(tpy_arena_alloc(a, 1 << 20), "a block bigger than a chunk");
    char *s = tpy_arena_strndup(a, "hello world", 5);
    cr_expect_str_eq(s, "hello");
    tpy_arena_free(a);
    tpy_arena_free(NULL);
}
