/*
 * tests/unit/test_dict.c - dict: insertion order with holes, str fast path,
 * growth and CPython's sizes, GC tracking rule, popitem, merge/update, views.
 */
#include "tests/unit/support.h"
#include "runtime/setobject.h"

#include <string.h>

static void dict_setup(void)
{
    tpy_test_setup();
    tpy_set_init(); // views build sets; idempotent once runtime.c calls it
    tpy_test_reset_baseline();
}

TestSuite(dictobject, .init = dict_setup, .fini = tpy_test_teardown);

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

static void set_ii(tpy_object_t *d, int64_t k, int64_t v)
{
    tpy_object_t *key = I(k), *val = I(v);
    cr_assert_eq(tpy_dict_set(d, key, val), 0);
    TPY_DECREF(key);
    TPY_DECREF(val);
}

static int64_t sizeof_of(tpy_object_t *d)
{
    tpy_object_t *r = tpy_object_call_method(d, "__sizeof__", NULL, 0);
    cr_assert_not_null(r);
    int64_t v = tpy_int_as_i64(r);
    TPY_DECREF(r);
    return v;
}

Test(dictobject, a_new_dict_is_empty_untracked_and_has_no_table)
{
    tpy_object_t *d = tpy_dict_new();
    cr_assert_eq(TPY_DICT_SIZE(d), 0);
    cr_assert_null(((tpy_dict_t *)d)->table);
    cr_assert_not(tpy_gc_is_tracked(d));
    cr_assert_eq(sizeof_of(d), 48);
    assert_repr(d, "{}");
    TPY_DECREF(d);
}

Test(dictobject, set_takes_references_and_get_borrows)
{
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *k = tpy_str_from_cstr("key"), *v = tpy_str_from_cstr("value");
    intptr_t kb = TPY_REFCNT(k), vb = TPY_REFCNT(v);
    cr_assert_eq(tpy_dict_set(d, k, v), 0);
    cr_assert_eq(TPY_REFCNT(k), kb + 1);
    cr_assert_eq(TPY_REFCNT(v), vb + 1);
    cr_assert_eq(tpy_dict_get_borrow(d, k), v);
    cr_assert_eq(TPY_REFCNT(v), vb + 1);
    TPY_DECREF(d);
    cr_assert_eq(TPY_REFCNT(k), kb);
    cr_assert_eq(TPY_REFCNT(v), vb);
    TPY_DECREF(k);
    TPY_DECREF(v);
}

Test(dictobject, str_lookup_finds_equal_keys_that_are_not_the_same_object)
{
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *k1 = tpy_str_from_cstr("spam");
    tpy_object_t *k2 = tpy_str_from_cstr("spam");
    tpy_object_t *interned = tpy_str_intern_cstr("spam");
    tpy_object_t *one = I(1);
    cr_assert_eq(tpy_dict_set(d, k1, one), 0);
    cr_assert_eq(tpy_dict_get_str_borrow(d, k2), one);
    cr_assert_eq(tpy_dict_get_str_borrow(d, interned), one);
    cr_assert_eq(tpy_dict_get_cstr_borrow(d, "spam"), one);
    cr_assert_null(tpy_dict_get_cstr_borrow(d, "eggs"));
    cr_assert_null(tpy_err_occurred());
    // Setting through an equal key replaces the value, keeps the first key.
    tpy_object_t *two = I(2);
    cr_assert_eq(tpy_dict_set(d, k2, two), 0);
    cr_assert_eq(TPY_DICT_SIZE(d), 1);
    intptr_t pos = 0;
    tpy_object_t *key, *value;
    cr_assert(tpy_dict_next(d, &pos, &key, &value));
    cr_assert_eq(key, k1);
    cr_assert_eq(value, two);
    TPY_DECREF(d);
    TPY_DECREF(k1);
    TPY_DECREF(k2);
    TPY_DECREF(interned);
    TPY_DECREF(one);
    TPY_DECREF(two);
}

Test(dictobject, deleted_entries_keep_insertion_order)
{
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < 6; i++) {
        set_ii(d, i * 10, i);
    }
    tpy_object_t *k = I(20);
    cr_assert_eq(tpy_dict_del(d, k), 0);
    cr_assert_eq(tpy_dict_del(d, k), -1);
    assert_error(&tpy_exc_KeyError, "20");
    set_ii(d, 20, 99);
    assert_repr(d, "{0: 0, 10: 1, 30: 3, 40: 4, 50: 5, 20: 99}");
    TPY_DECREF(k);
    TPY_DECREF(d);
}

Test(dictobject, int_and_float_keys_that_are_equal_are_one_key)
{
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *i1 = I(1), *f1 = tpy_float_from_double(1.0), *s = tpy_str_from_cstr("x");
    tpy_dict_set(d, i1, s);
    tpy_dict_set(d, f1, f1);
    tpy_dict_set(d, tpy_true, tpy_true);
    cr_assert_eq(TPY_DICT_SIZE(d), 1);
    assert_repr(d, "{1: True}");
    TPY_DECREF(d);
    TPY_DECREF(i1);
    TPY_DECREF(f1);
    TPY_DECREF(s);
}

