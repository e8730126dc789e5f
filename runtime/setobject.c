/*
 * runtime/setobject.c - set, frozenset and the set iterator.
 *
 * The table mirrors CPython 3.11's setobject so iteration order (visible in
 * every print of a set) is identical: slot i = hash & mask, then up to
 * LINEAR_PROBES neighbours, then i = (5*i + 1 + perturb) & mask with
 * perturb >>= 5.  An insertion of a new key reuses the last dummy met on its
 * probe path (what python3 does; the first one would change the order).
 * The table grows when fill*5 >= mask*3, to the smallest power of two above
 * used*4 (used*2 beyond 50000 entries), and is rebuilt in table order.  Bulk
 * operations (union, intersection, difference, symmetric difference, copy)
 * follow CPython's algorithms step by step, including which operand they walk,
 * because that decides the order of the result.
 *
 * Invariants: used <= fill < mask + 1; table is smalltable while mask is
 * MINSIZE - 1; an unused slot has key NULL and hash 0; a dummy has the dummy
 * key and hash -1.  Comparing keys may run Python code: lookups hold the
 * candidate key and restart when the table changed underneath.
 */
#include "runtime/runtime.h"
#include "runtime/setobject.h"

#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

// The key of deleted entries: never compared, never visible.
static tpy_object_t dummy_struct = TPY_STATIC_OB(&tpy_object_type);
#define dummy (&dummy_struct)

#define SO(op) ((tpy_set_t *)(op))

bool tpy_set_check_subtype(tpy_object_t *op)
{
    return tpy_type_is_subtype(TPY_TYPE(op), &tpy_set_type) ||
           tpy_type_is_subtype(TPY_TYPE(op), &tpy_frozenset_type);
}

static bool is_frozen(tpy_object_t *op)
{
    return TPY_TYPE(op) == &tpy_frozenset_type ||
           (TPY_TYPE(op) != &tpy_set_type &&
            tpy_type_is_subtype(TPY_TYPE(op), &tpy_frozenset_type));
}

static inline int64_t key_hash(tpy_object_t *key)
{
    if (TPY_STR_CHECK_EXACT(key)) {
        int64_t h = ((tpy_str_t *)key)->hash;
        return h != -1 ? h : tpy_str_hash(key);
    }
    return tpy_object_hash(key);
}

static size_t table_bytes(intptr_t mask)
{
    return (size_t)(mask + 1) * sizeof(tpy_setentry_t);
}

