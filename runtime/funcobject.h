/*
 * runtime/funcobject.h - callables: Python functions, bound methods, cells,
 * built-in functions and method descriptors, staticmethod, classmethod,
 * property.
 *
 * A function's code object belongs to vm/ and is opaque here; calling a
 * function goes through tpy_function_type.tp_call, which vm/ installs at
 * start-up (runtime/ never calls the compiler or the eval loop directly).
 */
#ifndef TPY_RUNTIME_FUNCOBJECT_H
#define TPY_RUNTIME_FUNCOBJECT_H

#include "gc/gc.h"

typedef struct {
    tpy_object_t ob;
    tpy_object_t *code;       // vm code object
    tpy_object_t *globals;    // dict
    tpy_object_t *builtins;   // dict
    tpy_object_t *name;       // str
    tpy_object_t *qualname;   // str
    tpy_object_t *defaults;   // tuple or NULL
    tpy_object_t *kwdefaults; // dict or NULL
    tpy_object_t *closure;    // tuple of cells or NULL
    tpy_object_t *doc;        // or NULL
    tpy_object_t *dict;       // __dict__ or NULL
    tpy_object_t *module;     // __module__ (str) or NULL
    tpy_object_t *annotations; // __annotations__ dict or NULL (made empty on first read)
    tpy_object_t *weaklist;
} tpy_function_t;

// Give [func] the __annotations__ dict [annotations] (stolen).
void tpy_function_set_annotations(tpy_object_t *func, tpy_object_t *annotations);

typedef struct {
    tpy_object_t ob;
    tpy_object_t *func;
    tpy_object_t *self;
    tpy_object_t *weaklist; // weak references to this bound method (weakref.WeakMethod)
} tpy_method_t;

typedef struct {
    tpy_object_t ob;
    tpy_object_t *ref; // NULL: empty cell
} tpy_cell_t;

// A built-in function (module-level, e.g. len) or a bound built-in method.
typedef struct {
    tpy_object_t ob;
    const tpy_methoddef_t *def;
    tpy_object_t *self;   // NULL for module functions; the bound object otherwise
    tpy_object_t *module; // str or NULL
    tpy_object_t *weaklist;
} tpy_cfunction_t;

// A built-in type's method as found in the type's dict (list.append).
typedef struct {
    tpy_object_t ob;
    const tpy_methoddef_t *def;
    tpy_type_t *owner;
} tpy_methoddescr_t;

// staticmethod / classmethod / property
typedef struct {
    tpy_object_t ob;
    tpy_object_t *callable;
    tpy_object_t *dict;
} tpy_wrapper_t;
typedef struct {
    tpy_object_t ob;
    tpy_object_t *fget, *fset, *fdel, *doc;
    tpy_object_t *name; // set by __set_name__ (class creation), for error messages; or NULL
    bool getter_doc;    // doc was taken from fget's docstring
} tpy_property_t;

extern tpy_type_t tpy_function_type, tpy_method_type, tpy_cell_type;
extern tpy_type_t tpy_cfunction_type, tpy_methoddescr_type, tpy_classmethoddescr_type,
    tpy_getsetdescr_type, tpy_memberdescr_type;
extern tpy_type_t tpy_staticmethod_type, tpy_classmethod_type, tpy_property_type;

#define TPY_FUNCTION_CHECK(op) (TPY_TYPE(op) == &tpy_function_type)
#define TPY_METHOD_CHECK(op) (TPY_TYPE(op) == &tpy_method_type)

// A function over [code] with [globals]; name/qualname from the arguments.
tpy_object_t *tpy_function_new(tpy_object_t *code, tpy_object_t *globals, tpy_object_t *name,
                               tpy_object_t *qualname);
tpy_object_t *tpy_method_new(tpy_object_t *func, tpy_object_t *self);
tpy_object_t *tpy_cell_new(tpy_object_t *ref); // ref may be NULL
tpy_object_t *tpy_cfunction_new(const tpy_methoddef_t *def, tpy_object_t *self,
                                tpy_object_t *module);
tpy_object_t *tpy_methoddescr_new(tpy_type_t *owner, const tpy_methoddef_t *def);
// A TPY_METH_CLASS method as found in the type's dict (dict.fromkeys): binds
// to the class it is looked up on.  Same layout as a method descriptor.
tpy_object_t *tpy_classmethoddescr_new(tpy_type_t *owner, const tpy_methoddef_t *def);
tpy_object_t *tpy_getsetdescr_new(tpy_type_t *owner, const tpy_getsetdef_t *def);
tpy_object_t *tpy_memberdescr_new(tpy_type_t *owner, const tpy_memberdef_t *def);

void tpy_func_init(void);

#endif
