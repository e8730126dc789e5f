/*
 * grammar/parser.y - Python 3.11's grammar as an LALR(1) grammar for lemon.
 *
 * CPython's grammar is PEG; this one is the classic stratified form (the
 * Python 2/3.8 Grammar file's shape) that LALR(1) can take: one nonterminal
 * per precedence level, so precedence and associativity come from the rules
 * themselves (** is right-associative and binds tighter than a unary minus on
 * its left; comparisons chain; not binds looser than comparisons).
 * Assignment targets, parameter lists and call arguments are parsed in a
 * permissive shape and checked by the builders in ast.c, which raise
 * CPython's messages ("cannot assign to literal ...", "non-default argument
 * follows default argument", ...).
 *
 * Values: tokens by value (tpy_token_t pointing into the lexer's buffer),
 * every node in the arena, so no destructors.  Expression nonterminals carry a
 * tpy_ex_t: the node plus the span of its text including any parentheses
 * around it, since CPython positions an enclosing node from the parentheses
 * ((a) + b starts at column 0) while the node itself excludes them.
 *
 * The driver (driver.c) first feeds one of MODE_FILE / MODE_SINGLE / MODE_EVAL
 * / MODE_FIELD to pick the start rule, then the tokens, then 0 for the end.
 */

%name tpy_parser
%token_prefix TK_
%token_type {tpy_token_t}
%extra_context {tpy_pctx_t *ctx}
%stack_size 5000
%start_symbol start

%include {
#include "grammar/parser_int.h"
#include "grammar/ast_int.h"
#include <stdlib.h>
#include <string.h>

#define C ctx
#define P(t) tpy_pos_tok(&(t))
#define SPAN(a, b) tpy_pos_span((a), (b))
}

%syntax_error {
    (void)yymajor;
    tpy_parse_syntax_error(ctx, yypParser);
}

%stack_overflow {
    tpy_parse_stack_overflow(ctx);
}

/* Tokens that only the lexer or the driver produce, declared here so that
 * they get numbers in build/gen/parser.h. */
%token MODE_FILE MODE_SINGLE MODE_EVAL MODE_FIELD ERRORTOKEN MATCH WITH_LPAR.
%token INDENT DEDENT NEWLINE.

%type start {int}
%type stmts {tpy_exlist_t}
%type stmt {tpy_exlist_t}
%type simple_stmt_line {tpy_exlist_t}
%type small_stmts {tpy_vec_t}
%type small_stmt {tpy_stmt_t *}
%type compound_stmt {tpy_stmt_t *}
%type suite {tpy_exlist_t}
%type file_input {tpy_exlist_t}
%type single_input {tpy_exlist_t}

%type expr_stmt {tpy_stmt_t *}
%type assign_chain {tpy_exlist_t}
%type rhs {tpy_ex_t}
%type augop {int}
%type del_stmt {tpy_stmt_t *}
%type flow_stmt {tpy_stmt_t *}
%type import_stmt {tpy_stmt_t *}
%type global_stmt {tpy_stmt_t *}
%type assert_stmt {tpy_stmt_t *}
%type name_list {tpy_exlist_t}
%type dotted_name {tpy_ex_t}
%type dotted_as_name {tpy_alias_t *}
%type dotted_as_names {tpy_vec_t}
%type import_as_name {tpy_alias_t *}
%type import_as_names {tpy_vec_t}
%type dots {int}
%type import_targets {tpy_exlist_t}

%type if_stmt {tpy_stmt_t *}
%type if_tail {tpy_exlist_t}
%type else_opt {tpy_exlist_t}
%type while_stmt {tpy_stmt_t *}
%type for_stmt {tpy_stmt_t *}
%type try_stmt {tpy_stmt_t *}
%type handlers {tpy_vec_t}
%type handler {tpy_excepthandler_t *}
%type with_stmt {tpy_stmt_t *}
%type with_items {tpy_vec_t}
%type with_item {tpy_withitem_t *}
%type funcdef {tpy_stmt_t *}
%type classdef {tpy_stmt_t *}
%type decorated {tpy_stmt_t *}
%type decorators {tpy_vec_t}
%type decorator {tpy_expr_t *}
%type async_stmt {tpy_stmt_t *}
%type ret_opt {tpy_ex_t}

%type parameters {tpy_vec_t}
%type plist {tpy_vec_t}
%type param {tpy_param_t *}
%type pname {tpy_keyword_t *}
%type lparameters {tpy_vec_t}
%type lplist {tpy_vec_t}
%type lparam {tpy_param_t *}
%type lpname {tpy_keyword_t *}

%type test {tpy_ex_t}
%type named {tpy_ex_t}
%type or_test {tpy_ex_t}
%type or_chain {tpy_exlist_t}
%type and_test {tpy_ex_t}
%type and_chain {tpy_exlist_t}
%type not_test {tpy_ex_t}
%type comparison {tpy_ex_t}
%type comp_chain {tpy_pairs_t *}
%type comp_op {int}
%type bitor {tpy_ex_t}
%type bitxor {tpy_ex_t}
%type bitand {tpy_ex_t}
%type shift {tpy_ex_t}
%type arith {tpy_ex_t}
%type term {tpy_ex_t}
%type factor {tpy_ex_t}
%type power {tpy_ex_t}
%type await_primary {tpy_ex_t}
%type primary {tpy_ex_t}
%type atom {tpy_ex_t}
%type strings {tpy_strrun_t}
%type star_expr {tpy_ex_t}
%type star_named {tpy_ex_t}
%type elist {tpy_exlist_t}
%type paren_inner {tpy_ex_t}
%type tlist {tpy_ex_t}
%type titems {tpy_exlist_t}
%type titem {tpy_ex_t}
%type exprlist {tpy_ex_t}
%type xitems {tpy_exlist_t}
%type xitem {tpy_ex_t}
%type lambdef {tpy_ex_t}
%type yield_expr {tpy_ex_t}
%type dict_items {tpy_pairs_t *}
%type comp_for {tpy_vec_t}
%type comp_clause {tpy_comprehension_t *}
%type arglist {tpy_vec_t}
%type argument {tpy_argitem_t *}
%type call_args {tpy_vec_t}
%type slices {tpy_ex_t}
%type slice_items {tpy_exlist_t}
%type slice_item {tpy_ex_t}
%type opt_test {tpy_ex_t}
%type exprs {tpy_ex_t}
%type eitems {tpy_exlist_t}

