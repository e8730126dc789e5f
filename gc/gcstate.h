/*
 * gc/gcstate.h - private to gc/: the collector's state shared by track.c
 * (allocation, tracking, the generation lists), collect.c (the algorithm) and
 * gcmodule.c (the `gc` module reading and setting it).
 *
 * A tracked container's header links it into exactly one list: a generation,
 * the permanent generation (gc.freeze) or, during a collection, one of the
 * collector's working lists.  `prev` carries three flag bits:
 *   FINALIZED   - __del__ has run (kept across untrack/track: PEP 442's once)
 *   COLLECTING  - the object is in the set being collected; while the set is
 *                 being scanned, prev >> GC_REFS_SHIFT is its gc_refs count
 *   UNREACHABLE - with COLLECTING: the object is in the unreachable list
 *   YOUNG       - (the same bit) without COLLECTING: the object is in
 *                 generation 0, counted in its count
 * Every list has a sentinel head; an empty list's head points at itself.
 */
#ifndef TPY_GC_GCSTATE_H
#define TPY_GC_GCSTATE_H

#include "gc/gc.h"

#define GC_FLAG_FINALIZED TPY_GC_FINALIZED_BIT
#define GC_FLAG_COLLECTING TPY_GC_COLLECTING_BIT
#define GC_FLAG_UNREACHABLE ((uintptr_t)4)
#define GC_FLAG_YOUNG GC_FLAG_UNREACHABLE
#define GC_FLAGS ((uintptr_t)7)
#define GC_REFS_SHIFT 3

#define GC_PREV(g) ((tpy_gc_head_t *)((g)->prev & ~GC_FLAGS))
#define GC_SET_PREV(g, p) ((g)->prev = ((g)->prev & GC_FLAGS) | (uintptr_t)(p))

typedef struct {
    tpy_gc_head_t head; // the list of the generation's objects
    intptr_t threshold;
    intptr_t count; // gen 0: YOUNG objects; gen N > 0: collections of gen N-1 since its last
} gc_generation_t;

typedef struct {
    gc_generation_t gen[TPY_GC_NGEN];
    tpy_gc_head_t permanent; // gc.freeze()
    bool enabled;
    bool collecting;
    bool stress;              // TPY_GC_STRESS: collect at every safe point after an allocation
    int debug;                // gc.set_debug flags
    intptr_t long_lived_total;   // objects in the oldest generation after the last full collection
    intptr_t long_lived_pending; // objects moved into the oldest generation since
    tpy_gc_genstats_t stats[TPY_GC_NGEN];
} gc_state_t;

extern gc_state_t gc_state;

static inline void gc_list_init(tpy_gc_head_t *list)
{
    list->next = list;
    list->prev = (uintptr_t)list;
}

static inline bool gc_list_is_empty(const tpy_gc_head_t *list)
{
    return list->next == list;
}

// Append [g] (not in any list) to [list], keeping g's flag bits.
static inline void gc_list_append(tpy_gc_head_t *g, tpy_gc_head_t *list)
{
    tpy_gc_head_t *last = GC_PREV(list);
    g->next = list;
    GC_SET_PREV(g, last);
    last->next = g;
    GC_SET_PREV(list, g);
}

// Unlink [g] from whatever list it is in (its links are not reset).
static inline void gc_list_remove(tpy_gc_head_t *g)
{
    tpy_gc_head_t *prev = GC_PREV(g);
    prev->next = g->next;
    GC_SET_PREV(g->next, prev);
}

static inline void gc_list_move(tpy_gc_head_t *g, tpy_gc_head_t *list)
{
    gc_list_remove(g);
    gc_list_append(g, list);
}

// Move every object of [from] to the end of [to]; [from] becomes empty.
static inline void gc_list_merge(tpy_gc_head_t *from, tpy_gc_head_t *to)
{
    if (gc_list_is_empty(from)) {
        return;
    }
    tpy_gc_head_t *to_last = GC_PREV(to);
    tpy_gc_head_t *first = from->next;
    tpy_gc_head_t *last = GC_PREV(from);
    to_last->next = first;
    GC_SET_PREV(first, to_last);
    last->next = to;
    GC_SET_PREV(to, last);
    gc_list_init(from);
}

intptr_t gc_list_size(const tpy_gc_head_t *list);

#endif
