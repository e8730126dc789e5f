/*
 * runtime/typeobject.c - `type`: static type set-up, classes made by `class`
 * statements, the dunder <-> slot bridge, and attribute lookup along the MRO.
 * (`object` itself lives in runtime/objecttype.c, what a class tells about
 * itself -- mappingproxy, __subclasses__, layout numbers -- in typeinfo.c.)
 *
 * Two directions connect C slots and Python dunder methods, as in CPython:
 *  - a built-in type's slots appear in its dict as wrapper descriptors
 *    (object.__init__, int.__add__, list.__getitem__ ...) so that Python code
 *    can call them, e.g. super().__init__() or object.__setattr__(self, k, v);
 *  - a class that defines dunder methods gets dispatcher slots (slot_*) that
 *    look the dunder up on the instance's type and call it.  Where a class only
 *    inherits a built-in's wrapper, the built-in's C slot is copied instead.
 * Attribute lookup along the MRO goes through a small global cache keyed by
 * (type, name); any change to any type's dict after creation bumps a global
 * epoch that invalidates it (class attributes rarely change after creation).
 */
#include "runtime/typeslots.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the method cache -------------------------------------------------------- */

#define MCACHE_SIZE 4096
typedef struct {
    tpy_type_t *type;
    tpy_object_t *name; // owned (keeps the pointer from being reused)
    tpy_object_t *value; // borrowed; may be NULL (cached absence)
    uint32_t epoch;
} mcache_entry_t;
static mcache_entry_t mcache[MCACHE_SIZE];
uint32_t tpy_type_epoch = 1;

void tpy_type_modified(tpy_type_t *type)
{
    (void)type;
    tpy_type_epoch++;
}

static tpy_object_t *lookup_uncached(tpy_type_t *type, tpy_object_t *name)
{
    tpy_object_t *mro = type->tp_mro;
    if (mro == NULL) {
        return type->tp_dict ? tpy_dict_get_str_borrow(type->tp_dict, name) : NULL;
    }
    intptr_t n = TPY_TUPLE_SIZE(mro);
    for (intptr_t i = 0; i < n; i++) {
        tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_GET(mro, i);
        if (t->tp_dict != NULL) {
            tpy_object_t *v = tpy_dict_get_str_borrow(t->tp_dict, name);
            if (v != NULL) {
                return v;
            }
        }
    }
    return NULL;
}

tpy_object_t *tpy_type_lookup_borrow(tpy_type_t *type, tpy_object_t *name)
{
    if (!((tpy_str_t *)name)->interned) {
        return lookup_uncached(type, name);
    }
    size_t h = (((uintptr_t)type >> 4) ^ ((uintptr_t)name >> 3)) & (MCACHE_SIZE - 1);
    mcache_entry_t *e = &mcache[h];
    if (e->type == type && e->name == name && e->epoch == tpy_type_epoch) {
        return e->value;
    }
    tpy_object_t *v = lookup_uncached(type, name);
    e->type = type;
    e->epoch = tpy_type_epoch;
    e->value = v;
    if (e->name != name) {
        tpy_object_t *old = e->name;
        e->name = tpy_newref(name);
        TPY_XDECREF(old);
    }
    return v;
}

void tpy_type_cache_clear(void)
{
    for (size_t i = 0; i < MCACHE_SIZE; i++) {
        TPY_CLEAR(mcache[i].name);
        mcache[i].type = NULL;
    }
}

/* ---- names ------------------------------------------------------------------ */

const char *tpy_type_name(tpy_type_t *type)
{
    if (TPY_TYPE_HAS_FLAG(type, TPY_TPFLAGS_HEAPTYPE) && type->tp_ht_name != NULL) {
        return TPY_STR_DATA(type->tp_ht_name);
    }
    const char *dot = strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

bool tpy_type_is_subtype(tpy_type_t *type, tpy_type_t *base)
{
    if (type == base) {
        return true;
    }
    tpy_object_t *mro = type->tp_mro;
    if (mro != NULL) {
        intptr_t n = TPY_TUPLE_SIZE(mro);
        for (intptr_t i = 1; i < n; i++) {
            if (TPY_TUPLE_GET(mro, i) == TPY_OBJ(base)) {
                return true;
            }
        }
        return false;
    }
    for (tpy_type_t *t = type->tp_base; t != NULL; t = t->tp_base) {
        if (t == base) {
            return true;
        }
    }
    return base == &tpy_object_type;
}

/* ---- static type set-up ----------------------------------------------------------- */

static void inherit_slots(tpy_type_t *t, tpy_type_t *b)
{
#define INHERIT(field)                                                                            \
    if (t->field == NULL) {                                                                       \
        t->field = b->field;                                                                      \
    }
    INHERIT(tp_dealloc);
    INHERIT(tp_repr);
    INHERIT(tp_str);
    INHERIT(tp_getattro);
    INHERIT(tp_setattro);
    INHERIT(tp_call);
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_init);
    INHERIT(tp_finalize);
    INHERIT(tp_bool);
    INHERIT(tp_int);
    INHERIT(tp_float);
    INHERIT(tp_index);
    INHERIT(tp_len);
    INHERIT(tp_getitem);
    INHERIT(tp_setitem);
    INHERIT(tp_contains);
    // operator tables: share the base's when the type names none of its own
    INHERIT(tp_binop);
    INHERIT(tp_inplace);
    for (int i = 0; i < TPY_BINOP_COUNT; i++) {
        if (t->tp_binop != b->tp_binop && b->tp_binop != NULL) {
            INHERIT(tp_binop[i]);
        }
        if (t->tp_inplace != b->tp_inplace && b->tp_inplace != NULL) {
            INHERIT(tp_inplace[i]);
        }
    }
    for (int i = 0; i < TPY_UNOP_COUNT; i++) {
        INHERIT(tp_unop[i]);
    }
    // hash and richcompare are inherited together (defining __eq__ alone
    // makes a type unhashable: handled for classes in fixup_slots)
    if (t->tp_richcompare == NULL && t->tp_hash == NULL) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    if (t->tp_traverse == NULL && TPY_TYPE_IS_GC(b)) {
        t->tp_traverse = b->tp_traverse;
        t->tp_clear = b->tp_clear;
    }
    if (t->tp_dictoffset == 0) {
        t->tp_dictoffset = b->tp_dictoffset;
    }
    if (t->tp_weaklistoffset == 0) {
        t->tp_weaklistoffset = b->tp_weaklistoffset;
    }
    t->tp_flags |= b->tp_flags & (TPY_TPFLAGS_INT_SUBCLASS | TPY_TPFLAGS_STR_SUBCLASS |
                                  TPY_TPFLAGS_LIST_SUBCLASS | TPY_TPFLAGS_TUPLE_SUBCLASS |
                                  TPY_TPFLAGS_DICT_SUBCLASS | TPY_TPFLAGS_EXC_SUBCLASS |
                                  TPY_TPFLAGS_TYPE_SUBCLASS | TPY_TPFLAGS_WEAKREF);
#undef INHERIT
}

static int add_defs(tpy_type_t *type, const tpy_methoddef_t *methods,
                    const tpy_getsetdef_t *getset, const tpy_memberdef_t *members)
{
    for (const tpy_methoddef_t *m = methods; m && m->name; m++) {
        tpy_object_t *d;
        if (m->flags & TPY_METH_STATIC) {
            tpy_object_t *f = tpy_cfunction_new(m, NULL, NULL);
            if (f == NULL) {
                return -1;
            }
            d = tpy_object_call1(TPY_OBJ(&tpy_staticmethod_type), f);
            TPY_DECREF(f);
        } else if (m->flags & TPY_METH_CLASS) {
            d = tpy_classmethoddescr_new(type, m);
        } else {
            d = tpy_methoddescr_new(type, m);
        }
        if (d == NULL || tpy_dict_set_cstr(type->tp_dict, m->name, d) < 0) {
            TPY_XDECREF(d);
            return -1;
        }
        TPY_DECREF(d);
    }
    for (const tpy_getsetdef_t *g = getset; g && g->name; g++) {
        tpy_object_t *d = tpy_getsetdescr_new(type, g);
        if (d == NULL || tpy_dict_set_cstr(type->tp_dict, g->name, d) < 0) {
            TPY_XDECREF(d);
            return -1;
        }
        TPY_DECREF(d);
    }
    for (const tpy_memberdef_t *m = members; m && m->name; m++) {
        tpy_object_t *d = tpy_memberdescr_new(type, m);
        if (d == NULL || tpy_dict_set_cstr(type->tp_dict, m->name, d) < 0) {
            TPY_XDECREF(d);
            return -1;
        }
        TPY_DECREF(d);
    }
    return 0;
}

/* Every static type made ready, so that exit can free what they own. */
static tpy_type_t **ready_types;
static size_t nready, capready;

