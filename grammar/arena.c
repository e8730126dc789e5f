/*
 * grammar/arena.c - the bump allocator that holds one parse's AST.
 *
 * An arena is a chain of chunks; allocation bumps a pointer in the newest
 * chunk and starts a new one (at least twice as big as the request) when the
 * current one is full.  Nothing is freed individually: tpy_arena_free releases
 * every chunk at once, which is why AST nodes never need destructors and the
 * parser never leaks on an error path.  Every block is zeroed and 16-byte
 * aligned.
 */
#include "grammar/grammar.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_CHUNK 8192

typedef struct chunk {
    struct chunk *prev;
    size_t size; // usable bytes after the header
    size_t used;
    // followed by the data, aligned to ARENA_ALIGN
} chunk_t;

struct tpy_arena {
    chunk_t *head;
};

// Bytes the chunk header occupies, rounded up so the data stays aligned.
#define CHUNK_HDR ((sizeof(chunk_t) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

static chunk_t *chunk_new(size_t size, chunk_t *prev)
{
    chunk_t *c = malloc(CHUNK_HDR + size);
    if (c == NULL) {
        return NULL;
    }
    c->prev = prev;
    c->size = size;
    c->used = 0;
    return c;
}

tpy_arena_t *tpy_arena_new(void)
{
    tpy_arena_t *a = malloc(sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    a->head = NULL;
    return a;
}

void tpy_arena_free(tpy_arena_t *arena)
{
    if (arena == NULL) {
        return;
    }
    chunk_t *c = arena->head;
    while (c != NULL) {
        chunk_t *prev = c->prev;
        free(c);
        c = prev;
    }
    free(arena);
}

void *tpy_arena_alloc(tpy_arena_t *arena, size_t size)
{
    if (size > SIZE_MAX / 4) {
        return NULL;
    }
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0) {
        size = ARENA_ALIGN;
    }
    chunk_t *c = arena->head;
    if (c == NULL || c->size - c->used < size) {
        size_t want = ARENA_CHUNK;
        while (want < size * 2) {
            want *= 2;
        }
        c = chunk_new(want, arena->head);
        if (c == NULL) {
            return NULL;
        }
        arena->head = c;
    }
    char *p = (char *)c + CHUNK_HDR + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *tpy_arena_strndup(tpy_arena_t *arena, const char *s, size_t len)
{
    char *p = tpy_arena_alloc(arena, len + 1);
    if (p == NULL) {
        return NULL;
    }
    if (len > 0) {
        memcpy(p, s, len);
    }
    p[len] = '\0';
    return p;
}
