/*
 * grammar/ast.c - the AST builders parser.y's actions call, and the checks
 * CPython makes while building: assignment and deletion targets, annotated
 * targets, parameter lists, call arguments, starred expressions.
 *
 * Positions: each builder takes tpy_ex_t operands, whose pos includes any
 * parentheses around the operand; the new node spans its operands' outer
 * positions (CPython's rule), while each operand node keeps its own.
 * Error messages and their spans are CPython 3.11's (checked against
 * `python3 -c "compile(...)"`); several of them CPython only raises in its
 * compiler ("multiple starred expressions in assignment", "keyword argument
 * repeated"), which is harmless to do earlier.
 */
#include "grammar/ast_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- allocation, sequences, errors ------------------------------------------- */

_Static_assert(sizeof(((tpy_pctx_t *)0)->scratch) >= sizeof(tpy_stmt_t) &&
                   sizeof(((tpy_pctx_t *)0)->scratch) >= sizeof(tpy_expr_t) &&
                   sizeof(((tpy_pctx_t *)0)->scratch) >= sizeof(tpy_arguments_t),
               "the scratch block must hold any node");

void *tpy_ast_alloc(tpy_pctx_t *c, size_t size)
{
    void *p = tpy_arena_alloc(c->arena, size);
    if (p == NULL) {
        if (c->err->kind == TPY_SYNERR_NONE) {
            c->err->kind = TPY_SYNERR_NOMEM;
            snprintf(c->err->msg, sizeof(c->err->msg), "out of memory");
        }
        c->failed = true;
        if (size > sizeof(c->scratch)) {
            size = sizeof(c->scratch);
        }
        memset(c->scratch, 0, size);
        p = c->scratch;
    }
    return p;
}

void tpy_ast_push(tpy_pctx_t *c, tpy_vec_t *v, void *item)
{
    if (!tpy_vec_push(c->arena, v, item)) {
        tpy_ast_alloc(c, SIZE_MAX / 2); // records the exhaustion
    }
}

tpy_vec_t tpy_ast_vec1(tpy_pctx_t *c, void *item)
{
    tpy_vec_t v = {0, 0, NULL};
    tpy_ast_push(c, &v, item);
    return v;
}

void tpy_ast_extend(tpy_pctx_t *c, tpy_vec_t *v, tpy_vec_t more)
{
    for (intptr_t i = 0; i < more.n; i++) {
        tpy_ast_push(c, v, more.items[i]);
    }
}

tpy_exlist_t tpy_ast_exlist1(tpy_pctx_t *c, tpy_ex_t a)
{
    tpy_exlist_t l;
    l.v = tpy_ast_vec1(c, a.e);
    l.pos = a.pos;
    return l;
}

tpy_exlist_t tpy_ast_exlist2(tpy_pctx_t *c, tpy_ex_t a, tpy_ex_t b)
{
    tpy_exlist_t l = tpy_ast_exlist1(c, a);
    tpy_ast_exlist_push(c, &l, b);
    return l;
}

void tpy_ast_exlist_push(tpy_pctx_t *c, tpy_exlist_t *l, tpy_ex_t x)
{
    tpy_ast_push(c, &l->v, x.e);
    l->pos = tpy_pos_span(l->pos, x.pos);
}

tpy_pairs_t *tpy_ast_pairs_new(tpy_pctx_t *c)
{
    return tpy_ast_alloc(c, sizeof(tpy_pairs_t));
}

void tpy_ast_pairs_push(tpy_pctx_t *c, tpy_pairs_t *p, int op, tpy_ex_t x)
{
    tpy_ast_push(c, &p->a, (void *)(intptr_t)op);
    tpy_ast_push(c, &p->b, x.e);
    p->pos = x.pos;
}

void tpy_ast_dict_push(tpy_pctx_t *c, tpy_pairs_t *p, const tpy_ex_t *key, tpy_ex_t value)
{
    tpy_ast_push(c, &p->a, key != NULL ? key->e : NULL);
    tpy_ast_push(c, &p->b, value.e);
}

static void verror(tpy_pctx_t *c, tpy_pos_t pos, const char *fmt, va_list ap)
{
    if (c->err->kind == TPY_SYNERR_NONE) {
        char msg[sizeof(c->err->msg)];
        vsnprintf(msg, sizeof(msg), fmt, ap);
        tpy_set_error_range(c->err, TPY_SYNERR_SYNTAX, pos.lineno, pos.col, pos.end_lineno,
                            pos.end_col, "%s", msg);
    }
    c->failed = true;
}

void tpy_ast_error(tpy_pctx_t *c, tpy_pos_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(c, pos, fmt, ap);
    va_end(ap);
}

const char *tpy_ast_expr_name(const tpy_expr_t *e)
{
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOLOP:
    case EXPR_BINOP:
    case EXPR_UNARYOP: return "expression";
    case EXPR_GENEXP: return "generator expression";
    case EXPR_YIELD:
    case EXPR_YIELD_FROM: return "yield expression";
    case EXPR_AWAIT: return "await expression";
    case EXPR_LISTCOMP: return "list comprehension";
    case EXPR_SETCOMP: return "set comprehension";
    case EXPR_DICTCOMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_FSTRING:
    case EXPR_FORMATTED: return "f-string expression";
    case EXPR_CONST:
        switch (e->u.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        }
        return "literal";
    case EXPR_INT:
    case EXPR_FLOAT:
    case EXPR_IMAG:
    case EXPR_STR:
    case EXPR_BYTES: return "literal";
    case EXPR_COMPARE: return "comparison";
    case EXPR_IFEXP: return "conditional expression";
    case EXPR_NAMEDEXPR: return "named expression";
    case EXPR_SLICE: return "slice";
    }
    return "expression";
}

static bool is_parenthesized(tpy_ex_t x)
{
    return x.pos.lineno != x.e->pos.lineno || x.pos.col != x.e->pos.col;
}

/* ---- modules ------------------------------------------------------------------- */

void tpy_ast_module(tpy_pctx_t *c, tpy_vec_t body)
{
    tpy_module_ast_t *m = tpy_ast_alloc(c, sizeof(*m));
    m->mode = c->mode;
    m->body = tpy_vec_seq(body);
    c->result = m;
}

void tpy_ast_module_expr(tpy_pctx_t *c, tpy_expr_t *e)
{
    tpy_module_ast_t *m = tpy_ast_alloc(c, sizeof(*m));
    m->mode = c->mode;
    m->expr = e;
    c->result = m;
}

/* ---- expressions --------------------------------------------------------------- */

tpy_expr_t *tpy_ast_expr(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_pos_t pos)
{
    tpy_expr_t *e = tpy_ast_alloc(c, sizeof(*e));
    e->kind = kind;
    e->pos = pos;
    return e;
}

// The usual result: the node, spanning its own position; remembered for
// error messages ("Perhaps you forgot a comma?" needs the last expression).
static tpy_ex_t ex(tpy_pctx_t *c, tpy_expr_t *e)
{
    tpy_ex_t x = {e, e->pos};
    c->last_ex = x;
    return x;
}

