/*
 * vm/symtable.h - scopes and name resolution (private to vm/).
 *
 * A first pass over the AST builds one scope per module, class, function,
 * lambda and comprehension and records how each name is used there; a second
 * pass resolves every name to LOCAL, CELL, FREE, GLOBAL_EXPLICIT or
 * GLOBAL_IMPLICIT with CPython's rules (class bodies are invisible to the
 * functions nested in them; a method that mentions super or __class__ gets an
 * implicit __class__ cell from its class).  Everything lives in the AST arena.
 */
#ifndef TPY_VM_SYMTABLE_H
#define TPY_VM_SYMTABLE_H

#include "grammar/grammar.h"

enum {
    SYM_DEF_LOCAL = 1 << 0,    // bound in this scope
    SYM_DEF_PARAM = 1 << 1,
    SYM_DEF_GLOBAL = 1 << 2,   // `global` declaration
    SYM_DEF_NONLOCAL = 1 << 3, // `nonlocal` declaration
    SYM_USE = 1 << 4,
    SYM_DEF_FREE_CLASS = 1 << 5, // free in a nested function, seen from a class
    SYM_READ = 1 << 6,           // loaded by a plain read (not only by `x += ...`)
    SYM_DEF_ANNOT = 1 << 7,      // the target of a simple annotated assignment
};

typedef enum {
    SCOPE_UNRESOLVED, SCOPE_LOCAL, SCOPE_CELL, SCOPE_FREE, SCOPE_GLOBAL_EXPLICIT,
    SCOPE_GLOBAL_IMPLICIT
} tpy_symscope_t;

typedef enum { BLOCK_MODULE, BLOCK_FUNCTION, BLOCK_CLASS } tpy_blockkind_t;

typedef struct tpy_symbol {
    const char *name;
    int flags;
    tpy_symscope_t scope;
    int lineno, col;   // first binding or use, for error messages
    intptr_t slot;     // the compiler's: index in co_varnames, or -1 (not a fast local)
} tpy_symbol_t;

typedef struct tpy_scope {
    tpy_blockkind_t kind;
    const char *name;
    const void *node;          // the AST node that opened the scope (key for lookup)
    struct tpy_scope *parent;
    struct tpy_scope **children;
    intptr_t nchildren, capchildren;
    tpy_symbol_t *syms;        // in order of first appearance
    intptr_t nsyms, capsyms;
    int *hash;                 // open-addressing index into syms (-1 empty)
    intptr_t hashcap;
    const char **params;       // parameter names in order
    intptr_t nparams;
    bool is_generator;
    bool is_comprehension;
    bool is_lambda;
    bool needs_class_cell;     // class: a method uses super/__class__
    bool uses_class_cell;      // function: refers to __class__ implicitly
    bool has_varargs, has_varkw;
    int lineno;
    // the class whose private names (__x) are mangled here: a class's own
    // name in its body, inherited by the functions inside it; NULL elsewhere
    const char *private_name;
} tpy_scope_t;

typedef struct {
    tpy_scope_t *top;
    tpy_arena_t *arena;
    tpy_syntax_error_t *err;  // filled on a SyntaxError
} tpy_symtable_t;

// [name] as the compiler sees it inside class [private_name] (NULL: none):
// `__x` (two leading underscores, not ending in two, no dot) becomes
// `_Class__x` with the class name's leading underscores stripped, as CPython
// mangles private names.  Allocated in [arena]; NULL on exhaustion.
const char *tpy_symtable_mangle(tpy_arena_t *arena, const char *private_name, const char *name);

// Build and resolve the scopes of [mod].  0, or -1 with [err] filled.
int tpy_symtable_build(tpy_symtable_t *st, tpy_module_ast_t *mod, tpy_arena_t *arena,
                       tpy_syntax_error_t *err);
// The child scope opened by [node] within [parent].
tpy_scope_t *tpy_symtable_child(tpy_scope_t *parent, const void *node);
// The symbol for [name] in [scope], or NULL.
tpy_symbol_t *tpy_symtable_lookup(tpy_scope_t *scope, const char *name);

#endif
