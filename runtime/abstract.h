/*
 * runtime/abstract.h - the generic object protocol (runtime/abstract.c) and
 * type machinery (runtime/typeobject.c).
 *
 * These are the functions the eval loop and every type use to act on objects
 * without knowing their type: repr, hash, compare, attribute access, calls,
 * operators, subscripts, iteration.  Any of them can run Python code (a user
 * class's dunder method) and so can raise anything.
 */
#ifndef TPY_RUNTIME_ABSTRACT_H
#define TPY_RUNTIME_ABSTRACT_H

#include "gc/gc.h"

extern tpy_type_t tpy_type_type;        // type
extern tpy_type_t tpy_object_type;      // object
extern tpy_type_t tpy_none_type;        // NoneType
extern tpy_type_t tpy_notimpl_type;     // NotImplementedType
extern tpy_type_t tpy_ellipsis_type;    // ellipsis
extern tpy_object_t tpy_none_struct, tpy_notimpl_struct, tpy_ellipsis_struct;
#define tpy_none (&tpy_none_struct)
#define tpy_not_implemented (&tpy_notimpl_struct)
#define tpy_ellipsis (&tpy_ellipsis_struct)
#define TPY_RETURN_NONE return tpy_newref(tpy_none)
#define TPY_RETURN_NOTIMPL return tpy_newref(tpy_not_implemented)

/* The header of a statically allocated type object. */
#define TPY_STATIC_TYPE_OB {{TPY_STATIC_REFCNT, &tpy_type_type}, 0}
/* The header of a statically allocated non-type object of [type]. */
#define TPY_STATIC_OB(type) {TPY_STATIC_REFCNT, (type)}

/* ---- type machinery (typeobject.c) ------------------------------------------ */

// Finish a static type: inherit slots from tp_base (default object), build
// tp_mro, tp_bases and tp_dict (methods, getsets, members).  0 or -1.
int tpy_type_ready(tpy_type_t *type);
// A slot of ready static [type] was installed after tpy_type_ready (vm/ sets
// function.tp_call at start-up): add the wrapper descriptors (__call__ ...)
// for the slots it now defines.  0 or -1.
int tpy_type_slots_installed(tpy_type_t *type);
// True when [type] is [base] or a subclass of it (walks the MRO).
bool tpy_type_is_subtype(tpy_type_t *type, tpy_type_t *base);
static inline bool tpy_type_check_exact(tpy_object_t *op, tpy_type_t *t)
{
    return TPY_TYPE(op) == t;
}
#define TPY_ISINSTANCE(op, t) tpy_type_is_subtype(TPY_TYPE(op), (t))
#define TPY_TYPE_HAS_FLAG(t, f) (((t)->tp_flags & (f)) != 0)
// Look [name] (a str) up along the MRO of [type]; borrowed, NULL if absent
// (no exception set).  Uses a global method cache keyed on tp_version.
tpy_object_t *tpy_type_lookup_borrow(tpy_type_t *type, tpy_object_t *name);
// Create a class: type(name, bases, namespace).  All borrowed.  New reference.
tpy_object_t *tpy_type_new_class(tpy_object_t *name, tpy_object_t *bases, tpy_object_t *ns);
// The same with keyword arguments for __init_subclass__ ([kwvalues] named by
// the str tuple [kwnames]; both may be NULL).
tpy_object_t *tpy_type_new_class_kw(tpy_object_t *name, tpy_object_t *bases, tpy_object_t *ns,
                                    tpy_object_t *const *kwvalues, tpy_object_t *kwnames);