static const char *tok_str(tpy_pctx_t *c, const tpy_token_t *t)
{
    char *s = tpy_arena_strndup(c->arena, t->start, t->len);
    if (s == NULL) {
        tpy_ast_alloc(c, SIZE_MAX / 2);
        return "";
    }
    return s;
}

tpy_ex_t tpy_ast_name(tpy_pctx_t *c, tpy_token_t t)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_NAME, tpy_pos_tok(&t));
    e->u.name.id = tok_str(c, &t);
    e->u.name.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_ex_t tpy_ast_dotted(tpy_pctx_t *c, tpy_ex_t left, tpy_token_t t)
{
    size_t n = strlen(left.e->u.name.id);
    char *s = tpy_ast_alloc(c, n + 1 + t.len + 1);
    memcpy(s, left.e->u.name.id, n);
    s[n] = '.';
    memcpy(s + n + 1, t.start, t.len);
    left.e->u.name.id = s;
    left.e->pos = tpy_pos_span(left.e->pos, tpy_pos_tok(&t));
    return ex(c, left.e);
}

tpy_ex_t tpy_ast_number(tpy_pctx_t *c, tpy_token_t t)
{
    tpy_expr_kind_t kind = EXPR_INT;
    bool hex = t.len > 1 && t.start[0] == '0' && (t.start[1] == 'x' || t.start[1] == 'X');
    char last = t.start[t.len - 1];
    if (last == 'j' || last == 'J') {
        kind = EXPR_IMAG;
    } else if (!hex) {
        for (size_t i = 0; i < t.len; i++) {
            char ch = t.start[i];
            if (ch == '.' || ch == 'e' || ch == 'E') {
                kind = EXPR_FLOAT;
                break;
            }
        }
    }
    tpy_expr_t *e = tpy_ast_expr(c, kind, tpy_pos_tok(&t));
    e->u.num.text = tok_str(c, &t);
    return ex(c, e);
}

tpy_ex_t tpy_ast_const(tpy_pctx_t *c, tpy_token_t t, tpy_const_kind_t kind)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_CONST, tpy_pos_tok(&t));
    e->u.constant.kind = kind;
    return ex(c, e);
}

tpy_strrun_t tpy_ast_strrun(tpy_pctx_t *c, const tpy_strrun_t *run, tpy_token_t t)
{
    tpy_strtok_t *node = tpy_ast_alloc(c, sizeof(*node));
    node->tok = t;
    tpy_strrun_t r;
    if (run == NULL) {
        r.first = r.last = node;
    } else {
        r = *run;
        r.last->next = node;
        r.last = node;
    }
    return r;
}

tpy_ex_t tpy_ast_strings(tpy_pctx_t *c, tpy_strrun_t run)
{
    tpy_expr_t *e = NULL;
    if (!c->failed) {
        e = tpy_strlit_join(c, run.first);
    }
    if (e == NULL) {
        c->failed = true;
        tpy_pos_t pos = tpy_pos_span(tpy_pos_tok(&run.first->tok), tpy_pos_tok(&run.last->tok));
        e = tpy_ast_expr(c, EXPR_STR, pos);
        e->u.str.s = "";
    }
    return ex(c, e);
}

tpy_ex_t tpy_ast_binop(tpy_pctx_t *c, tpy_ex_t l, tpy_ast_binop_t op, tpy_ex_t r)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_BINOP, tpy_pos_span(l.pos, r.pos));
    e->u.binop.left = l.e;
    e->u.binop.op = op;
    e->u.binop.right = r.e;
    return ex(c, e);
}

tpy_ex_t tpy_ast_unop(tpy_pctx_t *c, tpy_token_t t, tpy_ast_unop_t op, tpy_ex_t x)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_UNARYOP, tpy_pos_span(tpy_pos_tok(&t), x.pos));
    e->u.unaryop.op = op;
    e->u.unaryop.operand = x.e;
    return ex(c, e);
}

tpy_ex_t tpy_ast_boolop(tpy_pctx_t *c, tpy_ast_boolop_t op, tpy_exlist_t values)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_BOOLOP, values.pos);
    e->u.boolop.op = op;
    e->u.boolop.values = tpy_vec_seq(values.v);
    return ex(c, e);
}

tpy_ex_t tpy_ast_compare(tpy_pctx_t *c, tpy_ex_t left, tpy_pairs_t *rest)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_COMPARE, tpy_pos_span(left.pos, rest->pos));
    e->u.compare.left = left.e;
    e->u.compare.ops = tpy_vec_seq(rest->a);
    e->u.compare.comparators = tpy_vec_seq(rest->b);
    return ex(c, e);
}

tpy_ex_t tpy_ast_ifexp(tpy_pctx_t *c, tpy_ex_t body, tpy_ex_t test, tpy_ex_t orelse)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_IFEXP, tpy_pos_span(body.pos, orelse.pos));
    e->u.ifexp.body = body.e;
    e->u.ifexp.test = test.e;
    e->u.ifexp.orelse = orelse.e;
    return ex(c, e);
}

static tpy_arguments_t *arguments(tpy_pctx_t *c, tpy_vec_t params);

tpy_ex_t tpy_ast_lambda(tpy_pctx_t *c, tpy_token_t t, tpy_vec_t params, tpy_ex_t body)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_LAMBDA, tpy_pos_span(tpy_pos_tok(&t), body.pos));
    e->u.lambda.args = arguments(c, params);
    e->u.lambda.body = body.e;
    return ex(c, e);
}

tpy_ex_t tpy_ast_named(tpy_pctx_t *c, tpy_ex_t target, tpy_ex_t value)
{
    if (target.e->kind != EXPR_NAME || is_parenthesized(target)) {
        tpy_ast_error(c, target.e->pos, "cannot use assignment expressions with %s",
                      tpy_ast_expr_name(target.e));
    }
    target.e->u.name.ctx = AST_STORE;
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_NAMEDEXPR, tpy_pos_span(target.pos, value.pos));
    e->u.namedexpr.target = target.e;
    e->u.namedexpr.value = value.e;
    return ex(c, e);
}

tpy_ex_t tpy_ast_await(tpy_pctx_t *c, tpy_token_t t, tpy_ex_t x)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_AWAIT, tpy_pos_span(tpy_pos_tok(&t), x.pos));
    e->u.yield.value = x.e;
    return ex(c, e);
}

// A starred expression where only a starred *element* may stand.
static void no_bare_star(tpy_pctx_t *c, tpy_ex_t x)
{
    if (x.e->kind == EXPR_STARRED && !is_parenthesized(x)) {
        tpy_ast_error(c, x.e->pos, "can't use starred expression here");
    }
}

tpy_ex_t tpy_ast_yield(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *value, bool from)
{
    tpy_pos_t pos = tpy_pos_tok(&t);
    if (value != NULL) {
        pos = tpy_pos_span(pos, value->pos);
        if (!from) {
            no_bare_star(c, *value);
        }
    }
    tpy_expr_t *e = tpy_ast_expr(c, from ? EXPR_YIELD_FROM : EXPR_YIELD, pos);
    e->u.yield.value = value != NULL ? value->e : NULL;
    return ex(c, e);
}

