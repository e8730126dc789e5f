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
// Does [o] carry a GC header?  Its type says so, except for type objects:
// `type` is a GC type, but the static built-in types are plain C structs
// (CPython's tp_is_gc); only classes made at run time have a header.
#define TPY_OBJECT_IS_GC(o)                                                                      \
    (TPY_TYPE_IS_GC(TPY_TYPE(o)) &&                                                              \
     (!(TPY_TYPE(o)->tp_flags & TPY_TPFLAGS_TYPE_SUBCLASS) ||                                    \
      (((tpy_type_t *)(o))->tp_flags & TPY_TPFLAGS_HEAPTYPE)))

/* ---- raw memory ------------------------------------------------------------ */
/*
 * gc/alloc.c.  Requests of 1..TPY_MEM_SMALL_MAX bytes come from size classes
 * in 8-byte steps, carved out of pools inside mmap'd arenas; larger requests
 * (and 0) go to malloc.  A block carries no header: whoever frees or resizes
 * it passes the size it was allocated (or last resized) with.
 */
#define TPY_MEM_SMALL_MAX 512
#define TPY_MEM_POOL_SIZE ((size_t)16 << 10) // blocks of one size class, aligned to its size
#define TPY_MEM_ARENA_SIZE ((size_t)1 << 20) // one mmap, aligned to its size: 64 pools

// Debug builds (TPY_REF_DEBUG) check the allocator: freed blocks are poisoned
// and the poison is verified when they are handed out again, a free must
// name the size class of its pool, and TPY_FAIL_ALLOC=N[,every|,K] makes the
// Nth allocation (then every Nth, or every Kth, after it) fail.  Also there:
// TPY_MEM_LEAKS=1 reports the blocks still allocated at exit (=2 always,
// with the count of allocations), TPY_MEM_MALLOC=1 takes every block from
// malloc (AddressSanitizer then names who freed a block used after its free).
#if defined(TPY_REF_DEBUG) && !defined(TPY_MEM_DEBUG)
#define TPY_MEM_DEBUG 1
#endif

// Allocate [size] bytes (small sizes from the size-class allocator).  NULL on
// exhaustion; the caller raises MemoryError.  Never runs Python code.
void *tpy_mem_alloc(size_t size);
// Resize a block obtained from tpy_mem_alloc; NULL on failure (block unchanged,
// still of [oldsize]).  [p] NULL allocates.  The block may move, also when it
// shrinks (a large block shrunk to a small size moves into a size class).
void *tpy_mem_realloc(void *p, size_t oldsize, size_t newsize);
// Release a block of [size] bytes (the size it was allocated or resized with).
// [p] may be NULL.
void tpy_mem_free(void *p, size_t size);

/* Exact counters, read by sys.getallocatedblocks, the stats output and tests. */
typedef struct {
    intptr_t blocks;          // blocks currently allocated through tpy_mem_*
    intptr_t bytes;           // their requested sizes, summed
    intptr_t small_blocks;    // of those, blocks served by the size classes
    intptr_t pools;           // pools holding at least one block
    intptr_t arenas;          // arenas mapped now (the one kept empty included)
    intptr_t arenas_mapped;   // arenas ever mapped (mmap calls that made one)
    intptr_t arenas_unmapped; // arenas ever given back to the OS
} tpy_mem_stats_t;
tpy_mem_stats_t tpy_mem_stats(void);

// The bytes a block of [size] really occupies: its size class's block size
// for small sizes, [size] itself for malloc'd ones.
size_t tpy_mem_block_size(size_t size);
// Print the size-class / pool / arena table to stderr (sys._debugmallocstats).
void tpy_mem_dump_stats(void);
// Walk every arena, pool and free list checking the allocator's invariants
// (and, in debug builds, that no free block was written to since its free).
// Returns the number of problems found, each described on stderr.
intptr_t tpy_mem_check(void);
// Give what the allocator keeps for reuse (an empty arena, a freed large
// block) back to the OS.
void tpy_mem_trim(void);
#ifdef TPY_MEM_DEBUG
// Make allocation number [n] from now fail (1: the next one), then every
// [every]th one after it (0: only that one); [n] = 0 turns failures off.
void tpy_mem_fail_after(intptr_t n, intptr_t every);
#endif

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

// Free the memory of a container that is already counted as dead (a
// type's free list giving memory back).
void tpy_gc_release(tpy_object_t *op, size_t size);

// Link [op] into generation 0 / unlink it.  Idempotent.
void tpy_gc_track(tpy_object_t *op);
void tpy_gc_untrack_tracked(tpy_object_t *op); // [op] must be tracked
static inline bool tpy_gc_is_tracked(tpy_object_t *op)
{
    return TPY_GC_HEAD(op)->next != NULL;
}
static inline void tpy_gc_untrack(tpy_object_t *op)
{
    if (tpy_gc_is_tracked(op)) {
        tpy_gc_untrack_tracked(op);
    }
}

