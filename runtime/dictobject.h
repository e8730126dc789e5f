/*
 * runtime/dictobject.h - dict: an insertion-ordered hash table.
 *
 * CPython's compact layout: a dense array of entries in insertion order plus a
 * sparse index table with open addressing.  Keys that are interned strings are
 * found by pointer comparison before any __eq__ call, which is what makes
 * attribute and global lookups cheap.  An empty dict allocates no table.
 * The __dict__ of an instance whose attributes were kept as values
 * (runtime/instvalues.h) starts as a split dict: only its values, in the
 * order of the class's shared table of names, which it references (CPython
 * 3.11's split table); anything that table cannot express (another kind of
 * key, a key out of order, popitem) turns it into an ordinary dict first.
 * Tracking follows CPython 3.11: a new dict is untracked and becomes tracked
 * when a container is stored in it.
 */
#ifndef TPY_RUNTIME_DICTOBJECT_H
#define TPY_RUNTIME_DICTOBJECT_H

#include "gc/gc.h"

/* One item of the dense array.  The key's hash is not here: a str-only table
 * reads it from the str (which caches it), a general table keeps the hashes
 * in an array of its own (see dictobject.c). */
typedef struct tpy_dict_entry {
    tpy_object_t *key; // NULL: deleted entry (a hole in the dense array)
    tpy_object_t *value;
} tpy_dict_entry_t;

struct tpy_attrkeys;

typedef struct {
    tpy_object_t ob;
    intptr_t used;     // live entries
    intptr_t nentries; // entries in use in the dense array, holes included (split: values)
    union {
        intptr_t capacity;           // size of the dense array (index table has more slots)
        struct tpy_attrkeys *shared; // split: the names of the values (a counted reference)
    };
    void *table; // the dense array of entries (tpy_dict_entry_t), within the block of its
                 // table; NULL when empty (split: the array of nentries values, with
                 // TPY_DICT_SPLIT_TAG set in the pointer)
} tpy_dict_t;

#define TPY_DICT_SPLIT_TAG ((uintptr_t)1)

extern tpy_type_t tpy_dict_type;
extern tpy_type_t tpy_dictkeys_type, tpy_dictvalues_type, tpy_dictitems_type;
extern tpy_type_t tpy_dictiter_type;
#define TPY_DICT_CHECK(op) TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_DICT_SUBCLASS)
#define TPY_DICT_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_dict_type)
#define TPY_DICT_SIZE(op) (((tpy_dict_t *)(op))->used)

tpy_object_t *tpy_dict_new(void);
/* A split dict of the [n] values [items] (NULL: no such attribute) of the
 * names of [keys], a class's shared table, present values in the order of
 * their index.  On success the dict has taken the items' references (the
 * caller must forget them); NULL with MemoryError leaves them to the caller. */
tpy_object_t *tpy_dict_new_split(struct tpy_attrkeys *keys, tpy_object_t *const *items,
                                 intptr_t n);
/* The bytes [d] occupies without its GC header: the object (its type's basic
 * size) and its table.  dict.__sizeof__ returns it; sys.getsizeof adds the GC
 * header, as CPython does.  Never fails. */
size_t tpy_dict_sizeof(tpy_object_t *d);
// d[key] (borrowed), or NULL: absent (no exception) or error (exception set).
tpy_object_t *tpy_dict_get_borrow(tpy_object_t *d, tpy_object_t *key);
// Lookup by str key with a precomputed hash; borrowed or NULL (no exception
// for absent; str keys cannot raise).
tpy_object_t *tpy_dict_get_str_borrow(tpy_object_t *d, tpy_object_t *key);
tpy_object_t *tpy_dict_get_cstr_borrow(tpy_object_t *d, const char *key);
/*
 * Lookup by str key for inline caches: [*hint] is the entry index that held
 * [key] last time (start with -1); it is tried first and updated after a full
 * lookup.  Borrowed value or NULL (absent; no exception).
 */
tpy_object_t *tpy_dict_get_str_hinted(tpy_object_t *d, tpy_object_t *key, intptr_t *hint);
/*
 * The dense entry array of [d] (NULL while empty).  It moves when the table is
 * rebuilt; the table pointer and capacity identify one layout, so a cache may
 * keep &entries[i] while both are unchanged.  A split dict has no entries: it
 * gives an array of TPY_ATTRKEYS_MAX entries with no key, which no cached
 * lookup ever matches (its hints are indexes below that).
 */
tpy_dict_entry_t *tpy_dict_entries_borrow(tpy_object_t *d);
/* An identity for [d]'s key set together with its entry count: never reused
 * by another table, renewed when an entry is taken back (popitem).  0 when
 * [d] has no table or is split.  (A table keeps it in the 8 bytes before its
 * entries: LOAD_GLOBAL asks on every builtin it reads from its cache.) */
