/*
 * runtime/rangeobject.h - range, slice and the range iterator.
 *
 * range holds start/stop/step as int64 (large bounds raise OverflowError
 * until big ranges are needed); its iterator yields small ints without
 * allocating for -5..256.  slice objects carry start/stop/step objects and
 * normalize them against a length the way CPython's slice.indices does.
 */
#ifndef TPY_RUNTIME_RANGEOBJECT_H
#define TPY_RUNTIME_RANGEOBJECT_H

#include "gc/gc.h"

typedef struct {
    tpy_object_t ob;
    int64_t start, stop, step, len;
} tpy_range_t;

typedef struct {
    tpy_object_t ob;
    tpy_object_t *start, *stop, *step; // never NULL (None when omitted)
} tpy_slice_t;

extern tpy_type_t tpy_range_type;
extern tpy_type_t tpy_rangeiter_type;
extern tpy_type_t tpy_slice_type;
#define TPY_SLICE_CHECK(op) (TPY_TYPE(op) == &tpy_slice_type)

tpy_object_t *tpy_range_new(int64_t start, int64_t stop, int64_t step);
// A slice object (all three borrowed; NULL stands for None).
tpy_object_t *tpy_slice_new(tpy_object_t *start, tpy_object_t *stop, tpy_object_t *step);
/*
 * Resolve [slice] against a sequence of length [len]: writes start, stop,
 * step and returns the slice length (>= 0), or -1 with an exception set
 * (ValueError "slice step cannot be zero", TypeError for bad indices).
 */
intptr_t tpy_slice_unpack(tpy_object_t *slice, intptr_t len, intptr_t *start, intptr_t *stop,
                          intptr_t *step);

// A reverse iterator over [range] (reversed(range(...))); new reference.
tpy_object_t *tpy_range_reversed(tpy_object_t *range);
// True for objects usable as an index: ints and anything with __index__.
static inline bool tpy_index_check(tpy_object_t *op)
{
    return (TPY_TYPE(op)->tp_flags & TPY_TPFLAGS_INT_SUBCLASS) != 0 ||
           TPY_TYPE(op)->tp_index != NULL;
}
// An index used as a slice bound (None not allowed): huge values clamp to
// INTPTR_MIN/MAX like CPython.  0, or -1 with TypeError "slice indices must be
// integers or have an __index__ method".
int tpy_slice_index(tpy_object_t *op, intptr_t *out);
/*
 * The optional [start[, stop]] arguments of seq.index(x, start, stop): each of
 * [nargs] (0..2) values is a slice index, negative values count from the end
 * and everything is clamped to [0, len].  *start / *stop keep their defaults
 * when not given.  0 or -1 with TypeError.
 */
int tpy_slice_index_bounds(tpy_object_t *const *args, size_t nargs, intptr_t len, intptr_t *start,
                           intptr_t *stop);

void tpy_range_init(void);
void tpy_range_fini(void); // drops the cached dead slice

#endif
