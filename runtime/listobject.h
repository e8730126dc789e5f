/*
 * runtime/listobject.h - list: a resizable array of references.
 *
 * Over-allocates on growth like CPython (amortized O(1) append).  sort is a
 * stable merge sort with key= and reverse=; comparing items may run Python
 * code, and a list mutated during sort raises ValueError like CPython.
 */
#ifndef TPY_RUNTIME_LISTOBJECT_H
#define TPY_RUNTIME_LISTOBJECT_H

#include "gc/gc.h"

typedef struct {
    tpy_object_t ob;
    intptr_t size;
    tpy_object_t **items;
    intptr_t allocated;
} tpy_list_t;

extern tpy_type_t tpy_list_type;
extern tpy_type_t tpy_listiter_type;
extern tpy_type_t tpy_listreviter_type;
#define TPY_LIST_CHECK(op) TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_LIST_SUBCLASS)
#define TPY_LIST_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_list_type)
#define TPY_LIST_SIZE(op) (((tpy_list_t *)(op))->size)
#define TPY_LIST_ITEMS(op) (((tpy_list_t *)(op))->items)
#define TPY_LIST_GET(op, i) (((tpy_list_t *)(op))->items[i])

// A new list of [n] items, all NULL (fill them before it escapes).
tpy_object_t *tpy_list_new(intptr_t n);
// Append, growing the array: the slow path of tpy_list_append_steal.
int tpy_list_append_steal_(tpy_object_t *list, tpy_object_t *item);
// Append [item], stealing the reference (also on failure). 0 or -1 (MemoryError).
static inline int tpy_list_append_steal(tpy_object_t *list, tpy_object_t *item)
{
    tpy_list_t *l = (tpy_list_t *)list;
    if (l->size < l->allocated) {
        l->items[l->size++] = item;
        return 0;
    }
    return tpy_list_append_steal_(list, item);
}
// Append (takes its own reference to [item]). 0 or -1.
static inline int tpy_list_append(tpy_object_t *list, tpy_object_t *item)
{
    tpy_incref(item);
    return tpy_list_append_steal(list, item);
}
// list.extend(iterable). 0 or -1.
int tpy_list_extend(tpy_object_t *list, tpy_object_t *iterable);
int tpy_list_insert(tpy_object_t *list, intptr_t where, tpy_object_t *item);
tpy_object_t *tpy_list_as_tuple(tpy_object_t *list);
// list.sort(key=key, reverse=reverse); key may be NULL/None. 0 or -1.
int tpy_list_sort(tpy_object_t *list, tpy_object_t *key, bool reverse);
tpy_object_t *tpy_list_slice(tpy_object_t *list, intptr_t lo, intptr_t hi);
// list.clear(): drops every item (may run __del__ methods). Cannot fail.
void tpy_list_clear(tpy_object_t *list);
// reversed(list): a new list_reverseiterator.
tpy_object_t *tpy_list_reversed(tpy_object_t *list);

void tpy_list_init(void);
// Release the name list_init interned (interpreter exit).
void tpy_list_fini(void);

#endif