// The qualified name of a type for messages: "int", "Node" (borrowed C string).
const char *tpy_type_name(tpy_type_t *type);
// Bumped whenever any type's attributes change: caches of attribute lookups
// (the method cache, the eval loop's inline caches) are valid while it holds.
extern uint32_t tpy_type_epoch;
// Mark the type's attributes changed (invalidates the method cache).
void tpy_type_modified(tpy_type_t *type);
extern tpy_type_t tpy_super_type;
extern tpy_type_t tpy_wrapperdescr_type;
// Installed by vm/: the (class, instance) of the running method for super().
extern int (*tpy_super_context_hook)(tpy_type_t **type, tpy_object_t **obj);
int tpy_types_init(void);  // interns dunder names, readies type/object/super
void tpy_types_fini(void);
// Empty the attribute-lookup cache (it holds references to attribute names).
void tpy_type_cache_clear(void);
// For a class built by object.__new__ with a Python __init__: that function
// (borrowed), else NULL.  Lets the eval loop run __init__ without recursing in C.
tpy_object_t *tpy_type_python_init_borrow(tpy_type_t *type);
// Generic __new__ for heap types whose layout is the base's plus __dict__.
tpy_object_t *tpy_type_generic_alloc(tpy_type_t *type, size_t nitems);

/* ---- generic attribute access (abstract.c) ---------------------------------- */

// The instance dict of [op] (borrowed), created on demand; NULL if the type has none.
tpy_object_t **tpy_object_dict_ptr(tpy_object_t *op);
// object.__getattribute__: data descriptors, instance __dict__, class attributes.
tpy_object_t *tpy_object_generic_getattr(tpy_object_t *op, tpy_object_t *name);
int tpy_object_generic_setattr(tpy_object_t *op, tpy_object_t *name, tpy_object_t *value);
tpy_object_t *tpy_object_getattr(tpy_object_t *op, tpy_object_t *name);
tpy_object_t *tpy_object_getattr_cstr(tpy_object_t *op, const char *name);
// Like getattr, but absent → *found = false, NULL, no exception.
tpy_object_t *tpy_object_getattr_opt(tpy_object_t *op, tpy_object_t *name);
int tpy_object_setattr(tpy_object_t *op, tpy_object_t *name, tpy_object_t *value);
int tpy_object_setattr_cstr(tpy_object_t *op, const char *name, tpy_object_t *value);
int tpy_object_delattr(tpy_object_t *op, tpy_object_t *name);
// For LOAD_METHOD: when [name] resolves to a plain function or method
// descriptor on the type (not shadowed by the instance dict), return it (new
// ref) with *unbound = true; otherwise the bound attribute with *unbound = false.
tpy_object_t *tpy_object_get_method(tpy_object_t *op, tpy_object_t *name, bool *unbound);
// Raise "AttributeError: 'T' object has no attribute 'x'". Returns NULL.
tpy_object_t *tpy_err_no_attribute(tpy_object_t *op, tpy_object_t *name);

/* ---- string conversion, hashing, comparison ---------------------------------- */

tpy_object_t *tpy_object_repr(tpy_object_t *op);
tpy_object_t *tpy_object_str(tpy_object_t *op);
// Default repr "<T object at 0x...>".
tpy_object_t *tpy_object_default_repr(tpy_object_t *op);
int64_t tpy_object_hash(tpy_object_t *op);
int64_t tpy_hash_pointer(const void *p);
int64_t tpy_hash_unhashable(tpy_object_t *op); // raises TypeError: unhashable type: 'list'
// Rich comparison with CPython's reflected-operand rules; a new object.
tpy_object_t *tpy_object_richcompare(tpy_object_t *a, tpy_object_t *b, int op);
// Same, truth value: 1, 0, or -1 on error.  EQ/NE short-circuit on identity.
int tpy_object_richcompare_bool(tpy_object_t *a, tpy_object_t *b, int op);
// The outcome of comparing two machine integers with TPY_CMP_* [op].
static inline bool tpy_cmp_ints(int64_t a, int64_t b, int op)
{
    switch (op) {
    case TPY_CMP_LT: return a < b;
    case TPY_CMP_LE: return a <= b;
    case TPY_CMP_EQ: return a == b;
    case TPY_CMP_NE: return a != b;
    case TPY_CMP_GT: return a > b;
    default: return a >= b;
    }
}
// Truth value: 1, 0, -1 on error.
int tpy_object_is_true(tpy_object_t *op);
// The Python operator text for a TPY_CMP_* value ("<", "==", ...).
const char *tpy_cmp_symbol(int op);