static int remember_static_type(tpy_type_t *type)
{
    if (type->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        return 0;
    }
    if (nready == capready) {
        size_t cap = capready ? capready * 2 : 128;
        tpy_type_t **t = tpy_mem_realloc(ready_types, capready * sizeof *t, cap * sizeof *t);
        if (t == NULL) {
            tpy_err_no_memory(); // exit could not free what the type will own
            return -1;
        }
        ready_types = t;
        capready = cap;
    }
    ready_types[nready++] = type;
    return 0;
}

int tpy_type_ready(tpy_type_t *type)
{
    if (type->tp_flags & TPY_TPFLAGS_READY) {
        return 0;
    }
    if (remember_static_type(type) < 0) {
        return -1;
    }
    if (type->tp_base == NULL && type != &tpy_object_type) {
        type->tp_base = &tpy_object_type;
    }
    tpy_type_t *base = type->tp_base;
    if (base != NULL && !(base->tp_flags & TPY_TPFLAGS_READY)) {
        if (tpy_type_ready(base) < 0) {
            return -1;
        }
    }
    type->tp_flags |= TPY_TPFLAGS_READY;
    if (base != NULL) {
        inherit_slots(type, base);
    }
    // MRO of a static type: itself followed by its base's MRO.
    intptr_t nbase = base ? TPY_TUPLE_SIZE(base->tp_mro) : 0;
    tpy_object_t *mro = tpy_tuple_new(nbase + 1);
    if (mro == NULL) {
        return -1;
    }
    TPY_TUPLE_ITEMS(mro)[0] = tpy_newref(TPY_OBJ(type));
    for (intptr_t i = 0; i < nbase; i++) {
        TPY_TUPLE_ITEMS(mro)[i + 1] = tpy_newref(TPY_TUPLE_GET(base->tp_mro, i));
    }
    type->tp_mro = mro;
    type->tp_bases = base ? tpy_tuple_pack(1, TPY_OBJ(base)) : tpy_tuple_new(0);
    type->tp_dict = tpy_dict_new();
    if (type->tp_bases == NULL || type->tp_dict == NULL) {
        return -1;
    }
    if (add_defs(type, type->tp_methods, type->tp_getset, type->tp_members) < 0 ||
        tpy_slot_add_wrappers(type) < 0) {
        return -1;
    }
    if (base != NULL && tpy_typeinfo_add_subclass(base, type) < 0) {
        return -1;
    }
    if (type->tp_doc != NULL) {
        tpy_object_t *doc = tpy_str_from_cstr(type->tp_doc);
        if (doc == NULL || tpy_dict_set_cstr(type->tp_dict, "__doc__", doc) < 0) {
            TPY_XDECREF(doc);
            return -1;
        }
        TPY_DECREF(doc);
    }
    if (type->tp_hash == NULL && type->tp_richcompare != NULL &&
        tpy_dict_get_str_borrow(type->tp_dict, tpy_slot_name[SK_HASH]) == NULL) {
        // a static type that compares but does not hash (list, dict, set)
        if (tpy_dict_set(type->tp_dict, tpy_slot_name[SK_HASH], tpy_none) < 0) {
            return -1;
        }
    }
    tpy_type_modified(type);
    return 0;
}

int tpy_type_slots_installed(tpy_type_t *type)
{
    if (tpy_slot_add_wrappers(type) < 0) {
        return -1;
    }
    tpy_type_modified(type);
    return 0;
}

/* ---- instances of heap types ------------------------------------------------------ */

tpy_object_t *tpy_type_generic_alloc(tpy_type_t *type, size_t nitems)
{
    size_t size = type->tp_basicsize + nitems * type->tp_itemsize;
    tpy_object_t *op = TPY_TYPE_IS_GC(type) ? tpy_gc_new(type, size) : tpy_obj_new(type, size);
    if (op == NULL) {
        return tpy_err_no_memory();
    }
    if (type->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        TPY_INCREF(type);
    }
    if (type->tp_itemsize != 0) {
        ((tpy_varobject_t *)op)->size = (intptr_t)nitems;
    }
    return op;
}

tpy_object_t **tpy_object_dict_ptr(tpy_object_t *op)
{
    intptr_t off = TPY_TYPE(op)->tp_dictoffset;
    if (off == 0) {
        return NULL;
    }
    tpy_object_t **slot = (tpy_object_t **)((char *)op + off);
    if (tpy_slot_values(*slot) != NULL && tpy_values_materialize(op) < 0) {
        return NULL; // out of memory: MemoryError is set
    }
    return slot;
}

/* The first static type in the MRO: whose memory layout and dealloc instances share. */
tpy_type_t *tpy_type_solid_base(tpy_type_t *type)
{
    while (type->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        type = type->tp_base;
    }
    return type;
}

static int subtype_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_type_t *type = TPY_TYPE(self);
    tpy_type_t *sb = tpy_type_solid_base(type);
    int r;
    // CPython's order (gc.get_referents shows it): slots, attributes, class
    if ((r = tpy_slots_traverse(self, visit, arg)) != 0) {
        return r;
    }
    if (type->tp_dictoffset != 0 && type->tp_dictoffset != sb->tp_dictoffset) {
        tpy_object_t *d = *tpy_object_dict_slot(self);
        tpy_values_t *v = tpy_slot_values(d);
        if (v != NULL) {
            if ((r = tpy_values_traverse(v, visit, arg)) != 0) {
                return r;
            }
        } else if (d != NULL && (r = visit(d, arg)) != 0) {
            return r;
        }
    }
    if ((r = visit(TPY_OBJ(type), arg)) != 0) {
        return r;
    }
    if (sb->tp_traverse != NULL) {
        return sb->tp_traverse(self, visit, arg);
    }
    return 0;
}

static int subtype_clear(tpy_object_t *self)
{
    tpy_type_t *type = TPY_TYPE(self);
    tpy_type_t *sb = tpy_type_solid_base(type);
    if (type->tp_dictoffset != 0 && type->tp_dictoffset != sb->tp_dictoffset) {
        tpy_object_t **slot = tpy_object_dict_slot(self);
        tpy_values_t *v = tpy_slot_values(*slot);
        if (v != NULL) {
            tpy_values_clear(v);
        } else {
            TPY_CLEAR(*slot);
        }
    }
    tpy_slots_clear(self);
    if (sb->tp_clear != NULL) {
        return sb->tp_clear(self);
    }
    return 0;
}

/*
 * Run __del__ once (PEP 442).  Returns true when the finalizer resurrected the
 * object (someone stored a new reference), in which case dealloc must stop.
 */
static bool call_finalizer(tpy_object_t *self)
{
    tpy_type_t *type = TPY_TYPE(self);
    if (type->tp_finalize == NULL || !TPY_TYPE_IS_GC(type)) {
        return false;
    }
    tpy_gc_head_t *g = TPY_GC_HEAD(self);
    if (g->prev & TPY_GC_FINALIZED_BIT) {
        return false;
    }
    g->prev |= TPY_GC_FINALIZED_BIT;
    self->refcnt = 1; // temporarily alive while __del__ runs
    TPY_REF_INC_TOTAL();
    tpy_object_t *saved = tpy_err_fetch();
    type->tp_finalize(self);
    if (tpy_err_occurred()) {
        // CPython names the __del__ function, not the object
        tpy_object_t *del = tpy_type_lookup_borrow(type, tpy_slot_name[SK_DEL]);
        tpy_err_write_unraisable(del ? del : self);
    }
    tpy_err_restore(saved);
    TPY_REF_DEC_TOTAL();
    if (--self->refcnt != 0) {
        return true; // resurrected
    }
    return false;
}

static void subtype_dealloc(tpy_object_t *self)
{
    tpy_type_t *type = TPY_TYPE(self);
    if (TPY_TYPE_IS_GC(type)) {
        tpy_gc_untrack(self);
    }
    if (call_finalizer(self)) {
        if (TPY_TYPE_IS_GC(type)) {
            tpy_gc_track(self);
        }
        return;
    }
    tpy_type_t *sb = tpy_type_solid_base(type);
    if (type->tp_weaklistoffset != sb->tp_weaklistoffset) {
        tpy_weakref_clear_refs(self); // the class added __weakref__: its base cannot clear it
    }
    if (type->tp_dictoffset != 0 && type->tp_dictoffset != sb->tp_dictoffset) {
        tpy_object_t **slot = tpy_object_dict_slot(self);
        tpy_values_t *v = tpy_slot_values(*slot);
        if (v != NULL) {
            *slot = NULL;
            tpy_values_free(v);
        } else {
            TPY_CLEAR(*slot);
        }
    }
    tpy_slots_clear(self);
    if (sb->tp_dealloc != NULL && sb != &tpy_object_type) {
        sb->tp_dealloc(self); // frees with TPY_TYPE(self)->tp_basicsize
    } else if (TPY_TYPE_IS_GC(type)) {
        tpy_gc_free(self, type->tp_basicsize);
    } else {
        tpy_obj_free(self, type->tp_basicsize);
    }
    TPY_DECREF(type);
}

