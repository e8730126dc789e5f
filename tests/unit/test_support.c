/*
 * tests/unit/test_support.c - tests of the unit-test fixture itself
 * (tests/unit/support.h): the runtime is up when a test body runs, and the
 * balance it checks after every test sees a leaked block and a leaked
 * reference, and does not mistake free-listed objects for leaks.
 *
 * That teardown really fails a leaking test cannot be written as a passing
 * Criterion test (2.4.1 has no "expected teardown failure"); build with
 * -DTPY_TEST_SELFCHECK_LEAK to get one test that must be reported as leaking.
 */
#include "tests/unit/support.h"

TPY_TEST_SUITE(support);

Test(support, a_test_starts_balanced)
{
    tpy_test_balance_t b = tpy_test_balance();
    cr_assert_eq(b.blocks, 0);
    cr_assert_eq(b.refs, 0);
}

Test(support, the_runtime_is_ready_in_the_test_body)
{
    tpy_object_t *list = tpy_list_new(0);
    cr_assert_not_null(list);
    tpy_object_t *item = tpy_int_from_i64(1000);
    cr_assert_not_null(item);
    cr_assert_eq(tpy_list_append_steal(list, item), 0);
    TPY_DECREF(list);
}

Test(support, balance_counts_a_block_still_allocated)
{
    void *p = tpy_mem_alloc(24);
    cr_assert_not_null(p);
    cr_assert_eq(tpy_test_balance().blocks, 1);
    tpy_mem_free(p, 24);
    cr_assert_eq(tpy_test_balance().blocks, 0);
}

Test(support, balance_counts_a_reference_still_held)
{
    TPY_INCREF(tpy_none);
#ifdef TPY_REF_DEBUG
    cr_assert_eq(tpy_test_balance().refs, 1);
#else
    cr_assert_eq(tpy_test_balance().refs, 0, "the ref total only exists with TPY_REF_DEBUG");
#endif
    TPY_DECREF(tpy_none);
    cr_assert_eq(tpy_test_balance().refs, 0);
}

Test(support, balance_counts_a_live_object)
{
    tpy_object_t *list = tpy_list_new(0);
    cr_assert_not_null(list);
    tpy_test_balance_t b = tpy_test_balance();
    cr_assert_gt(b.blocks, 0);
#ifdef TPY_REF_DEBUG
    cr_assert_eq(b.refs, 1);
#endif
    TPY_DECREF(list);
    b = tpy_test_balance();
    cr_assert_eq(b.blocks, 0);
    cr_assert_eq(b.refs, 0);
}

Test(support, free_listed_objects_are_not_leaks)
{
    for (int i = 0; i < 100; i++) {
        tpy_object_t *f = tpy_float_from_double(i + 0.5);
        cr_assert_not_null(f);
        TPY_DECREF(f);
        tpy_object_t *n = tpy_int_from_i64(1000000 + i);
        cr_assert_not_null(n);
        TPY_DECREF(n);
    }
    tpy_test_balance_t b = tpy_test_balance();
    cr_assert_eq(b.blocks, 0);
    cr_assert_eq(b.refs, 0);
}

Test(support, reset_baseline_accepts_state_kept_on_purpose)
{
    void *p = tpy_mem_alloc(8);
    cr_assert_not_null(p);
    tpy_test_reset_baseline();
    cr_assert_eq(tpy_test_balance().blocks, 0);
    tpy_mem_free(p, 8);
    cr_assert_eq(tpy_test_balance().blocks, -1);
    tpy_test_reset_baseline(); // balanced again for the teardown check
}

Test(support, an_exception_set_and_cleared_is_not_a_leak)
{
    tpy_object_t *r = tpy_err_format(&tpy_exc_ValueError, "boom %d", 42);
    cr_assert_null(r);
    cr_assert_not_null(tpy_err_occurred());
    tpy_err_clear();
    cr_assert_null(tpy_err_occurred());
}

#ifdef TPY_TEST_SELFCHECK_LEAK
// Must be reported as "[LEAK] support::a_leaking_test_fails ..." and make the
// run fail.  Not built normally.
Test(support, a_leaking_test_fails)
{
    tpy_object_t *list = tpy_list_new(0);
    cr_assert_not_null(list);
}
#endif
