/*
 * gc/gcmodule.c - the built-in `gc` module (CPython 3.11's API) and the hooks
 * through which the collector reaches the runtime.
 *
 * This is the one binding file of gc/: it may include runtime/runtime.h.
 * Everything the module reports is read straight from the collector's state
 * (gc/gcstate.h), so gc.get_count() is exact: after gc.collect() it is
 * (0, 0, 0), and only containers the program itself makes move it.
 * get_stats() adds `duration` and `max_pause` (seconds) to CPython's keys.
 */
#include "gc/gcstate.h"
#include "runtime/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tpy_object_t *gc_callbacks; // the gc.callbacks list (owned)
static tpy_object_t *gc_garbage;   // the gc.garbage list (owned)

/* ---- argument helpers ------------------------------------------------------- */

/* An int argument as a C long (TypeError / OverflowError as CPython). */
static int as_long(tpy_object_t *v, long *out)
{
    tpy_object_t *i = tpy_number_index(v);
    if (i == NULL) {
        return -1;
    }
    int overflow = 0;
    int64_t x = tpy_int_as_i64_overflow(i, &overflow);
    TPY_DECREF(i);
    if (overflow) {
        tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = (long)x;
    return 0;
}

/* ---- the module's functions ------------------------------------------------- */

static tpy_object_t *gc_collect(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"generation", NULL};
    tpy_object_t *arg[1];
    if (tpy_arg_parse("collect", args, nargs, kwnames, names, 0, 0, arg) < 0) {
        return NULL;
    }
    long gen = TPY_GC_NGEN - 1;
    if (arg[0] != NULL && as_long(arg[0], &gen) < 0) {
        return NULL;
    }
    if (gen < 0 || gen >= TPY_GC_NGEN) {
        return tpy_err_format(&tpy_exc_ValueError, "invalid generation");
    }
    return tpy_int_from_i64(tpy_gc_collect((int)gen));
}

static tpy_object_t *gc_enable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.enable", nargs, kwnames) < 0) {
        return NULL;
    }
    gc_state.enabled = true;
    return tpy_newref(tpy_none);
}

static tpy_object_t *gc_disable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.disable", nargs, kwnames) < 0) {
        return NULL;
    }
    gc_state.enabled = false;
    return tpy_newref(tpy_none);
}

static tpy_object_t *gc_isenabled(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.isenabled", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_newref(gc_state.enabled ? tpy_true : tpy_false);
}

static tpy_object_t *gc_get_count(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.get_count", nargs, kwnames) < 0) {
        return NULL;
    }
    // read the counts before building anything: the result tuple must not count
    intptr_t c[TPY_GC_NGEN];
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        c[i] = gc_state.gen[i].count;
    }
    tpy_object_t *t = tpy_tuple_new(TPY_GC_NGEN);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        tpy_object_t *v = tpy_int_from_i64(c[i]);
        if (v == NULL) {
            TPY_DECREF(t);
            return NULL;
        }
        TPY_TUPLE_ITEMS(t)[i] = v;
    }
    return t;
}

static tpy_object_t *gc_get_threshold(tpy_object_t *self, tpy_object_t *const *args,
                                      size_t nargs, tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.get_threshold", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *t = tpy_tuple_new(TPY_GC_NGEN);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        tpy_object_t *v = tpy_int_from_i64(gc_state.gen[i].threshold);
        if (v == NULL) {
            TPY_DECREF(t);
            return NULL;
        }
        TPY_TUPLE_ITEMS(t)[i] = v;
    }
    return t;
}

static tpy_object_t *gc_set_threshold(tpy_object_t *self, tpy_object_t *const *args,
                                      size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("set_threshold", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "set_threshold() takes at least 1 argument (0 given)");
    }
    if (nargs > TPY_GC_NGEN) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "set_threshold() takes at most 3 arguments (%zu given)", nargs);
    }
    long t[TPY_GC_NGEN];
    for (size_t i = 0; i < nargs; i++) {
        if (as_long(args[i], &t[i]) < 0) {
            return NULL;
        }
    }
    for (size_t i = 0; i < nargs; i++) {
        gc_state.gen[i].threshold = t[i];
    }
    return tpy_newref(tpy_none);
}

static tpy_object_t *gc_get_debug(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.get_debug", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64(gc_state.debug);
}

static tpy_object_t *gc_set_debug(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("gc.set_debug", nargs, kwnames) < 0) {
        return NULL;
    }
    long flags;
    if (as_long(args[0], &flags) < 0) {
        return NULL;
    }
    gc_state.debug = (int)flags;
    return tpy_newref(tpy_none);
}

