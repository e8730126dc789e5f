/*
 * tests/unit/test_weakref.c - weak references from C: ownership (a weakref
 * never owns its referent), the per-referent list and its CPython order,
 * clearing at the referent's death (callbacks newest first, errors kept
 * unraisable, the current exception untouched), the collector's two entry
 * points, weak references to type objects (side table), and stress.
 * Sets are the weakly referenceable objects used here: no class needed.
 */
#include "tests/unit/support.h"

#include <string.h>

static void weakref_setup(void)
{
    tpy_test_setup();
    cr_assert_eq(tpy_weakref_init(), 0);
    tpy_test_reset_baseline(); // the types' dicts live as long as the process
}

TestSuite(weakref, .init = weakref_setup, .fini = tpy_test_teardown);

/* ---- a recording callback ---------------------------------------------------- */

#define MAX_CALLS 16
static tpy_object_t *calls[MAX_CALLS]; // the weakrefs callbacks received (borrowed)
static int ncalls;
static bool calls_saw_dead = true; // every callback saw its weakref dead
static bool callback_raises;

static tpy_object_t *record(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                            tpy_object_t *kwnames)
{
    (void)self;
    (void)kwnames;
    cr_assert_eq(nargs, 1);
    if (tpy_weakref_get_borrow(args[0]) != NULL) {
        calls_saw_dead = false;
    }
    if (ncalls < MAX_CALLS) {
        calls[ncalls] = args[0];
    }
    ncalls++;
    if (callback_raises) {
        return tpy_err_format(&tpy_exc_ValueError, "callback failed");
    }
    TPY_RETURN_NONE;
}

static const tpy_methoddef_t record_def = {"record", record, 0, NULL};

static tpy_object_t *new_callback(void)
{
    ncalls = 0;
    calls_saw_dead = true;
    callback_raises = false;
    tpy_object_t *cb = tpy_cfunction_new(&record_def, NULL, NULL);
    cr_assert_not_null(cb);
    return cb;
}

static tpy_object_t *new_set(void)
{
    tpy_object_t *s = tpy_set_new(NULL);
    cr_assert_not_null(s);
    return s;
}

static void assert_type_error(const char *msg)
{
    tpy_object_t *exc = tpy_err_fetch();
    cr_assert_not_null(exc);
    cr_assert(TPY_TYPE(exc) == &tpy_exc_TypeError);
    tpy_object_t *s = tpy_exc_str(exc);
    cr_assert_str_eq(TPY_STR_DATA(s), msg);
    TPY_DECREF(s);
    TPY_DECREF(exc);
}

/* ---- creation and ownership ------------------------------------------------------ */

Test(weakref, unsupported_objects_raise_type_error)
{
    tpy_object_t *i = tpy_int_from_i64(7);
    cr_assert_null(tpy_weakref_new(i, NULL));
    assert_type_error("cannot create weak reference to 'int' object");
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_null(tpy_weakref_proxy(l, NULL));
    assert_type_error("cannot create weak reference to 'list' object");
    cr_assert(!tpy_weakref_supported(i));
    cr_assert(tpy_weakref_supported(TPY_OBJ(&tpy_int_type)));
    TPY_DECREF(i);
    TPY_DECREF(l);
}

Test(weakref, a_weakref_does_not_own_its_referent)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *w1 = tpy_weakref_new(s, NULL);
    tpy_object_t *w2 = tpy_weakref_new(s, cb);
    tpy_object_t *p = tpy_weakref_proxy(s, NULL);
    cr_assert_eq(TPY_REFCNT(s), 1);
    cr_assert_eq(tpy_weakref_get_borrow(w1), s);
    cr_assert_eq(tpy_weakref_get_borrow(p), s);
    cr_assert_eq(tpy_weakref_count(s), 3);
    TPY_DECREF(s);
    cr_assert_null(tpy_weakref_get_borrow(w1));
    cr_assert_null(tpy_weakref_get_borrow(w2));
    cr_assert_null(tpy_weakref_get_borrow(p));
    cr_assert_eq(ncalls, 1);
    cr_assert_eq(calls[0], w2);
    TPY_DECREF(w1);
    TPY_DECREF(w2);
    TPY_DECREF(p);
    TPY_DECREF(cb);
}