/* ---- start ------------------------------------------------------------------- */

start ::= MODE_FILE file_input(B). { tpy_ast_module(C, B.v); }
start ::= MODE_SINGLE single_input(B). { tpy_ast_module(C, B.v); }
start ::= MODE_EVAL exprs(B) newlines_opt. { tpy_ast_module_expr(C, B.e); }
start ::= MODE_FIELD paren_inner(B). { tpy_ast_module_expr(C, tpy_ast_unparen(C, B).e); }

file_input(A) ::= . { memset(&A, 0, sizeof(A)); }
file_input(A) ::= stmts(B). { A = B; }

single_input(A) ::= NEWLINE. { memset(&A, 0, sizeof(A)); }
single_input(A) ::= simple_stmt_line(B). { A = B; }
single_input(A) ::= compound_stmt(B) NEWLINE. { A = tpy_ast_block1(C, B); }

newlines_opt ::= .
newlines_opt ::= newlines_opt NEWLINE.

stmts(A) ::= stmt(B). { A = B; }
stmts(A) ::= stmts(B) stmt(D). { A = B; tpy_ast_block_extend(C, &A, D); }

stmt(A) ::= simple_stmt_line(B). { A = B; }
stmt(A) ::= compound_stmt(B). { A = tpy_ast_block1(C, B); }

simple_stmt_line(A) ::= small_stmts(B) NEWLINE. { A = tpy_ast_block(C, B, NULL); }
/* CPython ends the block (and so an enclosing statement) at the ';' */
simple_stmt_line(A) ::= small_stmts(B) SEMI(T) NEWLINE. { A = tpy_ast_block(C, B, &T); }

small_stmts(A) ::= small_stmt(B). { A = tpy_ast_vec1(C, B); }
small_stmts(A) ::= small_stmts(B) SEMI small_stmt(D). { A = B; tpy_ast_push(C, &A, D); }

small_stmt(A) ::= expr_stmt(B). { A = B; }
small_stmt(A) ::= del_stmt(B). { A = B; }
small_stmt(A) ::= PASS(T). { A = tpy_ast_stmt(C, STMT_PASS, P(T)); }
small_stmt(A) ::= flow_stmt(B). { A = B; }
small_stmt(A) ::= import_stmt(B). { A = B; }
small_stmt(A) ::= global_stmt(B). { A = B; }
small_stmt(A) ::= assert_stmt(B). { A = B; }

/* ---- expression statements and assignments ---------------------------------- */

expr_stmt(A) ::= tlist(B). { A = tpy_ast_expr_stmt(C, B); }
expr_stmt(A) ::= yield_expr(B). { A = tpy_ast_expr_stmt(C, B); }
expr_stmt(A) ::= assign_chain(B). { A = tpy_ast_assign(C, B); }
expr_stmt(A) ::= tlist(B) augop(O) rhs(D). { A = tpy_ast_augassign(C, B, O, D); }
expr_stmt(A) ::= tlist(B) COLON test(D). { A = tpy_ast_annassign(C, B, D, NULL); }
expr_stmt(A) ::= tlist(B) COLON test(D) EQUAL rhs(E). { A = tpy_ast_annassign(C, B, D, &E); }

assign_chain(A) ::= tlist(B) EQUAL rhs(D). {
    A = tpy_ast_chain(C, NULL, B);
    A = tpy_ast_chain(C, &A, D);
}
assign_chain(A) ::= yield_expr(B) EQUAL rhs(D). {
    A = tpy_ast_chain(C, NULL, B);
    A = tpy_ast_chain(C, &A, D);
}
assign_chain(A) ::= assign_chain(B) EQUAL rhs(D). { A = tpy_ast_chain(C, &B, D); }

rhs(A) ::= tlist(B). { A = B; }
rhs(A) ::= yield_expr(B). { A = B; }

augop(A) ::= PLUSEQUAL. { A = AST_ADD; }
augop(A) ::= MINEQUAL. { A = AST_SUB; }
augop(A) ::= STAREQUAL. { A = AST_MUL; }
augop(A) ::= SLASHEQUAL. { A = AST_DIV; }
augop(A) ::= DOUBLESLASHEQUAL. { A = AST_FLOORDIV; }
augop(A) ::= PERCENTEQUAL. { A = AST_MOD; }
augop(A) ::= DOUBLESTAREQUAL. { A = AST_POW; }
augop(A) ::= LEFTSHIFTEQUAL. { A = AST_LSHIFT; }
augop(A) ::= RIGHTSHIFTEQUAL. { A = AST_RSHIFT; }
augop(A) ::= AMPEREQUAL. { A = AST_BITAND; }
augop(A) ::= VBAREQUAL. { A = AST_BITOR; }
augop(A) ::= CIRCUMFLEXEQUAL. { A = AST_BITXOR; }
augop(A) ::= ATEQUAL. { A = AST_MATMUL; }

