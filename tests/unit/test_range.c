/*
 * tests/unit/test_range.c - range (lengths, indexing, `in`, iteration without
 * allocation) and slice resolution with CPython's clamping rules.
 */
#include "tests/unit/support.h"

static void range_teardown(void)
{
    tpy_range_fini(); // the cached dead slice is not a leak
    tpy_test_teardown();
}

TestSuite(rangeobject, .init = tpy_test_setup, .fini = range_teardown);

static tpy_object_t *I(int64_t v)
{
    tpy_object_t *r = tpy_int_from_i64(v);
    cr_assert_not_null(r);
    return r;
}

static void assert_repr(tpy_object_t *o, const char *want)
{
    tpy_object_t *r = tpy_object_repr(o);
    cr_assert_not_null(r);
    cr_assert_str_eq(TPY_STR_DATA(r), want);
    TPY_DECREF(r);
}

static void assert_error(tpy_type_t *type, const char *msg)
{
    tpy_object_t *exc = tpy_err_fetch();
    cr_assert_not_null(exc, "expected %s: %s", type->tp_name, msg);
    cr_assert(TPY_TYPE(exc) == type, "got %s", TPY_TYPE(exc)->tp_name);
    tpy_object_t *s = tpy_exc_str(exc);
    cr_assert_str_eq(TPY_STR_DATA(s), msg);
    TPY_DECREF(s);
    TPY_DECREF(exc);
}

