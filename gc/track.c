/*
 * gc/track.c - container allocation, tracking, and the collector's schedule.
 *
 * A container's memory is [tpy_gc_head_t][object].  Tracking links the header
 * into generation 0's list, flags it YOUNG and adds 1 to generation 0's count;
 * untracking a YOUNG object subtracts 1.  So count[0] is exactly the number of
 * live tracked containers made since the last collection (LANGUAGE.md), with
 * nothing of the interpreter's own hidden in it.  When it passes threshold 0
 * a collection is *scheduled* (tpy_gc_pending) and the eval loop runs it at
 * its next safe point.  Untracking leaves only the FINALIZED flag, which must
 * survive a resurrection.
 */
#include "gc/gcstate.h"

#include <stdlib.h>
#include <string.h>

gc_state_t gc_state = {
    .gen = {{.head = {&gc_state.gen[0].head, (uintptr_t)&gc_state.gen[0].head}, .threshold = 700},
            {.head = {&gc_state.gen[1].head, (uintptr_t)&gc_state.gen[1].head}, .threshold = 10},
            {.head = {&gc_state.gen[2].head, (uintptr_t)&gc_state.gen[2].head}, .threshold = 10}},
    .permanent = {&gc_state.permanent, (uintptr_t)&gc_state.permanent},
    .enabled = true,
};

volatile int tpy_gc_pending;

size_t tpy_gc_head_size(void)
{
    return sizeof(tpy_gc_head_t);
}

intptr_t gc_list_size(const tpy_gc_head_t *list)
{
    intptr_t n = 0;
    for (const tpy_gc_head_t *g = list->next; g != list; g = g->next) {
        n++;
    }
    return n;
}

tpy_object_t *tpy_gc_new(tpy_type_t *type, size_t size)
{
    tpy_gc_head_t *g = tpy_mem_alloc(sizeof(tpy_gc_head_t) + size);
    if (g == NULL) {
        return NULL;
    }
    memset(g, 0, sizeof(tpy_gc_head_t) + size);
    tpy_object_t *op = TPY_GC_OBJ(g);
    op->refcnt = 1;
    op->type = type;
    TPY_REF_INC_TOTAL();
    return op;
}

void tpy_gc_free(tpy_object_t *op, size_t size)
{
    tpy_mem_free(TPY_GC_HEAD(op), sizeof(tpy_gc_head_t) + size);
}

void tpy_gc_release(tpy_object_t *op, size_t size)
{
    tpy_mem_free(TPY_GC_HEAD(op), sizeof(tpy_gc_head_t) + size);
}

void tpy_gc_track(tpy_object_t *op)
{
    tpy_gc_head_t *g = TPY_GC_HEAD(op);
    if (g->next != NULL) {
        return;
    }
    g->prev = (g->prev & GC_FLAG_FINALIZED) | GC_FLAG_YOUNG;
    gc_list_append(g, &gc_state.gen[0].head);
    gc_generation_t *g0 = &gc_state.gen[0];
    g0->count++;
    if (gc_state.stress) {
        tpy_gc_pending = 1;
    } else if (g0->count > g0->threshold && g0->threshold != 0 && gc_state.enabled &&
               !gc_state.collecting) {
        tpy_gc_pending = 1;
    }
}

void tpy_gc_untrack_tracked(tpy_object_t *op)
{
    tpy_gc_head_t *g = TPY_GC_HEAD(op);
    if ((g->prev & (GC_FLAG_YOUNG | GC_FLAG_COLLECTING)) == GC_FLAG_YOUNG) {
        gc_state.gen[0].count--;
    }
    gc_list_remove(g);
    g->next = NULL;
    g->prev &= GC_FLAG_FINALIZED;
}

void tpy_gc_set_finalized(tpy_object_t *op)
{
    TPY_GC_HEAD(op)->prev |= GC_FLAG_FINALIZED;
}
