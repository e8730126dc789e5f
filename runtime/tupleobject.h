/*
 * runtime/tupleobject.h - tuple: an immutable array of references.
 *
 * The items live inline after the size.  () is a single shared object.  Small
 * tuples are recycled through bounded per-size free lists.  Tuples are GC
 * containers; like CPython 3.11 a tuple holding only atomic objects is
 * untracked when a collection examines it.
 */
#ifndef TPY_RUNTIME_TUPLEOBJECT_H
#define TPY_RUNTIME_TUPLEOBJECT_H

#include "gc/gc.h"

typedef struct {
    tpy_object_t ob;
    intptr_t size;
    tpy_object_t *items[];
} tpy_tuple_t;

extern tpy_type_t tpy_tuple_type;
extern tpy_type_t tpy_tupleiter_type;
#define TPY_TUPLE_CHECK(op) TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_TUPLE_SUBCLASS)
#define TPY_TUPLE_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_tuple_type)
#define TPY_TUPLE_SIZE(op) (((tpy_tuple_t *)(op))->size)
#define TPY_TUPLE_ITEMS(op) (((tpy_tuple_t *)(op))->items)
#define TPY_TUPLE_GET(op, i) (((tpy_tuple_t *)(op))->items[i])

// A new tuple of [n] NULL items, tracked (items are filled before it escapes;
// a NULL item is tolerated by traverse and dealloc).  NULL on exhaustion.
tpy_object_t *tpy_tuple_new(intptr_t n);
// Tuple from an array of borrowed references.
tpy_object_t *tpy_tuple_from_array(tpy_object_t *const *items, intptr_t n);
// Tuple from an array whose references are stolen (also on failure).
tpy_object_t *tpy_tuple_from_array_steal(tpy_object_t *const *items, intptr_t n);
tpy_object_t *tpy_tuple_pack(intptr_t n, ...); // borrowed references
tpy_object_t *tpy_tuple_slice(tpy_object_t *t, intptr_t lo, intptr_t hi);

// CPython 3.11's tuple hash of [n] items (xxHash64 rounds); -1 with an
// exception set when an item is unhashable.  Used by tuple, range and slice.
int64_t tpy_tuple_hash_items(tpy_object_t *const *items, intptr_t n);
// For the collector (CPython's _PyTuple_MaybeUntrack): untrack [op] when every
// item is atomic or an untracked tuple, so it can never be part of a cycle.
void tpy_tuple_maybe_untrack(tpy_object_t *op);

/* CPython 3.11's _PyObject_GC_MAY_BE_TRACKED: true when storing [op] in a dict
 * could create a cycle.  Any container counts, except a tuple only counts
 * while it is tracked.  Decides when a dict starts being tracked. */
static inline bool tpy_object_may_be_tracked(tpy_object_t *op)
{
    if (TPY_TYPE(op) == &tpy_tuple_type) {
        return tpy_gc_is_tracked(op);
    }
    return TPY_OBJECT_IS_GC(op);
}

/* ---- helpers shared by the container types (implemented in tupleobject.c) ---- */

// "name() takes exactly one argument (N given)" / "name() takes no keyword
// arguments": the checks of a one-argument method (CPython's METH_O). 0 or -1.
int tpy_check_one_arg(const char *name, size_t nargs, tpy_object_t *kwnames);
// "name() takes no arguments (N given)": a method without arguments. 0 or -1.
int tpy_check_no_args(const char *name, size_t nargs, tpy_object_t *kwnames);
// For `seq + other` and `seq * other` when [other] is not handled: true when
// [other] is an instance of a class that defines the operator [op] (a
// TPY_BINOP_*), so the slot should return NotImplemented and let the
// reflected method run; false when the slot should raise CPython's sequence
// error ("can only concatenate ...", "can't multiply sequence by non-int ...").
bool tpy_seq_other_overrides(tpy_object_t *other, int op);
/* The repeat count of `seq * other`: 1 with *count set when [other] is an
 * index (OverflowError "cannot fit 'int' into an index-sized integer" beyond
 * intptr_t: returns -1); 0 when the slot should return NotImplemented; -1 with
 * TypeError "can't multiply sequence by non-int of type 'float'". */
int tpy_seq_repeat_count(tpy_object_t *other, intptr_t *count);

/*
 * The trashcan (CPython's Py_TRASHCAN_BEGIN/END): bounded C recursion when a
 * deeply nested container dies ([[[...]]] a million deep).  A container's
 * tp_dealloc, after untracking [op], calls tpy_trash_begin(op): false means
 * "go on and call tpy_trash_end() when done"; true means the dealloc was
 * deferred (the object is parked, chained through its untracked GC header)
 * and must return at once.  Parked objects are destroyed iteratively when the
 * outermost dealloc ends.  Only exact built-in types may be parked: a subclass
 * instance's dealloc does more work around the base's.
 */
#define TPY_TRASH_LIMIT 50 // nested container deallocs before parking
extern int tpy_trash_depth;
bool tpy_trash_park(tpy_object_t *op); // past the limit: park [op] if it may be
void tpy_trash_flush(void);            // destroy what was parked, at depth 0
static inline bool tpy_trash_begin(tpy_object_t *op)
{
    if (tpy_trash_depth >= TPY_TRASH_LIMIT) {
        return tpy_trash_park(op);
    }
    tpy_trash_depth++;
    return false;
}
static inline void tpy_trash_end(void)
{
    if (--tpy_trash_depth == 0) {
        tpy_trash_flush();
    }
}

void tpy_tuple_init(void);
void tpy_tuple_fini(void); // empties the free lists
// Free the shared () once nothing else holds it (interpreter exit).
void tpy_tuple_fini_empty(void);

#endif
