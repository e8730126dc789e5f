/*
 * gc/collect.c - the generational cycle collector.
 *
 * Reference counting frees everything except garbage in reference cycles.
 * A collection of generation N looks only at the containers of generations
 * 0..N (the "young" set) and finds the ones that nothing outside the set
 * refers to:
 *   1. copy each refcount into gc_refs (kept in the header's prev word);
 *   2. subtract every reference that one member holds to another (tp_traverse):
 *      what is left counts references from outside the set;
 *   3. members with gc_refs > 0 are reachable, and so is everything they reach;
 *      the rest moves to the unreachable list;
 *   4. clear weak references to the unreachable objects, run the callbacks of
 *      the weakrefs that are not garbage themselves, call each __del__ once
 *      (PEP 442), then find what a finalizer resurrected and keep it;
 *   5. break the remaining cycles with tp_clear: refcounting frees the rest.
 * Survivors move to the next generation.  No memory is allocated while the
 * lists are being scanned, so a collection cannot fail.
 *
 * Collections run only at the eval loop's safe points (or from gc.collect()),
 * never in the middle of C code that holds half-built objects.
 */
#include "gc/gcstate.h"

#include <assert.h>
#include <stdio.h>
#include <time.h>

tpy_gc_hooks_t tpy_gc_hooks;

/* ---- gc_refs, kept in prev while a set is being scanned ------------------------ */

static inline intptr_t gc_refs(const tpy_gc_head_t *g)
{
    return (intptr_t)(g->prev >> GC_REFS_SHIFT);
}

static inline void gc_set_refs(tpy_gc_head_t *g, intptr_t n)
{
    g->prev = ((uintptr_t)n << GC_REFS_SHIFT) | (g->prev & GC_FLAGS);
}

static inline bool is_gc(tpy_object_t *op)
{
    return TPY_OBJECT_IS_GC(op);
}

/* Phase 1: every member of [list] gets gc_refs = its refcount and the
 * COLLECTING flag; the prev links are overwritten (the list is singly linked
 * until move_unreachable rebuilds it).  A tracked object with refcount 0 is
 * waiting in the deferred-dealloc queue: it counts as referenced from outside,
 * so the collector leaves it (and what it holds) to its dealloc. */
static void update_refs(tpy_gc_head_t *list)
{
    for (tpy_gc_head_t *g = list->next; g != list; g = g->next) {
        intptr_t n = TPY_REFCNT(TPY_GC_OBJ(g));
        g->prev = ((uintptr_t)(n > 0 ? n : 1) << GC_REFS_SHIFT) | (g->prev & GC_FLAG_FINALIZED) |
                  GC_FLAG_COLLECTING;
    }
}

static int visit_decref(tpy_object_t *op, void *arg)
{
    (void)arg;
    if (is_gc(op)) {
        tpy_gc_head_t *g = TPY_GC_HEAD(op);
        if (g->prev & GC_FLAG_COLLECTING) {
            // Reaching 0 here would mean a traverse visits a reference it does
            // not own: a refcounting bug in that type.
            assert(gc_refs(g) > 0);
            g->prev -= (uintptr_t)1 << GC_REFS_SHIFT;
        }
    }
    return 0;
}

/* Phase 2: subtract the references the members hold to each other. */
static void subtract_refs(tpy_gc_head_t *list)
{
    for (tpy_gc_head_t *g = list->next; g != list; g = g->next) {
        tpy_object_t *op = TPY_GC_OBJ(g);
        TPY_TYPE(op)->tp_traverse(op, visit_decref, NULL);
    }
}

/* A reachable member reaches [op]: if op is a member not yet known reachable,
 * it becomes so — and if it was already moved to the unreachable list, it
 * goes back to the end of the list being scanned, to be scanned again. */
/* What move_unreachable learns about the unreachable list while it builds it
 * (the objects are in cache then): how many there are, and whether any has
 * weak references or a finalizer still to run. */
static struct {
    intptr_t found;
    bool weakrefs;
    bool finalizers;
} scan;

static int visit_reachable(tpy_object_t *op, void *arg)
{
    if (!is_gc(op)) {
        return 0;
    }
    tpy_gc_head_t *g = TPY_GC_HEAD(op);
    uintptr_t flags = g->prev & GC_FLAGS;
    if (!(flags & GC_FLAG_COLLECTING)) {
        return 0; // not a member, or already scanned as reachable
    }
    if (flags & GC_FLAG_UNREACHABLE) {
        scan.found--;
        gc_list_remove(g);
        gc_list_append(g, (tpy_gc_head_t *)arg);
        g->prev = ((uintptr_t)1 << GC_REFS_SHIFT) | (flags & GC_FLAG_FINALIZED) |
                  GC_FLAG_COLLECTING;
    } else if (gc_refs(g) == 0) {
        gc_set_refs(g, 1);
    }
    return 0;
}