/* Append every object of [list] to [result] (but not result itself). */
static int append_objects(tpy_object_t *result, tpy_gc_head_t *list)
{
    for (tpy_gc_head_t *g = list->next; g != list; g = g->next) {
        tpy_object_t *op = TPY_GC_OBJ(g);
        if (op != result && tpy_list_append(result, op) < 0) {
            return -1;
        }
    }
    return 0;
}

static tpy_object_t *gc_get_objects(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"generation", NULL};
    tpy_object_t *arg[1];
    if (tpy_arg_parse("get_objects", args, nargs, kwnames, names, 0, 0, arg) < 0) {
        return NULL;
    }
    long gen = -1;
    if (arg[0] != NULL && arg[0] != tpy_none) {
        if (as_long(arg[0], &gen) < 0) {
            return NULL;
        }
        if (gen >= TPY_GC_NGEN) {
            return tpy_err_format(&tpy_exc_ValueError,
                                  "generation parameter must be less than the number of "
                                  "available generations (%d)",
                                  TPY_GC_NGEN);
        }
        if (gen < 0) {
            return tpy_err_format(&tpy_exc_ValueError, "generation parameter cannot be negative");
        }
    }
    tpy_object_t *result = tpy_list_new(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        if ((gen < 0 || gen == i) && append_objects(result, &gc_state.gen[i].head) < 0) {
            TPY_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static tpy_object_t *gc_get_stats(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.get_stats", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_gc_genstats_t st[TPY_GC_NGEN];
    memcpy(st, gc_state.stats, sizeof st);
    tpy_object_t *result = tpy_list_new(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        tpy_object_t *d = tpy_dict_new();
        tpy_object_t *v[5] = {tpy_int_from_i64(st[i].collections),
                              tpy_int_from_i64(st[i].collected),
                              tpy_int_from_i64(st[i].uncollectable),
                              tpy_float_from_double(st[i].duration),
                              tpy_float_from_double(st[i].max_pause)};
        static const char *const keys[5] = {"collections", "collected", "uncollectable",
                                            "duration", "max_pause"};
        int err = d == NULL;
        for (int k = 0; k < 5; k++) {
            if (v[k] == NULL || (!err && tpy_dict_set_cstr(d, keys[k], v[k]) < 0)) {
                err = 1;
            }
            TPY_XDECREF(v[k]);
        }
        if (err || tpy_list_append(result, d) < 0) {
            TPY_XDECREF(d);
            TPY_DECREF(result);
            return NULL;
        }
        TPY_DECREF(d);
    }
    return result;
}

/* get_referrers: does the traversed object refer to one of the arguments? */
typedef struct {
    tpy_object_t *const *objs;
    size_t n;
} referrers_ctx_t;

static int visit_is_target(tpy_object_t *op, void *arg)
{
    referrers_ctx_t *ctx = arg;
    for (size_t i = 0; i < ctx->n; i++) {
        if (ctx->objs[i] == op) {
            return 1;
        }
    }
    return 0;
}

static tpy_object_t *gc_get_referrers(tpy_object_t *self, tpy_object_t *const *args,
                                      size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("get_referrers", kwnames) < 0) {
        return NULL;
    }
    referrers_ctx_t ctx = {args, nargs};
    tpy_object_t *result = tpy_list_new(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        tpy_gc_head_t *list = &gc_state.gen[i].head;
        for (tpy_gc_head_t *g = list->next; g != list; g = g->next) {
            tpy_object_t *op = TPY_GC_OBJ(g);
            if (op == result || TPY_TYPE(op)->tp_traverse == NULL) {
                continue;
            }
            if (TPY_TYPE(op)->tp_traverse(op, visit_is_target, &ctx) &&
                tpy_list_append(result, op) < 0) {
                TPY_DECREF(result);
                return NULL;
            }
        }
    }
    return result;
}

static int visit_append(tpy_object_t *op, void *arg)
{
    return tpy_list_append((tpy_object_t *)arg, op) < 0 ? -1 : 0;
}

static tpy_object_t *gc_get_referents(tpy_object_t *self, tpy_object_t *const *args,
                                      size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("get_referents", kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *result = tpy_list_new(0);
    if (result == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        tpy_object_t *op = args[i];
        if (!TPY_OBJECT_IS_GC(op) || TPY_TYPE(op)->tp_traverse == NULL) {
            continue;
        }
        if (TPY_TYPE(op)->tp_traverse(op, visit_append, result) < 0) {
            TPY_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static tpy_object_t *gc_is_tracked(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("gc.is_tracked", nargs, kwnames) < 0) {
        return NULL;
    }
    bool t = TPY_OBJECT_IS_GC(args[0]) && tpy_gc_is_tracked(args[0]);
    return tpy_newref(t ? tpy_true : tpy_false);
}

static tpy_object_t *gc_is_finalized(tpy_object_t *self, tpy_object_t *const *args,
                                     size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("gc.is_finalized", nargs, kwnames) < 0) {
        return NULL;
    }
    bool f = TPY_OBJECT_IS_GC(args[0]) && tpy_gc_is_finalized(args[0]);
    return tpy_newref(f ? tpy_true : tpy_false);
}

static tpy_object_t *gc_freeze(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.freeze", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_gc_head_t *young = &gc_state.gen[0].head;
    for (tpy_gc_head_t *g = young->next; g != young; g = g->next) {
        g->prev &= ~GC_FLAG_YOUNG;
    }
    for (int i = 0; i < TPY_GC_NGEN; i++) {
        gc_list_merge(&gc_state.gen[i].head, &gc_state.permanent);
        gc_state.gen[i].count = 0;
    }
    return tpy_newref(tpy_none);
}

static tpy_object_t *gc_unfreeze(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.unfreeze", nargs, kwnames) < 0) {
        return NULL;
    }
    gc_list_merge(&gc_state.permanent, &gc_state.gen[TPY_GC_NGEN - 1].head);
    return tpy_newref(tpy_none);
}

static tpy_object_t *gc_get_freeze_count(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)self, (void)args;
    if (tpy_check_no_args("gc.get_freeze_count", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64(gc_list_size(&gc_state.permanent));
}

static const tpy_methoddef_t gc_functions[] = {
    {"collect", gc_collect, 0, "Run a full collection (or of the given generation)."},
    {"enable", gc_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, 0, "Return the current collection counts."},
    {"get_threshold", gc_get_threshold, 0, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, 0, "Set the collection thresholds."},
    {"get_debug", gc_get_debug, 0, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, 0, "Set the garbage collection debugging flags."},
    {"get_objects", gc_get_objects, 0, "Return a list of objects tracked by the collector."},
    {"get_stats", gc_get_stats, 0, "Return a list of dictionaries of per-generation statistics."},
    {"get_referrers", gc_get_referrers, 0, "Return the list of objects that refer to any of objs."},
    {"get_referents", gc_get_referents, 0,
     "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_is_tracked, 0, "Returns true if the object is tracked by the collector."},
    {"is_finalized", gc_is_finalized, 0, "Returns true if the object has been finalized."},
    {"freeze", gc_freeze, 0, "Move all tracked objects into the permanent generation."},
    {"unfreeze", gc_unfreeze, 0, "Move the permanent generation back into the oldest one."},
    {"get_freeze_count", gc_get_freeze_count, 0,
     "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

/* ---- hooks: what the collector needs from the runtime ----------------------- */

static void hook_finalize(tpy_object_t *op)
{
    tpy_object_t *saved = tpy_err_fetch();
    TPY_TYPE(op)->tp_finalize(op);
    if (tpy_err_occurred()) {
        // a class's __del__ is named by its function, as CPython does
        tpy_object_t *name = tpy_str_from_cstr("__del__");
        tpy_object_t *del = name ? tpy_type_lookup_borrow(TPY_TYPE(op), name) : NULL;
        TPY_XDECREF(name);
        tpy_err_write_unraisable(del != NULL ? del : op);
    }
    tpy_err_restore(saved);
}

static bool hook_can_untrack(tpy_object_t *op)
{
    if (TPY_TUPLE_CHECK_EXACT(op)) {
        intptr_t n = TPY_TUPLE_SIZE(op);
        for (intptr_t i = 0; i < n; i++) {
            tpy_object_t *x = TPY_TUPLE_GET(op, i);
            // a NULL item: the tuple is still being built
            if (x == NULL || tpy_object_may_be_tracked(x)) {
                return false;
            }
        }
        return true;
    }
    if (TPY_DICT_CHECK_EXACT(op)) {
        intptr_t pos = 0;
        tpy_object_t *k, *v;
        while (tpy_dict_next(op, &pos, &k, &v)) {
            if (tpy_object_may_be_tracked(k) || tpy_object_may_be_tracked(v)) {
                return false;
            }
        }
        return true;
    }
    return false;
}

static tpy_object_t *callback_info(int gen, intptr_t collected, intptr_t uncollectable,
                                   bool stop, double duration)
{
    tpy_object_t *info = tpy_dict_new();
    if (info == NULL) {
        return NULL;
    }
    static const char *const keys[] = {"generation", "collected", "uncollectable", "duration"};
    tpy_object_t *v[4] = {tpy_int_from_i64(gen), tpy_int_from_i64(collected),
                          tpy_int_from_i64(uncollectable),
                          stop ? tpy_float_from_double(duration) : NULL};
    int err = 0;
    for (int k = 0; k < 4; k++) {
        if (k == 3 && !stop) {
            break;
        }
        if (v[k] == NULL || (!err && tpy_dict_set_cstr(info, keys[k], v[k]) < 0)) {
            err = 1;
        }
        TPY_XDECREF(v[k]);
    }
    if (err) {
        TPY_DECREF(info);
        return NULL;
    }
    return info;
}

static void hook_callbacks(bool stop, int gen, intptr_t collected, intptr_t uncollectable,
                           double duration)
{
    if (gc_callbacks == NULL || !TPY_LIST_CHECK(gc_callbacks) ||
        TPY_LIST_SIZE(gc_callbacks) == 0) {
        return;
    }
    tpy_object_t *saved = tpy_err_fetch();
    tpy_object_t *phase = tpy_str_from_cstr(stop ? "stop" : "start");
    tpy_object_t *info = callback_info(gen, collected, uncollectable, stop, duration);
    if (phase == NULL || info == NULL) {
        tpy_err_write_unraisable(NULL);
    } else {
        // index by index: a callback may change the list
        for (intptr_t i = 0; i < TPY_LIST_SIZE(gc_callbacks); i++) {
            tpy_object_t *cb = tpy_newref(TPY_LIST_GET(gc_callbacks, i));
            tpy_object_t *cargs[2] = {phase, info};
            tpy_object_t *r = tpy_object_call(cb, cargs, 2, NULL);
            if (r == NULL) {
                tpy_err_write_unraisable(cb);
            }
            TPY_XDECREF(r);
            TPY_DECREF(cb);
        }
    }
    TPY_XDECREF(phase);
    TPY_XDECREF(info);
    tpy_err_restore(saved);
}

static void hook_save_garbage(tpy_object_t *op)
{
    if (gc_garbage != NULL && tpy_list_append(gc_garbage, op) < 0) {
        tpy_err_clear();
    }
}

static void hook_debug_object(const char *what, tpy_object_t *op)
{
    fprintf(stderr, "gc: %s <%s %p>\n", what, TPY_TYPE(op)->tp_name, (void *)op);
}

static void hook_clear_freelists(void)
{
    tpy_tuple_fini();
    tpy_float_fini();
}

/* ---- the module ---------------------------------------------------------------- */

void tpy_gcmodule_init(void)
{
    tpy_gc_hooks.finalize = hook_finalize;
    tpy_gc_hooks.can_untrack = hook_can_untrack;
    tpy_gc_hooks.callbacks = hook_callbacks;
    tpy_gc_hooks.save_garbage = hook_save_garbage;
    tpy_gc_hooks.debug_object = hook_debug_object;
    tpy_gc_hooks.clear_freelists = hook_clear_freelists;
    const char *stress = getenv("TPY_GC_STRESS");
    if (stress != NULL && *stress != '\0' && strcmp(stress, "0") != 0) {
        gc_state.stress = true;
    }
}

void tpy_gc_set_stress(bool on)
{
    gc_state.stress = on;
}

void tpy_gcmodule_fini(void)
{
    gc_state.debug = 0;
    TPY_CLEAR(gc_callbacks);
    TPY_CLEAR(gc_garbage);
}

tpy_object_t *tpy_gc_module_create(void)
{
    tpy_object_t *m = tpy_module_new("gc");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, gc_functions) < 0) {
        goto error;
    }
    static const struct {
        const char *name;
        int value;
    } flags[] = {{"DEBUG_STATS", TPY_GC_DEBUG_STATS},
                 {"DEBUG_COLLECTABLE", TPY_GC_DEBUG_COLLECTABLE},
                 {"DEBUG_UNCOLLECTABLE", TPY_GC_DEBUG_UNCOLLECTABLE},
                 {"DEBUG_SAVEALL", TPY_GC_DEBUG_SAVEALL},
                 {"DEBUG_LEAK", TPY_GC_DEBUG_LEAK}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        tpy_object_t *v = tpy_int_from_i64(flags[i].value);
        if (v == NULL || tpy_module_add_object(m, flags[i].name, v) < 0) {
            TPY_XDECREF(v);
            goto error;
        }
        TPY_DECREF(v);
    }
    // the lists outlive re-imports: the collector keeps using the same ones
    if (gc_callbacks == NULL && (gc_callbacks = tpy_list_new(0)) == NULL) {
        goto error;
    }
    if (gc_garbage == NULL && (gc_garbage = tpy_list_new(0)) == NULL) {
        goto error;
    }
    if (tpy_module_add_object(m, "callbacks", gc_callbacks) < 0 ||
        tpy_module_add_object(m, "garbage", gc_garbage) < 0) {
        goto error;
    }
    return m;
error:
    TPY_DECREF(m);
    return NULL;
}
