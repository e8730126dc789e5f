/*
 * runtime/iterobject.h - the lazy iterator types behind the builtins
 * enumerate, zip, map, filter, reversed and two-argument iter().
 *
 * Each is a GC container (it holds arbitrary objects: the iterators it wraps,
 * a user function) and its own iterator (tp_iter returns self).  Calling the
 * type object builds one, exactly like CPython, so `enumerate` in the builtins
 * dict is the type itself and isinstance(x, enumerate) works.
 */
#ifndef TPY_RUNTIME_ITEROBJECT_H
#define TPY_RUNTIME_ITEROBJECT_H

#include "gc/gc.h"

extern tpy_type_t tpy_enumerate_type; // enumerate(iterable, start=0)
extern tpy_type_t tpy_zip_type;       // zip(*iterables, strict=False)
extern tpy_type_t tpy_map_type;       // map(func, *iterables)
extern tpy_type_t tpy_filter_type;    // filter(func or None, iterable)
extern tpy_type_t tpy_reversed_type;  // reversed(sequence) over the sequence protocol
extern tpy_type_t tpy_calliter_type;  // iter(callable, sentinel): "callable_iterator"

// The iterator of iter([callable], [sentinel]): calls [callable] with no
// arguments until the result equals [sentinel] (both borrowed).  New
// reference; NULL with TypeError when [callable] is not callable.
tpy_object_t *tpy_calliter_new(tpy_object_t *callable, tpy_object_t *sentinel);

// reversed([seq]) (borrowed): [seq].__reversed__() when the type has one, a
// fast reverse iterator for list, tuple, str and range, the sequence protocol
// (__len__ + __getitem__) otherwise.  New reference; NULL with TypeError
// "'set' object is not reversible".  May run Python code.
tpy_object_t *tpy_reversed_new(tpy_object_t *seq);

// Ready every type above.  Idempotent.  0 or -1.
int tpy_iterobject_init(void);

#endif