/* A statement-level expression list: test or *expr items, a tuple when a
 * comma is present. */
tlist(A) ::= titems(B). { A = tpy_ast_tuple_or_single(C, B, false); }
tlist(A) ::= titems(B) COMMA(T). {
    B.pos = SPAN(B.pos, P(T));
    A = tpy_ast_tuple_or_single(C, B, true);
}
titems(A) ::= titem(B). { A = tpy_ast_exlist1(C, B); }
titems(A) ::= titems(B) COMMA titem(D). { A = B; tpy_ast_exlist_push(C, &A, D); }
titem(A) ::= test(B). { A = B; }
titem(A) ::= star_expr(B). { A = B; }

/* Targets of for/del/comprehensions: bitwise-or level (so `in` is not eaten). */
exprlist(A) ::= xitems(B). { A = tpy_ast_tuple_or_single(C, B, false); }
exprlist(A) ::= xitems(B) COMMA(T). {
    B.pos = SPAN(B.pos, P(T));
    A = tpy_ast_tuple_or_single(C, B, true);
}
xitems(A) ::= xitem(B). { A = tpy_ast_exlist1(C, B); }
xitems(A) ::= xitems(B) COMMA xitem(D). { A = B; tpy_ast_exlist_push(C, &A, D); }
xitem(A) ::= bitor(B). { A = B; }
xitem(A) ::= star_expr(B). { A = B; }

/* EVAL mode: expressions, no stars. */
exprs(A) ::= eitems(B). { A = tpy_ast_tuple_or_single(C, B, false); }
exprs(A) ::= eitems(B) COMMA(T). {
    B.pos = SPAN(B.pos, P(T));
    A = tpy_ast_tuple_or_single(C, B, true);
}
eitems(A) ::= test(B). { A = tpy_ast_exlist1(C, B); }
eitems(A) ::= eitems(B) COMMA test(D). { A = B; tpy_ast_exlist_push(C, &A, D); }

/* ---- simple statements ------------------------------------------------------ */

del_stmt(A) ::= DEL(T) xitems(B). { A = tpy_ast_del(C, T, B); }
del_stmt(A) ::= DEL(T) xitems(B) COMMA(U). { B.pos = SPAN(B.pos, P(U)); A = tpy_ast_del(C, T, B); }

flow_stmt(A) ::= BREAK(T). { A = tpy_ast_stmt(C, STMT_BREAK, P(T)); }
flow_stmt(A) ::= CONTINUE(T). { A = tpy_ast_stmt(C, STMT_CONTINUE, P(T)); }
flow_stmt(A) ::= RETURN(T). { A = tpy_ast_return(C, T, NULL); }
flow_stmt(A) ::= RETURN(T) tlist(B). { A = tpy_ast_return(C, T, &B); }
flow_stmt(A) ::= RAISE(T). { A = tpy_ast_raise(C, T, NULL, NULL); }
flow_stmt(A) ::= RAISE(T) test(B). { A = tpy_ast_raise(C, T, &B, NULL); }
flow_stmt(A) ::= RAISE(T) test(B) FROM test(D). { A = tpy_ast_raise(C, T, &B, &D); }

global_stmt(A) ::= GLOBAL(T) name_list(B). { A = tpy_ast_global(C, STMT_GLOBAL, T, B); }
global_stmt(A) ::= NONLOCAL(T) name_list(B). { A = tpy_ast_global(C, STMT_NONLOCAL, T, B); }
name_list(A) ::= NAME(T). { A = tpy_ast_namelist(C, NULL, T); }
name_list(A) ::= name_list(B) COMMA NAME(T). { A = tpy_ast_namelist(C, &B, T); }

assert_stmt(A) ::= ASSERT(T) test(B). { A = tpy_ast_assert(C, T, B, NULL); }
assert_stmt(A) ::= ASSERT(T) test(B) COMMA test(D). { A = tpy_ast_assert(C, T, B, &D); }

import_stmt(A) ::= IMPORT(T) dotted_as_names(B). { A = tpy_ast_import(C, T, B); }
import_stmt(A) ::= FROM(T) dotted_name(M) IMPORT import_targets(B). {
    A = tpy_ast_import_from(C, T, M.e, 0, B);
}
import_stmt(A) ::= FROM(T) dots(L) dotted_name(M) IMPORT import_targets(B). {
    A = tpy_ast_import_from(C, T, M.e, L, B);
}
import_stmt(A) ::= FROM(T) dots(L) IMPORT import_targets(B). {
    A = tpy_ast_import_from(C, T, NULL, L, B);
}
dots(A) ::= DOT. { A = 1; }
dots(A) ::= ELLIPSIS. { A = 3; }
dots(A) ::= dots(B) DOT. { A = B + 1; }
dots(A) ::= dots(B) ELLIPSIS. { A = B + 3; }

/* A dotted name is carried as an EXPR_NAME whose id is the joined text. */
dotted_name(A) ::= NAME(T). { A = tpy_ast_name(C, T); }
dotted_name(A) ::= dotted_name(B) DOT NAME(T). { A = tpy_ast_dotted(C, B, T); }
dotted_as_name(A) ::= dotted_name(B). { A = tpy_ast_alias(C, B, NULL); }
dotted_as_name(A) ::= dotted_name(B) AS NAME(T). { A = tpy_ast_alias(C, B, &T); }
dotted_as_names(A) ::= dotted_as_name(B). { A = tpy_ast_vec1(C, B); }
dotted_as_names(A) ::= dotted_as_names(B) COMMA dotted_as_name(D). {
    A = B;
    tpy_ast_push(C, &A, D);
}