/* Phase 3: walk [young] once.  A member with gc_refs > 0 is reachable: its
 * traverse marks what it holds, its prev link is restored and its COLLECTING
 * flag dropped.  A member with gc_refs == 0 moves (tentatively) to
 * [unreachable], flagged UNREACHABLE; a later reachable member may still pull
 * it back.  The tail of [young] is always at or after the current position,
 * so appending to it while scanning is safe.
 *
 * Reachable tuples (and dicts, when [untrack] has the dict flag) that can no
 * longer be part of a cycle are untracked on the way, as CPython does: they
 * hold no container.  Returns the number of members left in [young]. */
static intptr_t move_unreachable(tpy_gc_head_t *young, tpy_gc_head_t *unreachable,
                                 unsigned untrack)
{
    bool (*can_untrack)(tpy_object_t *) = tpy_gc_hooks.can_untrack;
    if (can_untrack == NULL) {
        untrack = 0;
    }
    intptr_t kept = 0;
    tpy_gc_head_t *prev = young;
    tpy_gc_head_t *g = young->next;
    while (g != young) {
        if (gc_refs(g) > 0) {
            tpy_object_t *op = TPY_GC_OBJ(g);
            tpy_type_t *type = TPY_TYPE(op);
            type->tp_traverse(op, visit_reachable, young);
            if ((type->tp_flags & untrack) && can_untrack(op)) {
                prev->next = g->next;
                g->next = NULL;
                g->prev &= GC_FLAG_FINALIZED;
            } else {
                g->prev = (uintptr_t)prev | (g->prev & GC_FLAG_FINALIZED);
                prev = g;
                kept++;
            }
        } else {
            tpy_object_t *op = TPY_GC_OBJ(g);
            tpy_type_t *type = TPY_TYPE(op);
            scan.found++;
            // weakly referenced (classes keep their list aside), or a weakref
            if ((type->tp_weaklistoffset != 0 &&
                 *(tpy_object_t **)((char *)op + type->tp_weaklistoffset) != NULL) ||
                (type->tp_flags & (TPY_TPFLAGS_TYPE_SUBCLASS | TPY_TPFLAGS_WEAKREF))) {
                scan.weakrefs = true;
            }
            if (type->tp_finalize != NULL && !(g->prev & GC_FLAG_FINALIZED)) {
                scan.finalizers = true;
            }
            prev->next = g->next; // young is singly linked for now
            tpy_gc_head_t *last = GC_PREV(unreachable);
            last->next = g;
            g->prev = (uintptr_t)last | (g->prev & GC_FLAG_FINALIZED) | GC_FLAG_COLLECTING |
                      GC_FLAG_UNREACHABLE;
            g->next = unreachable;
            unreachable->prev = (uintptr_t)g;
        }
        g = prev->next;
    }
    young->prev = (uintptr_t)prev;
    return kept;
}

/* Phases 1-3 on [young]: afterwards it holds the reachable members (a normal
 * list again) and [unreachable] the rest, flagged COLLECTING | UNREACHABLE.
 * Returns the number of reachable members kept. */
static intptr_t deduce_unreachable(tpy_gc_head_t *young, tpy_gc_head_t *unreachable,
                                   unsigned untrack)
{
    update_refs(young);
    subtract_refs(young);
    scan.found = 0;
    scan.weakrefs = scan.finalizers = false;
    return move_unreachable(young, unreachable, untrack);
}

/* ---- phase 4: weakrefs, finalizers, resurrection ------------------------------- */

typedef struct {
    tpy_object_t **items;
    size_t n, cap;
} wr_queue_t;

static void queue_weakref(tpy_object_t *wr, void *arg)
{
    wr_queue_t *q = arg;
    if (is_gc(wr) && tpy_gc_is_unreachable(wr)) {
        return; // the weakref dies with the garbage: its callback never runs
    }
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 16;
        tpy_object_t **items = tpy_mem_realloc(q->items, q->cap * sizeof *items, cap * sizeof *items);
        if (items == NULL) {
            return; // out of memory: this callback is lost, nothing else is
        }
        q->items = items;
        q->cap = cap;
    }
    q->items[q->n++] = tpy_newref(wr);
}

/* Clear every weak reference to the garbage first, so no finalizer or
 * callback can see a half-dead object through one; then run the callbacks of
 * the weakrefs that outlive the garbage.  True if any callback ran. */
