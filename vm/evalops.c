/*
 * vm/evalops.c - the slower halves of the eval loop's instructions: unpacking,
 * raising and matching exceptions (with CPython's implicit chaining), the
 * context-manager lookup, import helpers, the REPL echo, f-string formatting,
 * the refill of LOAD_GLOBAL's cache, and the hooks through which runtime/
 * asks for the running frame (globals(), locals(), zero-argument super()).
 * Each function is called with the eval loop's state saved; each returns NULL
 * or -1 with an exception set on failure.
 */
#include "vm/evalops.h"

#include <string.h>

/* ---- helpers for opcodes ---------------------------------------------------------- */

tpy_object_t *tpy_evalops_unbound_local(tpy_code_t *co, int i)
{
    return tpy_err_format(&tpy_exc_UnboundLocalError,
                          "cannot access local variable '%U' where it is not associated "
                          "with a value",
                          TPY_TUPLE_GET(co->localsplusnames, i));
}

tpy_object_t *tpy_evalops_name_error(tpy_object_t *name)
{
    tpy_err_format(&tpy_exc_NameError, "name '%U' is not defined", name);
    tpy_exception_t *e = (tpy_exception_t *)tpy_err_occurred();
    tpy_frame_t *f = tpy_current_frame;
    if (e != NULL && f != NULL && tpy_type_is_subtype(TPY_TYPE(e), &tpy_exc_NameError)) {
        // what "Did you mean" may offer: the frame's local names, its globals
        tpy_object_t *locals = f->locals != NULL ? f->locals : f->code->localsplusnames;
        TPY_INCREF(e); // a failing allocation replaces the current exception
        tpy_object_t *info = tpy_tuple_pack(3, name, locals, f->globals);
        if (info != NULL) {
            TPY_SETREF(e->extra, info);
            TPY_DECREF(e);
        } else {
            tpy_err_restore(TPY_OBJ(e)); // the NameError, without its suggestions
        }
    }
    return NULL;
}

int tpy_evalops_unpack(tpy_object_t *v, int before, int after, tpy_object_t **top)
{
    // [top] points just past the slots to fill; the first item goes to top[-1]
    tpy_object_t *it = tpy_object_getiter(v);
    if (it == NULL) {
        if (tpy_err_matches(&tpy_exc_TypeError) && TPY_TYPE(v)->tp_iter == NULL &&
            TPY_TYPE(v)->tp_getitem == NULL) {
            tpy_err_clear();
            tpy_err_format(&tpy_exc_TypeError, "cannot unpack non-iterable %T object", v);
        }
        return -1;
    }
    int i = 0;
    for (; i < before; i++) {
        tpy_object_t *w = tpy_iter_next(it);
        if (w == NULL) {
            if (!tpy_err_occurred()) {
                if (after < 0) {
                    tpy_err_format(&tpy_exc_ValueError,
                                   "not enough values to unpack (expected %d, got %d)", before, i);
                } else {
                    tpy_err_format(&tpy_exc_ValueError,
                                   "not enough values to unpack (expected at least %d, got %d)",
                                   before + after, i);
                }
            }
            goto error;
        }
        *--top = w;
    }
    if (after < 0) {
        tpy_object_t *w = tpy_iter_next(it);
        if (w != NULL) {
            TPY_DECREF(w);
            tpy_err_format(&tpy_exc_ValueError, "too many values to unpack (expected %d)", before);
            goto error;
        }
        if (tpy_err_occurred()) {
            goto error;
        }
        TPY_DECREF(it);
        return 0;
    }
    tpy_object_t *rest = tpy_sequence_list(it);
    if (rest == NULL) {
        goto error;
    }
    intptr_t n = TPY_LIST_SIZE(rest);
    if (n < after) {
        tpy_err_format(&tpy_exc_ValueError,
                       "not enough values to unpack (expected at least %d, got %zd)",
                       before + after, (intptr_t)before + n);
        TPY_DECREF(rest);
        goto error;
    }
    *--top = rest;
    i++;
    // move the last [after] items out of the list onto the stack
    for (intptr_t j = 0; j < after; j++) {
        top[-1 - j] = TPY_LIST_ITEMS(rest)[n - after + j];
    }
    top -= after;
    ((tpy_list_t *)rest)->size = n - after;
    TPY_DECREF(it);
    return 0;
error:
    // release what was pushed so far
    while (i-- > 0) {
        TPY_DECREF(*top);
        top++;
    }
    TPY_DECREF(it);
    return -1;
}