tpy_ex_t tpy_ast_attribute(tpy_pctx_t *c, tpy_ex_t value, tpy_token_t name)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_ATTRIBUTE, tpy_pos_span(value.pos, tpy_pos_tok(&name)));
    e->u.attribute.value = value.e;
    e->u.attribute.attr = tok_str(c, &name);
    e->u.attribute.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_ex_t tpy_ast_subscript(tpy_pctx_t *c, tpy_ex_t value, tpy_ex_t slice, tpy_token_t rsqb)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_SUBSCRIPT, tpy_pos_span(value.pos, tpy_pos_tok(&rsqb)));
    e->u.subscript.value = value.e;
    e->u.subscript.slice = slice.e;
    e->u.subscript.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_ex_t tpy_ast_slice(tpy_pctx_t *c, tpy_ex_t lower, tpy_token_t colon1, tpy_ex_t upper,
                       const tpy_token_t *colon2, const tpy_ex_t *step)
{
    tpy_pos_t start = lower.e != NULL ? lower.pos : tpy_pos_tok(&colon1);
    tpy_pos_t end = tpy_pos_tok(&colon1);
    if (upper.e != NULL) {
        end = upper.pos;
    }
    if (colon2 != NULL) {
        end = tpy_pos_tok(colon2);
    }
    if (step != NULL && step->e != NULL) {
        end = step->pos;
    }
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_SLICE, tpy_pos_span(start, end));
    e->u.slice.lower = lower.e;
    e->u.slice.upper = upper.e;
    e->u.slice.step = step != NULL ? step->e : NULL;
    return ex(c, e);
}

tpy_ex_t tpy_ast_starred(tpy_pctx_t *c, tpy_token_t star, tpy_ex_t value)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_STARRED, tpy_pos_span(tpy_pos_tok(&star), value.pos));
    e->u.starred.value = value.e;
    e->u.starred.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_argitem_t *tpy_ast_arg(tpy_pctx_t *c, tpy_arg_kind_t kind, tpy_ex_t value,
                           const tpy_ex_t *key, const tpy_token_t *eq)
{
    tpy_argitem_t *a = tpy_ast_alloc(c, sizeof(*a));
    a->kind = kind;
    a->value = value.e;
    a->pos = value.pos;
    if (key != NULL) {
        a->pos = tpy_pos_span(key->pos, value.pos);
        tpy_expr_t *k = key->e;
        if (k->kind == EXPR_NAME && !is_parenthesized(*key)) {
            a->name = k->u.name.id;
        } else if (k->kind == EXPR_CONST && k->u.constant.kind != CONST_ELLIPSIS &&
                   !is_parenthesized(*key)) {
            tpy_ast_error(c, tpy_pos_span(k->pos, tpy_pos_tok(eq)), "cannot assign to %s",
                          tpy_ast_expr_name(k));
        } else {
            tpy_ast_error(c, tpy_pos_span(k->pos, tpy_pos_tok(eq)),
                          "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
    }
    return a;
}

// Where a comprehension's text ends: its last condition or iterable.
static tpy_pos_t gens_end(tpy_vec_t gens, tpy_pos_t dflt)
{
    if (gens.n == 0) {
        return dflt;
    }
    tpy_comprehension_t *g = gens.items[gens.n - 1];
    if (g->ifs.n > 0) {
        return ((tpy_expr_t *)g->ifs.items[g->ifs.n - 1])->pos;
    }
    return g->iter->pos;
}

// Check the order of call arguments (CPython's rules) and sort them into
// positional ones and keywords.
static void sort_args(tpy_pctx_t *c, tpy_vec_t args, tpy_vec_t *pos, tpy_vec_t *kws)
{
    bool seen_kw = false, seen_dstar = false;
    for (intptr_t i = 0; i < args.n; i++) {
        tpy_argitem_t *a = args.items[i];
        if (a->bare_genexp && args.n > 1) {
            tpy_ast_error(c, a->value->pos, "Generator expression must be parenthesized");
        }
        if (a->kind == TPY_ARG_POS) {
            bool starred = a->value->kind == EXPR_STARRED;
            if (seen_dstar) {
                if (starred) {
                    tpy_pos_t p = a->pos;
                    p.end_lineno = p.lineno;
                    p.end_col = p.col + 1;
                    tpy_ast_error(c, p,
                                  "iterable argument unpacking follows keyword argument unpacking");
                } else {
                    tpy_pos_t p = {a->pos.end_lineno, a->pos.end_col, a->pos.end_lineno,
                                   a->pos.end_col + 1};
                    tpy_ast_error(c, p, "positional argument follows keyword argument unpacking");
                }
            } else if (seen_kw && !starred) {
                // CPython puts the caret on the token after the argument
                tpy_pos_t p = {a->pos.end_lineno, a->pos.end_col, a->pos.end_lineno,
                               a->pos.end_col + 1};
                tpy_ast_error(c, p, "positional argument follows keyword argument");
            }
            tpy_ast_push(c, pos, a->value);
            continue;
        }
        if (a->kind == TPY_ARG_DSTAR) {
            seen_dstar = true;
        } else {
            seen_kw = true;
            for (intptr_t j = 0; j < kws->n; j++) {
                tpy_keyword_t *k = kws->items[j];
                if (k->arg != NULL && strcmp(k->arg, a->name) == 0) {
                    tpy_ast_error(c, a->pos, "keyword argument repeated: %s", a->name);
                }
            }
        }
        tpy_keyword_t *k = tpy_ast_alloc(c, sizeof(*k));
        k->arg = a->name;
        k->value = a->value;
        k->pos = a->pos;
        tpy_ast_push(c, kws, k);
    }
}

tpy_ex_t tpy_ast_call(tpy_pctx_t *c, tpy_ex_t func, tpy_vec_t args, tpy_token_t lpar,
                      tpy_token_t rpar)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_CALL, tpy_pos_span(func.pos, tpy_pos_tok(&rpar)));
    e->u.call.func = func.e;
    tpy_vec_t pos = {0, 0, NULL}, kws = {0, 0, NULL};
    sort_args(c, args, &pos, &kws);
    if (args.n == 1 && ((tpy_argitem_t *)args.items[0])->bare_genexp) {
        // f(x for x in y): the call's parentheses are the generator's
        ((tpy_argitem_t *)args.items[0])->value->pos =
            tpy_pos_span(tpy_pos_tok(&lpar), tpy_pos_tok(&rpar));
    }
    e->u.call.args = tpy_vec_seq(pos);
    e->u.call.keywords = tpy_vec_seq(kws);
    return ex(c, e);
}

// Marks paren_inner's results (a comma list or generator without parentheses
// yet); the enclosing parentheses or the f-string field give the real span.
static const tpy_pos_t bare_pos = {0, 0, 0, 0};

