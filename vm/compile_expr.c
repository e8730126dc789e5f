/*
 * vm/compile_expr.c - expressions: constants (with CPython's folding of
 * negative literals and constant tuples), operators, boolean jumps, calls
 * (LOAD_METHOD for obj.meth(...), keyword names, star and double-star unpacking), displays,
 * comprehensions (each its own function, as in 3.11), f-strings, lambdas,
 * yield, and the assignment / deletion targets.
 */
#include "vm/compile_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXPR_DEPTH 3000

/* ---- CPython's compile-time SyntaxWarnings ----------------------------------------- */

void tpy_traceback_syntax_warning(const char *filename, int lineno, const char *msg);

/* The type name of [e] when CPython's constant folding makes it a constant
 * (literals, negated numbers, tuples of constants), else NULL. */
static const char *const_type(const tpy_expr_t *e)
{
    switch (e->kind) {
    case EXPR_INT:
        return "int";
    case EXPR_FLOAT:
        return "float";
    case EXPR_IMAG:
        return "complex";
    case EXPR_STR:
        return "str";
    case EXPR_BYTES:
        return "bytes";
    case EXPR_CONST:
        switch (e->u.constant.kind) {
        case CONST_NONE:
            return "NoneType";
        case CONST_TRUE:
        case CONST_FALSE:
            return "bool";
        case CONST_ELLIPSIS:
            return "ellipsis";
        }
        return NULL;
    case EXPR_UNARYOP: {
        const char *t = const_type(e->u.unaryop.operand);
        if (t == NULL) {
            return NULL;
        }
        if (e->u.unaryop.op == AST_NOT) {
            return "bool";
        }
        if (strcmp(t, "bool") == 0 || strcmp(t, "int") == 0) {
            return "int";
        }
        return e->u.unaryop.op != AST_INVERT && strcmp(t, "float") == 0 ? "float" : NULL;
    }
    case EXPR_TUPLE:
        for (intptr_t i = 0; i < e->u.seq.elts.n; i++) {
            if (const_type(e->u.seq.elts.items[i]) == NULL) {
                return NULL;
            }
        }
        return "tuple";
    default:
        return NULL;
    }
}

/* CPython's infer_type: what a constant or display evaluates to, else NULL. */
static const char *infer_type(const tpy_expr_t *e)
{
    const char *t = const_type(e);
    if (t != NULL) {
        return t;
    }
    switch (e->kind) {
    case EXPR_TUPLE:
        return "tuple";
    case EXPR_LIST:
    case EXPR_LISTCOMP:
        return "list";
    case EXPR_DICT:
    case EXPR_DICTCOMP:
        return "dict";
    case EXPR_SET:
    case EXPR_SETCOMP:
        return "set";
    case EXPR_GENEXP:
        return "generator";
    case EXPR_LAMBDA:
        return "function";
    case EXPR_FSTRING:
    case EXPR_FORMATTED:
        return "str";
    default:
        return NULL;
    }
}

static void c_warn(compiler_t *c, const tpy_expr_t *at, const char *msg)
{
    tpy_traceback_syntax_warning(c->filename, at->pos.lineno, msg);
}

// f(...) where f is a literal or a display: "'int' object is not callable; ..."
static void check_caller(compiler_t *c, const tpy_expr_t *call)
{
    const tpy_expr_t *f = call->u.call.func;
    switch (f->kind) {
    case EXPR_TUPLE:
    case EXPR_LIST:
    case EXPR_LISTCOMP:
    case EXPR_DICT:
    case EXPR_DICTCOMP:
    case EXPR_SET:
    case EXPR_SETCOMP:
    case EXPR_GENEXP:
    case EXPR_FSTRING:
    case EXPR_FORMATTED:
        break;
    default:
        if (const_type(f) == NULL) {
            return;
        }
    }
    char msg[160];
    snprintf(msg, sizeof msg, "'%s' object is not callable; perhaps you missed a comma?",
             infer_type(f));
    c_warn(c, call, msg);
}

// v[i] where v can never be subscripted, or i can never index v
static void check_subscript(compiler_t *c, const tpy_expr_t *e)
{
    const tpy_expr_t *v = e->u.subscript.value;
    const char *vt = const_type(v);
    char msg[200];
    bool unsubscriptable = vt != NULL ? strcmp(vt, "str") != 0 && strcmp(vt, "bytes") != 0 &&
                                            strcmp(vt, "tuple") != 0
                                      : (v->kind == EXPR_SET || v->kind == EXPR_SETCOMP ||
                                         v->kind == EXPR_GENEXP || v->kind == EXPR_LAMBDA);
    if (unsubscriptable) {
        snprintf(msg, sizeof msg, "'%s' object is not subscriptable; perhaps you missed a comma?",
                 infer_type(v));
        c_warn(c, e, msg);
        return;
    }
    const char *it = infer_type(e->u.subscript.slice);
    if (it == NULL || strcmp(it, "int") == 0 || strcmp(it, "bool") == 0) {
        return;
    }
    bool sequence = vt != NULL || v->kind == EXPR_TUPLE || v->kind == EXPR_LIST ||
                    v->kind == EXPR_LISTCOMP || v->kind == EXPR_FSTRING ||
                    v->kind == EXPR_FORMATTED;
    if (sequence) {
        snprintf(msg, sizeof msg,
                 "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
                 infer_type(v), it);
        c_warn(c, e, msg);
    }
}

static tpy_object_t *const_value(compiler_t *c, tpy_expr_t *e);

