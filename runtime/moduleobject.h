/*
 * runtime/moduleobject.h - module objects and the registry of built-in modules.
 *
 * A module is a namespace dict plus a name.  Built-in modules (sys, gc, math,
 * ...) register an init function here; import (vm/) asks the registry first.
 */
#ifndef TPY_RUNTIME_MODULEOBJECT_H
#define TPY_RUNTIME_MODULEOBJECT_H

#include "gc/gc.h"

#include <stdbool.h>

typedef struct {
    tpy_object_t ob;
    tpy_object_t *dict;
    tpy_object_t *name;
    tpy_object_t *weaklist;
    // true while the body of a source module runs: its missing names are then
    // reported as a likely circular import, as CPython does
    bool initializing;
} tpy_module_t;

extern tpy_type_t tpy_module_type;
#define TPY_MODULE_CHECK(op) TPY_ISINSTANCE(op, &tpy_module_type)
#define TPY_MODULE_DICT(op) (((tpy_module_t *)(op))->dict)

// A new module named [name] with __name__ (and __doc__ = None) in its dict.
tpy_object_t *tpy_module_new(const char *name);
// Add the functions of a NULL-terminated [defs] table to [module]. 0 or -1.
int tpy_module_add_functions(tpy_object_t *module, const tpy_methoddef_t *defs);
int tpy_module_add_object(tpy_object_t *module, const char *name, tpy_object_t *value);

typedef tpy_object_t *(*tpy_module_init_fn)(void);
typedef struct {
    const char *name;
    tpy_module_init_fn init;
} tpy_builtin_module_t;
// The table of built-in modules (runtime/builtins.c), ended by a NULL name.
extern const tpy_builtin_module_t tpy_builtin_modules[];
// The init function of built-in module [name], or NULL.
tpy_module_init_fn tpy_builtin_module_find(const char *name);

void tpy_module_init(void);

#endif
