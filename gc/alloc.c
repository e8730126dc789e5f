/*
 * gc/alloc.c - the single allocation choke point for every object.
 *
 * Small requests (1..512 bytes) are served from 64 size classes in 8-byte
 * steps, so a 24-byte int costs exactly 24 bytes.  Blocks of one class are
 * carved out of a 16 KiB pool; pools live in 1 MiB arenas mapped with mmap
 * and aligned to their size, so masking a block's address finds its pool.
 * There is no per-block header: tpy_mem_free and tpy_mem_realloc receive the
 * block's size.  Requests of 0 or more than 512 bytes go to malloc.
 *
 * Every tpy_mem_* call keeps exact counts of live blocks and bytes
 * (sys.getallocatedblocks, the unit tests' leak check), of pools and arenas.
 * An arena whose pools are all free again is unmapped; one such arena is kept
 * mapped for reuse so that a loop allocating and freeing does not thrash.
 * New pools come from the fullest arena (CPython's usable_arenas order), so
 * live objects concentrate and the emptier arenas can drain and be returned.
 *
 * Debug builds (TPY_MEM_DEBUG) poison freed blocks, check the poison when a
 * block is handed out again, check that a free names its pool's size class,
 * can fail the Nth allocation on purpose (TPY_FAIL_ALLOC, which
 * scripts/failsweep.sh drives), report what is left at exit (TPY_MEM_LEAKS)
 * and hand every request to malloc (TPY_MEM_MALLOC).  Under AddressSanitizer
 * free blocks are also marked unaddressable.
 */
#include "gc/gc.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
// Slow paths stay out of line, so the fast paths need no saved registers.
#define NOINLINE __attribute__((noinline))

#define ALIGNMENT 8
#define NCLASSES (TPY_MEM_SMALL_MAX / ALIGNMENT)
#define POOL_SIZE TPY_MEM_POOL_SIZE
#define ARENA_SIZE TPY_MEM_ARENA_SIZE
#define POOLS_PER_ARENA ((uint32_t)(ARENA_SIZE / POOL_SIZE))
#define ARENAS_KEPT 1 // empty arenas kept mapped for reuse (hysteresis)
#define CARVE 8       // never-used blocks a pool links into its free list at once

// Size class of a request of [size] bytes; NCLASSES or more: not small (the
// unsigned wrap sends 0 there too).
#define SIZE_CLASS(size) (((size_t)(size)-1) >> 3)
#define CLASS_SIZE(cls) (((size_t)(cls) + 1) * ALIGNMENT)

/* ---- the structures --------------------------------------------------------
 *
 * A pool is POOL_SIZE bytes aligned to POOL_SIZE: a pool_t header, then blocks
 * of one class.  Blocks never used yet sit past `bump` and are carved a few
 * at a time (so untouched pages stay untouched); freed blocks form a LIFO
 * list threaded through their first word.  A pool is in one of three states:
 *   used   (0 < nused, a block available): on usedpools[cls], doubly linked;
 *   full   (no block available): on no list;
 *   empty  (nused == 0): back on its arena's list of free pools.
 * Invariant: every pool on usedpools[] has `free` != NULL, so the fast path
 * of tpy_mem_alloc takes a block without looking further.
 *
 * An arena (arena_t, malloc'd beside the mapping) counts its free pools:
 * those never carved (index >= nbump) plus the emptied ones on `freepools`.
 * Arenas with 1..POOLS_PER_ARENA-1 free pools sit in bucket usable[nfree];
 * the lowest non-empty bucket (bitmap `usable_mask`) is the fullest arena,
 * where a new pool is taken.  Full arenas sit in no bucket; an arena whose
 * pools are all free is unmapped, or kept as `spare` for reuse.
 */
typedef struct block {
    struct block *next;
} block_t;

typedef struct arena arena_t;

typedef struct pool {
    block_t *free;            // freed blocks, LIFO; NULL when the pool is full
    uint32_t nused;           // blocks handed out
    uint32_t cls;             // size class
    uint32_t bump;            // offset of the first never-used block
    uint32_t limit;           // the last offset where a whole block still fits
    struct pool *next, *prev; // usedpools[cls] list (next: also arena->freepools)
    arena_t *arena;
} pool_t;

#define POOL_HEADER (((sizeof(pool_t) + ALIGNMENT - 1) / ALIGNMENT) * ALIGNMENT)
#define POOL_OF(p) ((pool_t *)((uintptr_t)(p) & ~(uintptr_t)(POOL_SIZE - 1)))
#define POOL_CAPACITY(cls) ((uint32_t)((POOL_SIZE - POOL_HEADER) / CLASS_SIZE(cls)))

struct arena {
    char *base;                   // ARENA_SIZE bytes, aligned to ARENA_SIZE
    uint32_t nfree;               // free pools: never carved plus on freepools
    uint32_t nbump;               // pools [0, nbump) have been carved at least once
    pool_t *freepools;            // emptied pools, singly linked through next
    arena_t *next, *prev;         // bucket usable[nfree] (when 0 < nfree < POOLS_PER_ARENA)
    arena_t *all_next, *all_prev; // every mapped arena (stats, checks)
};

