/*
 * grammar/ast_int.h - the builders parser.y's actions call (grammar/ast.c)
 * and the value types its nonterminals carry.
 *
 * Every builder allocates in ctx->arena and never returns NULL: when memory
 * runs out it records TPY_SYNERR_NOMEM and hands back a zeroed scratch block,
 * so actions need no checks (the driver stops feeding tokens after any
 * error).  Builders that find an error (an invalid assignment target, a
 * misordered parameter list, ...) record CPython's message with its position
 * and return a usable node all the same.
 */
#ifndef TPY_GRAMMAR_AST_INT_H
#define TPY_GRAMMAR_AST_INT_H

#include "grammar/parser_int.h"

/* A list of expressions with the span of its text (items' parentheses and
 * any trailing comma included). */
typedef struct {
    tpy_vec_t v;
    tpy_pos_t pos;
} tpy_exlist_t;

/* Comparison operators with their operands, or dict keys with values. */
typedef struct {
    tpy_vec_t a, b;
    tpy_pos_t pos;
} tpy_pairs_t;

/* A run of adjacent string tokens. */
typedef struct {
    tpy_strtok_t *first, *last;
} tpy_strrun_t;

typedef enum { TPY_PARAM_PLAIN, TPY_PARAM_STAR, TPY_PARAM_DSTAR, TPY_PARAM_SLASH } tpy_param_kind_t;

/* One item of a parameter list, before the list is checked and sorted into
 * a tpy_arguments_t. */
typedef struct {
    tpy_param_kind_t kind;
    tpy_keyword_t *name; // NULL for a bare * or /
    tpy_expr_t *dflt;
    tpy_pos_t pos;       // the whole item
    tpy_pos_t mark;      // the * / ** / '/' token, or the '=' when a default is present
} tpy_param_t;

typedef enum { TPY_ARG_POS, TPY_ARG_KW, TPY_ARG_DSTAR } tpy_arg_kind_t;

/* One item of a call's argument list. */
typedef struct {
    tpy_arg_kind_t kind;
    tpy_expr_t *value;
    const char *name;  // keyword name
    tpy_pos_t pos;
    bool bare_genexp;  // f(x for x in y): only allowed as the sole argument
} tpy_argitem_t;

/* ---- allocation, sequences, errors ------------------------------------------- */