Test(dictobject, grows_like_cpython_and_stays_8_bytes_smaller)
{
    // CPython 3.11's dict.__sizeof__ for the same dicts; tpy's table header is
    // 8 bytes smaller, its entries as wide.
    static const int64_t cpython_int[] = {208, 208, 208, 208, 208, 336, 336, 336, 336, 336, 616};
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < 11; i++) {
        set_ii(d, i, i);
        cr_assert_eq(sizeof_of(d), cpython_int[i] - 8, "after %d inserts", i + 1);
        cr_assert_eq((int64_t)tpy_dict_sizeof(d), cpython_int[i] - 8);
    }
    TPY_DECREF(d);
    // str keys take 16-byte entries; a non-str key converts the table.
    d = tpy_dict_new();
    tpy_object_t *a = tpy_str_from_cstr("a"), *one = I(1);
    tpy_dict_set(d, a, one);
    cr_assert_eq(sizeof_of(d), 168 - 8);
    tpy_dict_set(d, one, one);
    cr_assert_eq(sizeof_of(d), 336 - 8);
    TPY_DECREF(d);
    TPY_DECREF(a);
    TPY_DECREF(one);
}

Test(dictobject, many_inserts_and_deletes_keep_every_item)
{
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < 5000; i++) {
        set_ii(d, i * 7919, i);
    }
    for (int i = 0; i < 5000; i += 2) {
        tpy_object_t *k = I((int64_t)i * 7919);
        cr_assert_eq(tpy_dict_discard(d, k), 1);
        cr_assert_eq(tpy_dict_discard(d, k), 0);
        TPY_DECREF(k);
    }
    cr_assert_eq(TPY_DICT_SIZE(d), 2500);
    for (int i = 0; i < 5000; i++) {
        tpy_object_t *k = I((int64_t)i * 7919);
        tpy_object_t *v = tpy_dict_get_borrow(d, k);
        if (i % 2) {
            cr_assert_not_null(v);
            cr_assert_eq(((tpy_int_t *)v)->v, i);
        } else {
            cr_assert_null(v);
        }
        TPY_DECREF(k);
    }
    cr_assert_null(tpy_err_occurred());
    TPY_DECREF(d);
}

Test(dictobject, storing_a_container_starts_tracking)
{
    tpy_object_t *d = tpy_dict_new();
    set_ii(d, 1, 2);
    tpy_object_t *k = I(3);
    tpy_object_t *t = tpy_tuple_pack(2, k, k);
    tpy_tuple_maybe_untrack(t); // like a constant tuple after a collection
    tpy_dict_set(d, k, t);
    cr_assert_not(tpy_gc_is_tracked(d));
    tpy_object_t *l = tpy_list_new(0);
    tpy_dict_set(d, k, l);
    cr_assert(tpy_gc_is_tracked(d));
    tpy_object_t *copy = tpy_dict_copy(d);
    cr_assert(tpy_gc_is_tracked(copy));
    tpy_dict_discard(d, k);
    tpy_dict_maybe_untrack(d);
    cr_assert_not(tpy_gc_is_tracked(d));
    TPY_DECREF(copy);
    TPY_DECREF(l);
    TPY_DECREF(t);
    TPY_DECREF(k);
    TPY_DECREF(d);
}

Test(dictobject, popitem_is_last_in_first_out)
{
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < 4; i++) {
        set_ii(d, i, i * i);
    }
    tpy_object_t *r = tpy_object_call_method(d, "popitem", NULL, 0);
    assert_repr(r, "(3, 9)");
    TPY_DECREF(r);
    r = tpy_object_call_method(d, "popitem", NULL, 0);
    assert_repr(r, "(2, 4)");
    TPY_DECREF(r);
    tpy_dict_clear(d);
    r = tpy_object_call_method(d, "popitem", NULL, 0);
    cr_assert_null(r);
    assert_error(&tpy_exc_KeyError, "'popitem(): dictionary is empty'");
    TPY_DECREF(d);
}

Test(dictobject, update_from_pairs_reports_bad_elements)
{
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *seq = tpy_list_new(0);
    tpy_object_t *k = I(1);
    tpy_object_t *pair = tpy_tuple_pack(2, k, k);
    tpy_object_t *single = tpy_tuple_pack(1, k);
    tpy_list_append(seq, pair);
    tpy_list_append(seq, single);
    cr_assert_eq(tpy_dict_update(d, seq), -1);
    assert_error(&tpy_exc_ValueError,
                 "dictionary update sequence element #1 has length 1; 2 is required");
    cr_assert_eq(TPY_DICT_SIZE(d), 1);
    tpy_object_t *bad = tpy_list_new(0);
    tpy_list_append(bad, k);
    cr_assert_eq(tpy_dict_update(d, bad), -1);
    assert_error(&tpy_exc_TypeError,
                 "cannot convert dictionary update sequence element #0 to a sequence");
    TPY_DECREF(bad);
    TPY_DECREF(single);
    TPY_DECREF(pair);
    TPY_DECREF(k);
    TPY_DECREF(seq);
    TPY_DECREF(d);
}

