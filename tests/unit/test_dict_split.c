/*
 * tests/unit/test_dict_split.c - split dicts: values read through a shared
 * table of names (an instance's __dict__ made from its attribute values),
 * what keeps them split (replacing, deleting, appending a name after the
 * present ones, copying) and what turns them into ordinary tables in the
 * same order (a name out of order, another kind of key, popitem).
 */
#include "tests/unit/support.h"

#include <string.h>

TestSuite(dictsplit, .init = tpy_test_setup, .fini = tpy_test_teardown);

static tpy_object_t *I(int64_t v)
{
    tpy_object_t *r = tpy_int_from_i64(v);
    cr_assert_not_null(r);
    return r;
}

// A detached table of interned names with room for [cap] (owner NULL, as
// after its class is gone); the caller holds its one reference.
static struct tpy_attrkeys *make_keys(const char *const *names, intptr_t n, intptr_t cap)
{
    struct tpy_attrkeys *k =
        tpy_mem_alloc(sizeof(struct tpy_attrkeys) + (size_t)cap * sizeof(tpy_object_t *));
    cr_assert_not_null(k);
    k->refcnt = 1;
    k->owner = NULL;
    k->n = n;
    k->cap = cap;
    for (intptr_t i = 0; i < n; i++) {
        k->names[i] = tpy_str_intern_cstr(names[i]);
    }
    return k;
}

static const char *const abc[] = {"a", "b", "c"};

// A split dict {a: 1, c: 3} over the names a, b, c (b absent).
static tpy_object_t *make_split(struct tpy_attrkeys *k)
{
    tpy_object_t *items[3] = {I(1), NULL, I(3)};
    tpy_object_t *d = tpy_dict_new_split(k, items, 3);
    cr_assert_not_null(d);
    return d;
}

static void assert_repr(tpy_object_t *o, const char *want)
{
    tpy_object_t *r = tpy_object_repr(o);
    cr_assert_not_null(r);
    cr_assert_str_eq(TPY_STR_DATA(r), want);
    TPY_DECREF(r);
}

static bool is_split(tpy_object_t *d)
{
    return ((uintptr_t)((tpy_dict_t *)d)->table & TPY_DICT_SPLIT_TAG) != 0;
}

static int64_t get_cstr(tpy_object_t *d, const char *key)
{
    tpy_object_t *v = tpy_dict_get_cstr_borrow(d, key);
    return v != NULL ? tpy_int_as_i64(v) : -1;
}

Test(dictsplit, values_are_read_through_the_shared_names)
{
    struct tpy_attrkeys *k = make_keys(abc, 3, 4);
    tpy_object_t *d = make_split(k);
    cr_assert(is_split(d));
    cr_assert_eq(k->refcnt, 2);
    cr_assert_eq(TPY_DICT_SIZE(d), 2);
    cr_assert_eq(get_cstr(d, "a"), 1);
    cr_assert_eq(get_cstr(d, "b"), -1);
    cr_assert_eq(get_cstr(d, "c"), 3);
    cr_assert_eq(tpy_dict_sizeof(d), sizeof(tpy_dict_t) + 3 * sizeof(tpy_object_t *));
    assert_repr(d, "{'a': 1, 'c': 3}");
    cr_assert_not(tpy_gc_is_tracked(d));
    // the inline cache's hint is the index of the name
    intptr_t hint = -1;
    tpy_object_t *c = tpy_str_intern_cstr("c");
    cr_assert_eq(tpy_int_as_i64(tpy_dict_get_str_hinted(d, c, &hint)), 3);
    cr_assert_eq(hint, 2);
    cr_assert_eq(tpy_int_as_i64(tpy_dict_get_str_hinted(d, c, &hint)), 3);
    cr_assert_eq(tpy_dict_keys_tag(d), 0);
    cr_assert_null(tpy_dict_entries_borrow(d)[hint].key);
    TPY_DECREF(c);
    TPY_DECREF(d);
    cr_assert_eq(k->refcnt, 1);
    tpy_attrkeys_decref(k);
}

Test(dictsplit, replacing_deleting_and_appending_names_keep_it_split)
{
    struct tpy_attrkeys *k = make_keys(abc, 3, 4);
    tpy_object_t *d = make_split(k);
    tpy_object_t *v = I(10);
    cr_assert_eq(tpy_dict_set_cstr(d, "a", v), 0);  // replace
    cr_assert_eq(tpy_dict_set_cstr(d, "zz", v), 0); // a new name: appended to the table
    cr_assert(is_split(d));
    cr_assert_eq(k->n, 4);
    cr_assert_eq(tpy_dict_sizeof(d), sizeof(tpy_dict_t) + 4 * sizeof(tpy_object_t *));
    tpy_object_t *c = tpy_str_from_cstr("c"); // equal to the interned name, not it
    cr_assert_eq(tpy_dict_del(d, c), 0);
    cr_assert_eq(tpy_dict_discard(d, c), 0);
    cr_assert(is_split(d));
    assert_repr(d, "{'a': 10, 'zz': 10}");
    // a list value starts tracking, as in any dict
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_eq(tpy_dict_set_cstr(d, "a", l), 0);
    cr_assert(tpy_gc_is_tracked(d));
    TPY_DECREF(l);
    TPY_DECREF(c);
    TPY_DECREF(v);
    TPY_DECREF(d);
    tpy_attrkeys_decref(k);
}

