/*
 * tests/unit/test_set.c - set and frozenset: CPython's table (iteration
 * order, growth, dummy reuse), reference ownership, frozenset hashing, set
 * keys looked up as frozensets, and the algebra's result order (sets built
 * by add(), as python3 orders them; displays of constants differ, see
 * tpy_frozenset_const).
 */
#include "tests/unit/support.h"
#include "runtime/setobject.h"

static void set_setup(void)
{
    tpy_test_setup();
    tpy_set_init(); // until runtime.c calls it; idempotent
    tpy_test_reset_baseline();
}

TestSuite(setobject, .init = set_setup, .fini = tpy_test_teardown);

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

static tpy_object_t *set_of(const int64_t *v, int n)
{
    tpy_object_t *s = tpy_set_new(NULL);
    for (int i = 0; i < n; i++) {
        tpy_object_t *x = I(v[i]);
        cr_assert_eq(tpy_set_add(s, x), 0);
        TPY_DECREF(x);
    }
    return s;
}

Test(setobject, small_ints_iterate_in_cpython_order)
{
    int64_t a[] = {3, 1, 2};
    tpy_object_t *s = set_of(a, 3);
    assert_repr(s, "{1, 2, 3}");
    TPY_DECREF(s);
    int64_t b[] = {100, 5, 1000, -1, -5, 17, 33, 65};
    s = set_of(b, 8);
    assert_repr(s, "{33, 65, 100, 5, 1000, 17, -5, -1}");
    TPY_DECREF(s);
    tpy_object_t *r = tpy_range_new(100, 0, -7);
    s = tpy_set_new(r);
    assert_repr(s, "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
    TPY_DECREF(s);
    TPY_DECREF(r);
}

Test(setobject, the_table_grows_when_three_fifths_full)
{
    tpy_object_t *s = tpy_set_new(NULL);
    tpy_set_t *so = (tpy_set_t *)s;
    cr_assert_eq(so->table, so->smalltable);
    for (int i = 0; i < 4; i++) {
        tpy_object_t *x = I(i);
        tpy_set_add(s, x);
        TPY_DECREF(x);
    }
    cr_assert_eq(so->mask, 7);
    tpy_object_t *x = I(4);
    tpy_set_add(s, x);
    TPY_DECREF(x);
    cr_assert_eq(so->mask, 31);
    cr_assert_neq(so->table, so->smalltable);
    TPY_DECREF(s);
}

Test(setobject, an_insert_reuses_a_dummy_on_its_path)
{
    int64_t a[] = {1, 9};
    tpy_object_t *s = set_of(a, 2);
    tpy_object_t *one = I(1), *x = I(17);
    cr_assert_eq(tpy_set_discard(s, one), 1);
    cr_assert_eq(tpy_set_discard(s, one), 0);
    tpy_set_add(s, x);
    assert_repr(s, "{17, 9}");
    TPY_DECREF(one);
    TPY_DECREF(x);
    TPY_DECREF(s);
}

Test(setobject, add_takes_a_reference_once)
{
    tpy_object_t *s = tpy_set_new(NULL);
    tpy_object_t *k = tpy_str_from_cstr("key");
    intptr_t before = TPY_REFCNT(k);
    tpy_set_add(s, k);
    tpy_set_add(s, k);
    cr_assert_eq(TPY_REFCNT(k), before + 1);
    cr_assert_eq(tpy_set_contains(s, k), 1);
    tpy_set_clear(s);
    cr_assert_eq(TPY_REFCNT(k), before);
    cr_assert_eq(tpy_set_size(s), 0);
    TPY_DECREF(s);
    TPY_DECREF(k);
}

Test(setobject, frozenset_hash_matches_cpython)
{
    int64_t a[] = {1, 2, 3};
    tpy_object_t *s = set_of(a, 3);
    tpy_object_t *f = tpy_frozenset_new(s);
    cr_assert_eq(tpy_object_hash(f), INT64_C(-272375401224217160));
    tpy_object_t *e = tpy_frozenset_new(NULL);
    cr_assert_eq(tpy_object_hash(e), INT64_C(133146708735736));
    tpy_object_t *r = tpy_range_new(0, 100, 1);
    tpy_object_t *f100 = tpy_frozenset_new(r);
    cr_assert_eq(tpy_object_hash(f100), INT64_C(4411996150312757951));
    cr_assert_eq(tpy_object_hash(s), -1);
    assert_error(&tpy_exc_TypeError, "unhashable type: 'set'");
    TPY_DECREF(f100);
    TPY_DECREF(r);
    TPY_DECREF(e);
    TPY_DECREF(f);
    TPY_DECREF(s);
}

Test(setobject, a_set_key_is_looked_up_as_a_frozenset)
{
    int64_t a[] = {1, 2};
    tpy_object_t *inner = set_of(a, 2);
    tpy_object_t *frozen = tpy_frozenset_new(inner);
    tpy_object_t *outer = tpy_set_new(NULL);
    tpy_set_add(outer, frozen);
    cr_assert_eq(tpy_set_contains(outer, inner), 1);
    cr_assert_eq(tpy_set_discard(outer, inner), 1);
    cr_assert_eq(tpy_set_add(outer, inner), -1);
    assert_error(&tpy_exc_TypeError, "unhashable type: 'set'");
    TPY_DECREF(outer);
    TPY_DECREF(frozen);
    TPY_DECREF(inner);
}

Test(setobject, pop_resumes_after_the_last_popped_slot)
{
    tpy_object_t *r = tpy_range_new(0, 10, 1);
    tpy_object_t *s = tpy_set_new(r);
    for (int64_t want = 0; want < 3; want++) {
        tpy_object_t *x = tpy_object_call_method(s, "pop", NULL, 0);
        cr_assert_eq(((tpy_int_t *)x)->v, want);
        TPY_DECREF(x);
    }
    tpy_object_t *zero = I(0);
    tpy_set_add(s, zero);
    tpy_object_t *x = tpy_object_call_method(s, "pop", NULL, 0);
    cr_assert_eq(((tpy_int_t *)x)->v, 3);
    TPY_DECREF(x);
    TPY_DECREF(zero);
    tpy_set_clear(s);
    cr_assert_null(tpy_object_call_method(s, "pop", NULL, 0));
    assert_error(&tpy_exc_KeyError, "'pop from an empty set'");
    TPY_DECREF(s);
    TPY_DECREF(r);
}

Test(setobject, algebra_results_have_cpython_order)
{
    int64_t a[] = {1, 2, 3, 100, 200}, b[] = {3, 200, 7, 1000, 64};
    tpy_object_t *sa = set_of(a, 5), *sb = set_of(b, 5);
    struct {
        int op;
        const char *ab, *ba;
    } cases[] = {
        {TPY_BINOP_OR, "{64, 1, 2, 3, 100, 7, 200, 1000}", "{64, 1, 2, 3, 100, 7, 200, 1000}"},
        {TPY_BINOP_AND, "{200, 3}", "{200, 3}"},
        {TPY_BINOP_SUB, "{1, 2, 100}", "{64, 1000, 7}"},
        {TPY_BINOP_XOR, "{64, 1, 2, 100, 7, 1000}", "{64, 1, 2, 100, 7, 1000}"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tpy_object_t *r = tpy_number_binop(sa, sb, cases[i].op);
        assert_repr(r, cases[i].ab);
        TPY_DECREF(r);
        r = tpy_number_binop(sb, sa, cases[i].op);
        assert_repr(r, cases[i].ba);
        TPY_DECREF(r);
    }
    cr_assert_eq(tpy_object_richcompare_bool(sa, sb, TPY_CMP_LT), 0);
    tpy_object_t *u = tpy_number_binop(sa, sb, TPY_BINOP_OR);
    cr_assert_eq(tpy_object_richcompare_bool(sa, u, TPY_CMP_LT), 1);
    cr_assert_eq(tpy_object_richcompare_bool(u, sb, TPY_CMP_GE), 1);
    TPY_DECREF(u);
    TPY_DECREF(sa);
    TPY_DECREF(sb);
}

Test(setobject, iteration_detects_a_size_change)
{
    int64_t a[] = {1, 2};
    tpy_object_t *s = set_of(a, 2);
    tpy_object_t *it = tpy_object_getiter(s);
    tpy_object_t *x = I(5);
    tpy_set_add(s, x);
    cr_assert_null(tpy_iter_next(it));
    assert_error(&tpy_exc_RuntimeError, "Set changed size during iteration");
    TPY_DECREF(x);
    TPY_DECREF(it);
    TPY_DECREF(s);
}

Test(setobject, next_entry_walks_the_table_with_hashes)
{
    int64_t a[] = {5, 1};
    tpy_object_t *s = set_of(a, 2);
    intptr_t pos = 0;
    tpy_object_t *key;
    int64_t hash;
    cr_assert(tpy_set_next_entry(s, &pos, &key, &hash));
    cr_assert_eq(((tpy_int_t *)key)->v, 1);
    cr_assert_eq(hash, 1);
    cr_assert(tpy_set_next_entry(s, &pos, &key, &hash));
    cr_assert_eq(hash, 5);
    cr_assert_not(tpy_set_next_entry(s, &pos, &key, &hash));
    TPY_DECREF(s);
}

// The set a display of constants builds: BUILD_SET 0, SET_UPDATE(frozenset const).
static void assert_display(const int64_t *v, int n, const char *want)
{
    tpy_object_t *items[16];
    for (int i = 0; i < n; i++) {
        items[i] = I(v[i]);
    }
    tpy_object_t *fs = tpy_frozenset_const(items, n);
    cr_assert_not_null(fs);
    tpy_object_t *s = tpy_set_new(NULL);
    cr_assert_eq(tpy_set_update(s, fs), 0);
    assert_repr(s, want);
    TPY_DECREF(s);
    TPY_DECREF(fs);
    for (int i = 0; i < n; i++) {
        TPY_DECREF(items[i]);
    }
}

Test(setobject, constant_displays_get_cpython_order)
{
    int64_t a[] = {3, 200, 7, 1000, 64};
    assert_display(a, 5, "{64, 3, 7, 1000, 200}");
    int64_t b[] = {100, 5, 1000, -1, -5, 17, 33, 65};
    assert_display(b, 8, "{65, 33, 100, 5, 1000, 17, -5, -1}");
    int64_t c[] = {1, 2, 3};
    assert_display(c, 3, "{1, 2, 3}");
    int64_t d[] = {9, 17, 25, 33, 41};
    assert_display(d, 5, "{33, 17, 9, 25, 41}");
    int64_t e[] = {32, 64, 96, 128, 160, 0, 1};
    assert_display(e, 7, "{32, 64, 96, 128, 160, 0, 1}");
}

Test(setobject, an_insert_reuses_the_last_dummy_on_its_probe_path)
{
    // Found by differential fuzzing against python3: -188 and 323 leave
    // dummies at slots 68 and 67 of a 128-slot table; -62 (home 66) then takes
    // slot 68, the last dummy it passes, and 449 (home 65) slot 67.
    int64_t a[] = {568, 834, 260, 750, 792, -230, -188, -272, 484, 841,
                   365, 743, 617, 715, 890, -76, -202, 50, 141};
    tpy_object_t *s = set_of(a, 19);
    tpy_object_t *k188 = I(-188), *k323 = I(323);
    tpy_set_discard(s, k188);
    tpy_set_add(s, k323);
    tpy_set_discard(s, k323);
    int64_t b[] = {64, 960, -62, 449};
    for (int i = 0; i < 4; i++) {
        tpy_object_t *x = I(b[i]);
        tpy_set_add(s, x);
        TPY_DECREF(x);
    }
    assert_repr(s, "{260, 141, 792, -230, 50, -76, -202, 568, 64, 960, 834, 449, -62, 841, 715, "
                   "484, 743, 617, 365, 750, -272, 890}");
    TPY_DECREF(k188);
    TPY_DECREF(k323);
    TPY_DECREF(s);
}
