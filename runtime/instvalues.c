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

intptr_t tpy_attrkeys_find(struct tpy_attrkeys *k, tpy_object_t *name, intptr_t limit)
{
    for (intptr_t i = 0; i < limit; i++) {
        if (k->names[i] == name) {
            return i;
        }
    }
    // a name made at run time (getattr(obj, "x" + "y")) is not the interned one
    if (!((tpy_str_t *)name)->interned) {
        for (intptr_t i = 0; i < limit; i++) {
            if (tpy_str_eq(k->names[i], name)) {
                return i;
            }
        }
    }
    return -1;
}

intptr_t tpy_attrkeys_index(tpy_type_t *type, tpy_object_t *name)
{
    struct tpy_attrkeys *k = type->tp_attrkeys;
    return k != NULL ? tpy_attrkeys_find(k, name, k->n) : -1;
}

static size_t keys_size(intptr_t cap)
{
    return sizeof(struct tpy_attrkeys) + (size_t)cap * sizeof(tpy_object_t *);
}

void tpy_attrkeys_incref(struct tpy_attrkeys *k)
{
    k->refcnt++;
}

void tpy_attrkeys_decref(struct tpy_attrkeys *k)
{
    if (--k->refcnt > 0) {
        return;
    }
    for (intptr_t i = 0; i < k->n; i++) {
        TPY_DECREF(k->names[i]);
    }
    tpy_mem_free(k, keys_size(k->cap));
}

void tpy_attrkeys_free(struct tpy_attrkeys *k)
{
    if (k != NULL) {
        k->owner = NULL;
        tpy_attrkeys_decref(k);
    }
}

/* [type]'s table with room for one more name: grown in place when only the
 * class uses it, else replaced by a grown copy (the split dicts sharing the
 * old one keep it, detached).  NULL when full or out of memory. */
static struct tpy_attrkeys *class_keys_with_room(tpy_type_t *type)
{
    struct tpy_attrkeys *k = type->tp_attrkeys;
    if (k != NULL && k->n < k->cap) {
        return k;
    }
    intptr_t n = k ? k->n : 0;
    if (n >= TPY_ATTRKEYS_MAX) {
        return NULL;
    }
    intptr_t cap = k ? k->cap * 2 : 4;
    if (cap > TPY_ATTRKEYS_MAX) {
        cap = TPY_ATTRKEYS_MAX;
    }
    struct tpy_attrkeys *nk;
    if (k == NULL || k->refcnt == 1) {
        nk = tpy_mem_realloc(k, k ? keys_size(k->cap) : 0, keys_size(cap));
        if (nk == NULL) {
            return NULL;
        }
        if (k == NULL) {
            nk->refcnt = 1;
            nk->owner = type;
            nk->n = 0;
        }
    } else {
        nk = tpy_mem_alloc(keys_size(cap));
        if (nk == NULL) {
            return NULL;
        }
        nk->refcnt = 1;
        nk->owner = type;
        nk->n = n;
        for (intptr_t i = 0; i < n; i++) {
            nk->names[i] = tpy_newref(k->names[i]);
        }
        k->owner = NULL;
        tpy_attrkeys_decref(k); // the class's reference: split dicts hold theirs
    }
    nk->cap = cap;
    type->tp_attrkeys = nk;
    return nk;
}

// Append [name] to [k], which has room; its index.
static intptr_t push_name(struct tpy_attrkeys *k, tpy_object_t *name)
{
    tpy_object_t *key = tpy_newref(name);
    tpy_str_intern_inplace(&key);
    k->names[k->n] = key;
    if (k->owner != NULL) {
        tpy_type_modified(k->owner); // cached "no such instance attribute" answers are stale
    }
    return k->n++;
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
    struct tpy_attrkeys *k = class_keys_with_room(type);
    return k != NULL ? push_name(k, name) : -1;
}

intptr_t tpy_attrkeys_append(struct tpy_attrkeys **kp, tpy_object_t *name)
{
    struct tpy_attrkeys *k = *kp;
    if (k->owner != NULL) {
        struct tpy_attrkeys *nk = class_keys_with_room(k->owner);
        if (nk == NULL) {
            return -1;
        }
        if (nk != k) { // the class moved to a grown copy: the dict follows it
            tpy_attrkeys_incref(nk);
            tpy_attrkeys_decref(k);
            *kp = k = nk;
        }
        return push_name(k, name);
    }
    if (k->n == k->cap) {
        // a detached table that only this dict uses may still grow
        if (k->refcnt > 1 || k->cap >= TPY_ATTRKEYS_MAX) {
            return -1;
        }
        intptr_t cap = k->cap * 2 > TPY_ATTRKEYS_MAX ? TPY_ATTRKEYS_MAX : k->cap * 2;
        struct tpy_attrkeys *nk = tpy_mem_realloc(k, keys_size(k->cap), keys_size(cap));
        if (nk == NULL) {
            return -1;
        }
        nk->cap = cap;
        *kp = k = nk;
    }
    return push_name(k, name);
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
    tpy_object_t *d = tpy_dict_new_split(TPY_TYPE(op)->tp_attrkeys, v->items, v->cap);
    if (d == NULL) {
        return -1;
    }
    *slot = d;
    tpy_mem_free(v, values_size(v->cap)); // the dict took the values' references
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
