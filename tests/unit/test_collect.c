/*
 * tests/unit/test_collect.c - the cycle collector: each phase through what it
 * must achieve (cycles freed, reachable objects kept, finalizers once,
 * resurrection survived), every container type's tp_traverse visiting each
 * owned reference exactly once and tp_clear breaking cycles through it,
 * exact generation counts, freeze.  The fixture checks after each test that
 * every block and reference came back, so "freed" means freed.
 */
#include "gc/gcstate.h"
#include "tests/unit/support.h"
#include "vm/vm.h"

#include <string.h>

TPY_TEST_SUITE(collect);

static void init_vm(void)
{
    static bool done;
    if (!done) {
        tpy_eval_init();
        tpy_ts.modules = tpy_dict_new();
        tpy_object_t *bm = tpy_builtins_module_create();
        cr_assert_not_null(bm);
        tpy_ts.builtins = tpy_newref(TPY_MODULE_DICT(bm));
        TPY_DECREF(bm);
        done = true;
    }
    tpy_gc_collect(2);
    tpy_test_reset_baseline(); // the eval loop keeps its data stack chunk
}

/* Run [src] in a fresh namespace; the namespace (new ref). */
static tpy_object_t *run(const char *src)
{
    tpy_object_t *code = tpy_compile_source(src, strlen(src), "<test>", TPY_COMPILE_FILE);
    cr_assert_not_null(code, "compile failed");
    tpy_object_t *ns = tpy_dict_new();
    tpy_object_t *r = tpy_eval_code(code, ns, ns);
    TPY_DECREF(code);
    if (r == NULL) {
        tpy_object_t *exc = tpy_err_fetch();
        tpy_object_t *s = exc ? tpy_exc_str(exc) : NULL;
        cr_assert_fail("%s: %s", exc ? TPY_TYPE(exc)->tp_name : "?", s ? TPY_STR_DATA(s) : "");
    }
    TPY_DECREF(r);
    return ns;
}

static int64_t get_int(tpy_object_t *ns, const char *name)
{
    tpy_object_t *v = tpy_dict_get_cstr_borrow(ns, name);
    cr_assert_not_null(v, "%s is unset", name);
    return tpy_int_as_i64(v);
}

static void assert_balanced(const char *what)
{
    tpy_test_balance_t b = tpy_test_balance();
    cr_assert(b.blocks == 0 && b.refs == 0, "%s: %ld blocks, %ld refs left", what,
              (long)b.blocks, (long)b.refs);
}

/* ---- the algorithm -------------------------------------------------------------- */

Test(collect, frees_a_list_that_contains_itself)
{
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_eq(tpy_list_append(l, l), 0);
    TPY_DECREF(l);
    cr_assert_eq(tpy_gc_collect(2), 1, "the cycle outlives its last name until a collection");
    assert_balanced("self-list");
}

Test(collect, keeps_a_cycle_that_is_referenced_from_outside)
{
    tpy_object_t *a = tpy_list_new(0);
    tpy_object_t *b = tpy_list_new(0);
    tpy_list_append(a, b);
    tpy_list_append(b, a);
    TPY_DECREF(b);
    cr_assert_eq(tpy_gc_collect(2), 0);
    cr_assert_eq(TPY_LIST_SIZE(a), 1);
    cr_assert_eq(TPY_REFCNT(a), 2);
    TPY_DECREF(a);
    cr_assert_eq(tpy_gc_collect(2), 2);
    assert_balanced("two-list ring");
}

Test(collect, keeps_what_a_reachable_object_reaches_even_if_scanned_first)
{
    // [inner] is scanned before [outer] in generation 0 and looks unreachable
    // at first (only [outer] refers to it); [outer] must pull it back.
    tpy_object_t *inner = tpy_list_new(0);
    tpy_object_t *outer = tpy_list_new(0);
    tpy_list_append(outer, inner);
    tpy_list_append(inner, inner);
    TPY_DECREF(inner);
    cr_assert_eq(tpy_gc_collect(0), 0);
    cr_assert_eq(TPY_LIST_GET(outer, 0), TPY_LIST_GET(TPY_LIST_GET(outer, 0), 0));
    TPY_DECREF(outer);
    cr_assert_eq(tpy_gc_collect(2), 1);
    assert_balanced("nested");
}

Test(collect, survivors_move_up_one_generation)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_list_append(l, l); // keep it tracked (a list always is)
    tpy_gc_head_t *g = TPY_GC_HEAD(l);
    cr_assert(g->prev & GC_FLAG_YOUNG, "a new container is in generation 0");
    tpy_gc_collect(0);
    cr_assert_not(g->prev & GC_FLAG_YOUNG);
    bool in1 = false;
    for (tpy_gc_head_t *h = gc_state.gen[1].head.next; h != &gc_state.gen[1].head; h = h->next) {
        in1 |= h == g;
    }
    cr_assert(in1, "survived generation 0: now in generation 1");
    tpy_list_clear(l);
    TPY_DECREF(l);
}

