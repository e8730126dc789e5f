/*
 * tests/unit/test_tuple.c - tuple: the shared (), tracking, free lists,
 * reference ownership of the constructors, CPython's hash values, repr,
 * comparison, slicing and the sequence helpers shared with list.
 */
#include "tests/unit/support.h"

#include <string.h>

// Slices are cached after death (rangeobject.c): drop the cache before the
// leak check.
static void tuple_teardown(void)
{
    tpy_range_fini();
    tpy_test_teardown();
}

TestSuite(tupleobject, .init = tpy_test_setup, .fini = tuple_teardown);

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

// The message of the pending exception of [type], which is cleared.
static void assert_error(tpy_type_t *type, const char *msg)
{
    tpy_object_t *exc = tpy_err_fetch();
    cr_assert_not_null(exc, "expected %s: %s", type->tp_name, msg);
    cr_assert(TPY_TYPE(exc) == type, "got %s", TPY_TYPE(exc)->tp_name);
    tpy_object_t *s = tpy_exc_str(exc);
    cr_assert_not_null(s);
    cr_assert_str_eq(TPY_STR_DATA(s), msg);
    TPY_DECREF(s);
    TPY_DECREF(exc);
}

Test(tupleobject, empty_tuple_is_one_shared_untracked_object)
{
    tpy_object_t *a = tpy_tuple_new(0);
    tpy_object_t *b = tpy_tuple_from_array(NULL, 0);
    cr_assert_eq(a, b);
    cr_assert_eq(TPY_TUPLE_SIZE(a), 0);
    cr_assert_not(tpy_gc_is_tracked(a));
    assert_repr(a, "()");
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(tupleobject, new_tuples_are_tracked_from_birth)
{
    tpy_object_t *t = tpy_tuple_new(3);
    cr_assert(tpy_gc_is_tracked(t));
    for (int i = 0; i < 3; i++) {
        cr_assert_null(TPY_TUPLE_GET(t, i));
        TPY_TUPLE_ITEMS(t)[i] = I(i);
    }
    TPY_DECREF(t);
}

Test(tupleobject, from_array_takes_its_own_references)
{
    tpy_object_t *x = tpy_str_from_cstr("x");
    intptr_t before = TPY_REFCNT(x);
    tpy_object_t *items[2] = {x, x};
    tpy_object_t *t = tpy_tuple_from_array(items, 2);
    cr_assert_eq(TPY_REFCNT(x), before + 2);
    TPY_DECREF(t);
    cr_assert_eq(TPY_REFCNT(x), before);
    TPY_DECREF(x);
}

Test(tupleobject, from_array_steal_keeps_the_callers_references)
{
    tpy_object_t *x = tpy_str_from_cstr("stolen");
    TPY_INCREF(x);
    intptr_t before = TPY_REFCNT(x);
    tpy_object_t *items[1] = {x};
    tpy_object_t *t = tpy_tuple_from_array_steal(items, 1);
    cr_assert_eq(TPY_REFCNT(x), before);
    TPY_DECREF(t);
    cr_assert_eq(TPY_REFCNT(x), before - 1);
    TPY_DECREF(x);
}

Test(tupleobject, pack_borrows_its_arguments)
{
    tpy_object_t *a = I(1000), *b = I(2000);
    tpy_object_t *t = tpy_tuple_pack(2, a, b);
    cr_assert_eq(TPY_TUPLE_GET(t, 0), a);
    cr_assert_eq(TPY_TUPLE_GET(t, 1), b);
    cr_assert_eq(TPY_REFCNT(a), 2);
    assert_repr(t, "(1000, 2000)");
    TPY_DECREF(t);
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(tupleobject, hash_matches_cpython_for_tuples_of_ints)
{
    tpy_object_t *e = tpy_tuple_new(0);
    cr_assert_eq(tpy_object_hash(e), INT64_C(5740354900026072187));
    TPY_DECREF(e);
    tpy_object_t *one = I(1), *two = I(2), *three = I(3), *m1 = I(-1);
    tpy_object_t *t12 = tpy_tuple_pack(2, one, two);
    tpy_object_t *t123 = tpy_tuple_pack(3, one, two, three);
    tpy_object_t *tm1 = tpy_tuple_pack(1, m1);
    cr_assert_eq(tpy_object_hash(t12), INT64_C(-3550055125485641917));
    cr_assert_eq(tpy_object_hash(t123), INT64_C(529344067295497451));
    cr_assert_eq(tpy_object_hash(tm1), INT64_C(8078679518589016365));
    TPY_DECREF(t12);
    TPY_DECREF(t123);
    TPY_DECREF(tm1);
    TPY_DECREF(one);
    TPY_DECREF(two);
    TPY_DECREF(three);
    TPY_DECREF(m1);
}

Test(tupleobject, hashing_an_unhashable_item_raises_type_error)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *t = tpy_tuple_pack(1, l);
    cr_assert_eq(tpy_object_hash(t), -1);
    assert_error(&tpy_exc_TypeError, "unhashable type: 'list'");
    TPY_DECREF(t);
    TPY_DECREF(l);
}

Test(tupleobject, dead_small_tuples_are_recycled_by_size)
{
    tpy_object_t *a = tpy_tuple_new(2);
    TPY_TUPLE_ITEMS(a)[0] = I(1);
    TPY_TUPLE_ITEMS(a)[1] = I(2);
    tpy_object_t *addr = a;
    TPY_DECREF(a);
    tpy_object_t *b = tpy_tuple_new(2);
    cr_assert_eq(b, addr);
    cr_assert_null(TPY_TUPLE_GET(b, 0));
    cr_assert(tpy_gc_is_tracked(b));
    TPY_DECREF(b);
    intptr_t blocks = tpy_mem_stats().blocks;
    tpy_tuple_fini();
    cr_assert_lt(tpy_mem_stats().blocks, blocks);
}

Test(tupleobject, slicing_the_whole_exact_tuple_returns_it)
{
    tpy_object_t *a = I(1), *b = I(2), *c = I(3);
    tpy_object_t *t = tpy_tuple_pack(3, a, b, c);
    tpy_object_t *s = tpy_tuple_slice(t, -5, 50);
    cr_assert_eq(s, t);
    TPY_DECREF(s);
    s = tpy_tuple_slice(t, 1, 2);
    assert_repr(s, "(2,)");
    TPY_DECREF(s);
    tpy_object_t *sl = tpy_slice_new(NULL, NULL, TPY_OBJ(&tpy_smallints[-1 - TPY_SMALLINT_MIN]));
    s = tpy_object_getitem(t, sl);
    assert_repr(s, "(3, 2, 1)");
    TPY_DECREF(s);
    TPY_DECREF(sl);
    TPY_DECREF(t);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
}

Test(tupleobject, comparison_is_lexicographic)
{
    tpy_object_t *one = I(1), *two = I(2);
    tpy_object_t *a = tpy_tuple_pack(2, one, two);
    tpy_object_t *b = tpy_tuple_pack(3, one, two, one);
    tpy_object_t *c = tpy_tuple_pack(1, two);
    cr_assert_eq(tpy_object_richcompare_bool(a, b, TPY_CMP_LT), 1);
    cr_assert_eq(tpy_object_richcompare_bool(b, c, TPY_CMP_LT), 1);
    cr_assert_eq(tpy_object_richcompare_bool(a, a, TPY_CMP_EQ), 1);
    cr_assert_eq(tpy_object_richcompare_bool(a, b, TPY_CMP_EQ), 0);
    cr_assert_eq(tpy_object_richcompare_bool(c, a, TPY_CMP_GE), 1);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
    TPY_DECREF(one);
    TPY_DECREF(two);
}

Test(tupleobject, repr_guards_against_self_reference)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *t = tpy_tuple_pack(1, l);
    tpy_list_append(l, t);
    assert_repr(t, "([(...)],)");
    assert_repr(l, "[([...],)]");
    tpy_list_clear(l);
    TPY_DECREF(t);
    TPY_DECREF(l);
}