static pool_t *usedpools[NCLASSES];
static arena_t *usable[POOLS_PER_ARENA];
static uint64_t usable_mask; // bit k set: usable[k] is not empty
static arena_t *all_arenas;
static arena_t *spare[ARENAS_KEPT];
static int nspare;
static void *kept;       // a freed large block kept for reuse, or NULL (large_free)
static size_t kept_size; // its size as last requested
static tpy_mem_stats_t stats; // .blocks: large blocks only (see tpy_mem_stats)

_Static_assert(POOLS_PER_ARENA <= 64, "usable_mask has one bit per free-pool count");
_Static_assert(POOL_CAPACITY(NCLASSES - 1) >= 2, "a pool holds at least two blocks");

/* ---- debug support: poison, AddressSanitizer, failure injection ------------ */

#if defined(__SANITIZE_ADDRESS__)
#define TPY_MEM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TPY_MEM_ASAN 1
#endif
#endif

#ifdef TPY_MEM_ASAN
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#define ASAN_POISON(p, n) __asan_poison_memory_region((p), (n))
#define ASAN_UNPOISON(p, n) __asan_unpoison_memory_region((p), (n))
#else
#define ASAN_POISON(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define DEAD_BYTE 0xDB  // fills a freed block (after its link word)
#define CLEAN_BYTE 0xCB // fills a block just handed out: reading it is a bug

#ifdef TPY_MEM_DEBUG
static intptr_t fail_countdown; // allocations left before the next failure; 0: off
static intptr_t fail_every;
static bool fail_env_read;

void tpy_mem_fail_after(intptr_t n, intptr_t every)
{
    fail_env_read = true;
    fail_countdown = n > 0 ? n : 0;
    fail_every = every > 0 ? every : 0;
}

static intptr_t nallocs; // allocations (and reallocs) so far: the N of TPY_FAIL_ALLOC
static int leak_report;  // TPY_MEM_LEAKS
// TPY_MEM_MALLOC=1: every block from malloc, none from the arenas, so that
// AddressSanitizer reports a use after free with the stack that freed it
// (its quarantine also delays reuse) and LeakSanitizer sees every block.
static bool all_malloc;

// TPY_MEM_LEAKS=1: at exit (after the interpreter has freed what it owns),
// report the blocks still allocated, if any; =2: always, with the number of
// allocations made (scripts/failsweep.sh reads it).  Blocks in arenas are
// invisible to LeakSanitizer, so this is the leak check that sees them.
static void report_leaks(void)
{
    tpy_mem_stats_t s = tpy_mem_stats();
    if (s.blocks != 0 || leak_report > 1) {
        fprintf(stderr, "tpy: allocator: %ld blocks (%ld bytes) still allocated at exit",
                (long)s.blocks, (long)s.bytes);
        if (leak_report > 1) {
            fprintf(stderr, ", %ld allocations made", (long)nallocs);
        }
        fputc('\n', stderr);
    }
}

// TPY_FAIL_ALLOC=N: the Nth allocation fails; N,every: also every Nth after
// it; N,K: also every Kth after it.
static void read_fail_env(void)
{
    fail_env_read = true;
    const char *m = getenv("TPY_MEM_MALLOC");
    all_malloc = m != NULL && *m != '\0' && *m != '0';
    const char *leaks = getenv("TPY_MEM_LEAKS");
    leak_report = leaks != NULL ? atoi(leaks) : 0;
    if (leak_report > 0) {
        atexit(report_leaks); // runs after the interpreter's own teardown
    }
    const char *s = getenv("TPY_FAIL_ALLOC");
    if (s == NULL || *s == '\0') {
        return;
    }
    char *end;
    long n = strtol(s, &end, 10);
    long every = 0;
    if (*end == ',') {
        every = strcmp(end + 1, "every") == 0 ? n : strtol(end + 1, NULL, 10);
    }
    tpy_mem_fail_after(n, every);
}

static bool injected_failure(void)
{
    if (UNLIKELY(!fail_env_read)) {
        read_fail_env();
    }
    nallocs++;
    if (fail_countdown == 0 || --fail_countdown > 0) {
        return false;
    }
    fail_countdown = fail_every;
    return true;
}

// A misuse of the allocator found by a debug check: report it and abort.
static void mem_fatal(const char *op, const char *what, const void *p, size_t size,
                      const pool_t *pool)
{
    fprintf(stderr, "tpy: allocator: %s: %s: block %p, size %zu", op, what, p, size);
    if (pool != NULL) {
        fprintf(stderr, " (pool %p of %zu-byte blocks)", (const void *)pool,
                CLASS_SIZE(pool->cls));
    }
    fputc('\n', stderr);
    abort();
}

// First byte after the link word that is not DEAD_BYTE, or the block size.
static size_t poison_damage(const block_t *b, size_t bs)
{
    const unsigned char *c = (const unsigned char *)b;
    for (size_t i = sizeof(block_t); i < bs; i++) {
        if (c[i] != DEAD_BYTE) {
            return i;
        }
    }
    return bs;
}
#endif