bool tpy_evalops_exc_match(tpy_object_t *exc, tpy_object_t *type)
{
    if (TPY_TUPLE_CHECK(type)) {
        for (intptr_t i = 0; i < TPY_TUPLE_SIZE(type); i++) {
            if (tpy_evalops_exc_match(exc, TPY_TUPLE_GET(type, i))) {
                return true;
            }
        }
        return false;
    }
    return tpy_type_is_subtype(TPY_TYPE(exc), (tpy_type_t *)type);
}

int tpy_evalops_check_except_type(tpy_object_t *type)
{
    if (TPY_TUPLE_CHECK(type)) {
        for (intptr_t i = 0; i < TPY_TUPLE_SIZE(type); i++) {
            if (tpy_evalops_check_except_type(TPY_TUPLE_GET(type, i)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (!tpy_exc_type_check(type)) {
        tpy_err_set_str(&tpy_exc_TypeError,
                        "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

/* An exception instance from `raise X` where X may be a class. */
static tpy_object_t *make_exception(tpy_object_t *x, const char *what)
{
    if (tpy_exc_type_check(x)) {
        tpy_object_t *e = tpy_object_call0(x);
        if (e != NULL && !tpy_exc_check(e)) {
            tpy_err_format(&tpy_exc_TypeError,
                           "calling %R should have returned an instance of BaseException, not %T",
                           x, e);
            TPY_DECREF(e);
            return NULL;
        }
        return e;
    }
    if (tpy_exc_check(x)) {
        return tpy_newref(x);
    }
    tpy_err_format(&tpy_exc_TypeError, "%s", what);
    return NULL;
}

/* raise [exc] [from cause]: sets the current exception. */
void tpy_evalops_raise(tpy_object_t *exc, tpy_object_t *cause)
{
    tpy_object_t *e = make_exception(exc, "exceptions must derive from BaseException");
    if (e == NULL) {
        return;
    }
    if (cause != NULL) {
        if (cause == tpy_none) {
            tpy_exc_set_cause(e, NULL);
        } else {
            tpy_object_t *c = make_exception(cause, "exception causes must derive from "
                                                    "BaseException");
            if (c == NULL) {
                TPY_DECREF(e);
                return;
            }
            tpy_exc_set_cause(e, c);
        }
    }
    tpy_err_restore(e);
}

/* Chain the handled exception as __context__ of [exc] (no cycles). */
void tpy_evalops_set_context(tpy_object_t *exc, bool replace)
{
    tpy_object_t *handled = tpy_ts.handled;
    if (handled == NULL || handled == exc) {
        return;
    }
    tpy_exception_t *e = (tpy_exception_t *)exc;
    if (e->context != NULL && !replace) {
        return;
    }
    // break a cycle: if exc already appears in handled's context chain, cut it there
    tpy_exception_t *o = (tpy_exception_t *)handled;
    while (o != NULL) {
        tpy_exception_t *ctx = (tpy_exception_t *)o->context;
        if (TPY_OBJ(ctx) == exc) {
            TPY_CLEAR(o->context);
            break;
        }
        o = ctx;
    }
    tpy_exc_set_context(exc, tpy_newref(handled));
}

tpy_object_t *tpy_evalops_send(tpy_object_t *it, tpy_object_t *v, tpy_object_t **done)
{
    tpy_object_t *r;
    *done = NULL;
    if (v == tpy_none && !(TPY_TYPE(it)->tp_flags & TPY_TPFLAGS_HEAPTYPE) &&
        TPY_TYPE(it)->tp_iternext != NULL) {
        r = TPY_TYPE(it)->tp_iternext(it);
        if (r == NULL && !tpy_err_occurred()) {
            *done = tpy_newref(tpy_none);
            return NULL;
        }
    } else if (v == tpy_none) {
        // a class's __next__ directly: its StopIteration carries the value
        bool missing;
        tpy_object_t *next = tpy_evalops_special_lookup(it, "__next__", &missing);
        if (next == NULL) {
            if (missing) {
                tpy_err_format(&tpy_exc_TypeError, "'%T' object is not an iterator", it);
            }
            return NULL;
        }
        r = tpy_object_call0(next);
        TPY_DECREF(next);
    } else {
        r = tpy_object_call_method(it, "send", &v, 1);
    }
    if (r == NULL && tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_object_t *e = tpy_err_fetch();
        tpy_object_t *val = ((tpy_exception_t *)e)->extra;
        *done = tpy_newref(val ? val : tpy_none);
        TPY_DECREF(e);
    }
    return r;
}

tpy_object_t *tpy_evalops_special_lookup(tpy_object_t *obj, const char *name, bool *missing)
{
    tpy_object_t *n = tpy_str_intern_cstr(name);
    if (n == NULL) {
        return NULL;
    }
    tpy_object_t *f = tpy_type_lookup_borrow(TPY_TYPE(obj), n);
    TPY_DECREF(n);
    if (f == NULL) {
        *missing = true;
        return NULL;
    }
    *missing = false;
    tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
    return get ? get(f, obj, TPY_TYPE(obj)) : tpy_newref(f);
}

tpy_object_t *tpy_evalops_import_from(tpy_object_t *module, tpy_object_t *name)
{
    tpy_object_t *v = tpy_object_getattr_opt(module, name);
    if (v != NULL || tpy_err_occurred()) {
        return v;
    }
    // a submodule not yet bound as an attribute: try sys.modules["pkg.name"]
    tpy_object_t *modname = tpy_object_getattr_cstr(module, "__name__");
    if (modname == NULL) {
        tpy_err_clear();
        return tpy_err_format(&tpy_exc_ImportError, "cannot import name '%U'", name);
    }
    tpy_object_t *full = tpy_str_from_format("%U.%U", modname, name);
    if (full != NULL) {
        tpy_object_t *m = tpy_dict_get_borrow(tpy_ts.modules, full);
        TPY_DECREF(full);
        if (m != NULL) {
            TPY_DECREF(modname);
            return tpy_newref(m);
        }
    }
    tpy_object_t *file = TPY_MODULE_CHECK(module)
                             ? tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(module), "__file__")
                             : NULL;
    bool partial = TPY_MODULE_CHECK(module) && ((tpy_module_t *)module)->initializing;
    if (file != NULL && partial) {
        tpy_err_format(&tpy_exc_ImportError,
                       "cannot import name '%U' from partially initialized module '%U' "
                       "(most likely due to a circular import) (%U)",
                       name, modname, file);
    } else if (file != NULL) {
        tpy_err_format(&tpy_exc_ImportError, "cannot import name '%U' from '%U' (%U)", name,
                       modname, file);
    } else {
        tpy_err_format(&tpy_exc_ImportError, "cannot import name '%U' from '%U' (unknown location)",
                       name, modname);
    }
    // e.name is the module, e.path its file (ImportError's (msg, name, path))
    tpy_exception_t *e = (tpy_exception_t *)tpy_err_occurred();
    if (e != NULL && TPY_TYPE(e) == &tpy_exc_ImportError && TPY_TUPLE_SIZE(e->args) == 1) {
        tpy_object_t *info = tpy_tuple_pack(3, TPY_TUPLE_GET(e->args, 0), modname,
                                            file != NULL ? file : tpy_none);
        if (info != NULL) {
            TPY_SETREF(e->extra, info);
        } else {
            tpy_err_clear();
            tpy_err_no_memory();
        }
    }
    TPY_DECREF(modname);
    return NULL;
}

int tpy_evalops_import_star(tpy_object_t *locals, tpy_object_t *module)
{
    if (!TPY_MODULE_CHECK(module)) {
        tpy_err_set_str(&tpy_exc_TypeError, "import * from a non-module");
        return -1;
    }
    tpy_object_t *dict = TPY_MODULE_DICT(module);
    tpy_object_t *all = tpy_dict_get_cstr_borrow(dict, "__all__");
    if (all != NULL) {
        tpy_object_t *it = tpy_object_getiter(all);
        if (it == NULL) {
            return -1;
        }
        tpy_object_t *name;
        while ((name = tpy_iter_next(it)) != NULL) {
            tpy_object_t *v = tpy_object_getattr(module, name);
            int r = v ? tpy_dict_set(locals, name, v) : -1;
            TPY_XDECREF(v);
            TPY_DECREF(name);
            if (r < 0) {
                TPY_DECREF(it);
                return -1;
            }
        }
        TPY_DECREF(it);
        return tpy_err_occurred() ? -1 : 0;
    }
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    while (tpy_dict_next(dict, &pos, &k, &v)) {
        if (TPY_STR_CHECK(k) && TPY_STR_DATA(k)[0] == '_') {
            continue;
        }
        if (tpy_dict_set(locals, k, v) < 0) {
            return -1;
        }
    }
    return 0;
}

int tpy_evalops_print_expr(tpy_object_t *v)
{
    if (v == tpy_none) {
        return 0;
    }
    if (tpy_dict_set_cstr(tpy_ts.builtins, "_", tpy_none) < 0) {
        return -1;
    }
    tpy_object_t *r = tpy_object_repr(v);
    if (r == NULL) {
        return -1;
    }
    tpy_object_t *args[1] = {r};
    tpy_object_t *res = tpy_builtin_print(NULL, args, 1, NULL);
    TPY_DECREF(r);
    if (res == NULL) {
        return -1;
    }
    TPY_DECREF(res);
    return tpy_dict_set_cstr(tpy_ts.builtins, "_", v);
}

tpy_object_t *tpy_evalops_format_value(tpy_object_t *v, int flags, tpy_object_t *spec)
{
    tpy_object_t *conv = NULL;
    switch (flags & 3) {
    case TPY_FMT_STR:
        conv = tpy_object_str(v);
        break;
    case TPY_FMT_REPR:
        conv = tpy_object_repr(v);
        break;
    case TPY_FMT_ASCII:
        conv = tpy_object_ascii(v);
        break;
    default:
        conv = tpy_newref(v);
        break;
    }
    if (conv == NULL) {
        return NULL;
    }
    if (spec == NULL && TPY_STR_CHECK_EXACT(conv)) {
        return conv;
    }
    tpy_object_t *empty = NULL;
    if (spec == NULL) {
        empty = tpy_str_from_cstr("");
        if (empty == NULL) {
            TPY_DECREF(conv);
            return NULL;
        }
    }
    tpy_object_t *r = tpy_object_format(conv, spec ? spec : empty);
    TPY_XDECREF(empty);
    TPY_DECREF(conv);
    return r;
}

/* LOAD_GLOBAL's full lookup: refill the cache.  Borrowed value or NULL. */
tpy_object_t *tpy_evalops_load_global_slow(tpy_globalcache_t *gc, tpy_object_t *globals,
                                      tpy_object_t *builtins, tpy_object_t *name)
{
    intptr_t hint = -1;
    tpy_object_t *v = tpy_dict_get_str_hinted(globals, name, &hint);
    tpy_dict_t *g = (tpy_dict_t *)globals;
    if (v != NULL) {
        gc->gtable = g->table;
        gc->gcap = g->capacity;
        gc->gentry = tpy_dict_entries_borrow(globals) + hint;
        return v;
    }
    gc->gtable = NULL;
    gc->absent_tag = tpy_dict_keys_tag(globals);
    gc->absent_nentries = g->nentries;
    hint = -1;
    v = tpy_dict_get_str_hinted(builtins, name, &hint);
    if (v != NULL) {
        tpy_dict_t *b = (tpy_dict_t *)builtins;
        gc->btable = b->table;
        gc->bcap = b->capacity;
        gc->bentry = tpy_dict_entries_borrow(builtins) + hint;
        return v;
    }
    gc->btable = NULL;
    gc->absent_tag = 0;
    return NULL;
}

/* ---- start-up hooks ---------------------------------------------------------------------- */

static tpy_object_t *current_globals(void)
{
    tpy_frame_t *f = tpy_current_frame;
    return f ? tpy_newref(f->globals) : NULL;
}

static tpy_object_t *current_locals(void)
{
    tpy_frame_t *f = tpy_current_frame;
    if (f == NULL) {
        return NULL;
    }
    if (f->locals != NULL) {
        return tpy_newref(f->locals);
    }
    tpy_object_t *d = tpy_dict_new();
    if (d == NULL) {
        return NULL;
    }
    tpy_code_t *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        tpy_object_t *v = f->localsplus[i];
        if (v != NULL && co->cell2arg[i] != 0 && TPY_TYPE(v) == &tpy_cell_type) {
            v = ((tpy_cell_t *)v)->ref;
        }
        if (v != NULL && tpy_dict_set(d, TPY_TUPLE_GET(co->localsplusnames, i), v) < 0) {
            TPY_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* super(): the class from the __class__ cell and the first argument. */
static int super_context(tpy_type_t **type, tpy_object_t **obj)
{
    tpy_frame_t *f = tpy_current_frame;
    if (f == NULL || f->code->argcount == 0 || f->func == NULL) {
        tpy_err_set_str(&tpy_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    tpy_code_t *co = f->code;
    tpy_object_t *first = f->localsplus[0];
    if (first != NULL && co->cell2arg[0] == 1 && TPY_TYPE(first) == &tpy_cell_type) {
        first = ((tpy_cell_t *)first)->ref;
    }
    if (first == NULL) {
        tpy_err_set_str(&tpy_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
        if (tpy_str_eq_cstr(TPY_TUPLE_GET(co->localsplusnames, i), "__class__")) {
            tpy_object_t *cell = f->localsplus[i];
            tpy_object_t *cls = cell ? ((tpy_cell_t *)cell)->ref : NULL;
            if (cls == NULL || !TPY_TYPE_HAS_FLAG(TPY_TYPE(cls), TPY_TPFLAGS_TYPE_SUBCLASS)) {
                tpy_err_set_str(&tpy_exc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            *type = (tpy_type_t *)cls;
            *obj = first;
            return 0;
        }
    }
    tpy_err_set_str(&tpy_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

void tpy_evalops_install_hooks(void)
{
    tpy_ts.current_globals = current_globals;
    tpy_ts.current_locals = current_locals;
    tpy_super_context_hook = super_context;
}

// How CPython names a callable in call errors: "mod.qualname" for functions
// outside builtins, else the qualified name or the type's name.  New ref or
// NULL (exception set).
static tpy_object_t *callable_name(tpy_object_t *callable)
{
    tpy_object_t *name = tpy_object_getattr_cstr(callable, "__qualname__");
    if (name == NULL || !TPY_STR_CHECK(name)) {
        tpy_err_clear();
        TPY_XDECREF(name);
        return tpy_str_from_cstr(tpy_type_name(TPY_TYPE(callable)));
    }
    tpy_object_t *mod = tpy_object_getattr_cstr(callable, "__module__");
    if (mod == NULL) {
        tpy_err_clear();
        return name;
    }
    tpy_object_t *r = name;
    if (TPY_STR_CHECK(mod) && !tpy_str_eq_cstr(mod, "builtins")) {
        r = tpy_str_from_format("%U.%U", mod, name);
        TPY_DECREF(name);
    }
    TPY_DECREF(mod);
    return r;
}

void tpy_evalops_name_call_error(tpy_object_t *callable)
{
    if (!tpy_err_matches(&tpy_exc_TypeError)) {
        return;
    }
    tpy_object_t *exc = tpy_err_fetch();
    tpy_object_t *msg = tpy_object_str(exc);
    if (msg == NULL ||
        strncmp(TPY_STR_DATA(msg), "got multiple values", 19) != 0) {
        tpy_err_clear();
        TPY_XDECREF(msg);
        tpy_err_restore(exc);
        return;
    }
    TPY_DECREF(exc);
    tpy_object_t *name = callable_name(callable);
    if (name != NULL) {
        tpy_err_format(&tpy_exc_TypeError, "%U() %U", name, msg);
        TPY_DECREF(name);
    }
    TPY_DECREF(msg);
}

void tpy_evalops_merge_error(tpy_object_t *callable, tpy_object_t *m)
{
    if (tpy_err_matches(&tpy_exc_AttributeError)) {
        tpy_object_t *exc = tpy_err_fetch();
        tpy_object_t *keys = tpy_object_getattr_cstr(m, "keys");
        if (keys == NULL) {
            // no keys(): not a mapping at all
            tpy_err_clear();
            TPY_DECREF(exc);
            tpy_evalops_call_unpack_error(callable, m, true);
            return;
        }
        TPY_DECREF(keys);
        tpy_err_restore(exc);
        return;
    }
    tpy_evalops_name_call_error(callable);
}

void tpy_evalops_call_unpack_error(tpy_object_t *callable, tpy_object_t *value, bool mapping)
{
    tpy_object_t *name = callable_name(callable);
    if (name == NULL) {
        return;
    }
    tpy_err_format(&tpy_exc_TypeError, "%U() argument after %s must be %s, not %T", name,
                   mapping ? "**" : "*", mapping ? "a mapping" : "an iterable", value);
    TPY_DECREF(name);
}

void tpy_evalops_fill_attrcache(tpy_attrcache_t *ac, tpy_object_t *obj, tpy_object_t *name,
                                bool method)
{
    tpy_type_t *t = TPY_TYPE(obj);
    // [ac] is the instruction's pair: refill the entry of this class, else
    // the first one, whose previous class moves to the second
    if (ac[0].type != t && ac[1].type == t) {
        ac++;
    } else if (ac[0].type != t && ac[0].kind != TPY_AC_NONE) {
        ac[1] = ac[0];
    }
    ac->type = NULL;
    ac->kind = TPY_AC_NONE;
    // only plain instances: generic attribute access and an instance dict
    if (t->tp_getattro != tpy_object_generic_getattr ||
        t->tp_setattro != tpy_object_generic_setattr || t->tp_dictoffset <= 0 ||
        !TPY_STR_CHECK_EXACT(name)) {
        return;
    }
    tpy_object_t *descr = tpy_type_lookup_borrow(t, name);
    if (descr == NULL) {
        if (method) {
            return; // an instance attribute called as a method: the slow path is fine
        }
        ac->kind = TPY_AC_INSTANCE;
    } else if (method && TPY_FUNCTION_CHECK(descr)) {
        ac->kind = TPY_AC_METHOD;
        ac->method = descr;
    } else {
        return;
    }
    ac->vindex = tpy_attrkeys_index(t, name);
    ac->type = t;
    ac->epoch = tpy_type_epoch;
}
