/*
 * tests/unit/test_dict_kinds.c - the two table kinds of a dict: str-only
 * tables (16-byte entries, hashes read from the keys) and general tables
 * (hashes in an array of their own), the switch from one to the other, and
 * lookups, deletes and rebuilds in each, across index slot widths (1, 2 and 4
 * bytes, whose spare bits carry hash check bits).
 */
#include "tests/unit/support.h"

#include <stdio.h>

TestSuite(dictkinds, .init = tpy_test_setup, .fini = tpy_test_teardown);

static tpy_object_t *I(int64_t v)
{
    tpy_object_t *r = tpy_int_from_i64(v);
    cr_assert_not_null(r);
    return r;
}

static tpy_object_t *S(const char *prefix, int64_t i)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s%lld", prefix, (long long)i);
    tpy_object_t *r = tpy_str_from_cstr(buf);
    cr_assert_not_null(r);
    return r;
}

static void set_kv(tpy_object_t *d, tpy_object_t *key, int64_t v)
{
    tpy_object_t *val = I(v);
    cr_assert_eq(tpy_dict_set(d, key, val), 0);
    TPY_DECREF(val);
}

// d[key] == want, or absent when [want] < 0 (a fresh key object: no pointer match).
static void expect(tpy_object_t *d, tpy_object_t *key, int64_t want)
{
    tpy_object_t *v = tpy_dict_get_borrow(d, key);
    cr_assert_null(tpy_err_occurred());
    if (want < 0) {
        cr_assert_null(v);
    } else {
        cr_assert_not_null(v);
        cr_assert_eq(tpy_int_as_i64(v), want);
    }
}

static void expect_str(tpy_object_t *d, const char *prefix, int64_t i, int64_t want)
{
    tpy_object_t *k = S(prefix, i);
    expect(d, k, want);
    TPY_DECREF(k);
}

static void expect_int(tpy_object_t *d, int64_t i, int64_t want)
{
    tpy_object_t *k = I(i);
    expect(d, k, want);
    TPY_DECREF(k);
}

// The table layout of a dict holding [n] items in 2**log2 slots: CPython's
// minus its 8 bytes of keys header, with the same entry widths.
static size_t layout_size(unsigned log2, bool str_only)
{
    size_t slots = (size_t)1 << log2;
    size_t ix = log2 < 8 ? 1 : log2 < 16 ? 2 : 4;
    return sizeof(tpy_dict_t) + 24 + slots * ix + (2 * slots / 3) * (str_only ? 16 : 24);
}

Test(dictkinds, str_keys_take_sixteen_byte_entries_until_another_key_arrives)
{
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < 5; i++) {
        tpy_object_t *k = S("k", i);
        set_kv(d, k, i);
        TPY_DECREF(k);
    }
    cr_assert_eq(tpy_dict_sizeof(d), layout_size(3, true));
    tpy_object_t *k = I(42);
    set_kv(d, k, 4200);
    TPY_DECREF(k);
    // CPython's insertion_resize: the conversion sizes for used*3 = 15 -> 16 slots
    cr_assert_eq(tpy_dict_sizeof(d), layout_size(4, false));
    for (int i = 0; i < 5; i++) {
        expect_str(d, "k", i, i);
    }
    expect_int(d, 42, 4200);
    expect_str(d, "k", 5, -1);
    expect_int(d, 5, -1);
    TPY_DECREF(d);
}

Test(dictkinds, a_general_table_stays_general_after_its_other_keys_go)
{
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *a = S("a", 0), *one = I(1);
    set_kv(d, a, 1);
    set_kv(d, one, 2);
    cr_assert_eq(tpy_dict_discard(d, one), 1);
    cr_assert_eq(tpy_dict_sizeof(d), layout_size(4, false));
    // a rebuild keeps the kind (CPython's sizes: 352, then 632 bytes)
    for (int i = 0; i < 20; i++) {
        tpy_object_t *k = S("b", i);
        set_kv(d, k, i);
        TPY_DECREF(k);
    }
    cr_assert_eq(tpy_dict_sizeof(d), layout_size(5, false));
    expect(d, a, 1);
    expect_str(d, "b", 19, 19);
    tpy_dict_clear(d);
    set_kv(d, a, 3);
    cr_assert_eq(tpy_dict_sizeof(d), layout_size(3, true));
    TPY_DECREF(a);
    TPY_DECREF(one);
    TPY_DECREF(d);
}

