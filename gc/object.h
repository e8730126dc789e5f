/*
 * gc/object.h - the object ABI: header, type struct, slots, reference counting.
 *
 * Every object begins with { refcnt, type }.  An object dies the instant its
 * count reaches zero: TPY_DECREF calls the type's tp_dealloc right there, so
 * `del x`, rebinding and leaving a function free memory at once (CPython's
 * semantics).  Containers additionally carry a two-word GC header *in front of*
 * the object (see gc/gc.h); atomic objects (int, float, str, None, bool) do not.
 *
 * Ownership conventions (DESIGN.md): functions return new references unless
 * their name ends in _borrow; arguments are borrowed unless the name ends in
 * _steal.  Errors follow CPython: NULL (or -1) with an exception set.
 */
#ifndef TPY_GC_OBJECT_H
#define TPY_GC_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct tpy_object tpy_object_t;
typedef struct tpy_type tpy_type_t;

struct tpy_object {
    intptr_t refcnt;
    tpy_type_t *type;
};

/* Variable-size objects (tuple, str, big int) keep their item count here. */
typedef struct {
    tpy_object_t ob;
    intptr_t size;
} tpy_varobject_t;

#define TPY_OBJ(p) ((tpy_object_t *)(p))
#define TPY_TYPE(o) (TPY_OBJ(o)->type)
#define TPY_REFCNT(o) (TPY_OBJ(o)->refcnt)

/* ---- slot signatures ------------------------------------------------------ */

typedef void (*tpy_destructor_fn)(tpy_object_t *self);
typedef tpy_object_t *(*tpy_unary_fn)(tpy_object_t *self);
typedef tpy_object_t *(*tpy_binary_fn)(tpy_object_t *a, tpy_object_t *b);
typedef tpy_object_t *(*tpy_ternary_fn)(tpy_object_t *a, tpy_object_t *b, tpy_object_t *c);
// Hash: any value but -1; -1 means an exception is set.
typedef int64_t (*tpy_hash_fn)(tpy_object_t *self);
// Rich comparison; [op] is a TPY_CMP_* value.  May return tpy_not_implemented.
typedef tpy_object_t *(*tpy_richcmp_fn)(tpy_object_t *a, tpy_object_t *b, int op);
// [name] is always a str.  Returns NULL with AttributeError set when absent.
typedef tpy_object_t *(*tpy_getattr_fn)(tpy_object_t *self, tpy_object_t *name);
// [value] NULL means delete.  0 on success, -1 with an exception set.
typedef int (*tpy_setattr_fn)(tpy_object_t *self, tpy_object_t *name, tpy_object_t *value);
/*
 * The one calling convention ("vectorcall"): [args] holds [nargs] positional
 * arguments followed by len(kwnames) keyword values; [kwnames] is NULL or a
 * tuple of str.  All borrowed.  Returns a new reference or NULL.
 */
typedef tpy_object_t *(*tpy_call_fn)(tpy_object_t *callable, tpy_object_t *const *args,
                                     size_t nargs, tpy_object_t *kwnames);
typedef int (*tpy_visit_fn)(tpy_object_t *obj, void *arg);
// Visit every owned reference exactly once; stop and return non-zero if visit does.
typedef int (*tpy_traverse_fn)(tpy_object_t *self, tpy_visit_fn visit, void *arg);
typedef int (*tpy_inquiry_fn)(tpy_object_t *self);
// Next item (new ref), or NULL: exhausted when no exception is set.
typedef tpy_object_t *(*tpy_iternext_fn)(tpy_object_t *self);
// Length, or -1 with an exception set.
typedef intptr_t (*tpy_len_fn)(tpy_object_t *self);
// [value] NULL means delete.
typedef int (*tpy_setitem_fn)(tpy_object_t *self, tpy_object_t *key, tpy_object_t *value);
// 1 contained, 0 not, -1 error.
typedef int (*tpy_contains_fn)(tpy_object_t *self, tpy_object_t *item);
// Descriptor __get__: [obj] NULL when looked up on the class.
typedef tpy_object_t *(*tpy_descrget_fn)(tpy_object_t *descr, tpy_object_t *obj,
                                         tpy_type_t *type);