tpy_ex_t tpy_ast_tuple_or_single(tpy_pctx_t *c, tpy_exlist_t items, bool comma)
{
    if (items.v.n == 1 && !comma) {
        tpy_ex_t x = {items.v.items[0], items.pos};
        return x;
    }
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_TUPLE, items.pos);
    e->u.seq.elts = tpy_vec_seq(items.v);
    e->u.seq.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_ex_t tpy_ast_slices(tpy_pctx_t *c, tpy_exlist_t items)
{
    tpy_expr_t *only = items.v.items[0];
    if (items.v.n == 1 && only->kind == EXPR_STARRED && only->pos.col == items.pos.col) {
        return tpy_ast_tuple_or_single(c, items, true);
    }
    return tpy_ast_tuple_or_single(c, items, false);
}

tpy_ex_t tpy_ast_paren_items(tpy_pctx_t *c, tpy_exlist_t items, bool comma)
{
    tpy_ex_t x = tpy_ast_tuple_or_single(c, items, comma);
    if (x.e->kind == EXPR_TUPLE && (items.v.n > 1 || comma)) {
        x.pos = bare_pos;
    }
    return x;
}

tpy_ex_t tpy_ast_bare_genexp(tpy_pctx_t *c, tpy_ex_t elt, tpy_vec_t gens)
{
    tpy_pos_t pos = tpy_pos_span(elt.pos, gens_end(gens, elt.pos));
    tpy_ex_t x = tpy_ast_comp(c, EXPR_GENEXP, elt, NULL, gens, pos);
    x.pos = bare_pos;
    return x;
}

static bool is_bare(tpy_ex_t x)
{
    return x.pos.lineno == 0;
}

tpy_ex_t tpy_ast_paren(tpy_pctx_t *c, tpy_token_t lpar, tpy_ex_t inner, tpy_token_t rpar)
{
    tpy_pos_t pos = tpy_pos_span(tpy_pos_tok(&lpar), tpy_pos_tok(&rpar));
    if (is_bare(inner)) {
        inner.e->pos = pos;
    } else if (inner.e->kind == EXPR_STARRED && !is_parenthesized(inner)) {
        tpy_ast_error(c, inner.e->pos, "cannot use starred expression here");
    }
    tpy_ex_t x = {inner.e, pos};
    c->last_ex = x;
    return x;
}

tpy_ex_t tpy_ast_unparen(tpy_pctx_t *c, tpy_ex_t inner)
{
    if (is_bare(inner)) {
        // CPython parses a field as "(" text ")" placed over the braces
        inner.e->pos = c->field_pos;
        inner.pos = inner.e->pos;
    } else if (inner.e->kind == EXPR_STARRED && !is_parenthesized(inner)) {
        tpy_ast_error(c, inner.e->pos, "cannot use starred expression here");
    }
    return inner;
}

