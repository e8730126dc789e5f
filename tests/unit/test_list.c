/*
 * tests/unit/test_list.c - list: reference ownership, CPython's growth
 * pattern, insertion, slice assignment, repr of self-references, sorting
 * (stability, key=, reverse=, failing comparisons, mutation detection).
 */
#include "tests/unit/support.h"

#include <string.h>

static void list_teardown(void)
{
    tpy_range_fini(); // the cached dead slice is not a leak
    tpy_test_teardown();
}

TestSuite(listobject, .init = tpy_test_setup, .fini = list_teardown);

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

// [0, 1, ..., n-1]
static tpy_object_t *range_list(int n)
{
    tpy_object_t *l = tpy_list_new(0);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(tpy_list_append_steal(l, I(i)), 0);
    }
    return l;
}

Test(listobject, append_takes_its_own_reference)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *x = tpy_str_from_cstr("item");
    intptr_t before = TPY_REFCNT(x);
    cr_assert_eq(tpy_list_append(l, x), 0);
    cr_assert_eq(TPY_REFCNT(x), before + 1);
    cr_assert_eq(TPY_LIST_GET(l, 0), x);
    TPY_DECREF(l);
    cr_assert_eq(TPY_REFCNT(x), before);
    TPY_DECREF(x);
}

Test(listobject, append_steal_keeps_the_reference)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *x = tpy_str_from_cstr("owned");
    TPY_INCREF(x);
    intptr_t before = TPY_REFCNT(x);
    cr_assert_eq(tpy_list_append_steal(l, x), 0);
    cr_assert_eq(TPY_REFCNT(x), before);
    TPY_DECREF(l);
    TPY_DECREF(x);
}

Test(listobject, lists_are_tracked_from_birth)
{
    tpy_object_t *l = tpy_list_new(2);
    cr_assert(tpy_gc_is_tracked(l));
    cr_assert_null(TPY_LIST_GET(l, 0));
    TPY_LIST_ITEMS(l)[0] = I(1);
    TPY_LIST_ITEMS(l)[1] = I(2);
    assert_repr(l, "[1, 2]");
    TPY_DECREF(l);
}

Test(listobject, growth_follows_cpython_over_allocation)
{
    static const intptr_t want[] = {4,  4,  4,  4,  8,  8,  8,  8,  16, 16, 16, 16, 16,
                                    16, 16, 16, 24, 24, 24, 24, 24, 24, 24, 24, 32};
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_eq(((tpy_list_t *)l)->allocated, 0);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        tpy_list_append_steal(l, I((int64_t)i));
        cr_assert_eq(((tpy_list_t *)l)->allocated, want[i], "after %zu appends", i + 1);
    }
    TPY_DECREF(l);
}

Test(listobject, shrinking_reallocates_only_below_half)
{
    tpy_object_t *l = range_list(100);
    tpy_object_t *src = tpy_list_new(0);
    tpy_object_t *exact = tpy_list_new(0);
    tpy_list_extend(exact, l); // exact allocation: 100
    cr_assert_eq(((tpy_list_t *)exact)->allocated, 100);
    for (int i = 0; i < 90; i++) {
        tpy_object_t *r = tpy_object_call_method(exact, "pop", NULL, 0);
        TPY_DECREF(r);
    }
    cr_assert_eq(((tpy_list_t *)exact)->allocated, 16); // sys.getsizeof gives 184
    TPY_DECREF(exact);
    TPY_DECREF(src);
    TPY_DECREF(l);
}

Test(listobject, insert_clamps_the_position)
{
    tpy_object_t *l = range_list(3);
    tpy_object_t *a = I(100), *b = I(-100), *c = I(7);
    tpy_list_insert(l, 100, a);
    tpy_list_insert(l, -100, b);
    tpy_list_insert(l, -1, c);
    assert_repr(l, "[-100, 0, 1, 2, 7, 100]");
    TPY_DECREF(l);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
}

Test(listobject, extending_a_list_with_itself_doubles_it)
{
    tpy_object_t *l = range_list(3);
    cr_assert_eq(tpy_list_extend(l, l), 0);
    assert_repr(l, "[0, 1, 2, 0, 1, 2]");
    TPY_DECREF(l);
}

Test(listobject, pop_hands_over_the_lists_reference)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *x = tpy_str_from_cstr("last");
    tpy_list_append(l, x);
    intptr_t before = TPY_REFCNT(x);
    tpy_object_t *r = tpy_object_call_method(l, "pop", NULL, 0);
    cr_assert_eq(r, x);
    cr_assert_eq(TPY_REFCNT(x), before);
    TPY_DECREF(r);
    r = tpy_object_call_method(l, "pop", NULL, 0);
    cr_assert_null(r);
    assert_error(&tpy_exc_IndexError, "pop from empty list");
    TPY_DECREF(l);
    TPY_DECREF(x);
}