// a non-constant, or one of the constants that are singletons; an operation
// on constants counts as the constant CPython's folding makes of it
static bool is_arg_ok(compiler_t *c, const tpy_expr_t *e)
{
    if (e->kind == EXPR_BINOP) {
        bool keep = c->keep_literals;
        c->keep_literals = false;
        tpy_object_t *v = const_value(c, (tpy_expr_t *)e);
        c->keep_literals = keep;
        if (v == NULL) {
            return true;
        }
        bool singleton = v == tpy_none || v == tpy_true || v == tpy_false || v == tpy_ellipsis;
        TPY_DECREF(v);
        return singleton;
    }
    const char *t = const_type(e);
    return t == NULL || strcmp(t, "NoneType") == 0 || strcmp(t, "bool") == 0 ||
           strcmp(t, "ellipsis") == 0;
}

// `x is 1`: identity with a literal other than None, True, False and ...
static void check_compare(compiler_t *c, const tpy_expr_t *e)
{
    const tpy_expr_t *left = e->u.compare.left;
    for (intptr_t i = 0; i < e->u.compare.ops.n; i++) {
        tpy_ast_cmpop_t op = (tpy_ast_cmpop_t)(intptr_t)e->u.compare.ops.items[i];
        const tpy_expr_t *right = e->u.compare.comparators.items[i];
        if (op == AST_IS || op == AST_ISNOT) {
            bool literal = !is_arg_ok(c, left) || !is_arg_ok(c, right);
            if (literal) {
                c_warn(c, e, op == AST_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                          : "\"is not\" with a literal. Did you mean \"!=\"?");
                return;
            }
        }
        left = right;
    }
}

/* ---- constants ------------------------------------------------------------------- */

static bool identifier_like(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_')) {
            return false;
        }
    }
    return true;
}

static tpy_object_t *str_const(const char *s, size_t len)
{
    tpy_object_t *v = tpy_str_from_utf8(s, len);
    // identifier-like constants are interned at compile time, like CPython
    if (v != NULL && identifier_like(s, len)) {
        tpy_str_intern_inplace(&v);
    }
    return v;
}

static tpy_object_t *float_from_text(const char *text)
{
    char buf[128];
    size_t n = 0;
    char *heap = NULL;
    size_t len = strlen(text);
    char *dst = buf;
    if (len + 1 > sizeof buf) {
        heap = malloc(len + 1);
        if (heap == NULL) {
            return tpy_err_no_memory();
        }
        dst = heap;
    }
    for (const char *p = text; *p; p++) {
        if (*p != '_') {
            dst[n++] = *p;
        }
    }
    dst[n] = '\0';
    double d = strtod(dst, NULL);
    free(heap);
    return tpy_float_from_double(d);
}

/* A main program's literal [v] (borrowed) gets one more reference for as
 * long as the program runs: CPython's syntax tree holds each literal (and
 * each folded constant) while its module runs, and sys.getrefcount shows it. */
static tpy_object_t *keep_literal(compiler_t *c, tpy_object_t *v)
{
    if (v == NULL || !c->keep_literals) {
        return v;
    }
    if (c->nliterals == c->capliterals) {
        intptr_t cap = c->capliterals ? c->capliterals * 2 : 64;
        tpy_object_t **a = tpy_mem_realloc(c->literals, (size_t)c->capliterals * sizeof *a,
                                           (size_t)cap * sizeof *a);
        if (a == NULL) {
            return v; // only the count differs
        }
        c->literals = a;
        c->capliterals = cap;
    }
    c->literals[c->nliterals++] = tpy_newref(v);
    return v;
}

static tpy_object_t *const_value_of(compiler_t *c, tpy_expr_t *e);

/* The value of a literal or constant-foldable expression (new ref), or NULL
 * (no exception) when [e] is not constant. */
static tpy_object_t *const_value(compiler_t *c, tpy_expr_t *e)
{
    intptr_t kept = c->nliterals;
    tpy_object_t *v = const_value_of(c, e);
    if (v == NULL) {
        // not a constant after all: the operands will be compiled (and kept) again
        while (c->nliterals > kept) {
            TPY_DECREF(c->literals[--c->nliterals]);
        }
    } else if (e->kind != EXPR_CONST) { // singletons: no point
        keep_literal(c, v);
    }
    return v;
}

/* CPython's limits on what constant folding may build. */
#define FOLD_MAX_INT_BITS 128
#define FOLD_MAX_STR 4096
#define FOLD_MAX_TUPLE 256

static int64_t int_bits(tpy_object_t *v)
{
    tpy_object_t *b = tpy_object_call_method(v, "bit_length", NULL, 0);
    if (b == NULL) {
        tpy_err_clear();
        return INT64_MAX;
    }
    int overflow = 0;
    int64_t n = tpy_int_as_i64_overflow(b, &overflow);
    TPY_DECREF(b);
    return overflow ? INT64_MAX : n;
}

static int64_t small_int_value(tpy_object_t *v, bool *ok)
{
    int overflow = 0;
    int64_t n = tpy_int_as_i64_overflow(v, &overflow);
    *ok = !overflow;
    return n;
}

/* May [l op r] be folded at compile time (CPython's safe_power, safe_multiply,
 * safe_lshift, safe_mod)? */