Test(weakref, callbackless_refs_and_proxies_are_shared)
{
    tpy_object_t *s = new_set();
    tpy_object_t *w1 = tpy_weakref_new(s, NULL);
    tpy_object_t *w2 = tpy_weakref_new(s, tpy_none);
    tpy_object_t *p1 = tpy_weakref_proxy(s, NULL);
    tpy_object_t *p2 = tpy_weakref_proxy(s, tpy_none);
    cr_assert_eq(w1, w2);
    cr_assert_eq(p1, p2);
    cr_assert_neq(w1, p1);
    cr_assert_eq(tpy_weakref_count(s), 2);
    TPY_DECREF(w1);
    TPY_DECREF(w2);
    TPY_DECREF(p1);
    TPY_DECREF(p2);
    cr_assert_eq(tpy_weakref_count(s), 0);
    TPY_DECREF(s);
}

Test(weakref, the_list_puts_shared_ones_first_then_newest_first)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    tpy_object_t *b = tpy_weakref_new(s, cb);
    tpy_object_t *p = tpy_weakref_proxy(s, NULL);
    tpy_object_t *r = tpy_weakref_new(s, NULL);
    tpy_object_t *pc = tpy_weakref_proxy(s, cb);
    tpy_object_t *list = tpy_weakref_list(s);
    tpy_object_t *want[] = {r, p, pc, b, a};
    cr_assert_eq(TPY_LIST_SIZE(list), 5);
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(TPY_LIST_GET(list, i), want[i], "position %d", i);
    }
    TPY_DECREF(list);
    TPY_DECREF(s);
    // callbacks in list order: the proxy with a callback, then b, then a
    cr_assert_eq(ncalls, 3);
    cr_assert_eq(calls[0], pc);
    cr_assert_eq(calls[1], b);
    cr_assert_eq(calls[2], a);
    cr_assert(calls_saw_dead);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(p);
    TPY_DECREF(r);
    TPY_DECREF(pc);
    TPY_DECREF(cb);
}

Test(weakref, a_weakref_that_dies_first_never_calls_back)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *w = tpy_weakref_new(s, cb);
    TPY_DECREF(w);
    cr_assert_eq(tpy_weakref_count(s), 0);
    TPY_DECREF(s);
    cr_assert_eq(ncalls, 0);
    TPY_DECREF(cb);
}

/* ---- dealloc-time clearing ------------------------------------------------------- */

Test(weakref, a_raising_callback_is_unraisable_and_the_others_still_run)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    tpy_object_t *b = tpy_weakref_new(s, cb);
    callback_raises = true;
    TPY_DECREF(s); // "Exception ignored in: <built-in function record>" x2 on stderr
    cr_assert_eq(ncalls, 2);
    cr_assert_null(tpy_err_occurred());
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(cb);
}

Test(weakref, callbacks_keep_the_current_exception)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    tpy_err_format(&tpy_exc_KeyError, "pending");
    tpy_object_t *before = tpy_err_occurred();
    TPY_DECREF(s);
    cr_assert_eq(ncalls, 1);
    cr_assert_eq(tpy_err_occurred(), before);
    tpy_err_clear();
    TPY_DECREF(a);
    TPY_DECREF(cb);
}

Test(weakref, the_callback_is_taken_out_when_it_runs)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    cr_assert_eq(((tpy_weakref_t *)a)->callback, cb);
    TPY_DECREF(s);
    cr_assert_null(((tpy_weakref_t *)a)->callback);
    cr_assert_eq(TPY_REFCNT(cb), 1);
    TPY_DECREF(a);
    TPY_DECREF(cb);
}

/* ---- the collector's entry points -------------------------------------------------- */

static tpy_object_t *visited[MAX_CALLS];
static int nvisited;

static void visit_wr(tpy_object_t *wr, void *arg)
{
    cr_assert_eq(arg, (void *)&nvisited);
    visited[nvisited++] = tpy_newref(wr); // the collector keeps its own reference
}

