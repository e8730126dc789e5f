/*
 * gc/track.c - container allocation and the generation lists.
 *
 * A container's memory is [tpy_gc_head_t][object].  Tracking links the header
 * into generation 0's doubly linked list (prev keeps two low bits free for the
 * collector's flags); untracking unlinks it.  A NULL `next` means untracked.
 * The cycle collector itself (issue 5) walks these lists.
 */
#include "gc/gc.h"

#include <string.h>

/* Generation 0's list head: a sentinel whose links point at itself when empty. */
static tpy_gc_head_t gen0 = {&gen0, (uintptr_t)&gen0};

#define GC_PREV(g) ((tpy_gc_head_t *)((g)->prev & ~(uintptr_t)3))
#define GC_SET_PREV(g, p) ((g)->prev = ((g)->prev & (uintptr_t)3) | (uintptr_t)(p))

size_t tpy_gc_head_size(void)
{
    return sizeof(tpy_gc_head_t);
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
    tpy_gc_head_t *g = TPY_GC_HEAD(op);
    tpy_mem_free(g, sizeof(tpy_gc_head_t) + size);
}

void tpy_gc_track(tpy_object_t *op)
{
    tpy_gc_head_t *g = TPY_GC_HEAD(op);
    if (g->next != NULL) {
        return;
    }
    tpy_gc_head_t *last = GC_PREV(&gen0);
    g->next = &gen0;
    g->prev = (uintptr_t)last;
    last->next = g;
    GC_SET_PREV(&gen0, g);
}

void tpy_gc_untrack(tpy_object_t *op)
{
    tpy_gc_head_t *g = TPY_GC_HEAD(op);
    if (g->next == NULL) {
        return;
    }
    tpy_gc_head_t *prev = GC_PREV(g);
    prev->next = g->next;
    GC_SET_PREV(g->next, prev);
    g->next = NULL;
    g->prev = 0;
}
