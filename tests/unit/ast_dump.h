/*
 * tests/unit/ast_dump.h - a one-line text form of a parsed tree, for the
 * parser tests (and for comparing with CPython's ast module by hand).
 *
 * Every node prints as Kind@line:col-endline:endcol(fields...), with the names
 * of CPython's ast classes and operators, Load context left out, strings as
 * '...' with bytes outside printable ASCII, quotes and backslashes as \xHH.
 * Header-only (static functions) so a test file can include it directly.
 */
#ifndef TPY_TESTS_UNIT_AST_DUMP_H
#define TPY_TESTS_UNIT_AST_DUMP_H

#include "grammar/grammar.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *p;
    size_t len, cap;
} dump_buf_t;

static void dump_put(dump_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void dump_put(dump_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0) {
            return;
        }
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + (size_t)n + 1) {
            cap *= 2;
        }
        b->p = realloc(b->p, cap);
        b->cap = cap;
    }
}

static void dump_pos(dump_buf_t *b, tpy_pos_t p)
{
    dump_put(b, "@%d:%d-%d:%d", p.lineno, p.col, p.end_lineno, p.end_col);
}

static void dump_str(dump_buf_t *b, const char *s, size_t n)
{
    dump_put(b, "'");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == '\'' || c == '\\') {
            dump_put(b, "\\x%02x", c);
        } else {
            dump_put(b, "%c", c);
        }
    }
    dump_put(b, "'");
}

static void dump_expr(dump_buf_t *b, const tpy_expr_t *e);
static void dump_stmts(dump_buf_t *b, tpy_seq_t s);

static void dump_ctx(dump_buf_t *b, tpy_ast_ctx_t ctx)
{
    if (ctx == AST_STORE) {
        dump_put(b, ", Store");
    } else if (ctx == AST_DEL) {
        dump_put(b, ", Del");
    }
}

static void dump_exprs(dump_buf_t *b, tpy_seq_t s)
{
    dump_put(b, "[");
    for (intptr_t i = 0; i < s.n; i++) {
        if (i > 0) {
            dump_put(b, ", ");
        }
        dump_expr(b, s.items[i]);
    }
    dump_put(b, "]");
}

static const char *dump_binop(tpy_ast_binop_t op)
{
    static const char *names[] = {"Add",    "Sub",    "Mult",   "Div",    "FloorDiv",
                                  "Mod",    "Pow",    "LShift", "RShift", "BitAnd",
                                  "BitOr",  "BitXor", "MatMult"};
    return names[op];
}

static const char *dump_cmpop(intptr_t op)
{
    static const char *names[] = {"Lt", "LtE", "Eq", "NotEq", "Gt", "GtE", "Is", "IsNot", "In",
                                  "NotIn"};
    return names[op];
}

static void dump_arg(dump_buf_t *b, const tpy_keyword_t *a)
{
    if (a == NULL) {
        dump_put(b, "None");
        return;
    }
    dump_put(b, "arg");
    dump_pos(b, a->pos);
    dump_put(b, "('%s', ", a->arg);
    dump_expr(b, a->value);
    dump_put(b, ")");
}

static void dump_arglist(dump_buf_t *b, tpy_seq_t s)
{
    dump_put(b, "[");
    for (intptr_t i = 0; i < s.n; i++) {
        if (i > 0) {
            dump_put(b, ", ");
        }
        dump_arg(b, s.items[i]);
    }
    dump_put(b, "]");
}

static void dump_arguments(dump_buf_t *b, const tpy_arguments_t *a)
{
    dump_put(b, "args(");
    dump_arglist(b, a->posonlyargs);
    dump_put(b, ", ");
    dump_arglist(b, a->args);
    dump_put(b, ", ");
    dump_arg(b, a->vararg);
    dump_put(b, ", ");
    dump_arglist(b, a->kwonlyargs);
    dump_put(b, ", ");
    dump_exprs(b, a->kw_defaults);
    dump_put(b, ", ");
    dump_arg(b, a->kwarg);
    dump_put(b, ", ");
    dump_exprs(b, a->defaults);
    dump_put(b, ")");
}

