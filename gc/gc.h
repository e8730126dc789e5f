/*
 * gc/gc.h - the public header of the memory layer: object ABI, allocation,
 * container tracking.
 *
 * Containers are allocated with tpy_gc_new: the allocation holds a two-word
 * tpy_gc_head_t followed by the object, and the object pointer handed out
 * points just past the header.  A container is tracked (linked into generation
 * 0) as the last step of its construction and untracked as the first step of
 * its tp_dealloc.  Atomic objects use tpy_obj_new and have no header.
 *
 * Everything here is single-threaded: tpy has one interpreter and one thread.
 */
#ifndef TPY_GC_GC_H
#define TPY_GC_GC_H

#include "gc/object.h"

/* Two words in front of every container: the generation list links.  The low
 * bits of `prev` carry collector flags during a collection (CPython's trick). */
typedef struct tpy_gc_head {
    struct tpy_gc_head *next;
    uintptr_t prev;
} tpy_gc_head_t;

/* Flag bits kept in the low bits of tpy_gc_head_t.prev. */
#define TPY_GC_FINALIZED_BIT ((uintptr_t)1) // __del__ has run (PEP 442: at most once)
#define TPY_GC_COLLECTING_BIT ((uintptr_t)2) // reserved for the collector

#define TPY_GC_HEAD(op) ((tpy_gc_head_t *)(op) - 1)
#define TPY_GC_OBJ(g) ((tpy_object_t *)((tpy_gc_head_t *)(g) + 1))
#define TPY_TYPE_IS_GC(t) (((t)->tp_flags & TPY_TPFLAGS_HAVE_GC) != 0)
#define TPY_OBJECT_IS_GC(o) TPY_TYPE_IS_GC(TPY_TYPE(o))

/* ---- raw memory ------------------------------------------------------------ */

// Allocate [size] bytes (small sizes from the size-class allocator).  NULL on
// exhaustion; the caller raises MemoryError.  Never runs Python code.
void *tpy_mem_alloc(size_t size);
// Resize a block obtained from tpy_mem_alloc; NULL on failure (block unchanged).
void *tpy_mem_realloc(void *p, size_t oldsize, size_t newsize);
// Release a block of [size] bytes (the size it was allocated or resized with).
void tpy_mem_free(void *p, size_t size);

/* Exact counters, read by sys.getallocatedblocks and the stats output. */
typedef struct {
    intptr_t blocks; // blocks currently allocated through tpy_mem_*
    intptr_t bytes;  // their requested sizes, summed
} tpy_mem_stats_t;
tpy_mem_stats_t tpy_mem_stats(void);

/* ---- objects ---------------------------------------------------------------- */

// A new atomic object of [type] with [size] bytes (>= sizeof(tpy_object_t)),
// refcount 1, fields after the header zeroed.  NULL on exhaustion (no
// exception set: the caller raises MemoryError).
tpy_object_t *tpy_obj_new(tpy_type_t *type, size_t size);
// Free the memory of an atomic object of [size] bytes (from tp_dealloc).
void tpy_obj_free(tpy_object_t *op, size_t size);

// A new *untracked* container of [type], [size] bytes after the GC header,
// refcount 1, zeroed.  NULL on exhaustion.  Track it once it is fully built.
tpy_object_t *tpy_gc_new(tpy_type_t *type, size_t size);
// Free a container's memory (header included).  It must be untracked.
void tpy_gc_free(tpy_object_t *op, size_t size);

// Link [op] into generation 0 / unlink it.  Idempotent.
void tpy_gc_track(tpy_object_t *op);
void tpy_gc_untrack(tpy_object_t *op);
static inline bool tpy_gc_is_tracked(tpy_object_t *op)
{
    return TPY_GC_HEAD(op)->next != NULL;
}

/* Size of the allocation of an object, GC header included: sys.getsizeof. */
size_t tpy_gc_head_size(void);

#endif