Test(rangeobject, length_is_computed_without_overflow)
{
    struct {
        int64_t start, stop, step, len;
    } cases[] = {
        {0, 10, 1, 10},
        {0, 10, 3, 4},
        {10, 0, -3, 4},
        {5, 1, 1, 0},
        {0, 0, 1, 0},
        {INT64_MIN, INT64_MAX, INT64_MAX, 3},
        {INT64_MAX, INT64_MIN, INT64_MIN, 2},
        {-10, 10, 7, 3},
        {INT64_MAX - 1, INT64_MAX, 1, 1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tpy_object_t *r = tpy_range_new(cases[i].start, cases[i].stop, cases[i].step);
        cr_assert_not_null(r);
        cr_assert_eq(((tpy_range_t *)r)->len, cases[i].len, "case %zu", i);
        TPY_DECREF(r);
    }
    cr_assert_null(tpy_range_new(INT64_MIN, INT64_MAX, 1));
    tpy_err_clear();
    cr_assert_null(tpy_range_new(0, 1, 0));
    assert_error(&tpy_exc_ValueError, "range() arg 3 must not be zero");
}

Test(rangeobject, iterating_small_ints_allocates_nothing)
{
    tpy_object_t *r = tpy_range_new(-5, 257, 1);
    tpy_object_t *it = tpy_object_getiter(r);
    intptr_t blocks = tpy_mem_stats().blocks;
    int64_t want = -5;
    tpy_object_t *x;
    while ((x = TPY_TYPE(it)->tp_iternext(it)) != NULL) {
        cr_assert_eq(x, TPY_OBJ(&tpy_smallints[want - TPY_SMALLINT_MIN]));
        want++;
        TPY_DECREF(x);
    }
    cr_assert_eq(want, 257);
    cr_assert_eq(tpy_mem_stats().blocks, blocks);
    TPY_DECREF(it);
    TPY_DECREF(r);
}

Test(rangeobject, reversed_iterates_from_the_last_item)
{
    tpy_object_t *r = tpy_range_new(1, 10, 3);
    tpy_object_t *it = tpy_range_reversed(r);
    int64_t want[] = {7, 4, 1};
    for (int i = 0; i < 3; i++) {
        tpy_object_t *x = tpy_iter_next(it);
        cr_assert_eq(((tpy_int_t *)x)->v, want[i]);
        TPY_DECREF(x);
    }
    cr_assert_null(tpy_iter_next(it));
    cr_assert_null(tpy_err_occurred());
    TPY_DECREF(it);
    TPY_DECREF(r);
}

Test(rangeobject, contains_is_arithmetic_for_ints)
{
    tpy_object_t *r = tpy_range_new(3, 30, 4);
    int64_t in[] = {3, 7, 27}, out[] = {0, 4, 30, 31, -1};
    for (int i = 0; i < 3; i++) {
        tpy_object_t *x = I(in[i]);
        cr_assert_eq(tpy_object_contains(r, x), 1);
        TPY_DECREF(x);
    }
    for (int i = 0; i < 5; i++) {
        tpy_object_t *x = I(out[i]);
        cr_assert_eq(tpy_object_contains(r, x), 0);
        TPY_DECREF(x);
    }
    TPY_DECREF(r);
}

Test(rangeobject, indexing_and_slicing)
{
    tpy_object_t *r = tpy_range_new(0, 10, 1);
    tpy_object_t *m1 = I(-1);
    tpy_object_t *x = tpy_object_getitem(r, m1);
    cr_assert_eq(((tpy_int_t *)x)->v, 9);
    TPY_DECREF(x);
    tpy_object_t *sl = tpy_slice_new(NULL, NULL, m1);
    x = tpy_object_getitem(r, sl);
    assert_repr(x, "range(9, -1, -1)");
    TPY_DECREF(x);
    tpy_object_t *big = I(10);
    cr_assert_null(tpy_object_getitem(r, big));
    assert_error(&tpy_exc_IndexError, "range object index out of range");
    TPY_DECREF(big);
    TPY_DECREF(sl);
    TPY_DECREF(m1);
    TPY_DECREF(r);
}

Test(rangeobject, equal_ranges_hash_equal)
{
    tpy_object_t *a = tpy_range_new(0, 3, 2), *b = tpy_range_new(0, 4, 2);
    cr_assert_eq(tpy_object_richcompare_bool(a, b, TPY_CMP_EQ), 1);
    cr_assert_eq(tpy_object_hash(a), tpy_object_hash(b));
    tpy_object_t *e1 = tpy_range_new(5, 5, 1), *e2 = tpy_range_new(9, 0, 3);
    cr_assert_eq(tpy_object_richcompare_bool(e1, e2, TPY_CMP_EQ), 1);
    cr_assert_eq(tpy_object_hash(e1), tpy_object_hash(e2));
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(e1);
    TPY_DECREF(e2);
}

// Resolve slice(start, stop, step) (INT64_MIN = None) against [len].
static intptr_t unpack(int64_t start, int64_t stop, int64_t step, intptr_t len, intptr_t out[3])
{
    tpy_object_t *o[3] = {NULL, NULL, NULL};
    int64_t v[3] = {start, stop, step};
    for (int i = 0; i < 3; i++) {
        if (v[i] != INT64_MIN) {
            o[i] = I(v[i]);
        }
    }
    tpy_object_t *sl = tpy_slice_new(o[0], o[1], o[2]);
    intptr_t n = tpy_slice_unpack(sl, len, &out[0], &out[1], &out[2]);
    TPY_DECREF(sl);
    for (int i = 0; i < 3; i++) {
        TPY_XDECREF(o[i]);
    }
    return n;
}

Test(rangeobject, slice_unpack_clamps_like_cpython)
{
    const int64_t N = INT64_MIN; // None
    intptr_t r[3];
    cr_assert_eq(unpack(N, N, N, 10, r), 10);
    cr_assert(r[0] == 0 && r[1] == 10 && r[2] == 1);
    cr_assert_eq(unpack(N, N, -1, 10, r), 10);
    cr_assert(r[0] == 9 && r[1] == -1 && r[2] == -1);
    cr_assert_eq(unpack(-100, 100, -1, 10, r), 0);
    cr_assert(r[0] == -1 && r[1] == 9);
    cr_assert_eq(unpack(1, 10, 2, 5, r), 2);
    cr_assert(r[0] == 1 && r[1] == 5 && r[2] == 2);
    cr_assert_eq(unpack(-3, N, N, 5, r), 3);
    cr_assert_eq(r[0], 2);
    cr_assert_eq(unpack(8, 2, -2, 10, r), 3);
    cr_assert_eq(unpack(N, N, 0, 10, r), -1);
    assert_error(&tpy_exc_ValueError, "slice step cannot be zero");
}

Test(rangeobject, slice_bounds_must_be_indexes)
{
    tpy_object_t *s = tpy_str_from_cstr("a");
    tpy_object_t *sl = tpy_slice_new(s, NULL, NULL);
    intptr_t a, b, c;
    cr_assert_eq(tpy_slice_unpack(sl, 3, &a, &b, &c), -1);
    assert_error(&tpy_exc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
    intptr_t start = 0, stop = 5;
    cr_assert_eq(tpy_slice_index_bounds(&s, 1, 5, &start, &stop), -1);
    assert_error(&tpy_exc_TypeError, "slice indices must be integers or have an __index__ method");
    tpy_object_t *bounds[2] = {I(-2), I(100)};
    cr_assert_eq(tpy_slice_index_bounds(bounds, 2, 5, &start, &stop), 0);
    cr_assert(start == 3 && stop == 5);
    assert_repr(sl, "slice('a', None, None)");
    TPY_DECREF(bounds[0]);
    TPY_DECREF(bounds[1]);
    TPY_DECREF(sl);
    TPY_DECREF(s);
}
