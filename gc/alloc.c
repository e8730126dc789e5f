/*
 * gc/alloc.c - the single allocation choke point for every object.
 *
 * Every byte an object uses goes through tpy_mem_alloc/tpy_mem_free, which keep
 * exact counts of live blocks and bytes (sys.getallocatedblocks, the unit-test
 * leak check).  This first version hands requests to malloc; the size-class
 * arena allocator (issue 4) replaces the bodies of these functions without
 * changing their contracts.  Frees take the block's size so that the arena
 * allocator will not need a per-block header.
 */
#include "gc/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tpy_mem_stats_t stats;

void *tpy_mem_alloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p != NULL) {
        stats.blocks++;
        stats.bytes += (intptr_t)size;
    }
    return p;
}

void *tpy_mem_realloc(void *p, size_t oldsize, size_t newsize)
{
    if (p == NULL) {
        return tpy_mem_alloc(newsize);
    }
    void *q = realloc(p, newsize ? newsize : 1);
    if (q != NULL) {
        stats.bytes += (intptr_t)newsize - (intptr_t)oldsize;
    }
    return q;
}

void tpy_mem_free(void *p, size_t size)
{
    if (p == NULL) {
        return;
    }
    stats.blocks--;
    stats.bytes -= (intptr_t)size;
    free(p);
}

tpy_mem_stats_t tpy_mem_stats(void)
{
    return stats;
}

tpy_object_t *tpy_obj_new(tpy_type_t *type, size_t size)
{
    tpy_object_t *op = tpy_mem_alloc(size);
    if (op == NULL) {
        return NULL;
    }
    memset(op, 0, size);
    op->refcnt = 1;
    op->type = type;
    TPY_REF_INC_TOTAL();
    return op;
}

void tpy_obj_free(tpy_object_t *op, size_t size)
{
    tpy_mem_free(op, size);
}

#ifdef TPY_REF_DEBUG
intptr_t tpy_ref_total;
#endif

/*
 * The instant the count reaches zero: the type frees the object (and may run
 * __del__ first).  Out of line so that TPY_DECREF stays small.
 *
 * Freeing a deeply nested structure (a list inside a list a million times)
 * would recurse once per level in C.  Past a fixed depth, objects whose count
 * reached zero are parked on a side stack and freed once the outermost
 * dealloc returns (CPython's "trashcan"), so no structure can exhaust the C
 * stack.  Parked objects are unreachable: nothing can observe the delay.
 */
#define DEALLOC_MAX_DEPTH 500

static int dealloc_depth;
static tpy_object_t **parked;
static size_t nparked, capparked;

static bool park(tpy_object_t *op)
{
    if (nparked == capparked) {
        size_t nc = capparked ? capparked * 2 : 256;
        tpy_object_t **np = realloc(parked, nc * sizeof *np);
        if (np == NULL) {
            return false;
        }
        parked = np;
        capparked = nc;
    }
    parked[nparked++] = op;
    return true;
}

void tpy_dealloc(tpy_object_t *op)
{
    if (dealloc_depth >= DEALLOC_MAX_DEPTH && park(op)) {
        return;
    }
    dealloc_depth++;
    op->type->tp_dealloc(op);
    dealloc_depth--;
    if (dealloc_depth == 0) {
        while (nparked > 0) {
            tpy_object_t *p = parked[--nparked];
            dealloc_depth++;
            p->type->tp_dealloc(p);
            dealloc_depth--;
        }
    }
}

#ifdef TPY_REF_DEBUG
void tpy_ref_negative(const char *file, int line, tpy_object_t *op)
{
    fprintf(stderr, "%s:%d: object at %p of type %s has negative ref count %ld\n", file, line,
            (void *)op, op->type->tp_name, (long)op->refcnt);
    abort();
}
#endif
