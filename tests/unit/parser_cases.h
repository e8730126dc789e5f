/*
 * tests/unit/parser_cases.h - the data of test_parser.c: snippets with the
 * tree CPython 3.11's ast module gives for them (in tests/unit/ast_dump.h's
 * format, positions included), and bad snippets with their error.
 *
 * Produced by running every snippet through python3 and tpy and keeping the
 * agreeing answers; the error table also records where tpy deliberately
 * differs: errors CPython raises in its compiler that tpy raises while
 * parsing, \N{...} escapes, byte (not character) columns on non-ASCII lines,
 * and positions inside f-strings (CPython 3.11's are off).
 */
#ifndef TPY_TESTS_UNIT_PARSER_CASES_H
#define TPY_TESTS_UNIT_PARSER_CASES_H

#include "grammar/grammar.h"

typedef struct {
    const char *src;
    const char *dump;
} ast_case_t;

typedef struct {
    const char *src;
    tpy_synerr_kind_t kind;
    const char *msg;
    int lineno, col, end_lineno, end_col;
} err_case_t;

static const ast_case_t ast_cases[] = {
    {"x = -2**2",
     "Module([Assign@1:0-1:9([Name@1:0-1:1('x', Store)], UnaryOp@1:4-1:9(USub, BinOp@1:5-1:9(Nu"
     "m@1:5-1:6('2'), Pow, Num@1:8-1:9('2'))))])"},
    {"a < b <= c != d",
     "Module([Expr@1:0-1:15(Compare@1:0-1:15(Name@1:0-1:1('a'), [Lt, LtE, NotEq], [Name@1:4-1:5"
     "('b'), Name@1:9-1:10('c'), Name@1:14-1:15('d')]))])"},
    {"not a and b or c and not d",
     "Module([Expr@1:0-1:26(BoolOp@1:0-1:26(Or, [BoolOp@1:0-1:11(And, [UnaryOp@1:0-1:5(Not, Nam"
     "e@1:4-1:5('a')), Name@1:10-1:11('b')]), BoolOp@1:15-1:26(And, [Name@1:15-1:16('c'), Unary"
     "Op@1:21-1:26(Not, Name@1:25-1:26('d'))])]))])"},
    {"a if b else c if d else e",
     "Module([Expr@1:0-1:25(IfExp@1:0-1:25(Name@1:5-1:6('b'), Name@1:0-1:1('a'), IfExp@1:12-1:2"
     "5(Name@1:17-1:18('d'), Name@1:12-1:13('c'), Name@1:24-1:25('e'))))])"},
    {"x = lambda a, b=1, *c, d, e=2, **f: a",
     "Module([Assign@1:0-1:37([Name@1:0-1:1('x', Store)], Lambda@1:4-1:37(args([], [arg@1:11-1:"
     "12('a', None), arg@1:14-1:15('b', None)], arg@1:20-1:21('c', None), [arg@1:23-1:24('d', N"
     "one), arg@1:26-1:27('e', None)], [None, Num@1:28-1:29('2')], arg@1:33-1:34('f', None), [N"
     "um@1:16-1:17('1')]), Name@1:36-1:37('a')))])"},
    {"f(a, *b, c=1, **d)",
     "Module([Expr@1:0-1:18(Call@1:0-1:18(Name@1:0-1:1('f'), [Name@1:2-1:3('a'), Starred@1:5-1:"
     "7(Name@1:6-1:7('b'))], [kw@1:9-1:12('c', Num@1:11-1:12('1')), kw@1:14-1:17(None, Name@1:1"
     "6-1:17('d'))]))])"},
    {"f(x for x in y)",
     "Module([Expr@1:0-1:15(Call@1:0-1:15(Name@1:0-1:1('f'), [GeneratorExp@1:1-1:15(Name@1:2-1:"
     "3('x'), [comp(Name@1:8-1:9('x', Store), Name@1:13-1:14('y'), [])])], []))])"},
    {"f(*a, b)",
     "Module([Expr@1:0-1:8(Call@1:0-1:8(Name@1:0-1:1('f'), [Starred@1:2-1:4(Name@1:3-1:4('a')),"
     " Name@1:6-1:7('b')], []))])"},
    {"a[1:2, ::3]",
     "Module([Expr@1:0-1:11(Subscript@1:0-1:11(Name@1:0-1:1('a'), Tuple@1:2-1:10([Slice@1:2-1:5"
     "(Num@1:2-1:3('1'), Num@1:4-1:5('2'), None), Slice@1:7-1:10(None, None, Num@1:9-1:10('3'))"
     "])))])"},
    {"a[1,]",
     "Module([Expr@1:0-1:5(Subscript@1:0-1:5(Name@1:0-1:1('a'), Tuple@1:2-1:4([Num@1:2-1:3('1')"
     "])))])"},
    {"a[:]",
     "Module([Expr@1:0-1:4(Subscript@1:0-1:4(Name@1:0-1:1('a'), Slice@1:2-1:3(None, None, None)"
     "))])"},
    {"a[x:y:z, ...]",
     "Module([Expr@1:0-1:13(Subscript@1:0-1:13(Name@1:0-1:1('a'), Tuple@1:2-1:12([Slice@1:2-1:7"
     "(Name@1:2-1:3('x'), Name@1:4-1:5('y'), Name@1:6-1:7('z')), Const@1:9-1:12(Ellipsis)])))])"},
    {"a[1::]",
     "Module([Expr@1:0-1:6(Subscript@1:0-1:6(Name@1:0-1:1('a'), Slice@1:2-1:5(Num@1:2-1:3('1'),"
     " None, None)))])"},
    {"a[::]",
     "Module([Expr@1:0-1:5(Subscript@1:0-1:5(Name@1:0-1:1('a'), Slice@1:2-1:4(None, None, None)"
     "))])"},
    {"x = [1, 2, *a]",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], List@1:4-1:14([Num@1:5-1:6('1'), Num@"
     "1:8-1:9('2'), Starred@1:11-1:13(Name@1:12-1:13('a'))]))])"},
    {"x = {1: 2, **d, 3: 4}",
     "Module([Assign@1:0-1:21([Name@1:0-1:1('x', Store)], Dict@1:4-1:21([Num@1:5-1:6('1'), None"
     ", Num@1:16-1:17('3')], [Num@1:8-1:9('2'), Name@1:13-1:14('d'), Num@1:19-1:20('4')]))])"},
    {"x = {1, 2, *a}",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], Set@1:4-1:14([Num@1:5-1:6('1'), Num@1"
     ":8-1:9('2'), Starred@1:11-1:13(Name@1:12-1:13('a'))]))])"},
    {"x = {}",
     "Module([Assign@1:0-1:6([Name@1:0-1:1('x', Store)], Dict@1:4-1:6([], []))])"},
    {"x = ()",
     "Module([Assign@1:0-1:6([Name@1:0-1:1('x', Store)], Tuple@1:4-1:6([]))])"},
    {"x = []",
     "Module([Assign@1:0-1:6([Name@1:0-1:1('x', Store)], List@1:4-1:6([]))])"},
    {"x = (1,)",
     "Module([Assign@1:0-1:8([Name@1:0-1:1('x', Store)], Tuple@1:4-1:8([Num@1:5-1:6('1')]))])"},
    {"x = 1,",
     "Module([Assign@1:0-1:6([Name@1:0-1:1('x', Store)], Tuple@1:4-1:6([Num@1:4-1:5('1')]))])"},
    {"x = (a), (b)",
     "Module([Assign@1:0-1:12([Name@1:0-1:1('x', Store)], Tuple@1:4-1:12([Name@1:5-1:6('a'), Na"
     "me@1:10-1:11('b')]))])"},
    {"(a) + b",
     "Module([Expr@1:0-1:7(BinOp@1:0-1:7(Name@1:1-1:2('a'), Add, Name@1:6-1:7('b')))])"},
    {"(a).b",
     "Module([Expr@1:0-1:5(Attribute@1:0-1:5(Name@1:1-1:2('a'), 'b'))])"},
    {"f(a)(b)",
     "Module([Expr@1:0-1:7(Call@1:0-1:7(Call@1:0-1:4(Name@1:0-1:1('f'), [Name@1:2-1:3('a')], []"
     "), [Name@1:5-1:6('b')], []))])"},
    {"((a, b))",
     "Module([Expr@1:0-1:8(Tuple@1:1-1:7([Name@1:2-1:3('a'), Name@1:5-1:6('b')]))])"},
    {"[x for x in y if z for w in v if u if t]",
     "Module([Expr@1:0-1:40(ListComp@1:0-1:40(Name@1:1-1:2('x'), [comp(Name@1:7-1:8('x', Store)"
     ", Name@1:12-1:13('y'), [Name@1:17-1:18('z')]), comp(Name@1:23-1:24('w', Store), Name@1:28"
     "-1:29('v'), [Name@1:33-1:34('u'), Name@1:38-1:39('t')])]))])"},
    {"{a: b for a, b in c}",
     "Module([Expr@1:0-1:20(DictComp@1:0-1:20(Name@1:1-1:2('a'), Name@1:4-1:5('b'), [comp(Tuple"
     "@1:10-1:14([Name@1:10-1:11('a', Store), Name@1:13-1:14('b', Store)], Store), Name@1:18-1:"
     "19('c'), [])]))])"},
    {"{a for a in b}",
     "Module([Expr@1:0-1:14(SetComp@1:0-1:14(Name@1:1-1:2('a'), [comp(Name@1:7-1:8('a', Store),"
     " Name@1:12-1:13('b'), [])]))])"},
    {"(x for x in y)",
     "Module([Expr@1:0-1:14(GeneratorExp@1:0-1:14(Name@1:1-1:2('x'), [comp(Name@1:7-1:8('x', St"
     "ore), Name@1:12-1:13('y'), [])]))])"},
    {"x = yield",
     "Module([Assign@1:0-1:9([Name@1:0-1:1('x', Store)], Yield@1:4-1:9(None))])"},
    {"x = yield from y",
     "Module([Assign@1:0-1:16([Name@1:0-1:1('x', Store)], YieldFrom@1:4-1:16(Name@1:15-1:16('y'"
     ")))])"},
    {"x = yield a, b",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], Yield@1:4-1:14(Tuple@1:10-1:14([Name@"
     "1:10-1:11('a'), Name@1:13-1:14('b')])))])"},
    {"a.b.c.d",
     "Module([Expr@1:0-1:7(Attribute@1:0-1:7(Attribute@1:0-1:5(Attribute@1:0-1:3(Name@1:0-1:1('"
     "a'), 'b'), 'c'), 'd'))])"},
    {"a[b][c](d)(e).f",
     "Module([Expr@1:0-1:15(Attribute@1:0-1:15(Call@1:0-1:13(Call@1:0-1:10(Subscript@1:0-1:7(Su"
     "bscript@1:0-1:4(Name@1:0-1:1('a'), Name@1:2-1:3('b')), Name@1:5-1:6('c')), [Name@1:8-1:9("
     "'d')], []), [Name@1:11-1:12('e')], []), 'f'))])"},
    {"x = ...",
     "Module([Assign@1:0-1:7([Name@1:0-1:1('x', Store)], Const@1:4-1:7(Ellipsis))])"},
    {"x = a is not b",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], Compare@1:4-1:14(Name@1:4-1:5('a'), ["
     "IsNot], [Name@1:13-1:14('b')]))])"},
    {"x = a not in b",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], Compare@1:4-1:14(Name@1:4-1:5('a'), ["
     "NotIn], [Name@1:13-1:14('b')]))])"},
    {"x = ~a ^ b & c | d << e >> f",
     "Module([Assign@1:0-1:28([Name@1:0-1:1('x', Store)], BinOp@1:4-1:28(BinOp@1:4-1:14(UnaryOp"
     "@1:4-1:6(Invert, Name@1:5-1:6('a')), BitXor, BinOp@1:9-1:14(Name@1:9-1:10('b'), BitAnd, N"
     "ame@1:13-1:14('c'))), BitOr, BinOp@1:17-1:28(BinOp@1:17-1:23(Name@1:17-1:18('d'), LShift,"
     " Name@1:22-1:23('e')), RShift, Name@1:27-1:28('f'))))])"},
    {"x = a @ b // c % d / e * f",
     "Module([Assign@1:0-1:26([Name@1:0-1:1('x', Store)], BinOp@1:4-1:26(BinOp@1:4-1:22(BinOp@1"
     ":4-1:18(BinOp@1:4-1:14(BinOp@1:4-1:9(Name@1:4-1:5('a'), MatMult, Name@1:8-1:9('b')), Floo"
     "rDiv, Name@1:13-1:14('c')), Mod, Name@1:17-1:18('d')), Div, Name@1:21-1:22('e')), Mult, N"
     "ame@1:25-1:26('f')))])"},
    {"x = +a - -b",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], BinOp@1:4-1:11(UnaryOp@1:4-1:6(UAdd, "
     "Name@1:5-1:6('a')), Sub, UnaryOp@1:9-1:11(USub, Name@1:10-1:11('b'))))])"},
    {"x = 2 ** -1",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], BinOp@1:4-1:11(Num@1:4-1:5('2'), Pow,"
     " UnaryOp@1:9-1:11(USub, Num@1:10-1:11('1'))))])"},
    {"x = a ** b ** c",
     "Module([Assign@1:0-1:15([Name@1:0-1:1('x', Store)], BinOp@1:4-1:15(Name@1:4-1:5('a'), Pow"
     ", BinOp@1:9-1:15(Name@1:9-1:10('b'), Pow, Name@1:14-1:15('c'))))])"},
    {"x = await_ + 1",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], BinOp@1:4-1:14(Name@1:4-1:10('await_'"
     "), Add, Num@1:13-1:14('1')))])"},
    {"x = 0x_1F + 1_000.5e-3 + 1j + 0o17 + 0b1 + .5 + 1. + 1e10 + 1E+5",
     "Module([Assign@1:0-1:64([Name@1:0-1:1('x', Store)], BinOp@1:4-1:64(BinOp@1:4-1:57(BinOp@1"
     ":4-1:50(BinOp@1:4-1:45(BinOp@1:4-1:40(BinOp@1:4-1:34(BinOp@1:4-1:27(BinOp@1:4-1:22(Num@1:"
     "4-1:9('0x_1F'), Add, Num@1:12-1:22('1_000.5e-3')), Add, Num@1:25-1:27('1j')), Add, Num@1:"
     "30-1:34('0o17')), Add, Num@1:37-1:40('0b1')), Add, Num@1:43-1:45('.5')), Add, Num@1:48-1:"
     "50('1.')), Add, Num@1:53-1:57('1e10')), Add, Num@1:60-1:64('1E+5')))])"},
    {"x = \"a\" 'b' \"\"\"c\"\"\" '''d'''",
     "Module([Assign@1:0-1:27([Name@1:0-1:1('x', Store)], Str@1:4-1:27('abcd'))])"},
    {"x = b'a' b\"\\x00\\xff\"",
     "Module([Assign@1:0-1:20([Name@1:0-1:1('x', Store)], Bytes@1:4-1:20('a\\x00\\xff'))])"},
    {"x = 'a\\nb\\tc\\\\d\\'e\\\"f\\0g\\x41\\u00e9\\U0001F600\\101'",
     "Module([Assign@1:0-1:49([Name@1:0-1:1('x', Store)], Str@1:4-1:49('a\\x0ab\\x09c\\x5cd\\x2"
     "7e\"f\\x00gA\\xc3\\xa9\\xf0\\x9f\\x98\\x80A'))])"},
    {"x = '\\d \\q'",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], Str@1:4-1:11('\\x5cd \\x5cq'))])"},
    {"x = '\303\251\342\202\254\360\237\230\200'",
     "Module([Assign@1:0-1:15([Name@1:0-1:1('x', Store)], Str@1:4-1:15('\\xc3\\xa9\\xe2\\x82\\x"
     "ac\\xf0\\x9f\\x98\\x80'))])"},
    {"x = f'a{b}c{d!r}e{f:>10}g{h!s:{w}}'",
     "Module([Assign@1:0-1:35([Name@1:0-1:1('x', Store)], FString@1:4-1:35([Str@1:4-1:35('a'), "
     "Fmt@1:4-1:35(Name@1:8-1:9('b'), -1, None), Str@1:4-1:35('c'), Fmt@1:4-1:35(Name@1:12-1:13"
     "('d'), 114, None), Str@1:4-1:35('e'), Fmt@1:4-1:35(Name@1:18-1:19('f'), -1, FString@1:4-1"
     ":35([Str@1:4-1:35('>10')])), Str@1:4-1:35('g'), Fmt@1:4-1:35(Name@1:26-1:27('h'), 115, FS"
     "tring@1:4-1:35([Fmt@1:4-1:35(Name@1:31-1:32('w'), -1, None)]))]))])"},
    {"x = f'{x=}'",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], FString@1:4-1:11([Str@1:4-1:11('x='),"
     " Fmt@1:4-1:11(Name@1:7-1:8('x'), 114, None)]))])"},
    {"x = f'{ x = }'",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], FString@1:4-1:14([Str@1:4-1:14(' x = "
     "'), Fmt@1:4-1:14(Name@1:8-1:9('x'), 114, None)]))])"},
    {"x = f'{x=!s:4}'",
     "Module([Assign@1:0-1:15([Name@1:0-1:1('x', Store)], FString@1:4-1:15([Str@1:4-1:15('x='),"
     " Fmt@1:4-1:15(Name@1:7-1:8('x'), 115, FString@1:4-1:15([Str@1:4-1:15('4')]))]))])"},
    {"x = f'{x=:4}'",
     "Module([Assign@1:0-1:13([Name@1:0-1:1('x', Store)], FString@1:4-1:13([Str@1:4-1:13('x='),"
     " Fmt@1:4-1:13(Name@1:7-1:8('x'), -1, FString@1:4-1:13([Str@1:4-1:13('4')]))]))])"},
    {"x = f\"{x}\" \"a\" f\"{y}\"",
     "Module([Assign@1:0-1:21([Name@1:0-1:1('x', Store)], FString@1:4-1:21([Fmt@1:4-1:21(Name@1"
     ":7-1:8('x'), -1, None), Str@1:4-1:21('a'), Fmt@1:4-1:21(Name@1:18-1:19('y'), -1, None)]))"
     "])"},
    {"x = \"a\" f\"b\" \"c\"",
     "Module([Assign@1:0-1:16([Name@1:0-1:1('x', Store)], FString@1:4-1:16([Str@1:4-1:16('abc')"
     "]))])"},
    {"x = f\"\"",
     "Module([Assign@1:0-1:7([Name@1:0-1:1('x', Store)], FString@1:4-1:7([]))])"},
    {"x = f'{{}}'",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], FString@1:4-1:11([Str@1:4-1:11('{}')]"
     "))])"},
    {"x = f'{x:}'",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], FString@1:4-1:11([Fmt@1:4-1:11(Name@1"
     ":7-1:8('x'), -1, FString@1:4-1:11([]))]))])"},
    {"x = f'{a:{b}{c}d}'",
     "Module([Assign@1:0-1:18([Name@1:0-1:1('x', Store)], FString@1:4-1:18([Fmt@1:4-1:18(Name@1"
     ":7-1:8('a'), -1, FString@1:4-1:18([Fmt@1:4-1:18(Name@1:10-1:11('b'), -1, None), Fmt@1:4-1"
     ":18(Name@1:13-1:14('c'), -1, None), Str@1:4-1:18('d')]))]))])"},
    {"x = f'{{{a}}}'",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], FString@1:4-1:14([Str@1:4-1:14('{'), "
     "Fmt@1:4-1:14(Name@1:9-1:10('a'), -1, None), Str@1:4-1:14('}')]))])"},
    {"x = f\"{'a' if b else 'c'}\"",
     "Module([Assign@1:0-1:26([Name@1:0-1:1('x', Store)], FString@1:4-1:26([Fmt@1:4-1:26(IfExp@"
     "1:7-1:24(Name@1:14-1:15('b'), Str@1:7-1:10('a'), Str@1:21-1:24('c')), -1, None)]))])"},
    {"x = f'{a[0]}' f\"{b['x']}\"",
     "Module([Assign@1:0-1:25([Name@1:0-1:1('x', Store)], FString@1:4-1:25([Fmt@1:4-1:25(Subscr"
     "ipt@1:7-1:11(Name@1:7-1:8('a'), Num@1:9-1:10('0')), -1, None), Fmt@1:4-1:25(Subscript@1:1"
     "7-1:23(Name@1:17-1:18('b'), Str@1:19-1:22('x')), -1, None)]))])"},
    {"x = f'''{\"\"\"a\"\"\"}'''",
     "Module([Assign@1:0-1:20([Name@1:0-1:1('x', Store)], FString@1:4-1:20([Fmt@1:4-1:20(Str@1:"
     "9-1:16('a'), -1, None)]))])"},
    {"x = f'{f\"{a}\"}'",
     "Module([Assign@1:0-1:15([Name@1:0-1:1('x', Store)], FString@1:4-1:15([Fmt@1:4-1:15(FStrin"
     "g@1:7-1:13([Fmt@1:7-1:13(Name@1:10-1:11('a'), -1, None)]), -1, None)]))])"},
    {"x = f'\\{a}'",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], FString@1:4-1:11([Str@1:4-1:11('\\x5c"
     "'), Fmt@1:4-1:11(Name@1:8-1:9('a'), -1, None)]))])"},
    {"x = f'\\n{a}\\t'",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], FString@1:4-1:14([Str@1:4-1:14('\\x0a"
     "'), Fmt@1:4-1:14(Name@1:9-1:10('a'), -1, None), Str@1:4-1:14('\\x09')]))])"},
    {"x = rf'\\n{a}'",
     "Module([Assign@1:0-1:13([Name@1:0-1:1('x', Store)], FString@1:4-1:13([Str@1:4-1:13('\\x5c"
     "n'), Fmt@1:4-1:13(Name@1:10-1:11('a'), -1, None)]))])"},
    {"x = f\"\"\"\n  {a +\n1}\"\"\"",
     "Module([Assign@1:0-3:5([Name@1:0-1:1('x', Store)], FString@1:4-3:5([Str@1:4-3:5('\\x0a  '"
     "), Fmt@1:4-3:5(BinOp@2:3-3:1(Name@2:3-2:4('a'), Add, Num@3:0-3:1('1')), -1, None)]))])"},
    {"x = f'{a:=3}'",
     "Module([Assign@1:0-1:13([Name@1:0-1:1('x', Store)], FString@1:4-1:13([Fmt@1:4-1:13(Name@1"
     ":7-1:8('a'), -1, FString@1:4-1:13([Str@1:4-1:13('=3')]))]))])"},
    {"x = f'{(a:=3)}'",
     "Module([Assign@1:0-1:15([Name@1:0-1:1('x', Store)], FString@1:4-1:15([Fmt@1:4-1:15(NamedE"
     "xpr@1:8-1:12(Name@1:8-1:9('a', Store), Num@1:11-1:12('3')), -1, None)]))])"},
    {"x = f'{a, b}'",
     "Module([Assign@1:0-1:13([Name@1:0-1:1('x', Store)], FString@1:4-1:13([Fmt@1:4-1:13(Tuple@"
     "1:6-1:12([Name@1:7-1:8('a'), Name@1:10-1:11('b')]), -1, None)]))])"},
    {"x = f'{x for x in y}'",
     "Module([Assign@1:0-1:21([Name@1:0-1:1('x', Store)], FString@1:4-1:21([Fmt@1:4-1:21(Genera"
     "torExp@1:6-1:20(Name@1:7-1:8('x'), [comp(Name@1:13-1:14('x', Store), Name@1:18-1:19('y'),"
     " [])]), -1, None)]))])"},
    {"x = f'{a!r:>{b}}'",
     "Module([Assign@1:0-1:17([Name@1:0-1:1('x', Store)], FString@1:4-1:17([Fmt@1:4-1:17(Name@1"
     ":7-1:8('a'), 114, FString@1:4-1:17([Str@1:4-1:17('>'), Fmt@1:4-1:17(Name@1:13-1:14('b'), "
     "-1, None)]))]))])"},
    {"x = f'{3!r}'",
     "Module([Assign@1:0-1:12([Name@1:0-1:1('x', Store)], FString@1:4-1:12([Fmt@1:4-1:12(Num@1:"
     "7-1:8('3'), 114, None)]))])"},
    {"x = f'{a:x!r}'",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], FString@1:4-1:14([Fmt@1:4-1:14(Name@1"
     ":7-1:8('a'), -1, FString@1:4-1:14([Str@1:4-1:14('x!r')]))]))])"},
    {"x = f'{yield}'",
     "Module([Assign@1:0-1:14([Name@1:0-1:1('x', Store)], FString@1:4-1:14([Fmt@1:4-1:14(Yield@"
     "1:7-1:12(None), -1, None)]))])"},
    {"print((yield))",
     "Module([Expr@1:0-1:14(Call@1:0-1:14(Name@1:0-1:5('print'), [Yield@1:7-1:12(None)], []))])"},
    {"x = (yield)",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], Yield@1:5-1:10(None))])"},
    {"(x := 1)",
     "Module([Expr@1:0-1:8(NamedExpr@1:1-1:7(Name@1:1-1:2('x', Store), Num@1:6-1:7('1')))])"},
    {"if (n := len(a)) > 10: pass",
     "Module([If@1:0-1:27(Compare@1:3-1:21(NamedExpr@1:4-1:15(Name@1:4-1:5('n', Store), Call@1:"
     "9-1:15(Name@1:9-1:12('len'), [Name@1:13-1:14('a')], [])), [Gt], [Num@1:19-1:21('10')]), ["
     "Pass@1:23-1:27()], [])])"},
    {"x = a[b:=1]",
     "Module([Assign@1:0-1:11([Name@1:0-1:1('x', Store)], Subscript@1:4-1:11(Name@1:4-1:5('a'),"
     " NamedExpr@1:6-1:10(Name@1:6-1:7('b', Store), Num@1:9-1:10('1'))))])"},
    {"x = 1 if 2 else 3",
     "Module([Assign@1:0-1:17([Name@1:0-1:1('x', Store)], IfExp@1:4-1:17(Num@1:9-1:10('2'), Num"
     "@1:4-1:5('1'), Num@1:16-1:17('3')))])"},
    {"x = [i for i in range(3) if (j := i)]",
     "Module([Assign@1:0-1:37([Name@1:0-1:1('x', Store)], ListComp@1:4-1:37(Name@1:5-1:6('i'), "
     "[comp(Name@1:11-1:12('i', Store), Call@1:16-1:24(Name@1:16-1:21('range'), [Num@1:22-1:23("
     "'3')], []), [NamedExpr@1:29-1:35(Name@1:29-1:30('j', Store), Name@1:34-1:35('i'))])]))])"},
    {"f(a)[b].c = d",
     "Module([Assign@1:0-1:13([Attribute@1:0-1:9(Subscript@1:0-1:7(Call@1:0-1:4(Name@1:0-1:1('f"
     "'), [Name@1:2-1:3('a')], []), Name@1:5-1:6('b')), 'c', Store)], Name@1:12-1:13('d'))])"},
    {"a, b = c, d = e",
     "Module([Assign@1:0-1:15([Tuple@1:0-1:4([Name@1:0-1:1('a', Store), Name@1:3-1:4('b', Store"
     ")], Store), Tuple@1:7-1:11([Name@1:7-1:8('c', Store), Name@1:10-1:11('d', Store)], Store)"
     "], Name@1:14-1:15('e'))])"},
    {"a, *b = c",
     "Module([Assign@1:0-1:9([Tuple@1:0-1:5([Name@1:0-1:1('a', Store), Starred@1:3-1:5(Name@1:4"
     "-1:5('b', Store), Store)], Store)], Name@1:8-1:9('c'))])"},
    {"[a, *b] = c",
     "Module([Assign@1:0-1:11([List@1:0-1:7([Name@1:1-1:2('a', Store), Starred@1:4-1:6(Name@1:5"
     "-1:6('b', Store), Store)], Store)], Name@1:10-1:11('c'))])"},
    {"(a, b), c = d",
     "Module([Assign@1:0-1:13([Tuple@1:0-1:9([Tuple@1:0-1:6([Name@1:1-1:2('a', Store), Name@1:4"
     "-1:5('b', Store)], Store), Name@1:8-1:9('c', Store)], Store)], Name@1:12-1:13('d'))])"},
    {"x: int",
     "Module([AnnAssign@1:0-1:6(Name@1:0-1:1('x', Store), Name@1:3-1:6('int'), None, 1)])"},
    {"x: int = 1",
     "Module([AnnAssign@1:0-1:10(Name@1:0-1:1('x', Store), Name@1:3-1:6('int'), Num@1:9-1:10('1"
     "'), 1)])"},
    {"(x): int = 1",
     "Module([AnnAssign@1:0-1:12(Name@1:1-1:2('x', Store), Name@1:5-1:8('int'), Num@1:11-1:12('"
     "1'), 0)])"},
    {"a.b: int",
     "Module([AnnAssign@1:0-1:8(Attribute@1:0-1:3(Name@1:0-1:1('a'), 'b', Store), Name@1:5-1:8("
     "'int'), None, 0)])"},
    {"a[0]: int = 2",
     "Module([AnnAssign@1:0-1:13(Subscript@1:0-1:4(Name@1:0-1:1('a'), Num@1:2-1:3('0'), Store),"
     " Name@1:6-1:9('int'), Num@1:12-1:13('2'), 0)])"},
    {"x += 1",
     "Module([AugAssign@1:0-1:6(Name@1:0-1:1('x', Store), Add, Num@1:5-1:6('1'))])"},
    {"x.y -= 1",
     "Module([AugAssign@1:0-1:8(Attribute@1:0-1:3(Name@1:0-1:1('x'), 'y', Store), Sub, Num@1:7-"
     "1:8('1'))])"},
    {"x[0] *= 2",
     "Module([AugAssign@1:0-1:9(Subscript@1:0-1:4(Name@1:0-1:1('x'), Num@1:2-1:3('0'), Store), "
     "Mult, Num@1:8-1:9('2'))])"},
    {"x //= 2; x **= 2; x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1; x @= 1; x %= 1; x /= 1",
     "Module([AugAssign@1:0-1:7(Name@1:0-1:1('x', Store), FloorDiv, Num@1:6-1:7('2')), AugAssig"
     "n@1:9-1:16(Name@1:9-1:10('x', Store), Pow, Num@1:15-1:16('2')), AugAssign@1:18-1:25(Name@"
     "1:18-1:19('x', Store), RShift, Num@1:24-1:25('1')), AugAssign@1:27-1:34(Name@1:27-1:28('x"
     "', Store), LShift, Num@1:33-1:34('1')), AugAssign@1:36-1:42(Name@1:36-1:37('x', Store), B"
     "itAnd, Num@1:41-1:42('1')), AugAssign@1:44-1:50(Name@1:44-1:45('x', Store), BitOr, Num@1:"
     "49-1:50('1')), AugAssign@1:52-1:58(Name@1:52-1:53('x', Store), BitXor, Num@1:57-1:58('1')"
     "), AugAssign@1:60-1:66(Name@1:60-1:61('x', Store), MatMult, Num@1:65-1:66('1')), AugAssig"
     "n@1:68-1:74(Name@1:68-1:69('x', Store), Mod, Num@1:73-1:74('1')), AugAssign@1:76-1:82(Nam"
     "e@1:76-1:77('x', Store), Div, Num@1:81-1:82('1'))])"},
    {"del a, b[1], c.d",
     "Module([Delete@1:0-1:16([Name@1:4-1:5('a', Del), Subscript@1:7-1:11(Name@1:7-1:8('b'), Nu"
     "m@1:9-1:10('1'), Del), Attribute@1:13-1:16(Name@1:13-1:14('c'), 'd', Del)])])"},
    {"del (a, b)",
     "Module([Delete@1:0-1:10([Tuple@1:4-1:10([Name@1:5-1:6('a', Del), Name@1:8-1:9('b', Del)],"
     " Del)])])"},
    {"del [a, b]",
     "Module([Delete@1:0-1:10([List@1:4-1:10([Name@1:5-1:6('a', Del), Name@1:8-1:9('b', Del)], "
     "Del)])])"},
    {"del (a), [b]",
     "Module([Delete@1:0-1:12([Name@1:5-1:6('a', Del), List@1:9-1:12([Name@1:10-1:11('b', Del)]"
     ", Del)])])"},
    {"del a,\n",
     "Module([Delete@1:0-1:6([Name@1:4-1:5('a', Del)])])"},
    {"x = f'result: {value:{width:0}.{precision:1}}'",
     "Module([Assign@1:0-1:46([Name@1:0-1:1('x', Store)], FString@1:4-1:46([Str@1:4-1:46('resul"
     "t: '), Fmt@1:4-1:46(Name@1:15-1:20('value'), -1, FString@1:4-1:46([Fmt@1:4-1:46(Name@1:22"
     "-1:27('width'), -1, FString@1:4-1:46([Str@1:4-1:46('0')])), Str@1:4-1:46('.'), Fmt@1:4-1:"
     "46(Name@1:32-1:41('precision'), -1, FString@1:4-1:46([Str@1:4-1:46('1')]))]))]))])"},
    {"x = f'{x:{{}}}'",
     "Module([Assign@1:0-1:15([Name@1:0-1:1('x', Store)], FString@1:4-1:15([Fmt@1:4-1:15(Name@1"
     ":7-1:8('x'), -1, FString@1:4-1:15([Fmt@1:4-1:15(Dict@1:10-1:12([], []), -1, None)]))]))])"},
    {"x = (f\"{a:>{w}}\" f\"{b:x}\"\n \"c\")",
     "Module([Assign@1:0-2:5([Name@1:0-1:1('x', Store)], FString@1:5-2:4([Fmt@1:5-2:4(Name@1:8-"
     "1:9('a'), -1, FString@1:5-1:16([Str@1:5-2:4('>'), Fmt@1:5-2:4(Name@1:12-1:13('w'), -1, No"
     "ne)])), Fmt@1:5-2:4(Name@1:20-1:21('b'), -1, FString@1:17-1:25([Str@1:17-1:25('x')])), St"
     "r@1:5-2:4('c')]))])"},
    {"async def f():\n    return [x async for x in y]\n",
     "Module([Async@1:0-2:31('async def')])"},
    {"if a:\n  x\nelif b:\n  y\nelse:\n  z",
     "Module([If@1:0-6:3(Name@1:3-1:4('a'), [Expr@2:2-2:3(Name@2:2-2:3('x'))], [If@3:0-6:3(Name"
     "@3:5-3:6('b'), [Expr@4:2-4:3(Name@4:2-4:3('y'))], [Expr@6:2-6:3(Name@6:2-6:3('z'))])])])"},
    {"if a:\n    if b:\n        pass\n    else:\n        pass\nx = 1",
     "Module([If@1:0-5:12(Name@1:3-1:4('a'), [If@2:4-5:12(Name@2:7-2:8('b'), [Pass@3:8-3:12()],"
     " [Pass@5:8-5:12()])], []), Assign@6:0-6:5([Name@6:0-6:1('x', Store)], Num@6:4-6:5('1'))])"},
    {"while x:\n    break\nelse:\n    continue",
     "Module([While@1:0-4:12(Name@1:6-1:7('x'), [Break@2:4-2:9()], [Continue@4:4-4:12()])])"},
    {"for a, *b in c:\n    pass\nelse:\n    pass",
     "Module([For@1:0-4:8(Tuple@1:4-1:9([Name@1:4-1:5('a', Store), Starred@1:7-1:9(Name@1:8-1:9"
     "('b', Store), Store)], Store), Name@1:13-1:14('c'), [Pass@2:4-2:8()], [Pass@4:4-4:8()])])"},
    {"for x in *a, b:\n    pass",
     "Module([For@1:0-2:8(Name@1:4-1:5('x', Store), Tuple@1:9-1:14([Starred@1:9-1:11(Name@1:10-"
     "1:11('a')), Name@1:13-1:14('b')]), [Pass@2:4-2:8()], [])])"},
    {"for (a, b) in c: pass",
     "Module([For@1:0-1:21(Tuple@1:4-1:10([Name@1:5-1:6('a', Store), Name@1:8-1:9('b', Store)],"
     " Store), Name@1:14-1:15('c'), [Pass@1:17-1:21()], [])])"},
    {"try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nel"
     "se:\n    pass\nfinally:\n    pass",
     "Module([Try@1:0-12:8([Pass@2:4-2:8()], [ExceptHandler@3:0-4:8(Name@3:7-3:8('E'), 'e', [Pa"
     "ss@4:4-4:8()]), ExceptHandler@5:0-6:8(Tuple@5:7-5:13([Name@5:8-5:9('A'), Name@5:11-5:12('"
     "B')]), None, [Pass@6:4-6:8()]), ExceptHandler@7:0-8:8(None, None, [Pass@8:4-8:8()])], [Pa"
     "ss@10:4-10:8()], [Pass@12:4-12:8()])])"},
    {"try:\n    x\nfinally:\n    y",
     "Module([Try@1:0-4:5([Expr@2:4-2:5(Name@2:4-2:5('x'))], [], [], [Expr@4:4-4:5(Name@4:4-4:5"
     "('y'))])])"},
    {"with a as b, c:\n    pass",
     "Module([With@1:0-2:8([item(Name@1:5-1:6('a'), Name@1:10-1:11('b', Store)), item(Name@1:13"
     "-1:14('c'), None)], [Pass@2:4-2:8()])])"},
    {"with (a as b, c as d):\n    pass",
     "Module([With@1:0-2:8([item(Name@1:6-1:7('a'), Name@1:11-1:12('b', Store)), item(Name@1:14"
     "-1:15('c'), Name@1:19-1:20('d', Store))], [Pass@2:4-2:8()])])"},
    {"with (a, b):\n    pass",
     "Module([With@1:0-2:8([item(Name@1:6-1:7('a'), None), item(Name@1:9-1:10('b'), None)], [Pa"
     "ss@2:4-2:8()])])"},
    {"with (a, b) as c:\n    pass",
     "Module([With@1:0-2:8([item(Tuple@1:5-1:11([Name@1:6-1:7('a'), Name@1:9-1:10('b')]), Name@"
     "1:15-1:16('c', Store))], [Pass@2:4-2:8()])])"},
    {"with (a):\n    pass",
     "Module([With@1:0-2:8([item(Name@1:6-1:7('a'), None)], [Pass@2:4-2:8()])])"},
    {"with a as (b, c): pass",
     "Module([With@1:0-1:22([item(Name@1:5-1:6('a'), Tuple@1:10-1:16([Name@1:11-1:12('b', Store"
     "), Name@1:14-1:15('c', Store)], Store))], [Pass@1:18-1:22()])])"},
    {"def f(a, b: int = 1, /, c=2, *d, e, f=3, **g) -> int:\n    pass",
     "Module([FunctionDef@1:0-2:8('f', args([arg@1:6-1:7('a', None), arg@1:9-1:15('b', Name@1:1"
     "2-1:15('int'))], [arg@1:24-1:25('c', None)], arg@1:30-1:31('d', None), [arg@1:33-1:34('e'"
     ", None), arg@1:36-1:37('f', None)], [None, Num@1:38-1:39('3')], arg@1:43-1:44('g', None),"
     " [Num@1:18-1:19('1'), Num@1:26-1:27('2')]), [Pass@2:4-2:8()], [], Name@1:49-1:52('int'))]"
     ")"},
    {"def f(a, *, b): pass",
     "Module([FunctionDef@1:0-1:20('f', args([], [arg@1:6-1:7('a', None)], None, [arg@1:12-1:13"
     "('b', None)], [None], None, []), [Pass@1:16-1:20()], [], None)])"},
    {"def f(*args, **kwargs): return args",
     "Module([FunctionDef@1:0-1:35('f', args([], [], arg@1:7-1:11('args', None), [], [], arg@1:"
     "15-1:21('kwargs', None), []), [Return@1:24-1:35(Name@1:31-1:35('args'))], [], None)])"},
    {"def f(a, b,): pass",
     "Module([FunctionDef@1:0-1:18('f', args([], [arg@1:6-1:7('a', None), arg@1:9-1:10('b', Non"
     "e)], None, [], [], None, []), [Pass@1:14-1:18()], [], None)])"},
    {"def f(): pass",
     "Module([FunctionDef@1:0-1:13('f', args([], [], None, [], [], None, []), [Pass@1:9-1:13()]"
     ", [], None)])"},
    {"@dec\n@dec2(1)\nclass A(B, metaclass=M):\n    pass",
     "Module([ClassDef@3:0-4:8('A', [Name@3:8-3:9('B')], [kw@3:11-3:22('metaclass', Name@3:21-3"
     ":22('M'))], [Pass@4:4-4:8()], [Name@1:1-1:4('dec'), Call@2:1-2:8(Name@2:1-2:5('dec2'), [N"
     "um@2:6-2:7('1')], [])])])"},
    {"class A: pass",
     "Module([ClassDef@1:0-1:13('A', [], [], [Pass@1:9-1:13()], [])])"},
    {"class A(): pass",
     "Module([ClassDef@1:0-1:15('A', [], [], [Pass@1:11-1:15()], [])])"},
    {"class A(*b, **c): x = 1",
     "Module([ClassDef@1:0-1:23('A', [Starred@1:8-1:10(Name@1:9-1:10('b'))], [kw@1:12-1:15(None"
     ", Name@1:14-1:15('c'))], [Assign@1:18-1:23([Name@1:18-1:19('x', Store)], Num@1:22-1:23('1"
     "'))], [])])"},
    {"@d\ndef f(): pass",
     "Module([FunctionDef@2:0-2:13('f', args([], [], None, [], [], None, []), [Pass@2:9-2:13()]"
     ", [Name@1:1-1:2('d')], None)])"},
    {"@a.b.c\n@x[0]\ndef f():\n    \"\"\"doc\"\"\"\n    return 1",
     "Module([FunctionDef@3:0-5:12('f', args([], [], None, [], [], None, []), [Expr@4:4-4:13(St"
     "r@4:4-4:13('doc')), Return@5:4-5:12(Num@5:11-5:12('1'))], [Attribute@1:1-1:6(Attribute@1:"
     "1-1:4(Name@1:1-1:2('a'), 'b'), 'c'), Subscript@2:1-2:5(Name@2:1-2:2('x'), Num@2:3-2:4('0'"
     "))], None)])"},
    {"lambda: 0",
     "Module([Expr@1:0-1:9(Lambda@1:0-1:9(args([], [], None, [], [], None, []), Num@1:8-1:9('0'"
     ")))])"},
    {"lambda *, a: 0",
     "Module([Expr@1:0-1:14(Lambda@1:0-1:14(args([], [], None, [arg@1:10-1:11('a', None)], [Non"
     "e], None, []), Num@1:13-1:14('0')))])"},
    {"lambda a, /, b: 1",
     "Module([Expr@1:0-1:17(Lambda@1:0-1:17(args([arg@1:7-1:8('a', None)], [arg@1:13-1:14('b', "
     "None)], None, [], [], None, []), Num@1:16-1:17('1')))])"},
    {"import a.b as c, d",
     "Module([Import@1:0-1:18([alias@1:7-1:15('a.b', 'c'), alias@1:17-1:18('d', None)])])"},
    {"import os",
     "Module([Import@1:0-1:9([alias@1:7-1:9('os', None)])])"},
    {"from .. import (x as y, z)",
     "Module([ImportFrom@1:0-1:26(None, [alias@1:16-1:22('x', 'y'), alias@1:24-1:25('z', None)]"
     ", 2)])"},
    {"from . import *",
     "Module([ImportFrom@1:0-1:15(None, [alias@1:14-1:15('*', None)], 1)])"},
    {"from .a.b import c",
     "Module([ImportFrom@1:0-1:18('a.b', [alias@1:17-1:18('c', None)], 1)])"},
    {"from ...x import y",
     "Module([ImportFrom@1:0-1:18('x', [alias@1:17-1:18('y', None)], 3)])"},
    {"from .... import y",
     "Module([ImportFrom@1:0-1:18(None, [alias@1:17-1:18('y', None)], 4)])"},
    {"from a import (b, c,)",
     "Module([ImportFrom@1:0-1:21('a', [alias@1:15-1:16('b', None), alias@1:18-1:19('c', None)]"
     ", 0)])"},
    {"global a, b",
     "Module([Global@1:0-1:11(['a', 'b'])])"},
    {"def f():\n    nonlocal a",
     "Module([FunctionDef@1:0-2:14('f', args([], [], None, [], [], None, []), [Nonlocal@2:4-2:1"
     "4(['a'])], [], None)])"},
    {"del a, b[1]",
     "Module([Delete@1:0-1:11([Name@1:4-1:5('a', Del), Subscript@1:7-1:11(Name@1:7-1:8('b'), Nu"
     "m@1:9-1:10('1'), Del)])])"},
    {"raise X from Y",
     "Module([Raise@1:0-1:14(Name@1:6-1:7('X'), Name@1:13-1:14('Y'))])"},
    {"raise",
     "Module([Raise@1:0-1:5(None, None)])"},
    {"raise X",
     "Module([Raise@1:0-1:7(Name@1:6-1:7('X'), None)])"},
    {"assert x, \"m\"",
     "Module([Assert@1:0-1:13(Name@1:7-1:8('x'), Str@1:10-1:13('m'))])"},
    {"assert x",
     "Module([Assert@1:0-1:8(Name@1:7-1:8('x'), None)])"},
    {"return",
     "Module([Return@1:0-1:6(None)])"},
    {"return 1, 2",
     "Module([Return@1:0-1:11(Tuple@1:7-1:11([Num@1:7-1:8('1'), Num@1:10-1:11('2')]))])"},
    {"pass; pass;",
     "Module([Pass@1:0-1:4(), Pass@1:6-1:10()])"},
    {"x = 1; y = 2",
     "Module([Assign@1:0-1:5([Name@1:0-1:1('x', Store)], Num@1:4-1:5('1')), Assign@1:7-1:12([Na"
     "me@1:7-1:8('y', Store)], Num@1:11-1:12('2'))])"},
    {"async def f():\n    await x",
     "Module([Async@1:0-2:11('async def')])"},
    {"@d\nasync def f(): pass",
     "Module([Async@2:0-2:19('async def')])"},
    {"async def f():\n  async for a in b: pass\n  async with a: pass",
     "Module([Async@1:0-3:20('async def')])"},
    {"match x:\n    case 1:\n        pass\n    case _:\n        pass\ny = 1",
     "Module([Match@1:0-5:12('match'), Assign@6:0-6:5([Name@6:0-6:1('y', Store)], Num@6:4-6:5('"
     "1'))])"},
    {"match = 1\nmatch.x = 2\nmatch(x)\nmatch[1]: int = 3",
     "Module([Assign@1:0-1:9([Name@1:0-1:5('match', Store)], Num@1:8-1:9('1')), Assign@2:0-2:11"
     "([Attribute@2:0-2:7(Name@2:0-2:5('match'), 'x', Store)], Num@2:10-2:11('2')), Expr@3:0-3:"
     "8(Call@3:0-3:8(Name@3:0-3:5('match'), [Name@3:6-3:7('x')], [])), AnnAssign@4:0-4:17(Subsc"
     "ript@4:0-4:8(Name@4:0-4:5('match'), Num@4:6-4:7('1'), Store), Name@4:10-4:13('int'), Num@"
     "4:16-4:17('3'), 0)])"},
    {"#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = 1",
     "Module([Assign@3:0-3:5([Name@3:0-3:1('x', Store)], Num@3:4-3:5('1'))])"},
    {"x = 1",
     "Module([Assign@1:0-1:5([Name@1:0-1:1('x', Store)], Num@1:4-1:5('1'))])"},
    {"if x:\n    pass\n# trailing comment",
     "Module([If@1:0-2:8(Name@1:3-1:4('x'), [Pass@2:4-2:8()], [])])"},
    {"x = [1,\n  2,\n    3]\ny = (4 +\n5)",
     "Module([Assign@1:0-3:6([Name@1:0-1:1('x', Store)], List@1:4-3:6([Num@1:5-1:6('1'), Num@2:"
     "2-2:3('2'), Num@3:4-3:5('3')])), Assign@4:0-5:2([Name@4:0-4:1('y', Store)], BinOp@4:5-5:1"
     "(Num@4:5-4:6('4'), Add, Num@5:0-5:1('5')))])"},
    {"x = 1 + \\\n    2",
     "Module([Assign@1:0-2:5([Name@1:0-1:1('x', Store)], BinOp@1:4-2:5(Num@1:4-1:5('1'), Add, N"
     "um@2:4-2:5('2')))])"},
    {"def f():\n    x = 1\n  # odd comment\n    return x",
     "Module([FunctionDef@1:0-4:12('f', args([], [], None, [], [], None, []), [Assign@2:4-2:9(["
     "Name@2:4-2:5('x', Store)], Num@2:8-2:9('1')), Return@4:4-4:12(Name@4:11-4:12('x'))], [], "
     "None)])"},
    {"if 1:\n\tx = 1\n\tif 2:\n\t\ty = 2\nz = 3",
     "Module([If@1:0-4:7(Num@1:3-1:4('1'), [Assign@2:1-2:6([Name@2:1-2:2('x', Store)], Num@2:5-"
     "2:6('1')), If@3:1-4:7(Num@3:4-3:5('2'), [Assign@4:2-4:7([Name@4:2-4:3('y', Store)], Num@4"
     ":6-4:7('2'))], [])], []), Assign@5:0-5:5([Name@5:0-5:1('z', Store)], Num@5:4-5:5('3'))])"},
    {"class A:\n    def f(self):\n        pass\n\n    def g(self):\n        pass\n\n\nclass B(A"
     "):\n    x: int = 0",
     "Module([ClassDef@1:0-6:12('A', [], [], [FunctionDef@2:4-3:12('f', args([], [arg@2:10-2:14"
     "('self', None)], None, [], [], None, []), [Pass@3:8-3:12()], [], None), FunctionDef@5:4-6"
     ":12('g', args([], [arg@5:10-5:14('self', None)], None, [], [], None, []), [Pass@6:8-6:12("
     ")], [], None)], []), ClassDef@9:0-10:14('B', [Name@9:8-9:9('A')], [], [AnnAssign@10:4-10:"
     "14(Name@10:4-10:5('x', Store), Name@10:7-10:10('int'), Num@10:13-10:14('0'), 1)], [])])"},
    {"def f():\n    yield\n    yield 1\n    yield from g()\n    x = yield 2",
     "Module([FunctionDef@1:0-5:15('f', args([], [], None, [], [], None, []), [Expr@2:4-2:9(Yie"
     "ld@2:4-2:9(None)), Expr@3:4-3:11(Yield@3:4-3:11(Num@3:10-3:11('1'))), Expr@4:4-4:18(Yield"
     "From@4:4-4:18(Call@4:15-4:18(Name@4:15-4:16('g'), [], []))), Assign@5:4-5:15([Name@5:4-5:"
     "5('x', Store)], Yield@5:8-5:15(Num@5:14-5:15('2')))], [], None)])"},
    {"x = [\n    1,\n    2,\n]",
     "Module([Assign@1:0-4:1([Name@1:0-1:1('x', Store)], List@1:4-4:1([Num@2:4-2:5('1'), Num@3:"
     "4-3:5('2')]))])"},
    {"if a: b = 1; c = 2",
     "Module([If@1:0-1:18(Name@1:3-1:4('a'), [Assign@1:6-1:11([Name@1:6-1:7('b', Store)], Num@1"
     ":10-1:11('1')), Assign@1:13-1:18([Name@1:13-1:14('c', Store)], Num@1:17-1:18('2'))], [])]"
     ")"},
    {"while 1: pass",
     "Module([While@1:0-1:13(Num@1:6-1:7('1'), [Pass@1:9-1:13()], [])])"},
    {"",
     "Module([])"},
    {"   ",
     "Module([])"},
    {"# only comment",
     "Module([])"},
    {"x = 1\n   \n   \ny = 2",
     "Module([Assign@1:0-1:5([Name@1:0-1:1('x', Store)], Num@1:4-1:5('1')), Assign@4:0-4:5([Nam"
     "e@4:0-4:1('y', Store)], Num@4:4-4:5('2'))])"},
    {"if x:\n    pass\n\n\n    ",
     "Module([If@1:0-2:8(Name@1:3-1:4('x'), [Pass@2:4-2:8()], [])])"},
    {"def f(x):\n    if x:\n        return 1\n    return 2\nprint(f(1))",
     "Module([FunctionDef@1:0-4:12('f', args([], [arg@1:6-1:7('x', None)], None, [], [], None, "
     "[]), [If@2:4-3:16(Name@2:7-2:8('x'), [Return@3:8-3:16(Num@3:15-3:16('1'))], []), Return@4"
     ":4-4:12(Num@4:11-4:12('2'))], [], None), Expr@5:0-5:11(Call@5:0-5:11(Name@5:0-5:5('print'"
     "), [Call@5:6-5:10(Name@5:6-5:7('f'), [Num@5:8-5:9('1')], [])], []))])"},
    {"with a:\n    b;\nif x: y;\nt[*a]\nt[*a,]\nt[*a, b]",
     "Module([With@1:0-2:6([item(Name@1:5-1:6('a'), None)], [Expr@2:4-2:5(Name@2:4-2:5('b'))]),"
     " If@3:0-3:8(Name@3:3-3:4('x'), [Expr@3:6-3:7(Name@3:6-3:7('y'))], []), Expr@4:0-4:5(Subsc"
     "ript@4:0-4:5(Name@4:0-4:1('t'), Tuple@4:2-4:4([Starred@4:2-4:4(Name@4:3-4:4('a'))]))), Ex"
     "pr@5:0-5:6(Subscript@5:0-5:6(Name@5:0-5:1('t'), Tuple@5:2-5:5([Starred@5:2-5:4(Name@5:3-5"
     ":4('a'))]))), Expr@6:0-6:8(Subscript@6:0-6:8(Name@6:0-6:1('t'), Tuple@6:2-6:7([Starred@6:"
     "2-6:4(Name@6:3-6:4('a')), Name@6:6-6:7('b')])))])"},
    {"if x:\n    pass;\nelse:\n    y; z;\n",
     "Module([If@1:0-4:9(Name@1:3-1:4('x'), [Pass@2:4-2:8()], [Expr@4:4-4:5(Name@4:4-4:5('y')),"
     " Expr@4:7-4:8(Name@4:7-4:8('z'))])])"},
    {"def func1(*args: *Ts): pass\n",
     "Module([FunctionDef@1:0-1:27('func1', args([], [], arg@1:11-1:20('args', Starred@1:17-1:2"
     "0(Name@1:18-1:20('Ts'))), [], [], None, []), [Pass@1:23-1:27()], [], None)])"},
};

static const err_case_t err_cases[] = {
    {"if x\n  pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 4, 1, 4},
    {"if x:\npass", TPY_SYNERR_INDENT,
     "expected an indented block after 'if' statement on line 1", 2, 0, 2, 4},
    {"if x:", TPY_SYNERR_INDENT, // at the end of input: no span (CPython's -1)
     "expected an indented block after 'if' statement on line 1", 1, 5, 1, -1},
    {"f(", TPY_SYNERR_SYNTAX,
     "'(' was never closed", 1, 1, 1, 2},
    {"(a b)", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 1, 1, 4},
    {"[a b c]", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 1, 1, 4},
    {"f(a b)", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {"a b", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 3},
    {"1 = x", TPY_SYNERR_SYNTAX,
     "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0, 1, 1},
    {"f() = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0, 1, 3},
    {"a+b = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0, 1, 3},
    {"del f()", TPY_SYNERR_SYNTAX,
     "cannot delete function call", 1, 4, 1, 7},
    {"f() += 1", TPY_SYNERR_SYNTAX,
     "'function call' is an illegal expression for augmented assignment", 1, 0, 1, 3},
    {"x = )", TPY_SYNERR_SYNTAX,
     "unmatched ')'", 1, 4, 1, 5},
    {"(]", TPY_SYNERR_SYNTAX,
     "closing parenthesis ']' does not match opening parenthesis '('", 1, 1, 1, 2},
    {"(\n]", TPY_SYNERR_SYNTAX,
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 0, 2, 1},
    {")", TPY_SYNERR_SYNTAX,
     "unmatched ')'", 1, 0, 1, 1},
    {"for 1 in x: pass", TPY_SYNERR_SYNTAX,
     "cannot assign to literal", 1, 4, 1, 5},
    {"with a as 1: pass", TPY_SYNERR_SYNTAX,
     "cannot assign to literal", 1, 10, 1, 11},
    {"  x=1", TPY_SYNERR_INDENT,
     "unexpected indent", 1, 1, 1, 2},
    {"if 1:\n    x\n  y", TPY_SYNERR_INDENT,
     "unindent does not match any outer indentation level", 3, 3, 3, 4},
    {"x = \"abc", TPY_SYNERR_SYNTAX,
     "unterminated string literal (detected at line 1)", 1, 4, 1, 5},
    {"x = '''abc\n\n", TPY_SYNERR_SYNTAX,
     "unterminated triple-quoted string literal (detected at line 2)", 1, 4, 1, 5},
    {"x = \342\202\254", TPY_SYNERR_SYNTAX,
     "invalid character '\342\202\254' (U+20AC)", 1, 4, 1, 5},
    {"1abc", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 0, 1, 1},
    {"0x", TPY_SYNERR_SYNTAX,
     "invalid hexadecimal literal", 1, 1, 1, 2},
    {"012", TPY_SYNERR_SYNTAX,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal i"
     "ntegers", 1, 0, 1, 1},
    {"1__0", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 1, 1, 2},
    {"1_", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 1, 1, 2},
    {"1e", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 0, 1, 1},
    {"0b2", TPY_SYNERR_SYNTAX,
     "invalid digit '2' in binary literal", 1, 2, 1, 3},
    {"0o8", TPY_SYNERR_SYNTAX,
     "invalid digit '8' in octal literal", 1, 2, 1, 3},
    {"x = $", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"x = ?", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"x = !", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"x = 1\\ y", TPY_SYNERR_SYNTAX,
     "unexpected character after line continuation character", 1, 6, 1, 7},
    {"x = 1\\", TPY_SYNERR_SYNTAX,
     "unexpected EOF while parsing", 1, 6, 1, 7},
    {"x = \\x01", TPY_SYNERR_SYNTAX,
     "unexpected character after line continuation character", 1, 5, 1, 6},
    {"x\342\202\254y = 1", TPY_SYNERR_SYNTAX,
     "invalid character '\342\202\254' (U+20AC)", 1, 1, 1, 2},
    {"0x1for", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 6},
    {"0_1", TPY_SYNERR_SYNTAX,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal i"
     "ntegers", 1, 0, 1, 2},
    {"0.5_", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 3, 1, 4},
    {"1.5e+", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 4, 1, 5},
    {"0b1_", TPY_SYNERR_SYNTAX,
     "invalid binary literal", 1, 3, 1, 4},
    {"0o", TPY_SYNERR_SYNTAX,
     "invalid octal literal", 1, 1, 1, 2},
    {"1.__class__", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 1, 1, 2},
    {"1._5", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 1, 1, 2},
    {"1e_5", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 0, 1, 1},
    {"09", TPY_SYNERR_SYNTAX,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal i"
     "ntegers", 1, 0, 1, 1},
    {"0xg", TPY_SYNERR_SYNTAX,
     "invalid hexadecimal literal", 1, 1, 1, 2},
    {"1..2", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 4},
    {"0b", TPY_SYNERR_SYNTAX,
     "invalid binary literal", 1, 1, 1, 2},
    {"b'\303\251'", TPY_SYNERR_SYNTAX,
     "bytes can only contain ASCII literal characters", 1, 0, 1, 5},
    {"1\303\251", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 1, 1, 3},
    {"x = (1, [2,", TPY_SYNERR_SYNTAX,
     "'[' was never closed", 1, 8, 1, 9},
    {"(1,\n[2", TPY_SYNERR_SYNTAX,
     "'[' was never closed", 2, 0, 2, 1},
    {"x = f\"abc", TPY_SYNERR_SYNTAX,
     "unterminated string literal (detected at line 1)", 1, 4, 1, 5},
    {"x = rb'abc", TPY_SYNERR_SYNTAX,
     "unterminated string literal (detected at line 1)", 1, 4, 1, 5},
    {"x = '''abc", TPY_SYNERR_SYNTAX,
     "unterminated triple-quoted string literal (detected at line 1)", 1, 4, 1, 5},
    {"if x:\n    y\n   z", TPY_SYNERR_INDENT,
     "unindent does not match any outer indentation level", 3, 4, 3, 5},
    {"if x:\n\ty\n        z", TPY_SYNERR_TAB,
     "inconsistent use of tabs and spaces in indentation", 3, 0, 3, 1},
    {"if x:\n        y\n\tz", TPY_SYNERR_TAB,
     "inconsistent use of tabs and spaces in indentation", 3, 0, 3, 1},
    {"x = 1 \\", TPY_SYNERR_SYNTAX,
     "unexpected EOF while parsing", 1, 7, 1, 8},
    {"x = 1\n    y = 2", TPY_SYNERR_INDENT,
     "unexpected indent", 2, 3, 2, 4},
    {"x = 1\n\ty = 2", TPY_SYNERR_INDENT,
     "unexpected indent", 2, 0, 2, 1},
    {"if x:\n    pass\nelse:\npass", TPY_SYNERR_INDENT,
     "expected an indented block after 'else' statement on line 3", 4, 0, 4, 4},
    {"def f():\nx", TPY_SYNERR_INDENT,
     "expected an indented block after function definition on line 1", 2, 0, 2, 1},
    {"class A:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after class definition on line 1", 2, 0, 2, 1},
    {"for x in y:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'for' statement on line 1", 2, 0, 2, 1},
    {"while x:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'while' statement on line 1", 2, 0, 2, 1},
    {"try:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'try' statement on line 1", 2, 0, 2, 1},
    {"try:\n    x\nexcept:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'except' statement on line 3", 4, 0, 4, 1},
    {"try:\n    x\nfinally:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'finally' statement on line 3", 4, 0, 4, 1},
    {"with x:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'with' statement on line 1", 2, 0, 2, 1},
    {"if x:\n    x\nelif y:\nx", TPY_SYNERR_INDENT,
     "expected an indented block after 'elif' statement on line 3", 4, 0, 4, 1},
    {"if x:\n    y\n  else:\n    z", TPY_SYNERR_INDENT,
     "unindent does not match any outer indentation level", 3, 7, 3, 8},
    {"if x:\n    y\nelse:\n    z\n  w", TPY_SYNERR_INDENT,
     "unindent does not match any outer indentation level", 5, 3, 5, 4},
    {"if x:\n  y\n    z", TPY_SYNERR_INDENT,
     "unexpected indent", 3, 3, 3, 4},
    {"if x = 1:\n    pass", TPY_SYNERR_SYNTAX,
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3, 1, 8},
    {"if x.y = 1: pass", TPY_SYNERR_SYNTAX,
     "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 3, 1, 6},
    {"[x = 1]", TPY_SYNERR_SYNTAX,
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 1, 1, 6},
    {"f(a.b=1)", TPY_SYNERR_SYNTAX,
     "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2, 1, 6},
    {"f(True=1)", TPY_SYNERR_SYNTAX,
     "cannot assign to True", 1, 2, 1, 7},
    {"f(a=1, b)", TPY_SYNERR_SYNTAX,
     "positional argument follows keyword argument", 1, 8, 1, 9},
    {"f(**a, b)", TPY_SYNERR_SYNTAX,
     "positional argument follows keyword argument unpacking", 1, 8, 1, 9},
    {"f(**a, *b)", TPY_SYNERR_SYNTAX,
     "iterable argument unpacking follows keyword argument unpacking", 1, 7, 1, 8},
    {"f(x for x in y, 1)", TPY_SYNERR_SYNTAX,
     "Generator expression must be parenthesized", 1, 2, 1, 14},
    {"print \"hello\"", TPY_SYNERR_SYNTAX,
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0, 1, 13},
    {"print \"hello\", x", TPY_SYNERR_SYNTAX,
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0, 1, 16},
    {"exec \"x\"", TPY_SYNERR_SYNTAX,
     "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 0, 1, 8},
    {"def f(a=1, b): pass", TPY_SYNERR_SYNTAX,
     "non-default argument follows default argument", 1, 11, 1, 12},
    {"def f(*): pass", TPY_SYNERR_SYNTAX,
     "named arguments must follow bare *", 1, 6, 1, 7},
    {"def f(**k, a): pass", TPY_SYNERR_SYNTAX,
     "arguments cannot follow var-keyword argument", 1, 11, 1, 12},
    {"def f(*a, *b): pass", TPY_SYNERR_SYNTAX,
     "* argument may appear only once", 1, 10, 1, 11},
    {"def f(/, a): pass", TPY_SYNERR_SYNTAX,
     "at least one argument must precede /", 1, 6, 1, 7},
    {"def f(a, /, b, /): pass", TPY_SYNERR_SYNTAX,
     "/ may appear only once", 1, 15, 1, 16},
    {"def f(*a, /): pass", TPY_SYNERR_SYNTAX,
     "/ must be ahead of *", 1, 10, 1, 11},
    {"def f(*a=1): pass", TPY_SYNERR_SYNTAX,
     "var-positional argument cannot have default value", 1, 8, 1, 9},
    {"def f(**a=1): pass", TPY_SYNERR_SYNTAX,
     "var-keyword argument cannot have default value", 1, 9, 1, 10},
    {"lambda a=1, b: 0", TPY_SYNERR_SYNTAX,
     "non-default argument follows default argument", 1, 12, 1, 13},
    {"x = yield = 3", TPY_SYNERR_SYNTAX,
     "assignment to yield expression not possible", 1, 4, 1, 9},
    {"(a, b) += 1", TPY_SYNERR_SYNTAX,
     "'tuple' is an illegal expression for augmented assignment", 1, 0, 1, 6},
    {"1 += 1", TPY_SYNERR_SYNTAX,
     "'literal' is an illegal expression for augmented assignment", 1, 0, 1, 1},
    {"a, b: int", TPY_SYNERR_SYNTAX,
     "only single target (not tuple) can be annotated", 1, 0, 1, 1},
    {"[a]: int", TPY_SYNERR_SYNTAX,
     "only single target (not list) can be annotated", 1, 0, 1, 3},
    {"del 1", TPY_SYNERR_SYNTAX,
     "cannot delete literal", 1, 4, 1, 5},
    {"del (a, f())", TPY_SYNERR_SYNTAX,
     "cannot delete function call", 1, 8, 1, 11},
    {"for f() in x: pass", TPY_SYNERR_SYNTAX,
     "cannot assign to function call", 1, 4, 1, 7},
    {"with a as f(): pass", TPY_SYNERR_SYNTAX,
     "cannot assign to function call", 1, 10, 1, 13},
    {"(yield) = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6},
    {"a if b else c = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to conditional expression", 1, 0, 1, 13},
    {"x + 1 = 2", TPY_SYNERR_SYNTAX,
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0, 1, 5},
    {"True = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to True", 1, 0, 1, 4},
    {"None += 1", TPY_SYNERR_SYNTAX,
     "'None' is an illegal expression for augmented assignment", 1, 0, 1, 4},
    {"__debug__ = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to __debug__", 1, 0, 1, 9},
    {"(*a) = 1", TPY_SYNERR_SYNTAX,
     "cannot use starred expression here", 1, 1, 1, 3},
    {"*a = 1", TPY_SYNERR_SYNTAX,
     "starred assignment target must be in a list or tuple", 1, 0, 1, 2},
    {"x = *a", TPY_SYNERR_SYNTAX,
     "can't use starred expression here", 1, 4, 1, 6},
    {"del *a", TPY_SYNERR_SYNTAX,
     "cannot delete starred", 1, 4, 1, 6},
    {"a, *b, *c = d", TPY_SYNERR_SYNTAX,
     "multiple starred expressions in assignment", 1, 0, 1, 9},
    {"f(*)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 3, 1, 4},
    {"x = (*a)", TPY_SYNERR_SYNTAX,
     "cannot use starred expression here", 1, 5, 1, 7},
    {"[*a for a in b]", TPY_SYNERR_SYNTAX,
     "iterable unpacking cannot be used in comprehension", 1, 1, 1, 3},
    {"{**a for a in b}", TPY_SYNERR_SYNTAX,
     "dict unpacking cannot be used in dict comprehension", 1, 1, 1, 3},
    {"try:\n    pass", TPY_SYNERR_SYNTAX, // at the end of input: no span (CPython's -1)
     "expected 'except' or 'finally' block", 2, 8, 2, -1},
    {"try:\n    pass\nx = 1", TPY_SYNERR_SYNTAX,
     "expected 'except' or 'finally' block", 3, 0, 3, 1},
    {"except:\n    pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 0, 1, 6},
    {"else:\n    pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 0, 1, 4},
    {"x = 1 if y", TPY_SYNERR_SYNTAX,
     "expected 'else' after 'if' expression", 1, 4, 1, 10},
    {"x = lambda: yield", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 12, 1, 17},
    {"import a.b as", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 13, 1, 13},
    {"from a import b,", TPY_SYNERR_SYNTAX,
     "trailing comma not allowed without surrounding parentheses", 1, 16, 1, 16},
    {"except A, B:\n    pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 0, 1, 6},
    {"try:\n    pass\nexcept A, B:\n    pass", TPY_SYNERR_SYNTAX,
     "multiple exception types must be parenthesized", 3, 7, 3, 11},
    {"class A(x for x in y): pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 8, 1, 20},
    {"f(a, b for b in c)", TPY_SYNERR_SYNTAX,
     "Generator expression must be parenthesized", 1, 5, 1, 17},
    {"x = 1 +", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 7, 1, 7},
    {"x = (1 +)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 8, 1, 9},
    {"a.1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 1, 1, 3},
    {"a[]", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 3},
    {"def f:\n    pass", TPY_SYNERR_SYNTAX,
     "expected '('", 1, 5, 1, 6},
    {"def f()\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 7, 1, 7},
    {"class A\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 7, 1, 7},
    {"for x in y\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 10, 1, 10},
    {"while x\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 7, 1, 7},
    {"with x\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 6, 1, 6},
    {"else", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 0, 1, 4},
    {"if x:\n    pass\nelse\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 3, 4, 3, 4},
    {"try\n    pass", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 3, 1, 3},
    {"x = 'a' 'b' f'{c}' 1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 19, 1, 20},
    {"f(a b=1)", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {"{a b}", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 1, 1, 4},
    {"{a: b c: d}", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 4, 1, 7},
    {"x = 1 2", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 7},
    {"foo bar", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 7},
    {"a.b c", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"if x y: pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 5, 1, 6},
    {"return x y", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 9, 1, 10},
    {"x = a.", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 6},
    {"import", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 6},
    {"from x import", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 13, 1, 13},
    {"x = [1, 2\ny = 3", TPY_SYNERR_SYNTAX,
     "'[' was never closed", 1, 4, 1, 5},
    {"x = (1, 2]", TPY_SYNERR_SYNTAX,
     "closing parenthesis ']' does not match opening parenthesis '('", 1, 9, 1, 10},
    {"def f(a, a): pass", TPY_SYNERR_SYNTAX,
     "duplicate argument 'a' in function definition", 1, 9, 1, 10},
    {"f(a=1, a=2)", TPY_SYNERR_SYNTAX,
     "keyword argument repeated: a", 1, 7, 1, 10},
    {"x = 5 x = 6", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 7},
    {"def f():\n    return *a", TPY_SYNERR_SYNTAX,
     "can't use starred expression here", 2, 11, 2, 13},
    {"def f():\n    yield *a", TPY_SYNERR_SYNTAX,
     "can't use starred expression here", 2, 10, 2, 12},
    {"for x in *a: pass", TPY_SYNERR_SYNTAX,
     "can't use starred expression here", 1, 9, 1, 11},
    {"(a, b): int", TPY_SYNERR_SYNTAX,
     "only single target (not tuple) can be annotated", 1, 0, 1, 6},
    {"f(): int", TPY_SYNERR_SYNTAX,
     "illegal target for annotation", 1, 0, 1, 3},
    {"try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", TPY_SYNERR_SYNTAX,
     "default 'except:' must be last", 3, 0, 4, 8},
    {"x = [*a for a in b]", TPY_SYNERR_SYNTAX,
     "iterable unpacking cannot be used in comprehension", 1, 5, 1, 7},
    {"f((a)=1)", TPY_SYNERR_SYNTAX,
     "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, 1, 6},
    {"a + 1 += 1", TPY_SYNERR_SYNTAX,
     "'expression' is an illegal expression for augmented assignment", 1, 0, 1, 5},
    {"(a, *b) += 1", TPY_SYNERR_SYNTAX,
     "'tuple' is an illegal expression for augmented assignment", 1, 0, 1, 7},
    {"del f(), a", TPY_SYNERR_SYNTAX,
     "cannot delete function call", 1, 4, 1, 7},
    {"(x) := 1", TPY_SYNERR_SYNTAX,
     "cannot use assignment expressions with name", 1, 1, 1, 2},
    {"x.a := 1", TPY_SYNERR_SYNTAX,
     "cannot use assignment expressions with attribute", 1, 0, 1, 3},
    {"@dec", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 0, 1, 0},
    {"x = f'{1abc}'", TPY_SYNERR_SYNTAX,
     "invalid decimal literal", 1, 7, 1, 8},
    {"x = f'{a b}'", TPY_SYNERR_SYNTAX,
     "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 7, 1, 10},
    {"x = f'{\"\\n\"}'", TPY_SYNERR_SYNTAX,
     "f-string expression part cannot include a backslash", 1, 13, 1, 13},
    {"x = f'{)}'", TPY_SYNERR_SYNTAX,
     "f-string: unmatched ')'", 1, 10, 1, 10},
    {"x = f'{a)}'", TPY_SYNERR_SYNTAX,
     "f-string: unmatched ')'", 1, 11, 1, 11},
    {"x = f'{(}'", TPY_SYNERR_SYNTAX,
     "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 10, 1, 10},
    {"x = f'{a}}'", TPY_SYNERR_SYNTAX,
     "f-string: single '}' is not allowed", 1, 11, 1, 11},
    {"x = f'{a}{'", TPY_SYNERR_SYNTAX,
     "f-string: expecting '}'", 1, 11, 1, 11},
    {"x = f'{a!r }'", TPY_SYNERR_SYNTAX,
     "f-string: expecting '}'", 1, 13, 1, 13},
    {"x = f'{a! r}'", TPY_SYNERR_SYNTAX,
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 13},
    {"x = f'{lambda: 1}'", TPY_SYNERR_SYNTAX,
     "f-string: invalid syntax", 1, 13, 1, 13},
    {"x = f'{a}' b'x'", TPY_SYNERR_SYNTAX,
     "cannot mix bytes and nonbytes literals", 1, 15, 1, 15},
    {"f'{'", TPY_SYNERR_SYNTAX,
     "f-string: expecting '}'", 1, 4, 1, 4},
    {"'\\N{DASH}'", TPY_SYNERR_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: \\N{...} escape"
     "s are not supported", 1, 10, 1, 10},
    {"ur'x'", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 5},
    {"bu''", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 4},
    {"fb''", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 4},
    {"'\\x1'", TPY_SYNERR_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX"
     " escape", 1, 5, 1, 5},
    {"'\\u12'", TPY_SYNERR_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXX"
     "XX escape", 1, 6, 1, 6},
    {"'\\U00110000'", TPY_SYNERR_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode"
     " character", 1, 12, 1, 12},
    {"f'{}'", TPY_SYNERR_SYNTAX,
     "f-string: empty expression not allowed", 1, 5, 1, 5},
    {"f'{x!z}'", TPY_SYNERR_SYNTAX,
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8, 1, 8},
    {"f'{x'", TPY_SYNERR_SYNTAX,
     "f-string: expecting '}'", 1, 5, 1, 5},
    {"f'}'", TPY_SYNERR_SYNTAX,
     "f-string: single '}' is not allowed", 1, 4, 1, 4},
    {"f'{x!}'", TPY_SYNERR_SYNTAX,
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 7, 1, 7},
    {"f'{x:{y:{z}}}'", TPY_SYNERR_SYNTAX,
     "f-string: expressions nested too deeply", 1, 14, 1, 14},
    {"f'{x #}'", TPY_SYNERR_SYNTAX,
     "f-string expression part cannot include '#'", 1, 8, 1, 8},
    {"f'{!r}'", TPY_SYNERR_SYNTAX,
     "f-string: expression required before '!'", 1, 7, 1, 7},
    {"f'{=}'", TPY_SYNERR_SYNTAX,
     "f-string: expression required before '='", 1, 6, 1, 6},
    {"f'{ }'", TPY_SYNERR_SYNTAX,
     "f-string: empty expression not allowed", 1, 6, 1, 6},
    {"f'{x!r=}'", TPY_SYNERR_SYNTAX,
     "f-string: expecting '}'", 1, 9, 1, 9},
    {"f'{*x}'", TPY_SYNERR_SYNTAX,
     "f-string: cannot use starred expression here", 1, 3, 1, 5},
    {"x = f'{:x}'", TPY_SYNERR_SYNTAX,
     "f-string: expression required before ':'", 1, 11, 1, 11},
    {"x = f'{!}'", TPY_SYNERR_SYNTAX,
     "f-string: expression required before '!'", 1, 10, 1, 10},
    {"b'\\x1'", TPY_SYNERR_SYNTAX,
     "(value error) invalid \\x escape at position 0", 1, 6, 1, 6},
    {"x = 'ab\\x1'", TPY_SYNERR_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX"
     " escape", 1, 11, 1, 11},
    {"x = 'a' \"\\x1\"", TPY_SYNERR_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX"
     " escape", 1, 13, 1, 13},
    {"\"a\" b\"b\"", TPY_SYNERR_SYNTAX,
     "cannot mix bytes and nonbytes literals", 1, 8, 1, 8},
    {"x = 1\ny = 2 +\nz = \"abc", TPY_SYNERR_SYNTAX,
     "unterminated string literal (detected at line 3)", 3, 4, 3, 5},
    {"x = = 1\ny = (", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"x = = 1\ny = (\n  1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"if True:\n  x = (\npass", TPY_SYNERR_SYNTAX,
     "'(' was never closed", 2, 6, 2, 7},
    {"def f():\n    x = 1\n     y = 2", TPY_SYNERR_INDENT,
     "unexpected indent", 3, 4, 3, 5},
    {"x = 1 +\ny = '''\n", TPY_SYNERR_SYNTAX,
     "unterminated triple-quoted string literal (detected at line 2)", 2, 4, 2, 5},
    {"x === 1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"x = 1 +* 2", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 7, 1, 8},
    {"f(,)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 3},
    {"[1,,2]", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 3, 1, 4},
    {"def f(x y): pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 8, 1, 9},
    {"import a b", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 9, 1, 10},
    {"from a import b c", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 16, 1, 17},
    {"class A(B C): pass", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 8, 1, 11},
    {"x.1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 1, 1, 3},
    {"else if x:\n    pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 0, 1, 4},
    {"if x: else: pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 10},
    {"print(f\"{x\")", TPY_SYNERR_SYNTAX,
     "f-string: expecting '}'", 1, 11, 1, 11},
    {"{1: 2, 3: 4", TPY_SYNERR_SYNTAX,
     "'{' was never closed", 1, 0, 1, 1},
    {"x +=", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 4},
    {"x ++", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 4},
    {"x = 'a' +", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 9, 1, 9},
    {"def f(**): pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 8, 1, 9},
    {"f(**)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"del", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 3, 1, 3},
    {"global", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 6},
    {"assert", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 6},
    {"raise from x", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 10},
    {"with:\n    pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 4, 1, 5},
    {"x = yield from", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 14, 1, 14},
    {"async = 1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 7},
    {"await = 1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 6, 1, 7},
    {"True += 1", TPY_SYNERR_SYNTAX,
     "'True' is an illegal expression for augmented assignment", 1, 0, 1, 4},
    {"None = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to None", 1, 0, 1, 4},
    {"... = 1", TPY_SYNERR_SYNTAX,
     "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 0, 1, 3},
    {"f(x) = 1 = 2", TPY_SYNERR_SYNTAX,
     "cannot assign to function call", 1, 0, 1, 4},
    {"x = 1 = 2", TPY_SYNERR_SYNTAX,
     "cannot assign to literal", 1, 4, 1, 5},
    {"for x in range(10) print(x)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 19, 1, 24},
    {"while x < 3 print(x)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 12, 1, 17},
    {"if x == 1\n    print(x)", TPY_SYNERR_SYNTAX,
     "expected ':'", 1, 9, 1, 9},
    {"def f(x):\nreturn x", TPY_SYNERR_INDENT,
     "expected an indented block after function definition on line 1", 2, 0, 2, 6},
    {"class A:\n    def f(self):\n    pass", TPY_SYNERR_INDENT,
     "expected an indented block after function definition on line 2", 3, 4, 3, 8},
    {"if x:\n    pass\n  else:\n    pass", TPY_SYNERR_INDENT,
     "unindent does not match any outer indentation level", 3, 7, 3, 8},
    {"x = [1, 2, 3\nprint(x)", TPY_SYNERR_SYNTAX,
     "'[' was never closed", 1, 4, 1, 5},
    {"print(\"hello\"", TPY_SYNERR_SYNTAX,
     "'(' was never closed", 1, 5, 1, 6},
    {"s = \"abc\nprint(s)", TPY_SYNERR_SYNTAX,
     "unterminated string literal (detected at line 1)", 1, 4, 1, 5},
    {"d = {'a': 1 'b': 2}", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 10, 1, 15},
    {"f(a, b c)", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 5, 1, 8},
    {"x = (1 2)", TPY_SYNERR_SYNTAX,
     "invalid syntax. Perhaps you forgot a comma?", 1, 5, 1, 8},
    {"x = [i for i in range(10) if i % 2 == 0 else 0]", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 40, 1, 44},
    {"def f(a, b=1, c):\n    pass", TPY_SYNERR_SYNTAX,
     "non-default argument follows default argument", 1, 14, 1, 15},
    {"def f():\n    x = 1\n   y = 2", TPY_SYNERR_INDENT,
     "unindent does not match any outer indentation level", 3, 8, 3, 9},
    {"x = 5\nif x > 3:\nprint(x)", TPY_SYNERR_INDENT,
     "expected an indented block after 'if' statement on line 2", 3, 0, 3, 5},
    {"for i in range(3):\n    print(i)\n      print(i)", TPY_SYNERR_INDENT,
     "unexpected indent", 3, 5, 3, 6},
    {"foo(\n  a,\n  b", TPY_SYNERR_SYNTAX,
     "'(' was never closed", 1, 3, 1, 4},
    {"try:\n    x = 1\nexcept ValueError, e:\n    pass", TPY_SYNERR_SYNTAX,
     "multiple exception types must be parenthesized", 3, 7, 3, 20},
    {"lambda x: yield x", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 10, 1, 15},
    {"x = 1 if 2", TPY_SYNERR_SYNTAX,
     "expected 'else' after 'if' expression", 1, 4, 1, 10},
    {"x = not", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 7, 1, 7},
    {"a.b.c = ", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 8, 1, 8},
    {"import .a", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 7, 1, 8},
    {"from . import", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 13, 1, 13},
    {"nonlocal", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 8, 1, 8},
    {"class", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 5, 1, 5},
    {"def", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 3, 1, 3},
    {"if", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 2, 1, 2},
    {"x = (", TPY_SYNERR_SYNTAX,
     "'(' was never closed", 1, 4, 1, 5},
    {"x = ]", TPY_SYNERR_SYNTAX,
     "unmatched ']'", 1, 4, 1, 5},
    {"def f(self, *, ): pass", TPY_SYNERR_SYNTAX,
     "named arguments must follow bare *", 1, 12, 1, 13},
    {"f(a for a in b for)", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 18, 1, 19},
    {"[x for x in]", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 11, 1, 12},
    {"x = {**}", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 7, 1, 8},
    {"x[1:2:3:4]", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 7, 1, 8},
    {"x = a if b else", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 15, 1, 15},
    {"@\ndef f(): pass", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 1, 1, 1},
    {"@d\nx = 1", TPY_SYNERR_SYNTAX,
     "invalid syntax", 2, 0, 2, 1},
    {"def f():\n    return [x async for x in y]", TPY_SYNERR_SYNTAX,
     "asynchronous comprehension outside of an asynchronous function", 2, 14, 2, 19},
    {"def f():\n    return (x async for x in y)", TPY_SYNERR_SYNTAX,
     "asynchronous generator expressions are not supported", 2, 14, 2, 19},
    {"async def f(): return [x async for x in y]\nz = [x async for x in y]", TPY_SYNERR_SYNTAX,
     "asynchronous comprehension outside of an asynchronous function", 2, 7, 2, 12},
    {"x = {1: 2, 3}", TPY_SYNERR_SYNTAX,
     "':' expected after dictionary key", 1, 11, 1, 12},
    {"x = {1: 2, 3: }", TPY_SYNERR_SYNTAX,
     "expression expected after dictionary key and ':'", 1, 12, 1, 13},
    {"x = {1: 2, 3, 4: 5}", TPY_SYNERR_SYNTAX,
     "':' expected after dictionary key", 1, 11, 1, 12},
    {"x = {'a': 1, 'b'}", TPY_SYNERR_SYNTAX,
     "':' expected after dictionary key", 1, 15, 1, 16},
    {"x = {1, 2: 3}", TPY_SYNERR_SYNTAX,
     "invalid syntax", 1, 9, 1, 10},
    {"x = {a: 1, **b, c}", TPY_SYNERR_SYNTAX,
     "':' expected after dictionary key", 1, 16, 1, 17},
    {"f({1: 2, (3)})\n", TPY_SYNERR_SYNTAX,
     "':' expected after dictionary key", 1, 10, 1, 11},
};

#endif