tpy_ex_t tpy_ast_empty(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_token_t l, tpy_token_t r)
{
    tpy_expr_t *e = tpy_ast_expr(c, kind, tpy_pos_span(tpy_pos_tok(&l), tpy_pos_tok(&r)));
    e->u.seq.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_ex_t tpy_ast_display(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_token_t l, tpy_exlist_t items,
                         tpy_token_t r)
{
    tpy_expr_t *e = tpy_ast_expr(c, kind, tpy_pos_span(tpy_pos_tok(&l), tpy_pos_tok(&r)));
    e->u.seq.elts = tpy_vec_seq(items.v);
    e->u.seq.ctx = AST_LOAD;
    return ex(c, e);
}

tpy_ex_t tpy_ast_dict(tpy_pctx_t *c, tpy_token_t l, tpy_pairs_t *items, tpy_token_t r)
{
    tpy_expr_t *e = tpy_ast_expr(c, EXPR_DICT, tpy_pos_span(tpy_pos_tok(&l), tpy_pos_tok(&r)));
    e->u.dict.keys = tpy_vec_seq(items->a);
    e->u.dict.values = tpy_vec_seq(items->b);
    return ex(c, e);
}

static void check_async_comp(tpy_pctx_t *c, tpy_expr_kind_t kind);

tpy_ex_t tpy_ast_comp(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_ex_t elt, const tpy_ex_t *value,
                      tpy_vec_t gens, tpy_pos_t pos)
{
    check_async_comp(c, kind);
    tpy_expr_t *e = tpy_ast_expr(c, kind, pos);
    e->u.comp.elt = elt.e;
    e->u.comp.value = value != NULL ? value->e : NULL;
    e->u.comp.generators = tpy_vec_seq(gens);
    return ex(c, e);
}

tpy_ex_t tpy_ast_comp_star_error(tpy_pctx_t *c, tpy_ex_t star, const char *msg)
{
    tpy_ast_error(c, star.e != NULL ? star.e->pos : star.pos, "%s", msg);
    if (star.e == NULL) {
        star.e = tpy_ast_expr(c, EXPR_CONST, star.pos);
    }
    return star;
}

static void set_context(tpy_pctx_t *c, tpy_expr_t *e, tpy_ast_ctx_t ctx);
static bool check_store(tpy_pctx_t *c, tpy_ex_t target, bool del, bool top);

tpy_comprehension_t *tpy_ast_comprehension(tpy_pctx_t *c, tpy_ex_t target, tpy_ex_t iter)
{
    tpy_comprehension_t *g = tpy_ast_alloc(c, sizeof(*g));
    check_store(c, target, false, true);
    set_context(c, target.e, AST_STORE);
    g->target = target.e;
    g->iter = iter.e;
    return g;
}

void tpy_ast_comp_if(tpy_pctx_t *c, tpy_vec_t *gens, tpy_ex_t cond)
{
    tpy_comprehension_t *g = gens->items[gens->n - 1];
    tpy_vec_t ifs = {g->ifs.n, g->ifs.n, g->ifs.items};
    tpy_ast_push(c, &ifs, cond.e);
    g->ifs = tpy_vec_seq(ifs);
}

void tpy_ast_async_comp_error(tpy_pctx_t *c, tpy_token_t t)
{
    c->async_for = tpy_pos_tok(&t); // judged when the comprehension is built
}

// A comprehension with an `async for` clause.  Inside an async def it is
// fine for CPython, and the compiler rejects the whole async def anyway, so
// the tree need not say it was async.  Outside, a list/set/dict comprehension
// is CPython's error; an async generator expression is legal there, but tpy
// has no async generators, so it is an error too rather than a silent sync one.
static void check_async_comp(tpy_pctx_t *c, tpy_expr_kind_t kind)
{
    tpy_pos_t at = c->async_for;
    c->async_for.lineno = 0;
    if (at.lineno == 0 || c->in_async_def) {
        return;
    }
    if (kind == EXPR_GENEXP) {
        tpy_ast_error(c, at, "asynchronous generator expressions are not supported");
    } else {
        tpy_ast_error(c, at, "asynchronous comprehension outside of an asynchronous function");
    }
}

/* ---- targets ------------------------------------------------------------------- */

// The first part of [e] that cannot be assigned to (or deleted), or NULL.
static const tpy_expr_t *invalid_target(const tpy_expr_t *e, bool del)
{
    switch (e->kind) {
    case EXPR_NAME:
    case EXPR_ATTRIBUTE:
    case EXPR_SUBSCRIPT:
        return NULL;
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (intptr_t i = 0; i < e->u.seq.elts.n; i++) {
            const tpy_expr_t *bad = invalid_target(e->u.seq.elts.items[i], del);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    case EXPR_STARRED:
        return del ? e : invalid_target(e->u.starred.value, del);
    default:
        return e;
    }
}

static void set_context(tpy_pctx_t *c, tpy_expr_t *e, tpy_ast_ctx_t ctx)
{
    switch (e->kind) {
    case EXPR_NAME: e->u.name.ctx = ctx; break;
    case EXPR_ATTRIBUTE: e->u.attribute.ctx = ctx; break;
    case EXPR_SUBSCRIPT: e->u.subscript.ctx = ctx; break;
    case EXPR_STARRED:
        e->u.starred.ctx = ctx;
        set_context(c, e->u.starred.value, ctx);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        e->u.seq.ctx = ctx;
        for (intptr_t i = 0; i < e->u.seq.elts.n; i++) {
            set_context(c, e->u.seq.elts.items[i], ctx);
        }
        break;
    default: break;
    }
}

// Names that cannot be bound, and starred targets in the wrong place.
static bool check_names(tpy_pctx_t *c, const tpy_expr_t *e, bool del)
{
    if (e->kind == EXPR_NAME && strcmp(e->u.name.id, "__debug__") == 0) {
        tpy_ast_error(c, e->pos, "cannot %s __debug__", del ? "delete" : "assign to");
        return false;
    }
    if (e->kind == EXPR_TUPLE || e->kind == EXPR_LIST) {
        int stars = 0;
        for (intptr_t i = 0; i < e->u.seq.elts.n; i++) {
            const tpy_expr_t *x = e->u.seq.elts.items[i];
            if (x->kind == EXPR_STARRED) {
                stars++;
                if (!check_names(c, x->u.starred.value, del)) {
                    return false;
                }
            } else if (!check_names(c, x, del)) {
                return false;
            }
        }
        if (stars > 1 && !del) {
            tpy_ast_error(c, e->pos, "multiple starred expressions in assignment");
            return false;
        }
    }
    return true;
}

// Check an assignment (or, with [del], deletion) target; [top] says whether it
// is the whole target, where a lone starred expression is an error.
static bool check_store(tpy_pctx_t *c, tpy_ex_t target, bool del, bool top)
{
    const tpy_expr_t *bad = invalid_target(target.e, del);
    if (bad != NULL) {
        tpy_ast_error(c, bad->pos, "cannot %s %s", del ? "delete" : "assign to",
                      tpy_ast_expr_name(bad));
        return false;
    }
    if (top && !del && target.e->kind == EXPR_STARRED) {
        tpy_ast_error(c, target.e->pos, "starred assignment target must be in a list or tuple");
        return false;
    }
    return check_names(c, target.e, del);
}

/* ---- statements ------------------------------------------------------------------ */

tpy_stmt_t *tpy_ast_stmt(tpy_pctx_t *c, tpy_stmt_kind_t kind, tpy_pos_t pos)
{
    tpy_stmt_t *s = tpy_ast_alloc(c, sizeof(*s));
    s->kind = kind;
    s->pos = pos;
    return s;
}

tpy_exlist_t tpy_ast_block(tpy_pctx_t *c, tpy_vec_t stmts, const tpy_token_t *semi)
{
    (void)c;
    tpy_exlist_t b;
    b.v = stmts;
    b.pos = tpy_pos_span(((tpy_stmt_t *)stmts.items[0])->pos,
                         ((tpy_stmt_t *)stmts.items[stmts.n - 1])->pos);
    if (semi != NULL) {
        b.pos = tpy_pos_span(b.pos, tpy_pos_tok(semi));
    }
    return b;
}

tpy_exlist_t tpy_ast_block1(tpy_pctx_t *c, tpy_stmt_t *s)
{
    tpy_exlist_t b;
    b.v = tpy_ast_vec1(c, s);
    b.pos = s->pos;
    return b;
}

void tpy_ast_block_extend(tpy_pctx_t *c, tpy_exlist_t *block, tpy_exlist_t more)
{
    tpy_ast_extend(c, &block->v, more.v);
    block->pos = tpy_pos_span(block->pos, more.pos);
}

// [start] extended to the end of [block] (unless the block is empty).
static tpy_pos_t body_end(tpy_pos_t start, tpy_exlist_t block)
{
    return block.v.n == 0 ? start : tpy_pos_span(start, block.pos);
}

tpy_stmt_t *tpy_ast_expr_stmt(tpy_pctx_t *c, tpy_ex_t value)
{
    no_bare_star(c, value);
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_EXPR, value.pos);
    s->u.expr.value = value.e;
    return s;
}

// Is [x] what CPython's "cannot assign to %s here. Maybe you meant '=='..."
// rule matches: a bitwise-or-level expression that is not a display or
// True/None/False?
static bool maybe_comparison(tpy_ex_t x)
{
    const tpy_expr_t *e = x.e;
    if (e->kind == EXPR_TUPLE || e->kind == EXPR_LIST || e->kind == EXPR_GENEXP) {
        return false;
    }
    if (e->kind == EXPR_CONST && e->u.constant.kind != CONST_ELLIPSIS) {
        return false;
    }
    if (is_parenthesized(x)) {
        return true;
    }
    switch (e->kind) {
    case EXPR_COMPARE:
    case EXPR_BOOLOP:
    case EXPR_IFEXP:
    case EXPR_LAMBDA:
    case EXPR_STARRED:
    case EXPR_YIELD:
    case EXPR_YIELD_FROM:
    case EXPR_NAMEDEXPR:
        return false;
    case EXPR_UNARYOP:
        return e->u.unaryop.op != AST_NOT;
    default:
        return true;
    }
}

// Does the right-hand side start with a bitwise-or-level expression?
static bool value_starts_plain(const tpy_expr_t *v)
{
    if (v->kind == EXPR_TUPLE && v->u.seq.elts.n > 0) {
        v = v->u.seq.elts.items[0];
    }
    switch (v->kind) {
    case EXPR_YIELD:
    case EXPR_YIELD_FROM:
    case EXPR_LAMBDA:
    case EXPR_STARRED:
        return false;
    case EXPR_UNARYOP:
        return v->u.unaryop.op != AST_NOT;
    default:
        return true;
    }
}

tpy_exlist_t tpy_ast_chain(tpy_pctx_t *c, const tpy_exlist_t *chain, tpy_ex_t x)
{
    tpy_exlist_t l;
    tpy_ex_t *copy = tpy_ast_alloc(c, sizeof(*copy));
    *copy = x;
    if (chain == NULL) {
        memset(&l, 0, sizeof(l));
        l.pos = x.pos;
    } else {
        l = *chain;
        l.pos = tpy_pos_span(l.pos, x.pos);
    }
    tpy_ast_push(c, &l.v, copy);
    return l;
}

tpy_stmt_t *tpy_ast_assign(tpy_pctx_t *c, tpy_exlist_t chain)
{
    intptr_t n = chain.v.n;
    tpy_ex_t *value = chain.v.items[n - 1];
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_ASSIGN, chain.pos);
    tpy_vec_t targets = {0, 0, NULL};
    for (intptr_t i = 0; i < n - 1; i++) {
        tpy_ex_t *t = chain.v.items[i];
        if ((t->e->kind == EXPR_YIELD || t->e->kind == EXPR_YIELD_FROM) &&
            (!is_parenthesized(*t) || n > 2)) {
            tpy_ast_error(c, t->e->pos, "assignment to yield expression not possible");
            break;
        }
        const tpy_expr_t *bad = invalid_target(t->e, false);
        if (bad != NULL && n == 2 && maybe_comparison(*t) && value_starts_plain(value->e)) {
            tpy_ast_error(c, t->e->pos,
                          "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                          tpy_ast_expr_name(t->e));
            break;
        }
        if (!check_store(c, *t, false, true)) {
            break;
        }
        set_context(c, t->e, AST_STORE);
        tpy_ast_push(c, &targets, t->e);
    }
    no_bare_star(c, *value);
    s->u.assign.targets = tpy_vec_seq(targets);
    s->u.assign.value = value->e;
    return s;
}

tpy_stmt_t *tpy_ast_augassign(tpy_pctx_t *c, tpy_ex_t target, int op, tpy_ex_t value)
{
    tpy_expr_t *t = target.e;
    if (t->kind != EXPR_NAME && t->kind != EXPR_ATTRIBUTE && t->kind != EXPR_SUBSCRIPT) {
        tpy_ast_error(c, t->pos, "'%s' is an illegal expression for augmented assignment",
                      tpy_ast_expr_name(t));
    } else {
        check_names(c, t, false);
    }
    set_context(c, t, AST_STORE);
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_AUGASSIGN, tpy_pos_span(target.pos, value.pos));
    s->u.augassign.target = t;
    s->u.augassign.op = (tpy_ast_binop_t)op;
    s->u.augassign.value = value.e;
    return s;
}