Test(weakref, clear_for_gc_kills_without_calling_then_call_callback_runs_once)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *plain = tpy_weakref_new(s, NULL);
    tpy_object_t *a = tpy_weakref_new(s, cb);
    tpy_object_t *b = tpy_weakref_new(s, cb);
    nvisited = 0;
    tpy_weakref_clear_for_gc(s, visit_wr, &nvisited);
    cr_assert_eq(ncalls, 0);
    cr_assert_eq(nvisited, 2);
    cr_assert_eq(visited[0], b);
    cr_assert_eq(visited[1], a);
    cr_assert_null(tpy_weakref_get_borrow(plain));
    cr_assert_null(tpy_weakref_get_borrow(a));
    cr_assert_eq(tpy_weakref_count(s), 0);
    for (int i = 0; i < nvisited; i++) {
        tpy_weakref_call_callback(visited[i]);
        tpy_weakref_call_callback(visited[i]); // a second call does nothing
    }
    cr_assert_eq(ncalls, 2);
    cr_assert_eq(calls[0], b);
    cr_assert(calls_saw_dead);
    for (int i = 0; i < nvisited; i++) {
        TPY_DECREF(visited[i]);
    }
    TPY_DECREF(s); // the list is empty: nothing more runs
    cr_assert_eq(ncalls, 2);
    TPY_DECREF(plain);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(cb);
}

Test(weakref, clear_for_gc_of_a_weakref_unlinks_it_from_its_referent)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    nvisited = 0;
    tpy_weakref_clear_for_gc(a, visit_wr, &nvisited); // [a] itself is garbage
    cr_assert_eq(nvisited, 0);
    cr_assert_null(tpy_weakref_get_borrow(a));
    cr_assert_eq(tpy_weakref_count(s), 0);
    TPY_DECREF(s);
    cr_assert_eq(ncalls, 0);
    TPY_DECREF(a);
    TPY_DECREF(cb);
}

Test(weakref, clear_for_gc_accepts_a_null_visitor)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    tpy_weakref_clear_for_gc(s, NULL, NULL);
    cr_assert_null(tpy_weakref_get_borrow(a));
    TPY_DECREF(s);
    TPY_DECREF(a);
    cr_assert_eq(ncalls, 0);
    TPY_DECREF(cb);
}

static tpy_object_t *traversed[4];
static int ntraversed;

static int count_visit(tpy_object_t *obj, void *arg)
{
    (void)arg;
    if (ntraversed < 4) {
        traversed[ntraversed] = obj;
    }
    ntraversed++;
    return 0;
}

Test(weakref, traverse_visits_the_callback_not_the_referent)
{
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *a = tpy_weakref_new(s, cb);
    tpy_object_t *plain = tpy_weakref_new(s, NULL);
    cr_assert(TPY_OBJECT_IS_GC(a));
    cr_assert(tpy_gc_is_tracked(a));
    ntraversed = 0;
    cr_assert_eq(TPY_TYPE(a)->tp_traverse(a, count_visit, NULL), 0);
    cr_assert_eq(ntraversed, 1);
    cr_assert_eq(traversed[0], cb);
    ntraversed = 0;
    TPY_TYPE(plain)->tp_traverse(plain, count_visit, NULL);
    cr_assert_eq(ntraversed, 0);
    TPY_DECREF(s);
    TPY_DECREF(a);
    TPY_DECREF(plain);
    TPY_DECREF(cb);
}

/* ---- type objects: the side table ---------------------------------------------------- */

Test(weakref, static_types_can_be_weakly_referenced)
{
    tpy_object_t *t1 = TPY_OBJ(&tpy_int_type), *t2 = TPY_OBJ(&tpy_float_type);
    tpy_object_t *w1 = tpy_weakref_new(t1, NULL);
    tpy_object_t *w2 = tpy_weakref_new(t2, NULL);
    tpy_object_t *p1 = tpy_weakref_proxy(t1, NULL);
    cr_assert_not_null(w1);
    cr_assert_eq(tpy_weakref_get_borrow(w1), t1);
    cr_assert_eq(tpy_weakref_new(t1, NULL), w1);
    TPY_DECREF(w1);
    cr_assert_eq(tpy_weakref_count(t1), 2);
    cr_assert_eq(tpy_weakref_count(t2), 1);
    TPY_DECREF(p1);
    TPY_DECREF(w1);
    cr_assert_eq(tpy_weakref_count(t1), 0);
    TPY_DECREF(w2);
    cr_assert_eq(tpy_weakref_count(t2), 0);
    // the side table is released with its last entry (the teardown checks blocks)
}

