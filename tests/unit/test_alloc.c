/*
 * tests/unit/test_alloc.c - the size-class allocator (gc/alloc.c) on its own:
 * reuse order, fragmentation, arenas going back to the OS, exact counters,
 * realloc across size classes and into malloc, and the debug builds' checks
 * (poisoned free blocks, sizes on free, failure injection).
 *
 * The allocator needs no runtime, so the `alloc` tests use plain Test()
 * without the runtime fixture; each balances its own blocks and checks the
 * counters.  The `mem_limits` suite at the end runs with the runtime.
 * Criterion runs every test in its own process, so what one test leaves in
 * the allocator (a spare arena, a failure countdown) cannot reach another.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "tests/unit/support.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define POOL_OF(p) ((uintptr_t)(p) & ~(uintptr_t)(TPY_MEM_POOL_SIZE - 1))

static void *must_alloc(size_t size)
{
    void *p = tpy_mem_alloc(size);
    cr_assert_not_null(p, "tpy_mem_alloc(%zu) failed", size);
    return p;
}

Test(alloc, the_block_freed_last_is_handed_out_first)
{
    // Allocate until the four newest blocks share a pool: the pool their
    // class allocates from.  The oldest of them keeps the pool in use; the
    // other three, freed in order, come back in reverse.
    enum { MAX = 1000 };
    static void *blocks[MAX];
    int n = 0;
    while (n < 4 || POOL_OF(blocks[n - 1]) != POOL_OF(blocks[n - 4]) ||
           POOL_OF(blocks[n - 2]) != POOL_OF(blocks[n - 4]) ||
           POOL_OF(blocks[n - 3]) != POOL_OF(blocks[n - 4])) {
        cr_assert_lt(n, MAX);
        blocks[n++] = must_alloc(40);
    }
    void *picked[3] = {blocks[n - 3], blocks[n - 2], blocks[n - 1]};
    for (int i = 0; i < 3; i++) {
        tpy_mem_free(picked[i], 40);
    }
    void *back[3];
    for (int i = 0; i < 3; i++) {
        back[i] = must_alloc(40);
    }
    cr_assert_eq(back[0], picked[2], "reuse is last freed, first handed out");
    cr_assert_eq(back[1], picked[1]);
    cr_assert_eq(back[2], picked[0]);
    for (int i = 0; i < n; i++) {
        tpy_mem_free(blocks[i], 40);
    }
    cr_assert_eq(tpy_mem_check(), 0);
}

Test(alloc, sizes_in_one_eight_byte_step_share_a_class)
{
    cr_assert_eq(tpy_mem_block_size(1), 8);
    cr_assert_eq(tpy_mem_block_size(8), 8);
    cr_assert_eq(tpy_mem_block_size(9), 16);
    cr_assert_eq(tpy_mem_block_size(24), 24, "an int costs exactly 24 bytes");
    cr_assert_eq(tpy_mem_block_size(41), 48);
    cr_assert_eq(tpy_mem_block_size(512), 512);
    cr_assert_eq(tpy_mem_block_size(513), 513, "past 512 bytes: malloc, exact size");
}

Test(alloc, counters_are_exact)
{
    tpy_mem_stats_t s0 = tpy_mem_stats();
    void *small = must_alloc(24);
    void *large = must_alloc(1000);
    tpy_mem_stats_t s1 = tpy_mem_stats();
    cr_assert_eq(s1.blocks, s0.blocks + 2);
    cr_assert_eq(s1.small_blocks, s0.small_blocks + 1);
    cr_assert_eq(s1.bytes, s0.bytes + 1024);
    small = tpy_mem_realloc(small, 24, 20); // same class: bytes follow the request
    cr_assert_not_null(small);
    cr_assert_eq(tpy_mem_stats().bytes, s0.bytes + 1020);
    tpy_mem_free(large, 1000);
    tpy_mem_free(small, 20);
    tpy_mem_stats_t s2 = tpy_mem_stats();
    cr_assert_eq(s2.blocks, s0.blocks);
    cr_assert_eq(s2.small_blocks, s0.small_blocks);
    cr_assert_eq(s2.bytes, s0.bytes);
    tpy_mem_free(NULL, 24); // freeing NULL is allowed and counts nothing
    cr_assert_eq(tpy_mem_stats().blocks, s0.blocks);
}

static int by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (void *const *)a, y = (uintptr_t) * (void *const *)b;
    return x < y ? -1 : x > y;
}

Test(alloc, refilling_the_holes_of_a_fragmented_class_takes_no_new_memory)
{
    enum { N = 20000 };
    static void *blocks[N], *holes[N / 2], *refill[N / 2];
    for (int i = 0; i < N; i++) {
        blocks[i] = must_alloc(24);
    }
    tpy_mem_stats_t full = tpy_mem_stats();
    for (int i = 0; i < N; i += 2) {
        holes[i / 2] = blocks[i];
        tpy_mem_free(blocks[i], 24);
    }
    cr_assert_eq(tpy_mem_stats().pools, full.pools, "no pool is empty: none is released");
    for (int i = 0; i < N; i += 2) {
        blocks[i] = refill[i / 2] = must_alloc(24);
    }
    tpy_mem_stats_t again = tpy_mem_stats();
    cr_assert_eq(again.pools, full.pools, "no new pool");
    cr_assert_eq(again.arenas, full.arenas);
    cr_assert_eq(again.blocks, full.blocks);
    qsort(holes, N / 2, sizeof(void *), by_address);
    qsort(refill, N / 2, sizeof(void *), by_address);
    cr_assert_eq(memcmp(holes, refill, sizeof holes), 0, "exactly the holes were reused");
    cr_assert_eq(tpy_mem_check(), 0);
    for (int i = 0; i < N; i++) {
        tpy_mem_free(blocks[i], 24);
    }
    cr_assert_eq(tpy_mem_check(), 0);
}

Test(alloc, arenas_whose_blocks_are_all_free_go_back_to_the_os)
{
    enum { N = 4 * (1 << 20) / 64 }; // 4 MiB of 64-byte blocks
    static void *blocks[N];
    tpy_mem_trim();
    tpy_mem_stats_t before = tpy_mem_stats();
    for (int i = 0; i < N; i++) {
        blocks[i] = must_alloc(64);
    }
    tpy_mem_stats_t during = tpy_mem_stats();
    cr_assert_geq(during.arenas, before.arenas + 3);
    for (int i = 0; i < N; i++) {
        tpy_mem_free(blocks[i], 64);
    }
    tpy_mem_stats_t after = tpy_mem_stats();
    cr_assert_leq(after.arenas, before.arenas + 1, "at most one empty arena is kept");
    cr_assert_geq(after.arenas_unmapped, before.arenas_unmapped + 2);
    tpy_mem_trim();
    cr_assert_eq(tpy_mem_stats().arenas, before.arenas);
    cr_assert_eq(tpy_mem_check(), 0);
}

Test(alloc, an_allocate_free_loop_at_an_arena_boundary_does_not_thrash)
{
    // Fill memory with 512-byte blocks until one needs a fresh arena, then
    // free and allocate that block over and over: the emptied arena is kept.
    enum { MAX = 8 * (1 << 20) / 512 };
    static void *blocks[MAX];
    tpy_mem_trim();
    intptr_t mapped = tpy_mem_stats().arenas_mapped;
    int n = 0;
    while (n < MAX) {
        blocks[n++] = must_alloc(512);
        if (tpy_mem_stats().arenas_mapped > mapped) {
            break;
        }
    }
    cr_assert_lt(n, MAX, "a new arena was needed");
    tpy_mem_stats_t s = tpy_mem_stats();
    for (int i = 0; i < 1000; i++) {
        tpy_mem_free(blocks[n - 1], 512);
        blocks[n - 1] = must_alloc(512);
    }
    cr_assert_eq(tpy_mem_stats().arenas_mapped, s.arenas_mapped);
    cr_assert_eq(tpy_mem_stats().arenas_unmapped, s.arenas_unmapped);
    for (int i = 0; i < n; i++) {
        tpy_mem_free(blocks[i], 512);
    }
    cr_assert_eq(tpy_mem_check(), 0);
}

Test(alloc, new_pools_come_from_the_fullest_arena)
{
    // Fill two arenas and more with 256-byte blocks.  Then empty a quarter of
    // the pools of the first arena (keeping one block in each other pool) and
    // all but one block of the second: a new pool must be carved in the
    // first arena, the fuller one, so that the second can drain.
    enum { PER_POOL = (TPY_MEM_POOL_SIZE - 64) / 256, N = 2 * 64 * PER_POOL + 256 };
    static void *blocks[N];
    for (int i = 0; i < N; i++) {
        blocks[i] = must_alloc(256);
    }
    uintptr_t arena_mask = ~(uintptr_t)(TPY_MEM_ARENA_SIZE - 1);
    uintptr_t first = (uintptr_t)blocks[N / 4] & arena_mask;
    uintptr_t second = (uintptr_t)blocks[3 * N / 4] & arena_mask;
    cr_assert_neq(first, second);
    static bool pool_kept[64];
    bool second_kept = false;
    for (int i = 0; i < N; i++) {
        uintptr_t a = (uintptr_t)blocks[i] & arena_mask;
        bool keep = a != first && a != second;
        if (a == first) {
            size_t pool = (POOL_OF(blocks[i]) - first) / TPY_MEM_POOL_SIZE;
            keep = pool % 4 != 0 && !pool_kept[pool];
            pool_kept[pool] |= keep;
        } else if (a == second) {
            keep = !second_kept;
            second_kept = true;
        }
        if (!keep) {
            tpy_mem_free(blocks[i], 256);
            blocks[i] = NULL;
        }
    }
    // A class never used yet needs a new pool.
    void *p = must_alloc(8 * 61);
    cr_assert_eq((uintptr_t)p & arena_mask, first);
    tpy_mem_free(p, 8 * 61);
    for (int i = 0; i < N; i++) {
        tpy_mem_free(blocks[i], 256);
    }
    cr_assert_eq(tpy_mem_check(), 0);
}

Test(alloc, realloc_moves_across_classes_and_into_malloc_keeping_the_bytes)
{
    unsigned char *p = must_alloc(16);
    for (int i = 0; i < 16; i++) {
        p[i] = (unsigned char)i;
    }
    unsigned char *q = tpy_mem_realloc(p, 16, 100);
    cr_assert_not_null(q);
    cr_assert_neq(q, p, "16 and 100 bytes are different classes");
    for (int i = 16; i < 100; i++) {
        q[i] = (unsigned char)i;
    }
    cr_assert_eq(tpy_mem_realloc(q, 100, 104), q, "same class: the block stays");
    p = tpy_mem_realloc(q, 104, 5000);
    cr_assert_not_null(p);
    for (int i = 0; i < 100; i++) {
        cr_assert_eq(p[i], (unsigned char)i);
    }
    memset(p + 100, 0x5A, 4900);
    p = tpy_mem_realloc(p, 5000, 90000); // large to large: realloc
    cr_assert_not_null(p);
    cr_assert_eq(p[4999], 0x5A);
    p = tpy_mem_realloc(p, 90000, 20); // back into a size class
    cr_assert_not_null(p);
    for (int i = 0; i < 20; i++) {
        cr_assert_eq(p[i], (unsigned char)i);
    }
    tpy_mem_free(p, 20);
    void *fresh = tpy_mem_realloc(NULL, 0, 48); // NULL allocates
    cr_assert_not_null(fresh);
    tpy_mem_free(fresh, 48);
    cr_assert_eq(tpy_mem_check(), 0);
}

Test(alloc, large_blocks_and_zero_bytes_go_to_malloc)
{
    tpy_mem_stats_t s0 = tpy_mem_stats();
    void *big = must_alloc(1 << 20);
    void *zero = must_alloc(0);
    memset(big, 1, 1 << 20);
    tpy_mem_stats_t s1 = tpy_mem_stats();
    cr_assert_eq(s1.blocks, s0.blocks + 2);
    cr_assert_eq(s1.small_blocks, s0.small_blocks);
    tpy_mem_free(zero, 0);
    tpy_mem_free(big, 1 << 20);
    cr_assert_eq(tpy_mem_stats().blocks, s0.blocks);
}

Test(alloc, a_freed_block_of_a_few_megabytes_is_reused_by_the_next_big_request)
{
    // A loop that builds and drops a big list must not map and unmap it at
    // every turn: the last freed block of 1..8 MiB serves the next request
    // it can hold at least half used.
    char *a = must_alloc(3 << 20);
    tpy_mem_free(a, 3 << 20);
    char *b = must_alloc(2 << 20);
    cr_assert_eq(b, a);
    tpy_mem_free(b, 2 << 20);
    char *c = must_alloc(512 << 10); // less than half of it: not reused
    cr_assert_neq(c, b);
    tpy_mem_free(c, 512 << 10);
    tpy_mem_trim(); // gives it back
}

Test(alloc, a_random_workload_keeps_every_invariant)
{
    enum { SLOTS = 4096 };
    static void *blocks[SLOTS];
    static size_t sizes[SLOTS];
    uint32_t seed = 12345;
    tpy_mem_stats_t s0 = tpy_mem_stats();
    for (int step = 0; step < 200000; step++) {
        seed = seed * 1103515245u + 12345u;
        int i = (int)((seed >> 8) % SLOTS);
        if (blocks[i] != NULL) {
            if ((seed >> 4) & 1) {
                tpy_mem_free(blocks[i], sizes[i]);
                blocks[i] = NULL;
            } else {
                size_t ns = (seed >> 12) % 700;
                void *q = tpy_mem_realloc(blocks[i], sizes[i], ns);
                cr_assert_not_null(q);
                blocks[i] = q;
                sizes[i] = ns;
            }
        } else {
            sizes[i] = (seed >> 12) % 600;
            blocks[i] = must_alloc(sizes[i]);
        }
        if (step % 50000 == 0) {
            cr_assert_eq(tpy_mem_check(), 0);
        }
    }
    for (int i = 0; i < SLOTS; i++) {
        tpy_mem_free(blocks[i], sizes[i]);
    }
    cr_assert_eq(tpy_mem_check(), 0);
    cr_assert_eq(tpy_mem_stats().blocks, s0.blocks);
    cr_assert_eq(tpy_mem_stats().bytes, s0.bytes);
}

#ifdef TPY_MEM_DEBUG

Test(alloc, failure_injection_fails_the_chosen_allocations)
{
    tpy_mem_fail_after(3, 0);
    void *a = tpy_mem_alloc(24), *b = tpy_mem_alloc(24);
    cr_assert_not_null(a);
    cr_assert_not_null(b);
    cr_assert_null(tpy_mem_alloc(24), "the third allocation fails");
    void *c = tpy_mem_alloc(24);
    cr_assert_not_null(c, "only once without `every`");
    tpy_mem_fail_after(2, 2);
    void *d = tpy_mem_alloc(1000);
    cr_assert_not_null(d);
    cr_assert_null(tpy_mem_realloc(d, 1000, 2000), "realloc counts as an allocation");
    cr_assert_not_null(d = tpy_mem_realloc(d, 1000, 2000));
    cr_assert_null(tpy_mem_alloc(8));
    tpy_mem_fail_after(0, 0);
    tpy_mem_free(d, 2000);
    tpy_mem_free(c, 24);
    tpy_mem_free(b, 24);
    tpy_mem_free(a, 24);
}

#ifndef UNDER_ASAN
// A write into a freed block damages its poison: the check finds it (and a
// hand-out of that block would abort, tested below).
Test(alloc, a_write_after_free_is_detected_by_the_check)
{
    unsigned char *p = must_alloc(48);
    void *keep = must_alloc(48); // keeps the pool in use
    tpy_mem_free(p, 48);
    cr_assert_eq(tpy_mem_check(), 0);
    unsigned char saved = p[20];
    p[20] = 7;
    cr_assert_eq(tpy_mem_check(), 1);
    p[20] = saved;
    cr_assert_eq(tpy_mem_check(), 0);
    tpy_mem_free(keep, 48);
}

Test(alloc, handing_out_a_block_written_after_its_free_aborts, .signal = SIGABRT)
{
    unsigned char *p = must_alloc(48);
    void *keep = must_alloc(48);
    tpy_mem_free(p, 48);
    p[30] = 1;
    tpy_mem_alloc(48); // the same block comes back: its poison is damaged
    (void)keep;
}

Test(alloc, freeing_with_the_size_of_another_class_aborts, .signal = SIGABRT)
{
    void *p = must_alloc(48);
    tpy_mem_free(p, 64);
}

Test(alloc, freeing_a_small_block_as_a_large_one_aborts, .signal = SIGABRT)
{
    void *p = must_alloc(48);
    tpy_mem_free(p, 4096);
}

Test(alloc, freeing_a_block_twice_aborts, .signal = SIGABRT)
{
    void *p = must_alloc(48);
    void *keep = must_alloc(48);
    tpy_mem_free(p, 48);
    tpy_mem_free(p, 48);
    (void)keep;
}
#endif

Test(alloc, a_block_handed_out_is_filled_so_reading_it_is_visible)
{
    unsigned char *p = must_alloc(32);
    for (int i = 0; i < 32; i++) {
        cr_assert_eq(p[i], 0xCB);
    }
    tpy_mem_free(p, 32);
}

#endif

/* ---- limits: huge results fail at once -------------------------------------
 * Powers with results of terabytes raise MemoryError before computing
 * anything (CPython 3.11 grinds on for minutes, so no golden test can hold
 * these), and the runtime stays usable. */

