/*
 * vm/compile_int.h - the compiler's private state, shared by compile.c
 * (code units, emission, assembly, statements) and compile_expr.c
 * (expressions).
 *
 * One unit is compiled per code object (module, class body, function, lambda,
 * comprehension).  Jumps are emitted against labels and patched when the unit
 * is assembled; the stack depth is computed by a flow pass over the finished
 * instructions using the effects in vm/opcodes.h.  The fblock stack records
 * the enclosing loops, try/finally, with and except bodies so that break,
 * continue and return can unwind them (compiling finally bodies inline at each
 * exit, as CPython does).
 */
#ifndef TPY_VM_COMPILE_INT_H
#define TPY_VM_COMPILE_INT_H

#include "vm/symtable.h"
#include "vm/vm.h"

#define TPY_MAX_FBLOCKS 20

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPT_NAME
} fblock_kind_t;

typedef struct {
    fblock_kind_t kind;
    int block;          // label: loop head (continue) or handler
    int exit;           // label: loop exit (break)
    const void *datum;  // FINALLY_TRY: the finalbody (tpy_seq_t *); EXCEPT_NAME: the name
} fblock_t;

typedef struct unit {
    struct unit *parent;
    tpy_scope_t *scope;
    uint32_t *code;
    tpy_codepos_t *pos;
    intptr_t n, cap;
    intptr_t *labels;           // label -> instruction index (-1 until placed)
    intptr_t nlabels, caplabels;
    tpy_object_t *consts;       // list
    tpy_object_t *names;        // list of interned str
    tpy_object_t *names_index;  // dict str -> int
    const char **varnames;      // locals: params first
    intptr_t nvarnames, capvarnames;
    const char **cellvars;
    intptr_t ncellvars;
    const char **freevars;
    intptr_t nfreevars;
    fblock_t fblocks[TPY_MAX_FBLOCKS];
    int nfblocks;
    tpy_pos_t curpos;
    int firstlineno;
    tpy_object_t *name;         // str
    tpy_object_t *qualname;     // str
    int argcount, posonlyargcount, kwonlyargcount, flags;
    bool in_class_body;
} unit_t;

typedef struct {
    unit_t *u;
    const char *filename;
    tpy_arena_t *arena;
    tpy_symtable_t st;
    tpy_syntax_error_t *err;    // compile-time SyntaxError details
    bool failed;                // an error is recorded (err or a Python exception)
    bool interactive;           // SINGLE mode: echo expression statements
    tpy_object_t *const_cache;  // dict: constant key -> the one object per unit
    int depth;                  // nesting of expressions (recursion guard)
    // the literal objects of the source, kept alive while a main program
    // runs, as CPython's AST holds them (see tpy_compile_source_main)
    bool keep_literals;
    bool future_annotations;    // `from __future__ import annotations`: never evaluated
    tpy_object_t **literals;
    intptr_t nliterals, capliterals;
} compiler_t;

// Evaluate a def's annotations and push them as a tuple (name, value, ...);
// false when it has none (compile_expr.c).
bool c_visit_annotations(compiler_t *c, tpy_arguments_t *args, tpy_expr_t *returns);

// [name] with private-name mangling inside a class (tpy_symtable_mangle).
const char *c_mangle(compiler_t *c, const char *name);

/* emission (compile.c) */
void c_emit(compiler_t *c, int op, intptr_t arg);
int c_new_label(compiler_t *c);
void c_place_label(compiler_t *c, int label);
void c_emit_jump(compiler_t *c, int op, int label);
intptr_t c_add_const(compiler_t *c, tpy_object_t *value_steal);
intptr_t c_add_name(compiler_t *c, const char *name);
void c_error(compiler_t *c, const char *msg, tpy_pos_t pos);
void c_unsupported(compiler_t *c, const char *what, tpy_pos_t pos);
void c_set_pos(compiler_t *c, tpy_pos_t pos);
// Load/store/delete [name] with the opcode its scope needs.
void c_nameop(compiler_t *c, const char *name, tpy_ast_ctx_t ctx, tpy_pos_t pos);
// Compile a function-like body into a new code object and emit MAKE_FUNCTION.
// [kind]: 0 def, 1 lambda, 2 comprehension.
void c_make_closure(compiler_t *c, tpy_object_t *code, int flags);
tpy_object_t *c_compile_scope_body(compiler_t *c, const void *node, const char *name,
                                   tpy_arguments_t *args, tpy_seq_t *body, tpy_expr_t *expr,
                                   int firstlineno);

/* expressions (compile_expr.c) */
void c_expr(compiler_t *c, tpy_expr_t *e);
void c_store_target(compiler_t *c, tpy_expr_t *target);
void c_del_target(compiler_t *c, tpy_expr_t *target);
void c_jump_if(compiler_t *c, tpy_expr_t *e, bool cond, int label);
void c_call_helper(compiler_t *c, int already_pushed, tpy_seq_t args, tpy_seq_t keywords,
                   tpy_pos_t pos);
void c_comprehension_body(compiler_t *c, tpy_expr_t *e, intptr_t gen_index);
void c_visit_arguments_defaults(compiler_t *c, tpy_arguments_t *args, int *flags);

#endif
