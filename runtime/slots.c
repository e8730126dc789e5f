/*
 * runtime/slots.c - __slots__: the layout of a class's own slots and their
 * member descriptors (see runtime/slots.h).
 *
 * A slot descriptor owns a reference to its class (it may outlive the class
 * dict that held it), so it is a container: class -> dict -> descriptor ->
 * class is a cycle the collector frees.  An unset slot reads as
 * AttributeError, as CPython's T_OBJECT_EX members do.
 */
#include "runtime/runtime.h"
#include "runtime/slots.h"

#include <string.h>

typedef struct {
    tpy_object_t ob;
    tpy_type_t *owner;  // owned
    tpy_object_t *name; // owned str
    intptr_t offset;
} slotdescr_t;

static tpy_object_t *slotdescr_new(tpy_type_t *owner, tpy_object_t *name, intptr_t offset)
{
    slotdescr_t *d = (slotdescr_t *)tpy_gc_new(&tpy_slotdescr_type, sizeof(slotdescr_t));
    if (d == NULL) {
        return tpy_err_no_memory();
    }
    d->owner = (tpy_type_t *)tpy_newref(TPY_OBJ(owner));
    d->name = tpy_newref(name);
    d->offset = offset;
    tpy_gc_track(TPY_OBJ(d));
    return TPY_OBJ(d);
}

static int slotdescr_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    slotdescr_t *d = (slotdescr_t *)self;
    return d->owner != NULL ? visit(TPY_OBJ(d->owner), arg) : 0;
}

static int slotdescr_clear(tpy_object_t *self)
{
    slotdescr_t *d = (slotdescr_t *)self;
    tpy_type_t *owner = d->owner;
    d->owner = NULL;
    TPY_XDECREF(owner);
    return 0;
}

static void slotdescr_dealloc(tpy_object_t *self)
{
    slotdescr_t *d = (slotdescr_t *)self;
    tpy_gc_untrack(self);
    slotdescr_clear(self);
    TPY_CLEAR(d->name);
    tpy_gc_free(self, sizeof(slotdescr_t));
}

static tpy_object_t *slotdescr_repr(tpy_object_t *self)
{
    slotdescr_t *d = (slotdescr_t *)self;
    return tpy_str_from_format("<member '%U' of '%s' objects>", d->name,
                               d->owner ? d->owner->tp_name : "?");
}

static int check_owner(slotdescr_t *d, tpy_object_t *obj)
{
    if (d->owner == NULL || !tpy_type_is_subtype(TPY_TYPE(obj), d->owner)) {
        tpy_err_format(&tpy_exc_TypeError,
                       "descriptor '%U' for '%s' objects doesn't apply to a '%T' object", d->name,
                       d->owner ? d->owner->tp_name : "?", obj);
        return -1;
    }
    return 0;
}

static tpy_object_t *slotdescr_get(tpy_object_t *self, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    slotdescr_t *d = (slotdescr_t *)self;
    if (obj == NULL) {
        return tpy_newref(self);
    }
    if (check_owner(d, obj) < 0) {
        return NULL;
    }
    tpy_object_t *v = *(tpy_object_t **)((char *)obj + d->offset);
    if (v == NULL) {
        return tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '%U'", obj,
                              d->name);
    }
    return tpy_newref(v);
}

static int slotdescr_set(tpy_object_t *self, tpy_object_t *obj, tpy_object_t *value)
{
    slotdescr_t *d = (slotdescr_t *)self;
    if (check_owner(d, obj) < 0) {
        return -1;
    }
    tpy_object_t **slot = (tpy_object_t **)((char *)obj + d->offset);
    if (value == NULL && *slot == NULL) {
        tpy_err_set_object(&tpy_exc_AttributeError, d->name); // CPython's message: the name
        return -1;
    }
    tpy_object_t *old = *slot;
    *slot = value ? tpy_newref(value) : NULL;
    TPY_XDECREF(old);
    return 0;
}

tpy_type_t tpy_slotdescr_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(slotdescr_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = slotdescr_dealloc,
    .tp_traverse = slotdescr_traverse,
    .tp_clear = slotdescr_clear,
    .tp_repr = slotdescr_repr,
    .tp_descr_get = slotdescr_get,
    .tp_descr_set = slotdescr_set,
};

/* ---- layout ------------------------------------------------------------------ */

/* `__x` in class `_K` is stored as `_K__x` (not `__x__`, and not in a class
 * whose name is all underscores). */
static tpy_object_t *mangle(tpy_object_t *classname, tpy_object_t *name)
{
    const char *n = TPY_STR_DATA(name);
    size_t len = (size_t)TPY_STR_LEN(name);
    if (len < 2 || n[0] != '_' || n[1] != '_' || (len >= 4 && n[len - 1] == '_' && n[len - 2] == '_')) {
        return tpy_newref(name);
    }
    const char *c = TPY_STR_DATA(classname);
    while (*c == '_') {
        c++;
    }
    if (*c == '\0') {
        return tpy_newref(name);
    }
    return tpy_str_from_format("_%s%U", c, name);
}

