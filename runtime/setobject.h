/*
 * runtime/setobject.h - set and frozenset: open-addressing hash sets.
 *
 * The table is CPython's: entries of (key, hash), up to 9 linear probes from
 * hash & mask before a perturbed jump, dummies left by deletions, and the same
 * growth and fill policy, so iterating a set of ints gives python3's order
 * ({3, 1, 2} prints {1, 2, 3}).  Small sets use the 8 entries inside the
 * object.  frozenset caches its hash (CPython's algorithm).  Both are GC
 * containers; any operation that compares keys may run Python code.
 */
#ifndef TPY_RUNTIME_SETOBJECT_H
#define TPY_RUNTIME_SETOBJECT_H

#include "gc/gc.h"

#define TPY_SET_MINSIZE 8

typedef struct {
    tpy_object_t *key; // NULL: never used; the dummy sentinel: deleted
    int64_t hash;      // the key's hash; -1 for a dummy; 0 for an unused slot
} tpy_setentry_t;

typedef struct {
    tpy_object_t ob;
    intptr_t fill;         // active + dummy entries
    intptr_t used;         // active entries: len(set)
    intptr_t mask;         // table size - 1 (a power of two minus one)
    tpy_setentry_t *table; // smalltable, or a separate block for larger sets
    int64_t hash;          // frozenset: cached hash, -1 until computed
    intptr_t finger;       // where pop() resumes its search
    tpy_setentry_t smalltable[TPY_SET_MINSIZE];
    tpy_object_t *weakreflist; // weak references to this set (runtime/weakrefobject.h)
} tpy_set_t;

extern tpy_type_t tpy_set_type;
extern tpy_type_t tpy_frozenset_type;
extern tpy_type_t tpy_setiter_type;

// set, frozenset or an instance of a subclass of either.
#define TPY_ANYSET_CHECK(op)                                                                      \
    (TPY_TYPE(op) == &tpy_set_type || TPY_TYPE(op) == &tpy_frozenset_type ||                      \
     tpy_set_check_subtype(op))
#define TPY_ANYSET_CHECK_EXACT(op)                                                                \
    (TPY_TYPE(op) == &tpy_set_type || TPY_TYPE(op) == &tpy_frozenset_type)
#define TPY_FROZENSET_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_frozenset_type)
// isinstance(op, (set, frozenset)) for the slow path of TPY_ANYSET_CHECK.
bool tpy_set_check_subtype(tpy_object_t *op);

// set(iterable), or an empty set when [iterable] is NULL.  New reference;
// NULL with the iteration's or hashing's exception.
tpy_object_t *tpy_set_new(tpy_object_t *iterable);
// frozenset(iterable) (NULL: empty).
tpy_object_t *tpy_frozenset_new(tpy_object_t *iterable);
/*
 * The frozenset CPython 3.11's compiler stores for a display of constants
 * {c1, c2, c3, ...} (3 or more items, all constants; [items] borrowed).  The
 * display then runs as BUILD_SET 0; LOAD_CONST fs; SET_UPDATE, and only that
 * sequence gives python3's iteration order: {3, 200, 7, 1000, 64} prints
 * {64, 3, 7, 1000, 200}, unlike five add() calls.  May run __hash__/__eq__.
 */
tpy_object_t *tpy_frozenset_const(tpy_object_t *const *items, intptr_t n);
// s.add(key): 0, or -1 (unhashable key: "unhashable type: 'list'").
int tpy_set_add(tpy_object_t *set, tpy_object_t *key);
// `key in s`: 1, 0, -1.  A set key is looked up as the equal frozenset.
int tpy_set_contains(tpy_object_t *set, tpy_object_t *key);
// s.discard(key): 1 removed, 0 absent, -1 error.
int tpy_set_discard(tpy_object_t *set, tpy_object_t *key);
// s.update(iterable): 0 or -1.
int tpy_set_update(tpy_object_t *set, tpy_object_t *iterable);
// s.clear(); cannot fail (may run __del__ of the keys).
void tpy_set_clear(tpy_object_t *set);
// len(s) of a set or frozenset.
static inline intptr_t tpy_set_size(tpy_object_t *set)
{
    return ((tpy_set_t *)set)->used;
}
/*
 * Iterate the entries in table order: start with *pos = 0; each call yields a
 * borrowed key and its hash and returns true, false at the end.  The set must
 * not change meanwhile.
 */
bool tpy_set_next_entry(tpy_object_t *set, intptr_t *pos, tpy_object_t **key, int64_t *hash);

void tpy_set_init(void);

#endif