import_as_name(A) ::= NAME(T). { A = tpy_ast_alias(C, tpy_ast_name(C, T), NULL); }
import_as_name(A) ::= NAME(T) AS NAME(U). { A = tpy_ast_alias(C, tpy_ast_name(C, T), &U); }
import_as_names(A) ::= import_as_name(B). { A = tpy_ast_vec1(C, B); }
import_as_names(A) ::= import_as_names(B) COMMA import_as_name(D). {
    A = B;
    tpy_ast_push(C, &A, D);
}
import_targets(A) ::= STAR(T). {
    A = tpy_ast_import_targets(C, tpy_ast_vec1(C, tpy_ast_alias_star(C, T)), &T);
}
import_targets(A) ::= LPAR import_as_names(B) RPAR(R). { A = tpy_ast_import_targets(C, B, &R); }
import_targets(A) ::= LPAR import_as_names(B) COMMA RPAR(R). {
    A = tpy_ast_import_targets(C, B, &R);
}
import_targets(A) ::= import_as_names(B). { A = tpy_ast_import_targets(C, B, NULL); }

/* ---- compound statements ----------------------------------------------------- */

compound_stmt(A) ::= if_stmt(B). { A = B; }
compound_stmt(A) ::= while_stmt(B). { A = B; }
compound_stmt(A) ::= for_stmt(B). { A = B; }
compound_stmt(A) ::= try_stmt(B). { A = B; }
compound_stmt(A) ::= with_stmt(B). { A = B; }
compound_stmt(A) ::= funcdef(B). { A = B; }
compound_stmt(A) ::= classdef(B). { A = B; }
compound_stmt(A) ::= decorated(B). { A = B; }
compound_stmt(A) ::= async_stmt(B). { A = B; }
compound_stmt(A) ::= MATCH(T). { A = tpy_ast_unsupported(C, STMT_MATCH, "match", P(T)); }

suite(A) ::= simple_stmt_line(B). { A = B; }
suite(A) ::= NEWLINE INDENT stmts(B) DEDENT. { A = B; }

if_stmt(A) ::= IF(T) named(B) COLON suite(D) if_tail(E). { A = tpy_ast_if(C, STMT_IF, T, B, D, E); }
if_tail(A) ::= . { memset(&A, 0, sizeof(A)); }
if_tail(A) ::= ELSE COLON suite(B). { A = B; }
if_tail(A) ::= ELIF(T) named(B) COLON suite(D) if_tail(E). {
    A = tpy_ast_block1(C, tpy_ast_if(C, STMT_IF, T, B, D, E));
}

else_opt(A) ::= . { memset(&A, 0, sizeof(A)); }
else_opt(A) ::= ELSE COLON suite(B). { A = B; }

while_stmt(A) ::= WHILE(T) named(B) COLON suite(D) else_opt(E). {
    A = tpy_ast_if(C, STMT_WHILE, T, B, D, E);
}

for_stmt(A) ::= FOR(T) exprlist(B) IN tlist(I) COLON suite(D) else_opt(E). {
    A = tpy_ast_for(C, T, B, I, D, E);
}