static bool fold_allowed(int op, tpy_object_t *l, tpy_object_t *r)
{
    bool li = TPY_INT_CHECK(l), ri = TPY_INT_CHECK(r), ok;
    switch (op) {
    case TPY_BINOP_POW:
        if (li && ri) {
            int64_t e = small_int_value(r, &ok);
            return ok && (e <= 0 || int_bits(l) <= FOLD_MAX_INT_BITS / e);
        }
        return true;
    case TPY_BINOP_MUL:
        if (li && ri) {
            return int_bits(l) + int_bits(r) <= FOLD_MAX_INT_BITS;
        }
        if (li || ri) {
            tpy_object_t *seq = li ? r : l;
            int64_t n = small_int_value(li ? l : r, &ok);
            if (!ok) {
                return false;
            }
            if (TPY_STR_CHECK(seq)) {
                return n <= 0 || TPY_STR_LEN(seq) <= FOLD_MAX_STR / n;
            }
            if (TPY_TUPLE_CHECK(seq)) {
                return n <= 0 || TPY_TUPLE_SIZE(seq) <= FOLD_MAX_TUPLE / n;
            }
        }
        return true;
    case TPY_BINOP_LSHIFT:
        if (li && ri) {
            int64_t s = small_int_value(r, &ok);
            return ok && s >= 0 && s <= FOLD_MAX_INT_BITS && int_bits(l) <= FOLD_MAX_INT_BITS - s;
        }
        return true;
    case TPY_BINOP_MOD:
        return !TPY_STR_CHECK(l); // %-formatting is left to run time
    case TPY_BINOP_MATMUL:
        return false;
    default:
        return true;
    }
}

static tpy_object_t *fold_binop(compiler_t *c, tpy_expr_t *e)
{
    if (c->depth >= MAX_EXPR_DEPTH) {
        return NULL; // too deep to fold: c_expr reports the depth
    }
    c->depth++;
    tpy_object_t *l = const_value(c, e->u.binop.left);
    tpy_object_t *r = l != NULL ? const_value(c, e->u.binop.right) : NULL;
    c->depth--;
    if (r == NULL) {
        TPY_XDECREF(l);
        return NULL;
    }
    int op = (int)e->u.binop.op;
    tpy_object_t *v = fold_allowed(op, l, r) ? tpy_number_binop(l, r, op) : NULL;
    if (v == NULL) {
        tpy_err_clear(); // 1 / 0 and friends raise when the program runs
    }
    TPY_DECREF(l);
    TPY_DECREF(r);
    return v;
}

// A decimal literal over sys.get_int_max_str_digits() digits: CPython refuses
// it at compile time, as a SyntaxError at the literal carrying the ValueError's
// text and a hint.  Anything else (MemoryError) stays the pending exception.
static void int_literal_error(compiler_t *c, tpy_pos_t pos)
{
    if (!tpy_err_matches(&tpy_exc_ValueError)) {
        c->failed = true;
        c->err->kind = TPY_SYNERR_NONE;
        return;
    }
    tpy_object_t *exc = tpy_err_fetch();
    tpy_object_t *s = tpy_exc_str(exc);
    TPY_DECREF(exc);
    if (s == NULL) {
        c->failed = true;
        c->err->kind = TPY_SYNERR_NONE;
        return;
    }
    char msg[sizeof c->err->msg];
    snprintf(msg, sizeof msg, "%s - Consider hexadecimal for huge integer literals to avoid "
             "decimal conversion limits.", TPY_STR_DATA(s));
    TPY_DECREF(s);
    c_error(c, msg, pos);
}

static tpy_object_t *const_value_of(compiler_t *c, tpy_expr_t *e)
{
    switch (e->kind) {
    case EXPR_BINOP:
        return fold_binop(c, e);
    case EXPR_INT: {
        tpy_object_t *v = tpy_int_from_string(e->u.num.text, strlen(e->u.num.text), 0);
        if (v == NULL) {
            int_literal_error(c, e->pos);
        }
        return v;
    }
    case EXPR_FLOAT:
        return float_from_text(e->u.num.text);
    case EXPR_STR:
        return str_const(e->u.str.s, e->u.str.len);
    case EXPR_CONST:
        switch (e->u.constant.kind) {
        case CONST_NONE:
            return tpy_newref(tpy_none);
        case CONST_TRUE:
            return tpy_newref(tpy_true);
        case CONST_FALSE:
            return tpy_newref(tpy_false);
        case CONST_ELLIPSIS:
            return tpy_newref(tpy_ellipsis);
        }
        return NULL;
    case EXPR_UNARYOP:
        if (e->u.unaryop.op == AST_USUB &&
            (e->u.unaryop.operand->kind == EXPR_INT || e->u.unaryop.operand->kind == EXPR_FLOAT)) {
            tpy_object_t *v = const_value(c, e->u.unaryop.operand);
            if (v == NULL) {
                return NULL;
            }
            tpy_object_t *r = tpy_number_unop(v, TPY_UNOP_NEG);
            TPY_DECREF(v);
            return r;
        }
        return NULL;
    case EXPR_TUPLE: {
        intptr_t n = e->u.seq.elts.n;
        for (intptr_t i = 0; i < n; i++) {
            tpy_expr_t *x = e->u.seq.elts.items[i];
            if (x->kind != EXPR_INT && x->kind != EXPR_FLOAT && x->kind != EXPR_STR &&
                x->kind != EXPR_CONST && x->kind != EXPR_TUPLE && x->kind != EXPR_BINOP &&
                !(x->kind == EXPR_UNARYOP && x->u.unaryop.op == AST_USUB &&
                  (x->u.unaryop.operand->kind == EXPR_INT ||
                   x->u.unaryop.operand->kind == EXPR_FLOAT))) {
                return NULL;
            }
        }
        tpy_object_t *t = tpy_tuple_new(n);
        if (t == NULL) {
            return NULL;
        }
        for (intptr_t i = 0; i < n; i++) {
            tpy_object_t *v = const_value(c, e->u.seq.elts.items[i]);
            if (v == NULL) {
                TPY_DECREF(t);
                return NULL;
            }
            TPY_TUPLE_ITEMS(t)[i] = v;
        }
        tpy_tuple_maybe_untrack(t);
        return t;
    }
    default:
        return NULL;
    }
}

/* ---- helpers ---------------------------------------------------------------------- */

static void c_exprs(compiler_t *c, tpy_seq_t seq)
{
    for (intptr_t i = 0; i < seq.n; i++) {
        c_expr(c, seq.items[i]);
    }
}