tpy_stmt_t *tpy_ast_annassign(tpy_pctx_t *c, tpy_ex_t target, tpy_ex_t ann, const tpy_ex_t *value)
{
    tpy_expr_t *t = target.e;
    if (t->kind == EXPR_TUPLE || t->kind == EXPR_LIST) {
        tpy_pos_t where = t->pos;
        if (t->kind == EXPR_TUPLE && t->u.seq.elts.n > 0) {
            tpy_expr_t *first = t->u.seq.elts.items[0];
            if (first->pos.lineno == t->pos.lineno && first->pos.col == t->pos.col) {
                where = first->pos; // a bare a, b: the error names the first item
            }
        }
        tpy_ast_error(c, where, "only single target (not %s) can be annotated",
                      t->kind == EXPR_TUPLE ? "tuple" : "list");
    } else if (t->kind != EXPR_NAME && t->kind != EXPR_ATTRIBUTE && t->kind != EXPR_SUBSCRIPT) {
        tpy_ast_error(c, t->pos, "illegal target for annotation");
    } else {
        check_names(c, t, false);
    }
    set_context(c, t, AST_STORE);
    tpy_pos_t pos = tpy_pos_span(target.pos, value != NULL ? value->pos : ann.pos);
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_ANNASSIGN, pos);
    s->u.annassign.target = t;
    s->u.annassign.annotation = ann.e;
    s->u.annassign.value = value != NULL ? value->e : NULL;
    s->u.annassign.simple = t->kind == EXPR_NAME && !is_parenthesized(target);
    return s;
}

tpy_stmt_t *tpy_ast_del(tpy_pctx_t *c, tpy_token_t t, tpy_exlist_t targets)
{
    for (intptr_t i = 0; i < targets.v.n; i++) {
        tpy_expr_t *e = targets.v.items[i];
        tpy_ex_t x = {e, e->pos};
        if (!check_store(c, x, true, true)) {
            break;
        }
        set_context(c, e, AST_DEL);
    }
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_DEL, tpy_pos_span(tpy_pos_tok(&t), targets.pos));
    s->u.del.targets = tpy_vec_seq(targets.v);
    return s;
}

tpy_stmt_t *tpy_ast_return(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *value)
{
    tpy_pos_t pos = tpy_pos_tok(&t);
    if (value != NULL) {
        pos = tpy_pos_span(pos, value->pos);
        no_bare_star(c, *value);
    }
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_RETURN, pos);
    s->u.ret.value = value != NULL ? value->e : NULL;
    return s;
}

tpy_stmt_t *tpy_ast_raise(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *exc, const tpy_ex_t *cause)
{
    tpy_pos_t pos = tpy_pos_tok(&t);
    if (exc != NULL) {
        pos = tpy_pos_span(pos, exc->pos);
    }
    if (cause != NULL) {
        pos = tpy_pos_span(pos, cause->pos);
    }
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_RAISE, pos);
    s->u.raise.exc = exc != NULL ? exc->e : NULL;
    s->u.raise.cause = cause != NULL ? cause->e : NULL;
    return s;
}

tpy_exlist_t tpy_ast_namelist(tpy_pctx_t *c, const tpy_exlist_t *list, tpy_token_t name)
{
    tpy_exlist_t l;
    if (list == NULL) {
        memset(&l, 0, sizeof(l));
        l.pos = tpy_pos_tok(&name);
    } else {
        l = *list;
        l.pos = tpy_pos_span(l.pos, tpy_pos_tok(&name));
    }
    tpy_ast_push(c, &l.v, (void *)tok_str(c, &name));
    return l;
}

tpy_stmt_t *tpy_ast_global(tpy_pctx_t *c, tpy_stmt_kind_t kind, tpy_token_t t, tpy_exlist_t names)
{
    tpy_stmt_t *s = tpy_ast_stmt(c, kind, tpy_pos_span(tpy_pos_tok(&t), names.pos));
    s->u.global.names = tpy_vec_seq(names.v);
    return s;
}

tpy_stmt_t *tpy_ast_assert(tpy_pctx_t *c, tpy_token_t t, tpy_ex_t test, const tpy_ex_t *msg)
{
    tpy_pos_t pos = tpy_pos_span(tpy_pos_tok(&t), msg != NULL ? msg->pos : test.pos);
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_ASSERT, pos);
    s->u.assert_.test = test.e;
    s->u.assert_.msg = msg != NULL ? msg->e : NULL;
    return s;
}

tpy_alias_t *tpy_ast_alias(tpy_pctx_t *c, tpy_ex_t name, const tpy_token_t *asname)
{
    tpy_alias_t *a = tpy_ast_alloc(c, sizeof(*a));
    a->name = name.e->u.name.id;
    a->pos = name.pos;
    if (asname != NULL) {
        a->asname = tok_str(c, asname);
        a->pos = tpy_pos_span(a->pos, tpy_pos_tok(asname));
    }
    return a;
}