Test(dictobject, merge_without_override_rejects_duplicates)
{
    tpy_object_t *a = tpy_dict_new(), *b = tpy_dict_new();
    tpy_object_t *x = tpy_str_from_cstr("x"), *one = I(1), *two = I(2);
    tpy_dict_set(a, x, one);
    tpy_dict_set(b, x, two);
    cr_assert_eq(tpy_dict_merge(a, b, true), 0);
    cr_assert_eq(tpy_dict_get_borrow(a, x), two);
    cr_assert_eq(tpy_dict_merge(a, b, false), -1);
    assert_error(&tpy_exc_TypeError, "got multiple values for keyword argument 'x'");
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(x);
    TPY_DECREF(one);
    TPY_DECREF(two);
}

Test(dictobject, copy_is_equal_and_independent)
{
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < 30; i++) {
        set_ii(d, i, -i);
    }
    tpy_object_t *c = tpy_dict_copy(d);
    cr_assert_eq(tpy_object_richcompare_bool(c, d, TPY_CMP_EQ), 1);
    set_ii(c, 100, 100);
    cr_assert_eq(TPY_DICT_SIZE(d), 30);
    cr_assert_eq(tpy_object_richcompare_bool(c, d, TPY_CMP_EQ), 0);
    tpy_object_t *keys = tpy_dict_keys_list(d);
    cr_assert_eq(TPY_LIST_SIZE(keys), 30);
    TPY_DECREF(keys);
    TPY_DECREF(c);
    TPY_DECREF(d);
}

Test(dictobject, from_items_presizes_like_a_display)
{
    tpy_object_t *kv[42];
    for (int i = 0; i < 42; i++) {
        kv[i] = I(i);
    }
    tpy_object_t *d = tpy_dict_from_items(kv, 2, kv + 1, 2, 21);
    cr_assert_eq(TPY_DICT_SIZE(d), 21);
    cr_assert_eq(sizeof_of(d), 1152 - 8); // 64 slots, like CPython's presizing
    tpy_object_t *k = I(40);
    tpy_object_t *v = tpy_dict_get_borrow(d, k);
    cr_assert_eq(((tpy_int_t *)v)->v, 41);
    TPY_DECREF(k);
    TPY_DECREF(d);
    for (int i = 0; i < 42; i++) {
        TPY_DECREF(kv[i]);
    }
}

Test(dictobject, unhashable_keys_raise_type_error)
{
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_eq(tpy_dict_set(d, l, l), -1);
    assert_error(&tpy_exc_TypeError, "unhashable type: 'list'");
    cr_assert_null(tpy_dict_get_borrow(d, l));
    assert_error(&tpy_exc_TypeError, "unhashable type: 'list'");
    TPY_DECREF(l);
    TPY_DECREF(d);
}

Test(dictobject, views_follow_the_dict_and_combine_into_sets)
{
    tpy_object_t *d = tpy_dict_new();
    set_ii(d, 1, 10);
    set_ii(d, 2, 20);
    tpy_object_t *keys = tpy_object_call_method(d, "keys", NULL, 0);
    tpy_object_t *items = tpy_object_call_method(d, "items", NULL, 0);
    set_ii(d, 3, 30);
    assert_repr(keys, "dict_keys([1, 2, 3])");
    assert_repr(items, "dict_items([(1, 10), (2, 20), (3, 30)])");
    cr_assert_eq(tpy_object_len(keys), 3);
    tpy_object_t *s = tpy_set_new(NULL);
    tpy_object_t *two = I(2), *nine = I(9);
    tpy_set_add(s, two);
    tpy_set_add(s, nine);
    tpy_object_t *r = tpy_number_binop(keys, s, TPY_BINOP_AND);
    assert_repr(r, "{2}");
    TPY_DECREF(r);
    r = tpy_number_binop(keys, s, TPY_BINOP_OR);
    assert_repr(r, "{1, 2, 3, 9}");
    TPY_DECREF(r);
    r = tpy_number_binop(s, keys, TPY_BINOP_SUB);
    assert_repr(r, "{9}");
    TPY_DECREF(r);
    TPY_DECREF(two);
    TPY_DECREF(nine);
    TPY_DECREF(s);
    TPY_DECREF(keys);
    TPY_DECREF(items);
    TPY_DECREF(d);
}

Test(dictobject, iteration_detects_a_size_change)
{
    tpy_object_t *d = tpy_dict_new();
    set_ii(d, 1, 1);
    tpy_object_t *it = tpy_object_getiter(d);
    set_ii(d, 2, 2);
    cr_assert_null(tpy_iter_next(it));
    assert_error(&tpy_exc_RuntimeError, "dictionary changed size during iteration");
    TPY_DECREF(it);
    TPY_DECREF(d);
}