static void empty_to_minsize(tpy_set_t *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = TPY_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* ---- the table ---------------------------------------------------------------------- */

// Place an entry in a table known to have no dummies and not to hold [key].
static void insert_clean(tpy_setentry_t *table, intptr_t mask, tpy_object_t *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & (size_t)mask;
    for (;;) {
        tpy_setentry_t *entry = &table[i];
        if (entry->key == NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= (size_t)mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & (size_t)mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild the table with the smallest power-of-two size above [minused]. */
static int table_resize(tpy_set_t *so, intptr_t minused)
{
    size_t newsize = TPY_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    tpy_setentry_t *oldtable = so->table;
    intptr_t oldmask = so->mask;
    bool old_is_small = oldtable == so->smalltable;
    tpy_setentry_t small_copy[TPY_SET_MINSIZE];
    tpy_setentry_t *newtable;
    if (newsize == TPY_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0; // nothing to compact
            }
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > SIZE_MAX / 2 / sizeof(tpy_setentry_t)) {
            tpy_err_no_memory();
            return -1;
        }
        newtable = tpy_mem_alloc(newsize * sizeof(tpy_setentry_t));
        if (newtable == NULL) {
            tpy_err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(tpy_setentry_t));
    so->mask = (intptr_t)newsize - 1;
    so->table = newtable;
    for (intptr_t i = 0; i <= oldmask; i++) {
        tpy_object_t *key = oldtable[i].key;
        if (key != NULL && key != dummy) {
            insert_clean(newtable, so->mask, key, oldtable[i].hash);
        }
    }
    so->fill = so->used;
    if (!old_is_small) {
        tpy_mem_free(oldtable, table_bytes(oldmask));
    }
    return 0;
}

/* The entry holding [key], or an unused entry (key NULL) when absent; NULL
 * with an exception set when a comparison failed.  May run __eq__. */
static tpy_setentry_t *lookkey(tpy_set_t *so, tpy_object_t *key, int64_t hash)
{
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        tpy_setentry_t *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                tpy_object_t *startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                if (TPY_STR_CHECK_EXACT(startkey) && TPY_STR_CHECK_EXACT(key)) {
                    if (tpy_str_eq(startkey, key)) {
                        return entry;
                    }
                } else {
                    tpy_setentry_t *table = so->table;
                    TPY_INCREF(startkey);
                    int cmp = tpy_object_richcompare_bool(startkey, key, TPY_CMP_EQ);
                    TPY_DECREF(startkey);
                    if (cmp < 0) {
                        return NULL;
                    }
                    if (table != so->table || entry->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return entry;
                    }
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Add [key] (borrowed) with [hash].  0 or -1.  May run __eq__. */
static int add_entry(tpy_set_t *so, tpy_object_t *key, int64_t hash)
{
    TPY_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    tpy_setentry_t *freeslot = NULL;
    tpy_setentry_t *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                goto found_unused_or_dummy;
            }
            if (entry->hash == hash) {
                tpy_object_t *startkey = entry->key;
                if (startkey == key) {
                    goto found_active;
                }
                if (TPY_STR_CHECK_EXACT(startkey) && TPY_STR_CHECK_EXACT(key)) {
                    if (tpy_str_eq(startkey, key)) {
                        goto found_active;
                    }
                } else {
                    tpy_setentry_t *table = so->table;
                    TPY_INCREF(startkey);
                    int cmp = tpy_object_richcompare_bool(startkey, key, TPY_CMP_EQ);
                    TPY_DECREF(startkey);
                    if (cmp > 0) {
                        goto found_active;
                    }
                    if (cmp < 0) {
                        TPY_DECREF(key);
                        return -1;
                    }
                    if (table != so->table || entry->key != startkey) {
                        goto restart;
                    }
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                // A dummy: reusable if the key is absent.  CPython 3.11 ends up
                // using the last one met on the probe path (checked against
                // python3 by fuzzing), so later dummies replace earlier ones.
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) {
        return 0;
    }
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    TPY_DECREF(key);
    return 0;
}

static int add_key(tpy_set_t *so, tpy_object_t *key)
{
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return add_entry(so, key, hash);
}

// 1 present, 0 absent, -1 error.
static int contains_entry(tpy_set_t *so, tpy_object_t *key, int64_t hash)
{
    tpy_setentry_t *entry = lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    return entry->key != NULL;
}

enum { DISCARD_NOTFOUND = 0, DISCARD_FOUND = 1 };

static int discard_entry(tpy_set_t *so, tpy_object_t *key, int64_t hash)
{
    tpy_setentry_t *entry = lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return DISCARD_NOTFOUND;
    }
    tpy_object_t *old = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    TPY_DECREF(old);
    return DISCARD_FOUND;
}

static bool set_next(tpy_set_t *so, intptr_t *pos, tpy_setentry_t **out)
{
    intptr_t i = *pos;
    while (i <= so->mask && (so->table[i].key == NULL || so->table[i].key == dummy)) {
        i++;
    }
    *pos = i + 1;
    if (i > so->mask) {
        return false;
    }
    *out = &so->table[i];
    return true;
}

bool tpy_set_next_entry(tpy_object_t *set, intptr_t *pos, tpy_object_t **key, int64_t *hash)
{
    tpy_setentry_t *entry;
    if (!set_next(SO(set), pos, &entry)) {
        return false;
    }
    *key = entry->key;
    *hash = entry->hash;
    return true;
}

/* Drop every key.  The set is emptied before any reference is released, so
 * __del__ methods running meanwhile see a consistent, empty set. */
static void clear_internal(tpy_set_t *so)
{
    tpy_setentry_t *table = so->table;
    intptr_t used = so->used, mask = so->mask;
    bool malloced = table != so->smalltable;
    tpy_setentry_t small_copy[TPY_SET_MINSIZE];
    if (malloced) {
        empty_to_minsize(so);
    } else if (so->fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        empty_to_minsize(so);
    } else {
        return;
    }
    for (tpy_setentry_t *entry = table; used > 0; entry++) {
        if (entry->key != NULL && entry->key != dummy) {
            used--;
            TPY_DECREF(entry->key);
        }
    }
    if (malloced) {
        tpy_mem_free(table, table_bytes(mask));
    }
}

/* Add every key of the set [other] (CPython's set_merge). */
static int merge(tpy_set_t *so, tpy_set_t *other)
{
    if (other == so || other->used == 0) {
        return 0;
    }
    // One big resize first: expect few overlapping keys.
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (table_resize(so, (so->used + other->used) * 2) < 0) {
            return -1;
        }
    }
    tpy_setentry_t *oe = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        // Same size, no dummies: copy the slots as they are.
        for (intptr_t i = 0; i <= other->mask; i++) {
            if (oe[i].key != NULL) {
                so->table[i].key = tpy_newref(oe[i].key);
                so->table[i].hash = oe[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (intptr_t i = 0; i <= other->mask; i++) {
            tpy_object_t *key = oe[i].key;
            if (key != NULL && key != dummy) {
                insert_clean(so->table, so->mask, tpy_newref(key), oe[i].hash);
            }
        }
        return 0;
    }
    for (intptr_t i = 0; i <= other->mask; i++) {
        tpy_setentry_t *entry = &other->table[i];
        tpy_object_t *key = entry->key;
        if (key != NULL && key != dummy) {
            TPY_INCREF(key);
            int r = add_entry(so, key, entry->hash);
            TPY_DECREF(key);
            if (r < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* s.update(other) for one iterable (CPython's set_update_internal). */
static int update_internal(tpy_set_t *so, tpy_object_t *other)
{
    if (TPY_ANYSET_CHECK(other)) {
        return merge(so, SO(other));
    }
    if (TPY_DICT_CHECK_EXACT(other)) {
        intptr_t n = TPY_DICT_SIZE(other);
        if ((so->fill + n) * 5 >= so->mask * 3) {
            if (table_resize(so, (so->used + n) * 2) < 0) {
                return -1;
            }
        }
        intptr_t pos = 0;
        tpy_object_t *key;
        int64_t hash;
        while (tpy_dict_next_hash(other, &pos, &key, NULL, &hash)) {
            if (add_entry(so, key, hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    tpy_object_t *it = tpy_object_getiter(other);
    if (it == NULL) {
        return -1;
    }
    tpy_iternext_fn next = TPY_TYPE(it)->tp_iternext;
    tpy_object_t *key;
    while ((key = next(it)) != NULL) {
        int r = add_key(so, key);
        TPY_DECREF(key);
        if (r < 0) {
            TPY_DECREF(it);
            return -1;
        }
    }
    TPY_DECREF(it);
    if (tpy_err_occurred()) {
        if (!tpy_err_matches(&tpy_exc_StopIteration)) {
            return -1;
        }
        tpy_err_clear();
    }
    return 0;
}

/* ---- construction ------------------------------------------------------------------ */

static tpy_object_t *alloc_set(tpy_type_t *type)
{
    tpy_object_t *op;
    if (type == &tpy_set_type || type == &tpy_frozenset_type) {
        op = tpy_gc_new(type, sizeof(tpy_set_t));
        if (op == NULL) {
            return tpy_err_no_memory();
        }
    } else {
        op = tpy_type_generic_alloc(type, 0);
        if (op == NULL) {
            return NULL;
        }
    }
    empty_to_minsize(SO(op));
    return op;
}

/* A new set of [type] holding the items of [iterable] (may be NULL). */
static tpy_object_t *make_new_set(tpy_type_t *type, tpy_object_t *iterable)
{
    tpy_object_t *so = alloc_set(type);
    if (so == NULL) {
        return NULL;
    }
    tpy_gc_track(so);
    if (iterable != NULL && update_internal(SO(so), iterable) < 0) {
        TPY_DECREF(so);
        return NULL;
    }
    return so;
}

// Results of operations on subclass instances are plain sets / frozensets.
static tpy_object_t *make_new_set_basetype(tpy_type_t *type, tpy_object_t *iterable)
{
    if (type != &tpy_set_type && type != &tpy_frozenset_type) {
        type = tpy_type_is_subtype(type, &tpy_set_type) ? &tpy_set_type : &tpy_frozenset_type;
    }
    return make_new_set(type, iterable);
}

static tpy_object_t *set_copy(tpy_object_t *so)
{
    return make_new_set_basetype(TPY_TYPE(so), so);
}

tpy_object_t *tpy_set_new(tpy_object_t *iterable)
{
    return make_new_set(&tpy_set_type, iterable);
}

tpy_object_t *tpy_frozenset_new(tpy_object_t *iterable)
{
    return make_new_set(&tpy_frozenset_type, iterable);
}

/* ---- public API ----------------------------------------------------------------------- */

tpy_object_t *tpy_frozenset_const(tpy_object_t *const *items, intptr_t n)
{
    tpy_object_t *t = tpy_tuple_from_array(items, n);
    if (t == NULL) {
        return NULL;
    }
    tpy_object_t *first = make_new_set(&tpy_frozenset_type, t);
    TPY_DECREF(t);
    if (first == NULL) {
        return NULL;
    }
    // CPython's constant merging rebuilds the frozenset from its own iteration
    // order; that second table is the one the code object keeps.
    t = tpy_tuple_new(tpy_set_size(first));
    if (t == NULL) {
        TPY_DECREF(first);
        return NULL;
    }
    intptr_t pos = 0, i = 0;
    tpy_setentry_t *entry;
    while (set_next(SO(first), &pos, &entry)) {
        TPY_TUPLE_ITEMS(t)[i++] = tpy_newref(entry->key);
    }
    TPY_DECREF(first);
    tpy_object_t *result = make_new_set(&tpy_frozenset_type, t);
    TPY_DECREF(t);
    return result;
}

int tpy_set_add(tpy_object_t *set, tpy_object_t *key)
{
    return add_key(SO(set), key);
}

int tpy_set_update(tpy_object_t *set, tpy_object_t *iterable)
{
    return update_internal(SO(set), iterable);
}

void tpy_set_clear(tpy_object_t *set)
{
    clear_internal(SO(set));
}

/* Hash [key] for a lookup; a set key that is unhashable is looked up as the
 * equal frozenset (CPython: `{1} in {frozenset({1})}` is True).  Returns the
 * key to use (new ref) or NULL with the TypeError. */
static tpy_object_t *lookup_key(tpy_object_t *key, int64_t *hash)
{
    *hash = key_hash(key);
    if (*hash != -1) {
        return tpy_newref(key);
    }
    if (!TPY_ANYSET_CHECK(key) || !tpy_err_matches(&tpy_exc_TypeError)) {
        return NULL;
    }
    tpy_err_clear();
    tpy_object_t *tmp = make_new_set(&tpy_frozenset_type, key);
    if (tmp == NULL) {
        return NULL;
    }
    *hash = key_hash(tmp);
    if (*hash == -1) {
        TPY_DECREF(tmp);
        return NULL;
    }
    return tmp;
}

int tpy_set_contains(tpy_object_t *set, tpy_object_t *key)
{
    int64_t hash;
    tpy_object_t *k = lookup_key(key, &hash);
    if (k == NULL) {
        return -1;
    }
    int r = contains_entry(SO(set), k, hash);
    TPY_DECREF(k);
    return r;
}

int tpy_set_discard(tpy_object_t *set, tpy_object_t *key)
{
    int64_t hash;
    tpy_object_t *k = lookup_key(key, &hash);
    if (k == NULL) {
        return -1;
    }
    int r = discard_entry(SO(set), k, hash);
    TPY_DECREF(k);
    return r;
}

/* ---- set algebra (CPython's algorithms: they fix the result's order) ------------------- */

static tpy_object_t *set_intersection(tpy_object_t *so, tpy_object_t *other)
{
    if (so == other) {
        return set_copy(so);
    }
    tpy_object_t *result = make_new_set_basetype(TPY_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (TPY_ANYSET_CHECK(other)) {
        tpy_set_t *big = SO(so), *small = SO(other);
        if (small->used > big->used) {
            big = SO(other);
            small = SO(so);
        }
        intptr_t pos = 0;
        tpy_setentry_t *entry;
        while (set_next(small, &pos, &entry)) {
            tpy_object_t *key = tpy_newref(entry->key);
            int64_t hash = entry->hash;
            int r = contains_entry(big, key, hash);
            if (r > 0) {
                r = add_entry(SO(result), key, hash);
            }
            TPY_DECREF(key);
            if (r < 0) {
                goto error;
            }
        }
        return result;
    }
    tpy_object_t *it = tpy_object_getiter(other);
    if (it == NULL) {
        goto error;
    }
    tpy_object_t *key;
    while ((key = tpy_iter_next(it)) != NULL) {
        int64_t hash = key_hash(key);
        int r = hash == -1 ? -1 : contains_entry(SO(so), key, hash);
        if (r > 0) {
            r = add_entry(SO(result), key, hash);
        }
        TPY_DECREF(key);
        if (r < 0) {
            TPY_DECREF(it);
            goto error;
        }
    }
    TPY_DECREF(it);
    if (tpy_err_occurred()) {
        goto error;
    }
    return result;
error:
    TPY_DECREF(result);
    return NULL;
}

// Exchange the contents of two sets (for the *_update methods).
static void swap_bodies(tpy_set_t *a, tpy_set_t *b)
{
    intptr_t t;
    t = a->fill, a->fill = b->fill, b->fill = t;
    t = a->used, a->used = b->used, b->used = t;
    t = a->mask, a->mask = b->mask, b->mask = t;
    tpy_setentry_t *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        tpy_setentry_t tab[TPY_SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (is_frozen(TPY_OBJ(a)) && is_frozen(TPY_OBJ(b))) {
        int64_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static int intersection_update(tpy_object_t *so, tpy_object_t *other)
{
    tpy_object_t *tmp = set_intersection(so, other);
    if (tmp == NULL) {
        return -1;
    }
    swap_bodies(SO(so), SO(tmp));
    TPY_DECREF(tmp);
    return 0;
}

static int difference_update_internal(tpy_set_t *so, tpy_object_t *other)
{
    if (TPY_OBJ(so) == other) {
        clear_internal(so);
        return 0;
    }
    if (TPY_ANYSET_CHECK(other)) {
        // A much bigger other: only the common keys matter.
        tpy_object_t *o = (tpy_set_size(other) >> 3) > so->used
                              ? set_intersection(TPY_OBJ(so), other)
                              : tpy_newref(other);
        if (o == NULL) {
            return -1;
        }
        intptr_t pos = 0;
        tpy_setentry_t *entry;
        while (set_next(SO(o), &pos, &entry)) {
            tpy_object_t *key = tpy_newref(entry->key);
            int r = discard_entry(so, key, entry->hash);
            TPY_DECREF(key);
            if (r < 0) {
                TPY_DECREF(o);
                return -1;
            }
        }
        TPY_DECREF(o);
    } else {
        tpy_object_t *it = tpy_object_getiter(other);
        if (it == NULL) {
            return -1;
        }
        tpy_object_t *key;
        while ((key = tpy_iter_next(it)) != NULL) {
            int r = tpy_set_discard(TPY_OBJ(so), key);
            TPY_DECREF(key);
            if (r < 0) {
                TPY_DECREF(it);
                return -1;
            }
        }
        TPY_DECREF(it);
        if (tpy_err_occurred()) {
            return -1;
        }
    }
    // More than 1/4 dummies: rebuild.
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) {
        return 0;
    }
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static tpy_object_t *copy_and_difference(tpy_object_t *so, tpy_object_t *other)
{
    tpy_object_t *result = set_copy(so);
    if (result != NULL && difference_update_internal(SO(result), other) < 0) {
        TPY_CLEAR(result);
    }
    return result;
}

static tpy_object_t *set_difference(tpy_object_t *so, tpy_object_t *other)
{
    intptr_t other_size;
    if (TPY_ANYSET_CHECK(other)) {
        other_size = tpy_set_size(other);
    } else if (TPY_DICT_CHECK_EXACT(other)) {
        other_size = TPY_DICT_SIZE(other);
    } else {
        return copy_and_difference(so, other);
    }
    // Much bigger than other: copying and removing is cheaper.
    if ((tpy_set_size(so) >> 2) > other_size) {
        return copy_and_difference(so, other);
    }
    tpy_object_t *result = make_new_set_basetype(TPY_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    bool other_is_dict = TPY_DICT_CHECK_EXACT(other);
    intptr_t pos = 0;
    tpy_setentry_t *entry;
    while (set_next(SO(so), &pos, &entry)) {
        tpy_object_t *key = tpy_newref(entry->key);
        int64_t hash = entry->hash;
        int r = other_is_dict ? tpy_dict_contains_hash(other, key, hash)
                              : contains_entry(SO(other), key, hash);
        if (r == 0) {
            r = add_entry(SO(result), key, hash);
        }
        TPY_DECREF(key);
        if (r < 0) {
            TPY_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static int symmetric_difference_update(tpy_object_t *so, tpy_object_t *other)
{
    if (so == other) {
        clear_internal(SO(so));
        return 0;
    }
    if (TPY_DICT_CHECK_EXACT(other)) {
        intptr_t pos = 0;
        tpy_object_t *key;
        int64_t hash;
        while (tpy_dict_next_hash(other, &pos, &key, NULL, &hash)) {
            TPY_INCREF(key);
            int r = discard_entry(SO(so), key, hash);
            if (r == DISCARD_NOTFOUND) {
                r = add_entry(SO(so), key, hash);
            }
            TPY_DECREF(key);
            if (r < 0) {
                return -1;
            }
        }
        return 0;
    }
    tpy_object_t *otherset =
        TPY_ANYSET_CHECK(other) ? tpy_newref(other) : make_new_set_basetype(TPY_TYPE(so), other);
    if (otherset == NULL) {
        return -1;
    }
    intptr_t pos = 0;
    tpy_setentry_t *entry;
    while (set_next(SO(otherset), &pos, &entry)) {
        tpy_object_t *key = tpy_newref(entry->key);
        int64_t hash = entry->hash;
        int r = discard_entry(SO(so), key, hash);
        if (r == DISCARD_NOTFOUND) {
            r = add_entry(SO(so), key, hash);
        }
        TPY_DECREF(key);
        if (r < 0) {
            TPY_DECREF(otherset);
            return -1;
        }
    }
    TPY_DECREF(otherset);
    return 0;
}

static tpy_object_t *set_symmetric_difference(tpy_object_t *so, tpy_object_t *other)
{
    tpy_object_t *result = make_new_set_basetype(TPY_TYPE(so), other);
    if (result != NULL && symmetric_difference_update(result, so) < 0) {
        TPY_CLEAR(result);
    }
    return result;
}

// 1 when every key of [so] is in [other] (any iterable), 0 if not, -1 on error.
static int issubset(tpy_object_t *so, tpy_object_t *other)
{
    if (!TPY_ANYSET_CHECK(other)) {
        tpy_object_t *tmp = make_new_set(&tpy_set_type, other);
        if (tmp == NULL) {
            return -1;
        }
        int r = issubset(so, tmp);
        TPY_DECREF(tmp);
        return r;
    }
    if (tpy_set_size(so) > tpy_set_size(other)) {
        return 0;
    }
    intptr_t pos = 0;
    tpy_setentry_t *entry;
    while (set_next(SO(so), &pos, &entry)) {
        tpy_object_t *key = tpy_newref(entry->key);
        int r = contains_entry(SO(other), key, entry->hash);
        TPY_DECREF(key);
        if (r <= 0) {
            return r;
        }
    }
    return 1;
}

static int issuperset(tpy_object_t *so, tpy_object_t *other)
{
    if (TPY_ANYSET_CHECK(other)) {
        return issubset(other, so);
    }
    tpy_object_t *it = tpy_object_getiter(other);
    if (it == NULL) {
        return -1;
    }
    tpy_object_t *key;
    int r = 1;
    while (r == 1 && (key = tpy_iter_next(it)) != NULL) {
        r = tpy_set_contains(so, key);
        TPY_DECREF(key);
    }
    TPY_DECREF(it);
    if (r == 1 && tpy_err_occurred()) {
        return -1;
    }
    return r;
}

static int isdisjoint(tpy_object_t *so, tpy_object_t *other)
{
    if (so == other) {
        return tpy_set_size(so) == 0;
    }
    if (TPY_ANYSET_CHECK_EXACT(other)) {
        tpy_object_t *big = so, *small = other;
        if (tpy_set_size(other) > tpy_set_size(so)) {
            big = other;
            small = so;
        }
        intptr_t pos = 0;
        tpy_setentry_t *entry;
        while (set_next(SO(small), &pos, &entry)) {
            tpy_object_t *key = tpy_newref(entry->key);
            int r = contains_entry(SO(big), key, entry->hash);
            TPY_DECREF(key);
            if (r != 0) {
                return r < 0 ? -1 : 0;
            }
        }
        return 1;
    }
    tpy_object_t *it = tpy_object_getiter(other);
    if (it == NULL) {
        return -1;
    }
    tpy_object_t *key;
    int r = 0;
    while (r == 0 && (key = tpy_iter_next(it)) != NULL) {
        r = tpy_set_contains(so, key);
        TPY_DECREF(key);
    }
    TPY_DECREF(it);
    if (r < 0 || (r == 0 && tpy_err_occurred())) {
        return -1;
    }
    return r == 0;
}

/* ---- slots ------------------------------------------------------------------------------ */

static void set_dealloc(tpy_object_t *op)
{
    tpy_set_t *so = SO(op);
    tpy_gc_untrack(op);
    if (so->weakreflist != NULL) {
        tpy_weakref_clear_refs(op);
    }
    if (tpy_trash_begin(op)) {
        return;
    }
    intptr_t used = so->used;
    for (tpy_setentry_t *entry = so->table; used > 0; entry++) {
        if (entry->key != NULL && entry->key != dummy) {
            used--;
            TPY_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable) {
        tpy_mem_free(so->table, table_bytes(so->mask));
    }
    tpy_gc_free(op, TPY_TYPE(op)->tp_basicsize);
    tpy_trash_end();
}

static int set_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    intptr_t pos = 0;
    tpy_setentry_t *entry;
    while (set_next(SO(op), &pos, &entry)) {
        int r = visit(entry->key, arg);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static int set_tp_clear(tpy_object_t *op)
{
    clear_internal(SO(op));
    return 0;
}

static tpy_object_t *set_repr(tpy_object_t *op)
{
    const char *name = TPY_TYPE(op)->tp_name;
    int status = tpy_repr_enter(op);
    if (status != 0) {
        return status > 0 ? tpy_str_from_format("%s(...)", name) : NULL;
    }
    tpy_object_t *result = NULL;
    if (SO(op)->used == 0) {
        result = tpy_str_from_format("%s()", name);
        goto done;
    }
    tpy_object_t *keys = tpy_sequence_list(op);
    if (keys == NULL) {
        goto done;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    bool exact = TPY_TYPE(op) == &tpy_set_type;
    if (!exact) {
        tpy_strbuf_append_cstr(&b, name);
        tpy_strbuf_append_char(&b, '(');
    }
    tpy_strbuf_append_char(&b, '{');
    int err = 0;
    for (intptr_t i = 0; i < TPY_LIST_SIZE(keys) && err == 0; i++) {
        if (i > 0) {
            tpy_strbuf_append(&b, ", ", 2);
        }
        err = tpy_strbuf_append_repr(&b, TPY_LIST_GET(keys, i));
    }
    TPY_DECREF(keys);
    if (err < 0) {
        tpy_strbuf_release(&b);
        goto done;
    }
    tpy_strbuf_append_cstr(&b, exact ? "}" : "})");
    result = tpy_strbuf_finish(&b);
done:
    tpy_repr_leave(op);
    return result;
}

static intptr_t set_len(tpy_object_t *op)
{
    return SO(op)->used;
}

static int set_contains_slot(tpy_object_t *op, tpy_object_t *key)
{
    return tpy_set_contains(op, key);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython 3.11's frozenset hash: order-independent xor of shuffled entry
 * hashes over the whole table, corrected for unused and dummy slots. */
static int64_t frozenset_hash(tpy_object_t *op)
{
    tpy_set_t *so = SO(op);
    if (so->hash != -1) {
        return so->hash;
    }
    uint64_t hash = 0;
    for (intptr_t i = 0; i <= so->mask; i++) {
        hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    }
    if ((so->mask + 1 - so->fill) & 1) {
        hash ^= shuffle_bits(0); // an odd number of unused slots
    }
    if ((so->fill - so->used) & 1) {
        hash ^= shuffle_bits((uint64_t)-1); // an odd number of dummies
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) {
        hash = 590923713ULL;
    }
    so->hash = (int64_t)hash;
    return so->hash;
}

static tpy_object_t *set_richcompare(tpy_object_t *v, tpy_object_t *w, int op)
{
    if (!TPY_ANYSET_CHECK(v) || !TPY_ANYSET_CHECK(w)) {
        TPY_RETURN_NOTIMPL;
    }
    int r;
    switch (op) {
    case TPY_CMP_EQ:
    case TPY_CMP_NE:
        if (tpy_set_size(v) != tpy_set_size(w)) {
            r = 0;
        } else if (SO(v)->hash != -1 && SO(w)->hash != -1 && SO(v)->hash != SO(w)->hash) {
            r = 0;
        } else {
            r = issubset(v, w);
        }
        if (op == TPY_CMP_NE && r >= 0) {
            r = !r;
        }
        break;
    case TPY_CMP_LE:
        r = issubset(v, w);
        break;
    case TPY_CMP_GE:
        r = issuperset(v, w);
        break;
    case TPY_CMP_LT:
        r = tpy_set_size(v) < tpy_set_size(w) ? issubset(v, w) : 0;
        break;
    default:
        r = tpy_set_size(v) > tpy_set_size(w) ? issuperset(v, w) : 0;
        break;
    }
    if (r < 0) {
        return NULL;
    }
    return tpy_bool_from(r);
}

static tpy_object_t *set_or(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(a) || !TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_object_t *result = set_copy(a);
    if (result != NULL && a != b && update_internal(SO(result), b) < 0) {
        TPY_CLEAR(result);
    }
    return result;
}

static tpy_object_t *set_and(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(a) || !TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    return set_intersection(a, b);
}

static tpy_object_t *set_sub(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(a) || !TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    return set_difference(a, b);
}

static tpy_object_t *set_xor(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(a) || !TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    return set_symmetric_difference(a, b);
}

static tpy_object_t *set_ior(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    if (update_internal(SO(a), b) < 0) {
        return NULL;
    }
    return tpy_newref(a);
}

static tpy_object_t *set_iand(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    if (intersection_update(a, b) < 0) {
        return NULL;
    }
    return tpy_newref(a);
}

static tpy_object_t *set_isub(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    if (difference_update_internal(SO(a), b) < 0) {
        return NULL;
    }
    return tpy_newref(a);
}

static tpy_object_t *set_ixor(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_ANYSET_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    if (symmetric_difference_update(a, b) < 0) {
        return NULL;
    }
    return tpy_newref(a);
}

static tpy_object_t *set_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)args;
    (void)nargs;
    if (type == &tpy_set_type && tpy_arg_no_kw("set", kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *so = alloc_set(type);
    if (so != NULL) {
        tpy_gc_track(so);
    }
    return so;
}

static int set_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                    tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("set", kwnames) < 0 || tpy_arg_count("set", nargs, NULL, 0, 1) < 0) {
        return -1;
    }
    if (SO(self)->fill > 0) {
        clear_internal(SO(self));
    }
    SO(self)->hash = -1;
    if (nargs == 0) {
        return 0;
    }
    return update_internal(SO(self), args[0]);
}

static tpy_object_t *frozenset_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (type == &tpy_frozenset_type && tpy_arg_no_kw("frozenset", kwnames) < 0) {
        return NULL;
    }
    if (tpy_arg_count("frozenset", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    tpy_object_t *iterable = nargs > 0 ? args[0] : NULL;
    if (type == &tpy_frozenset_type && iterable != NULL && TPY_FROZENSET_CHECK_EXACT(iterable)) {
        return tpy_newref(iterable); // frozensets are immutable: share
    }
    return make_new_set(type, iterable);
}

/* ---- methods -------------------------------------------------------------------------------- */

#define NOARGS(fname)                                                                             \
    do {                                                                                          \
        (void)args;                                                                               \
        if (tpy_check_no_args(fname, nargs, kwnames) < 0) {                                       \
            return NULL;                                                                          \
        }                                                                                         \
    } while (0)

static tpy_object_t *set_add_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("set.add", nargs, kwnames) < 0 || tpy_set_add(self, args[0]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *set_discard_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("set.discard", nargs, kwnames) < 0 ||
        tpy_set_discard(self, args[0]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *set_remove_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("set.remove", nargs, kwnames) < 0) {
        return NULL;
    }
    int r = tpy_set_discard(self, args[0]);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        return tpy_err_key(args[0]);
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *set_pop_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    NOARGS("set.pop");
    tpy_set_t *so = SO(self);
    if (so->used == 0) {
        return tpy_err_format(&tpy_exc_KeyError, "pop from an empty set");
    }
    tpy_setentry_t *entry = so->table + (so->finger & so->mask);
    tpy_setentry_t *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    tpy_object_t *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1; // next pop starts after this slot
    return key;
}

static tpy_object_t *set_clear_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    NOARGS("set.clear");
    clear_internal(SO(self));
    TPY_RETURN_NONE;
}

static tpy_object_t *set_copy_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    NOARGS(is_frozen(self) ? "frozenset.copy" : "set.copy");
    if (TPY_FROZENSET_CHECK_EXACT(self)) {
        return tpy_newref(self);
    }
    return set_copy(self);
}

static tpy_object_t *set_union_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("union", kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *result = set_copy(self);
    for (size_t i = 0; result != NULL && i < nargs; i++) {
        if (args[i] != self && update_internal(SO(result), args[i]) < 0) {
            TPY_CLEAR(result);
        }
    }
    return result;
}

static tpy_object_t *set_update_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("update", kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (update_internal(SO(self), args[i]) < 0) {
            return NULL;
        }
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *set_intersection_meth(tpy_object_t *self, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("intersection", kwnames) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return set_copy(self);
    }
    tpy_object_t *result = tpy_newref(self);
    for (size_t i = 0; i < nargs; i++) {
        tpy_object_t *next = set_intersection(result, args[i]);
        TPY_DECREF(result);
        if (next == NULL) {
            return NULL;
        }
        result = next;
    }
    return result;
}

static tpy_object_t *set_intersection_update_meth(tpy_object_t *self, tpy_object_t *const *args,
                                                  size_t nargs, tpy_object_t *kwnames)
{
    tpy_object_t *tmp = set_intersection_meth(self, args, nargs, kwnames);
    if (tmp == NULL) {
        return NULL;
    }
    swap_bodies(SO(self), SO(tmp));
    TPY_DECREF(tmp);
    TPY_RETURN_NONE;
}

static tpy_object_t *set_difference_meth(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("difference", kwnames) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return set_copy(self);
    }
    tpy_object_t *result = set_difference(self, args[0]);
    for (size_t i = 1; result != NULL && i < nargs; i++) {
        if (difference_update_internal(SO(result), args[i]) < 0) {
            TPY_CLEAR(result);
        }
    }
    return result;
}

static tpy_object_t *set_difference_update_meth(tpy_object_t *self, tpy_object_t *const *args,
                                                size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("difference_update", kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (difference_update_internal(SO(self), args[i]) < 0) {
            return NULL;
        }
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *set_symdiff_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_check_one_arg(is_frozen(self) ? "frozenset.symmetric_difference"
                                          : "set.symmetric_difference",
                          nargs, kwnames) < 0) {
        return NULL;
    }
    return set_symmetric_difference(self, args[0]);
}

static tpy_object_t *set_symdiff_update_meth(tpy_object_t *self, tpy_object_t *const *args,
                                             size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("set.symmetric_difference_update", nargs, kwnames) < 0 ||
        symmetric_difference_update(self, args[0]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *bool_result(int r)
{
    return r < 0 ? NULL : tpy_bool_from(r);
}

static tpy_object_t *set_issubset_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                       tpy_object_t *kwnames)
{
    if (tpy_check_one_arg(is_frozen(self) ? "frozenset.issubset" : "set.issubset", nargs,
                          kwnames) < 0) {
        return NULL;
    }
    return bool_result(issubset(self, args[0]));
}

static tpy_object_t *set_issuperset_meth(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_check_one_arg(is_frozen(self) ? "frozenset.issuperset" : "set.issuperset", nargs,
                          kwnames) < 0) {
        return NULL;
    }
    return bool_result(issuperset(self, args[0]));
}

static tpy_object_t *set_isdisjoint_meth(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_check_one_arg(is_frozen(self) ? "frozenset.isdisjoint" : "set.isdisjoint", nargs,
                          kwnames) < 0) {
        return NULL;
    }
    return bool_result(isdisjoint(self, args[0]));
}

static tpy_object_t *set_sizeof_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    NOARGS("__sizeof__");
    size_t size = TPY_TYPE(self)->tp_basicsize;
    if (SO(self)->table != SO(self)->smalltable) {
        size += table_bytes(SO(self)->mask);
    }
    return tpy_int_from_i64((int64_t)size);
}

static const tpy_methoddef_t set_methods[] = {
    {"add", set_add_meth, 0, NULL},
    {"clear", set_clear_meth, 0, NULL},
    {"copy", set_copy_meth, 0, NULL},
    {"discard", set_discard_meth, 0, NULL},
    {"difference", set_difference_meth, 0, NULL},
    {"difference_update", set_difference_update_meth, 0, NULL},
    {"intersection", set_intersection_meth, 0, NULL},
    {"intersection_update", set_intersection_update_meth, 0, NULL},
    {"isdisjoint", set_isdisjoint_meth, 0, NULL},
    {"issubset", set_issubset_meth, 0, NULL},
    {"issuperset", set_issuperset_meth, 0, NULL},
    {"pop", set_pop_meth, 0, NULL},
    {"remove", set_remove_meth, 0, NULL},
    {"symmetric_difference", set_symdiff_meth, 0, NULL},
    {"symmetric_difference_update", set_symdiff_update_meth, 0, NULL},
    {"union", set_union_meth, 0, NULL},
    {"update", set_update_meth, 0, NULL},
    {"__sizeof__", set_sizeof_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const tpy_methoddef_t frozenset_methods[] = {
    {"copy", set_copy_meth, 0, NULL},
    {"difference", set_difference_meth, 0, NULL},
    {"intersection", set_intersection_meth, 0, NULL},
    {"isdisjoint", set_isdisjoint_meth, 0, NULL},
    {"issubset", set_issubset_meth, 0, NULL},
    {"issuperset", set_issuperset_meth, 0, NULL},
    {"symmetric_difference", set_symdiff_meth, 0, NULL},
    {"union", set_union_meth, 0, NULL},
    {"__sizeof__", set_sizeof_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ------------------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *set; // NULL once exhausted
    intptr_t used;     // the set's size when created
    intptr_t pos;
    intptr_t len;
} setiter_t;

static tpy_object_t *set_iter(tpy_object_t *op)
{
    setiter_t *it = (setiter_t *)tpy_gc_new(&tpy_setiter_type, sizeof(setiter_t));
    if (it == NULL) {
        return tpy_err_no_memory();
    }
    it->set = tpy_newref(op);
    it->used = SO(op)->used;
    it->len = it->used;
    tpy_gc_track(TPY_OBJ(it));
    return TPY_OBJ(it);
}

static void setiter_dealloc(tpy_object_t *op)
{
    tpy_gc_untrack(op);
    TPY_CLEAR(((setiter_t *)op)->set);
    tpy_gc_free(op, sizeof(setiter_t));
}

static int setiter_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    setiter_t *it = (setiter_t *)op;
    return it->set != NULL ? visit(it->set, arg) : 0;
}

static int setiter_clear(tpy_object_t *op)
{
    TPY_CLEAR(((setiter_t *)op)->set);
    return 0;
}

static tpy_object_t *setiter_next(tpy_object_t *op)
{
    setiter_t *it = (setiter_t *)op;
    tpy_object_t *s = it->set;
    if (s == NULL) {
        return NULL;
    }
    if (it->used != SO(s)->used) {
        tpy_err_format(&tpy_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1; // stay in error
        return NULL;
    }
    tpy_setentry_t *entry;
    if (!set_next(SO(s), &it->pos, &entry)) {
        it->set = NULL;
        TPY_DECREF(s);
        return NULL;
    }
    it->len--;
    return tpy_newref(entry->key);
}

static tpy_object_t *setiter_length_hint(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    NOARGS("__length_hint__");
    setiter_t *it = (setiter_t *)self;
    intptr_t n = it->set != NULL && it->used == SO(it->set)->used ? it->len : 0;
    return tpy_int_from_i64(n);
}

static const tpy_methoddef_t setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_setiter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_clear = setiter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

tpy_type_t tpy_set_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "set",
    .tp_basicsize = sizeof(tpy_set_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(tpy_set_t, weakreflist),
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_iter = set_iter,
    .tp_new = set_tp_new,
    .tp_init = set_init,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_OR] = set_or,
                 [TPY_BINOP_AND] = set_and,
                 [TPY_BINOP_SUB] = set_sub,
                 [TPY_BINOP_XOR] = set_xor},
    .tp_inplace = TPY_BINOP_TABLE{[TPY_BINOP_OR] = set_ior,
                   [TPY_BINOP_AND] = set_iand,
                   [TPY_BINOP_SUB] = set_isub,
                   [TPY_BINOP_XOR] = set_ixor},
    .tp_len = set_len,
    .tp_contains = set_contains_slot,
    .tp_methods = set_methods,
    .tp_doc = "Build an unordered collection of unique elements.",
};

tpy_type_t tpy_frozenset_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(tpy_set_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_weaklistoffset = offsetof(tpy_set_t, weakreflist),
    .tp_richcompare = set_richcompare,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_iter = set_iter,
    .tp_new = frozenset_tp_new,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_OR] = set_or,
                 [TPY_BINOP_AND] = set_and,
                 [TPY_BINOP_SUB] = set_sub,
                 [TPY_BINOP_XOR] = set_xor},
    .tp_len = set_len,
    .tp_contains = set_contains_slot,
    .tp_methods = frozenset_methods,
    .tp_doc = "Build an immutable unordered collection of unique elements.",
};

void tpy_set_init(void)
{
    tpy_type_ready(&tpy_set_type);
    tpy_type_ready(&tpy_frozenset_type);
    tpy_type_ready(&tpy_setiter_type);
}