static bool handle_weakrefs(tpy_gc_head_t *unreachable)
{
    if (tpy_gc_hooks.clear_weakrefs == NULL) {
        return false;
    }
    wr_queue_t q = {NULL, 0, 0};
    for (tpy_gc_head_t *g = unreachable->next; g != unreachable; g = g->next) {
        // the hook also unlinks garbage weakrefs and finds classes' lists
        tpy_gc_hooks.clear_weakrefs(TPY_GC_OBJ(g), queue_weakref, &q);
    }
    for (size_t i = 0; i < q.n; i++) {
        if (tpy_gc_hooks.call_weakref_callback != NULL) {
            tpy_gc_hooks.call_weakref_callback(q.items[i]);
        }
        TPY_DECREF(q.items[i]);
    }
    tpy_mem_free(q.items, q.cap * sizeof *q.items);
    return q.n > 0;
}

/* Call __del__ once on each garbage object that has one.  Each object moves
 * to a side list before its finalizer runs, so the walk survives finalizers
 * that free other members (they unlink themselves). */
static void finalize_garbage(tpy_gc_head_t *unreachable)
{
    tpy_gc_head_t seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(unreachable)) {
        tpy_gc_head_t *g = unreachable->next;
        gc_list_move(g, &seen);
        tpy_object_t *op = TPY_GC_OBJ(g);
        if (!(g->prev & GC_FLAG_FINALIZED) && TPY_TYPE(op)->tp_finalize != NULL &&
            tpy_gc_hooks.finalize != NULL) {
            g->prev |= GC_FLAG_FINALIZED;
            TPY_INCREF(op);
            tpy_gc_hooks.finalize(op);
            TPY_DECREF(op);
        }
    }
    gc_list_merge(&seen, unreachable);
}

/* After the finalizers: what is still unreachable moves to [garbage]; what a
 * finalizer made reachable again (and all it reaches) goes to [old]. */
static void handle_resurrected(tpy_gc_head_t *unreachable, tpy_gc_head_t *garbage,
                               tpy_gc_head_t *old)
{
    deduce_unreachable(unreachable, garbage, 0);
    gc_list_merge(unreachable, old);
}

/* Phase 5: break the cycles.  tp_clear drops an object's references; the
 * refcounts of the garbage fall to zero and dealloc frees it, unlinking it
 * from [garbage].  An object still there after its tp_clear is kept (a
 * finalizer or callback outside the garbage owns it now). */
static void delete_garbage(tpy_gc_head_t *garbage, tpy_gc_head_t *old)
{
    while (!gc_list_is_empty(garbage)) {
        tpy_gc_head_t *g = garbage->next;
        tpy_object_t *op = TPY_GC_OBJ(g);
        if ((gc_state.debug & TPY_GC_DEBUG_SAVEALL) && tpy_gc_hooks.save_garbage != NULL) {
            tpy_gc_hooks.save_garbage(op);
        } else if (TPY_TYPE(op)->tp_clear != NULL) {
            TPY_INCREF(op);
            TPY_TYPE(op)->tp_clear(op);
            TPY_DECREF(op);
        }
        if (garbage->next == g) {
            gc_list_remove(g);
            g->prev &= ~(GC_FLAG_COLLECTING | GC_FLAG_UNREACHABLE);
            gc_list_append(g, old);
        }
    }
}

/* ---- one collection ----------------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void debug_start(int gen)
{
    fprintf(stderr, "gc: collecting generation %d...\n", gen);
    fprintf(stderr, "gc: objects in each generation:");
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        fprintf(stderr, " %ld", (long)gc_list_size(&gc_state.gen[i].head));
    }
    fprintf(stderr, "\ngc: objects in permanent generation: %ld\n",
            (long)gc_list_size(&gc_state.permanent));
}

/* Collect generation [gen]; *uncollectable gets the number of objects that
 * could not be freed (always 0: every finalizer is PEP 442-safe).  Returns the
 * number of unreachable objects found. */