Test(tupleobject, maybe_untrack_only_untracks_tuples_of_atomic_objects)
{
    tpy_object_t *one = I(1);
    tpy_object_t *atomic = tpy_tuple_pack(2, one, tpy_none);
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *holder = tpy_tuple_pack(1, l);
    tpy_object_t *nested = tpy_tuple_pack(1, atomic);
    tpy_tuple_maybe_untrack(atomic);
    tpy_tuple_maybe_untrack(holder);
    cr_assert_not(tpy_gc_is_tracked(atomic));
    cr_assert(tpy_gc_is_tracked(holder));
    // A tuple holding an untracked tuple cannot be in a cycle either.
    tpy_tuple_maybe_untrack(nested);
    cr_assert_not(tpy_gc_is_tracked(nested));
    cr_assert_not(tpy_object_may_be_tracked(atomic));
    cr_assert(tpy_object_may_be_tracked(holder));
    TPY_DECREF(nested);
    TPY_DECREF(holder);
    TPY_DECREF(l);
    TPY_DECREF(atomic);
    TPY_DECREF(one);
}

Test(tupleobject, index_errors_use_cpython_messages)
{
    tpy_object_t *one = I(1);
    tpy_object_t *t = tpy_tuple_pack(1, one);
    tpy_object_t *k = I(5);
    cr_assert_null(tpy_object_getitem(t, k));
    assert_error(&tpy_exc_IndexError, "tuple index out of range");
    tpy_object_t *s = tpy_str_from_cstr("a");
    cr_assert_null(tpy_object_getitem(t, s));
    assert_error(&tpy_exc_TypeError, "tuple indices must be integers or slices, not str");
    tpy_object_t *m = I(-1);
    tpy_object_t *r = tpy_object_getitem(t, m);
    cr_assert_eq(r, one);
    TPY_DECREF(r);
    TPY_DECREF(m);
    TPY_DECREF(s);
    TPY_DECREF(k);
    TPY_DECREF(t);
    TPY_DECREF(one);
}

Test(tupleobject, concatenation_and_repetition)
{
    tpy_object_t *one = I(1), *two = I(2), *three = I(3);
    tpy_object_t *a = tpy_tuple_pack(1, one);
    tpy_object_t *b = tpy_tuple_pack(1, two);
    tpy_object_t *ab = tpy_number_binop(a, b, TPY_BINOP_ADD);
    assert_repr(ab, "(1, 2)");
    tpy_object_t *abab = tpy_number_binop(three, ab, TPY_BINOP_MUL);
    assert_repr(abab, "(1, 2, 1, 2, 1, 2)");
    tpy_object_t *same = tpy_number_binop(a, one, TPY_BINOP_MUL);
    cr_assert_eq(same, a);
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_null(tpy_number_binop(a, l, TPY_BINOP_ADD));
    assert_error(&tpy_exc_TypeError, "can only concatenate tuple (not \"list\") to tuple");
    TPY_DECREF(l);
    TPY_DECREF(same);
    TPY_DECREF(abab);
    TPY_DECREF(ab);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(one);
    TPY_DECREF(two);
    TPY_DECREF(three);
}