typedef int (*tpy_descrset_fn)(tpy_object_t *descr, tpy_object_t *obj, tpy_object_t *value);
// type(...) construction: __new__ and __init__ halves, vectorcall arguments.
typedef tpy_object_t *(*tpy_new_fn)(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames);
typedef int (*tpy_init_fn)(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                           tpy_object_t *kwnames);

/* Rich comparison operators, in CPython's order. */
enum { TPY_CMP_LT, TPY_CMP_LE, TPY_CMP_EQ, TPY_CMP_NE, TPY_CMP_GT, TPY_CMP_GE };

/*
 * Binary operators.  One table of slots indexed by this enum replaces
 * CPython's nb_add, nb_subtract, ...: a slot receives (a, b) where either may
 * be an instance of the slot's type (CPython's convention), and returns
 * tpy_not_implemented when it does not handle the pair.  The in-place table
 * has the same indices.
 */
#define TPY_BINOPS(X)                                                                             \
    X(ADD, "+", "__add__", "__radd__", "__iadd__")                                                \
    X(SUB, "-", "__sub__", "__rsub__", "__isub__")                                                \
    X(MUL, "*", "__mul__", "__rmul__", "__imul__")                                                \
    X(TRUEDIV, "/", "__truediv__", "__rtruediv__", "__itruediv__")                                \
    X(FLOORDIV, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__")                           \
    X(MOD, "%", "__mod__", "__rmod__", "__imod__")                                                \
    X(POW, "**", "__pow__", "__rpow__", "__ipow__")                                               \
    X(LSHIFT, "<<", "__lshift__", "__rlshift__", "__ilshift__")                                   \
    X(RSHIFT, ">>", "__rshift__", "__rrshift__", "__irshift__")                                   \
    X(AND, "&", "__and__", "__rand__", "__iand__")                                                \
    X(OR, "|", "__or__", "__ror__", "__ior__")                                                    \
    X(XOR, "^", "__xor__", "__rxor__", "__ixor__")                                                \
    X(MATMUL, "@", "__matmul__", "__rmatmul__", "__imatmul__")

enum {
#define TPY_BINOP_ENUM(name, sym, d, r, i) TPY_BINOP_##name,
    TPY_BINOPS(TPY_BINOP_ENUM)
#undef TPY_BINOP_ENUM
        TPY_BINOP_COUNT
};

/* Unary operators. */
enum { TPY_UNOP_NEG, TPY_UNOP_POS, TPY_UNOP_INVERT, TPY_UNOP_COUNT };

/* ---- type flags ----------------------------------------------------------- */
enum {
    TPY_TPFLAGS_HEAPTYPE = 1u << 0,      // a class made by a `class` statement
    TPY_TPFLAGS_BASETYPE = 1u << 1,      // may be subclassed
    TPY_TPFLAGS_HAVE_GC = 1u << 2,       // instances carry a GC header
    TPY_TPFLAGS_INT_SUBCLASS = 1u << 3,  // fast isinstance checks (CPython's *_SUBCLASS)
    TPY_TPFLAGS_STR_SUBCLASS = 1u << 4,
    TPY_TPFLAGS_LIST_SUBCLASS = 1u << 5,
    TPY_TPFLAGS_TUPLE_SUBCLASS = 1u << 6,
    TPY_TPFLAGS_DICT_SUBCLASS = 1u << 7,
    TPY_TPFLAGS_EXC_SUBCLASS = 1u << 8,  // BaseException and its subclasses
    TPY_TPFLAGS_TYPE_SUBCLASS = 1u << 9,
    TPY_TPFLAGS_READY = 1u << 10,        // tpy_type_ready has run
    TPY_TPFLAGS_IMMUTABLE = 1u << 11,    // attributes of the type cannot be set
    TPY_TPFLAGS_METHOD_DESCR = 1u << 12, // LOAD_METHOD may skip binding (functions)
    TPY_TPFLAGS_INLINE_VALUES = 1u << 13, // instances keep attributes as values (instvalues.h)
    TPY_TPFLAGS_WEAKREF = 1u << 14,       // weakref.ref / proxy and their subclasses
    TPY_TPFLAGS_TRASHCAN = 1u << 15,      // tp_dealloc bounds its own nesting (tpy_trash_begin)
};

/* A C function exposed as a method: vectorcall with [self] separate. */
typedef tpy_object_t *(*tpy_cmethod_fn)(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames);
typedef struct {
    const char *name;
    tpy_cmethod_fn fn;
    unsigned flags; // TPY_METH_*
    const char *doc;
} tpy_methoddef_t;

enum {
    TPY_METH_STATIC = 1u << 0, // no self (staticmethod)
    TPY_METH_CLASS = 1u << 1,  // self is the type (classmethod)
};

/* A computed attribute implemented in C (property-like, on built-in types). */
typedef struct {
    const char *name;
    tpy_object_t *(*get)(tpy_object_t *self);
    int (*set)(tpy_object_t *self, tpy_object_t *value); // NULL: read-only
} tpy_getsetdef_t;

/* A struct field exposed as an attribute (object pointer, may be NULL → None). */
typedef struct {
    const char *name;
    size_t offset;
    bool readonly;
} tpy_memberdef_t;

struct tpy_type {
    tpy_varobject_t ob;   // a type is an object of type `type`
    const char *tp_name;  // "int", "list", or for heap types the class name (owned by tp_ht_name)
    size_t tp_basicsize;  // bytes of the object, not counting the GC header
    size_t tp_itemsize;   // bytes per item for variable-size objects
    unsigned tp_flags;
    uint32_t tp_version;  // bumped whenever the type's attributes change

    tpy_destructor_fn tp_dealloc;
    tpy_unary_fn tp_repr;
    tpy_unary_fn tp_str;
    tpy_hash_fn tp_hash;
    tpy_richcmp_fn tp_richcompare;
    tpy_getattr_fn tp_getattro;
    tpy_setattr_fn tp_setattro;
    tpy_call_fn tp_call;
    tpy_traverse_fn tp_traverse;
    tpy_inquiry_fn tp_clear;
    tpy_unary_fn tp_iter;
    tpy_iternext_fn tp_iternext;
    tpy_descrget_fn tp_descr_get;
    tpy_descrset_fn tp_descr_set;
    tpy_new_fn tp_new;
    tpy_init_fn tp_init;
    tpy_destructor_fn tp_finalize; // __del__ (PEP 442); may be NULL

    // number protocol: each table is NULL or TPY_BINOP_COUNT slots, indexed by
    // TPY_BINOP_*; a static type names a table (TPY_BINOP_TABLE) or shares its
    // base's; a class owns tables inside its tpy_heaptype_t
    tpy_binary_fn *tp_binop;
    tpy_binary_fn *tp_inplace;
    tpy_unary_fn tp_unop[TPY_UNOP_COUNT];
    tpy_inquiry_fn tp_bool;  // 1 true, 0 false, -1 error
    tpy_unary_fn tp_int;     // __int__
    tpy_unary_fn tp_float;   // __float__
    tpy_unary_fn tp_index;   // __index__

    // container protocol
    tpy_len_fn tp_len;
    tpy_binary_fn tp_getitem;
    tpy_setitem_fn tp_setitem;
    tpy_contains_fn tp_contains;

    // static description, turned into tp_dict entries by tpy_type_ready
    const tpy_methoddef_t *tp_methods;
    const tpy_getsetdef_t *tp_getset;
    const tpy_memberdef_t *tp_members;
    const char *tp_doc;

    // filled by tpy_type_ready (or by class creation for heap types)
    tpy_type_t *tp_base;      // borrowed for static types, owned for heap types
    tpy_object_t *tp_bases;   // tuple of types
    tpy_object_t *tp_mro;     // tuple of types, self first
    tpy_object_t *tp_dict;    // dict: attributes of the type
    tpy_object_t *tp_ht_name; // heap types: the name as a str object (owned)
    tpy_object_t *tp_ht_qualname;
    intptr_t tp_dictoffset;    // offset of the instance __dict__ pointer, 0 if none
    intptr_t tp_weaklistoffset; // offset of the weakref list head, 0 if not weakrefable
    struct tpy_attrkeys *tp_attrkeys; // TPY_TPFLAGS_INLINE_VALUES: the shared attribute names
    intptr_t tp_ht_slotoff;  // classes with __slots__: offset of the first slot of their own
    intptr_t tp_ht_nslots;   // and how many (runtime/slots.h)
};

/* A static type's binary-operator table: `.tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_ADD] = f}`
 * (a file-scope compound literal: static storage, filled in by tpy_type_ready). */
#define TPY_BINOP_TABLE (tpy_binary_fn[TPY_BINOP_COUNT])

/* A class made by a `class` statement: the type plus the operator tables it
 * owns (its slots change when the class's dunders are assigned). */
typedef struct {
    tpy_type_t type;
    tpy_binary_fn binop[TPY_BINOP_COUNT];
    tpy_binary_fn inplace[TPY_BINOP_COUNT];
} tpy_heaptype_t;

// The type's slot for binary operator [op] (in place: tp_inplace), or NULL.
static inline tpy_binary_fn tpy_type_binop(const tpy_type_t *t, int op)
{
    return t->tp_binop != NULL ? t->tp_binop[op] : NULL;
}
static inline tpy_binary_fn tpy_type_inplace(const tpy_type_t *t, int op)
{
    return t->tp_inplace != NULL ? t->tp_inplace[op] : NULL;
}

/* ---- reference counting --------------------------------------------------- */

void tpy_dealloc(tpy_object_t *op);

#ifdef TPY_REF_DEBUG
// Sum of every INCREF minus every DECREF since start-up (make debug).
extern intptr_t tpy_ref_total;
void tpy_ref_negative(const char *file, int line, tpy_object_t *op);
#define TPY_REF_INC_TOTAL() (tpy_ref_total++)
#define TPY_REF_DEC_TOTAL() (tpy_ref_total--)
#else
#define TPY_REF_INC_TOTAL() ((void)0)
#define TPY_REF_DEC_TOTAL() ((void)0)
#endif

static inline void tpy_incref(tpy_object_t *op)
{
    TPY_REF_INC_TOTAL();
    op->refcnt++;
}

static inline void tpy_decref_at(const char *file, int line, tpy_object_t *op)
{
    (void)file;
    (void)line;
    TPY_REF_DEC_TOTAL();
    if (--op->refcnt == 0) {
        tpy_dealloc(op);
    }
#ifdef TPY_REF_DEBUG
    else if (op->refcnt < 0) {
        tpy_ref_negative(file, line, op);
    }
#endif
}

#define TPY_INCREF(op) tpy_incref(TPY_OBJ(op))
#define TPY_DECREF(op) tpy_decref_at(__FILE__, __LINE__, TPY_OBJ(op))
#define TPY_XINCREF(op)                                                                           \
    do {                                                                                          \
        tpy_object_t *xi_ = TPY_OBJ(op);                                                          \
        if (xi_ != NULL) {                                                                        \
            tpy_incref(xi_);                                                                      \
        }                                                                                         \
    } while (0)
#define TPY_XDECREF(op)                                                                           \
    do {                                                                                          \
        tpy_object_t *xd_ = TPY_OBJ(op);                                                          \
        if (xd_ != NULL) {                                                                        \
            TPY_DECREF(xd_);                                                                      \
        }                                                                                         \
    } while (0)
/* The only way to drop a reference held in a struct field: NULL it first, so a
 * finalizer that runs during the DECREF never sees a dangling pointer. */
#define TPY_CLEAR(field)                                                                          \
    do {                                                                                          \
        tpy_object_t *cl_ = TPY_OBJ(field);                                                       \
        if (cl_ != NULL) {                                                                        \
            (field) = NULL;                                                                       \
            TPY_DECREF(cl_);                                                                      \
        }                                                                                         \
    } while (0)
/* Replace a held reference; the new value is stolen. */
#define TPY_SETREF(field, newval)                                                                 \
    do {                                                                                          \
        tpy_object_t *sr_ = TPY_OBJ(field);                                                       \
        (field) = (newval);                                                                       \
        TPY_XDECREF(sr_);                                                                         \
    } while (0)

static inline tpy_object_t *tpy_newref(tpy_object_t *op)
{
    tpy_incref(op);
    return op;
}
#define TPY_NEWREF(op) tpy_newref(TPY_OBJ(op))

/* Immortal-ish statics (small ints, None, True, ...) start with a huge count so
 * that a stray DECREF can never free them. */
#define TPY_STATIC_REFCNT ((intptr_t)1 << 40)

#endif
