/*
 * tests/unit/test_vm.c - the compiler and the eval loop end to end: source in,
 * values and exceptions out, with exact reference counts.
 */
#include "tests/unit/support.h"
#include "vm/vm.h"

#include <string.h>

TPY_TEST_SUITE(vm);

/* Run [src] in a fresh namespace; returns the namespace (new ref) or NULL. */
static tpy_object_t *run(const char *src)
{
    tpy_object_t *code = tpy_compile_source(src, strlen(src), "<test>", TPY_COMPILE_FILE);
    if (code == NULL) {
        return NULL;
    }
    tpy_object_t *ns = tpy_dict_new();
    tpy_object_t *r = tpy_eval_code(code, ns, ns);
    TPY_DECREF(code);
    if (r == NULL) {
        // break the function <-> globals cycles the test namespace may hold
        tpy_dict_clear(ns);
        TPY_DECREF(ns);
        return NULL;
    }
    TPY_DECREF(r);
    return ns;
}

static void drop(tpy_object_t *ns)
{
    tpy_dict_clear(ns);
    TPY_DECREF(ns);
}

static int64_t get_int(tpy_object_t *ns, const char *name)
{
    tpy_object_t *v = tpy_dict_get_cstr_borrow(ns, name);
    cr_assert_not_null(v, "%s is unset", name);
    cr_assert(TPY_INT_CHECK(v), "%s is not an int", name);
    return tpy_int_as_i64(v);
}

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
    tpy_test_reset_baseline(); // the eval loop keeps its data stack chunk
}

Test(vm, arithmetic_follows_python_sign_rules, .init = init_vm)
{
    tpy_object_t *ns = run("a = -7 // 2\nb = -7 % 3\nc = 2 ** 10\nd = 7 - 10 * 3\n");
    cr_assert_not_null(ns);
    cr_assert_eq(get_int(ns, "a"), -4);
    cr_assert_eq(get_int(ns, "b"), 2);
    cr_assert_eq(get_int(ns, "c"), 1024);
    cr_assert_eq(get_int(ns, "d"), -23);
    drop(ns);
}

Test(vm, recursive_calls_do_not_recurse_in_c, .init = init_vm)
{
    tpy_object_t *ns = run("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nr = f(900)\n");
    cr_assert_not_null(ns);
    cr_assert_eq(get_int(ns, "r"), 900);
    drop(ns);
}

Test(vm, deep_recursion_raises_recursion_error, .init = init_vm)
{
    tpy_object_t *ns = run("def f():\n    return f()\nf()\n");
    cr_assert_null(ns);
    cr_assert(tpy_err_matches(&tpy_exc_RecursionError));
    tpy_err_clear();
}

Test(vm, closures_share_cells, .init = init_vm)
{
    tpy_object_t *ns = run("def counter():\n"
                           "    n = 0\n"
                           "    def inc():\n"
                           "        nonlocal n\n"
                           "        n += 1\n"
                           "        return n\n"
                           "    return inc\n"
                           "c = counter()\nc()\nc()\nr = c()\n");
    cr_assert_not_null(ns);
    cr_assert_eq(get_int(ns, "r"), 3);
    drop(ns);
}

Test(vm, finally_runs_on_return_and_break, .init = init_vm)
{
    tpy_object_t *ns = run("log = []\n"
                           "def f():\n"
                           "    try:\n"
                           "        return 1\n"
                           "    finally:\n"
                           "        log.append('f')\n"
                           "for i in range(3):\n"
                           "    try:\n"
                           "        break\n"
                           "    finally:\n"
                           "        log.append('b')\n"
                           "r = f()\nn = len(log)\n");
    cr_assert_not_null(ns);
    cr_assert_eq(get_int(ns, "r"), 1);
    cr_assert_eq(get_int(ns, "n"), 2);
    drop(ns);
}

Test(vm, except_clause_unbinds_its_name, .init = init_vm)
{
    tpy_object_t *ns = run("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    pass\n");
    cr_assert_not_null(ns);
    cr_assert_null(tpy_dict_get_cstr_borrow(ns, "e"));
    drop(ns);
}

Test(vm, syntax_errors_carry_line_and_offset, .init = init_vm)
{
    const char *src = "x = 1\nif x\n    pass\n";
    tpy_object_t *code = tpy_compile_source(src, strlen(src), "<test>", TPY_COMPILE_FILE);
    cr_assert_null(code);
    cr_assert(tpy_err_matches(&tpy_exc_SyntaxError));
    tpy_object_t *exc = tpy_err_fetch();
    tpy_object_t *ln = tpy_object_getattr_cstr(exc, "lineno");
    cr_assert_eq(tpy_int_as_i64(ln), 2);
    TPY_DECREF(ln);
    TPY_DECREF(exc);
}

Test(vm, return_outside_function_is_a_syntax_error, .init = init_vm)
{
    const char *src = "return 5\n";
    tpy_object_t *code = tpy_compile_source(src, strlen(src), "<test>", TPY_COMPILE_FILE);
    cr_assert_null(code);
    cr_assert(tpy_err_matches(&tpy_exc_SyntaxError));
    tpy_err_clear();
}

Test(vm, rebinding_frees_the_old_object_at_once, .init = init_vm)
{
    tpy_object_t *ns = run("log = []\n"
                           "class A:\n"
                           "    def __del__(self):\n"
                           "        log.append(1)\n"
                           "a = A()\n"
                           "a = None\n"
                           "n = len(log)\n");
    cr_assert_not_null(ns);
    cr_assert_eq(get_int(ns, "n"), 1);
    // the class refers to itself through its MRO: break that for the leak check
    tpy_object_t *cls = tpy_dict_get_cstr_borrow(ns, "A");
    TPY_INCREF(cls);
    drop(ns);
    TPY_TYPE(cls)->tp_clear(cls);
    TPY_DECREF(cls);
}