Test(weakref, many_types_grow_and_shrink_the_side_table)
{
    tpy_type_t *types[] = {&tpy_int_type,       &tpy_float_type,    &tpy_str_type,
                           &tpy_list_type,      &tpy_dict_type,     &tpy_set_type,
                           &tpy_tuple_type,     &tpy_range_type,    &tpy_bool_type,
                           &tpy_type_type,      &tpy_object_type,   &tpy_none_type,
                           &tpy_frozenset_type, &tpy_function_type, &tpy_module_type};
    size_t n = sizeof types / sizeof types[0];
    tpy_object_t *w[sizeof types / sizeof types[0]];
    for (size_t i = 0; i < n; i++) {
        w[i] = tpy_weakref_new(TPY_OBJ(types[i]), NULL);
        cr_assert_not_null(w[i]);
    }
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(tpy_weakref_get_borrow(w[i]), TPY_OBJ(types[i]));
        cr_assert_eq(tpy_weakref_count(TPY_OBJ(types[i])), 1);
    }
    // drop every other one first, then the rest: lookups stay right throughout
    for (size_t i = 0; i < n; i += 2) {
        TPY_DECREF(w[i]);
    }
    for (size_t i = 1; i < n; i += 2) {
        cr_assert_eq(tpy_weakref_count(TPY_OBJ(types[i])), 1);
        cr_assert_eq(tpy_weakref_count(TPY_OBJ(types[i - 1])), 0);
        TPY_DECREF(w[i]);
    }
}

Test(weakref, a_heap_class_clears_its_weakrefs_when_freed)
{
    tpy_object_t *name = tpy_str_from_cstr("K");
    tpy_object_t *bases = tpy_tuple_new(0);
    tpy_object_t *ns = tpy_dict_new();
    tpy_object_t *cls = tpy_type_new_class(name, bases, ns);
    cr_assert_not_null(cls);
    TPY_DECREF(name);
    TPY_DECREF(bases);
    TPY_DECREF(ns);
    tpy_object_t *cb = new_callback();
    tpy_object_t *w = tpy_weakref_new(cls, cb);
    TPY_TYPE(cls)->tp_clear(cls); // break the MRO self-cycle
    TPY_DECREF(cls);
    cr_assert_null(tpy_weakref_get_borrow(w));
    cr_assert_eq(ncalls, 1);
    TPY_DECREF(w);
    TPY_DECREF(cb);
}

/* ---- stress ---------------------------------------------------------------------- */

Test(weakref, a_hundred_thousand_weakrefs_with_callbacks_to_one_object)
{
    enum { N = 100000 };
    tpy_object_t *s = new_set();
    tpy_object_t *cb = new_callback();
    tpy_object_t *list = tpy_list_new(0);
    for (int i = 0; i < N; i++) {
        tpy_object_t *w = tpy_weakref_new(s, cb);
        cr_assert_not_null(w);
        cr_assert_eq(tpy_list_append_steal(list, w), 0);
    }
    cr_assert_eq(tpy_weakref_count(s), N);
    TPY_DECREF(s);
    cr_assert_eq(ncalls, N);
    cr_assert_eq(calls[0], TPY_LIST_GET(list, N - 1)); // newest first
    cr_assert(calls_saw_dead);
    TPY_DECREF(list);
    TPY_DECREF(cb);
}

Test(weakref, a_hundred_thousand_objects_each_with_a_weakref)
{
    enum { N = 100000 };
    tpy_object_t *cb = new_callback();
    tpy_object_t *objs = tpy_list_new(0);
    tpy_object_t *refs = tpy_list_new(0);
    for (int i = 0; i < N; i++) {
        tpy_object_t *s = new_set();
        tpy_object_t *w = tpy_weakref_new(s, cb);
        cr_assert_eq(tpy_list_append_steal(objs, s), 0);
        cr_assert_eq(tpy_list_append_steal(refs, w), 0);
    }
    TPY_DECREF(objs);
    cr_assert_eq(ncalls, N);
    for (int i = 0; i < N; i++) {
        cr_assert_null(tpy_weakref_get_borrow(TPY_LIST_GET(refs, i)));
    }
    TPY_DECREF(refs);
    TPY_DECREF(cb);
}
