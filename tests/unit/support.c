/*
 * tests/unit/support.c - the runtime fixture of tests/unit/support.h.
 *
 * Invariant checked after every test: the number of live allocator blocks and
 * (with TPY_REF_DEBUG) the reference total are what they were before the test
 * body ran, once a full collection has freed the test's cyclic garbage.  Free lists are emptied before every reading so that an object
 * parked on one does not look like a leak.
 */
#include "tests/unit/support.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static tpy_test_balance_t baseline;

// Give back memory that the runtime keeps only as a cache.
static void drain_free_lists(void)
{
    tpy_int_fini();
    tpy_float_fini();
    tpy_tuple_fini();
    tpy_type_cache_clear(); // the attribute cache holds references to names
    tpy_range_fini();       // one dead slice is kept for reuse
}

static tpy_test_balance_t current_state(void)
{
    // garbage in reference cycles is the collector's to free, not a leak
    tpy_gc_collect(TPY_GC_NGEN - 1);
    drain_free_lists();
    tpy_test_balance_t now = {.blocks = tpy_mem_stats().blocks, .refs = 0};
#ifdef TPY_REF_DEBUG
    now.refs = tpy_ref_total;
#endif
    return now;
}

void tpy_test_reset_baseline(void)
{
    baseline = current_state();
}

tpy_test_balance_t tpy_test_balance(void)
{
    tpy_test_balance_t now = current_state();
    return (tpy_test_balance_t){
        .blocks = now.blocks - baseline.blocks,
        .refs = now.refs - baseline.refs,
    };
}

void tpy_test_setup(void)
{
    static bool initialized;
    if (!initialized) {
        if (tpy_runtime_init() < 0) {
            cr_assert_fail("tpy_runtime_init() failed");
        }
        initialized = true;
    }
    tpy_test_reset_baseline();
}

static const char *test_name(void)
{
    return criterion_current_test != NULL ? criterion_current_test->name : "?";
}

static const char *suite_name(void)
{
    return criterion_current_suite != NULL ? criterion_current_suite->name : "?";
}

void tpy_test_teardown(void)
{
    bool failed = false;
    if (tpy_err_occurred() != NULL) {
        fprintf(stderr, "[LEAK] %s::%s: the test left an exception set\n", suite_name(),
                test_name());
        tpy_err_clear();
        failed = true;
    }
    tpy_test_balance_t moved = tpy_test_balance();
    if (moved.blocks != 0 || moved.refs != 0) {
        fprintf(stderr,
                "[LEAK] %s::%s: live blocks moved by %+ld, reference total by %+ld "
                "(must both be 0)\n",
                suite_name(), test_name(), (long)moved.blocks, (long)moved.refs);
        failed = true;
    }
    if (failed) {
        fflush(stderr);
        abort(); // Criterion 2.4.1 ignores failed assertions in .fini
    }
}
