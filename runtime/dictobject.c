/*
 * runtime/dictobject.c - dict: CPython's compact, insertion-ordered hash table,
 * its iterators, and the split dicts of instance attributes.
 *
 * Growth reproduces CPython 3.11 exactly (first table 8 slots, rebuild at
 * used*3 rounded up by calculate_log2_keysize, presizing by n*3/2, the same
 * switches of table kind), and with entries as wide and a smaller header each
 * table is 8 bytes smaller than CPython's (sys.getsizeof, tpy_dict_sizeof).
 * Comparing keys may run Python code (__eq__) that mutates the dict: a lookup
 * holds the candidate key, and restarts when the table or that entry changed.
 * Exact str keys are compared by pointer, then hash and bytes, without Python
 * code.  GC: a new dict is untracked and becomes tracked when it stores a
 * possible container (CPython 3.11's MAINTAIN_TRACKING).
 */
#include "runtime/runtime.h"
#include "runtime/setobject.h"

#include <string.h>

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DKIX_SLOW (-4) // lookup_str cannot decide: the table may hold other keys
#define PERTURB_SHIFT 5
#define LOG2_MINSIZE 3

/*
 * Layout.  A table is one block: the sparse index table of 2**log2_size slots
 * (1, 2, 4 or 8 bytes each, by size), a 24-byte header, then the dense array
 * of d->capacity {key, value} entries in insertion order, which d->table
 * points to (so code outside can walk the entries).  A table has one of
 * two kinds.  A str-only table (every key an exact str, CPython's "unicode"
 * kind) stores nothing more: a key's hash is the one its str caches.  A general
 * table follows its entries with an array of d->capacity hashes (entry i's in
 * hashes[i]); the first non-str key converts a str-only table with a rebuild,
 * and a table stays general until it is rebuilt from scratch (clear, or a copy
 * made by insertion).  An index slot holds EMPTY, DUMMY (a deleted entry was
 * there: probing continues past it) or the position of an entry, with check
 * bits of its hash above it (see dt_checkbits).  Deleting leaves a hole (key
 * NULL) in the dense array; holes vanish when the table is rebuilt.  Probing
 * is CPython's: i = hash & mask, then i = (5*i + perturb + 1) & mask with
 * perturb >>= 5 each step.  An instance's __dict__ may instead be a split
 * dict, values only (see "split dicts" below).
 *
 * Invariants: used <= nentries <= capacity = 2/3 of the slots; header.usable
 * = the entries still free for insertion (popitem does not give its entry
 * back, as in CPython); an empty dict has no table.
 */
typedef struct {
    intptr_t usable;     // entries that can still be appended before a rebuild
    uint8_t log2_size;   // the index table has 1 << log2_size slots
    uint8_t log2_ixsize; // each slot takes 1 << log2_ixsize bytes
    bool str_only;       // every key is an exact str: no hash array (CPython's "unicode" kind)
    uint64_t tag;        // unique per table; renewed when an entry slot is taken back
} dtable_t;

// tpy_dict_keys_tag (dictobject.h) reads the tag right before the entries.
_Static_assert(offsetof(dtable_t, tag) + sizeof(uint64_t) == sizeof(dtable_t),
               "the tag ends the table header");

/* Table tags are never reused, so (table, tag, nentries) names one exact key
 * set: LOAD_GLOBAL's cache relies on it to know a name is still absent. */
static uint64_t next_table_tag = 1;

#define USABLE_FRACTION(n) (((n) << 1) / 3)

// Interned names looked up on types, made once by tpy_dict_init.
static tpy_object_t *keys_name, *missing_name;

void tpy_dict_fini(void)
{
    TPY_CLEAR(keys_name);
    TPY_CLEAR(missing_name);
}

// A split dict (see the essay above tpy_dict_new_split): no dtable_t.
static inline bool is_split(tpy_object_t *d)
{
    return ((uintptr_t)((tpy_dict_t *)d)->table & TPY_DICT_SPLIT_TAG) != 0;
}

static inline tpy_object_t **split_values(tpy_object_t *d)
{
    return (tpy_object_t **)((uintptr_t)((tpy_dict_t *)d)->table - TPY_DICT_SPLIT_TAG);
}

// The header of the table of a dict that is not split (NULL when it has none).
static inline dtable_t *dt(tpy_object_t *d)
{
    void *entries = ((tpy_dict_t *)d)->table;
    return entries != NULL ? (dtable_t *)entries - 1 : NULL;
}

static inline tpy_dict_entry_t *dt_entries(dtable_t *t)
{
    return (tpy_dict_entry_t *)(t + 1);
}

static inline int8_t *dt_indices(dtable_t *t)
{
    return (int8_t *)t - ((size_t)1 << (t->log2_size + t->log2_ixsize));
}

// Make [t] (or no table) [d]'s table.
static inline void dt_install(tpy_object_t *d, dtable_t *t)
{
    ((tpy_dict_t *)d)->table = t != NULL ? (void *)dt_entries(t) : NULL;
}

// The number of entries of a table of 2**[log2_size] slots (its d->capacity).
static inline size_t dt_capacity(uint8_t log2_size)
{
    return USABLE_FRACTION((size_t)1 << log2_size);
}

// A general table's hashes, after its entries (not for str-only tables).
static inline int64_t *dt_hashes(dtable_t *t)
{
    return (int64_t *)(dt_entries(t) + dt_capacity(t->log2_size));
}

// The hash of the key of live entry [ix].
static inline int64_t dt_hash(dtable_t *t, intptr_t ix)
{
    return t->str_only ? ((tpy_str_t *)dt_entries(t)[ix].key)->hash : dt_hashes(t)[ix];
}

static inline intptr_t dt_get(dtable_t *t, size_t i)
{
    int8_t *ix = dt_indices(t);
    switch (t->log2_ixsize) {
    case 0:
        return ((int8_t *)ix)[i];
    case 1:
        return ((int16_t *)ix)[i];
    case 2:
        return ((int32_t *)ix)[i];
    default:
        return (intptr_t)((int64_t *)ix)[i];
    }
}

static inline void dt_set(dtable_t *t, size_t i, intptr_t v)
{
    int8_t *ix = dt_indices(t);
    switch (t->log2_ixsize) {
    case 0:
        ((int8_t *)ix)[i] = (int8_t)v;
        break;
    case 1:
        ((int16_t *)ix)[i] = (int16_t)v;
        break;
    case 2:
        ((int32_t *)ix)[i] = (int32_t)v;
        break;
    default:
        ((int64_t *)ix)[i] = (int64_t)v;
        break;
    }
}

/* Check bits.  A slot that points to an entry holds the entry's position in
 * its low log2_size bits (a position is below the capacity, below the slot
 * count) and, in the bits above that the slot width leaves below the sign
 * bit, the same bits of the entry's hash.  A probe that meets another key's
 * slot then mostly knows it without reading the entry, the hash array or the
 * key: what keeps big str-only tables, whose hashes are in the keys, fast.
 * The bits of a slot above the position: */
static inline size_t dt_checkbits(dtable_t *t)
{
    size_t below_sign = ((size_t)1 << ((8u << t->log2_ixsize) - 1)) - 1;
    return below_sign & ~(((size_t)1 << t->log2_size) - 1);
}

// What the slot of entry [ix] whose key has [hash] holds.
static inline intptr_t dt_slot_value(dtable_t *t, intptr_t ix, int64_t hash)
{
    return ix | (intptr_t)((size_t)hash & dt_checkbits(t));
}

static size_t dt_bytes(uint8_t log2_size, uint8_t log2_ixsize, bool str_only)
{
    size_t entry = sizeof(tpy_dict_entry_t) + (str_only ? 0 : sizeof(int64_t));
    return sizeof(dtable_t) + ((size_t)1 << (log2_size + log2_ixsize)) +
           dt_capacity(log2_size) * entry;
}

