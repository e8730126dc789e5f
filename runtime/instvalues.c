/*
 * runtime/instvalues.c - instance attributes as an array of values indexed
 * through the class's shared table of names (see runtime/instvalues.h).
 *
 * Invariants: a class's table only grows, so the index of a name never
 * changes while the class lives, and an inline cache keyed on (type, epoch)
 * may keep it; a name is added to the table only by a store.  Adding one bumps
 * the type epoch, because a method lookup cached as "no instance attribute
 * of that name" may now be shadowed.  An instance's present values are in
 * increasing index order of insertion (a store that would break that order
 * materializes a dict first), so turning them into a dict keeps CPython's
 * insertion order.
 */
#include "runtime/runtime.h"

#include <string.h>

intptr_t tpy_attrkeys_index(tpy_type_t *type, tpy_object_t *name)
{
    struct tpy_attrkeys *k = type->tp_attrkeys;
    if (k == NULL) {
        return -1;
    }
    for (intptr_t i = 0; i < k->n; i++) {
        if (k->names[i] == name) {
            return i;
        }
    }
    // a name made at run time (getattr(obj, "x" + "y")) is not the interned one
    if (!((tpy_str_t *)name)->interned) {
        for (intptr_t i = 0; i < k->n; i++) {
            if (tpy_str_eq(k->names[i], name)) {
                return i;
            }
        }
    }
    return -1;
}

/* The index of [name], added to the table when it is new; -1 when the table
 * is full (or out of memory: no exception is left set, the caller falls back
 * to a dict, which reports its own errors). */
static intptr_t attrkeys_index_add(tpy_type_t *type, tpy_object_t *name)
{
    intptr_t i = tpy_attrkeys_index(type, name);
    if (i >= 0) {
        return i;
    }
    struct tpy_attrkeys *k = type->tp_attrkeys;
    intptr_t n = k ? k->n : 0;
    if (n >= TPY_ATTRKEYS_MAX) {
        return -1;
    }
    if (k == NULL || k->n == k->cap) {
        intptr_t cap = k ? k->cap * 2 : 4;
        if (cap > TPY_ATTRKEYS_MAX) {
            cap = TPY_ATTRKEYS_MAX;
        }
        size_t old = k ? sizeof *k + (size_t)k->cap * sizeof(tpy_object_t *) : 0;
        struct tpy_attrkeys *nk =
            tpy_mem_realloc(k, old, sizeof *nk + (size_t)cap * sizeof(tpy_object_t *));
        if (nk == NULL) {
            return -1;
        }
        if (k == NULL) {
            nk->n = 0;
        }
        nk->cap = cap;
        type->tp_attrkeys = k = nk;
    }
    tpy_object_t *key = tpy_newref(name);
    tpy_str_intern_inplace(&key);
    k->names[k->n] = key;
    tpy_type_modified(type); // cached "no such instance attribute" answers are stale
    return k->n++;
}

void tpy_attrkeys_free(struct tpy_attrkeys *k)
{
    if (k == NULL) {
        return;
    }
    for (intptr_t i = 0; i < k->n; i++) {
        TPY_DECREF(k->names[i]);
    }
    tpy_mem_free(k, sizeof *k + (size_t)k->cap * sizeof(tpy_object_t *));
}

tpy_object_t *tpy_values_get(tpy_type_t *type, tpy_values_t *v, tpy_object_t *name)
{
    intptr_t i = tpy_attrkeys_index(type, name);
    return i >= 0 && i < v->cap ? v->items[i] : NULL;
}

static size_t values_size(intptr_t cap)
{
    return sizeof(tpy_values_t) + (size_t)cap * sizeof(tpy_object_t *);
}

void tpy_values_free(tpy_values_t *v)
{
    tpy_values_clear(v);
    tpy_mem_free(v, values_size(v->cap));
}

void tpy_values_clear(tpy_values_t *v)
{
    for (intptr_t i = 0; i < v->cap; i++) {
        TPY_CLEAR(v->items[i]);
    }
}

int tpy_values_traverse(tpy_values_t *v, tpy_visit_fn visit, void *arg)
{
    for (intptr_t i = 0; i < v->cap; i++) {
        if (v->items[i] != NULL) {
            int r = visit(v->items[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

int tpy_values_materialize(tpy_object_t *op)
{
    tpy_object_t **slot = tpy_object_dict_slot(op);
    tpy_values_t *v = tpy_slot_values(*slot);
    if (v == NULL) {
        return 0;
    }
    struct tpy_attrkeys *k = TPY_TYPE(op)->tp_attrkeys;
    tpy_object_t *d = tpy_dict_new();
    if (d == NULL) {
        return -1;
    }
    for (intptr_t i = 0; i < v->cap; i++) {
        if (v->items[i] != NULL && tpy_dict_set(d, k->names[i], v->items[i]) < 0) {
            TPY_DECREF(d);
            return -1;
        }
    }
    *slot = d;
    tpy_values_free(v);
    return 0;
}

int tpy_values_setattr(tpy_object_t *op, tpy_object_t *name, tpy_object_t *value)
{
    tpy_type_t *type = TPY_TYPE(op);
    tpy_object_t **slot = tpy_object_dict_slot(op);
    tpy_values_t *v = tpy_slot_values(*slot);
    if (value == NULL) {
        if (v == NULL) {
            return 0; // no attribute at all: the dict path reports it
        }
        intptr_t i = tpy_attrkeys_index(type, name);
        if (i >= 0 && i < v->cap && v->items[i] != NULL) {
            TPY_CLEAR(v->items[i]);
            return 1;
        }
        tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '%U'", op, name);
        return -1;
    }
    intptr_t i = attrkeys_index_add(type, name);
    if (i < 0) {
        return 0;
    }
    return tpy_values_store_new(op, i, value);
}

int tpy_values_store_new(tpy_object_t *op, intptr_t i, tpy_object_t *value)
{
    tpy_type_t *type = TPY_TYPE(op);
    tpy_object_t **slot = tpy_object_dict_slot(op);
    tpy_values_t *v = tpy_slot_values(*slot);
    if (v == NULL && *slot != NULL) {
        return 0; // a real dict
    }
    if (v != NULL) {
        for (intptr_t j = i + 1; j < v->cap; j++) {
            if (v->items[j] != NULL) {
                return 0; // out of insertion order: the dict path
            }
        }
        if (i < v->cap) {
            tpy_object_t *old = v->items[i];
            v->items[i] = tpy_newref(value);
            TPY_XDECREF(old);
            return 1;
        }
    }
    intptr_t cap = type->tp_attrkeys->cap;
    intptr_t old = v ? v->cap : 0;
    tpy_values_t *nv = tpy_mem_realloc(v, v ? values_size(old) : 0, values_size(cap));
    if (nv == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    memset(nv->items + old, 0, (size_t)(cap - old) * sizeof(tpy_object_t *));
    nv->cap = cap;
    *slot = (tpy_object_t *)((uintptr_t)nv | TPY_VALUES_TAG);
    nv->items[i] = tpy_newref(value);
    return 1;
}