Test(listobject, index_and_assignment_errors_use_cpython_messages)
{
    tpy_object_t *l = range_list(1);
    tpy_object_t *k = I(5), *v = I(0);
    cr_assert_null(tpy_object_getitem(l, k));
    assert_error(&tpy_exc_IndexError, "list index out of range");
    cr_assert_eq(tpy_object_setitem(l, k, v), -1);
    assert_error(&tpy_exc_IndexError, "list assignment index out of range");
    tpy_object_t *x = tpy_str_from_cstr("x");
    tpy_object_t *r = tpy_object_call_method(l, "remove", &x, 1);
    cr_assert_null(r);
    assert_error(&tpy_exc_ValueError, "list.remove(x): x not in list");
    r = tpy_object_call_method(l, "index", &k, 1);
    cr_assert_null(r);
    assert_error(&tpy_exc_ValueError, "5 is not in list");
    TPY_DECREF(x);
    TPY_DECREF(k);
    TPY_DECREF(v);
    TPY_DECREF(l);
}

Test(listobject, extended_slice_assignment_checks_the_size)
{
    tpy_object_t *l = range_list(6);
    tpy_object_t *two = I(2);
    tpy_object_t *sl = tpy_slice_new(NULL, NULL, two);
    tpy_object_t *v = range_list(2);
    cr_assert_eq(tpy_object_setitem(l, sl, v), -1);
    assert_error(&tpy_exc_ValueError,
                 "attempt to assign sequence of size 2 to extended slice of size 3");
    tpy_object_t *v3 = range_list(3);
    cr_assert_eq(tpy_object_setitem(l, sl, v3), 0);
    assert_repr(l, "[0, 1, 1, 3, 2, 5]");
    cr_assert_eq(tpy_object_delitem(l, sl), 0);
    assert_repr(l, "[1, 3, 5]");
    TPY_DECREF(v3);
    TPY_DECREF(v);
    TPY_DECREF(sl);
    TPY_DECREF(two);
    TPY_DECREF(l);
}

Test(listobject, slice_assignment_grows_and_shrinks)
{
    tpy_object_t *l = range_list(5);
    tpy_object_t *lo = I(1), *hi = I(4);
    tpy_object_t *sl = tpy_slice_new(lo, hi, NULL);
    tpy_object_t *empty = tpy_list_new(0);
    cr_assert_eq(tpy_object_setitem(l, sl, empty), 0);
    assert_repr(l, "[0, 4]");
    tpy_object_t *big = range_list(4);
    cr_assert_eq(tpy_object_setitem(l, sl, big), 0);
    assert_repr(l, "[0, 0, 1, 2, 3]");
    tpy_object_t *five = I(5);
    cr_assert_eq(tpy_object_setitem(l, sl, five), -1);
    assert_error(&tpy_exc_TypeError, "can only assign an iterable");
    TPY_DECREF(five);
    TPY_DECREF(big);
    TPY_DECREF(empty);
    TPY_DECREF(sl);
    TPY_DECREF(lo);
    TPY_DECREF(hi);
    TPY_DECREF(l);
}

Test(listobject, repr_of_a_self_referencing_list)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_list_append(l, l);
    assert_repr(l, "[[...]]");
    tpy_list_clear(l); // break the cycle
    assert_repr(l, "[]");
    TPY_DECREF(l);
}

Test(listobject, sort_orders_ints_strs_and_floats)
{
    tpy_object_t *l = tpy_list_new(0);
    int64_t vals[] = {5, -3, 9, 0, 9, 2, -100, 7};
    for (size_t i = 0; i < 8; i++) {
        tpy_list_append_steal(l, I(vals[i]));
    }
    cr_assert_eq(tpy_list_sort(l, NULL, false), 0);
    assert_repr(l, "[-100, -3, 0, 2, 5, 7, 9, 9]");
    cr_assert_eq(tpy_list_sort(l, NULL, true), 0);
    assert_repr(l, "[9, 9, 7, 5, 2, 0, -3, -100]");
    TPY_DECREF(l);
    l = tpy_list_new(0);
    const char *words[] = {"pear", "apple", "", "b", "apples", "\xc3\xa9t\xc3\xa9", "Z"};
    for (size_t i = 0; i < 7; i++) {
        tpy_list_append_steal(l, tpy_str_from_cstr(words[i]));
    }
    cr_assert_eq(tpy_list_sort(l, NULL, false), 0);
    assert_repr(l, "['', 'Z', 'apple', 'apples', 'b', 'pear', '\xc3\xa9t\xc3\xa9']");
    TPY_DECREF(l);
    l = tpy_list_new(0);
    double ds[] = {2.5, -1.0, 0.0, 1e10, -0.5};
    for (size_t i = 0; i < 5; i++) {
        tpy_list_append_steal(l, tpy_float_from_double(ds[i]));
    }
    cr_assert_eq(tpy_list_sort(l, NULL, false), 0);
    assert_repr(l, "[-1.0, -0.5, 0.0, 2.5, 10000000000.0]");
    TPY_DECREF(l);
}