static void add_dict_weaklist(tpy_type_t *type, tpy_type_t *base, bool dict, bool weak)
{
    if (dict && type->tp_dictoffset == 0) {
        type->tp_dictoffset = (intptr_t)type->tp_basicsize;
        type->tp_basicsize += sizeof(tpy_object_t *);
    }
    // CPython's int is variable-size: its subclasses get no __weakref__
    if (weak && type->tp_weaklistoffset == 0 && !(base->tp_flags & TPY_TPFLAGS_INT_SUBCLASS)) {
        type->tp_weaklistoffset = (intptr_t)type->tp_basicsize;
        type->tp_basicsize += sizeof(tpy_object_t *);
    }
}

int tpy_slots_layout(tpy_type_t *type, tpy_type_t *base, tpy_object_t *ns)
{
    tpy_object_t *slots = tpy_dict_get_cstr_borrow(ns, "__slots__");
    if (slots == NULL) {
        if (type->tp_itemsize == 0) {
            add_dict_weaklist(type, base, true, true);
        }
        return 0;
    }
    tpy_object_t *names = TPY_STR_CHECK(slots) ? tpy_tuple_pack(1, slots) : tpy_sequence_tuple(slots);
    if (names == NULL) {
        return -1;
    }
    bool want_dict = false, want_weak = false;
    intptr_t n = 0, count = TPY_TUPLE_SIZE(names);
    for (intptr_t i = 0; i < count; i++) {
        tpy_object_t *s = TPY_TUPLE_GET(names, i);
        if (!TPY_STR_CHECK(s)) {
            tpy_err_format(&tpy_exc_TypeError, "__slots__ items must be strings, not '%T'", s);
            goto error;
        }
        tpy_object_t *ok = tpy_object_call_method(s, "isidentifier", NULL, 0);
        if (ok == NULL) {
            goto error;
        }
        TPY_DECREF(ok);
        if (ok != tpy_true) {
            tpy_err_format(&tpy_exc_TypeError, "__slots__ must be identifiers");
            goto error;
        }
        if (tpy_str_eq_cstr(s, "__dict__")) {
            if (base->tp_dictoffset != 0 || want_dict) {
                tpy_err_format(&tpy_exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto error;
            }
            want_dict = true;
        } else if (tpy_str_eq_cstr(s, "__weakref__")) {
            if (base->tp_weaklistoffset != 0 || want_weak) {
                tpy_err_format(&tpy_exc_TypeError,
                               "__weakref__ slot disallowed: we already got one");
                goto error;
            }
            want_weak = true;
        } else {
            n++;
        }
    }
    // variable-size bases (CPython's int is one) take no slots
    if (n > 0 && (base->tp_itemsize != 0 || (base->tp_flags & TPY_TPFLAGS_INT_SUBCLASS))) {
        tpy_err_format(&tpy_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                       base->tp_name);
        goto error;
    }
    type->tp_ht_slotoff = (intptr_t)type->tp_basicsize;
    type->tp_ht_nslots = n;
    type->tp_basicsize += (size_t)n * sizeof(tpy_object_t *);
    intptr_t k = 0;
    for (intptr_t i = 0; i < count; i++) {
        tpy_object_t *s = TPY_TUPLE_GET(names, i);
        if (tpy_str_eq_cstr(s, "__dict__") || tpy_str_eq_cstr(s, "__weakref__")) {
            continue;
        }
        tpy_object_t *m = mangle(type->tp_ht_name, s);
        if (m == NULL) {
            goto error;
        }
        tpy_str_intern_inplace(&m);
        if (tpy_dict_get_str_borrow(ns, m) != NULL) {
            tpy_err_format(&tpy_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
            TPY_DECREF(m);
            goto error;
        }
        intptr_t off = type->tp_ht_slotoff + k++ * (intptr_t)sizeof(tpy_object_t *);
        tpy_object_t *d = slotdescr_new(type, m, off);
        int r = d != NULL ? tpy_dict_set(type->tp_dict, m, d) : -1;
        TPY_XDECREF(d);
        TPY_DECREF(m);
        if (r < 0) {
            goto error;
        }
    }
    add_dict_weaklist(type, base, want_dict, want_weak);
    TPY_DECREF(names);
    return 0;
error:
    type->tp_ht_nslots = 0;
    TPY_DECREF(names);
    return -1;
}

int tpy_slots_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    for (tpy_type_t *t = TPY_TYPE(op); t != NULL && (t->tp_flags & TPY_TPFLAGS_HEAPTYPE);
         t = t->tp_base) {
        tpy_object_t **p = (tpy_object_t **)((char *)op + t->tp_ht_slotoff);
        for (intptr_t i = 0; i < t->tp_ht_nslots; i++) {
            if (p[i] != NULL) {
                int r = visit(p[i], arg);
                if (r != 0) {
                    return r;
                }
            }
        }
    }
    return 0;
}

void tpy_slots_clear(tpy_object_t *op)
{
    for (tpy_type_t *t = TPY_TYPE(op); t != NULL && (t->tp_flags & TPY_TPFLAGS_HEAPTYPE);
         t = t->tp_base) {
        tpy_object_t **p = (tpy_object_t **)((char *)op + t->tp_ht_slotoff);
        for (intptr_t i = 0; i < t->tp_ht_nslots; i++) {
            TPY_CLEAR(p[i]);
        }
    }
}