static bool has_starred(tpy_seq_t seq)
{
    for (intptr_t i = 0; i < seq.n; i++) {
        tpy_expr_t *x = seq.items[i];
        if (x->kind == EXPR_STARRED) {
            return true;
        }
    }
    return false;
}

static const int unary_ops[] = {OP_UNARY_NEGATIVE, OP_UNARY_POSITIVE, OP_UNARY_INVERT,
                                OP_UNARY_NOT};

static void emit_compare_op(compiler_t *c, tpy_ast_cmpop_t op)
{
    switch (op) {
    case AST_IS:
        c_emit(c, OP_IS_OP, 0);
        break;
    case AST_ISNOT:
        c_emit(c, OP_IS_OP, 1);
        break;
    case AST_IN:
        c_emit(c, OP_CONTAINS_OP, 0);
        break;
    case AST_NOTIN:
        c_emit(c, OP_CONTAINS_OP, 1);
        break;
    default:
        c_emit(c, OP_COMPARE_OP, (int)op);
        break;
    }
}

static void c_compare(compiler_t *c, tpy_expr_t *e)
{
    intptr_t n = e->u.compare.ops.n;
    c_expr(c, e->u.compare.left);
    if (n == 1) {
        c_expr(c, e->u.compare.comparators.items[0]);
        c_set_pos(c, e->pos);
        emit_compare_op(c, (tpy_ast_cmpop_t)(intptr_t)e->u.compare.ops.items[0]);
        return;
    }
    int cleanup = c_new_label(c), end = c_new_label(c);
    for (intptr_t i = 0; i < n - 1; i++) {
        c_expr(c, e->u.compare.comparators.items[i]);
        c_set_pos(c, e->pos);
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_COPY, 2);
        emit_compare_op(c, (tpy_ast_cmpop_t)(intptr_t)e->u.compare.ops.items[i]);
        c_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    c_expr(c, e->u.compare.comparators.items[n - 1]);
    c_set_pos(c, e->pos);
    emit_compare_op(c, (tpy_ast_cmpop_t)(intptr_t)e->u.compare.ops.items[n - 1]);
    c_emit_jump(c, OP_JUMP, end);
    c_place_label(c, cleanup);
    c_emit(c, OP_SWAP, 2);
    c_emit(c, OP_POP_TOP, 0);
    c_place_label(c, end);
}

void c_jump_if(compiler_t *c, tpy_expr_t *e, bool cond, int label)
{
    if (e->kind == EXPR_UNARYOP && e->u.unaryop.op == AST_NOT) {
        c_jump_if(c, e->u.unaryop.operand, !cond, label);
        return;
    }
    if (e->kind == EXPR_BOOLOP) {
        bool is_or = e->u.boolop.op == AST_OR;
        intptr_t n = e->u.boolop.values.n;
        // jump when the whole is `cond`: for `and` jumping on false (or `or` on
        // true) any operand decides; otherwise only the last one does
        if (is_or == cond) {
            for (intptr_t i = 0; i < n; i++) {
                c_jump_if(c, e->u.boolop.values.items[i], cond, label);
            }
        } else {
            int next = c_new_label(c);
            for (intptr_t i = 0; i < n - 1; i++) {
                c_jump_if(c, e->u.boolop.values.items[i], !cond, next);
            }
            c_jump_if(c, e->u.boolop.values.items[n - 1], cond, label);
            c_place_label(c, next);
        }
        return;
    }
    c_expr(c, e);
    c_set_pos(c, e->pos);
    c_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

/* ---- calls ------------------------------------------------------------------------ */

/* Positional arguments with * unpacking into one tuple on the stack. */
static void c_starargs_tuple(compiler_t *c, tpy_seq_t args)
{
    c_emit(c, OP_BUILD_LIST, 0);
    for (intptr_t i = 0; i < args.n; i++) {
        tpy_expr_t *a = args.items[i];
        if (a->kind == EXPR_STARRED) {
            c_expr(c, a->u.starred.value);
            c_emit(c, OP_LIST_EXTEND, args.n == 1 ? 1 | TPY_EXTEND_CALL : 1);
        } else {
            c_expr(c, a);
            c_emit(c, OP_LIST_APPEND, 1);
        }
    }
    c_emit(c, OP_LIST_TO_TUPLE, 0);
}

/* Emit the arguments and the call, given [already_pushed] leading positional
 * arguments (the implicit self of LOAD_METHOD is not counted). */
void c_call_helper(compiler_t *c, int already_pushed, tpy_seq_t args, tpy_seq_t keywords,
                   tpy_pos_t pos)
{
    bool dstar = false;
    for (intptr_t i = 0; i < keywords.n; i++) {
        tpy_keyword_t *k = keywords.items[i];
        if (k->arg == NULL) {
            dstar = true;
        }
    }
    if (!has_starred(args) && !dstar) {
        c_exprs(c, args);
        intptr_t nk = keywords.n;
        if (nk == 0) {
            c_set_pos(c, pos);
            c_emit(c, OP_CALL, already_pushed + args.n);
            return;
        }
        tpy_object_t *names = tpy_tuple_new(nk);
        if (names == NULL) {
            c->failed = true;
            c->err->kind = TPY_SYNERR_NONE;
            return;
        }
        for (intptr_t i = 0; i < nk; i++) {
            tpy_keyword_t *k = keywords.items[i];
            for (intptr_t j = 0; j < i; j++) {
                tpy_keyword_t *p = keywords.items[j];
                if (strcmp(p->arg, k->arg) == 0) {
                    char msg[200];
                    snprintf(msg, sizeof msg, "keyword argument repeated: %s", k->arg);
                    TPY_DECREF(names);
                    c_error(c, msg, k->pos);
                    return;
                }
            }
            c_expr(c, k->value);
            tpy_object_t *s = tpy_str_intern_cstr(k->arg);
            if (s == NULL) {
                TPY_DECREF(names);
                c->failed = true;
                c->err->kind = TPY_SYNERR_NONE;
                return;
            }
            TPY_TUPLE_ITEMS(names)[i] = s;
        }
        c_set_pos(c, pos);
        c_emit(c, OP_LOAD_CONST, c_add_const(c, names));
        c_emit(c, OP_CALL_KW, already_pushed + args.n + nk);
        return;
    }
    if (already_pushed != 0) {
        // only plain calls reach here with arguments already on the stack
        c_error(c, "internal compiler error: method call with unpacking", pos);
        return;
    }
    c_starargs_tuple(c, args);
    int flags = 0;
    if (keywords.n > 0) {
        flags = 1;
        c_emit(c, OP_BUILD_MAP, 0);
        intptr_t pending = 0;
        for (intptr_t i = 0; i < keywords.n; i++) {
            tpy_keyword_t *k = keywords.items[i];
            if (k->arg != NULL) {
                c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_intern_cstr(k->arg)));
                c_expr(c, k->value);
                pending++;
            } else {
                if (pending > 0) {
                    c_emit(c, OP_BUILD_MAP, pending);
                    c_emit(c, OP_DICT_MERGE, 1);
                    pending = 0;
                }
                c_expr(c, k->value);
                c_emit(c, OP_DICT_MERGE, 1);
            }
        }
        if (pending > 0) {
            c_emit(c, OP_BUILD_MAP, pending);
            c_emit(c, OP_DICT_MERGE, 1);
        }
    }
    c_set_pos(c, pos);
    c_emit(c, OP_CALL_EX, flags);
}