Test(dictsplit, a_name_below_a_present_one_makes_an_ordinary_table_in_order)
{
    struct tpy_attrkeys *k = make_keys(abc, 3, 4);
    tpy_object_t *d = make_split(k);
    tpy_object_t *v = I(2);
    cr_assert_eq(tpy_dict_set_cstr(d, "b", v), 0); // b's index is below c's
    cr_assert_not(is_split(d));
    cr_assert_eq(k->refcnt, 1); // the table gave its reference back
    assert_repr(d, "{'a': 1, 'c': 3, 'b': 2}");
    cr_assert_eq(get_cstr(d, "c"), 3);
    // the smallest str-only table with room for the new item: 8 slots
    cr_assert_eq(tpy_dict_sizeof(d), sizeof(tpy_dict_t) + 24 + 8 + 5 * 16);
    TPY_DECREF(v);
    TPY_DECREF(d);
    tpy_attrkeys_decref(k);
}

Test(dictsplit, another_kind_of_key_makes_a_general_table)
{
    struct tpy_attrkeys *k = make_keys(abc, 3, 4);
    tpy_object_t *d = make_split(k);
    tpy_object_t *one = I(1);
    tpy_object_t *found = tpy_dict_get_borrow(d, one); // looked up without converting
    cr_assert_null(found);
    cr_assert(is_split(d));
    cr_assert_eq(tpy_dict_set(d, one, one), 0);
    cr_assert_not(is_split(d));
    assert_repr(d, "{'a': 1, 'c': 3, 1: 1}");
    TPY_DECREF(one);
    TPY_DECREF(d);
    tpy_attrkeys_decref(k);
}

Test(dictsplit, a_full_detached_table_makes_an_ordinary_table)
{
    struct tpy_attrkeys *k = make_keys(abc, 3, 3);
    tpy_object_t *d = make_split(k);
    tpy_attrkeys_incref(k); // shared with another dict: it cannot grow
    tpy_object_t *v = I(4);
    cr_assert_eq(tpy_dict_set_cstr(d, "d", v), 0);
    cr_assert_not(is_split(d));
    assert_repr(d, "{'a': 1, 'c': 3, 'd': 4}");
    TPY_DECREF(v);
    TPY_DECREF(d);
    tpy_attrkeys_decref(k);
    tpy_attrkeys_decref(k);
}

Test(dictsplit, copies_share_the_names_and_popitem_unsplits)
{
    struct tpy_attrkeys *k = make_keys(abc, 3, 4);
    tpy_object_t *d = make_split(k);
    tpy_object_t *c = tpy_dict_copy(d);
    cr_assert(is_split(c));
    cr_assert_eq(k->refcnt, 3);
    cr_assert_eq(tpy_object_richcompare_bool(c, d, TPY_CMP_EQ), 1);
    tpy_object_t *r = tpy_object_call_method(d, "popitem", NULL, 0);
    assert_repr(r, "('c', 3)");
    cr_assert_not(is_split(d));
    cr_assert_eq(tpy_object_richcompare_bool(c, d, TPY_CMP_EQ), 0);
    assert_repr(c, "{'a': 1, 'c': 3}");
    // merging a split dict into an ordinary one, and clearing a split one
    tpy_object_t *m = tpy_dict_new();
    cr_assert_eq(tpy_dict_update(m, c), 0);
    assert_repr(m, "{'a': 1, 'c': 3}");
    tpy_dict_clear(c);
    cr_assert_eq(TPY_DICT_SIZE(c), 0);
    cr_assert_null(((tpy_dict_t *)c)->table);
    cr_assert_eq(k->refcnt, 1);
    TPY_DECREF(m);
    TPY_DECREF(r);
    TPY_DECREF(c);
    TPY_DECREF(d);
    tpy_attrkeys_decref(k);
}

Test(dictsplit, iteration_views_and_reversal_follow_the_index_order)
{
    static const char *const names[] = {"w", "x", "y", "z"};
    struct tpy_attrkeys *k = make_keys(names, 4, 4);
    tpy_object_t *items[4] = {NULL, I(1), I(2), I(3)};
    tpy_object_t *d = tpy_dict_new_split(k, items, 4);
    tpy_object_t *keys = tpy_dict_keys_list(d);
    assert_repr(keys, "['x', 'y', 'z']");
    tpy_object_t *rev = tpy_object_call_method(d, "__reversed__", NULL, 0);
    tpy_object_t *rl = tpy_sequence_list(rev);
    assert_repr(rl, "['z', 'y', 'x']");
    intptr_t pos = 0;
    tpy_object_t *key, *value;
    int64_t hash;
    int n = 0;
    while (tpy_dict_next_hash(d, &pos, &key, &value, &hash)) {
        cr_assert_eq(hash, tpy_object_hash(key));
        n++;
    }
    cr_assert_eq(n, 3);
    TPY_DECREF(rl);
    TPY_DECREF(rev);
    TPY_DECREF(keys);
    TPY_DECREF(d);
    tpy_attrkeys_decref(k);
}