/* ---- arena lookup: is an address inside one of our arenas? -----------------
 * A two-level bitmap over the 48-bit address space, one bit per MiB.  Only
 * arena mapping and unmapping write it; debug checks and tpy_mem_check read. */
#define RADIX_LEAF_BITS 14
#define RADIX_TOP (1u << (48 - 20 - RADIX_LEAF_BITS))
static uint64_t *radix[RADIX_TOP];

static bool radix_mark(const void *base, bool on)
{
    uintptr_t n = (uintptr_t)base >> 20;
    uintptr_t top = n >> RADIX_LEAF_BITS, bit = n & ((1u << RADIX_LEAF_BITS) - 1);
    if (top >= RADIX_TOP) {
        return false;
    }
    if (radix[top] == NULL) {
        if (!on) {
            return true;
        }
        radix[top] = calloc((1u << RADIX_LEAF_BITS) / 64, sizeof(uint64_t));
        if (radix[top] == NULL) {
            return false;
        }
    }
    if (on) {
        radix[top][bit / 64] |= (uint64_t)1 << (bit % 64);
    } else {
        radix[top][bit / 64] &= ~((uint64_t)1 << (bit % 64));
    }
    return true;
}

static bool in_arena(const void *p)
{
    uintptr_t n = (uintptr_t)p >> 20;
    uintptr_t top = n >> RADIX_LEAF_BITS, bit = n & ((1u << RADIX_LEAF_BITS) - 1);
    return top < RADIX_TOP && radix[top] != NULL && (radix[top][bit / 64] >> (bit % 64) & 1) != 0;
}

// A never-used block joins its pool's free list: poisoned like a freed one,
// so every block on a free list looks the same to the checks.
static inline void fresh_block(block_t *b, size_t bs)
{
    ASAN_UNPOISON(b, bs);
#ifdef TPY_MEM_DEBUG
    memset(b, DEAD_BYTE, bs);
#endif
    b->next = NULL;
    ASAN_POISON(b, bs);
}

/* ---- arenas ------------------------------------------------------------------ */

static void bucket_remove(arena_t *a)
{
    if (a->nfree == 0 || a->nfree >= POOLS_PER_ARENA) {
        return;
    }
    if (a->prev != NULL) {
        a->prev->next = a->next;
    } else {
        usable[a->nfree] = a->next;
        if (a->next == NULL) {
            usable_mask &= ~((uint64_t)1 << a->nfree);
        }
    }
    if (a->next != NULL) {
        a->next->prev = a->prev;
    }
}

static void bucket_insert(arena_t *a)
{
    if (a->nfree == 0 || a->nfree >= POOLS_PER_ARENA) {
        return;
    }
    a->prev = NULL;
    a->next = usable[a->nfree];
    if (a->next != NULL) {
        a->next->prev = a;
    }
    usable[a->nfree] = a;
    usable_mask |= (uint64_t)1 << a->nfree;
}