/* ---- calls --------------------------------------------------------------- */

tpy_object_t *tpy_object_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames);
// Call with a tuple and an optional dict (f(*args, **kwargs)).
tpy_object_t *tpy_object_call_tuple_dict(tpy_object_t *callable, tpy_object_t *args,
                                         tpy_object_t *kwargs);
tpy_object_t *tpy_object_call0(tpy_object_t *callable);
tpy_object_t *tpy_object_call1(tpy_object_t *callable, tpy_object_t *arg);
// Call method [name] of [self] with positional args.
tpy_object_t *tpy_object_call_method(tpy_object_t *self, const char *name,
                                     tpy_object_t *const *args, size_t nargs);
bool tpy_callable_check(tpy_object_t *op);
// Number of keyword arguments in a vectorcall.
static inline size_t tpy_kwcount(tpy_object_t *kwnames)
{
    return kwnames ? (size_t)((tpy_varobject_t *)kwnames)->size : 0;
}

/* ---- numbers --------------------------------------------------------------- */

// a OP b with __op__/__rop__ dispatch; TypeError "unsupported operand type(s)".
tpy_object_t *tpy_number_binop(tpy_object_t *a, tpy_object_t *b, int op);
// a OP= b: tries the in-place slot first, then falls back to binop.
tpy_object_t *tpy_number_inplace(tpy_object_t *a, tpy_object_t *b, int op);
tpy_object_t *tpy_number_unop(tpy_object_t *a, int op);
// The operator symbol for a TPY_BINOP_* ("+", "//", ...).
const char *tpy_binop_symbol(int op);
// operator.index(): an int (new ref) or TypeError.
tpy_object_t *tpy_number_index(tpy_object_t *op);
// index value as intptr_t; OverflowError/IndexError wording left to [what] ("list index").
intptr_t tpy_number_as_ssize(tpy_object_t *op, tpy_type_t *overflow_exc);

/* ---- containers and iteration ------------------------------------------------ */

tpy_object_t *tpy_object_getitem(tpy_object_t *op, tpy_object_t *key);
int tpy_object_setitem(tpy_object_t *op, tpy_object_t *key, tpy_object_t *value);
int tpy_object_delitem(tpy_object_t *op, tpy_object_t *key);
intptr_t tpy_object_len(tpy_object_t *op);
// `item in container`: 1, 0, -1.
int tpy_object_contains(tpy_object_t *container, tpy_object_t *item);
// iter(op): TypeError "'int' object is not iterable".
tpy_object_t *tpy_object_getiter(tpy_object_t *op);
// next(it): new ref; NULL with no exception when exhausted (StopIteration
// raised by a Python __next__ is swallowed into this).
tpy_object_t *tpy_iter_next(tpy_object_t *it);
// The iterator returned by iter() for objects that only have __getitem__.
extern tpy_type_t tpy_seqiter_type;
// Shared tp_iter for iterators: returns self.
tpy_object_t *tpy_iter_self(tpy_object_t *op);
// Materialize any iterable into a new list.
tpy_object_t *tpy_sequence_list(tpy_object_t *iterable);
// Materialize any iterable into a tuple (returns op itself for exact tuples).
tpy_object_t *tpy_sequence_tuple(tpy_object_t *iterable);

/* ---- recursion guard for repr/compare/hash of nested containers ------------- */
// 0 ok, -1 with RecursionError set (" while getting the repr of an object" etc.).
int tpy_enter_recursive_call(const char *where);
void tpy_leave_recursive_call(void);
// repr of self-referencing containers: 1 when [op] is already being printed.
int tpy_repr_enter(tpy_object_t *op);
void tpy_repr_leave(tpy_object_t *op);

void tpy_abstract_init(void);

#endif