/* ---- the cycle collector (gc/collect.c) ---------------------------------------- */

#define TPY_GC_NGEN 3 // generations 0, 1, 2 (plus the permanent one of gc.freeze)

// Nonzero when a collection is due: the eval loop then calls
// tpy_gc_collect_pending() at its next safe point (call, return, back-edge).
// Collections never run anywhere else, so C code between safe points may hold
// containers that are not yet fully built or tracked.
extern volatile int tpy_gc_pending;
// Run the collection that is due (never raises: errors in finalizers and
// callbacks are reported as unraisable).
void tpy_gc_collect_pending(void);

// Collect generation [gen] (0..2) and every younger one now.  Returns the
// number of unreachable objects found (resurrected ones included, as
// CPython), 0 when a collection is already running.  Never raises.
intptr_t tpy_gc_collect(int gen);

/* gc.set_debug flags (CPython's values). */
enum {
    TPY_GC_DEBUG_STATS = 1,
    TPY_GC_DEBUG_COLLECTABLE = 2,
    TPY_GC_DEBUG_UNCOLLECTABLE = 4,
    TPY_GC_DEBUG_SAVEALL = 32,
    TPY_GC_DEBUG_LEAK = 2 | 4 | 32,
};

/* Per-generation statistics (gc.get_stats). */
typedef struct {
    intptr_t collections;
    intptr_t collected;
    intptr_t uncollectable;
    double duration;  // seconds spent in collections of this generation, in total
    double max_pause; // the longest of them
} tpy_gc_genstats_t;

/* What the collector needs from the runtime (it may not include runtime/):
 * installed at start-up by gc/gcmodule.c.  Any hook may be NULL. */
typedef struct {
    // [op] is garbage: clear the weak references to it without running any
    // callback; call with_callback(wr, arg) for each cleared one that has one.
    void (*clear_weakrefs)(tpy_object_t *op, void (*with_callback)(tpy_object_t *wr, void *arg),
                           void *arg);
    // Run the callback of the cleared weak reference [wr] (errors: unraisable).
    void (*call_weakref_callback)(tpy_object_t *wr);
    // Run [op]'s __del__ (tp_finalize); errors are reported as unraisable.
    void (*finalize)(tpy_object_t *op);
    // Can [op] stop being tracked: is it an exact tuple or dict holding no
    // object that may be tracked (CPython's rule for gc.is_tracked)?  Must
    // not touch the generation lists: the collector unlinks it.
    bool (*can_untrack)(tpy_object_t *op);
    // Call gc.callbacks: phase "start" (stop = false) or "stop" (with the
    // collection's duration in seconds).
    void (*callbacks)(bool stop, int gen, intptr_t collected, intptr_t uncollectable,
                      double duration);
    // DEBUG_SAVEALL: append [op] to gc.garbage instead of freeing it.
    void (*save_garbage)(tpy_object_t *op);
    // Print "gc: <what> <Type 0xaddr>" to stderr (DEBUG_COLLECTABLE).
    void (*debug_object)(const char *what, tpy_object_t *op);
    // Empty the per-type free lists (after a full collection).
    void (*clear_freelists)(void);
} tpy_gc_hooks_t;

extern tpy_gc_hooks_t tpy_gc_hooks;

/* The built-in `gc` module (gc/gcmodule.c, the binding file): install the
 * hooks (and read TPY_GC_STRESS) at start-up, release the module's lists at
 * exit, create the module object on import. */
void tpy_gcmodule_init(void);
// -X gcstress: collect at every safe point after an allocation.
void tpy_gc_set_stress(bool on);
void tpy_gcmodule_fini(void);
tpy_object_t *tpy_gc_module_create(void);

/* ---- reading the collector's state (gc module, tests) ---- */
// Is [op] (a container) in a set being collected and found unreachable?
// Only true while a collection is running (weakref clearing asks it).
static inline bool tpy_gc_is_unreachable(tpy_object_t *op)
{
    uintptr_t f = TPY_GC_HEAD(op)->prev & (uintptr_t)6; // COLLECTING | UNREACHABLE
    return f == 6;
}
static inline bool tpy_gc_is_finalized(tpy_object_t *op)
{
    return (TPY_GC_HEAD(op)->prev & TPY_GC_FINALIZED_BIT) != 0;
}

// Mark [op]'s __del__ as run (PEP 442: it never runs twice).
void tpy_gc_set_finalized(tpy_object_t *op);

/* Size of the allocation of an object, GC header included: sys.getsizeof. */
size_t tpy_gc_head_size(void);

#endif