static size_t dt_bytes_of(dtable_t *t)
{
    return dt_bytes(t->log2_size, t->log2_ixsize, t->str_only);
}

static void dt_free(dtable_t *t)
{
    tpy_mem_free(dt_indices(t), dt_bytes_of(t));
}

size_t tpy_dict_sizeof(tpy_object_t *d)
{
    size_t size = TPY_TYPE(d)->tp_basicsize;
    if (is_split(d)) {
        return size + (size_t)((tpy_dict_t *)d)->nentries * sizeof(tpy_object_t *);
    }
    return size + (dt(d) != NULL ? dt_bytes_of(dt(d)) : 0);
}

// CPython's calculate_log2_keysize (quirks included: 1..7 give 16 slots).
static uint8_t log2_keysize(intptr_t minsize)
{
    uint64_t m = (((uint64_t)minsize | 8) - 1) | 7;
    uint8_t bits = 0;
    while (m != 0) {
        bits++;
        m >>= 1;
    }
    return bits;
}

// The size to hold [n] items without a rebuild (estimate_log2_keysize).
static uint8_t estimate_log2_keysize(intptr_t n)
{
    return log2_keysize((n * 3 + 1) / 2);
}

static dtable_t *dt_new(uint8_t log2_size, bool str_only)
{
    if (log2_size >= 62) {
        tpy_err_no_memory();
        return NULL;
    }
    uint8_t log2_ixsize = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
    size_t index_bytes = (size_t)1 << (log2_size + log2_ixsize);
    int8_t *block = tpy_mem_alloc(dt_bytes(log2_size, log2_ixsize, str_only));
    if (block == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    memset(block, 0xff, index_bytes); // every slot DKIX_EMPTY
    dtable_t *t = (dtable_t *)(block + index_bytes);
    t->usable = (intptr_t)dt_capacity(log2_size);
    t->log2_size = log2_size;
    t->log2_ixsize = log2_ixsize;
    t->str_only = str_only;
    t->tag = next_table_tag++;
    return t;
}

static inline int64_t key_hash(tpy_object_t *key)
{
    if (TPY_STR_CHECK_EXACT(key)) {
        int64_t h = ((tpy_str_t *)key)->hash;
        return h != -1 ? h : tpy_str_hash(key);
    }
    return tpy_object_hash(key);
}

static inline void maintain_tracking(tpy_object_t *d, tpy_object_t *key, tpy_object_t *value)
{
    if (!tpy_gc_is_tracked(d) &&
        (tpy_object_may_be_tracked(key) || tpy_object_may_be_tracked(value))) {
        tpy_gc_track(d);
    }
}

/* ---- lookup -------------------------------------------------------------------------- */

#define ALWAYS_INLINE inline __attribute__((always_inline))

/* Lookup of an exact str [key] in a str-only table: the entry index or
 * DKIX_EMPTY; DKIX_SLOW for a general table, where only the generic lookup
 * (which may run __eq__) can decide.  Never runs Python code.  This is the
 * loop every attribute, global and str-keyed lookup runs: it is inlined into
 * its callers. */
static ALWAYS_INLINE intptr_t lookup_str(dtable_t *t, tpy_object_t *key, int64_t hash)
{
    if (!t->str_only) {
        return DKIX_SLOW;
    }
    tpy_dict_entry_t *entries = dt_entries(t);
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t check = dt_checkbits(t), want = (size_t)hash & check;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        intptr_t s = dt_get(t, i);
        if (s >= 0) {
            if (((size_t)s & check) == want) {
                intptr_t ix = s & (intptr_t)mask;
                tpy_object_t *ek = entries[ix].key;
                if (ek == key || (((tpy_str_t *)ek)->hash == hash && tpy_str_eq(ek, key))) {
                    return ix;
                }
            }
        } else if (s == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The entry index of [key] in [d], DKIX_EMPTY when absent, DKIX_ERROR with an
 * exception set.  May run __eq__; restarts if that changed the table. */
static intptr_t split_lookup(tpy_object_t *d, tpy_object_t *key, int64_t hash);

static intptr_t lookup(tpy_object_t *d, tpy_object_t *key, int64_t hash)
{
    bool key_is_str = TPY_STR_CHECK_EXACT(key);
restart:;
    if (is_split(d)) {
        return split_lookup(d, key, hash);
    }
    dtable_t *t = dt(d);
    if (t == NULL) {
        return DKIX_EMPTY;
    }
    if (key_is_str) {
        intptr_t ix = lookup_str(t, key, hash);
        if (ix != DKIX_SLOW) {
            return ix;
        }
    }
    tpy_dict_entry_t *entries = dt_entries(t);
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t check = dt_checkbits(t), want = (size_t)hash & check;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        intptr_t s = dt_get(t, i);
        if (s == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (s >= 0 && ((size_t)s & check) == want) {
            intptr_t ix = s & (intptr_t)mask;
            tpy_dict_entry_t *ep = &entries[ix];
            tpy_object_t *startkey = ep->key;
            if (startkey == key) {
                return ix;
            }
            if (dt_hash(t, ix) == hash) {
                if (key_is_str && TPY_STR_CHECK_EXACT(startkey)) {
                    if (tpy_str_eq(startkey, key)) {
                        return ix;
                    }
                } else {
                    TPY_INCREF(startkey);
                    int cmp = tpy_object_richcompare_bool(startkey, key, TPY_CMP_EQ);
                    TPY_DECREF(startkey);
                    if (cmp < 0) {
                        return DKIX_ERROR;
                    }
                    if (dt(d) != t || ep->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The first slot that holds no entry (EMPTY or DUMMY) on [hash]'s probe path.
static size_t find_free_slot(dtable_t *t, int64_t hash)
{
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (dt_get(t, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// The slot that points to entry [ix] (which must be present).
static size_t find_slot_of(dtable_t *t, int64_t hash, intptr_t ix)
{
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    intptr_t want = dt_slot_value(t, ix, hash);
    while (dt_get(t, i) != want) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* ---- building and rebuilding tables ----------------------------------------------------- */

// Point a slot of fresh table [t] (no DUMMY: the first free slot is EMPTY) to entry [k].
static void dt_place(dtable_t *t, intptr_t k, int64_t hash)
{
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (dt_get(t, i) != DKIX_EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    dt_set(t, i, dt_slot_value(t, k, hash));
}

static int unsplit(tpy_object_t *op);

/* Rebuild [d]'s table with 2**log2_size slots, compacting holes away.  The
 * table is str-only when [str_only] and the old one was.  0 or -1. */
static int dict_resize(tpy_object_t *op, uint8_t log2_size, bool str_only)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (is_split(op) && unsplit(op) < 0) {
        return -1;
    }
    dtable_t *old = dt(op);
    if (old != NULL && !old->str_only) {
        str_only = false;
    }
    dtable_t *t = dt_new(log2_size, str_only);
    if (t == NULL) {
        return -1;
    }
    tpy_dict_entry_t *dst = dt_entries(t);
    int64_t *dhashes = str_only ? NULL : dt_hashes(t);
    intptr_t n = 0;
    if (old != NULL) {
        tpy_dict_entry_t *src = dt_entries(old);
        int64_t *shashes = old->str_only ? NULL : dt_hashes(old);
        if (d->nentries == d->used) {
            n = d->used;
            memcpy(dst, src, (size_t)n * sizeof(tpy_dict_entry_t));
            if (dhashes != NULL && shashes != NULL) {
                memcpy(dhashes, shashes, (size_t)n * sizeof(int64_t));
            }
        } else {
            for (intptr_t i = 0; i < d->nentries; i++) {
                if (src[i].key != NULL) {
                    if (shashes != NULL) {
                        dhashes[n] = shashes[i];
                    }
                    dst[n++] = src[i];
                }
            }
        }
        if (dhashes != NULL && shashes == NULL) { // str-only to general
            for (intptr_t k = 0; k < n; k++) {
                dhashes[k] = ((tpy_str_t *)dst[k].key)->hash;
            }
        }
        for (intptr_t k = 0; k < n; k++) {
            dt_place(t, k, dhashes != NULL ? dhashes[k] : ((tpy_str_t *)dst[k].key)->hash);
        }
        dt_free(old);
    }
    t->usable -= n;
    dt_install(op, t);
    d->nentries = n;
    d->capacity = (intptr_t)dt_capacity(log2_size);
    return 0;
}

// Grow (or convert) when inserting needs room: CPython's insertion_resize.
static int insertion_resize(tpy_object_t *d, bool str_only)
{
    return dict_resize(d, log2_keysize(((tpy_dict_t *)d)->used * 3), str_only);
}

/* Make sure [d] has a table that can take [key]: a first table, or a general
 * one in place of a str-only one when [key_is_str] is false.  0 or -1. */
static int prepare_table(tpy_object_t *op, bool key_is_str)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (d->table == NULL) {
        dtable_t *t = dt_new(LOG2_MINSIZE, key_is_str);
        if (t == NULL) {
            return -1;
        }
        dt_install(op, t);
        d->capacity = (intptr_t)dt_capacity(LOG2_MINSIZE);
        return 0;
    }
    if (!key_is_str && dt(op)->str_only) {
        return insertion_resize(op, false);
    }
    return 0;
}

// Whether [op] needs prepare_table before it can take a key.
static inline bool needs_table(tpy_object_t *op, bool key_is_str)
{
    return ((tpy_dict_t *)op)->table == NULL || (!key_is_str && dt(op)->str_only);
}

/* Insert or replace d[key] = value with a precomputed hash.  Takes its own
 * references.  May run __eq__.  0 or -1. */
static int split_insert(tpy_object_t *op, tpy_object_t *key, int64_t hash, tpy_object_t *value);

static int insert(tpy_object_t *op, tpy_object_t *key, int64_t hash, tpy_object_t *value)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    bool key_is_str = TPY_STR_CHECK_EXACT(key);
    if (key_is_str && ((tpy_str_t *)key)->hash == -1) {
        tpy_str_hash(key); // a str-only table reads the hash the str caches
    }
    if (is_split(op)) {
        int r = split_insert(op, key, hash, value);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
        if (unsplit(op) < 0) {
            return -1;
        }
    }
    if (needs_table(op, key_is_str) && prepare_table(op, key_is_str) < 0) {
        return -1;
    }
    TPY_INCREF(key);
    intptr_t ix = lookup(op, key, hash);
    if (ix == DKIX_ERROR) {
        TPY_DECREF(key);
        return -1;
    }
    if (ix >= 0) {
        tpy_dict_entry_t *ep = &dt_entries(dt(op))[ix];
        tpy_object_t *old = ep->value;
        ep->value = tpy_newref(value);
        maintain_tracking(op, key, value);
        TPY_DECREF(old);
        TPY_DECREF(key);
        return 0;
    }
    // __eq__ may have emptied or rebuilt the dict meanwhile.
    if ((needs_table(op, key_is_str) && prepare_table(op, key_is_str) < 0) ||
        (dt(op)->usable <= 0 && insertion_resize(op, true) < 0)) {
        TPY_DECREF(key);
        return -1;
    }
    dtable_t *t = dt(op);
    intptr_t n = d->nentries;
    dt_set(t, find_free_slot(t, hash), dt_slot_value(t, n, hash));
    tpy_dict_entry_t *ep = &dt_entries(t)[n];
    ep->key = key; // the reference taken above
    ep->value = tpy_newref(value);
    if (!t->str_only) {
        dt_hashes(t)[n] = hash;
    }
    d->nentries = n + 1;
    d->used++;
    t->usable--;
    maintain_tracking(op, key, value);
    return 0;
}

/* Remove entry [ix] (found for [hash]); returns its key and value (the
 * dict's references) for the caller to release. */
static void remove_entry(tpy_object_t *op, intptr_t ix, int64_t hash, tpy_object_t **key,
                         tpy_object_t **value)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (is_split(op)) {
        tpy_object_t **vals = split_values(op);
        *key = tpy_newref(d->shared->names[ix]);
        *value = vals[ix];
        vals[ix] = NULL;
        d->used--;
        return;
    }
    dtable_t *t = dt(op);
    dt_set(t, find_slot_of(t, hash, ix), DKIX_DUMMY);
    tpy_dict_entry_t *ep = &dt_entries(t)[ix];
    *key = ep->key;
    *value = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    d->used--;
}

/* ---- split dicts ------------------------------------------------------------------------- *
 * An instance's __dict__ made from its attribute values (tpy_values_materialize)
 * keeps them as they are: d->table points to an array of d->nentries values
 * (the pointer tagged with TPY_DICT_SPLIT_TAG), value i belonging to name i of
 * d->shared, the class's table of names, which the dict references.  As in
 * CPython 3.11, the keys are not the dict's, so sys.getsizeof counts the
 * values alone.  Present values are in insertion order, which is index order;
 * a new name is appended to the shared table, so it goes last.  Lookups scan
 * the names (at most TPY_ATTRKEYS_MAX); the inline caches use the index as
 * their hint.  An insertion the layout cannot hold (a non-str key, a name
 * whose index is below a present one, a full table) and popitem first turn
 * the dict into a str-only table in the same order (unsplit); nothing turns a
 * table back into a split dict. */

static inline void split_set_values(tpy_object_t *op, tpy_object_t **vals)
{
    ((tpy_dict_t *)op)->table = (void *)((uintptr_t)vals | TPY_DICT_SPLIT_TAG);
}

tpy_object_t *tpy_dict_new_split(struct tpy_attrkeys *keys, tpy_object_t *const *items, intptr_t n)
{
    intptr_t used = 0, last = -1;
    for (intptr_t i = 0; i < n; i++) {
        if (items[i] != NULL) {
            used++;
            last = i;
        }
    }
    tpy_object_t *op = tpy_dict_new();
    if (op == NULL || used == 0) {
        return op; // no value to keep: an ordinary empty dict
    }
    tpy_object_t **vals = tpy_mem_alloc((size_t)(last + 1) * sizeof(tpy_object_t *));
    if (vals == NULL) {
        TPY_DECREF(op);
        return tpy_err_no_memory();
    }
    bool track = false;
    for (intptr_t i = 0; i <= last; i++) {
        vals[i] = items[i];
        track = track || (items[i] != NULL && tpy_object_may_be_tracked(items[i]));
    }
    tpy_dict_t *d = (tpy_dict_t *)op;
    tpy_attrkeys_incref(keys);
    d->shared = keys;
    d->used = used;
    d->nentries = last + 1;
    split_set_values(op, vals);
    if (track) {
        tpy_gc_track(op);
    }
    return op;
}

/* lookup() in a split dict: the index of [key]'s value, DKIX_EMPTY, or
 * DKIX_ERROR.  A key that is not an exact str is compared with each name of
 * its hash (__eq__ may run: the lookup restarts if that changed the dict). */
static intptr_t split_lookup(tpy_object_t *op, tpy_object_t *key, int64_t hash)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (TPY_STR_CHECK_EXACT(key)) {
        intptr_t i = tpy_attrkeys_find(d->shared, key, d->nentries);
        return i >= 0 && split_values(op)[i] != NULL ? i : DKIX_EMPTY;
    }
restart:
    for (intptr_t i = 0; i < d->nentries; i++) {
        tpy_object_t *name = d->shared->names[i];
        if (split_values(op)[i] == NULL || ((tpy_str_t *)name)->hash != hash) {
            continue;
        }
        void *table = d->table;
        TPY_INCREF(name);
        int cmp = tpy_object_richcompare_bool(name, key, TPY_CMP_EQ);
        TPY_DECREF(name);
        if (cmp < 0) {
            return DKIX_ERROR;
        }
        if (!is_split(op)) {
            return lookup(op, key, hash);
        }
        if (d->table != table || split_values(op)[i] == NULL) {
            goto restart;
        }
        if (cmp > 0) {
            return i;
        }
    }
    return DKIX_EMPTY;
}

/* d[key] = value in split [op] when its layout can hold it: 1 done, 0 when
 * [op] must be unsplit first, -1 with an exception set. */
static int split_insert(tpy_object_t *op, tpy_object_t *key, int64_t hash, tpy_object_t *value)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    intptr_t i;
    if (TPY_STR_CHECK_EXACT(key)) {
        i = tpy_attrkeys_find(d->shared, key, d->shared->n);
    } else {
        // a key equal to a name (a str subclass, an __eq__) replaces its value
        i = split_lookup(op, key, hash);
        if (i == DKIX_ERROR) {
            return -1;
        }
        if (i < 0 || !is_split(op)) {
            return 0;
        }
    }
    tpy_object_t **vals = split_values(op);
    if (i >= 0 && i < d->nentries && vals[i] != NULL) {
        tpy_object_t *old = vals[i];
        vals[i] = tpy_newref(value);
        maintain_tracking(op, key, value);
        TPY_DECREF(old);
        return 1;
    }
    // a new key: it goes after the present ones
    intptr_t last = d->nentries - 1;
    while (last >= 0 && vals[last] == NULL) {
        last--;
    }
    if (i < 0) {
        i = tpy_attrkeys_append(&d->shared, key);
        if (i < 0) {
            return 0;
        }
    } else if (i <= last) {
        return 0;
    }
    if (i >= d->nentries) {
        size_t old_bytes = (size_t)d->nentries * sizeof(tpy_object_t *);
        vals = tpy_mem_realloc(vals, old_bytes, (size_t)(i + 1) * sizeof(tpy_object_t *));
        if (vals == NULL) {
            tpy_err_no_memory();
            return -1;
        }
        memset(vals + d->nentries, 0, (size_t)(i + 1 - d->nentries) * sizeof(tpy_object_t *));
        split_set_values(op, vals);
        d->nentries = i + 1;
    }
    vals[i] = tpy_newref(value);
    d->used++;
    maintain_tracking(op, key, value);
    return 1;
}

// Give back a split dict's values array and names; the dict is left empty.
static void split_release(tpy_object_t *op)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    tpy_object_t **vals = split_values(op);
    intptr_t n = d->nentries;
    struct tpy_attrkeys *keys = d->shared;
    d->table = NULL;
    d->used = d->nentries = d->capacity = 0;
    for (intptr_t i = 0; i < n; i++) {
        TPY_XDECREF(vals[i]);
    }
    tpy_mem_free(vals, (size_t)n * sizeof(tpy_object_t *));
    tpy_attrkeys_decref(keys);
}

/* Turn split [op] into a str-only table holding the same items in the same
 * order, the smallest with room for one more (CPython keeps such dicts split:
 * this keeps them as small as can be), or no table when empty.  0, or -1 with
 * MemoryError (the dict unchanged). */
static int unsplit(tpy_object_t *op)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (d->used == 0) {
        split_release(op);
        return 0;
    }
    uint8_t log2_size = LOG2_MINSIZE;
    while (dt_capacity(log2_size) < (size_t)d->used + 1) {
        log2_size++;
    }
    dtable_t *t = dt_new(log2_size, true);
    if (t == NULL) {
        return -1;
    }
    tpy_object_t **vals = split_values(op);
    struct tpy_attrkeys *keys = d->shared;
    tpy_dict_entry_t *entries = dt_entries(t);
    intptr_t n = 0;
    for (intptr_t i = 0; i < d->nentries; i++) {
        if (vals[i] != NULL) {
            tpy_object_t *name = keys->names[i];
            entries[n].key = tpy_newref(name);
            entries[n].value = vals[i]; // the reference moves
            dt_place(t, n, ((tpy_str_t *)name)->hash);
            n++;
        }
    }
    t->usable -= n;
    tpy_mem_free(vals, (size_t)d->nentries * sizeof(tpy_object_t *));
    tpy_attrkeys_decref(keys);
    dt_install(op, t);
    d->nentries = n;
    d->capacity = (intptr_t)dt_capacity(t->log2_size);
    return 0;
}

// A split copy of split [src]: its own values, the same names.  New reference or NULL.
static tpy_object_t *split_copy(tpy_object_t *src)
{
    tpy_dict_t *s = (tpy_dict_t *)src;
    tpy_object_t **svals = split_values(src);
    for (intptr_t i = 0; i < s->nentries; i++) {
        TPY_XINCREF(svals[i]);
    }
    tpy_object_t *copy = tpy_dict_new_split(s->shared, svals, s->nentries);
    if (copy == NULL) {
        for (intptr_t i = 0; i < s->nentries; i++) {
            TPY_XDECREF(svals[i]);
        }
    }
    return copy;
}

// The value of item [ix] that lookup() found (borrowed).
static inline tpy_object_t *value_at(tpy_object_t *d, intptr_t ix)
{
    return is_split(d) ? split_values(d)[ix] : dt_entries(dt(d))[ix].value;
}

bool tpy_dict_split_item_at(tpy_object_t *d, intptr_t i, tpy_object_t **key, tpy_object_t **value)
{
    *key = ((tpy_dict_t *)d)->shared->names[i];
    *value = split_values(d)[i];
    return *value != NULL;
}

/* tpy_dict_item_at (item [i] of [d]'s insertion order: false for a hole,
 * else its key and value, borrowed) that also gives the key's hash. */
static inline bool item_at(tpy_object_t *d, intptr_t i, tpy_object_t **key, tpy_object_t **value,
                           int64_t *hash)
{
    if (!tpy_dict_item_at(d, i, key, value)) {
        return false;
    }
    *hash = is_split(d) ? ((tpy_str_t *)*key)->hash : dt_hash(dt(d), i);
    return true;
}

// Whether a copy of [d] may start str-only (CPython counts an empty dict as such).
static bool keys_all_str(tpy_object_t *d)
{
    return is_split(d) || dt(d) == NULL || dt(d)->str_only;
}

/* ---- public API -------------------------------------------------------------------------- */

tpy_object_t *tpy_dict_new(void)
{
    tpy_object_t *d = tpy_gc_new(&tpy_dict_type, sizeof(tpy_dict_t));
    if (d == NULL) {
        return tpy_err_no_memory();
    }
    return d; // untracked until it holds a container
}

tpy_object_t *tpy_dict_new_presized(intptr_t n)
{
    tpy_object_t *d = tpy_dict_new();
    if (d == NULL || n <= USABLE_FRACTION(1 << LOG2_MINSIZE)) {
        return d;
    }
    uint8_t log2_size = n > USABLE_FRACTION((intptr_t)1 << 17) ? 17 : estimate_log2_keysize(n);
    if (dict_resize(d, log2_size, false) < 0) {
        TPY_DECREF(d);
        return NULL;
    }
    return d;
}

tpy_object_t *tpy_dict_from_items(tpy_object_t *const *keys, intptr_t kstep,
                                  tpy_object_t *const *values, intptr_t vstep, intptr_t n)
{
    bool str_only = true;
    for (intptr_t i = 0; i < n; i++) {
        if (!TPY_STR_CHECK_EXACT(keys[i * kstep])) {
            str_only = false;
            break;
        }
    }
    tpy_object_t *d = tpy_dict_new();
    if (d == NULL) {
        return NULL;
    }
    if (n > USABLE_FRACTION(1 << LOG2_MINSIZE)) {
        uint8_t log2_size = n > USABLE_FRACTION((intptr_t)1 << 17) ? 17 : estimate_log2_keysize(n);
        if (dict_resize(d, log2_size, str_only) < 0) {
            goto error;
        }
    }
    for (intptr_t i = 0; i < n; i++) {
        if (tpy_dict_set(d, keys[i * kstep], values[i * vstep]) < 0) {
            goto error;
        }
    }
    return d;
error:
    TPY_DECREF(d);
    return NULL;
}

tpy_object_t *tpy_dict_get_str_borrow(tpy_object_t *d, tpy_object_t *key)
{
    dtable_t *t = dt(d);
    if (t == NULL) {
        return NULL;
    }
    if (is_split(d)) {
        intptr_t i =
            tpy_attrkeys_find(((tpy_dict_t *)d)->shared, key, ((tpy_dict_t *)d)->nentries);
        return i >= 0 ? split_values(d)[i] : NULL;
    }
    int64_t hash = ((tpy_str_t *)key)->hash;
    if (hash == -1) {
        hash = tpy_str_hash(key);
    }
    intptr_t ix = lookup_str(t, key, hash);
    if (ix >= 0) {
        return dt_entries(t)[ix].value;
    }
    if (ix == DKIX_EMPTY) {
        return NULL;
    }
    ix = lookup(d, key, hash);
    return ix >= 0 ? value_at(d, ix) : NULL;
}

tpy_object_t *tpy_dict_get_hash_borrow(tpy_object_t *d, tpy_object_t *key, int64_t hash)
{
    intptr_t ix = lookup(d, key, hash);
    return ix >= 0 ? value_at(d, ix) : NULL;
}

tpy_object_t *tpy_dict_get_borrow(tpy_object_t *d, tpy_object_t *key)
{
    if (TPY_STR_CHECK_EXACT(key)) {
        return tpy_dict_get_str_borrow(d, key);
    }
    int64_t hash = tpy_object_hash(key);
    if (hash == -1) {
        return NULL;
    }
    return tpy_dict_get_hash_borrow(d, key, hash);
}

tpy_object_t *tpy_dict_get_cstr_borrow(tpy_object_t *d, const char *key)
{
    tpy_object_t *k = tpy_str_from_cstr(key);
    if (k == NULL) {
        return NULL;
    }
    tpy_object_t *v = tpy_dict_get_str_borrow(d, k);
    TPY_DECREF(k);
    return v;
}

int tpy_dict_contains_hash(tpy_object_t *d, tpy_object_t *key, int64_t hash)
{
    intptr_t ix = lookup(d, key, hash);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

int tpy_dict_contains(tpy_object_t *d, tpy_object_t *key)
{
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return tpy_dict_contains_hash(d, key, hash);
}

int tpy_dict_set_hash(tpy_object_t *d, tpy_object_t *key, int64_t hash, tpy_object_t *value)
{
    return insert(d, key, hash, value);
}

int tpy_dict_set(tpy_object_t *d, tpy_object_t *key, tpy_object_t *value)
{
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return insert(d, key, hash, value);
}

int tpy_dict_set_cstr(tpy_object_t *d, const char *key, tpy_object_t *value)
{
    tpy_object_t *k = tpy_str_intern_cstr(key);
    if (k == NULL) {
        return -1;
    }
    int r = tpy_dict_set(d, k, value);
    TPY_DECREF(k);
    return r;
}

int tpy_dict_discard_hash(tpy_object_t *d, tpy_object_t *key, int64_t hash)
{
    intptr_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        return 0;
    }
    tpy_object_t *k, *v;
    remove_entry(d, ix, hash, &k, &v);
    TPY_DECREF(k);
    TPY_DECREF(v);
    return 1;
}

int tpy_dict_discard(tpy_object_t *d, tpy_object_t *key)
{
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return tpy_dict_discard_hash(d, key, hash);
}

int tpy_dict_del(tpy_object_t *d, tpy_object_t *key)
{
    int r = tpy_dict_discard(d, key);
    if (r == 0) {
        tpy_err_key(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

bool tpy_dict_next_hash(tpy_object_t *d, intptr_t *pos, tpy_object_t **key, tpy_object_t **value,
                        int64_t *hash)
{
    dtable_t *t = dt(d);
    if (t == NULL) {
        return false;
    }
    intptr_t i = *pos, n = ((tpy_dict_t *)d)->nentries;
    if (is_split(d)) {
        tpy_object_t *k, *v;
        int64_t h;
        for (; i < n; i++) {
            if (item_at(d, i, &k, &v, &h)) {
                *pos = i + 1;
                if (key != NULL) {
                    *key = k;
                }
                if (value != NULL) {
                    *value = v;
                }
                if (hash != NULL) {
                    *hash = h;
                }
                return true;
            }
        }
        return false;
    }
    tpy_dict_entry_t *entries = dt_entries(t);
    while (i < n && entries[i].key == NULL) {
        i++;
    }
    if (i >= n) {
        return false;
    }
    *pos = i + 1;
    if (key != NULL) {
        *key = entries[i].key;
    }
    if (value != NULL) {
        *value = entries[i].value;
    }
    if (hash != NULL) {
        *hash = dt_hash(t, i);
    }
    return true;
}

bool tpy_dict_next(tpy_object_t *d, intptr_t *pos, tpy_object_t **key, tpy_object_t **value)
{
    return tpy_dict_next_hash(d, pos, key, value, NULL);
}

void tpy_dict_clear(tpy_object_t *op)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    dtable_t *t = dt(op);
    if (t == NULL) {
        return;
    }
    if (is_split(op)) {
        split_release(op);
        return;
    }
    intptr_t n = d->nentries;
    d->table = NULL;
    d->used = d->nentries = d->capacity = 0;
    tpy_dict_entry_t *entries = dt_entries(t);
    for (intptr_t i = 0; i < n; i++) {
        TPY_XDECREF(entries[i].key);
        TPY_XDECREF(entries[i].value);
    }
    dt_free(t);
}

// An exact copy of [src]'s table, holes and free room included, with new references.
static int clone_table(tpy_object_t *dst, tpy_object_t *src)
{
    dtable_t *st = dt(src);
    int8_t *block = tpy_mem_alloc(dt_bytes_of(st));
    if (block == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    // the index table, the header and the entries in use; the hashes apart
    intptr_t n = ((tpy_dict_t *)src)->nentries;
    int8_t *sblock = dt_indices(st);
    memcpy(block, sblock, (size_t)((int8_t *)(dt_entries(st) + n) - sblock));
    dtable_t *t = (dtable_t *)(block + ((int8_t *)st - sblock));
    if (!st->str_only) {
        memcpy(dt_hashes(t), dt_hashes(st), (size_t)n * sizeof(int64_t));
    }
    t->tag = next_table_tag++;
    tpy_dict_entry_t *entries = dt_entries(t);
    for (intptr_t i = 0; i < n; i++) {
        TPY_XINCREF(entries[i].key);
        TPY_XINCREF(entries[i].value);
    }
    tpy_dict_clear(dst);
    tpy_dict_t *d = (tpy_dict_t *)dst;
    dt_install(dst, t);
    d->used = ((tpy_dict_t *)src)->used;
    d->nentries = n;
    d->capacity = ((tpy_dict_t *)src)->capacity;
    if (tpy_gc_is_tracked(src)) {
        tpy_gc_track(dst);
    }
    return 0;
}

// True when iterating [op] means iterating its table (no overridden __iter__).
static bool iterates_as_dict(tpy_object_t *op)
{
    return TPY_DICT_CHECK(op) && TPY_TYPE(op)->tp_iter == tpy_dict_type.tp_iter;
}

/* CPython's dict_merge: add the items of mapping [other] to [d].  [override]:
 * 1 replaces existing keys, 0 keeps them, 2 raises on a duplicate key. */
static int dict_merge(tpy_object_t *op, tpy_object_t *other, int override)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (iterates_as_dict(other)) {
        tpy_dict_t *o = (tpy_dict_t *)other;
        if (other == op || o->used == 0) {
            return 0;
        }
        if (d->used == 0) {
            override = 1;
            dtable_t *ot = dt(other);
            if (!is_split(other) && o->used == o->nentries &&
                (ot->log2_size == LOG2_MINSIZE ||
                 USABLE_FRACTION(((intptr_t)1 << ot->log2_size) / 2) < o->used)) {
                return clone_table(op, other);
            }
        }
        // a split target stays split as long as the keys fit (CPython's does)
        if (!is_split(op)) {
            intptr_t slots = d->table != NULL ? (intptr_t)1 << dt(op)->log2_size : 1;
            if (USABLE_FRACTION(slots) < o->used &&
                dict_resize(op, estimate_log2_keysize(d->used + o->used), keys_all_str(other)) <
                    0) {
                return -1;
            }
        }
        intptr_t n = o->nentries;
        for (intptr_t i = 0; i < n; i++) {
            tpy_object_t *key, *value;
            int64_t hash;
            if (!item_at(other, i, &key, &value, &hash)) {
                continue;
            }
            TPY_INCREF(key);
            TPY_INCREF(value);
            int err = 0;
            if (override == 1) {
                err = insert(op, key, hash, value);
            } else {
                err = tpy_dict_contains_hash(op, key, hash);
                if (err == 0) {
                    err = insert(op, key, hash, value);
                } else if (err > 0) {
                    if (override == 2) {
                        tpy_err_format(&tpy_exc_TypeError,
                                       "got multiple values for keyword argument '%S'", key);
                        err = -1;
                    } else {
                        err = 0;
                    }
                }
            }
            TPY_DECREF(key);
            TPY_DECREF(value);
            if (err != 0) {
                return -1;
            }
            if (n != o->nentries) {
                tpy_err_format(&tpy_exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    // A general mapping: for key in other.keys(): d[key] = other[key].
    tpy_object_t *keys = tpy_object_call_method(other, "keys", NULL, 0);
    if (keys == NULL) {
        return -1;
    }
    tpy_object_t *it = tpy_object_getiter(keys);
    TPY_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    for (;;) {
        tpy_object_t *key = tpy_iter_next(it);
        if (key == NULL) {
            break;
        }
        int err = 0;
        if (override != 1) {
            err = tpy_dict_contains(op, key);
            if (err > 0) {
                if (override == 2) {
                    tpy_err_format(&tpy_exc_TypeError,
                                   "got multiple values for keyword argument '%S'", key);
                    err = -1;
                } else {
                    TPY_DECREF(key);
                    continue;
                }
            }
        }
        if (err == 0) {
            tpy_object_t *value = tpy_object_getitem(other, key);
            if (value == NULL) {
                err = -1;
            } else {
                err = tpy_dict_set(op, key, value);
                TPY_DECREF(value);
            }
        }
        TPY_DECREF(key);
        if (err < 0) {
            TPY_DECREF(it);
            return -1;
        }
    }
    TPY_DECREF(it);
    return tpy_err_occurred() ? -1 : 0;
}

int tpy_dict_merge(tpy_object_t *d, tpy_object_t *other, bool override)
{
    return dict_merge(d, other, override ? 1 : 2);
}

/* d.update(iterable of pairs): "dictionary update sequence element #i ...". */
static int merge_from_seq2(tpy_object_t *d, tpy_object_t *seq)
{
    tpy_object_t *it = tpy_object_getiter(seq);
    if (it == NULL) {
        return -1;
    }
    for (intptr_t i = 0;; i++) {
        tpy_object_t *item = tpy_iter_next(it);
        if (item == NULL) {
            break;
        }
        tpy_object_t *pair;
        if (TPY_TUPLE_CHECK_EXACT(item) || TPY_LIST_CHECK_EXACT(item)) {
            pair = tpy_newref(item);
        } else {
            tpy_object_t *pit = tpy_object_getiter(item);
            if (pit == NULL) {
                if (tpy_err_matches(&tpy_exc_TypeError)) {
                    tpy_err_format(&tpy_exc_TypeError,
                                   "cannot convert dictionary update sequence element #%lld "
                                   "to a sequence",
                                   (long long)i);
                }
                TPY_DECREF(item);
                goto error;
            }
            pair = tpy_sequence_list(pit);
            TPY_DECREF(pit);
        }
        TPY_DECREF(item);
        if (pair == NULL) {
            goto error;
        }
        intptr_t n = TPY_LIST_CHECK_EXACT(pair) ? TPY_LIST_SIZE(pair) : TPY_TUPLE_SIZE(pair);
        if (n != 2) {
            tpy_err_format(&tpy_exc_ValueError,
                           "dictionary update sequence element #%lld has length %lld; 2 is "
                           "required",
                           (long long)i, (long long)n);
            TPY_DECREF(pair);
            goto error;
        }
        tpy_object_t **kv =
            TPY_LIST_CHECK_EXACT(pair) ? TPY_LIST_ITEMS(pair) : TPY_TUPLE_ITEMS(pair);
        tpy_object_t *key = tpy_newref(kv[0]), *value = tpy_newref(kv[1]);
        TPY_DECREF(pair);
        int err = tpy_dict_set(d, key, value);
        TPY_DECREF(key);
        TPY_DECREF(value);
        if (err < 0) {
            goto error;
        }
    }
    TPY_DECREF(it);
    return tpy_err_occurred() ? -1 : 0;
error:
    TPY_DECREF(it);
    return -1;
}

int tpy_dict_update(tpy_object_t *d, tpy_object_t *other)
{
    if (TPY_DICT_CHECK_EXACT(other)) {
        return dict_merge(d, other, 1);
    }
    if (tpy_type_lookup_borrow(TPY_TYPE(other), keys_name) != NULL) {
        return dict_merge(d, other, 1);
    }
    return merge_from_seq2(d, other);
}

tpy_object_t *tpy_dict_copy(tpy_object_t *op)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (is_split(op) && iterates_as_dict(op)) {
        return split_copy(op); // CPython's copy of a split dict is split too
    }
    tpy_object_t *copy = tpy_dict_new();
    if (copy == NULL || d->used == 0) {
        return copy;
    }
    int r;
    if (iterates_as_dict(op) && d->used >= (d->nentries * 2) / 3) {
        r = clone_table(copy, op);
    } else {
        r = dict_merge(copy, op, 1);
    }
    if (r < 0) {
        TPY_DECREF(copy);
        return NULL;
    }
    return copy;
}

tpy_object_t *tpy_dict_keys_list(tpy_object_t *op)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    tpy_object_t *list = tpy_list_new(d->used);
    if (list == NULL) {
        return NULL;
    }
    intptr_t pos = 0, j = 0;
    tpy_object_t *key;
    while (tpy_dict_next(op, &pos, &key, NULL)) {
        TPY_LIST_ITEMS(list)[j++] = tpy_newref(key);
    }
    return list;
}

tpy_object_t *tpy_err_key(tpy_object_t *key)
{
    tpy_err_set_object(&tpy_exc_KeyError, key);
    return NULL;
}

void tpy_dict_maybe_untrack(tpy_object_t *op)
{
    if (!tpy_gc_is_tracked(op) || !TPY_DICT_CHECK_EXACT(op)) {
        return;
    }
    intptr_t pos = 0;
    tpy_object_t *key, *value;
    while (tpy_dict_next(op, &pos, &key, &value)) {
        if (tpy_object_may_be_tracked(key) || tpy_object_may_be_tracked(value)) {
            return;
        }
    }
    tpy_gc_untrack(op);
}

/* ---- slots -------------------------------------------------------------------------------- */

static void dict_dealloc(tpy_object_t *op)
{
    tpy_gc_untrack(op);
    if (tpy_trash_begin(op)) {
        return;
    }
    tpy_dict_clear(op);
    tpy_gc_free(op, TPY_TYPE(op)->tp_basicsize);
    tpy_trash_end();
}

static int dict_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    dtable_t *t = dt(op);
    if (t == NULL) {
        return 0;
    }
    if (is_split(op)) { // the names belong to the class's table: the values only
        tpy_object_t **vals = split_values(op);
        for (intptr_t i = 0; i < ((tpy_dict_t *)op)->nentries; i++) {
            int r = vals[i] != NULL ? visit(vals[i], arg) : 0;
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    tpy_dict_entry_t *entries = dt_entries(t);
    intptr_t n = ((tpy_dict_t *)op)->nentries;
    // str keys can hold no reference: a str-only table shows its values only
    // (what CPython's gc.get_referents reports)
    bool keys = !t->str_only;
    for (intptr_t i = 0; i < n; i++) {
        if (entries[i].key != NULL) {
            int r = keys ? visit(entries[i].key, arg) : 0;
            if (r == 0) {
                r = visit(entries[i].value, arg);
            }
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int dict_tp_clear(tpy_object_t *op)
{
    tpy_dict_clear(op);
    return 0;
}

static tpy_object_t *dict_repr(tpy_object_t *op)
{
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (d->used == 0) {
        return tpy_str_from_cstr("{}");
    }
    int r = tpy_repr_enter(op);
    if (r != 0) {
        return r > 0 ? tpy_str_from_cstr("{...}") : NULL;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_append_char(&b, '{');
    intptr_t pos = 0;
    tpy_object_t *key, *value;
    bool first = true;
    while (tpy_dict_next(op, &pos, &key, &value)) {
        if (!first) {
            tpy_strbuf_append(&b, ", ", 2);
        }
        first = false;
        TPY_INCREF(key);
        TPY_INCREF(value);
        int k = tpy_strbuf_append_repr(&b, key);
        if (k == 0) {
            tpy_strbuf_append(&b, ": ", 2);
            k = tpy_strbuf_append_repr(&b, value);
        }
        TPY_DECREF(key);
        TPY_DECREF(value);
        if (k < 0) {
            tpy_strbuf_release(&b);
            tpy_repr_leave(op);
            return NULL;
        }
    }
    tpy_strbuf_append_char(&b, '}');
    tpy_repr_leave(op);
    return tpy_strbuf_finish(&b);
}

static int dict_equal(tpy_object_t *a, tpy_object_t *b)
{
    if (TPY_DICT_SIZE(a) != TPY_DICT_SIZE(b)) {
        return 0;
    }
    for (intptr_t i = 0; dt(a) != NULL && i < ((tpy_dict_t *)a)->nentries; i++) {
        tpy_object_t *key, *aval;
        int64_t hash;
        if (!item_at(a, i, &key, &aval, &hash)) {
            continue;
        }
        TPY_INCREF(key);
        TPY_INCREF(aval);
        intptr_t ix = lookup(b, key, hash);
        int cmp;
        if (ix == DKIX_ERROR) {
            cmp = -1;
        } else if (ix < 0) {
            cmp = 0;
        } else {
            tpy_object_t *bval = tpy_newref(value_at(b, ix));
            cmp = tpy_object_richcompare_bool(aval, bval, TPY_CMP_EQ);
            TPY_DECREF(bval);
        }
        TPY_DECREF(key);
        TPY_DECREF(aval);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

static tpy_object_t *dict_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (!TPY_DICT_CHECK(a) || !TPY_DICT_CHECK(b) || (op != TPY_CMP_EQ && op != TPY_CMP_NE)) {
        TPY_RETURN_NOTIMPL;
    }
    int eq = a == b ? 1 : dict_equal(a, b);
    if (eq < 0) {
        return NULL;
    }
    return tpy_bool_from(op == TPY_CMP_EQ ? eq : !eq);
}

static intptr_t dict_len(tpy_object_t *op)
{
    return TPY_DICT_SIZE(op);
}

static int dict_contains_slot(tpy_object_t *op, tpy_object_t *key)
{
    return tpy_dict_contains(op, key);
}

static tpy_object_t *dict_getitem(tpy_object_t *op, tpy_object_t *key)
{
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    intptr_t ix = lookup(op, key, hash);
    if (ix >= 0) {
        return tpy_newref(value_at(op, ix));
    }
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (!TPY_DICT_CHECK_EXACT(op)) {
        // A subclass may define __missing__ (collections.defaultdict-style).
        if (tpy_type_lookup_borrow(TPY_TYPE(op), missing_name) != NULL) {
            return tpy_object_call_method(op, "__missing__", &key, 1);
        }
    }
    return tpy_err_key(key);
}

static int dict_setitem(tpy_object_t *op, tpy_object_t *key, tpy_object_t *value)
{
    if (value == NULL) {
        return tpy_dict_del(op, key);
    }
    return tpy_dict_set(op, key, value);
}

static tpy_object_t *dict_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    if (type == &tpy_dict_type) {
        return tpy_dict_new();
    }
    tpy_object_t *d = tpy_type_generic_alloc(type, 0);
    if (d != NULL) {
        tpy_gc_track(d); // instances of subclasses have a __dict__: always tracked
    }
    return d;
}

// dict.update(...) / dict(...): one optional positional plus keywords.
static int update_common(tpy_object_t *self, const char *fname, tpy_object_t *const *args,
                         size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_count(fname, nargs, NULL, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 1 && tpy_dict_update(self, args[0]) < 0) {
        return -1;
    }
    size_t nkw = tpy_kwcount(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        if (tpy_dict_set(self, TPY_TUPLE_GET(kwnames, k), args[nargs + k]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int dict_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                     tpy_object_t *kwnames)
{
    return update_common(self, "dict", args, nargs, kwnames);
}

static tpy_object_t *dict_or(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_DICT_CHECK(a) || !TPY_DICT_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_object_t *r = tpy_dict_copy(a);
    if (r != NULL && tpy_dict_update(r, b) < 0) {
        TPY_CLEAR(r);
    }
    return r;
}

static tpy_object_t *dict_ior(tpy_object_t *a, tpy_object_t *b)
{
    if (tpy_dict_update(a, b) < 0) {
        return NULL;
    }
    return tpy_newref(a);
}

/* ---- methods -------------------------------------------------------------------------------- */

static tpy_object_t *dict_get_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (nargs == 0 || nargs > 2 || kwnames != NULL) {
        if (tpy_arg_count("get", nargs, kwnames, 1, 2) < 0) {
            return NULL;
        }
    }
    tpy_object_t *v = tpy_dict_get_borrow(self, args[0]);
    if (v != NULL) {
        return tpy_newref(v);
    }
    if (tpy_err_occurred()) {
        return NULL;
    }
    return tpy_newref(nargs == 2 ? args[1] : tpy_none);
}

static tpy_object_t *dict_setdefault_meth(tpy_object_t *self, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_count("setdefault", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    tpy_object_t *dflt = nargs == 2 ? args[1] : tpy_none;
    int64_t hash = key_hash(args[0]);
    if (hash == -1) {
        return NULL;
    }
    intptr_t ix = lookup(self, args[0], hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix >= 0) {
        return tpy_newref(value_at(self, ix));
    }
    if (insert(self, args[0], hash, dflt) < 0) {
        return NULL;
    }
    return tpy_newref(dflt);
}

static tpy_object_t *dict_pop_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (tpy_arg_count("pop", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    int64_t hash = key_hash(args[0]);
    if (hash == -1) {
        return NULL;
    }
    intptr_t ix = lookup(self, args[0], hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix < 0) {
        if (nargs == 2) {
            return tpy_newref(args[1]);
        }
        return tpy_err_key(args[0]);
    }
    tpy_object_t *k, *v;
    remove_entry(self, ix, hash, &k, &v);
    TPY_DECREF(k);
    return v;
}

static tpy_object_t *dict_popitem_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                       tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.popitem", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_dict_t *d = (tpy_dict_t *)op;
    if (d->used == 0) {
        return tpy_err_format(&tpy_exc_KeyError, "popitem(): dictionary is empty");
    }
    // Allocate the result first: after that nothing can fail.
    tpy_object_t *res = tpy_tuple_new(2);
    if (res == NULL) {
        return NULL;
    }
    if (is_split(op) && unsplit(op) < 0) { // as CPython's does
        TPY_DECREF(res);
        return NULL;
    }
    dtable_t *t = dt(op);
    tpy_dict_entry_t *entries = dt_entries(t);
    intptr_t i = d->nentries - 1;
    while (entries[i].key == NULL) {
        i--;
    }
    tpy_object_t *k, *v;
    remove_entry(op, i, dt_hash(t, i), &k, &v);
    d->nentries = i;           // the entry is not made usable again (CPython)
    t->tag = next_table_tag++; // the entry count went down: a new key set identity
    TPY_TUPLE_ITEMS(res)[0] = k;
    TPY_TUPLE_ITEMS(res)[1] = v;
    return res;
}

static tpy_object_t *dict_update_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (update_common(self, "update", args, nargs, kwnames) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *dict_copy_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.copy", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_dict_copy(self);
}

static tpy_object_t *dict_clear_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.clear", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_dict_clear(self);
    TPY_RETURN_NONE;
}

/* dict.fromkeys(iterable, value=None), a classmethod: the class arrives as
 * the first positional argument (self is NULL), or as self. */
static tpy_object_t *dict_fromkeys_meth(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    tpy_object_t *cls = self;
    if (cls == NULL) {
        if (nargs == 0) {
            return tpy_err_format(&tpy_exc_TypeError, "fromkeys() needs a class");
        }
        cls = args[0];
        args++;
        nargs--;
    }
    if (tpy_arg_count("fromkeys", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    tpy_object_t *iterable = args[0];
    tpy_object_t *value = nargs == 2 ? args[1] : tpy_none;
    tpy_object_t *d = tpy_object_call0(cls);
    if (d == NULL) {
        return NULL;
    }
    if (TPY_DICT_CHECK_EXACT(d) && TPY_DICT_SIZE(d) == 0 &&
        (TPY_DICT_CHECK_EXACT(iterable) || TPY_ANYSET_CHECK_EXACT(iterable))) {
        bool from_dict = TPY_DICT_CHECK_EXACT(iterable);
        intptr_t n = from_dict ? TPY_DICT_SIZE(iterable) : tpy_set_size(iterable);
        // (CPython's empty dict counts as str-only, an empty set does not)
        bool str_only = from_dict && keys_all_str(iterable);
        if (dict_resize(d, estimate_log2_keysize(n), str_only) < 0) {
            goto error;
        }
        intptr_t pos = 0;
        tpy_object_t *key;
        int64_t hash;
        while (from_dict ? tpy_dict_next_hash(iterable, &pos, &key, NULL, &hash)
                         : tpy_set_next_entry(iterable, &pos, &key, &hash)) {
            if (insert(d, key, hash, value) < 0) {
                goto error;
            }
        }
        return d;
    }
    tpy_object_t *it = tpy_object_getiter(iterable);
    if (it == NULL) {
        goto error;
    }
    for (;;) {
        tpy_object_t *key = tpy_iter_next(it);
        if (key == NULL) {
            break;
        }
        int r = TPY_DICT_CHECK_EXACT(d) ? tpy_dict_set(d, key, value)
                                        : tpy_object_setitem(d, key, value);
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
    return d;
error:
    TPY_DECREF(d);
    return NULL;
}

static tpy_object_t *dict_sizeof_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.__sizeof__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64((int64_t)tpy_dict_sizeof(self));
}

static tpy_object_t *dict_keys_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.keys", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_dictview_new(self, &tpy_dictkeys_type);
}

static tpy_object_t *dict_values_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.values", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_dictview_new(self, &tpy_dictvalues_type);
}

static tpy_object_t *dict_items_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.items", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_dictview_new(self, &tpy_dictitems_type);
}

static tpy_object_t *dict_reversed_meth(tpy_object_t *, tpy_object_t *const *, size_t,
                                        tpy_object_t *);

static const tpy_methoddef_t dict_methods[] = {
    {"get", dict_get_meth, 0, NULL},
    {"setdefault", dict_setdefault_meth, 0, NULL},
    {"pop", dict_pop_meth, 0, NULL},
    {"popitem", dict_popitem_meth, 0, NULL},
    {"keys", dict_keys_meth, 0, NULL},
    {"values", dict_values_meth, 0, NULL},
    {"items", dict_items_meth, 0, NULL},
    {"update", dict_update_meth, 0, NULL},
    {"copy", dict_copy_meth, 0, NULL},
    {"clear", dict_clear_meth, 0, NULL},
    {"fromkeys", dict_fromkeys_meth, TPY_METH_CLASS, NULL},
    {"__sizeof__", dict_sizeof_meth, 0, NULL},
    {"__reversed__", dict_reversed_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static tpy_object_t *dict_iter(tpy_object_t *op)
{
    return tpy_dictiter_new(op, TPY_DICT_KEYS, false);
}

static tpy_object_t *dict_reversed_meth(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("dict.__reversed__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_dictiter_new(self, TPY_DICT_KEYS, true);
}

tpy_type_t tpy_dict_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "dict",
    .tp_basicsize = sizeof(tpy_dict_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_DICT_SUBCLASS,
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_richcompare = dict_richcompare,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_iter = dict_iter,
    .tp_new = dict_tp_new,
    .tp_init = dict_init,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_OR] = dict_or},
    .tp_inplace = TPY_BINOP_TABLE{[TPY_BINOP_OR] = dict_ior},
    .tp_len = dict_len,
    .tp_getitem = dict_getitem,
    .tp_setitem = dict_setitem,
    .tp_contains = dict_contains_slot,
    .tp_methods = dict_methods,
    .tp_doc = "Built-in insertion-ordered mapping.",
};

void tpy_dict_init(void)
{
    tpy_type_ready(&tpy_dict_type);
    tpy_dictviews_init();
    if (keys_name == NULL) {
        keys_name = tpy_str_intern_cstr("keys");
        missing_name = tpy_str_intern_cstr("__missing__");
    }
}

/* ---- inline-cache support for the eval loop --------------------------------------- */

tpy_object_t *tpy_dict_get_str_hinted(tpy_object_t *d, tpy_object_t *key, intptr_t *hint)
{
    dtable_t *t = dt(d);
    if (t == NULL) {
        return NULL;
    }
    if (is_split(d)) { // the hint is the index of the name
        tpy_dict_t *sd = (tpy_dict_t *)d;
        intptr_t i = *hint;
        if (i < 0 || i >= sd->nentries || sd->shared->names[i] != key) {
            i = tpy_attrkeys_find(sd->shared, key, sd->nentries);
            if (i < 0) {
                return NULL;
            }
            *hint = i;
        }
        return split_values(d)[i];
    }
    intptr_t ix = *hint;
    if (ix >= 0 && ix < ((tpy_dict_t *)d)->nentries) {
        tpy_dict_entry_t *e = &dt_entries(t)[ix];
        if (e->key == key) {
            return e->value;
        }
    }
    int64_t hash = ((tpy_str_t *)key)->hash;
    if (hash == -1) {
        hash = tpy_str_hash(key);
    }
    ix = lookup_str(t, key, hash);
    if (ix >= 0) {
        *hint = ix;
        return dt_entries(t)[ix].value;
    }
    if (ix == DKIX_EMPTY) {
        return NULL;
    }
    ix = lookup(d, key, hash);
    if (ix >= 0) {
        *hint = ix;
        return value_at(d, ix);
    }
    return NULL;
}

tpy_dict_entry_t *tpy_dict_entries_borrow(tpy_object_t *d)
{
    // What a split dict offers: read-only (callers only read the keys).
    static const tpy_dict_entry_t no_entries[TPY_ATTRKEYS_MAX];
    return is_split(d) ? (tpy_dict_entry_t *)no_entries : ((tpy_dict_t *)d)->table;
}