void *tpy_ast_alloc(tpy_pctx_t *c, size_t size);
tpy_vec_t tpy_ast_vec1(tpy_pctx_t *c, void *item);
void tpy_ast_push(tpy_pctx_t *c, tpy_vec_t *v, void *item);
void tpy_ast_extend(tpy_pctx_t *c, tpy_vec_t *v, tpy_vec_t more);
tpy_exlist_t tpy_ast_exlist1(tpy_pctx_t *c, tpy_ex_t a);
tpy_exlist_t tpy_ast_exlist2(tpy_pctx_t *c, tpy_ex_t a, tpy_ex_t b);
void tpy_ast_exlist_push(tpy_pctx_t *c, tpy_exlist_t *l, tpy_ex_t x);
tpy_pairs_t *tpy_ast_pairs_new(tpy_pctx_t *c);
void tpy_ast_pairs_push(tpy_pctx_t *c, tpy_pairs_t *p, int op, tpy_ex_t x);
void tpy_ast_dict_push(tpy_pctx_t *c, tpy_pairs_t *p, const tpy_ex_t *key, tpy_ex_t value);
// Record a SyntaxError spanning [pos] (first error wins).
void tpy_ast_error(tpy_pctx_t *c, tpy_pos_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// CPython's name for what an expression is ("literal", "function call", ...).
const char *tpy_ast_expr_name(const tpy_expr_t *e);

/* ---- modules ------------------------------------------------------------------- */

void tpy_ast_module(tpy_pctx_t *c, tpy_vec_t body);
void tpy_ast_module_expr(tpy_pctx_t *c, tpy_expr_t *e);

/* ---- expressions --------------------------------------------------------------- */

tpy_expr_t *tpy_ast_expr(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_pos_t pos);
tpy_ex_t tpy_ast_name(tpy_pctx_t *c, tpy_token_t t);
tpy_ex_t tpy_ast_dotted(tpy_pctx_t *c, tpy_ex_t left, tpy_token_t t);
tpy_ex_t tpy_ast_number(tpy_pctx_t *c, tpy_token_t t);
tpy_ex_t tpy_ast_const(tpy_pctx_t *c, tpy_token_t t, tpy_const_kind_t kind);
tpy_strrun_t tpy_ast_strrun(tpy_pctx_t *c, const tpy_strrun_t *run, tpy_token_t t);
tpy_ex_t tpy_ast_strings(tpy_pctx_t *c, tpy_strrun_t run);
tpy_ex_t tpy_ast_binop(tpy_pctx_t *c, tpy_ex_t l, tpy_ast_binop_t op, tpy_ex_t r);
tpy_ex_t tpy_ast_unop(tpy_pctx_t *c, tpy_token_t t, tpy_ast_unop_t op, tpy_ex_t x);
tpy_ex_t tpy_ast_boolop(tpy_pctx_t *c, tpy_ast_boolop_t op, tpy_exlist_t values);
tpy_ex_t tpy_ast_compare(tpy_pctx_t *c, tpy_ex_t left, tpy_pairs_t *rest);
tpy_ex_t tpy_ast_ifexp(tpy_pctx_t *c, tpy_ex_t body, tpy_ex_t test, tpy_ex_t orelse);
tpy_ex_t tpy_ast_lambda(tpy_pctx_t *c, tpy_token_t t, tpy_vec_t params, tpy_ex_t body);
tpy_ex_t tpy_ast_named(tpy_pctx_t *c, tpy_ex_t target, tpy_ex_t value);
tpy_ex_t tpy_ast_await(tpy_pctx_t *c, tpy_token_t t, tpy_ex_t x);
tpy_ex_t tpy_ast_yield(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *value, bool from);
tpy_ex_t tpy_ast_attribute(tpy_pctx_t *c, tpy_ex_t value, tpy_token_t name);
tpy_ex_t tpy_ast_subscript(tpy_pctx_t *c, tpy_ex_t value, tpy_ex_t slice, tpy_token_t rsqb);
tpy_ex_t tpy_ast_slice(tpy_pctx_t *c, tpy_ex_t lower, tpy_token_t colon1, tpy_ex_t upper,
                       const tpy_token_t *colon2, const tpy_ex_t *step);
tpy_ex_t tpy_ast_call(tpy_pctx_t *c, tpy_ex_t func, tpy_vec_t args, tpy_token_t lpar,
                      tpy_token_t rpar);
tpy_argitem_t *tpy_ast_arg(tpy_pctx_t *c, tpy_arg_kind_t kind, tpy_ex_t value,
                           const tpy_ex_t *key, const tpy_token_t *eq);
tpy_ex_t tpy_ast_starred(tpy_pctx_t *c, tpy_token_t star, tpy_ex_t value);
// A bare comma list: one item stays itself, otherwise (or with [comma]) a tuple.
tpy_ex_t tpy_ast_tuple_or_single(tpy_pctx_t *c, tpy_exlist_t items, bool comma);
// A subscript's slices: a lone *x is a tuple of one (a[*b], PEP 646).
tpy_ex_t tpy_ast_slices(tpy_pctx_t *c, tpy_exlist_t items);
// The same inside parentheses, where the parentheses will give the span.
tpy_ex_t tpy_ast_paren_items(tpy_pctx_t *c, tpy_exlist_t items, bool comma);
tpy_ex_t tpy_ast_bare_genexp(tpy_pctx_t *c, tpy_ex_t elt, tpy_vec_t gens);
tpy_ex_t tpy_ast_paren(tpy_pctx_t *c, tpy_token_t lpar, tpy_ex_t inner, tpy_token_t rpar);
// paren_inner's result without parentheses (an f-string field).
tpy_ex_t tpy_ast_unparen(tpy_pctx_t *c, tpy_ex_t inner);
tpy_ex_t tpy_ast_empty(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_token_t l, tpy_token_t r);
tpy_ex_t tpy_ast_display(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_token_t l, tpy_exlist_t items,
                         tpy_token_t r);
tpy_ex_t tpy_ast_dict(tpy_pctx_t *c, tpy_token_t l, tpy_pairs_t *items, tpy_token_t r);
tpy_ex_t tpy_ast_comp(tpy_pctx_t *c, tpy_expr_kind_t kind, tpy_ex_t elt, const tpy_ex_t *value,
                      tpy_vec_t gens, tpy_pos_t pos);
tpy_ex_t tpy_ast_comp_star_error(tpy_pctx_t *c, tpy_ex_t star, const char *msg);
tpy_comprehension_t *tpy_ast_comprehension(tpy_pctx_t *c, tpy_ex_t target, tpy_ex_t iter);
void tpy_ast_comp_if(tpy_pctx_t *c, tpy_vec_t *gens, tpy_ex_t cond);
// An `async for` clause [t]: checked when its comprehension is built.
void tpy_ast_async_comp_error(tpy_pctx_t *c, tpy_token_t t);

/* ---- statements ------------------------------------------------------------------ */

tpy_stmt_t *tpy_ast_stmt(tpy_pctx_t *c, tpy_stmt_kind_t kind, tpy_pos_t pos);
tpy_stmt_t *tpy_ast_expr_stmt(tpy_pctx_t *c, tpy_ex_t value);
// A chain a = b = value: items are arena copies of each tpy_ex_t.
tpy_exlist_t tpy_ast_chain(tpy_pctx_t *c, const tpy_exlist_t *chain, tpy_ex_t x);
tpy_stmt_t *tpy_ast_assign(tpy_pctx_t *c, tpy_exlist_t chain);
tpy_stmt_t *tpy_ast_augassign(tpy_pctx_t *c, tpy_ex_t target, int op, tpy_ex_t value);
tpy_stmt_t *tpy_ast_annassign(tpy_pctx_t *c, tpy_ex_t target, tpy_ex_t ann, const tpy_ex_t *value);
tpy_stmt_t *tpy_ast_del(tpy_pctx_t *c, tpy_token_t t, tpy_exlist_t targets);
tpy_stmt_t *tpy_ast_return(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *value);
tpy_stmt_t *tpy_ast_raise(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *exc, const tpy_ex_t *cause);
tpy_exlist_t tpy_ast_namelist(tpy_pctx_t *c, const tpy_exlist_t *list, tpy_token_t name);
tpy_stmt_t *tpy_ast_global(tpy_pctx_t *c, tpy_stmt_kind_t kind, tpy_token_t t, tpy_exlist_t names);
tpy_stmt_t *tpy_ast_assert(tpy_pctx_t *c, tpy_token_t t, tpy_ex_t test, const tpy_ex_t *msg);
tpy_alias_t *tpy_ast_alias(tpy_pctx_t *c, tpy_ex_t name, const tpy_token_t *asname);
tpy_alias_t *tpy_ast_alias_star(tpy_pctx_t *c, tpy_token_t star);
tpy_exlist_t tpy_ast_import_targets(tpy_pctx_t *c, tpy_vec_t names, const tpy_token_t *close);
tpy_stmt_t *tpy_ast_import(tpy_pctx_t *c, tpy_token_t t, tpy_vec_t names);
tpy_stmt_t *tpy_ast_import_from(tpy_pctx_t *c, tpy_token_t t, tpy_expr_t *module, int level,
                                tpy_exlist_t names);
/* Blocks are statement lists with the span of their text (tpy_exlist_t):
 * a block ends at its last token, a trailing ';' included (CPython). */
tpy_exlist_t tpy_ast_block(tpy_pctx_t *c, tpy_vec_t stmts, const tpy_token_t *semi);
tpy_exlist_t tpy_ast_block1(tpy_pctx_t *c, tpy_stmt_t *s);
void tpy_ast_block_extend(tpy_pctx_t *c, tpy_exlist_t *block, tpy_exlist_t more);
tpy_stmt_t *tpy_ast_if(tpy_pctx_t *c, tpy_stmt_kind_t kind, tpy_token_t t, tpy_ex_t test,
                       tpy_exlist_t body, tpy_exlist_t orelse);
tpy_stmt_t *tpy_ast_for(tpy_pctx_t *c, tpy_token_t t, tpy_ex_t target, tpy_ex_t iter,
                        tpy_exlist_t body, tpy_exlist_t orelse);
tpy_stmt_t *tpy_ast_try(tpy_pctx_t *c, tpy_token_t t, tpy_exlist_t body, tpy_vec_t handlers,
                        tpy_exlist_t orelse, const tpy_exlist_t *finalbody);
tpy_excepthandler_t *tpy_ast_handler(tpy_pctx_t *c, tpy_token_t t, const tpy_ex_t *type,
                                     const tpy_token_t *name, tpy_exlist_t body);
tpy_stmt_t *tpy_ast_with(tpy_pctx_t *c, tpy_token_t t, tpy_vec_t items, tpy_exlist_t body);
tpy_withitem_t *tpy_ast_withitem(tpy_pctx_t *c, tpy_ex_t ctx_expr, const tpy_ex_t *vars);
tpy_param_t *tpy_ast_param(tpy_pctx_t *c, tpy_param_kind_t kind, tpy_keyword_t *name,
                           const tpy_ex_t *dflt, const tpy_token_t *mark, const tpy_token_t *eq);
tpy_keyword_t *tpy_ast_pname(tpy_pctx_t *c, tpy_token_t name, const tpy_ex_t *annotation);
tpy_stmt_t *tpy_ast_funcdef(tpy_pctx_t *c, tpy_token_t t, tpy_token_t name, tpy_vec_t params,
                            tpy_expr_t *returns, tpy_exlist_t body);
tpy_stmt_t *tpy_ast_classdef(tpy_pctx_t *c, tpy_token_t t, tpy_token_t name,
                             const tpy_vec_t *args, tpy_exlist_t body);
tpy_stmt_t *tpy_ast_decorate(tpy_pctx_t *c, tpy_vec_t decorators, tpy_stmt_t *def);
tpy_stmt_t *tpy_ast_async(tpy_pctx_t *c, tpy_token_t t, const char *what, tpy_stmt_t *inner);
tpy_stmt_t *tpy_ast_unsupported(tpy_pctx_t *c, tpy_stmt_kind_t kind, const char *what,
                                tpy_pos_t pos);

/* ---- error reporting (driver.c) -------------------------------------------------- */

// %syntax_error: word the error for the token being fed (ctx->cur).
void tpy_parse_syntax_error(tpy_pctx_t *c, void *parser);
// %stack_overflow.
void tpy_parse_stack_overflow(tpy_pctx_t *c);

#endif