static inline uint64_t tpy_dict_keys_tag(tpy_object_t *d)
{
    uintptr_t table = (uintptr_t)((tpy_dict_t *)d)->table;
    return table == 0 || (table & TPY_DICT_SPLIT_TAG) ? 0 : ((const uint64_t *)table)[-1];
}
// d[key] = value (both borrowed). 0 or -1.
int tpy_dict_set(tpy_object_t *d, tpy_object_t *key, tpy_object_t *value);
int tpy_dict_set_cstr(tpy_object_t *d, const char *key, tpy_object_t *value);
// del d[key]: 0, or -1 with KeyError (or another error) set.
int tpy_dict_del(tpy_object_t *d, tpy_object_t *key);
// Remove [key] if present: 1 removed, 0 absent, -1 error.
int tpy_dict_discard(tpy_object_t *d, tpy_object_t *key);
/*
 * Iterate: start with *pos = 0; each call yields borrowed key/value and
 * returns true, false at the end.  The dict must not change meanwhile.
 */
bool tpy_dict_next(tpy_object_t *d, intptr_t *pos, tpy_object_t **key, tpy_object_t **value);
void tpy_dict_clear(tpy_object_t *d);
tpy_object_t *tpy_dict_copy(tpy_object_t *d);
// d.update(other) for a dict or any mapping/iterable of pairs. 0 or -1.
int tpy_dict_update(tpy_object_t *d, tpy_object_t *other);
// Merge a mapping for {**m} / f(**m): [override] false raises TypeError on a
// duplicate key ("got multiple values for keyword argument 'x'").
int tpy_dict_merge(tpy_object_t *d, tpy_object_t *other, bool override);
tpy_object_t *tpy_dict_keys_list(tpy_object_t *d);
// KeyError(key) set, returns NULL.
tpy_object_t *tpy_err_key(tpy_object_t *key);

/* ---- additions (containers helper) ---------------------------------------- */

// A dict with room for [n] items without a rebuild (CPython's
// _PyDict_NewPresized, for **kwargs).  Untracked.  NULL with MemoryError.
tpy_object_t *tpy_dict_new_presized(intptr_t n);
// The dict {keys[i*kstep]: values[i*vstep] for i < n}, sized like CPython's
// dict displays (BUILD_MAP / BUILD_CONST_KEY_MAP).  All borrowed.  May run
// __hash__/__eq__.  New reference or NULL.
tpy_object_t *tpy_dict_from_items(tpy_object_t *const *keys, intptr_t kstep,
                                  tpy_object_t *const *values, intptr_t vstep, intptr_t n);
// `key in d`: 1, 0, or -1 (unhashable key, failing __eq__).
int tpy_dict_contains(tpy_object_t *d, tpy_object_t *key);
// Variants with the key's hash already computed (sets and views use them).
int tpy_dict_contains_hash(tpy_object_t *d, tpy_object_t *key, int64_t hash);
tpy_object_t *tpy_dict_get_hash_borrow(tpy_object_t *d, tpy_object_t *key, int64_t hash);
int tpy_dict_set_hash(tpy_object_t *d, tpy_object_t *key, int64_t hash, tpy_object_t *value);
int tpy_dict_discard_hash(tpy_object_t *d, tpy_object_t *key, int64_t hash);
// tpy_dict_next that also yields the stored hash of the key.
bool tpy_dict_next_hash(tpy_object_t *d, intptr_t *pos, tpy_object_t **key, tpy_object_t **value,
                        int64_t *hash);
// For the collector (CPython's _PyDict_MaybeUntrack): untrack an exact dict
// whose keys and values can never be part of a cycle.
void tpy_dict_maybe_untrack(tpy_object_t *d);

// tpy_dict_item_at for a split dict.
bool tpy_dict_split_item_at(tpy_object_t *d, intptr_t i, tpy_object_t **key,
                            tpy_object_t **value);
/* Item [i] of [d]'s dense order, 0 <= i < d->nentries (dict iterators walk
 * it): false for a hole, else true with its key and value (borrowed). */
static inline bool tpy_dict_item_at(tpy_object_t *d, intptr_t i, tpy_object_t **key,
                                    tpy_object_t **value)
{
    void *table = ((tpy_dict_t *)d)->table;
    if ((uintptr_t)table & TPY_DICT_SPLIT_TAG) {
        return tpy_dict_split_item_at(d, i, key, value);
    }
    tpy_dict_entry_t *ep = (tpy_dict_entry_t *)table + i;
    *key = ep->key;
    *value = ep->value;
    return ep->key != NULL;
}

// What a dict iterator or view yields.
enum { TPY_DICT_KEYS, TPY_DICT_VALUES, TPY_DICT_ITEMS };
// A new iterator over [d] yielding [kind] (a TPY_DICT_*), from the last entry
// when [reverse] (reversed(d), reversed(d.items()), ...).
tpy_object_t *tpy_dictiter_new(tpy_object_t *d, int kind, bool reverse);
// A new view of [d]; [type] is tpy_dictkeys_type, tpy_dictvalues_type or
// tpy_dictitems_type (runtime/dictviews.c).
tpy_object_t *tpy_dictview_new(tpy_object_t *d, tpy_type_t *type);

void tpy_dict_init(void);
// Ready the view and iterator types (runtime/dictviews.c); tpy_dict_init calls it.
void tpy_dictviews_init(void);
// Release the names dict_init interned (interpreter exit).
void tpy_dict_fini(void);

#endif