Test(collect, counts_are_exact)
{
    tpy_gc_collect(2);
    cr_assert_eq(gc_state.gen[0].count, 0);
    tpy_object_t *a = tpy_list_new(0);
    tpy_object_t *d = tpy_dict_new();
    cr_assert_eq(gc_state.gen[0].count, 1, "an empty dict is not tracked");
    tpy_object_t *t = tpy_tuple_pack(2, a, d);
    cr_assert_eq(gc_state.gen[0].count, 2);
    TPY_DECREF(t);
    cr_assert_eq(gc_state.gen[0].count, 1);
    tpy_gc_collect(0);
    cr_assert_eq(gc_state.gen[0].count, 0);
    cr_assert_eq(gc_state.gen[1].count, 1);
    TPY_DECREF(a); // an old object dies: generation 0's count is not touched
    cr_assert_eq(gc_state.gen[0].count, 0);
    TPY_DECREF(d);
    tpy_gc_collect(2);
    cr_assert_eq(gc_state.gen[1].count, 0);
    cr_assert_eq(gc_state.gen[2].count, 0);
}

Test(collect, untracks_tuples_of_atomic_objects)
{
    // filled item by item, so tracked from birth until the collector looks
    tpy_object_t *t = tpy_tuple_new(2);
    TPY_TUPLE_ITEMS(t)[0] = tpy_int_from_i64(1);
    TPY_TUPLE_ITEMS(t)[1] = tpy_newref(tpy_none);
    cr_assert(tpy_gc_is_tracked(t));
    tpy_gc_collect(0);
    cr_assert_not(tpy_gc_is_tracked(t));
    TPY_DECREF(t);
}

Test(collect, tuples_built_from_atomic_items_are_never_tracked)
{
    tpy_object_t *one = tpy_int_from_i64(1);
    tpy_object_t *t = tpy_tuple_pack(2, one, tpy_none);
    tpy_object_t *nested = tpy_tuple_pack(2, t, one);
    cr_assert_not(tpy_gc_is_tracked(t));
    cr_assert_not(tpy_gc_is_tracked(nested), "an untracked tuple is an atomic item");
    tpy_object_t *l = tpy_list_new(0);
    tpy_object_t *withlist = tpy_tuple_pack(2, one, l);
    cr_assert(tpy_gc_is_tracked(withlist), "a list may take part in a cycle");
    TPY_DECREF(withlist);
    TPY_DECREF(l);
    TPY_DECREF(nested);
    TPY_DECREF(t);
    TPY_DECREF(one);
}

Test(collect, freeze_hides_objects_from_collections)
{
    tpy_object_t *l = tpy_list_new(0);
    tpy_list_append(l, l);
    tpy_gc_collect(2);
    tpy_gc_head_t *perm = &gc_state.permanent;
    gc_list_merge(&gc_state.gen[2].head, perm); // what gc.freeze() does with old objects
    TPY_DECREF(l);
    cr_assert_eq(tpy_gc_collect(2), 0, "a frozen cycle is not collected");
    gc_list_merge(perm, &gc_state.gen[2].head); // gc.unfreeze()
    cr_assert_eq(tpy_gc_collect(2), 1);
    assert_balanced("frozen cycle");
}

/* ---- finalizers and resurrection ------------------------------------------------- */

Test(collect, runs_each_finalizer_once_and_frees_the_cycle)
{
    init_vm();
    tpy_object_t *ns = run("log = []\n"
                           "class N:\n"
                           "    def __del__(self):\n"
                           "        log.append(self.name)\n"
                           "def make():\n"
                           "    a = N(); b = N(); a.name = 'a'; b.name = 'b'\n"
                           "    a.o = b; b.o = a\n"
                           "make()\n");
    tpy_object_t *log = tpy_dict_get_cstr_borrow(ns, "log");
    cr_assert_eq(TPY_LIST_SIZE(log), 0, "the cycle outlives make()");
    cr_assert_eq(tpy_gc_collect(2), 2, "two instances (their attributes are values, not dicts)");
    cr_assert_eq(TPY_LIST_SIZE(log), 2);
    tpy_gc_collect(2);
    cr_assert_eq(TPY_LIST_SIZE(log), 2, "no finalizer runs twice");
    tpy_dict_clear(ns);
    TPY_DECREF(ns);
    tpy_gc_collect(2);
    assert_balanced("finalized cycle");
}

Test(collect, keeps_an_object_its_finalizer_resurrects)
{
    init_vm();
    tpy_object_t *ns = run("saved = []\n"
                           "calls = 0\n"
                           "class P:\n"
                           "    def __del__(self):\n"
                           "        global calls\n"
                           "        calls += 1\n"
                           "        saved.append(self)\n"
                           "p = P(); p.me = p; p.data = [1, 2, 3]\n"
                           "del p\n");
    tpy_gc_collect(2);
    tpy_object_t *saved = tpy_dict_get_cstr_borrow(ns, "saved");
    cr_assert_eq(TPY_LIST_SIZE(saved), 1, "resurrected");
    tpy_object_t *p = TPY_LIST_GET(saved, 0);
    cr_assert(tpy_gc_is_finalized(p));
    cr_assert(tpy_gc_is_tracked(p), "a resurrected object stays tracked");
    cr_assert_eq(get_int(ns, "calls"), 1);
    tpy_list_clear(saved);
    tpy_gc_collect(2);
    cr_assert_eq(get_int(ns, "calls"), 1, "__del__ does not run again");
    tpy_dict_clear(ns);
    TPY_DECREF(ns);
    tpy_gc_collect(2);
    assert_balanced("resurrection");
}