TPY_TEST_SUITE(mem_limits);

static void expect_memory_error(int64_t base, int64_t exp, int op)
{
    tpy_object_t *a = tpy_int_from_i64(base), *b = tpy_int_from_i64(exp);
    cr_assert_not_null(a);
    cr_assert_not_null(b);
    tpy_object_t *r = tpy_number_binop(a, b, op);
    cr_assert_null(r, "%lld op %lld should fail", (long long)base, (long long)exp);
    cr_assert(tpy_err_matches(&tpy_exc_MemoryError));
    tpy_err_clear();
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(mem_limits, a_power_of_terabytes_raises_memory_error_at_once)
{
    expect_memory_error(2, 1000000000000, TPY_BINOP_POW);
    expect_memory_error(10, 1000000000000, TPY_BINOP_POW);
    expect_memory_error(-7, INT64_MAX, TPY_BINOP_POW);
    expect_memory_error(1, 1000000000000, TPY_BINOP_LSHIFT);
    // The runtime still computes.
    tpy_object_t *a = tpy_int_from_i64(3), *b = tpy_int_from_i64(40);
    tpy_object_t *r = tpy_number_binop(a, b, TPY_BINOP_POW);
    cr_assert_not_null(r);
    TPY_DECREF(r);
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(mem_limits, a_power_of_one_or_zero_is_no_memory_problem)
{
    tpy_object_t *one = tpy_int_from_i64(1), *zero = tpy_int_from_i64(0);
    tpy_object_t *huge = tpy_int_from_i64(INT64_MAX);
    tpy_object_t *r1 = tpy_number_binop(one, huge, TPY_BINOP_POW);
    tpy_object_t *r0 = tpy_number_binop(zero, huge, TPY_BINOP_POW);
    cr_assert_not_null(r1);
    cr_assert_not_null(r0);
    cr_assert_eq(tpy_int_as_i64(r1), 1);
    cr_assert_eq(tpy_int_as_i64(r0), 0);
    TPY_DECREF(r1);
    TPY_DECREF(r0);
    TPY_DECREF(one);
    TPY_DECREF(zero);
    TPY_DECREF(huge);
}