static intptr_t collect(int gen, intptr_t *uncollectable)
{
    double t0 = now_seconds();
    if (gc_state.debug & TPY_GC_DEBUG_STATS) {
        debug_start(gen);
    }
    if (gen + 1 < TPY_GC_NGEN) {
        gc_state.gen[gen + 1].count++;
    }
    for (int i = 0; i <= gen; i++) {
        gc_state.gen[i].count = 0;
    }
    tpy_gc_head_t *young = &gc_state.gen[gen].head;
    for (int i = 0; i < gen; i++) {
        gc_list_merge(&gc_state.gen[i].head, young);
    }
    tpy_gc_head_t *old = gen + 1 < TPY_GC_NGEN ? &gc_state.gen[gen + 1].head : young;

    tpy_gc_head_t unreachable;
    gc_list_init(&unreachable);
    // tuples are untracked by every collection, dicts by full ones (CPython)
    unsigned untrack = TPY_TPFLAGS_TUPLE_SUBCLASS | (young == old ? TPY_TPFLAGS_DICT_SUBCLASS : 0);
    intptr_t kept = deduce_unreachable(young, &unreachable, untrack);
    // the survivors are older now; what runs from here on allocates into gen 0
    if (young != old) {
        if (gen == TPY_GC_NGEN - 2) {
            gc_state.long_lived_pending += kept;
        }
        gc_list_merge(young, old);
    } else {
        gc_state.long_lived_pending = 0;
        gc_state.long_lived_total = kept;
    }

    intptr_t found = scan.found;
    bool weakrefs = scan.weakrefs, finalizers = scan.finalizers;
    if ((gc_state.debug & TPY_GC_DEBUG_COLLECTABLE) && tpy_gc_hooks.debug_object != NULL) {
        for (tpy_gc_head_t *g = unreachable.next; g != &unreachable; g = g->next) {
            tpy_gc_hooks.debug_object("collectable", TPY_GC_OBJ(g));
        }
    }
    // Only Python code (weakref callbacks, __del__) can resurrect garbage:
    // when none ran, everything found is still garbage.
    bool ran = weakrefs && handle_weakrefs(&unreachable);
    if (finalizers && tpy_gc_hooks.finalize != NULL) {
        finalize_garbage(&unreachable);
        ran = true;
    }
    tpy_gc_head_t garbage;
    gc_list_init(&garbage);
    if (ran) {
        handle_resurrected(&unreachable, &garbage, old);
        // what CPython reports: the garbage left once finalizers have run
        // (resurrected objects, and what they reach, are not counted)
        found = gc_list_size(&garbage);
    } else {
        gc_list_merge(&unreachable, &garbage);
    }
    delete_garbage(&garbage, old);

    if (gen == TPY_GC_NGEN - 1 && tpy_gc_hooks.clear_freelists != NULL) {
        tpy_gc_hooks.clear_freelists();
    }
    double elapsed = now_seconds() - t0;
    tpy_gc_genstats_t *st = &gc_state.stats[gen];
    st->collections++;
    st->collected += found;
    st->duration += elapsed;
    if (elapsed > st->max_pause) {
        st->max_pause = elapsed;
    }
    if (gc_state.debug & TPY_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: done, %ld unreachable, 0 uncollectable, %.4fs elapsed\n", (long)found,
                elapsed);
    }
    *uncollectable = 0;
    return found;
}

/* A collection with gc.callbacks told before and after. */
static intptr_t collect_with_callbacks(int gen)
{
    gc_state.collecting = true;
    if (tpy_gc_hooks.callbacks != NULL) {
        tpy_gc_hooks.callbacks(false, gen, 0, 0, 0.0);
    }
    double t0 = now_seconds();
    intptr_t uncollectable;
    intptr_t found = collect(gen, &uncollectable);
    if (tpy_gc_hooks.callbacks != NULL) {
        tpy_gc_hooks.callbacks(true, gen, found, uncollectable, now_seconds() - t0);
    }
    gc_state.collecting = false;
    return found + uncollectable;
}

intptr_t tpy_gc_collect(int gen)
{
    if (gc_state.collecting || gen < 0 || gen >= TPY_GC_NGEN) {
        return 0;
    }
    return collect_with_callbacks(gen);
}

/* The automatic schedule: collect the oldest generation whose count passed
 * its threshold; the oldest one only when the objects that entered it since
 * the last full collection are more than 25% of those that were there
 * (so building a big structure stays linear). */
void tpy_gc_collect_pending(void)
{
    tpy_gc_pending = 0;
    if (gc_state.collecting) {
        return;
    }
    if (gc_state.enabled && gc_state.gen[0].threshold != 0) {
        for (int i = TPY_GC_NGEN - 1; i >= 0; i--) {
            if (gc_state.gen[i].count > gc_state.gen[i].threshold) {
                if (i == TPY_GC_NGEN - 1 &&
                    gc_state.long_lived_pending < gc_state.long_lived_total / 4) {
                    continue;
                }
                collect_with_callbacks(i);
                return;
            }
        }
    }
    if (gc_state.stress && gc_state.enabled) {
        collect_with_callbacks(0);
    }
}