/* ---- dispatcher slots for classes ------------------------------------------------- */

/* Find dunder [kind] on the type of [self]; borrowed or NULL. */
static tpy_object_t *lookup_dunder(tpy_object_t *self, int kind)
{
    return tpy_type_lookup_borrow(TPY_TYPE(self), tpy_slot_name[kind]);
}

/* Call dunder [kind] of [self] with [nargs] further arguments.  *found = false
 * (and NULL, no error) when the type has no such attribute. */
static tpy_object_t *call_dunder(tpy_object_t *self, int kind, tpy_object_t *const *args,
                                 size_t nargs, bool *found)
{
    tpy_object_t *f = lookup_dunder(self, kind);
    if (found) {
        *found = f != NULL;
    }
    if (f == NULL) {
        if (found == NULL) {
            return tpy_err_no_attribute(self, tpy_slot_name[kind]);
        }
        return NULL;
    }
    tpy_object_t *stack[4];
    if (TPY_TYPE_HAS_FLAG(TPY_TYPE(f), TPY_TPFLAGS_METHOD_DESCR) && nargs < 4) {
        stack[0] = self;
        for (size_t i = 0; i < nargs; i++) {
            stack[i + 1] = args[i];
        }
        return tpy_object_call(f, stack, nargs + 1, NULL);
    }
    tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
    tpy_object_t *bound = get ? get(f, self, TPY_TYPE(self)) : tpy_newref(f);
    if (bound == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_call(bound, args, nargs, NULL);
    TPY_DECREF(bound);
    return r;
}

static tpy_object_t *slot_repr(tpy_object_t *self)
{
    return call_dunder(self, SK_REPR, NULL, 0, NULL);
}

static tpy_object_t *slot_str(tpy_object_t *self)
{
    return call_dunder(self, SK_STR, NULL, 0, NULL);
}

static int64_t slot_hash(tpy_object_t *self)
{
    tpy_object_t *f = lookup_dunder(self, SK_HASH);
    if (f == NULL || f == tpy_none) {
        return tpy_hash_unhashable(self);
    }
    tpy_object_t *r = call_dunder(self, SK_HASH, NULL, 0, NULL);
    if (r == NULL) {
        return -1;
    }
    if (!TPY_INT_CHECK(r)) {
        TPY_DECREF(r);
        tpy_err_set_str(&tpy_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h = tpy_int_hash(r); // reduce big values the way hash(int) does
    TPY_DECREF(r);
    return h;
}

static tpy_object_t *slot_call(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    tpy_object_t *f = lookup_dunder(self, SK_CALL);
    if (f == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not callable", self);
    }
    tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
    tpy_object_t *bound = get ? get(f, self, TPY_TYPE(self)) : tpy_newref(f);
    if (bound == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_call(bound, args, nargs, kwnames);
    TPY_DECREF(bound);
    return r;
}

static tpy_object_t *slot_iter(tpy_object_t *self)
{
    tpy_object_t *f = lookup_dunder(self, SK_ITER);
    if (f == tpy_none) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not iterable", self);
    }
    if (f == NULL) {
        // old-style sequence iteration through __getitem__
        return tpy_object_getiter(self);
    }
    tpy_object_t *it = call_dunder(self, SK_ITER, NULL, 0, NULL);
    if (it != NULL && TPY_TYPE(it)->tp_iternext == NULL) {
        tpy_err_format(&tpy_exc_TypeError, "iter() returned non-iterator of type '%T'", it);
        TPY_DECREF(it);
        return NULL;
    }
    return it;
}

static tpy_object_t *slot_iternext(tpy_object_t *self)
{
    tpy_object_t *r = call_dunder(self, SK_NEXT, NULL, 0, NULL);
    if (r == NULL && tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_err_clear();
    }
    return r;
}

static intptr_t slot_len(tpy_object_t *self)
{
    tpy_object_t *r = call_dunder(self, SK_LEN, NULL, 0, NULL);
    if (r == NULL) {
        return -1;
    }
    if (!TPY_INT_CHECK(r)) {
        tpy_err_format(&tpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", r);
        TPY_DECREF(r);
        return -1;
    }
    int overflow = 0;
    int64_t n = tpy_int_as_i64_overflow(r, &overflow);
    bool neg = overflow ? tpy_int_sign(r) < 0 : n < 0;
    TPY_DECREF(r);
    if (neg) {
        tpy_err_set_str(&tpy_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    if (overflow) {
        tpy_err_set_str(&tpy_exc_OverflowError,
                        "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return (intptr_t)n;
}

static tpy_object_t *slot_getitem(tpy_object_t *self, tpy_object_t *key)
{
    return call_dunder(self, SK_GETITEM, &key, 1, NULL);
}

static int slot_setitem(tpy_object_t *self, tpy_object_t *key, tpy_object_t *value)
{
    tpy_object_t *args[2] = {key, value};
    bool found;
    tpy_object_t *r = call_dunder(self, value ? SK_SETITEM : SK_DELITEM, args, value ? 2 : 1,
                                  &found);
    if (!found) {
        // the class defines only the other one of __setitem__ / __delitem__
        tpy_err_set_str(&tpy_exc_AttributeError, value ? "__setitem__" : "__delitem__");
        return -1;
    }
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

static int slot_contains(tpy_object_t *self, tpy_object_t *item)
{
    tpy_object_t *f = lookup_dunder(self, SK_CONTAINS);
    if (f == NULL || f == tpy_none) {
        // fall back to iteration
        tpy_object_t *it = tpy_object_getiter(self);
        if (it == NULL) {
            return -1;
        }
        tpy_object_t *x;
        while ((x = tpy_iter_next(it)) != NULL) {
            int eq = tpy_object_richcompare_bool(x, item, TPY_CMP_EQ);
            TPY_DECREF(x);
            if (eq != 0) {
                TPY_DECREF(it);
                return eq;
            }
        }
        TPY_DECREF(it);
        return tpy_err_occurred() ? -1 : 0;
    }
    tpy_object_t *r = call_dunder(self, SK_CONTAINS, &item, 1, NULL);
    if (r == NULL) {
        return -1;
    }
    int t = tpy_object_is_true(r);
    TPY_DECREF(r);
    return t;
}

static int slot_bool(tpy_object_t *self)
{
    bool found;
    tpy_object_t *r = call_dunder(self, SK_BOOL, NULL, 0, &found);
    if (found) {
        if (r == NULL) {
            return -1;
        }
        if (!TPY_ISINSTANCE(r, &tpy_bool_type)) {
            tpy_err_format(&tpy_exc_TypeError, "__bool__ should return bool, returned %T", r);
            TPY_DECREF(r);
            return -1;
        }
        int t = r == tpy_true;
        TPY_DECREF(r);
        return t;
    }
    if (lookup_dunder(self, SK_LEN) != NULL) {
        intptr_t n = slot_len(self);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static tpy_object_t *checked_number(tpy_object_t *r, tpy_type_t *want, const char *dunder)
{
    if (r != NULL && !TPY_ISINSTANCE(r, want)) {
        tpy_err_format(&tpy_exc_TypeError, "%s returned non-%s (type %T)", dunder, want->tp_name,
                       r);
        TPY_DECREF(r);
        return NULL;
    }
    return r;
}

static tpy_object_t *slot_int(tpy_object_t *self)
{
    return checked_number(call_dunder(self, SK_INT, NULL, 0, NULL), &tpy_int_type, "__int__");
}

static tpy_object_t *slot_float(tpy_object_t *self)
{
    tpy_object_t *r = call_dunder(self, SK_FLOAT, NULL, 0, NULL);
    if (r != NULL && !TPY_ISINSTANCE(r, &tpy_float_type)) {
        // CPython names the class here (unlike __int__ and __index__)
        tpy_err_format(&tpy_exc_TypeError, "%s.__float__ returned non-float (type %T)",
                       tpy_type_name(TPY_TYPE(self)), r);
        TPY_DECREF(r);
        return NULL;
    }
    return r;
}

static tpy_object_t *slot_index(tpy_object_t *self)
{
    return checked_number(call_dunder(self, SK_INDEX, NULL, 0, NULL), &tpy_int_type,
                          "__index__");
}

static tpy_object_t *slot_getattro(tpy_object_t *self, tpy_object_t *name)
{
    tpy_type_t *type = TPY_TYPE(self);
    tpy_object_t *ga = tpy_type_lookup_borrow(type, tpy_slot_name[SK_GETATTRIBUTE]);
    tpy_object_t *r;
    if (ga == NULL || (TPY_TYPE(ga) == &tpy_wrapperdescr_type &&
                       ((wrapperdescr_t *)ga)->owner == &tpy_object_type)) {
        r = tpy_object_generic_getattr(self, name);
    } else {
        r = call_dunder(self, SK_GETATTRIBUTE, &name, 1, NULL);
    }
    if (r == NULL && tpy_err_matches(&tpy_exc_AttributeError) &&
        tpy_type_lookup_borrow(type, tpy_slot_name[SK_GETATTR]) != NULL) {
        tpy_err_clear();
        r = call_dunder(self, SK_GETATTR, &name, 1, NULL);
    }
    return r;
}

static int slot_setattro(tpy_object_t *self, tpy_object_t *name, tpy_object_t *value)
{
    tpy_object_t *args[2] = {name, value};
    tpy_object_t *r = call_dunder(self, value ? SK_SETATTR : SK_DELATTR, args, value ? 2 : 1, NULL);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

static tpy_object_t *slot_descr_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    tpy_object_t *args[2] = {obj ? obj : tpy_none, type ? TPY_OBJ(type) : tpy_none};
    return call_dunder(descr, SK_GET, args, 2, NULL);
}

static int slot_descr_set(tpy_object_t *descr, tpy_object_t *obj, tpy_object_t *value)
{
    tpy_object_t *args[2] = {obj, value};
    tpy_object_t *r = call_dunder(descr, value ? SK_SET : SK_DELETE, args, value ? 2 : 1, NULL);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

static void slot_finalize(tpy_object_t *self)
{
    tpy_object_t *r = call_dunder(self, SK_DEL, NULL, 0, NULL);
    TPY_XDECREF(r);
}

static tpy_object_t *slot_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_object_t *f = lookup_dunder(a, SK_LT + op);
    if (f == NULL || f == tpy_none) {
        TPY_RETURN_NOTIMPL;
    }
    return call_dunder(a, SK_LT + op, &b, 1, NULL);
}

static tpy_object_t *slot_unop(tpy_object_t *a, int op)
{
    return call_dunder(a, SK_NEG + op, NULL, 0, NULL);
}

static tpy_object_t *slot_neg(tpy_object_t *a)
{
    return slot_unop(a, TPY_UNOP_NEG);
}

static tpy_object_t *slot_pos(tpy_object_t *a)
{
    return slot_unop(a, TPY_UNOP_POS);
}

static tpy_object_t *slot_invert(tpy_object_t *a)
{
    return slot_unop(a, TPY_UNOP_INVERT);
}

/* Does [sub] override dunder [kind] relative to [base]? (CPython's method_is_overloaded) */
static bool overrides(tpy_type_t *sub, tpy_type_t *base, int kind)
{
    tpy_object_t *a = tpy_type_lookup_borrow(sub, tpy_slot_name[kind]);
    if (a == NULL) {
        return false;
    }
    return a != tpy_type_lookup_borrow(base, tpy_slot_name[kind]);
}

static tpy_binary_fn slot_binop_fns[TPY_BINOP_COUNT];

/* a OP b for classes: __op__ on a, __rop__ on b, subclass-first (CPython's SLOT1BINFULL). */
static tpy_object_t *slot_binop(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_type_t *ta = TPY_TYPE(a), *tb = TPY_TYPE(b);
    bool do_other = ta != tb && tpy_type_binop(tb, op) == slot_binop_fns[op] &&
                    tpy_type_lookup_borrow(tb, tpy_slot_name[SK_RBINOP + op]) != NULL;
    if (tpy_type_binop(ta, op) == slot_binop_fns[op]) {
        if (do_other && tpy_type_is_subtype(tb, ta) && overrides(tb, ta, SK_RBINOP + op)) {
            tpy_object_t *r = call_dunder(b, SK_RBINOP + op, &a, 1, NULL);
            if (r != tpy_not_implemented) {
                return r;
            }
            TPY_DECREF(r);
            do_other = false;
        }
        tpy_object_t *f = tpy_type_lookup_borrow(ta, tpy_slot_name[SK_BINOP + op]);
        if (f != NULL && f != tpy_none) {
            tpy_object_t *r = call_dunder(a, SK_BINOP + op, &b, 1, NULL);
            if (r != tpy_not_implemented || ta == tb) {
                return r;
            }
            TPY_DECREF(r);
        }
    }
    if (do_other) {
        return call_dunder(b, SK_RBINOP + op, &a, 1, NULL);
    }
    TPY_RETURN_NOTIMPL;
}

static tpy_object_t *slot_inplace(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_object_t *f = tpy_type_lookup_borrow(TPY_TYPE(a), tpy_slot_name[SK_IBINOP + op]);
    if (f == NULL || f == tpy_none) {
        TPY_RETURN_NOTIMPL;
    }
    return call_dunder(a, SK_IBINOP + op, &b, 1, NULL);
}

#define DEFINE_SLOT_BINOP(name, sym, d, r, i)                                                     \
    static tpy_object_t *slot_binop_##name(tpy_object_t *a, tpy_object_t *b)                     \
    {                                                                                             \
        return slot_binop(a, b, TPY_BINOP_##name);                                                \
    }                                                                                             \
    static tpy_object_t *slot_inplace_##name(tpy_object_t *a, tpy_object_t *b)                    \
    {                                                                                             \
        return slot_inplace(a, b, TPY_BINOP_##name);                                              \
    }
TPY_BINOPS(DEFINE_SLOT_BINOP)
#undef DEFINE_SLOT_BINOP

static tpy_binary_fn slot_binop_fns[TPY_BINOP_COUNT] = {
#define REF_SLOT_BINOP(name, sym, d, r, i) slot_binop_##name,
    TPY_BINOPS(REF_SLOT_BINOP)
#undef REF_SLOT_BINOP
};
static tpy_binary_fn slot_inplace_fns[TPY_BINOP_COUNT] = {
#define REF_SLOT_INPLACE(name, sym, d, r, i) slot_inplace_##name,
    TPY_BINOPS(REF_SLOT_INPLACE)
#undef REF_SLOT_INPLACE
};

static tpy_object_t *slot_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    tpy_object_t *f = tpy_type_lookup_borrow(type, tpy_slot_name[SK_NEW]);
    if (f == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "cannot create '%s' instances",
                              tpy_type_name(type));
    }
    // __new__ is a static method: call it with the class prepended.
    tpy_object_t *func = f;
    if (TPY_TYPE(f) == &tpy_staticmethod_type) {
        func = ((tpy_wrapper_t *)f)->callable;
    }
    size_t nkw = tpy_kwcount(kwnames);
    tpy_object_t *small[8];
    tpy_object_t **stack = small;
    if (nargs + nkw + 1 > 8) {
        stack = tpy_mem_alloc(sizeof(tpy_object_t *) * (nargs + nkw + 1));
        if (stack == NULL) {
            return tpy_err_no_memory();
        }
    }
    stack[0] = TPY_OBJ(type);
    for (size_t i = 0; i < nargs + nkw; i++) {
        stack[i + 1] = args[i];
    }
    tpy_object_t *r = tpy_object_call(func, stack, nargs + 1, kwnames);
    if (stack != small) {
        tpy_mem_free(stack, sizeof(tpy_object_t *) * (nargs + nkw + 1));
    }
    return r;
}

static int slot_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                     tpy_object_t *kwnames)
{
    tpy_object_t *f = lookup_dunder(self, SK_INIT);
    if (f == NULL) {
        return 0;
    }
    tpy_object_t *r;
    if (TPY_TYPE_HAS_FLAG(TPY_TYPE(f), TPY_TPFLAGS_METHOD_DESCR)) {
        size_t nkw = tpy_kwcount(kwnames);
        tpy_object_t *small[8];
        tpy_object_t **stack = small;
        if (nargs + nkw + 1 > 8) {
            stack = tpy_mem_alloc(sizeof(tpy_object_t *) * (nargs + nkw + 1));
            if (stack == NULL) {
                tpy_err_no_memory();
                return -1;
            }
        }
        stack[0] = self;
        for (size_t i = 0; i < nargs + nkw; i++) {
            stack[i + 1] = args[i];
        }
        r = tpy_object_call(f, stack, nargs + 1, kwnames);
        if (stack != small) {
            tpy_mem_free(stack, sizeof(tpy_object_t *) * (nargs + nkw + 1));
        }
    } else {
        tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
        tpy_object_t *bound = get ? get(f, self, TPY_TYPE(self)) : tpy_newref(f);
        if (bound == NULL) {
            return -1;
        }
        r = tpy_object_call(bound, args, nargs, kwnames);
        TPY_DECREF(bound);
    }
    if (r == NULL) {
        return -1;
    }
    if (r != tpy_none) {
        tpy_err_format(&tpy_exc_TypeError, "__init__() should return None, not '%T'", r);
        TPY_DECREF(r);
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

/*
 * Decide each slot of a new class: a dunder found along the MRO that is a
 * built-in wrapper for the same slot reuses that built-in's C function; any
 * other dunder installs the dispatcher; no dunder leaves the inherited slot.
 */
static tpy_object_t *find_in_mro(tpy_type_t *type, int kind)
{
    return lookup_uncached(type, tpy_slot_name[kind]);
}

static bool is_wrapper_of(tpy_object_t *f, int kind, tpy_type_t **owner)
{
    if (f != NULL && TPY_TYPE(f) == &tpy_wrapperdescr_type && ((wrapperdescr_t *)f)->kind == kind) {
        *owner = ((wrapperdescr_t *)f)->owner;
        return true;
    }
    return false;
}

/* Slot decision for a group of dunders sharing one slot. Returns: 0 leave
 * inherited, 1 use dispatcher, 2 copy from *owner. */
static int decide(tpy_type_t *type, const int *kinds, int n, tpy_type_t **owner)
{
    bool any = false, all_wrappers = true;
    tpy_type_t *common = NULL;
    for (int i = 0; i < n; i++) {
        tpy_object_t *f = find_in_mro(type, kinds[i]);
        if (f == NULL) {
            continue;
        }
        any = true;
        tpy_type_t *o;
        if (is_wrapper_of(f, kinds[i], &o) && (common == NULL || common == o)) {
            common = o;
        } else {
            all_wrappers = false;
        }
    }
    if (!any) {
        return 0;
    }
    if (all_wrappers && common != NULL) {
        *owner = common;
        return 2;
    }
    return 1;
}

#define FIX(field, dispatcher, ...)                                                               \
    do {                                                                                          \
        static const int kinds_[] = {__VA_ARGS__};                                                \
        tpy_type_t *own_;                                                                         \
        int d_ = decide(type, kinds_, (int)(sizeof kinds_ / sizeof kinds_[0]), &own_);            \
        if (d_ == 1) {                                                                            \
            type->field = dispatcher;                                                             \
        } else if (d_ == 2) {                                                                     \
            type->field = own_->field;                                                            \
        }                                                                                         \
    } while (0)

static void fixup_slots(tpy_type_t *type)
{
    FIX(tp_repr, slot_repr, SK_REPR);
    FIX(tp_str, slot_str, SK_STR);
    FIX(tp_call, slot_call, SK_CALL);
    FIX(tp_iter, slot_iter, SK_ITER);
    FIX(tp_iternext, slot_iternext, SK_NEXT);
    FIX(tp_len, slot_len, SK_LEN);
    FIX(tp_getitem, slot_getitem, SK_GETITEM);
    FIX(tp_setitem, slot_setitem, SK_SETITEM, SK_DELITEM);
    FIX(tp_contains, slot_contains, SK_CONTAINS);
    FIX(tp_bool, slot_bool, SK_BOOL);
    FIX(tp_int, slot_int, SK_INT);
    FIX(tp_float, slot_float, SK_FLOAT);
    FIX(tp_index, slot_index, SK_INDEX);
    FIX(tp_getattro, slot_getattro, SK_GETATTRIBUTE, SK_GETATTR);
    FIX(tp_setattro, slot_setattro, SK_SETATTR, SK_DELATTR);
    FIX(tp_descr_get, slot_descr_get, SK_GET);
    FIX(tp_descr_set, slot_descr_set, SK_SET, SK_DELETE);
    FIX(tp_richcompare, slot_richcompare, SK_LT, SK_LE, SK_EQ, SK_NE, SK_GT, SK_GE);
    FIX(tp_unop[TPY_UNOP_NEG], slot_neg, SK_NEG);
    FIX(tp_unop[TPY_UNOP_POS], slot_pos, SK_POS);
    FIX(tp_unop[TPY_UNOP_INVERT], slot_invert, SK_INVERT);
    FIX(tp_init, slot_init, SK_INIT);
    FIX(tp_finalize, slot_finalize, SK_DEL);
    // __bool__ falls back on __len__ for classes that define only __len__
    if (type->tp_bool == NULL && type->tp_len == slot_len) {
        type->tp_bool = slot_bool;
    }
    // __hash__: a class that defines __eq__ but not __hash__ is unhashable
    // (its dict got __hash__ = None at creation); otherwise as found.
    {
        tpy_object_t *h = find_in_mro(type, SK_HASH);
        tpy_type_t *o;
        if (h == NULL || h == tpy_none) {
            type->tp_hash = tpy_hash_unhashable;
        } else if (is_wrapper_of(h, SK_HASH, &o)) {
            type->tp_hash = o->tp_hash;
        } else {
            type->tp_hash = slot_hash;
        }
    }
    for (int op = 0; op < TPY_BINOP_COUNT; op++) {
        const int kinds[2] = {SK_BINOP + op, SK_RBINOP + op};
        tpy_type_t *own;
        int d = decide(type, kinds, 2, &own);
        if (d == 1) {
            type->tp_binop[op] = slot_binop_fns[op];
        } else if (d == 2) {
            type->tp_binop[op] = tpy_type_binop(own, op);
        }
        const int ik[1] = {SK_IBINOP + op};
        d = decide(type, ik, 1, &own);
        if (d == 1) {
            type->tp_inplace[op] = slot_inplace_fns[op];
        } else if (d == 2) {
            type->tp_inplace[op] = tpy_type_inplace(own, op);
        }
    }
    // __new__: defined in a class (implicitly a staticmethod) → dispatcher.
    {
        tpy_object_t *n = find_in_mro(type, SK_NEW);
        tpy_type_t *o;
        if (n != NULL && !is_wrapper_of(n, SK_NEW, &o)) {
            type->tp_new = slot_new;
        }
    }
}
#undef FIX

/* ---- class creation: type(name, bases, ns) ---------------------------------------- */

/* C3 linearization of [type] from its bases' MROs.  New tuple or NULL. */
static tpy_object_t *c3_mro(tpy_type_t *type, tpy_object_t *bases)
{
    intptr_t nb = TPY_TUPLE_SIZE(bases);
    // sequences to merge: each base's MRO, then the list of bases
    intptr_t nseq = nb + 1;
    tpy_object_t **seqs = tpy_mem_alloc(sizeof(tpy_object_t *) * (size_t)nseq);
    intptr_t *heads = tpy_mem_alloc(sizeof(intptr_t) * (size_t)nseq);
    tpy_object_t *result = tpy_list_new(0);
    if (seqs == NULL || heads == NULL || result == NULL) {
        tpy_mem_free(seqs, sizeof(tpy_object_t *) * (size_t)nseq);
        tpy_mem_free(heads, sizeof(intptr_t) * (size_t)nseq);
        TPY_XDECREF(result);
        return tpy_err_no_memory();
    }
    for (intptr_t i = 0; i < nb; i++) {
        seqs[i] = ((tpy_type_t *)TPY_TUPLE_GET(bases, i))->tp_mro;
        heads[i] = 0;
    }
    seqs[nb] = bases;
    heads[nb] = 0;
    if (tpy_list_append(result, TPY_OBJ(type)) < 0) {
        goto error;
    }
    for (;;) {
        bool empty = true;
        tpy_object_t *cand = NULL;
        for (intptr_t i = 0; i < nseq; i++) {
            if (heads[i] >= TPY_TUPLE_SIZE(seqs[i])) {
                continue;
            }
            empty = false;
            tpy_object_t *c = TPY_TUPLE_GET(seqs[i], heads[i]);
            // c must not appear in the tail of any sequence
            bool in_tail = false;
            for (intptr_t j = 0; j < nseq && !in_tail; j++) {
                for (intptr_t k = heads[j] + 1; k < TPY_TUPLE_SIZE(seqs[j]); k++) {
                    if (TPY_TUPLE_GET(seqs[j], k) == c) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (empty) {
            break;
        }
        if (cand == NULL) {
            tpy_strbuf_t b;
            tpy_strbuf_init(&b);
            tpy_strbuf_append_cstr(&b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            bool first = true;
            for (intptr_t i = 0; i < nb; i++) {
                tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_GET(bases, i);
                tpy_strbuf_append_cstr(&b, first ? "" : ", ");
                tpy_strbuf_append_cstr(&b, tpy_type_name(t));
                first = false;
            }
            tpy_object_t *msg = tpy_strbuf_finish(&b);
            if (msg != NULL) {
                tpy_err_set_object(&tpy_exc_TypeError, msg);
                TPY_DECREF(msg);
            }
            goto error;
        }
        if (tpy_list_append(result, cand) < 0) {
            goto error;
        }
        for (intptr_t i = 0; i < nseq; i++) {
            if (heads[i] < TPY_TUPLE_SIZE(seqs[i]) && TPY_TUPLE_GET(seqs[i], heads[i]) == cand) {
                heads[i]++;
            }
        }
    }
    tpy_mem_free(seqs, sizeof(tpy_object_t *) * (size_t)nseq);
    tpy_mem_free(heads, sizeof(intptr_t) * (size_t)nseq);
    tpy_object_t *t = tpy_list_as_tuple(result);
    TPY_DECREF(result);
    return t;
error:
    tpy_mem_free(seqs, sizeof(tpy_object_t *) * (size_t)nseq);
    tpy_mem_free(heads, sizeof(intptr_t) * (size_t)nseq);
    TPY_DECREF(result);
    return NULL;
}

/* The base whose instance layout the new class extends (CPython's best_base). */
/* The class whose instance layout [type]'s extends: the nearest one with
 * slots of its own, else the built-in solid base. */
static tpy_type_t *layout_base(tpy_type_t *type)
{
    while ((type->tp_flags & TPY_TPFLAGS_HEAPTYPE) && !tpy_type_has_slots(type)) {
        type = type->tp_base;
    }
    return type;
}

static tpy_type_t *best_base(tpy_object_t *bases)
{
    tpy_type_t *best = NULL, *best_solid = NULL;
    intptr_t n = TPY_TUPLE_SIZE(bases);
    for (intptr_t i = 0; i < n; i++) {
        tpy_type_t *b = (tpy_type_t *)TPY_TUPLE_GET(bases, i);
        tpy_type_t *s = layout_base(b);
        if (best == NULL) {
            best = b;
            best_solid = s;
        } else if (tpy_type_is_subtype(best_solid, s)) {
            // keep best
        } else if (tpy_type_is_subtype(s, best_solid)) {
            best = b;
            best_solid = s;
        } else {
            tpy_err_set_str(&tpy_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

static void heaptype_dealloc(tpy_object_t *self);
static int heaptype_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg);
static int heaptype_clear(tpy_object_t *self);

/* value.__set_name__(type, name) for every attribute of the class body whose
 * type defines it (descriptors learning their name), before __init_subclass__,
 * as CPython's type_new_set_names. */
static int set_names(tpy_type_t *type)
{
    // iterate over a copy: a __set_name__ may change the class dict
    tpy_object_t *hook = tpy_str_intern_cstr("__set_name__");
    tpy_object_t *names = hook ? tpy_dict_copy(type->tp_dict) : NULL;
    if (names == NULL) {
        TPY_XDECREF(hook);
        return -1;
    }
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    int rc = 0;
    while (rc == 0 && tpy_dict_next(names, &pos, &k, &v)) {
        tpy_object_t *f = tpy_type_lookup_borrow(TPY_TYPE(v), hook);
        if (f == NULL) {
            continue;
        }
        tpy_object_t *args[3] = {v, TPY_OBJ(type), k};
        tpy_object_t *r = tpy_object_call(f, args, 3, NULL);
        if (r == NULL) {
            // CPython 3.11 wraps the error: RuntimeError from the original
            tpy_object_t *cause = tpy_err_fetch();
            tpy_err_format(&tpy_exc_RuntimeError,
                           "Error calling __set_name__ on '%s' instance %R in '%s'",
                           TPY_TYPE(v)->tp_name, k, type->tp_name);
            tpy_object_t *exc = tpy_err_fetch();
            if (exc != NULL && cause != NULL) {
                tpy_exc_set_context(exc, tpy_newref(cause));
                tpy_exc_set_cause(exc, cause);
                cause = NULL;
            }
            TPY_XDECREF(cause);
            tpy_err_restore(exc);
            rc = -1;
        } else {
            TPY_DECREF(r);
        }
    }
    TPY_DECREF(names);
    TPY_DECREF(hook);
    return rc;
}

/* super(type, type).__init_subclass__(**kw): the nearest base's hook, run once
 * the new class is complete with the class statement's keyword arguments
 * ([kwvalues] named by [kwnames], or none); object's own takes none. */
static int init_subclass(tpy_type_t *type, tpy_object_t *const *kwvalues, tpy_object_t *kwnames)
{
    tpy_object_t *mro = type->tp_mro;
    for (intptr_t i = 1; i < TPY_TUPLE_SIZE(mro); i++) {
        tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_GET(mro, i);
        if (t == &tpy_object_type) {
            break;
        }
        tpy_object_t *f = tpy_dict_get_cstr_borrow(t->tp_dict, "__init_subclass__");
        if (f == NULL) {
            continue;
        }
        tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
        tpy_object_t *bound = get ? get(f, NULL, type) : tpy_newref(f);
        if (bound == NULL) {
            return -1;
        }
        tpy_object_t *r = tpy_object_call(bound, kwvalues, 0, kwnames);
        TPY_DECREF(bound);
        if (r == NULL) {
            return -1;
        }
        TPY_DECREF(r);
        return 0;
    }
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                       tpy_type_name(type));
        return -1;
    }
    return 0;
}

tpy_object_t *tpy_type_new_class(tpy_object_t *name, tpy_object_t *bases, tpy_object_t *ns)
{
    return tpy_type_new_class_kw(name, bases, ns, NULL, NULL);
}

tpy_object_t *tpy_type_new_class_kw(tpy_object_t *name, tpy_object_t *bases, tpy_object_t *ns,
                                    tpy_object_t *const *kwvalues, tpy_object_t *kwnames)
{
    if (!TPY_STR_CHECK(name)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "type.__new__() argument 1 must be str, not %T", name);
    }
    if (!TPY_TUPLE_CHECK(bases)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "type.__new__() argument 2 must be tuple, not %T", bases);
    }
    if (!TPY_DICT_CHECK(ns)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "type.__new__() argument 3 must be dict, not %T", ns);
    }
    tpy_object_t *default_bases = NULL;
    if (TPY_TUPLE_SIZE(bases) == 0) {
        default_bases = tpy_tuple_pack(1, TPY_OBJ(&tpy_object_type));
        if (default_bases == NULL) {
            return NULL;
        }
        bases = default_bases;
    }
    intptr_t nb = TPY_TUPLE_SIZE(bases);
    for (intptr_t i = 0; i < nb; i++) {
        tpy_object_t *b = TPY_TUPLE_GET(bases, i);
        if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(b), TPY_TPFLAGS_TYPE_SUBCLASS)) {
            TPY_XDECREF(default_bases);
            return tpy_err_format(&tpy_exc_TypeError,
                                  "bases must be types");
        }
        if (!(((tpy_type_t *)b)->tp_flags & TPY_TPFLAGS_BASETYPE)) {
            TPY_XDECREF(default_bases);
            return tpy_err_format(&tpy_exc_TypeError, "type '%s' is not an acceptable base type",
                                  ((tpy_type_t *)b)->tp_name);
        }
        for (intptr_t j = 0; j < i; j++) {
            if (TPY_TUPLE_GET(bases, j) == b) {
                TPY_XDECREF(default_bases);
                return tpy_err_format(&tpy_exc_TypeError, "duplicate base class %s",
                                      tpy_type_name((tpy_type_t *)b));
            }
        }
    }
    tpy_type_t *base = best_base(bases);
    if (base == NULL) {
        TPY_XDECREF(default_bases);
        return NULL;
    }
    tpy_heaptype_t *ht = (tpy_heaptype_t *)tpy_gc_new(&tpy_type_type, sizeof(tpy_heaptype_t));
    if (ht == NULL) {
        TPY_XDECREF(default_bases);
        return tpy_err_no_memory();
    }
    tpy_type_t *type = &ht->type;
    type->tp_binop = ht->binop;
    type->tp_inplace = ht->inplace;
    TPY_INCREF(&tpy_type_type);
    type->tp_flags = TPY_TPFLAGS_HEAPTYPE | TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC |
                     TPY_TPFLAGS_READY;
    type->tp_ht_name = tpy_newref(name);
    type->tp_name = TPY_STR_DATA(name);
    type->tp_base = (tpy_type_t *)tpy_newref(TPY_OBJ(base));
    type->tp_bases = tpy_newref(bases);
    TPY_XDECREF(default_bases);
    type->tp_dict = tpy_dict_copy(ns);
    if (type->tp_dict == NULL) {
        goto error;
    }
    // layout: the base's, plus the class's __slots__, or __dict__ and
    // __weakref__ slots when the base lacks them (runtime/slots.c)
    type->tp_basicsize = base->tp_basicsize;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_dictoffset = base->tp_dictoffset;
    type->tp_weaklistoffset = base->tp_weaklistoffset;
    if (tpy_slots_layout(type, base, ns) < 0) {
        goto error;
    }
    bool added_dict = type->tp_dictoffset != base->tp_dictoffset;
    bool added_weak = type->tp_weaklistoffset != base->tp_weaklistoffset;
    inherit_slots(type, base);
    type->tp_flags |= TPY_TPFLAGS_HAVE_GC;
    type->tp_flags &= ~TPY_TPFLAGS_INLINE_VALUES;
    if (type->tp_dictoffset != 0 && type->tp_dictoffset != tpy_type_solid_base(type)->tp_dictoffset) {
        type->tp_flags |= TPY_TPFLAGS_INLINE_VALUES; // the class's own dict slot: values first
    }
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_new = base->tp_new;
    type->tp_mro = c3_mro(type, bases);
    if (type->tp_mro == NULL) {
        goto error;
    }
    // __qualname__ from the namespace (the compiler puts it there), else name
    tpy_object_t *qn = tpy_dict_get_cstr_borrow(type->tp_dict, "__qualname__");
    type->tp_ht_qualname = tpy_newref(qn && TPY_STR_CHECK(qn) ? qn : name);
    if (qn != NULL && tpy_dict_set_cstr(type->tp_dict, "__qualname__", tpy_none) == 0) {
        tpy_object_t *key = tpy_str_from_cstr("__qualname__");
        if (key != NULL) {
            tpy_dict_discard(type->tp_dict, key);
            TPY_DECREF(key);
        }
    }
    // __eq__ without __hash__ in the class body makes instances unhashable
    if (tpy_dict_get_str_borrow(type->tp_dict, tpy_slot_name[SK_EQ]) != NULL &&
        tpy_dict_get_str_borrow(type->tp_dict, tpy_slot_name[SK_HASH]) == NULL) {
        if (tpy_dict_set(type->tp_dict, tpy_slot_name[SK_HASH], tpy_none) < 0) {
            goto error;
        }
    }
    // __new__ defined as a plain function is implicitly a static method
    tpy_object_t *newf = tpy_dict_get_str_borrow(type->tp_dict, tpy_slot_name[SK_NEW]);
    if (newf != NULL && TPY_FUNCTION_CHECK(newf)) {
        tpy_object_t *sm = tpy_object_call1(TPY_OBJ(&tpy_staticmethod_type), newf);
        if (sm == NULL || tpy_dict_set(type->tp_dict, tpy_slot_name[SK_NEW], sm) < 0) {
            TPY_XDECREF(sm);
            goto error;
        }
        TPY_DECREF(sm);
    }
    if (added_dict && tpy_dict_get_cstr_borrow(type->tp_dict, "__dict__") == NULL) {
        tpy_object_t *d = tpy_getsetdescr_new(type, &tpy_object_dict_getset);
        if (d == NULL || tpy_dict_set_cstr(type->tp_dict, "__dict__", d) < 0) {
            TPY_XDECREF(d);
            goto error;
        }
        TPY_DECREF(d);
    }
    if (added_weak && tpy_dict_get_cstr_borrow(type->tp_dict, "__weakref__") == NULL) {
        tpy_object_t *d = tpy_getsetdescr_new(type, &tpy_object_weakref_getset);
        if (d == NULL || tpy_dict_set_cstr(type->tp_dict, "__weakref__", d) < 0) {
            TPY_XDECREF(d);
            goto error;
        }
        TPY_DECREF(d);
    }
    // a class without a docstring gets __doc__ = None last, as in CPython
    if (tpy_dict_get_cstr_borrow(type->tp_dict, "__doc__") == NULL &&
        tpy_dict_set_cstr(type->tp_dict, "__doc__", tpy_none) < 0) {
        goto error;
    }
    // __init_subclass__ as a plain function is implicitly a class method
    tpy_object_t *isf = tpy_dict_get_cstr_borrow(type->tp_dict, "__init_subclass__");
    if (isf != NULL && TPY_FUNCTION_CHECK(isf)) {
        tpy_object_t *cm = tpy_object_call1(TPY_OBJ(&tpy_classmethod_type), isf);
        if (cm == NULL || tpy_dict_set_cstr(type->tp_dict, "__init_subclass__", cm) < 0) {
            TPY_XDECREF(cm);
            goto error;
        }
        TPY_DECREF(cm);
    }
    tpy_type_modified(type);
    fixup_slots(type);
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(type->tp_bases); i++) {
        if (tpy_typeinfo_add_subclass((tpy_type_t *)TPY_TUPLE_GET(type->tp_bases, i), type) < 0) {
            goto error;
        }
    }
    tpy_gc_track(TPY_OBJ(type));
    if (set_names(type) < 0 || init_subclass(type, kwvalues, kwnames) < 0) {
        TPY_DECREF(type);
        return NULL;
    }
    return TPY_OBJ(type);
error:
    // Not tracked yet, so the collector cannot break the cycle through the
    // MRO (which holds the type itself): break it here, or the class, its
    // namespace and the module behind its functions would never be freed.
    heaptype_clear(TPY_OBJ(type));
    TPY_DECREF(type);
    return NULL;
}

static int heaptype_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_type_t *t = (tpy_type_t *)self;
    tpy_object_t *fields[] = {t->tp_dict, t->tp_mro, t->tp_bases, TPY_OBJ(t->tp_base)};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL) {
            int r = visit(fields[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int heaptype_clear(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    tpy_typeinfo_forget(t);
    TPY_CLEAR(t->tp_dict);
    TPY_CLEAR(t->tp_mro);
    TPY_CLEAR(t->tp_bases);
    tpy_type_modified(t);
    return 0;
}

static void heaptype_dealloc(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    if (!(t->tp_flags & TPY_TPFLAGS_HEAPTYPE)) {
        fprintf(stderr, "tpy: fatal: deallocating static type %s\n", t->tp_name);
        abort();
    }
    tpy_gc_untrack(self);
    tpy_weakref_clear_refs(self);
    tpy_typeinfo_forget(t);
    heaptype_clear(self);
    tpy_type_t *base = t->tp_base;
    t->tp_base = NULL;
    TPY_XDECREF(base);
    TPY_CLEAR(t->tp_ht_name);
    TPY_CLEAR(t->tp_ht_qualname);
    tpy_attrkeys_free(t->tp_attrkeys);
    t->tp_attrkeys = NULL;
    tpy_gc_free(self, sizeof(tpy_heaptype_t));
    TPY_DECREF(&tpy_type_type);
}

/* ---- the `type` type ------------------------------------------------------------ */

static tpy_object_t *type_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    tpy_type_t *type = (tpy_type_t *)callable;
    if (type == &tpy_type_type) {
        if (nargs == 1 && tpy_kwcount(kwnames) == 0) {
            return tpy_newref(TPY_OBJ(TPY_TYPE(args[0])));
        }
        if (nargs == 3) {
            // type(name, bases, ns, **kw): the keywords go to __init_subclass__
            return tpy_type_new_class_kw(args[0], args[1], args[2], args + 3, kwnames);
        }
        return tpy_err_format(&tpy_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (type->tp_new == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "cannot create '%s' instances",
                              type->tp_name);
    }
    tpy_object_t *obj = type->tp_new(type, args, nargs, kwnames);
    if (obj == NULL) {
        return NULL;
    }
    if (!tpy_type_is_subtype(TPY_TYPE(obj), type)) {
        return obj;
    }
    tpy_type_t *ot = TPY_TYPE(obj);
    if (ot->tp_init != NULL) {
        if (ot->tp_init(obj, args, nargs, kwnames) < 0) {
            TPY_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

static tpy_object_t *type_repr(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    if (t->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        tpy_object_t *mod = tpy_dict_get_cstr_borrow(t->tp_dict, "__module__");
        if (mod != NULL && TPY_STR_CHECK(mod) && !tpy_str_eq_cstr(mod, "builtins")) {
            return tpy_str_from_format("<class '%U.%U'>", mod, t->tp_ht_qualname);
        }
        return tpy_str_from_format("<class '%U'>", t->tp_ht_qualname);
    }
    return tpy_str_from_format("<class '%s'>", t->tp_name);
}

/* Attribute lookup on a class: metatype data descriptors, then the class's
 * MRO (binding with obj = NULL), then the metatype's other attributes. */
static tpy_object_t *type_getattro(tpy_object_t *self, tpy_object_t *name)
{
    tpy_type_t *type = (tpy_type_t *)self;
    tpy_type_t *meta = TPY_TYPE(self);
    tpy_object_t *meta_attr = tpy_type_lookup_borrow(meta, name);
    if (meta_attr != NULL && TPY_TYPE(meta_attr)->tp_descr_set != NULL &&
        TPY_TYPE(meta_attr)->tp_descr_get != NULL) {
        return TPY_TYPE(meta_attr)->tp_descr_get(meta_attr, self, meta);
    }
    tpy_object_t *attr = tpy_type_lookup_borrow(type, name);
    if (attr != NULL) {
        tpy_descrget_fn get = TPY_TYPE(attr)->tp_descr_get;
        if (get != NULL) {
            return get(attr, NULL, type);
        }
        return tpy_newref(attr);
    }
    if (meta_attr != NULL) {
        tpy_descrget_fn get = TPY_TYPE(meta_attr)->tp_descr_get;
        if (get != NULL) {
            return get(meta_attr, self, meta);
        }
        return tpy_newref(meta_attr);
    }
    return tpy_err_format(&tpy_exc_AttributeError, "type object '%s' has no attribute '%U'",
                          tpy_type_name(type), name);
}

static int type_setattro(tpy_object_t *self, tpy_object_t *name, tpy_object_t *value)
{
    tpy_type_t *type = (tpy_type_t *)self;
    if (!(type->tp_flags & TPY_TPFLAGS_HEAPTYPE)) {
        tpy_err_format(&tpy_exc_TypeError,
                       "cannot set '%U' attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    tpy_object_t *meta_attr = tpy_type_lookup_borrow(TPY_TYPE(self), name);
    if (meta_attr != NULL && TPY_TYPE(meta_attr)->tp_descr_set != NULL) {
        return TPY_TYPE(meta_attr)->tp_descr_set(meta_attr, self, value);
    }
    int r;
    if (value == NULL) {
        r = tpy_dict_del(type->tp_dict, name);
        if (r < 0 && tpy_err_matches(&tpy_exc_KeyError)) {
            tpy_err_clear();
            tpy_err_format(&tpy_exc_AttributeError, "type object '%s' has no attribute '%U'",
                           tpy_type_name(type), name);
        }
    } else {
        r = tpy_dict_set(type->tp_dict, name, value);
    }
    tpy_type_modified(type);
    if (r == 0 && TPY_STR_LEN(name) > 4 && TPY_STR_DATA(name)[0] == '_' &&
        TPY_STR_DATA(name)[1] == '_') {
        fixup_slots(type); // a dunder changed: re-derive the slots
    }
    return r;
}

static tpy_object_t *type_get_name(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    if (t->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        return tpy_newref(t->tp_ht_name);
    }
    return tpy_str_from_cstr(tpy_type_name(t));
}

static tpy_object_t *type_get_qualname(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    if (t->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        return tpy_newref(t->tp_ht_qualname);
    }
    return tpy_str_from_cstr(tpy_type_name(t));
}

static tpy_object_t *type_get_module(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    if (t->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        tpy_object_t *m = tpy_dict_get_cstr_borrow(t->tp_dict, "__module__");
        if (m != NULL) {
            return tpy_newref(m);
        }
    }
    const char *dot = strrchr(t->tp_name, '.'); // "weakref.ReferenceType"
    if (dot != NULL) {
        return tpy_str_from_utf8(t->tp_name, (size_t)(dot - t->tp_name));
    }
    return tpy_str_from_cstr("builtins");
}

static tpy_object_t *type_get_mro(tpy_object_t *self)
{
    return tpy_newref(((tpy_type_t *)self)->tp_mro);
}

static tpy_object_t *type_get_bases(tpy_object_t *self)
{
    return tpy_newref(((tpy_type_t *)self)->tp_bases);
}

static tpy_object_t *type_get_base(tpy_object_t *self)
{
    tpy_type_t *b = ((tpy_type_t *)self)->tp_base;
    return tpy_newref(b ? TPY_OBJ(b) : tpy_none);
}

static tpy_object_t *type_get_dict(tpy_object_t *self)
{
    return tpy_mappingproxy_new(((tpy_type_t *)self)->tp_dict);
}

static tpy_object_t *type_get_doc(tpy_object_t *self)
{
    tpy_type_t *t = (tpy_type_t *)self;
    tpy_object_t *d = tpy_dict_get_cstr_borrow(t->tp_dict, "__doc__");
    return tpy_newref(d ? d : tpy_none);
}

static const tpy_getsetdef_t type_getset[] = {
    {"__name__", type_get_name, NULL},
    {"__qualname__", type_get_qualname, NULL},
    {"__module__", type_get_module, NULL},
    {"__mro__", type_get_mro, NULL},
    {"__bases__", type_get_bases, NULL},
    {"__base__", type_get_base, NULL},
    {"__dict__", type_get_dict, NULL},
    {"__doc__", type_get_doc, NULL},
    {NULL, NULL, NULL},
};

static tpy_object_t *type_mro_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("mro", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    return tpy_sequence_list(((tpy_type_t *)self)->tp_mro);
}

static tpy_object_t *type_subclasscheck(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_count("__subclasscheck__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(args[0]), TPY_TPFLAGS_TYPE_SUBCLASS)) {
        return tpy_err_format(&tpy_exc_TypeError, "issubclass() arg 1 must be a class");
    }
    return tpy_bool_from(tpy_type_is_subtype((tpy_type_t *)args[0], (tpy_type_t *)self));
}

static tpy_object_t *type_instancecheck(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_count("__instancecheck__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return tpy_bool_from(tpy_type_is_subtype(TPY_TYPE(args[0]), (tpy_type_t *)self));
}

static const tpy_methoddef_t type_methods[] = {
    {"mro", type_mro_method, 0, NULL},
    {"__subclasscheck__", type_subclasscheck, 0, NULL},
    {"__instancecheck__", type_instancecheck, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static void type_dealloc(tpy_object_t *self)
{
    heaptype_dealloc(self);
}

static int type_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    return heaptype_traverse(self, visit, arg);
}

static int type_clear(tpy_object_t *self)
{
    return heaptype_clear(self);
}

static int64_t type_hash(tpy_object_t *self)
{
    return tpy_hash_pointer(self);
}

static tpy_object_t *type_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (op == TPY_CMP_EQ || op == TPY_CMP_NE) {
        return tpy_bool_from((a == b) == (op == TPY_CMP_EQ));
    }
    TPY_RETURN_NOTIMPL;
}

static tpy_object_t *type_or(tpy_object_t *a, tpy_object_t *b)
{
    (void)a;
    (void)b;
    return tpy_err_format(&tpy_exc_NotImplementedError,
                          "union types (X | Y) are not supported by tpy");
}

tpy_type_t tpy_type_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "type",
    .tp_basicsize = sizeof(tpy_type_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_TYPE_SUBCLASS,
    .tp_dealloc = type_dealloc,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_repr = type_repr,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_hash = type_hash,
    .tp_richcompare = type_richcompare,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_OR] = type_or},
    .tp_getset = type_getset,
    .tp_methods = type_methods,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};

/* ---- start-up ---------------------------------------------------------------- */

int tpy_types_init(void)
{
    for (int k = 0; k < SK_COUNT; k++) {
        tpy_slot_name[k] = tpy_str_intern_cstr(tpy_slot_cname(k));
        if (tpy_slot_name[k] == NULL) {
            return -1;
        }
    }
    if (tpy_type_ready(&tpy_object_type) < 0 || tpy_type_ready(&tpy_type_type) < 0 ||
        add_defs(&tpy_type_type, tpy_typeinfo_methods, tpy_typeinfo_getset, NULL) < 0 ||
        tpy_type_ready(&tpy_mappingproxy_type) < 0 ||
        tpy_type_ready(&tpy_wrapperdescr_type) < 0 || tpy_type_ready(&tpy_super_type) < 0 ||
        tpy_type_ready(&tpy_methodwrapper_type) < 0 ||
        tpy_type_ready(&tpy_slotdescr_type) < 0) {
        return -1;
    }
    return 0;
}


void tpy_types_fini(void)
{
    tpy_type_cache_clear();
    // newest first: a type's dict may hold descriptors of older types
    while (nready > 0) {
        tpy_type_t *t = ready_types[--nready];
        TPY_CLEAR(t->tp_dict);
        TPY_CLEAR(t->tp_mro);
        TPY_CLEAR(t->tp_bases);
        t->tp_flags &= ~TPY_TPFLAGS_READY;
    }
    tpy_typeinfo_fini();
    tpy_mem_free(ready_types, capready * sizeof *ready_types);
    ready_types = NULL;
    capready = 0;
    for (int k = 0; k < SK_COUNT; k++) {
        TPY_CLEAR(tpy_slot_name[k]);
    }
}

/* Is [type] a class whose instances are made by object.__new__ and set up by
 * a Python __init__?  The eval loop then runs that __init__ in its own frame
 * (no nested C call).  Returns the __init__ function (borrowed) or NULL. */
tpy_object_t *tpy_type_python_init_borrow(tpy_type_t *type)
{
    if (type->tp_new != tpy_object_type.tp_new || type->tp_init != slot_init ||
        !(type->tp_flags & TPY_TPFLAGS_HEAPTYPE)) {
        return NULL;
    }
    tpy_object_t *f = tpy_type_lookup_borrow(type, tpy_slot_name[SK_INIT]);
    return f != NULL && TPY_FUNCTION_CHECK(f) ? f : NULL;
}