// ARENA_SIZE bytes aligned to ARENA_SIZE, or NULL.  The kernel usually places
// a new mapping right below the previous one, so the first try often fits.
static char *map_aligned(void)
{
    char *p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    if (((uintptr_t)p & (ARENA_SIZE - 1)) == 0) {
        return p;
    }
    munmap(p, ARENA_SIZE);
    p = mmap(NULL, 2 * ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    char *base = (char *)(((uintptr_t)p + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1));
    if (base > p) {
        munmap(p, (size_t)(base - p));
    }
    if (base + ARENA_SIZE < p + 2 * ARENA_SIZE) {
        munmap(base + ARENA_SIZE, (size_t)(p + 2 * ARENA_SIZE - (base + ARENA_SIZE)));
    }
    return base;
}

static arena_t *new_arena(void)
{
    arena_t *a;
    if (nspare > 0) {
        a = spare[--nspare];
    } else {
        a = malloc(sizeof *a);
        if (a == NULL) {
            return NULL;
        }
        a->base = map_aligned();
        if (a->base == NULL || !radix_mark(a->base, true)) {
            if (a->base != NULL) {
                munmap(a->base, ARENA_SIZE);
            }
            free(a);
            return NULL;
        }
        ASAN_POISON(a->base, ARENA_SIZE);
        a->all_prev = NULL;
        a->all_next = all_arenas;
        if (all_arenas != NULL) {
            all_arenas->all_prev = a;
        }
        all_arenas = a;
        stats.arenas++;
        stats.arenas_mapped++;
    }
    a->nfree = POOLS_PER_ARENA;
    a->nbump = 0;
    a->freepools = NULL;
    a->next = a->prev = NULL;
    return a;
}

static void unmap_arena(arena_t *a)
{
    if (a->all_prev != NULL) {
        a->all_prev->all_next = a->all_next;
    } else {
        all_arenas = a->all_next;
    }
    if (a->all_next != NULL) {
        a->all_next->all_prev = a->all_prev;
    }
    radix_mark(a->base, false);
    ASAN_UNPOISON(a->base, ARENA_SIZE);
    munmap(a->base, ARENA_SIZE);
    free(a);
    stats.arenas--;
    stats.arenas_unmapped++;
}

// Every pool of [a] is free: keep it for reuse or give it back.
static void arena_drained(arena_t *a)
{
    if (nspare < ARENAS_KEPT) {
        spare[nspare++] = a;
    } else {
        unmap_arena(a);
    }
}

void tpy_mem_trim(void)
{
    if (kept != NULL) {
        ASAN_UNPOISON(kept, kept_size);
        free(kept);
        kept = NULL;
    }
    while (nspare > 0) {
        unmap_arena(spare[--nspare]);
    }
}

/* ---- pools ------------------------------------------------------------------- */

// A pool for class [cls], taken from the fullest arena, linked at the front of
// usedpools[cls] with one block ready.  NULL when no memory is left.
static pool_t *new_pool(uint32_t cls)
{
    arena_t *a;
    if (usable_mask != 0) {
        a = usable[__builtin_ctzll(usable_mask)];
        bucket_remove(a);
    } else {
        a = new_arena();
        if (a == NULL) {
            return NULL;
        }
    }
    pool_t *pool;
    if (a->freepools != NULL) {
        pool = a->freepools;
        a->freepools = pool->next;
    } else {
        pool = (pool_t *)(a->base + (size_t)a->nbump * POOL_SIZE);
        a->nbump++;
        ASAN_UNPOISON(pool, POOL_HEADER);
    }
    a->nfree--;
    bucket_insert(a);

    size_t bs = CLASS_SIZE(cls);
    pool->arena = a;
    pool->cls = cls;
    pool->nused = 0;
    pool->free = (block_t *)((char *)pool + POOL_HEADER);
    fresh_block(pool->free, bs);
    pool->bump = (uint32_t)(POOL_HEADER + bs);
    pool->limit = (uint32_t)(POOL_SIZE - bs);
    pool->prev = NULL;
    pool->next = usedpools[cls];
    if (pool->next != NULL) {
        pool->next->prev = pool;
    }
    usedpools[cls] = pool;
    stats.pools++;
    return pool;
}

// [pool] (the head of its usedpools list) just gave out its last free-listed
// block: carve a never-used one, or take the pool off the list as full.
static NOINLINE void pool_refill(pool_t *pool)
{
    if (pool->bump <= pool->limit) {
        // A few blocks at once, in address order: one call per CARVE blocks
        // while a fresh pool fills, and pages are still touched in order.
        size_t bs = CLASS_SIZE(pool->cls);
        block_t *first = NULL, *prev = NULL;
        for (int i = 0; i < CARVE && pool->bump <= pool->limit; i++) {
            block_t *b = (block_t *)((char *)pool + pool->bump);
            fresh_block(b, bs);
            if (prev == NULL) {
                first = b;
            } else {
                ASAN_UNPOISON(prev, sizeof *prev);
                prev->next = b;
                ASAN_POISON(prev, sizeof *prev);
            }
            prev = b;
            pool->bump += (uint32_t)bs;
        }
        pool->free = first;
        return;
    }
    usedpools[pool->cls] = pool->next;
    if (pool->next != NULL) {
        pool->next->prev = NULL;
    }
}

// A block was just freed into [pool], which was full (nused > 0: link it back
// at the front of its class, so the block is the next one handed out) or now
// has no block in use (give the pool back to its arena).
static NOINLINE void pool_transition(pool_t *pool)
{
    if (pool->nused > 0) {
        pool->prev = NULL;
        pool->next = usedpools[pool->cls];
        if (pool->next != NULL) {
            pool->next->prev = pool;
        }
        usedpools[pool->cls] = pool;
        return;
    }
    if (pool->prev != NULL) {
        pool->prev->next = pool->next;
    } else {
        usedpools[pool->cls] = pool->next;
    }
    if (pool->next != NULL) {
        pool->next->prev = pool->prev;
    }
    stats.pools--;
    arena_t *a = pool->arena;
    ASAN_POISON((char *)pool + POOL_HEADER, POOL_SIZE - POOL_HEADER);
    pool->next = a->freepools;
    a->freepools = pool;
    bucket_remove(a);
    a->nfree++;
    if (a->nfree == POOLS_PER_ARENA) {
        arena_drained(a);
    } else {
        bucket_insert(a);
    }
}

/* ---- the public entry points ------------------------------------------------- */

static NOINLINE void *alloc_small_slow(uint32_t cls)
{
    pool_t *pool = new_pool(cls);
    if (pool == NULL) {
        return NULL;
    }
    block_t *b = pool->free;
    ASAN_UNPOISON(b, CLASS_SIZE(cls));
    pool->nused++;
    pool_refill(pool);
    return b;
}

#ifdef TPY_MEM_DEBUG
// [b] of class [cls] is about to be handed out: was it written to while free?
static void check_handout(block_t *b, uint32_t cls)
{
    size_t bs = CLASS_SIZE(cls);
    size_t at = poison_damage(b, bs);
    if (at < bs) {
        fprintf(stderr, "tpy: allocator: byte %zu of a freed block was written to\n", at);
        mem_fatal("tpy_mem_alloc", "write after free", b, bs, POOL_OF(b));
    }
    memset(b, CLEAN_BYTE, bs);
}

// [p] is being freed (or resized) as a block of [size] bytes: is it one?
static void check_small(const void *p, size_t size, const char *op)
{
    if (!in_arena(p)) {
        mem_fatal(op, "not a small block (allocated with a larger size?)", p, size, NULL);
    }
    pool_t *pool = POOL_OF(p);
    size_t off = (size_t)((const char *)p - (const char *)pool);
    if (pool->nused == 0 || off < POOL_HEADER || off >= pool->bump ||
        (off - POOL_HEADER) % CLASS_SIZE(pool->cls) != 0) {
        mem_fatal(op, "not the start of a block in use", p, size, pool);
    }
    if (pool->cls != SIZE_CLASS(size)) {
        mem_fatal(op, "size does not match the block's size class", p, size, pool);
    }
    const block_t *b = p;
    size_t bs = CLASS_SIZE(pool->cls);
    if (bs > sizeof(block_t) && poison_damage(b, bs) == bs &&
        (b->next == NULL || POOL_OF(b->next) == pool)) {
        mem_fatal(op, "block freed twice", p, size, pool);
    }
}

static void check_large(const void *p, size_t size, const char *op)
{
    if (in_arena(p)) {
        mem_fatal(op, "a small block given with a large size", p, size, POOL_OF(p));
    }
}
#define CHECK_HANDOUT(b, cls) check_handout((b), (cls))
#define CHECK_SMALL(p, size, op) check_small((p), (size), (op))
#define CHECK_LARGE(p, size, op) check_large((p), (size), (op))
#else
#define CHECK_HANDOUT(b, cls) ((void)0)
#define CHECK_SMALL(p, size, op) ((void)0)
#define CHECK_LARGE(p, size, op) ((void)0)
#endif

/* Large blocks come from malloc.  glibc raises its mmap threshold whenever a
 * mapped block is freed (up to 32 MiB); big blocks are then carved from the
 * heap, and their memory stays with the process after they are freed (a
 * list of 3 million items dropped would keep its 24 MB).  A fixed threshold
 * keeps every block of 1 MiB or more in a mapping of its own, which free()
 * gives straight back to the OS (and realloc() grows with mremap), while
 * smaller ones are recycled in the heap without a system call.
 *
 * So that a loop building and dropping the same big list does not map, fault
 * in and unmap megabytes at every turn, the last freed block of 1 to 8 MiB is
 * kept for the next large request it can hold at least half used.  Bigger
 * blocks go back at once; they are asked to use transparent huge pages, so
 * a fresh one takes a page fault per 2 MiB instead of one per 4 KiB (four
 * times faster to fill, where the system offers huge pages on request). */
#define MMAP_MIN ((size_t)1 << 20)
#define KEEP_MAX ((size_t)8 << 20)
#define HUGE_MIN ((size_t)4 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

static void hugepage_hint(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (size >= HUGE_MIN && p != NULL) {
        uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
        uintptr_t to = ((uintptr_t)p + size) & ~(uintptr_t)(HUGE_PAGE - 1);
        if (to > from) {
            madvise((void *)from, to - from, MADV_HUGEPAGE);
        }
    }
#else
    (void)p;
    (void)size;
#endif
}

static NOINLINE void *large_malloc(size_t size)
{
    static bool tuned;
    if (UNLIKELY(!tuned)) {
        tuned = true;
#ifdef M_MMAP_THRESHOLD
        mallopt(M_MMAP_THRESHOLD, (int)MMAP_MIN);
        mallopt(M_TRIM_THRESHOLD, (int)(2 * MMAP_MIN));
#endif
    }
    if (kept != NULL && size <= kept_size && size >= kept_size / 2) {
        void *p = kept;
        kept = NULL;
        ASAN_UNPOISON(p, kept_size);
        return p;
    }
    // no machine tpy runs on has a terabyte to give: fail at once (MemoryError)
    // rather than ask malloc, which under ASan would complain first
    if (size > ((size_t)1 << 40)) {
        return NULL;
    }
    void *p = malloc(size ? size : 1);
    hugepage_hint(p, size);
    return p;
}

static NOINLINE void large_free(void *p, size_t size)
{
#ifdef TPY_MEM_DEBUG
    if (all_malloc) {
        free(p); // no keeping: AddressSanitizer's quarantine decides
        return;
    }
#endif
    if (size >= MMAP_MIN && size <= KEEP_MAX) {
        void *old = kept;
        size_t old_size = kept_size;
        kept = p;
        kept_size = size;
        ASAN_POISON(p, size);
        if (old == NULL) {
            return;
        }
        ASAN_UNPOISON(old, old_size);
        p = old;
    }
    free(p);
}

/* The entry points come in two parts.  In a release build the entry point
 * itself is a fast path for the common case only: a small block from a pool that has
 * another free-listed block after it (alloc), a small block going back to a
 * pool that stays in its state (free).  Everything else, the debug checks
 * included, is the out-of-line slow path it tail-calls, so the fast path
 * saves no registers and sets up no frame.  Small blocks are counted in
 * stats.small_blocks only; stats.blocks counts the large ones here and
 * tpy_mem_stats adds the two (one counter less to update per call). */

// tpy_mem_alloc beyond its fast path.
static NOINLINE void *alloc_slow(size_t size)
{
#ifdef TPY_MEM_DEBUG
    if (injected_failure()) {
        return NULL;
    }
    if (all_malloc) {
        void *p = large_malloc(size);
        if (p != NULL) {
            memset(p, CLEAN_BYTE, size);
            stats.blocks++;
            stats.bytes += (intptr_t)size;
        }
        return p;
    }
#endif
    size_t cls = SIZE_CLASS(size);
    if (LIKELY(cls < NCLASSES)) {
        pool_t *pool = usedpools[cls];
        block_t *b;
        if (LIKELY(pool != NULL)) {
            b = pool->free;
            ASAN_UNPOISON(b, CLASS_SIZE(cls));
            pool->nused++;
            if (UNLIKELY((pool->free = b->next) == NULL)) {
                pool_refill(pool);
            }
        } else {
            b = alloc_small_slow((uint32_t)cls);
            if (b == NULL) {
                return NULL;
            }
        }
        CHECK_HANDOUT(b, (uint32_t)cls);
        stats.small_blocks++;
        stats.bytes += (intptr_t)size;
        return b;
    }
    void *p = large_malloc(size);
    if (p == NULL) {
        return NULL;
    }
#ifdef TPY_MEM_DEBUG
    memset(p, CLEAN_BYTE, size);
#endif
    stats.blocks++;
    stats.bytes += (intptr_t)size;
    return p;
}

void *tpy_mem_alloc(size_t size)
{
#ifndef TPY_MEM_DEBUG
    size_t cls = SIZE_CLASS(size);
    if (LIKELY(cls < NCLASSES)) {
        pool_t *pool = usedpools[cls];
        if (LIKELY(pool != NULL)) {
            block_t *b = pool->free;
            block_t *next = b->next;
            if (LIKELY(next != NULL)) {
                pool->free = next;
                pool->nused++;
                stats.small_blocks++;
                stats.bytes += (intptr_t)size;
                return b;
            }
        }
    }
#endif
    return alloc_slow(size);
}

// tpy_mem_free beyond its fast path.
static NOINLINE void free_slow(void *p, size_t size)
{
    if (p == NULL) {
        return;
    }
    size_t cls = SIZE_CLASS(size);
#ifdef TPY_MEM_DEBUG
    if (all_malloc) {
        cls = NCLASSES; // every block is a large one
    }
#endif
    if (LIKELY(cls < NCLASSES)) {
        CHECK_SMALL(p, size, "tpy_mem_free");
        pool_t *pool = POOL_OF(p);
        block_t *b = p;
        block_t *head = pool->free;
#ifdef TPY_MEM_DEBUG
        memset(b, DEAD_BYTE, CLASS_SIZE(cls));
#endif
        b->next = head;
        ASAN_POISON(b, CLASS_SIZE(cls));
        pool->free = b;
        stats.small_blocks--;
        stats.bytes -= (intptr_t)size;
        if (UNLIKELY(--pool->nused == 0 || head == NULL)) {
            pool_transition(pool);
        }
        return;
    }
    CHECK_LARGE(p, size, "tpy_mem_free");
#ifdef TPY_MEM_DEBUG
    memset(p, DEAD_BYTE, size);
#endif
    stats.blocks--;
    stats.bytes -= (intptr_t)size;
    large_free(p, size);
}

void tpy_mem_free(void *p, size_t size)
{
#ifndef TPY_MEM_DEBUG
    size_t cls = SIZE_CLASS(size);
    if (LIKELY(cls < NCLASSES && p != NULL)) {
        pool_t *pool = POOL_OF(p);
        block_t *head = pool->free;
        // Neither full before (head NULL) nor empty after: no list to change.
        if (LIKELY(head != NULL && pool->nused > 1)) {
            ((block_t *)p)->next = head;
            pool->free = p;
            pool->nused--;
            stats.small_blocks--;
            stats.bytes -= (intptr_t)size;
            return;
        }
    }
#endif
    free_slow(p, size);
}

void *tpy_mem_realloc(void *p, size_t oldsize, size_t newsize)
{
    if (p == NULL) {
        return tpy_mem_alloc(newsize);
    }
    size_t oc = SIZE_CLASS(oldsize), nc = SIZE_CLASS(newsize);
#ifdef TPY_MEM_DEBUG
    if (all_malloc) {
        oc = nc = NCLASSES; // every block is a large one
    }
#endif
    if (oc < NCLASSES) {
        CHECK_SMALL(p, oldsize, "tpy_mem_realloc");
    } else {
        CHECK_LARGE(p, oldsize, "tpy_mem_realloc");
    }
#ifdef TPY_MEM_DEBUG
    if (injected_failure()) {
        return NULL;
    }
#endif
    if (oc < NCLASSES && oc == nc) {
        stats.bytes += (intptr_t)newsize - (intptr_t)oldsize;
        return p;
    }
    if (oc >= NCLASSES && nc >= NCLASSES) {
        if (newsize > ((size_t)1 << 40)) {
            return NULL; // as large_malloc
        }
        void *q = realloc(p, newsize ? newsize : 1);
        if (q == NULL) {
            return NULL;
        }
#ifdef TPY_MEM_DEBUG
        if (newsize > oldsize) {
            memset((char *)q + oldsize, CLEAN_BYTE, newsize - oldsize);
        }
#endif
        stats.bytes += (intptr_t)newsize - (intptr_t)oldsize;
        return q;
    }
#ifdef TPY_MEM_DEBUG
    // Counted above already: the allocation below must not fail on its own.
    intptr_t countdown = fail_countdown;
    fail_countdown = 0;
#endif
    void *q = tpy_mem_alloc(newsize);
#ifdef TPY_MEM_DEBUG
    fail_countdown = countdown;
#endif
    if (q == NULL) {
        return NULL;
    }
    memcpy(q, p, oldsize < newsize ? oldsize : newsize);
    tpy_mem_free(p, oldsize);
    return q;
}

tpy_mem_stats_t tpy_mem_stats(void)
{
    tpy_mem_stats_t s = stats;
    s.blocks += s.small_blocks;
    return s;
}

size_t tpy_mem_block_size(size_t size)
{
    return SIZE_CLASS(size) < NCLASSES ? CLASS_SIZE(SIZE_CLASS(size)) : size;
}

/* ---- statistics and the consistency check ------------------------------------ */

typedef struct {
    intptr_t pools, used, avail;
} class_stats_t;

// Per-class figures, by walking every carved pool of every arena.
static void gather(class_stats_t cs[NCLASSES], intptr_t *empty_pools)
{
    memset(cs, 0, sizeof(class_stats_t) * NCLASSES);
    *empty_pools = 0;
    for (arena_t *a = all_arenas; a != NULL; a = a->all_next) {
        for (uint32_t i = 0; i < a->nbump; i++) {
            pool_t *pool = (pool_t *)(a->base + (size_t)i * POOL_SIZE);
            if (pool->nused == 0) {
                (*empty_pools)++;
                continue;
            }
            cs[pool->cls].pools++;
            cs[pool->cls].used += pool->nused;
            cs[pool->cls].avail += POOL_CAPACITY(pool->cls) - pool->nused;
        }
    }
}

void tpy_mem_dump_stats(void)
{
    class_stats_t cs[NCLASSES];
    intptr_t empty_pools;
    gather(cs, &empty_pools);
    FILE *f = stderr;
    fprintf(f,
            "tpy small-object allocator: %d size classes of %d..%d bytes, "
            "%zu KiB pools, %zu KiB arenas\n\n",
            NCLASSES, ALIGNMENT, TPY_MEM_SMALL_MAX, POOL_SIZE >> 10, ARENA_SIZE >> 10);
    fprintf(f, "class  size   pools   blocks in use   blocks free\n");
    intptr_t used_bytes = 0, free_bytes = 0, pools = 0;
    for (uint32_t c = 0; c < NCLASSES; c++) {
        if (cs[c].pools == 0) {
            continue;
        }
        fprintf(f, "%5u %5zu %7ld %15ld %13ld\n", c, CLASS_SIZE(c), (long)cs[c].pools,
                (long)cs[c].used, (long)cs[c].avail);
        used_bytes += cs[c].used * (intptr_t)CLASS_SIZE(c);
        free_bytes += cs[c].avail * (intptr_t)CLASS_SIZE(c);
        pools += cs[c].pools;
    }
    intptr_t carved = pools + empty_pools;
    intptr_t never = stats.arenas * (intptr_t)POOLS_PER_ARENA - carved;
    fprintf(f, "\n%-38s %12ld\n", "arenas mapped now", (long)stats.arenas);
    fprintf(f, "%-38s %12ld\n", "arenas kept empty for reuse", (long)nspare);
    fprintf(f, "%-38s %12ld\n", "arenas mapped since start", (long)stats.arenas_mapped);
    fprintf(f, "%-38s %12ld\n", "arenas given back to the OS", (long)stats.arenas_unmapped);
    fprintf(f, "%-38s %12ld\n", "pools in use", (long)pools);
    fprintf(f, "%-38s %12ld\n", "pools empty", (long)empty_pools);
    fprintf(f, "%-38s %12ld\n", "pools never used", (long)never);
    fprintf(f, "%-38s %12ld\n", "bytes in small blocks in use", (long)used_bytes);
    fprintf(f, "%-38s %12ld\n", "bytes in small blocks free", (long)free_bytes);
    fprintf(f, "%-38s %12ld\n", "bytes in pool headers", (long)(carved * (intptr_t)POOL_HEADER));
    fprintf(f, "%-38s %12ld\n", "bytes in arenas", (long)(stats.arenas * (intptr_t)ARENA_SIZE));
    fprintf(f, "%-38s %12ld\n", "blocks allocated (small + large)",
            (long)(stats.blocks + stats.small_blocks));
    fprintf(f, "%-38s %12ld\n", "large blocks (malloc)", (long)stats.blocks);
    fprintf(f, "%-38s %12ld\n", "bytes requested by live blocks", (long)stats.bytes);
}

static intptr_t problem(const char *what, const void *where)
{
    fprintf(stderr, "tpy_mem_check: %s (%p)\n", what, where);
    return 1;
}

// The free list of a used pool: every entry a block of the pool, not damaged.
static intptr_t check_pool(pool_t *pool, intptr_t *nfree_blocks)
{
    intptr_t bad = 0, n = 0;
    size_t bs = CLASS_SIZE(pool->cls);
    uint32_t cap = POOL_CAPACITY(pool->cls);
    for (block_t *b = pool->free, *next; b != NULL; b = next) {
        size_t off = (size_t)((char *)b - (char *)pool);
        if (POOL_OF(b) != pool || off < POOL_HEADER || off >= pool->bump ||
            (off - POOL_HEADER) % bs != 0 || ++n > (intptr_t)cap) {
            return bad + problem("free list leaves its pool", pool);
        }
        ASAN_UNPOISON(b, bs);
#ifdef TPY_MEM_DEBUG
        if (poison_damage(b, bs) < bs) {
            bad += problem("free block written to after its free", b);
        }
#endif
        next = b->next;
        ASAN_POISON(b, bs);
    }
    intptr_t unbumped =
        pool->bump <= pool->limit ? (intptr_t)((pool->limit - pool->bump) / bs + 1) : 0;
    if ((intptr_t)pool->nused + n + unbumped != (intptr_t)cap) {
        bad += problem("pool block counts disagree", pool);
    }
    *nfree_blocks += n;
    return bad;
}

intptr_t tpy_mem_check(void)
{
    intptr_t bad = 0, used = 0, pools = 0, arenas = 0, nfree_blocks = 0;
    for (arena_t *a = all_arenas; a != NULL; a = a->all_next) {
        arenas++;
        if (!in_arena(a->base)) {
            bad += problem("arena missing from the lookup map", a->base);
        }
        uint32_t listed = 0;
        for (pool_t *p = a->freepools; p != NULL; p = p->next) {
            if (p->arena != a || p->nused != 0 || ++listed > POOLS_PER_ARENA) {
                bad += problem("bad free pool list", a->base);
                break;
            }
        }
        if (a->nfree != listed + (POOLS_PER_ARENA - a->nbump)) {
            bad += problem("arena free-pool count disagrees", a->base);
        }
        for (uint32_t i = 0; i < a->nbump; i++) {
            pool_t *pool = (pool_t *)(a->base + (size_t)i * POOL_SIZE);
            if (pool->nused == 0) {
                continue;
            }
            pools++;
            used += pool->nused;
            bad += check_pool(pool, &nfree_blocks);
        }
    }
    for (uint32_t c = 0; c < NCLASSES; c++) {
        for (pool_t *p = usedpools[c]; p != NULL; p = p->next) {
            if (p->cls != c || p->free == NULL || p->nused == 0 ||
                (p->next != NULL && p->next->prev != p)) {
                bad += problem("bad used-pool list", p);
                break;
            }
        }
    }
    if (used != stats.small_blocks) {
        bad += problem("small block count disagrees with the pools", NULL);
    }
    if (pools != stats.pools || arenas != stats.arenas) {
        bad += problem("pool or arena count disagrees", NULL);
    }
    return bad;
}

/* ---- objects ----------------------------------------------------------------- */

tpy_object_t *tpy_obj_new(tpy_type_t *type, size_t size)
{
    tpy_object_t *op = tpy_mem_alloc(size);
    if (op == NULL) {
        return NULL;
    }
    if (size % 8 == 0 && size <= 48) {
        // The usual small object (an int, a float, an iterator): a few word
        // stores after the header instead of a call to memset.
        uint64_t *w = (uint64_t *)op;
        if (size > 16) {
            w[2] = 0;
            if (size > 24) {
                w[3] = 0;
                if (size > 32) {
                    w[4] = 0;
                    if (size > 40) {
                        w[5] = 0;
                    }
                }
            }
        }
    } else {
        memset(op, 0, size);
    }
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
    if ((op->type->tp_flags & (TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_TRASHCAN)) != TPY_TPFLAGS_HAVE_GC) {
        // ints, floats, strs: nothing deep behind them, no depth to keep;
        // tuples, lists, dicts, sets: their tp_dealloc keeps its own depth
        op->type->tp_dealloc(op);
        return;
    }
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