static void c_call(compiler_t *c, tpy_expr_t *e)
{
    tpy_expr_t *f = e->u.call.func;
    bool simple = !has_starred(e->u.call.args);
    for (intptr_t i = 0; i < e->u.call.keywords.n; i++) {
        tpy_keyword_t *k = e->u.call.keywords.items[i];
        if (k->arg == NULL) {
            simple = false;
        }
    }
    if (f->kind == EXPR_ATTRIBUTE && simple) {
        c_expr(c, f->u.attribute.value);
        c_set_pos(c, f->pos);
        c_emit(c, OP_LOAD_METHOD, c_add_name(c, c_mangle(c, f->u.attribute.attr)));
    } else {
        c_expr(c, f);
        c_emit(c, OP_PUSH_NULL, 0);
    }
    c_call_helper(c, 0, e->u.call.args, e->u.call.keywords, e->pos);
}

/* ---- displays ------------------------------------------------------------------------ */

static void c_sequence(compiler_t *c, tpy_expr_t *e)
{
    tpy_seq_t elts = e->u.seq.elts;
    if (e->kind == EXPR_TUPLE) {
        tpy_object_t *k = const_value(c, e);
        if (k != NULL) {
            c_emit(c, OP_LOAD_CONST, c_add_const(c, k));
            return;
        }
        if (c->failed) {
            return;
        }
    }
    if ((e->kind == EXPR_LIST || e->kind == EXPR_SET) && elts.n >= 3) {
        // a display of 3+ constants extends an empty container from one
        // constant, as CPython does (this fixes set order and list sizes)
        tpy_expr_t tuple = *e;
        tuple.kind = EXPR_TUPLE;
        tpy_object_t *k = const_value(c, &tuple);
        if (k != NULL) {
            bool is_set = e->kind == EXPR_SET;
            if (is_set) {
                tpy_object_t *fs = tpy_frozenset_const(TPY_TUPLE_ITEMS(k), TPY_TUPLE_SIZE(k));
                TPY_DECREF(k);
                k = fs;
            }
            if (k != NULL) {
                c_set_pos(c, e->pos);
                c_emit(c, is_set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
                c_emit(c, OP_LOAD_CONST, c_add_const(c, k));
                c_emit(c, is_set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
                return;
            }
            c->failed = true;
            c->err->kind = TPY_SYNERR_NONE;
            return;
        }
        if (c->failed) {
            return;
        }
    }
    if (!has_starred(elts)) {
        c_exprs(c, elts);
        c_set_pos(c, e->pos);
        c_emit(c, e->kind == EXPR_LIST ? OP_BUILD_LIST : e->kind == EXPR_SET ? OP_BUILD_SET
                                                                             : OP_BUILD_TUPLE,
               elts.n);
        return;
    }
    bool is_set = e->kind == EXPR_SET;
    c_emit(c, is_set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (intptr_t i = 0; i < elts.n; i++) {
        tpy_expr_t *x = elts.items[i];
        if (x->kind == EXPR_STARRED) {
            c_expr(c, x->u.starred.value);
            c_emit(c, is_set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            c_expr(c, x);
            c_emit(c, is_set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    c_set_pos(c, e->pos);
    if (e->kind == EXPR_TUPLE) {
        c_emit(c, OP_LIST_TO_TUPLE, 0);
    }
}

static void c_dict(compiler_t *c, tpy_expr_t *e)
{
    intptr_t n = e->u.dict.keys.n;
    bool dstar = false;
    for (intptr_t i = 0; i < n; i++) {
        if (e->u.dict.keys.items[i] == NULL) {
            dstar = true;
        }
    }
    if (!dstar) {
        for (intptr_t i = 0; i < n; i++) {
            c_expr(c, e->u.dict.keys.items[i]);
            c_expr(c, e->u.dict.values.items[i]);
        }
        c_set_pos(c, e->pos);
        c_emit(c, OP_BUILD_MAP, n);
        return;
    }
    c_emit(c, OP_BUILD_MAP, 0);
    intptr_t pending = 0;
    for (intptr_t i = 0; i < n; i++) {
        tpy_expr_t *k = e->u.dict.keys.items[i];
        if (k != NULL) {
            c_expr(c, k);
            c_expr(c, e->u.dict.values.items[i]);
            pending++;
        } else {
            if (pending) {
                c_emit(c, OP_BUILD_MAP, pending);
                c_emit(c, OP_DICT_UPDATE, 1);
                pending = 0;
            }
            c_expr(c, e->u.dict.values.items[i]);
            c_set_pos(c, e->pos);
            c_emit(c, OP_DICT_UPDATE, 1);
        }
    }
    if (pending) {
        c_emit(c, OP_BUILD_MAP, pending);
        c_emit(c, OP_DICT_UPDATE, 1);
    }
}

/* ---- comprehensions ---------------------------------------------------------------- */

void c_comprehension_body(compiler_t *c, tpy_expr_t *e, intptr_t gen_index)
{
    tpy_seq_t gens = e->u.comp.generators;
    tpy_comprehension_t *g = gens.items[gen_index];
    if (gen_index == 0) {
        c_set_pos(c, e->pos);
        if (e->kind == EXPR_LISTCOMP) {
            c_emit(c, OP_BUILD_LIST, 0);
        } else if (e->kind == EXPR_SETCOMP) {
            c_emit(c, OP_BUILD_SET, 0);
        } else if (e->kind == EXPR_DICTCOMP) {
            c_emit(c, OP_BUILD_MAP, 0);
        }
        c_nameop(c, ".0", AST_LOAD, e->pos);
    } else {
        c_expr(c, g->iter);
        c_set_pos(c, e->pos);
        c_emit(c, OP_GET_ITER, 0);
    }
    int head = c_new_label(c), end = c_new_label(c);
    c_place_label(c, head);
    // each loop's next() is located at the whole comprehension (CPython 3.11)
    c_set_pos(c, e->pos);
    c_emit_jump(c, OP_FOR_ITER, end);
    c_store_target(c, g->target);
    for (intptr_t i = 0; i < g->ifs.n; i++) {
        c_jump_if(c, g->ifs.items[i], false, head);
    }
    if (gen_index + 1 < gens.n) {
        c_comprehension_body(c, e, gen_index + 1);
    } else {
        intptr_t depth = gens.n + 1;
        switch (e->kind) {
        case EXPR_LISTCOMP:
            c_expr(c, e->u.comp.elt);
            c_set_pos(c, e->pos);
            c_emit(c, OP_LIST_APPEND, depth);
            break;
        case EXPR_SETCOMP:
            c_expr(c, e->u.comp.elt);
            c_set_pos(c, e->pos);
            c_emit(c, OP_SET_ADD, depth);
            break;
        case EXPR_DICTCOMP:
            c_expr(c, e->u.comp.elt);
            c_expr(c, e->u.comp.value);
            c_set_pos(c, e->pos);
            c_emit(c, OP_MAP_ADD, depth);
            break;
        default: // generator expression
            c_expr(c, e->u.comp.elt);
            c_set_pos(c, e->pos);
            c_emit(c, OP_YIELD_VALUE, 0);
            c_emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    c_set_pos(c, g->iter->pos);
    c_emit_jump(c, OP_JUMP_BACKWARD, head);
    c_place_label(c, end);
    if (gen_index == 0) {
        c_set_pos(c, e->pos);
        if (e->kind == EXPR_GENEXP) {
            c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
        }
        c_emit(c, OP_RETURN_VALUE, 0);
    }
}

static void c_comprehension(compiler_t *c, tpy_expr_t *e)
{
    const char *name = e->kind == EXPR_LISTCOMP   ? "<listcomp>"
                       : e->kind == EXPR_SETCOMP  ? "<setcomp>"
                       : e->kind == EXPR_DICTCOMP ? "<dictcomp>"
                                                  : "<genexpr>";
    tpy_object_t *code = c_compile_scope_body(c, e, name, NULL, NULL, e, e->pos.lineno);
    c_set_pos(c, e->pos);
    c_make_closure(c, code, 0);
    c_emit(c, OP_PUSH_NULL, 0);
    tpy_comprehension_t *first = e->u.comp.generators.items[0];
    c_expr(c, first->iter);
    c_set_pos(c, e->pos);
    c_emit(c, OP_GET_ITER, 0);
    c_emit(c, OP_CALL, 1);
}

void c_visit_arguments_defaults(compiler_t *c, tpy_arguments_t *args, int *flags)
{
    if (args == NULL) {
        return;
    }
    if (args->defaults.n > 0) {
        c_exprs(c, args->defaults);
        c_emit(c, OP_BUILD_TUPLE, args->defaults.n);
        *flags |= TPY_MKFN_DEFAULTS;
    }
    intptr_t nkw = 0;
    for (intptr_t i = 0; i < args->kwonlyargs.n; i++) {
        tpy_expr_t *d = i < args->kw_defaults.n ? args->kw_defaults.items[i] : NULL;
        if (d != NULL) {
            tpy_keyword_t *k = args->kwonlyargs.items[i];
            c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_intern_cstr(c_mangle(c, k->arg))));
            c_expr(c, d);
            nkw++;
        }
    }
    if (nkw > 0) {
        c_emit(c, OP_BUILD_MAP, nkw);
        *flags |= TPY_MKFN_KWDEFAULTS;
    }
}

static intptr_t c_annotation(compiler_t *c, const char *name, tpy_expr_t *ann)
{
    if (ann == NULL) {
        return 0;
    }
    c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_intern_cstr(c_mangle(c, name))));
    c_expr(c, ann);
    return 1;
}

bool c_visit_annotations(compiler_t *c, tpy_arguments_t *args, tpy_expr_t *returns)
{
    if (args == NULL || c->future_annotations) {
        return false;
    }
    intptr_t n = 0;
    const tpy_seq_t *lists[] = {&args->posonlyargs, &args->args};
    for (int l = 0; l < 2; l++) {
        for (intptr_t i = 0; i < lists[l]->n; i++) {
            tpy_keyword_t *k = lists[l]->items[i];
            n += c_annotation(c, k->arg, k->value);
        }
    }
    if (args->vararg != NULL) {
        n += c_annotation(c, args->vararg->arg, args->vararg->value);
    }
    for (intptr_t i = 0; i < args->kwonlyargs.n; i++) {
        tpy_keyword_t *k = args->kwonlyargs.items[i];
        n += c_annotation(c, k->arg, k->value);
    }
    if (args->kwarg != NULL) {
        n += c_annotation(c, args->kwarg->arg, args->kwarg->value);
    }
    n += c_annotation(c, "return", returns);
    if (n == 0) {
        return false;
    }
    c_emit(c, OP_BUILD_TUPLE, 2 * n);
    return true;
}

/* ---- f-strings ---------------------------------------------------------------------- */

static void c_fstring(compiler_t *c, tpy_expr_t *e)
{
    tpy_seq_t parts = e->u.fstring.values;
    if (parts.n == 0) {
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_from_cstr("")));
        return;
    }
    for (intptr_t i = 0; i < parts.n; i++) {
        c_expr(c, parts.items[i]);
    }
    if (parts.n > 1) {
        c_set_pos(c, e->pos);
        c_emit(c, OP_BUILD_STRING, parts.n);
    } else {
        tpy_expr_t *only = parts.items[0];
        if (only->kind == EXPR_STR) {
            return;
        }
    }
}

static void c_formatted(compiler_t *c, tpy_expr_t *e)
{
    c_expr(c, e->u.formatted.value);
    int flags = TPY_FMT_NONE;
    switch (e->u.formatted.conversion) {
    case 's':
        flags = TPY_FMT_STR;
        break;
    case 'r':
        flags = TPY_FMT_REPR;
        break;
    case 'a':
        flags = TPY_FMT_ASCII;
        break;
    default:
        break;
    }
    if (e->u.formatted.format_spec != NULL) {
        c_expr(c, e->u.formatted.format_spec);
        flags |= TPY_FMT_HAVE_SPEC;
    }
    c_set_pos(c, e->pos);
    c_emit(c, OP_FORMAT_VALUE, flags);
}

/* ---- the expression dispatcher ------------------------------------------------------ */

void c_expr(compiler_t *c, tpy_expr_t *e)
{
    if (c->failed) {
        return;
    }
    if (++c->depth > MAX_EXPR_DEPTH) {
        if (!c->failed) {
            tpy_err_set_str(&tpy_exc_RecursionError,
                            "maximum recursion depth exceeded during compilation");
            c->failed = true;
            c->err->kind = TPY_SYNERR_NONE;
        }
        c->depth--;
        return;
    }
    tpy_pos_t saved = c->u->curpos;
    c_set_pos(c, e->pos);
    tpy_object_t *k;
    switch (e->kind) {
    case EXPR_NAME:
        c_nameop(c, e->u.name.id, AST_LOAD, e->pos);
        break;
    case EXPR_INT:
    case EXPR_FLOAT:
    case EXPR_STR:
    case EXPR_CONST:
        k = const_value(c, e);
        if (k == NULL) {
            if (!c->failed) { // else a SyntaxError is recorded (a too long literal)
                c->failed = true;
                c->err->kind = TPY_SYNERR_NONE;
            }
            break;
        }
        c_emit(c, OP_LOAD_CONST, c_add_const(c, k));
        break;
    case EXPR_IMAG:
        c_unsupported(c, "complex numbers are", e->pos);
        break;
    case EXPR_BYTES:
        c_unsupported(c, "bytes literals are", e->pos);
        break;
    case EXPR_FSTRING:
        c_fstring(c, e);
        break;
    case EXPR_FORMATTED:
        c_formatted(c, e);
        break;
    case EXPR_BINOP:
        k = const_value(c, e);
        if (k != NULL) {
            c_emit(c, OP_LOAD_CONST, c_add_const(c, k));
            break;
        }
        if (c->failed) {
            break;
        }
        c_expr(c, e->u.binop.left);
        c_expr(c, e->u.binop.right);
        c_set_pos(c, e->pos);
        c_emit(c, OP_BINARY_OP, (int)e->u.binop.op);
        break;
    case EXPR_UNARYOP:
        k = const_value(c, e);
        if (k != NULL) {
            c_emit(c, OP_LOAD_CONST, c_add_const(c, k));
            break;
        }
        if (c->failed) {
            break;
        }
        tpy_err_clear();
        c_expr(c, e->u.unaryop.operand);
        c_set_pos(c, e->pos);
        c_emit(c, unary_ops[e->u.unaryop.op], 0);
        break;
    case EXPR_BOOLOP: {
        int end = c_new_label(c);
        int op = e->u.boolop.op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
        intptr_t n = e->u.boolop.values.n;
        for (intptr_t i = 0; i < n; i++) {
            c_expr(c, e->u.boolop.values.items[i]);
            if (i < n - 1) {
                c_set_pos(c, e->pos);
                c_emit_jump(c, op, end);
            }
        }
        c_place_label(c, end);
        break;
    }
    case EXPR_COMPARE:
        check_compare(c, e);
        c_compare(c, e);
        break;
    case EXPR_IFEXP: {
        int orelse = c_new_label(c), end = c_new_label(c);
        c_jump_if(c, e->u.ifexp.test, false, orelse);
        c_expr(c, e->u.ifexp.body);
        c_emit_jump(c, OP_JUMP, end);
        c_place_label(c, orelse);
        c_expr(c, e->u.ifexp.orelse);
        c_place_label(c, end);
        break;
    }
    case EXPR_LAMBDA: {
        int flags = 0;
        c_visit_arguments_defaults(c, e->u.lambda.args, &flags);
        tpy_object_t *code = c_compile_scope_body(c, e, "<lambda>", e->u.lambda.args, NULL,
                                                  e->u.lambda.body, e->pos.lineno);
        c_set_pos(c, e->pos);
        c_make_closure(c, code, flags);
        break;
    }
    case EXPR_CALL:
        check_caller(c, e);
        c_call(c, e);
        break;
    case EXPR_ATTRIBUTE:
        c_expr(c, e->u.attribute.value);
        c_set_pos(c, e->pos);
        c_emit(c, OP_LOAD_ATTR, c_add_name(c, c_mangle(c, e->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        check_subscript(c, e);
        c_expr(c, e->u.subscript.value);
        c_expr(c, e->u.subscript.slice);
        c_set_pos(c, e->pos);
        c_emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case EXPR_SLICE: {
        tpy_expr_t *parts[3] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
        int n = e->u.slice.step ? 3 : 2;
        for (int i = 0; i < n; i++) {
            if (parts[i] != NULL) {
                c_expr(c, parts[i]);
            } else {
                c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
            }
        }
        c_set_pos(c, e->pos);
        c_emit(c, OP_BUILD_SLICE, n);
        break;
    }
    case EXPR_STARRED:
        c_error(c, "can't use starred expression here", e->pos);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
    case EXPR_SET:
        c_sequence(c, e);
        break;
    case EXPR_DICT:
        c_dict(c, e);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENEXP:
        c_comprehension(c, e);
        break;
    case EXPR_YIELD:
        if (e->u.yield.value != NULL) {
            c_expr(c, e->u.yield.value);
        } else {
            c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
        }
        c_set_pos(c, e->pos);
        c_emit(c, OP_YIELD_VALUE, 0);
        break;
    case EXPR_YIELD_FROM: {
        int head = c_new_label(c), exit = c_new_label(c);
        c_expr(c, e->u.yield.value);
        c_set_pos(c, e->pos);
        c_emit(c, OP_GET_YIELD_FROM_ITER, 0);
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
        c_place_label(c, head);
        c_emit_jump(c, OP_SEND, exit);
        c_emit(c, OP_YIELD_VALUE, 0);
        c_emit_jump(c, OP_JUMP_BACKWARD, head);
        c_place_label(c, exit);
        break;
    }
    case EXPR_AWAIT:
        c_unsupported(c, "await is", e->pos);
        break;
    case EXPR_NAMEDEXPR:
        c_unsupported(c, "the walrus operator (:=) is", e->pos);
        break;
    }
    c->u->curpos = saved;
    c->depth--;
}

/* ---- targets -------------------------------------------------------------------------- */

void c_store_target(compiler_t *c, tpy_expr_t *t)
{
    if (c->failed) {
        return;
    }
    tpy_pos_t saved = c->u->curpos;
    switch (t->kind) {
    case EXPR_NAME:
        c_nameop(c, t->u.name.id, AST_STORE, t->pos);
        break;
    case EXPR_ATTRIBUTE:
        c_expr(c, t->u.attribute.value);
        c_set_pos(c, t->pos);
        c_emit(c, OP_STORE_ATTR, c_add_name(c, c_mangle(c, t->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        c_expr(c, t->u.subscript.value);
        c_expr(c, t->u.subscript.slice);
        c_set_pos(c, t->pos);
        c_emit(c, OP_STORE_SUBSCR, 0);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST: {
        tpy_seq_t elts = t->u.seq.elts;
        intptr_t star = -1;
        for (intptr_t i = 0; i < elts.n; i++) {
            tpy_expr_t *x = elts.items[i];
            if (x->kind == EXPR_STARRED) {
                if (star >= 0) {
                    c_error(c, "multiple starred expressions in assignment", x->pos);
                    return;
                }
                star = i;
            }
        }
        c_set_pos(c, t->pos);
        if (star >= 0) {
            intptr_t after = elts.n - star - 1;
            if (star > 255 || after > 0xffff) {
                c_error(c, "too many expressions in star-unpacking assignment", t->pos);
                return;
            }
            c_emit(c, OP_UNPACK_EX, star | (after << 8));
        } else {
            c_emit(c, OP_UNPACK_SEQUENCE, elts.n);
        }
        for (intptr_t i = 0; i < elts.n; i++) {
            tpy_expr_t *x = elts.items[i];
            c_store_target(c, x->kind == EXPR_STARRED ? x->u.starred.value : x);
        }
        break;
    }
    case EXPR_STARRED:
        c_error(c, "starred assignment target must be in a list or tuple", t->pos);
        break;
    default:
        c_error(c, "cannot assign to expression", t->pos);
        break;
    }
    c->u->curpos = saved;
}

void c_del_target(compiler_t *c, tpy_expr_t *t)
{
    switch (t->kind) {
    case EXPR_NAME:
        c_nameop(c, t->u.name.id, AST_DEL, t->pos);
        break;
    case EXPR_ATTRIBUTE:
        c_expr(c, t->u.attribute.value);
        c_set_pos(c, t->pos);
        c_emit(c, OP_DELETE_ATTR, c_add_name(c, c_mangle(c, t->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        c_expr(c, t->u.subscript.value);
        c_expr(c, t->u.subscript.slice);
        c_set_pos(c, t->pos);
        c_emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (intptr_t i = 0; i < t->u.seq.elts.n; i++) {
            c_del_target(c, t->u.seq.elts.items[i]);
        }
        break;
    default:
        c_error(c, "cannot delete expression", t->pos);
        break;
    }
}