static void dump_keywords(dump_buf_t *b, tpy_seq_t s)
{
    dump_put(b, "[");
    for (intptr_t i = 0; i < s.n; i++) {
        const tpy_keyword_t *k = s.items[i];
        if (i > 0) {
            dump_put(b, ", ");
        }
        dump_put(b, "kw");
        dump_pos(b, k->pos);
        if (k->arg != NULL) {
            dump_put(b, "('%s', ", k->arg);
        } else {
            dump_put(b, "(None, ");
        }
        dump_expr(b, k->value);
        dump_put(b, ")");
    }
    dump_put(b, "]");
}

static void dump_comps(dump_buf_t *b, tpy_seq_t s)
{
    dump_put(b, "[");
    for (intptr_t i = 0; i < s.n; i++) {
        const tpy_comprehension_t *g = s.items[i];
        if (i > 0) {
            dump_put(b, ", ");
        }
        dump_put(b, "comp(");
        dump_expr(b, g->target);
        dump_put(b, ", ");
        dump_expr(b, g->iter);
        dump_put(b, ", ");
        dump_exprs(b, g->ifs);
        dump_put(b, ")");
    }
    dump_put(b, "]");
}

static void dump_expr(dump_buf_t *b, const tpy_expr_t *e)
{
    if (e == NULL) {
        dump_put(b, "None");
        return;
    }
    static const char *names[] = {
        [EXPR_NAME] = "Name",         [EXPR_INT] = "Num",           [EXPR_FLOAT] = "Num",
        [EXPR_IMAG] = "Num",          [EXPR_STR] = "Str",           [EXPR_BYTES] = "Bytes",
        [EXPR_FSTRING] = "FString",   [EXPR_FORMATTED] = "Fmt",     [EXPR_CONST] = "Const",
        [EXPR_BINOP] = "BinOp",       [EXPR_UNARYOP] = "UnaryOp",   [EXPR_BOOLOP] = "BoolOp",
        [EXPR_COMPARE] = "Compare",   [EXPR_IFEXP] = "IfExp",       [EXPR_LAMBDA] = "Lambda",
        [EXPR_CALL] = "Call",         [EXPR_ATTRIBUTE] = "Attribute",
        [EXPR_SUBSCRIPT] = "Subscript", [EXPR_SLICE] = "Slice",     [EXPR_STARRED] = "Starred",
        [EXPR_TUPLE] = "Tuple",       [EXPR_LIST] = "List",         [EXPR_SET] = "Set",
        [EXPR_DICT] = "Dict",         [EXPR_LISTCOMP] = "ListComp", [EXPR_SETCOMP] = "SetComp",
        [EXPR_DICTCOMP] = "DictComp", [EXPR_GENEXP] = "GeneratorExp", [EXPR_YIELD] = "Yield",
        [EXPR_YIELD_FROM] = "YieldFrom", [EXPR_AWAIT] = "Await", [EXPR_NAMEDEXPR] = "NamedExpr",
    };
    dump_put(b, "%s", names[e->kind]);
    dump_pos(b, e->pos);
    dump_put(b, "(");
    switch (e->kind) {
    case EXPR_NAME:
        dump_put(b, "'%s'", e->u.name.id);
        dump_ctx(b, e->u.name.ctx);
        break;
    case EXPR_INT:
    case EXPR_FLOAT:
    case EXPR_IMAG:
        dump_put(b, "'%s'", e->u.num.text);
        break;
    case EXPR_STR:
    case EXPR_BYTES:
        dump_str(b, e->u.str.s, e->u.str.len);
        break;
    case EXPR_FSTRING:
        dump_exprs(b, e->u.fstring.values);
        break;
    case EXPR_FORMATTED:
        dump_expr(b, e->u.formatted.value);
        dump_put(b, ", %d, ", e->u.formatted.conversion);
        dump_expr(b, e->u.formatted.format_spec);
        break;
    case EXPR_CONST: {
        static const char *k[] = {"None", "True", "False", "Ellipsis"};
        dump_put(b, "%s", k[e->u.constant.kind]);
        break;
    }
    case EXPR_BINOP:
        dump_expr(b, e->u.binop.left);
        dump_put(b, ", %s, ", dump_binop(e->u.binop.op));
        dump_expr(b, e->u.binop.right);
        break;
    case EXPR_UNARYOP: {
        static const char *k[] = {"USub", "UAdd", "Invert", "Not"};
        dump_put(b, "%s, ", k[e->u.unaryop.op]);
        dump_expr(b, e->u.unaryop.operand);
        break;
    }
    case EXPR_BOOLOP:
        dump_put(b, "%s, ", e->u.boolop.op == AST_AND ? "And" : "Or");
        dump_exprs(b, e->u.boolop.values);
        break;
    case EXPR_COMPARE:
        dump_expr(b, e->u.compare.left);
        dump_put(b, ", [");
        for (intptr_t i = 0; i < e->u.compare.ops.n; i++) {
            dump_put(b, "%s%s", i ? ", " : "",
                     dump_cmpop((intptr_t)e->u.compare.ops.items[i]));
        }
        dump_put(b, "], ");
        dump_exprs(b, e->u.compare.comparators);
        break;
    case EXPR_IFEXP:
        dump_expr(b, e->u.ifexp.test);
        dump_put(b, ", ");
        dump_expr(b, e->u.ifexp.body);
        dump_put(b, ", ");
        dump_expr(b, e->u.ifexp.orelse);
        break;
    case EXPR_LAMBDA:
        dump_arguments(b, e->u.lambda.args);
        dump_put(b, ", ");
        dump_expr(b, e->u.lambda.body);
        break;
    case EXPR_CALL:
        dump_expr(b, e->u.call.func);
        dump_put(b, ", ");
        dump_exprs(b, e->u.call.args);
        dump_put(b, ", ");
        dump_keywords(b, e->u.call.keywords);
        break;
    case EXPR_ATTRIBUTE:
        dump_expr(b, e->u.attribute.value);
        dump_put(b, ", '%s'", e->u.attribute.attr);
        dump_ctx(b, e->u.attribute.ctx);
        break;
    case EXPR_SUBSCRIPT:
        dump_expr(b, e->u.subscript.value);
        dump_put(b, ", ");
        dump_expr(b, e->u.subscript.slice);
        dump_ctx(b, e->u.subscript.ctx);
        break;
    case EXPR_SLICE:
        dump_expr(b, e->u.slice.lower);
        dump_put(b, ", ");
        dump_expr(b, e->u.slice.upper);
        dump_put(b, ", ");
        dump_expr(b, e->u.slice.step);
        break;
    case EXPR_STARRED:
        dump_expr(b, e->u.starred.value);
        dump_ctx(b, e->u.starred.ctx);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
    case EXPR_SET:
        dump_exprs(b, e->u.seq.elts);
        if (e->kind != EXPR_SET) {
            dump_ctx(b, e->u.seq.ctx);
        }
        break;
    case EXPR_DICT:
        dump_exprs(b, e->u.dict.keys);
        dump_put(b, ", ");
        dump_exprs(b, e->u.dict.values);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENEXP:
    case EXPR_DICTCOMP:
        dump_expr(b, e->u.comp.elt);
        dump_put(b, ", ");
        if (e->kind == EXPR_DICTCOMP) {
            dump_expr(b, e->u.comp.value);
            dump_put(b, ", ");
        }
        dump_comps(b, e->u.comp.generators);
        break;
    case EXPR_YIELD:
    case EXPR_YIELD_FROM:
    case EXPR_AWAIT:
        dump_expr(b, e->u.yield.value);
        break;
    case EXPR_NAMEDEXPR:
        dump_expr(b, e->u.namedexpr.target);
        dump_put(b, ", ");
        dump_expr(b, e->u.namedexpr.value);
        break;
    }
    dump_put(b, ")");
}