tpy_alias_t *tpy_ast_alias_star(tpy_pctx_t *c, tpy_token_t star)
{
    tpy_alias_t *a = tpy_ast_alloc(c, sizeof(*a));
    a->name = "*";
    a->pos = tpy_pos_tok(&star);
    return a;
}

tpy_exlist_t tpy_ast_import_targets(tpy_pctx_t *c, tpy_vec_t names, const tpy_token_t *close)
{
    (void)c;
    tpy_exlist_t l;
    l.v = names;
    if (close != NULL) {
        l.pos = tpy_pos_tok(close);
    } else {
        l.pos = ((tpy_alias_t *)names.items[names.n - 1])->pos;
    }
    return l;
}

tpy_stmt_t *tpy_ast_import(tpy_pctx_t *c, tpy_token_t t, tpy_vec_t names)
{
    tpy_pos_t end = ((tpy_alias_t *)names.items[names.n - 1])->pos;
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_IMPORT, tpy_pos_span(tpy_pos_tok(&t), end));
    s->u.import.names = tpy_vec_seq(names);
    return s;
}

tpy_stmt_t *tpy_ast_import_from(tpy_pctx_t *c, tpy_token_t t, tpy_expr_t *module, int level,
                                tpy_exlist_t names)
{
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_IMPORTFROM, tpy_pos_span(tpy_pos_tok(&t), names.pos));
    s->u.importfrom.module = module != NULL ? module->u.name.id : NULL;
    s->u.importfrom.names = tpy_vec_seq(names.v);
    s->u.importfrom.level = level;
    return s;
}

tpy_stmt_t *tpy_ast_if(tpy_pctx_t *c, tpy_stmt_kind_t kind, tpy_token_t t, tpy_ex_t test,
                       tpy_exlist_t body, tpy_exlist_t orelse)
{
    tpy_pos_t pos = body_end(tpy_pos_tok(&t), body);
    pos = body_end(pos, orelse);
    tpy_stmt_t *s = tpy_ast_stmt(c, kind, pos);
    if (kind == STMT_IF) {
        s->u.if_.test = test.e;
        s->u.if_.body = tpy_vec_seq(body.v);
        s->u.if_.orelse = tpy_vec_seq(orelse.v);
    } else {
        s->u.while_.test = test.e;
        s->u.while_.body = tpy_vec_seq(body.v);
        s->u.while_.orelse = tpy_vec_seq(orelse.v);
    }
    return s;
}

tpy_stmt_t *tpy_ast_for(tpy_pctx_t *c, tpy_token_t t, tpy_ex_t target, tpy_ex_t iter,
                        tpy_exlist_t body, tpy_exlist_t orelse)
{
    check_store(c, target, false, true);
    set_context(c, target.e, AST_STORE);
    no_bare_star(c, iter);
    tpy_pos_t pos = body_end(body_end(tpy_pos_tok(&t), body), orelse);
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_FOR, pos);
    s->u.for_.target = target.e;
    s->u.for_.iter = iter.e;
    s->u.for_.body = tpy_vec_seq(body.v);
    s->u.for_.orelse = tpy_vec_seq(orelse.v);
    return s;
}

tpy_stmt_t *tpy_ast_try(tpy_pctx_t *c, tpy_token_t t, tpy_exlist_t body, tpy_vec_t handlers,
                        tpy_exlist_t orelse, const tpy_exlist_t *finalbody)
{
    tpy_pos_t pos = body_end(tpy_pos_tok(&t), body);
    for (intptr_t i = 0; i < handlers.n; i++) {
        tpy_excepthandler_t *h = handlers.items[i];
        if (h->type == NULL && i + 1 < handlers.n) {
            tpy_ast_error(c, h->pos, "default 'except:' must be last");
        }
        pos = tpy_pos_span(pos, h->pos);
    }
    pos = body_end(pos, orelse);
    if (finalbody != NULL) {
        pos = body_end(pos, *finalbody);
    }
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_TRY, pos);
    s->u.try_.body = tpy_vec_seq(body.v);
    s->u.try_.handlers = tpy_vec_seq(handlers);
    s->u.try_.orelse = tpy_vec_seq(orelse.v);
    if (finalbody != NULL) {
        s->u.try_.finalbody = tpy_vec_seq(finalbody->v);
    }
    return s;
}

tpy_excepthandler_t *tpy_ast_handler(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *type,
                                     const tpy_token_t *name, tpy_exlist_t body)
{
    tpy_excepthandler_t *h = tpy_ast_alloc(c, sizeof(*h));
    h->type = type != NULL ? type->e : NULL;
    h->name = name != NULL ? tok_str(c, name) : NULL;
    h->body = tpy_vec_seq(body.v);
    h->pos = body_end(tpy_pos_tok(&t), body);
    return h;
}

tpy_stmt_t *tpy_ast_with(tpy_pctx_t *c, tpy_token_t t, tpy_vec_t items, tpy_exlist_t body)
{
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_WITH, body_end(tpy_pos_tok(&t), body));
    s->u.with.items = tpy_vec_seq(items);
    s->u.with.body = tpy_vec_seq(body.v);
    return s;
}

tpy_withitem_t *tpy_ast_withitem(tpy_pctx_t *c, tpy_ex_t ctx_expr, const tpy_ex_t *vars)
{
    tpy_withitem_t *w = tpy_ast_alloc(c, sizeof(*w));
    w->context_expr = ctx_expr.e;
    if (vars != NULL) {
        check_store(c, *vars, false, true);
        set_context(c, vars->e, AST_STORE);
        w->optional_vars = vars->e;
    }
    return w;
}

/* ---- parameters ------------------------------------------------------------------ */

tpy_keyword_t *tpy_ast_pname(tpy_pctx_t *c, tpy_token_t name, const tpy_ex_t *annotation)
{
    tpy_keyword_t *k = tpy_ast_alloc(c, sizeof(*k));
    k->arg = tok_str(c, &name);
    k->pos = tpy_pos_tok(&name);
    if (annotation != NULL) {
        k->value = annotation->e;
        k->pos = tpy_pos_span(k->pos, annotation->pos);
    }
    return k;
}

tpy_param_t *tpy_ast_param(tpy_pctx_t *c, tpy_param_kind_t kind, tpy_keyword_t *name,
                           const tpy_ex_t *dflt, const tpy_token_t *mark, const tpy_token_t *eq)
{
    tpy_param_t *p = tpy_ast_alloc(c, sizeof(*p));
    p->kind = kind;
    p->name = name;
    p->dflt = dflt != NULL ? dflt->e : NULL;
    if (mark != NULL) {
        p->mark = tpy_pos_tok(mark);
        p->pos = p->mark;
        if (name != NULL) {
            p->pos = tpy_pos_span(p->pos, name->pos);
        }
    } else {
        p->pos = name->pos;
    }
    if (eq != NULL) {
        p->mark = tpy_pos_tok(eq);
    }
    if (dflt != NULL) {
        p->pos = tpy_pos_span(p->pos, dflt->pos);
    }
    return p;
}