Test(listobject, sort_is_stable_and_reverse_keeps_equal_items_in_order)
{
    // 1, 1.0 and True compare equal: a stable sort keeps their order, and so
    // does reverse=True (CPython reverses, sorts, reverses back).
    tpy_object_t *two = I(2), *one = I(1), *zero = I(0);
    tpy_object_t *onef = tpy_float_from_double(1.0);
    tpy_object_t *items[] = {two, one, onef, tpy_true, zero};
    tpy_object_t *l = tpy_list_new(0);
    for (int i = 0; i < 5; i++) {
        tpy_list_append(l, items[i]);
    }
    cr_assert_eq(tpy_list_sort(l, NULL, false), 0);
    assert_repr(l, "[0, 1, 1.0, True, 2]");
    cr_assert_eq(tpy_list_sort(l, NULL, true), 0);
    assert_repr(l, "[2, 1, 1.0, True, 0]");
    TPY_DECREF(l);
    TPY_DECREF(two);
    TPY_DECREF(one);
    TPY_DECREF(zero);
    TPY_DECREF(onef);
}

Test(listobject, sort_with_a_key_calls_it_once_per_item)
{
    // key=abs via the builtin-free route: int.__neg__ flips the order.
    tpy_object_t *l = range_list(50);
    tpy_object_t *neg = tpy_object_getattr_cstr(TPY_OBJ(&tpy_int_type), "__neg__");
    cr_assert_not_null(neg);
    cr_assert_eq(tpy_list_sort(l, neg, false), 0);
    cr_assert_eq(((tpy_int_t *)TPY_LIST_GET(l, 0))->v, 49);
    cr_assert_eq(((tpy_int_t *)TPY_LIST_GET(l, 49))->v, 0);
    TPY_DECREF(neg);
    TPY_DECREF(l);
}

Test(listobject, failing_comparison_leaves_every_item_in_the_list)
{
    tpy_object_t *l = range_list(100);
    tpy_list_insert(l, 50, tpy_none);
    cr_assert_eq(tpy_list_sort(l, NULL, false), -1);
    tpy_object_t *exc = tpy_err_fetch();
    cr_assert(TPY_TYPE(exc) == &tpy_exc_TypeError);
    TPY_DECREF(exc);
    cr_assert_eq(TPY_LIST_SIZE(l), 101);
    bool seen[100] = {false};
    int nones = 0;
    for (int i = 0; i < 101; i++) {
        tpy_object_t *x = TPY_LIST_GET(l, i);
        if (x == tpy_none) {
            nones++;
        } else {
            int64_t v = ((tpy_int_t *)x)->v;
            cr_assert(!seen[v]);
            seen[v] = true;
        }
    }
    cr_assert_eq(nones, 1);
    TPY_DECREF(l);
}

Test(listobject, reverse_iterator_walks_backwards)
{
    tpy_object_t *l = range_list(3);
    tpy_object_t *it = tpy_list_reversed(l);
    cr_assert(TPY_TYPE(it) == &tpy_listreviter_type);
    int64_t want = 2;
    tpy_object_t *x;
    while ((x = tpy_iter_next(it)) != NULL) {
        cr_assert_eq(((tpy_int_t *)x)->v, want--);
        TPY_DECREF(x);
    }
    cr_assert_eq(want, -1);
    TPY_DECREF(it);
    TPY_DECREF(l);
}

Test(listobject, as_tuple_and_slices_copy_references)
{
    tpy_object_t *l = range_list(4);
    tpy_object_t *t = tpy_list_as_tuple(l);
    assert_repr(t, "(0, 1, 2, 3)");
    tpy_object_t *s = tpy_list_slice(l, 1, 100);
    assert_repr(s, "[1, 2, 3]");
    tpy_object_t *e = tpy_list_slice(l, 3, 1);
    assert_repr(e, "[]");
    TPY_DECREF(e);
    TPY_DECREF(s);
    TPY_DECREF(t);
    TPY_DECREF(l);
}