static void dump_stmt(dump_buf_t *b, const tpy_stmt_t *s)
{
    static const char *names[] = {
        [STMT_EXPR] = "Expr",         [STMT_ASSIGN] = "Assign",     [STMT_AUGASSIGN] = "AugAssign",
        [STMT_ANNASSIGN] = "AnnAssign", [STMT_DEL] = "Delete",      [STMT_PASS] = "Pass",
        [STMT_BREAK] = "Break",       [STMT_CONTINUE] = "Continue", [STMT_RETURN] = "Return",
        [STMT_RAISE] = "Raise",       [STMT_GLOBAL] = "Global",     [STMT_NONLOCAL] = "Nonlocal",
        [STMT_IF] = "If",             [STMT_WHILE] = "While",       [STMT_FOR] = "For",
        [STMT_TRY] = "Try",           [STMT_WITH] = "With",   [STMT_FUNCTIONDEF] = "FunctionDef",
        [STMT_CLASSDEF] = "ClassDef", [STMT_IMPORT] = "Import", [STMT_IMPORTFROM] = "ImportFrom",
        [STMT_ASSERT] = "Assert",     [STMT_ASYNC] = "Async",       [STMT_MATCH] = "Match",
    };
    dump_put(b, "%s", names[s->kind]);
    dump_pos(b, s->pos);
    dump_put(b, "(");
    switch (s->kind) {
    case STMT_EXPR:
        dump_expr(b, s->u.expr.value);
        break;
    case STMT_ASSIGN:
        dump_exprs(b, s->u.assign.targets);
        dump_put(b, ", ");
        dump_expr(b, s->u.assign.value);
        break;
    case STMT_AUGASSIGN:
        dump_expr(b, s->u.augassign.target);
        dump_put(b, ", %s, ", dump_binop(s->u.augassign.op));
        dump_expr(b, s->u.augassign.value);
        break;
    case STMT_ANNASSIGN:
        dump_expr(b, s->u.annassign.target);
        dump_put(b, ", ");
        dump_expr(b, s->u.annassign.annotation);
        dump_put(b, ", ");
        dump_expr(b, s->u.annassign.value);
        dump_put(b, ", %d", s->u.annassign.simple);
        break;
    case STMT_DEL:
        dump_exprs(b, s->u.del.targets);
        break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE:
        break;
    case STMT_RETURN:
        dump_expr(b, s->u.ret.value);
        break;
    case STMT_RAISE:
        dump_expr(b, s->u.raise.exc);
        dump_put(b, ", ");
        dump_expr(b, s->u.raise.cause);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        dump_put(b, "[");
        for (intptr_t i = 0; i < s->u.global.names.n; i++) {
            dump_put(b, "%s'%s'", i ? ", " : "", (const char *)s->u.global.names.items[i]);
        }
        dump_put(b, "]");
        break;
    case STMT_IF:
    case STMT_WHILE:
        dump_expr(b, s->u.if_.test);
        dump_put(b, ", ");
        dump_stmts(b, s->u.if_.body);
        dump_put(b, ", ");
        dump_stmts(b, s->u.if_.orelse);
        break;
    case STMT_FOR:
        dump_expr(b, s->u.for_.target);
        dump_put(b, ", ");
        dump_expr(b, s->u.for_.iter);
        dump_put(b, ", ");
        dump_stmts(b, s->u.for_.body);
        dump_put(b, ", ");
        dump_stmts(b, s->u.for_.orelse);
        break;
    case STMT_TRY:
        dump_stmts(b, s->u.try_.body);
        dump_put(b, ", [");
        for (intptr_t i = 0; i < s->u.try_.handlers.n; i++) {
            const tpy_excepthandler_t *h = s->u.try_.handlers.items[i];
            dump_put(b, "%sExceptHandler", i ? ", " : "");
            dump_pos(b, h->pos);
            dump_put(b, "(");
            dump_expr(b, h->type);
            if (h->name != NULL) {
                dump_put(b, ", '%s', ", h->name);
            } else {
                dump_put(b, ", None, ");
            }
            dump_stmts(b, h->body);
            dump_put(b, ")");
        }
        dump_put(b, "], ");
        dump_stmts(b, s->u.try_.orelse);
        dump_put(b, ", ");
        dump_stmts(b, s->u.try_.finalbody);
        break;
    case STMT_WITH:
        dump_put(b, "[");
        for (intptr_t i = 0; i < s->u.with.items.n; i++) {
            const tpy_withitem_t *w = s->u.with.items.items[i];
            dump_put(b, "%sitem(", i ? ", " : "");
            dump_expr(b, w->context_expr);
            dump_put(b, ", ");
            dump_expr(b, w->optional_vars);
            dump_put(b, ")");
        }
        dump_put(b, "], ");
        dump_stmts(b, s->u.with.body);
        break;
    case STMT_FUNCTIONDEF:
        dump_put(b, "'%s', ", s->u.funcdef.name);
        dump_arguments(b, s->u.funcdef.args);
        dump_put(b, ", ");
        dump_stmts(b, s->u.funcdef.body);
        dump_put(b, ", ");
        dump_exprs(b, s->u.funcdef.decorators);
        dump_put(b, ", ");
        dump_expr(b, s->u.funcdef.returns);
        break;
    case STMT_CLASSDEF:
        dump_put(b, "'%s', ", s->u.classdef.name);
        dump_exprs(b, s->u.classdef.bases);
        dump_put(b, ", ");
        dump_keywords(b, s->u.classdef.keywords);
        dump_put(b, ", ");
        dump_stmts(b, s->u.classdef.body);
        dump_put(b, ", ");
        dump_exprs(b, s->u.classdef.decorators);
        break;
    case STMT_IMPORT:
    case STMT_IMPORTFROM: {
        tpy_seq_t aliases = s->kind == STMT_IMPORT ? s->u.import.names : s->u.importfrom.names;
        if (s->kind == STMT_IMPORTFROM) {
            if (s->u.importfrom.module != NULL) {
                dump_put(b, "'%s', ", s->u.importfrom.module);
            } else {
                dump_put(b, "None, ");
            }
        }
        dump_put(b, "[");
        for (intptr_t i = 0; i < aliases.n; i++) {
            const tpy_alias_t *a = aliases.items[i];
            dump_put(b, "%salias", i ? ", " : "");
            dump_pos(b, a->pos);
            dump_put(b, "('%s', ", a->name);
            if (a->asname != NULL) {
                dump_put(b, "'%s')", a->asname);
            } else {
                dump_put(b, "None)");
            }
        }
        dump_put(b, "]");
        if (s->kind == STMT_IMPORTFROM) {
            dump_put(b, ", %d", s->u.importfrom.level);
        }
        break;
    }
    case STMT_ASSERT:
        dump_expr(b, s->u.assert_.test);
        dump_put(b, ", ");
        dump_expr(b, s->u.assert_.msg);
        break;
    case STMT_ASYNC:
    case STMT_MATCH:
        dump_put(b, "'%s'", s->u.unsupported.what);
        break;
    }
    dump_put(b, ")");
}

static void dump_stmts(dump_buf_t *b, tpy_seq_t s)
{
    dump_put(b, "[");
    for (intptr_t i = 0; i < s.n; i++) {
        if (i > 0) {
            dump_put(b, ", ");
        }
        dump_stmt(b, s.items[i]);
    }
    dump_put(b, "]");
}

// The dump of [m] (malloc'd; the caller frees it).
static char *ast_dump(const tpy_module_ast_t *m)
{
    dump_buf_t b = {NULL, 0, 0};
    if (m->mode == TPY_PARSE_EVAL) {
        dump_put(&b, "Expression(");
        dump_expr(&b, m->expr);
    } else {
        dump_put(&b, "Module(");
        dump_stmts(&b, m->body);
    }
    dump_put(&b, ")");
    return b.p;
}

#endif
