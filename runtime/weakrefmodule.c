/*
 * runtime/weakrefmodule.c - the built-in `_weakref` module: ref, proxy,
 * getweakrefcount, getweakrefs, the three type names and the private helpers
 * the `weakref` module (written in Python, vm/frozen/weakref.py) builds on.
 *
 * Also the list of functions to call at interpreter exit (`_atexit_register`,
 * used by weakref.finalize for atexit=True): the VM calls
 * tpy_weakref_run_atexit() once, before it tears anything down, and the
 * functions run newest first like CPython's atexit module.
 */
#include "runtime/runtime.h"

static tpy_object_t *exit_funcs; // list of callables (owned), NULL until one registers

static tpy_object_t *wr_getweakrefcount(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("_weakref.getweakrefcount", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64(tpy_weakref_count(args[0]));
}

static tpy_object_t *wr_getweakrefs(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("_weakref.getweakrefs", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_weakref_list(args[0]);
}

static tpy_object_t *wr_proxy(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("_weakref.proxy", kwnames) < 0 ||
        tpy_arg_count("proxy", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    return tpy_weakref_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

/* _remove_dead_weakref(dict, key): del dict[key] if its value is a dead
 * weakref (the removal callback of WeakValueDictionary). */
static tpy_object_t *wr_remove_dead_weakref(tpy_object_t *self, tpy_object_t *const *args,
                                            size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("_remove_dead_weakref", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    tpy_object_t *d = args[0], *key = args[1];
    if (!TPY_DICT_CHECK(d)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "_remove_dead_weakref() argument 1 must be dict, not %T", d);
    }
    tpy_object_t *v = tpy_dict_get_borrow(d, key);
    if (v == NULL) {
        if (tpy_err_occurred()) {
            return NULL;
        }
        TPY_RETURN_NONE;
    }
    if (!TPY_ANY_WEAKREF_CHECK(v)) {
        return tpy_err_format(&tpy_exc_TypeError, "not a weakref");
    }
    if (tpy_weakref_get_borrow(v) == NULL && tpy_dict_discard(d, key) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *wr_atexit_register(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("_atexit_register", nargs, kwnames) < 0) {
        return NULL;
    }
    if (exit_funcs == NULL && (exit_funcs = tpy_list_new(0)) == NULL) {
        return NULL;
    }
    if (tpy_list_append(exit_funcs, args[0]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

/* _print_exception(exc): print exc's traceback to stderr as an uncaught
 * exception is printed (what CPython's finalize does with sys.excepthook). */
static tpy_object_t *wr_print_exception(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("_print_exception", nargs, kwnames) < 0) {
        return NULL;
    }
    if (!tpy_exc_check(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "_print_exception() argument must be an "
                              "exception, not %T",
                              args[0]);
    }
    tpy_sys_flush_std();
    if (tpy_ts.print_exception != NULL) {
        tpy_ts.print_exception(args[0]);
    }
    TPY_RETURN_NONE;
}

void tpy_weakref_run_atexit(void)
{
    tpy_object_t *funcs = exit_funcs;
    if (funcs == NULL) {
        return;
    }
    tpy_object_t *saved = tpy_err_fetch();
    // a function may register another: it runs too, before older ones
    while (TPY_LIST_SIZE(funcs) > 0) {
        intptr_t last = TPY_LIST_SIZE(funcs) - 1;
        tpy_object_t *f = TPY_LIST_GET(funcs, last); // taken out: the list's reference
        ((tpy_list_t *)funcs)->size = last;
        tpy_object_t *r = tpy_object_call0(f);
        if (r == NULL) {
            tpy_object_t *exc = tpy_err_fetch();
            tpy_sys_flush_std();
            if (exc != NULL && tpy_ts.print_exception != NULL) {
                tpy_ts.print_exception(exc);
            }
            TPY_XDECREF(exc);
        }
        TPY_XDECREF(r);
        TPY_DECREF(f);
    }
    exit_funcs = NULL;
    TPY_DECREF(funcs);
    tpy_err_restore(saved);
}

static const tpy_methoddef_t weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount, 0,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, 0,
     "Return a list of all weak reference objects pointing to "
     "'object'."},
    {"proxy", wr_proxy, 0, "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", wr_remove_dead_weakref, 0,
     "Atomically remove key from dict if it points to a dead weakref."},
    {"_atexit_register", wr_atexit_register, 0,
     "Call a function without arguments at interpreter exit (newest first)."},
    {"_print_exception", wr_print_exception, 0, "Print an exception and its traceback."},
    {NULL, NULL, 0, NULL},
};

tpy_object_t *tpy_weakref_module_create(void)
{
    if (tpy_weakref_init() < 0) {
        return NULL;
    }
    tpy_object_t *m = tpy_module_new("_weakref");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, weakref_functions) < 0 ||
        tpy_module_add_object(m, "ref", TPY_OBJ(&tpy_weakref_type)) < 0 ||
        tpy_module_add_object(m, "ReferenceType", TPY_OBJ(&tpy_weakref_type)) < 0 ||
        tpy_module_add_object(m, "ProxyType", TPY_OBJ(&tpy_weakproxy_type)) < 0 ||
        tpy_module_add_object(m, "CallableProxyType", TPY_OBJ(&tpy_weakcallableproxy_type)) < 0) {
        TPY_DECREF(m);
        return NULL;
    }
    return m;
}