// Build [n] str keys, convert half-way through when [convert_at] >= 0 by
// inserting int keys, delete every third str key, and check every lookup.
static void fill_convert_delete(int n, int convert_at)
{
    tpy_object_t *d = tpy_dict_new();
    for (int i = 0; i < n; i++) {
        if (i == convert_at) {
            tpy_object_t *k = I(-7);
            set_kv(d, k, 7);
            TPY_DECREF(k);
        }
        tpy_object_t *k = S("key_", i);
        set_kv(d, k, i);
        TPY_DECREF(k);
    }
    for (int i = 0; i < n; i += 3) {
        tpy_object_t *k = S("key_", i);
        cr_assert_eq(tpy_dict_discard(d, k), 1);
        cr_assert_eq(tpy_dict_discard(d, k), 0);
        TPY_DECREF(k);
    }
    for (int i = 0; i < n; i++) {
        expect_str(d, "key_", i, i % 3 ? i : -1);
        expect_str(d, "nokey_", i, -1);
    }
    expect_int(d, -7, convert_at >= 0 ? 7 : -1);
    // a copy rebuilt by insertion, and one cloned, find the same
    tpy_object_t *c = tpy_dict_copy(d);
    for (int i = 1; i < n; i += 3) {
        expect_str(c, "key_", i, i);
    }
    cr_assert_eq(tpy_object_richcompare_bool(c, d, TPY_CMP_EQ), 1);
    cr_assert_eq(TPY_DICT_SIZE(c), TPY_DICT_SIZE(d));
    TPY_DECREF(c);
    // iteration yields the survivors in insertion order with their hashes
    intptr_t pos = 0;
    tpy_object_t *key, *value;
    int64_t hash;
    int last = -1;
    while (tpy_dict_next_hash(d, &pos, &key, &value, &hash)) {
        cr_assert_eq(hash, tpy_object_hash(key));
        if (TPY_STR_CHECK_EXACT(key)) {
            cr_assert_gt(tpy_int_as_i64(value), last);
            last = (int)tpy_int_as_i64(value);
        }
    }
    TPY_DECREF(d);
}

Test(dictkinds, lookups_deletes_and_rebuilds_in_small_tables)
{
    fill_convert_delete(40, -1);
    fill_convert_delete(40, 0);
    fill_convert_delete(40, 20);
}

Test(dictkinds, lookups_deletes_and_rebuilds_with_two_byte_slots)
{
    fill_convert_delete(3000, -1);
    fill_convert_delete(3000, 1500);
}

Test(dictkinds, lookups_deletes_and_rebuilds_with_four_byte_slots)
{
    fill_convert_delete(60000, -1);
    fill_convert_delete(60000, 30000);
}

Test(dictkinds, int_keys_across_slot_widths)
{
    tpy_object_t *d = tpy_dict_new();
    for (int64_t i = 0; i < 50000; i++) {
        tpy_object_t *k = I(i * 1000003);
        set_kv(d, k, i);
        TPY_DECREF(k);
    }
    for (int64_t i = 0; i < 50000; i += 2) {
        tpy_object_t *k = I(i * 1000003);
        cr_assert_eq(tpy_dict_discard(d, k), 1);
        TPY_DECREF(k);
    }
    for (int64_t i = 0; i < 50000; i++) {
        expect_int(d, i * 1000003, i % 2 ? i : -1);
        expect_int(d, i * 1000003 + 1, -1);
    }
    TPY_DECREF(d);
}

Test(dictkinds, a_str_and_an_int_of_the_same_hash_are_two_keys)
{
    // find a str whose hash an int can have (|h| below 2**61 - 1)
    tpy_object_t *s = NULL;
    int64_t h = 0;
    for (int i = 0; s == NULL; i++) {
        s = S("same", i);
        h = tpy_object_hash(s);
        if (h == -2 || h >= ((int64_t)1 << 61) - 1 || h <= -(((int64_t)1 << 61) - 1)) {
            TPY_CLEAR(s);
        }
    }
    tpy_object_t *n = I(h);
    cr_assert_eq(tpy_object_hash(n), h);
    for (int order = 0; order < 2; order++) {
        tpy_object_t *d = tpy_dict_new();
        set_kv(d, order ? n : s, order ? 2 : 1);
        set_kv(d, order ? s : n, order ? 1 : 2);
        cr_assert_eq(TPY_DICT_SIZE(d), 2);
        expect(d, s, 1);
        expect(d, n, 2);
        tpy_object_t *s2 = tpy_str_from_cstr(TPY_STR_DATA(s)); // equal, not identical
        expect(d, s2, 1);
        cr_assert_eq(tpy_dict_discard(d, s2), 1);
        expect(d, s, -1);
        expect(d, n, 2);
        TPY_DECREF(s2);
        TPY_DECREF(d);
    }
    TPY_DECREF(n);
    TPY_DECREF(s);
}

Test(dictkinds, popitem_takes_the_last_item_of_either_kind)
{
    for (int kind = 0; kind < 2; kind++) {
        tpy_object_t *d = tpy_dict_new();
        for (int i = 0; i < 30; i++) {
            tpy_object_t *k = kind ? I(i) : S("p", i);
            set_kv(d, k, i);
            TPY_DECREF(k);
        }
        for (int i = 29; i >= 20; i--) {
            tpy_object_t *r = tpy_object_call_method(d, "popitem", NULL, 0);
            cr_assert_not_null(r);
            cr_assert_eq(tpy_int_as_i64(TPY_TUPLE_GET(r, 1)), i);
            TPY_DECREF(r);
        }
        for (int i = 0; i < 30; i++) {
            if (kind) {
                expect_int(d, i, i < 20 ? i : -1);
            } else {
                expect_str(d, "p", i, i < 20 ? i : -1);
            }
        }
        TPY_DECREF(d);
    }
}