/* ---- every container type: traverse once, clear breaks the cycle ------------------ */

static tpy_object_t *visit_target;
static int visit_hits;

static int count_visit(tpy_object_t *op, void *arg)
{
    (void)arg;
    if (op == visit_target) {
        visit_hits++;
    }
    return 0;
}

/* [holder] refers to [target]: its traverse must visit target exactly as many
 * times as holder owns references to it. */
static void assert_traverse_matches(tpy_object_t *holder, tpy_object_t *target, int owned,
                                    const char *what)
{
    visit_target = target;
    visit_hits = 0;
    TPY_TYPE(holder)->tp_traverse(holder, count_visit, NULL);
    cr_assert_eq(visit_hits, owned, "%s: traverse visited its reference %d times, owns %d", what,
                 visit_hits, owned);
}

Test(collect, builtin_containers_visit_each_owned_reference_once)
{
    tpy_object_t *x = tpy_list_new(0);
    intptr_t before = TPY_REFCNT(x);
    tpy_object_t *l = tpy_list_new(0);
    tpy_list_append(l, x);
    tpy_list_append(l, x);
    assert_traverse_matches(l, x, (int)(TPY_REFCNT(x) - before), "list");
    tpy_object_t *t = tpy_tuple_pack(3, x, l, x);
    assert_traverse_matches(t, x, 2, "tuple");
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *k = tpy_int_from_i64(7);
    tpy_dict_set(d, k, x);
    tpy_dict_set_cstr(d, "s", x);
    assert_traverse_matches(d, x, 2, "dict");
    assert_traverse_matches(d, k, 1, "dict (non-str key)");
    tpy_object_t *fs = tpy_tuple_pack(1, k);
    tpy_object_t *s = tpy_set_new(NULL);
    tpy_set_add(s, fs);
    assert_traverse_matches(s, fs, 1, "set");
    TPY_DECREF(s);
    TPY_DECREF(fs);
    TPY_DECREF(k);
    TPY_DECREF(d);
    TPY_DECREF(t);
    TPY_DECREF(l);
    TPY_DECREF(x);
}

/* Each snippet leaves a cycle through one kind of container in `x`; after
 * the namespace is dropped only the collector can free it, and it must free
 * all of it (the fixture counts every block). */
static const char *const cycle_snippets[] = {
    "x = []\nx.append(x)\n",
    "x = {}\nx['me'] = x\n",
    "x = {1: None}\nx[1] = [x]\n",
    "class C: pass\nx = C()\nx.me = x\n",
    "class C:\n    pass\nC.me = C\nx = C\n",
    "def f(): pass\nf.me = f\nx = f\n",
    "def f(a=[]): pass\nf.__defaults__[0].append(f)\nx = f\n",
    "def outer():\n    def inner(): return inner\n    return inner\nx = outer()\n",
    "class C:\n    def m(self): pass\nc = C()\nc.bound = c.m\nx = c\n",
    "def g():\n    me = yield 1\n    yield me\nx = g()\nnext(x)\nx.send(x)\n",
    "class C:\n    @property\n    def p(self): return 1\nC.keep = C.__dict__['p']\nx = C\n",
    "class C:\n    @staticmethod\n    def s(): pass\n    @classmethod\n    def c(cls): pass\nx = C\n",
    "try:\n    raise ValueError('v')\nexcept ValueError as e:\n    x = e\n    x.me = x\n",
    "x = [iter([])]\nx.append(iter(x))\n",
    "x = {'a': 1}\nv = x.values()\nx['v'] = v\n",
    "x = [(1, 2), ()]\nx.append((x,))\n",
    "x = [1]\ne = enumerate(x)\nx.append(e)\nz = zip(x, x)\nx.append(z)\n",
    "x = [1]\nm = map(len, [x])\nx.append(m)\nf = filter(None, x)\nx.append(f)\n",
    "class C:\n    def __init__(self): self.s = super()\nx = C()\nx.me = x\n",
};

Test(collect, every_container_type_cycle_is_freed)
{
    init_vm();
    for (size_t i = 0; i < sizeof cycle_snippets / sizeof cycle_snippets[0]; i++) {
        tpy_test_reset_baseline(); // caches filled by earlier snippets are not this one's
        tpy_object_t *ns = run(cycle_snippets[i]);
        tpy_dict_clear(ns);
        TPY_DECREF(ns);
        // (the count may be 0: a generator's finalizer breaks its own cycle,
        // and CPython counts only what is left for tp_clear)
        tpy_gc_collect(2);
        tpy_test_balance_t b = tpy_test_balance();
        cr_assert(b.blocks == 0 && b.refs == 0, "snippet %zu left %ld blocks, %ld refs:\n%s", i,
                  (long)b.blocks, (long)b.refs, cycle_snippets[i]);
    }
}