try_stmt(A) ::= TRY(T) COLON suite(B) handlers(H) else_opt(E). {
    A = tpy_ast_try(C, T, B, H, E, NULL);
}
try_stmt(A) ::= TRY(T) COLON suite(B) handlers(H) else_opt(E) FINALLY COLON suite(F). {
    A = tpy_ast_try(C, T, B, H, E, &F);
}
try_stmt(A) ::= TRY(T) COLON suite(B) FINALLY COLON suite(F). {
    tpy_vec_t none;
    tpy_exlist_t no_else;
    memset(&none, 0, sizeof(none));
    memset(&no_else, 0, sizeof(no_else));
    A = tpy_ast_try(C, T, B, none, no_else, &F);
}
handlers(A) ::= handler(B). { A = tpy_ast_vec1(C, B); }
handlers(A) ::= handlers(B) handler(D). { A = B; tpy_ast_push(C, &A, D); }
handler(A) ::= EXCEPT(T) COLON suite(B). { A = tpy_ast_handler(C, T, NULL, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) COLON suite(B). { A = tpy_ast_handler(C, T, &E, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) AS NAME(N) COLON suite(B). {
    A = tpy_ast_handler(C, T, &E, &N, B);
}
// except* (exception groups) is valid Python 3.11 outside tpy's subset
handler(A) ::= EXCEPT(T) STAR(S) test(E) COLON suite(B). {
    tpy_ast_error(C, SPAN(tpy_pos_tok(&T), tpy_pos_tok(&S)), "except* is not supported by tpy");
    A = tpy_ast_handler(C, T, &E, NULL, B);
}
handler(A) ::= EXCEPT(T) STAR(S) test(E) AS NAME(N) COLON suite(B). {
    tpy_ast_error(C, SPAN(tpy_pos_tok(&T), tpy_pos_tok(&S)), "except* is not supported by tpy");
    A = tpy_ast_handler(C, T, &E, &N, B);
}

with_stmt(A) ::= WITH(T) with_items(I) COLON suite(B). { A = tpy_ast_with(C, T, I, B); }
with_stmt(A) ::= WITH(T) WITH_LPAR with_items(I) RPAR COLON suite(B). {
    A = tpy_ast_with(C, T, I, B);
}
with_stmt(A) ::= WITH(T) WITH_LPAR with_items(I) COMMA RPAR COLON suite(B). {
    A = tpy_ast_with(C, T, I, B);
}
with_items(A) ::= with_item(B). { A = tpy_ast_vec1(C, B); }
with_items(A) ::= with_items(B) COMMA with_item(D). { A = B; tpy_ast_push(C, &A, D); }
with_item(A) ::= test(B). { A = tpy_ast_withitem(C, B, NULL); }
with_item(A) ::= test(B) AS xitem(D). { A = tpy_ast_withitem(C, B, &D); }

funcdef(A) ::= DEF(T) NAME(N) LPAR parameters(P) RPAR ret_opt(R) COLON suite(B). {
    A = tpy_ast_funcdef(C, T, N, P, R.e, B);
}
ret_opt(A) ::= . { memset(&A, 0, sizeof(A)); }
ret_opt(A) ::= RARROW test(B). { A = B; }

classdef(A) ::= CLASS(T) NAME(N) COLON suite(B). { A = tpy_ast_classdef(C, T, N, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAR call_args(G) RPAR COLON suite(B). {
    A = tpy_ast_classdef(C, T, N, &G, B);
}

decorated(A) ::= decorators(D) funcdef(B). { A = tpy_ast_decorate(C, D, B); }
decorated(A) ::= decorators(D) classdef(B). { A = tpy_ast_decorate(C, D, B); }
decorated(A) ::= decorators(D) async_stmt(B). { A = tpy_ast_decorate(C, D, B); }
decorators(A) ::= decorator(B). { A = tpy_ast_vec1(C, B); }
decorators(A) ::= decorators(B) decorator(D). { A = B; tpy_ast_push(C, &A, D); }
decorator(A) ::= AT named(B) NEWLINE. { A = B.e; }

async_stmt(A) ::= ASYNC(T) funcdef(B). { A = tpy_ast_async(C, T, "async def", B); }
async_stmt(A) ::= ASYNC(T) for_stmt(B). { A = tpy_ast_async(C, T, "async for", B); }
async_stmt(A) ::= ASYNC(T) with_stmt(B). { A = tpy_ast_async(C, T, "async with", B); }

/* ---- parameters ------------------------------------------------------------- */

parameters(A) ::= . { memset(&A, 0, sizeof(A)); }
parameters(A) ::= plist(B). { A = B; }
parameters(A) ::= plist(B) COMMA. { A = B; }
plist(A) ::= param(B). { A = tpy_ast_vec1(C, B); }
plist(A) ::= plist(B) COMMA param(D). { A = B; tpy_ast_push(C, &A, D); }
param(A) ::= pname(N). { A = tpy_ast_param(C, TPY_PARAM_PLAIN, N, NULL, NULL, NULL); }
param(A) ::= pname(N) EQUAL(E) test(D). { A = tpy_ast_param(C, TPY_PARAM_PLAIN, N, &D, NULL, &E); }
param(A) ::= STAR(T). { A = tpy_ast_param(C, TPY_PARAM_STAR, NULL, NULL, &T, NULL); }
param(A) ::= STAR(T) pname(N). { A = tpy_ast_param(C, TPY_PARAM_STAR, N, NULL, &T, NULL); }
param(A) ::= STAR(T) pname(N) EQUAL(E) test(D). {
    A = tpy_ast_param(C, TPY_PARAM_STAR, N, &D, &T, &E);
}
param(A) ::= DOUBLESTAR(T) pname(N). { A = tpy_ast_param(C, TPY_PARAM_DSTAR, N, NULL, &T, NULL); }
param(A) ::= DOUBLESTAR(T) pname(N) EQUAL(E) test(D). {
    A = tpy_ast_param(C, TPY_PARAM_DSTAR, N, &D, &T, &E);
}
param(A) ::= SLASH(T). { A = tpy_ast_param(C, TPY_PARAM_SLASH, NULL, NULL, &T, NULL); }
/* *args: *Ts (PEP 646) */
param(A) ::= STAR(T) NAME(N) COLON star_expr(B). {
    A = tpy_ast_param(C, TPY_PARAM_STAR, tpy_ast_pname(C, N, &B), NULL, &T, NULL);
}
pname(A) ::= NAME(T). { A = tpy_ast_pname(C, T, NULL); }
pname(A) ::= NAME(T) COLON test(B). { A = tpy_ast_pname(C, T, &B); }

/* lambda parameters: the same without annotations */
lparameters(A) ::= . { memset(&A, 0, sizeof(A)); }
lparameters(A) ::= lplist(B). { A = B; }
lparameters(A) ::= lplist(B) COMMA. { A = B; }
lplist(A) ::= lparam(B). { A = tpy_ast_vec1(C, B); }
lplist(A) ::= lplist(B) COMMA lparam(D). { A = B; tpy_ast_push(C, &A, D); }
lparam(A) ::= lpname(N). { A = tpy_ast_param(C, TPY_PARAM_PLAIN, N, NULL, NULL, NULL); }
lparam(A) ::= lpname(N) EQUAL(E) test(D). {
    A = tpy_ast_param(C, TPY_PARAM_PLAIN, N, &D, NULL, &E);
}
lparam(A) ::= STAR(T). { A = tpy_ast_param(C, TPY_PARAM_STAR, NULL, NULL, &T, NULL); }
lparam(A) ::= STAR(T) lpname(N). { A = tpy_ast_param(C, TPY_PARAM_STAR, N, NULL, &T, NULL); }
lparam(A) ::= STAR(T) lpname(N) EQUAL(E) test(D). {
    A = tpy_ast_param(C, TPY_PARAM_STAR, N, &D, &T, &E);
}
lparam(A) ::= DOUBLESTAR(T) lpname(N). { A = tpy_ast_param(C, TPY_PARAM_DSTAR, N, NULL, &T, NULL); }
lparam(A) ::= DOUBLESTAR(T) lpname(N) EQUAL(E) test(D). {
    A = tpy_ast_param(C, TPY_PARAM_DSTAR, N, &D, &T, &E);
}
lparam(A) ::= SLASH(T). { A = tpy_ast_param(C, TPY_PARAM_SLASH, NULL, NULL, &T, NULL); }
lpname(A) ::= NAME(T). { A = tpy_ast_pname(C, T, NULL); }

/* ---- expressions -------------------------------------------------------------- */

test(A) ::= or_test(B). { A = B; }
test(A) ::= or_test(B) IF or_test(T) ELSE test(E). { A = tpy_ast_ifexp(C, B, T, E); }
test(A) ::= lambdef(B). { A = B; }

lambdef(A) ::= LAMBDA(T) lparameters(P) COLON test(B). { A = tpy_ast_lambda(C, T, P, B); }

named(A) ::= test(B). { A = B; }
named(A) ::= test(B) COLONEQUAL test(D). { A = tpy_ast_named(C, B, D); }

or_test(A) ::= and_test(B). { A = B; }
or_test(A) ::= or_chain(B). { A = tpy_ast_boolop(C, AST_OR, B); }
or_chain(A) ::= and_test(B) OR and_test(D). { A = tpy_ast_exlist2(C, B, D); }
or_chain(A) ::= or_chain(B) OR and_test(D). { A = B; tpy_ast_exlist_push(C, &A, D); }

and_test(A) ::= not_test(B). { A = B; }
and_test(A) ::= and_chain(B). { A = tpy_ast_boolop(C, AST_AND, B); }
and_chain(A) ::= not_test(B) AND not_test(D). { A = tpy_ast_exlist2(C, B, D); }
and_chain(A) ::= and_chain(B) AND not_test(D). { A = B; tpy_ast_exlist_push(C, &A, D); }

not_test(A) ::= NOT(T) not_test(B). { A = tpy_ast_unop(C, T, AST_NOT, B); }
not_test(A) ::= comparison(B). { A = B; }

comparison(A) ::= bitor(B). { A = B; }
comparison(A) ::= bitor(B) comp_chain(D). { A = tpy_ast_compare(C, B, D); }
comp_chain(A) ::= comp_op(O) bitor(B). { A = tpy_ast_pairs_new(C); tpy_ast_pairs_push(C, A, O, B); }
comp_chain(A) ::= comp_chain(D) comp_op(O) bitor(B). { A = D; tpy_ast_pairs_push(C, A, O, B); }
comp_op(A) ::= LESS. { A = AST_LT; }
comp_op(A) ::= GREATER. { A = AST_GT; }
comp_op(A) ::= EQEQUAL. { A = AST_EQ; }
comp_op(A) ::= GREATEREQUAL. { A = AST_GE; }
comp_op(A) ::= LESSEQUAL. { A = AST_LE; }
comp_op(A) ::= NOTEQUAL. { A = AST_NE; }
comp_op(A) ::= IN. { A = AST_IN; }
comp_op(A) ::= NOT IN. { A = AST_NOTIN; }
comp_op(A) ::= IS. { A = AST_IS; }
comp_op(A) ::= IS NOT. { A = AST_ISNOT; }

bitor(A) ::= bitxor(B). { A = B; }
bitor(A) ::= bitor(B) VBAR bitxor(D). { A = tpy_ast_binop(C, B, AST_BITOR, D); }
bitxor(A) ::= bitand(B). { A = B; }
bitxor(A) ::= bitxor(B) CIRCUMFLEX bitand(D). { A = tpy_ast_binop(C, B, AST_BITXOR, D); }
bitand(A) ::= shift(B). { A = B; }
bitand(A) ::= bitand(B) AMPER shift(D). { A = tpy_ast_binop(C, B, AST_BITAND, D); }
shift(A) ::= arith(B). { A = B; }
shift(A) ::= shift(B) LEFTSHIFT arith(D). { A = tpy_ast_binop(C, B, AST_LSHIFT, D); }
shift(A) ::= shift(B) RIGHTSHIFT arith(D). { A = tpy_ast_binop(C, B, AST_RSHIFT, D); }
arith(A) ::= term(B). { A = B; }
arith(A) ::= arith(B) PLUS term(D). { A = tpy_ast_binop(C, B, AST_ADD, D); }
arith(A) ::= arith(B) MINUS term(D). { A = tpy_ast_binop(C, B, AST_SUB, D); }
term(A) ::= factor(B). { A = B; }
term(A) ::= term(B) STAR factor(D). { A = tpy_ast_binop(C, B, AST_MUL, D); }
term(A) ::= term(B) SLASH factor(D). { A = tpy_ast_binop(C, B, AST_DIV, D); }
term(A) ::= term(B) PERCENT factor(D). { A = tpy_ast_binop(C, B, AST_MOD, D); }
term(A) ::= term(B) DOUBLESLASH factor(D). { A = tpy_ast_binop(C, B, AST_FLOORDIV, D); }
term(A) ::= term(B) AT factor(D). { A = tpy_ast_binop(C, B, AST_MATMUL, D); }
factor(A) ::= PLUS(T) factor(B). { A = tpy_ast_unop(C, T, AST_UADD, B); }
factor(A) ::= MINUS(T) factor(B). { A = tpy_ast_unop(C, T, AST_USUB, B); }
factor(A) ::= TILDE(T) factor(B). { A = tpy_ast_unop(C, T, AST_INVERT, B); }
factor(A) ::= power(B). { A = B; }
power(A) ::= await_primary(B). { A = B; }
power(A) ::= await_primary(B) DOUBLESTAR factor(D). { A = tpy_ast_binop(C, B, AST_POW, D); }
await_primary(A) ::= primary(B). { A = B; }
await_primary(A) ::= AWAIT(T) primary(B). { A = tpy_ast_await(C, T, B); }

primary(A) ::= atom(B). { A = B; }
primary(A) ::= primary(B) DOT NAME(T). { A = tpy_ast_attribute(C, B, T); }
primary(A) ::= primary(B) LPAR(L) call_args(G) RPAR(R). { A = tpy_ast_call(C, B, G, L, R); }
primary(A) ::= primary(B) LSQB slices(S) RSQB(R). { A = tpy_ast_subscript(C, B, S, R); }

call_args(A) ::= . { memset(&A, 0, sizeof(A)); }
call_args(A) ::= arglist(B). { A = B; }
call_args(A) ::= arglist(B) COMMA. { A = B; }
arglist(A) ::= argument(B). { A = tpy_ast_vec1(C, B); }
arglist(A) ::= arglist(B) COMMA argument(D). { A = B; tpy_ast_push(C, &A, D); }
argument(A) ::= named(B). { A = tpy_ast_arg(C, TPY_ARG_POS, B, NULL, NULL); }
argument(A) ::= named(B) comp_for(F). {
    A = tpy_ast_arg(C, TPY_ARG_POS, tpy_ast_bare_genexp(C, B, F), NULL, NULL);
    A->bare_genexp = true;
}
argument(A) ::= test(K) EQUAL(E) test(B). { A = tpy_ast_arg(C, TPY_ARG_KW, B, &K, &E); }
argument(A) ::= STAR(T) test(B). {
    A = tpy_ast_arg(C, TPY_ARG_POS, tpy_ast_starred(C, T, B), NULL, NULL);
}
argument(A) ::= DOUBLESTAR(T) test(B). {
    A = tpy_ast_arg(C, TPY_ARG_DSTAR, B, NULL, NULL);
    A->pos = SPAN(P(T), B.pos);
}

slices(A) ::= slice_items(B). { A = tpy_ast_slices(C, B); }
slices(A) ::= slice_items(B) COMMA(T). {
    B.pos = SPAN(B.pos, P(T));
    A = tpy_ast_tuple_or_single(C, B, true);
}
slice_items(A) ::= slice_item(B). { A = tpy_ast_exlist1(C, B); }
slice_items(A) ::= slice_items(B) COMMA slice_item(D). { A = B; tpy_ast_exlist_push(C, &A, D); }
slice_item(A) ::= named(B). { A = B; }
slice_item(A) ::= star_expr(B). { A = B; }
slice_item(A) ::= opt_test(L) COLON(T) opt_test(U). { A = tpy_ast_slice(C, L, T, U, NULL, NULL); }
slice_item(A) ::= opt_test(L) COLON(T) opt_test(U) COLON(T2) opt_test(S). {
    A = tpy_ast_slice(C, L, T, U, &T2, &S);
}
opt_test(A) ::= . { memset(&A, 0, sizeof(A)); }
opt_test(A) ::= test(B). { A = B; }

atom(A) ::= NAME(T). { A = tpy_ast_name(C, T); }
atom(A) ::= NUMBER(T). { A = tpy_ast_number(C, T); }
atom(A) ::= strings(B). { A = tpy_ast_strings(C, B); }
atom(A) ::= ELLIPSIS(T). { A = tpy_ast_const(C, T, CONST_ELLIPSIS); }
atom(A) ::= NONE(T). { A = tpy_ast_const(C, T, CONST_NONE); }
atom(A) ::= TRUE(T). { A = tpy_ast_const(C, T, CONST_TRUE); }
atom(A) ::= FALSE(T). { A = tpy_ast_const(C, T, CONST_FALSE); }
atom(A) ::= LPAR(L) RPAR(R). { A = tpy_ast_empty(C, EXPR_TUPLE, L, R); }
atom(A) ::= LPAR(L) paren_inner(B) RPAR(R). { A = tpy_ast_paren(C, L, B, R); }
atom(A) ::= LSQB(L) RSQB(R). { A = tpy_ast_empty(C, EXPR_LIST, L, R); }
atom(A) ::= LSQB(L) elist(B) RSQB(R). { A = tpy_ast_display(C, EXPR_LIST, L, B, R); }
atom(A) ::= LSQB(L) elist(B) COMMA RSQB(R). { A = tpy_ast_display(C, EXPR_LIST, L, B, R); }
atom(A) ::= LSQB(L) named(B) comp_for(F) RSQB(R). {
    A = tpy_ast_comp(C, EXPR_LISTCOMP, B, NULL, F, SPAN(P(L), P(R)));
}
atom(A) ::= LSQB(L) star_expr(B) comp_for RSQB. {
    (void)L;
    A = tpy_ast_comp_star_error(C, B, "iterable unpacking cannot be used in comprehension");
}
atom(A) ::= LBRACE(L) RBRACE(R). { A = tpy_ast_empty(C, EXPR_DICT, L, R); }
atom(A) ::= LBRACE(L) dict_items(B) RBRACE(R). { A = tpy_ast_dict(C, L, B, R); }
atom(A) ::= LBRACE(L) dict_items(B) COMMA RBRACE(R). { A = tpy_ast_dict(C, L, B, R); }
atom(A) ::= LBRACE(L) elist(B) RBRACE(R). { A = tpy_ast_display(C, EXPR_SET, L, B, R); }
atom(A) ::= LBRACE(L) elist(B) COMMA RBRACE(R). { A = tpy_ast_display(C, EXPR_SET, L, B, R); }
atom(A) ::= LBRACE(L) named(B) comp_for(F) RBRACE(R). {
    A = tpy_ast_comp(C, EXPR_SETCOMP, B, NULL, F, SPAN(P(L), P(R)));
}
atom(A) ::= LBRACE(L) star_expr(B) comp_for RBRACE. {
    (void)L;
    A = tpy_ast_comp_star_error(C, B, "iterable unpacking cannot be used in comprehension");
}
atom(A) ::= LBRACE(L) test(K) COLON test(V) comp_for(F) RBRACE(R). {
    A = tpy_ast_comp(C, EXPR_DICTCOMP, K, &V, F, SPAN(P(L), P(R)));
}
atom(A) ::= LBRACE(L) DOUBLESTAR(T) bitor(B) comp_for RBRACE. {
    (void)L;
    (void)B;
    tpy_ex_t star = {NULL, P(T)};
    A = tpy_ast_comp_star_error(C, star, "dict unpacking cannot be used in dict comprehension");
}

/* Inside ( ): nothing (handled above), one expression, a tuple, a yield, or a
 * generator expression.  Also the whole of an f-string replacement field. */
paren_inner(A) ::= elist(B). { A = tpy_ast_paren_items(C, B, false); }
paren_inner(A) ::= elist(B) COMMA(T). {
    B.pos = SPAN(B.pos, P(T));
    A = tpy_ast_paren_items(C, B, true);
}
paren_inner(A) ::= yield_expr(B). { A = B; }
paren_inner(A) ::= named(B) comp_for(F). { A = tpy_ast_bare_genexp(C, B, F); }
paren_inner(A) ::= star_expr(B) comp_for. {
    A = tpy_ast_comp_star_error(C, B, "iterable unpacking cannot be used in comprehension");
}

elist(A) ::= star_named(B). { A = tpy_ast_exlist1(C, B); }
elist(A) ::= elist(B) COMMA star_named(D). { A = B; tpy_ast_exlist_push(C, &A, D); }
star_named(A) ::= named(B). { A = B; }
star_named(A) ::= star_expr(B). { A = B; }
star_expr(A) ::= STAR(T) bitor(B). { A = tpy_ast_starred(C, T, B); }

dict_items(A) ::= test(K) COLON test(V). {
    A = tpy_ast_pairs_new(C);
    tpy_ast_dict_push(C, A, &K, V);
}
dict_items(A) ::= DOUBLESTAR bitor(V). {
    A = tpy_ast_pairs_new(C);
    tpy_ast_dict_push(C, A, NULL, V);
}
dict_items(A) ::= dict_items(B) COMMA test(K) COLON test(V). {
    A = B;
    tpy_ast_dict_push(C, A, &K, V);
}
dict_items(A) ::= dict_items(B) COMMA DOUBLESTAR bitor(V). {
    A = B;
    tpy_ast_dict_push(C, A, NULL, V);
}

comp_for(A) ::= comp_clause(B). { A = tpy_ast_vec1(C, B); }
comp_for(A) ::= comp_for(B) comp_clause(D). { A = B; tpy_ast_push(C, &A, D); }
comp_for(A) ::= comp_for(B) IF or_test(D). { A = B; tpy_ast_comp_if(C, &A, D); }
comp_clause(A) ::= FOR exprlist(T) IN or_test(I). { A = tpy_ast_comprehension(C, T, I); }
comp_clause(A) ::= ASYNC(K) FOR exprlist(T) IN or_test(I). {
    A = tpy_ast_comprehension(C, T, I);
    tpy_ast_async_comp_error(C, K);
}

yield_expr(A) ::= YIELD(T). { A = tpy_ast_yield(C, T, NULL, false); }
yield_expr(A) ::= YIELD(T) tlist(B). { A = tpy_ast_yield(C, T, &B, false); }
yield_expr(A) ::= YIELD(T) FROM test(B). { A = tpy_ast_yield(C, T, &B, true); }

strings(A) ::= STRING(T). { A = tpy_ast_strrun(C, NULL, T); }
strings(A) ::= strings(B) STRING(T). { A = tpy_ast_strrun(C, &B, T); }

%code {

/* ---- parser introspection for error messages -------------------------------- */

bool tpy_parser_accepts(void *p, int major)
{
    yyParser *parser = (yyParser *)p;
    int depth = (int)(parser->yytos - parser->yystack);
    // a private copy of the state numbers, simulated through reductions
    YYACTIONTYPE *stack = malloc(sizeof(YYACTIONTYPE) * (size_t)(depth + 2));
    if (stack == NULL) {
        return false;
    }
    for (int i = 0; i <= depth; i++) {
        stack[i] = parser->yystack[i].stateno;
    }
    int top = depth;
    bool result = false;
    for (int guard = 0; guard < 100000; guard++) {
        YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)major, stack[top]);
        if (act >= YY_MIN_REDUCE) {
            unsigned rule = act - YY_MIN_REDUCE;
            int size = yyRuleInfoNRhs[rule];
            top += size;
            if (top < 0) {
                break;
            }
            YYACTIONTYPE go = yy_find_reduce_action(stack[top], (YYCODETYPE)yyRuleInfoLhs[rule]);
            if (go > YY_MAX_SHIFT && go <= YY_MAX_SHIFTREDUCE) {
                go += YY_MIN_REDUCE - YY_MIN_SHIFTREDUCE;
            }
            top++;
            if (top > depth + 1) {
                YYACTIONTYPE *grown = realloc(stack, sizeof(YYACTIONTYPE) * (size_t)(top + 2));
                if (grown == NULL) {
                    break;
                }
                stack = grown;
                depth = top;
            }
            stack[top] = go;
            continue;
        }
        result = act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION;
        break;
    }
    free(stack);
    return result;
}

}