// Sort a checked parameter list into CPython's arguments shape.
static tpy_arguments_t *arguments(tpy_pctx_t *c, tpy_vec_t params)
{
    tpy_arguments_t *a = tpy_ast_alloc(c, sizeof(*a));
    tpy_vec_t posonly = {0, 0, NULL}, args = {0, 0, NULL}, kwonly = {0, 0, NULL};
    tpy_vec_t kwdefaults = {0, 0, NULL}, defaults = {0, 0, NULL};
    bool seen_slash = false, seen_star = false, seen_dstar = false, seen_default = false;
    for (intptr_t i = 0; i < params.n; i++) {
        tpy_param_t *p = params.items[i];
        if (seen_dstar) {
            tpy_ast_error(c, p->pos, "arguments cannot follow var-keyword argument");
            break;
        }
        if (p->name != NULL) {
            // duplicates are the compiler's message in CPython; cheap here
            for (intptr_t j = 0; j < i; j++) {
                tpy_param_t *q = params.items[j];
                if (q->name != NULL && strcmp(q->name->arg, p->name->arg) == 0) {
                    tpy_ast_error(c, p->name->pos, "duplicate argument '%s' in function definition",
                                  p->name->arg);
                }
            }
        }
        switch (p->kind) {
        case TPY_PARAM_SLASH:
            if (seen_slash) {
                tpy_ast_error(c, p->pos, "/ may appear only once");
            } else if (seen_star) {
                tpy_ast_error(c, p->pos, "/ must be ahead of *");
            } else if (args.n == 0) {
                tpy_ast_error(c, p->pos, "at least one argument must precede /");
            }
            seen_slash = true;
            posonly = args;
            memset(&args, 0, sizeof(args));
            break;
        case TPY_PARAM_STAR:
            if (seen_star) {
                tpy_ast_error(c, p->mark, "* argument may appear only once");
            } else if (p->dflt != NULL) {
                tpy_ast_error(c, p->mark, "var-positional argument cannot have default value");
            } else if (p->name == NULL) {
                tpy_param_t *next = i + 1 < params.n ? params.items[i + 1] : NULL;
                if (next == NULL || next->kind != TPY_PARAM_PLAIN) {
                    tpy_ast_error(c, p->pos, "named arguments must follow bare *");
                }
            }
            seen_star = true;
            a->vararg = p->name;
            break;
        case TPY_PARAM_DSTAR:
            if (p->dflt != NULL) {
                tpy_ast_error(c, p->mark, "var-keyword argument cannot have default value");
            }
            seen_dstar = true;
            a->kwarg = p->name;
            break;
        case TPY_PARAM_PLAIN:
            if (seen_star) {
                tpy_ast_push(c, &kwonly, p->name);
                tpy_ast_push(c, &kwdefaults, p->dflt);
            } else {
                if (p->dflt != NULL) {
                    seen_default = true;
                    tpy_ast_push(c, &defaults, p->dflt);
                } else if (seen_default) {
                    tpy_ast_error(c, p->pos, "non-default argument follows default argument");
                }
                tpy_ast_push(c, &args, p->name);
            }
            break;
        }
    }
    a->posonlyargs = tpy_vec_seq(posonly);
    a->args = tpy_vec_seq(args);
    a->kwonlyargs = tpy_vec_seq(kwonly);
    a->kw_defaults = tpy_vec_seq(kwdefaults);
    a->defaults = tpy_vec_seq(defaults);
    return a;
}

tpy_stmt_t *tpy_ast_funcdef(tpy_pctx_t *c, tpy_token_t t, tpy_token_t name, tpy_vec_t params,
                            tpy_expr_t *returns, tpy_exlist_t body)
{
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_FUNCTIONDEF, body_end(tpy_pos_tok(&t), body));
    s->u.funcdef.name = tok_str(c, &name);
    s->u.funcdef.args = arguments(c, params);
    s->u.funcdef.body = tpy_vec_seq(body.v);
    s->u.funcdef.returns = returns;
    return s;
}

tpy_stmt_t *tpy_ast_classdef(tpy_pctx_t *c, tpy_token_t t, tpy_token_t name,
                             const tpy_vec_t *args, tpy_exlist_t body)
{
    tpy_stmt_t *s = tpy_ast_stmt(c, STMT_CLASSDEF, body_end(tpy_pos_tok(&t), body));
    s->u.classdef.name = tok_str(c, &name);
    if (args != NULL) {
        for (intptr_t i = 0; i < args->n; i++) {
            tpy_argitem_t *a = args->items[i];
            if (a->bare_genexp) {
                tpy_ast_error(c, a->value->pos, "invalid syntax");
            }
        }
        tpy_vec_t bases = {0, 0, NULL}, kws = {0, 0, NULL};
        sort_args(c, *args, &bases, &kws);
        s->u.classdef.bases = tpy_vec_seq(bases);
        s->u.classdef.keywords = tpy_vec_seq(kws);
    }
    s->u.classdef.body = tpy_vec_seq(body.v);
    return s;
}

tpy_stmt_t *tpy_ast_decorate(tpy_pctx_t *c, tpy_vec_t decorators, tpy_stmt_t *def)
{
    (void)c;
    if (def->kind == STMT_FUNCTIONDEF) {
        def->u.funcdef.decorators = tpy_vec_seq(decorators);
    } else if (def->kind == STMT_CLASSDEF) {
        def->u.classdef.decorators = tpy_vec_seq(decorators);
    }
    return def;
}

tpy_stmt_t *tpy_ast_async(tpy_pctx_t *c, tpy_token_t t, const char *what, tpy_stmt_t *inner)
{
    return tpy_ast_unsupported(c, STMT_ASYNC, what, tpy_pos_span(tpy_pos_tok(&t), inner->pos));
}

tpy_stmt_t *tpy_ast_unsupported(tpy_pctx_t *c, tpy_stmt_kind_t kind, const char *what,
                                tpy_pos_t pos)
{
    tpy_stmt_t *s = tpy_ast_stmt(c, kind, pos);
    s->u.unsupported.what = what;
    return s;
}

/* ---- small shared helpers (declared in parser_int.h) --------------------------- */

bool tpy_vec_push(tpy_arena_t *a, tpy_vec_t *v, void *item)
{
    if (v->n == v->cap) {
        intptr_t cap = v->cap == 0 ? 4 : v->cap * 2;
        void **items = tpy_arena_alloc(a, (size_t)cap * sizeof(void *));
        if (items == NULL) {
            return false;
        }
        if (v->n > 0) {
            memcpy(items, v->items, (size_t)v->n * sizeof(void *));
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return true;
}

tpy_seq_t tpy_vec_seq(tpy_vec_t v)
{
    tpy_seq_t s = {v.n, v.items};
    return s;
}

tpy_pos_t tpy_pos_tok(const tpy_token_t *t)
{
    tpy_pos_t p = {t->lineno, t->col, t->end_lineno, t->end_col};
    return p;
}

tpy_pos_t tpy_pos_span(tpy_pos_t a, tpy_pos_t b)
{
    tpy_pos_t p = {a.lineno, a.col, b.end_lineno, b.end_col};
    return p;
}
