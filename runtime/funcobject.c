/*
 * runtime/funcobject.c - callables and descriptors: Python functions, bound
 * methods, cells, built-in functions, built-in method / getset / member
 * descriptors, staticmethod, classmethod and property.
 *
 * Functions and method descriptors carry TPY_TPFLAGS_METHOD_DESCR: looking
 * them up on an instance's class may skip creating a bound method (the eval
 * loop's LOAD_METHOD passes self as the first argument instead), which is
 * what CPython does too.  The call of a Python function is installed into
 * tpy_function_type.tp_call by vm/ at start-up.
 */
#include "runtime/runtime.h"

#include <stddef.h>

/* ---- functions ------------------------------------------------------------------- */

tpy_object_t *tpy_function_new(tpy_object_t *code, tpy_object_t *globals, tpy_object_t *name,
                               tpy_object_t *qualname)
{
    tpy_function_t *f = (tpy_function_t *)tpy_gc_new(&tpy_function_type, sizeof(tpy_function_t));
    if (f == NULL) {
        return tpy_err_no_memory();
    }
    f->code = tpy_newref(code);
    f->globals = tpy_newref(globals);
    f->builtins = tpy_newref(tpy_ts.builtins);
    f->name = tpy_newref(name);
    f->qualname = tpy_newref(qualname);
    tpy_object_t *modname = tpy_dict_get_cstr_borrow(globals, "__name__");
    f->module = modname ? tpy_newref(modname) : NULL;
    tpy_gc_track(TPY_OBJ(f));
    return TPY_OBJ(f);
}

static int func_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_function_t *f = (tpy_function_t *)self;
    tpy_object_t *fields[] = {f->code, f->globals, f->builtins, f->name, f->qualname,
                              f->defaults, f->kwdefaults, f->closure, f->doc, f->dict,
                              f->module, f->annotations};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL) {
            int r = visit(fields[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int func_clear(tpy_object_t *self)
{
    tpy_function_t *f = (tpy_function_t *)self;
    TPY_CLEAR(f->globals);
    TPY_CLEAR(f->builtins);
    TPY_CLEAR(f->defaults);
    TPY_CLEAR(f->kwdefaults);
    TPY_CLEAR(f->closure);
    TPY_CLEAR(f->doc);
    TPY_CLEAR(f->dict);
    TPY_CLEAR(f->module);
    TPY_CLEAR(f->annotations);
    return 0;
}

static void func_dealloc(tpy_object_t *self)
{
    tpy_function_t *f = (tpy_function_t *)self;
    tpy_gc_untrack(self);
    if (f->weaklist != NULL) {
        tpy_weakref_clear_refs(self);
    }
    func_clear(self);
    TPY_CLEAR(f->code);
    TPY_CLEAR(f->name);
    TPY_CLEAR(f->qualname);
    tpy_gc_free(self, sizeof(tpy_function_t));
}

static tpy_object_t *func_repr(tpy_object_t *self)
{
    tpy_function_t *f = (tpy_function_t *)self;
    return tpy_str_from_format("<function %U at %p>", f->qualname, (void *)self);
}

static tpy_object_t *func_descr_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    if (obj == NULL) {
        return tpy_newref(descr);
    }
    return tpy_method_new(descr, obj);
}

#define FUNC_FIELD_GETSET(field)                                                                  \
    static tpy_object_t *func_get_##field(tpy_object_t *self)                                     \
    {                                                                                             \
        tpy_object_t *v = ((tpy_function_t *)self)->field;                                        \
        return tpy_newref(v ? v : tpy_none);                                                      \
    }
FUNC_FIELD_GETSET(name)
FUNC_FIELD_GETSET(qualname)
FUNC_FIELD_GETSET(defaults)
FUNC_FIELD_GETSET(kwdefaults)
FUNC_FIELD_GETSET(closure)
FUNC_FIELD_GETSET(doc)
FUNC_FIELD_GETSET(module)
FUNC_FIELD_GETSET(globals)
FUNC_FIELD_GETSET(code)
FUNC_FIELD_GETSET(builtins)

static int func_set_str_field(tpy_object_t **field, tpy_object_t *value, const char *what)
{
    if (value == NULL || !TPY_STR_CHECK(value)) {
        tpy_err_format(&tpy_exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    TPY_SETREF(*field, tpy_newref(value));
    return 0;
}

static int func_set_name(tpy_object_t *self, tpy_object_t *value)
{
    return func_set_str_field(&((tpy_function_t *)self)->name, value, "__name__");
}

static int func_set_qualname(tpy_object_t *self, tpy_object_t *value)
{
    return func_set_str_field(&((tpy_function_t *)self)->qualname, value, "__qualname__");
}

static int func_set_doc(tpy_object_t *self, tpy_object_t *value)
{
    TPY_SETREF(((tpy_function_t *)self)->doc, value ? tpy_newref(value) : NULL);
    return 0;
}

static int func_set_module(tpy_object_t *self, tpy_object_t *value)
{
    TPY_SETREF(((tpy_function_t *)self)->module, value ? tpy_newref(value) : NULL);
    return 0;
}

static int func_set_defaults(tpy_object_t *self, tpy_object_t *value)
{
    if (value != NULL && value != tpy_none && !TPY_TUPLE_CHECK(value)) {
        tpy_err_set_str(&tpy_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    TPY_SETREF(((tpy_function_t *)self)->defaults,
               value && value != tpy_none ? tpy_newref(value) : NULL);
    return 0;
}

static tpy_object_t *func_get_dict(tpy_object_t *self)
{
    tpy_function_t *f = (tpy_function_t *)self;
    if (f->dict == NULL) {
        f->dict = tpy_dict_new();
        if (f->dict == NULL) {
            return NULL;
        }
    }
    return tpy_newref(f->dict);
}

static tpy_object_t *func_get_annotations(tpy_object_t *self)
{
    tpy_function_t *f = (tpy_function_t *)self;
    if (f->annotations == NULL) {
        f->annotations = tpy_dict_new();
        if (f->annotations == NULL) {
            return NULL;
        }
    }
    return tpy_newref(f->annotations);
}

static int func_set_annotations(tpy_object_t *self, tpy_object_t *value)
{
    if (value != NULL && value != tpy_none && !TPY_DICT_CHECK(value)) {
        tpy_err_set_str(&tpy_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    TPY_SETREF(((tpy_function_t *)self)->annotations,
               value && value != tpy_none ? tpy_newref(value) : NULL);
    return 0;
}

void tpy_function_set_annotations(tpy_object_t *func, tpy_object_t *annotations)
{
    TPY_SETREF(((tpy_function_t *)func)->annotations, annotations);
}

static const tpy_getsetdef_t func_getset[] = {
    {"__annotations__", func_get_annotations, func_set_annotations},
    {"__name__", func_get_name, func_set_name},
    {"__qualname__", func_get_qualname, func_set_qualname},
    {"__defaults__", func_get_defaults, func_set_defaults},
    {"__kwdefaults__", func_get_kwdefaults, NULL},
    {"__closure__", func_get_closure, NULL},
    {"__doc__", func_get_doc, func_set_doc},
    {"__module__", func_get_module, func_set_module},
    {"__globals__", func_get_globals, NULL},
    {"__code__", func_get_code, NULL},
    {"__builtins__", func_get_builtins, NULL},
    {"__dict__", func_get_dict, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_function_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "function",
    .tp_basicsize = sizeof(tpy_function_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_METHOD_DESCR,
    .tp_dealloc = func_dealloc,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_repr = func_repr,
    .tp_descr_get = func_descr_get,
    .tp_getattro = tpy_object_generic_getattr,
    .tp_setattro = tpy_object_generic_setattr,
    .tp_getset = func_getset,
    .tp_dictoffset = offsetof(tpy_function_t, dict),
    .tp_weaklistoffset = offsetof(tpy_function_t, weaklist),
};

/* ---- bound methods ----------------------------------------------------------------- */

tpy_object_t *tpy_method_new(tpy_object_t *func, tpy_object_t *self)
{
    tpy_method_t *m = (tpy_method_t *)tpy_gc_new(&tpy_method_type, sizeof(tpy_method_t));
    if (m == NULL) {
        return tpy_err_no_memory();
    }
    m->func = tpy_newref(func);
    m->self = tpy_newref(self);
    tpy_gc_track(TPY_OBJ(m));
    return TPY_OBJ(m);
}

static int method_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_method_t *m = (tpy_method_t *)self;
    int r = m->func ? visit(m->func, arg) : 0;
    if (r == 0 && m->self) {
        r = visit(m->self, arg);
    }
    return r;
}

static int method_clear(tpy_object_t *self)
{
    tpy_method_t *m = (tpy_method_t *)self;
    TPY_CLEAR(m->func);
    TPY_CLEAR(m->self);
    return 0;
}

static void method_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    if (((tpy_method_t *)self)->weaklist != NULL) {
        tpy_weakref_clear_refs(self);
    }
    method_clear(self);
    tpy_gc_free(self, sizeof(tpy_method_t));
}

/* Prepend self and call the function. */
static tpy_object_t *method_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    tpy_method_t *m = (tpy_method_t *)callable;
    size_t total = nargs + tpy_kwcount(kwnames);
    tpy_object_t *small[8];
    tpy_object_t **stack = small;
    if (total + 1 > 8) {
        stack = tpy_mem_alloc(sizeof(tpy_object_t *) * (total + 1));
        if (stack == NULL) {
            return tpy_err_no_memory();
        }
    }
    stack[0] = m->self;
    for (size_t i = 0; i < total; i++) {
        stack[i + 1] = args[i];
    }
    // keep the method alive: the call may drop the last outside reference
    TPY_INCREF(m);
    tpy_object_t *r = tpy_object_call(m->func, stack, nargs + 1, kwnames);
    TPY_DECREF(m);
    if (stack != small) {
        tpy_mem_free(stack, sizeof(tpy_object_t *) * (total + 1));
    }
    return r;
}

static tpy_object_t *method_repr(tpy_object_t *self)
{
    tpy_method_t *m = (tpy_method_t *)self;
    tpy_object_t *name = tpy_object_getattr_cstr(m->func, "__qualname__");
    if (name == NULL) {
        tpy_err_clear();
        name = tpy_str_from_cstr("?");
        if (name == NULL) {
            return NULL;
        }
    }
    tpy_object_t *r = tpy_str_from_format("<bound method %U of %R>", name, m->self);
    TPY_DECREF(name);
    return r;
}

static tpy_object_t *method_getattro(tpy_object_t *self, tpy_object_t *name)
{
    tpy_method_t *m = (tpy_method_t *)self;
    tpy_object_t *r = tpy_object_generic_getattr(self, name);
    if (r == NULL && tpy_err_matches(&tpy_exc_AttributeError)) {
        tpy_err_clear();
        return tpy_object_getattr(m->func, name); // attributes of the function
    }
    return r;
}

static tpy_object_t *method_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if ((op != TPY_CMP_EQ && op != TPY_CMP_NE) || !TPY_METHOD_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_method_t *x = (tpy_method_t *)a, *y = (tpy_method_t *)b;
    bool eq = x->func == y->func && x->self == y->self;
    return tpy_bool_from(op == TPY_CMP_EQ ? eq : !eq);
}

static int64_t method_hash(tpy_object_t *self)
{
    tpy_method_t *m = (tpy_method_t *)self;
    return tpy_hash_pointer(m->self) ^ tpy_hash_pointer(m->func);
}

static tpy_object_t *method_get_self(tpy_object_t *self)
{
    return tpy_newref(((tpy_method_t *)self)->self);
}

static tpy_object_t *method_get_func(tpy_object_t *self)
{
    return tpy_newref(((tpy_method_t *)self)->func);
}

// the function's docstring (object.__doc__ would otherwise shadow it)
static tpy_object_t *method_get_doc(tpy_object_t *self)
{
    return tpy_object_getattr_cstr(((tpy_method_t *)self)->func, "__doc__");
}

/* method(function, instance): what types.MethodType and WeakMethod call. */
static tpy_object_t *method_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)type;
    if (tpy_arg_no_kw("method", kwnames) < 0 || tpy_arg_count("method", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    if (!tpy_callable_check(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "first argument must be callable");
    }
    if (args[1] == tpy_none) {
        return tpy_err_format(&tpy_exc_TypeError, "instance must not be None");
    }
    return tpy_method_new(args[0], args[1]);
}

static const tpy_getsetdef_t method_getset[] = {
    {"__self__", method_get_self, NULL},
    {"__func__", method_get_func, NULL},
    {"__doc__", method_get_doc, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_method_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "method",
    .tp_basicsize = sizeof(tpy_method_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(tpy_method_t, weaklist),
    .tp_new = method_tp_new,
    .tp_dealloc = method_dealloc,
    .tp_traverse = method_traverse,
    .tp_clear = method_clear,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_richcompare = method_richcompare,
    .tp_hash = method_hash,
    .tp_getset = method_getset,
};

/* ---- cells --------------------------------------------------------------------------- */

tpy_object_t *tpy_cell_new(tpy_object_t *ref)
{
    tpy_cell_t *c = (tpy_cell_t *)tpy_gc_new(&tpy_cell_type, sizeof(tpy_cell_t));
    if (c == NULL) {
        return tpy_err_no_memory();
    }
    c->ref = ref ? tpy_newref(ref) : NULL;
    tpy_gc_track(TPY_OBJ(c));
    return TPY_OBJ(c);
}

static int cell_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_cell_t *c = (tpy_cell_t *)self;
    return c->ref ? visit(c->ref, arg) : 0;
}

static int cell_clear(tpy_object_t *self)
{
    TPY_CLEAR(((tpy_cell_t *)self)->ref);
    return 0;
}

static void cell_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    cell_clear(self);
    tpy_gc_free(self, sizeof(tpy_cell_t));
}

static tpy_object_t *cell_repr(tpy_object_t *self)
{
    tpy_cell_t *c = (tpy_cell_t *)self;
    if (c->ref == NULL) {
        return tpy_str_from_format("<cell at %p: empty>", (void *)self);
    }
    return tpy_str_from_format("<cell at %p: %s object at %p>", (void *)self,
                               tpy_type_name(TPY_TYPE(c->ref)), (void *)c->ref);
}

static tpy_object_t *cell_get_contents(tpy_object_t *self)
{
    tpy_cell_t *c = (tpy_cell_t *)self;
    if (c->ref == NULL) {
        return tpy_err_format(&tpy_exc_ValueError, "Cell is empty");
    }
    return tpy_newref(c->ref);
}

static const tpy_getsetdef_t cell_getset[] = {
    {"cell_contents", cell_get_contents, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_cell_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "cell",
    .tp_basicsize = sizeof(tpy_cell_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = cell_dealloc,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_repr = cell_repr,
    .tp_getset = cell_getset,
};

/* ---- built-in functions -------------------------------------------------------------- */

tpy_object_t *tpy_cfunction_new(const tpy_methoddef_t *def, tpy_object_t *self,
                                tpy_object_t *module)
{
    tpy_cfunction_t *f = (tpy_cfunction_t *)tpy_gc_new(&tpy_cfunction_type,
                                                       sizeof(tpy_cfunction_t));
    if (f == NULL) {
        return tpy_err_no_memory();
    }
    f->def = def;
    f->self = self ? tpy_newref(self) : NULL;
    f->module = module ? tpy_newref(module) : NULL;
    tpy_gc_track(TPY_OBJ(f));
    return TPY_OBJ(f);
}

static int cfunc_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_cfunction_t *f = (tpy_cfunction_t *)self;
    int r = f->self ? visit(f->self, arg) : 0;
    if (r == 0 && f->module) {
        r = visit(f->module, arg);
    }
    return r;
}

static int cfunc_clear(tpy_object_t *self)
{
    tpy_cfunction_t *f = (tpy_cfunction_t *)self;
    TPY_CLEAR(f->self);
    TPY_CLEAR(f->module);
    return 0;
}

static void cfunc_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    if (((tpy_cfunction_t *)self)->weaklist != NULL) {
        tpy_weakref_clear_refs(self);
    }
    cfunc_clear(self);
    tpy_gc_free(self, sizeof(tpy_cfunction_t));
}

static tpy_object_t *cfunc_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    tpy_cfunction_t *f = (tpy_cfunction_t *)callable;
    if ((f->def->flags & TPY_METH_CLASS) && f->self == NULL) {
        // wrapped in a classmethod: the class arrives as the first argument
        if (nargs < 1) {
            return tpy_err_format(&tpy_exc_TypeError, "%s() needs a class argument",
                                  f->def->name);
        }
        return f->def->fn(args[0], args + 1, nargs - 1, kwnames);
    }
    return f->def->fn(f->self, args, nargs, kwnames);
}

static tpy_object_t *cfunc_repr(tpy_object_t *self)
{
    tpy_cfunction_t *f = (tpy_cfunction_t *)self;
    if (f->self == NULL || TPY_MODULE_CHECK(f->self)) {
        return tpy_str_from_format("<built-in function %s>", f->def->name);
    }
    return tpy_str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                               tpy_type_name(TPY_TYPE(f->self)), (void *)f->self);
}

static tpy_object_t *cfunc_get_name(tpy_object_t *self)
{
    return tpy_str_from_cstr(((tpy_cfunction_t *)self)->def->name);
}

/* A module function's qualified name is its name; a method's is prefixed by
 * the qualified name of the class it is bound to (list.append, float.fromhex
 * -- a class method bound to the class itself). */
static tpy_object_t *cfunc_get_qualname(tpy_object_t *self)
{
    tpy_cfunction_t *f = (tpy_cfunction_t *)self;
    if (f->self == NULL || TPY_MODULE_CHECK(f->self)) {
        return cfunc_get_name(self);
    }
    tpy_object_t *owner = TPY_TYPE_HAS_FLAG(TPY_TYPE(f->self), TPY_TPFLAGS_TYPE_SUBCLASS)
                              ? f->self
                              : TPY_OBJ(TPY_TYPE(f->self));
    tpy_object_t *qn = tpy_object_getattr_cstr(owner, "__qualname__");
    if (qn == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_str_from_format("%S.%s", qn, f->def->name);
    TPY_DECREF(qn);
    return r;
}

static tpy_object_t *cfunc_get_module(tpy_object_t *self)
{
    tpy_object_t *m = ((tpy_cfunction_t *)self)->module;
    return tpy_newref(m ? m : tpy_none);
}

static tpy_object_t *cfunc_get_self(tpy_object_t *self)
{
    tpy_object_t *s = ((tpy_cfunction_t *)self)->self;
    return tpy_newref(s ? s : tpy_none);
}

static tpy_object_t *cfunc_get_doc(tpy_object_t *self)
{
    const char *d = ((tpy_cfunction_t *)self)->def->doc;
    return d ? tpy_str_from_cstr(d) : tpy_newref(tpy_none);
}

static const tpy_getsetdef_t cfunc_getset[] = {
    {"__name__", cfunc_get_name, NULL},
    {"__qualname__", cfunc_get_qualname, NULL},
    {"__module__", cfunc_get_module, NULL},
    {"__self__", cfunc_get_self, NULL},
    {"__doc__", cfunc_get_doc, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_cfunction_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(tpy_cfunction_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(tpy_cfunction_t, weaklist),
    .tp_dealloc = cfunc_dealloc,
    .tp_traverse = cfunc_traverse,
    .tp_clear = cfunc_clear,
    .tp_repr = cfunc_repr,
    .tp_call = cfunc_call,
    .tp_getset = cfunc_getset,
};

/* ---- method descriptors (list.append as found in list's dict) ------------------------- */

static tpy_object_t *descr_alloc(tpy_type_t *type, tpy_type_t *owner, const tpy_methoddef_t *def)
{
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)tpy_obj_new(type, sizeof(tpy_methoddescr_t));
    if (d == NULL) {
        return tpy_err_no_memory();
    }
    d->def = def;
    d->owner = owner;
    return TPY_OBJ(d);
}

tpy_object_t *tpy_methoddescr_new(tpy_type_t *owner, const tpy_methoddef_t *def)
{
    return descr_alloc(&tpy_methoddescr_type, owner, def);
}

static void descr_dealloc(tpy_object_t *self)
{
    tpy_obj_free(self, sizeof(tpy_methoddescr_t));
}

static tpy_object_t *methoddescr_call(tpy_object_t *callable, tpy_object_t *const *args,
                                      size_t nargs, tpy_object_t *kwnames)
{
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)callable;
    if (nargs < 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "unbound method %s.%s() needs an argument", d->owner->tp_name,
                              d->def->name);
    }
    if (!tpy_type_is_subtype(TPY_TYPE(args[0]), d->owner)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                              d->def->name, d->owner->tp_name, args[0]);
    }
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static tpy_object_t *methoddescr_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)descr;
    if (obj == NULL) {
        return tpy_newref(descr);
    }
    if (!tpy_type_is_subtype(TPY_TYPE(obj), d->owner)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                              d->def->name, d->owner->tp_name, obj);
    }
    return tpy_cfunction_new(d->def, obj, NULL);
}

static tpy_object_t *methoddescr_repr(tpy_object_t *self)
{
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)self;
    return tpy_str_from_format("<method '%s' of '%s' objects>", d->def->name, d->owner->tp_name);
}

static tpy_object_t *methoddescr_get_name(tpy_object_t *self)
{
    return tpy_str_from_cstr(((tpy_methoddescr_t *)self)->def->name);
}

static tpy_object_t *methoddescr_get_qualname(tpy_object_t *self)
{
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)self;
    return tpy_str_from_format("%s.%s", tpy_type_name(d->owner), d->def->name);
}

static tpy_object_t *methoddescr_get_objclass(tpy_object_t *self)
{
    return tpy_newref(TPY_OBJ(((tpy_methoddescr_t *)self)->owner));
}

static tpy_object_t *methoddescr_get_doc(tpy_object_t *self)
{
    const char *d = ((tpy_methoddescr_t *)self)->def->doc;
    return d ? tpy_str_from_cstr(d) : tpy_newref(tpy_none);
}

static const tpy_getsetdef_t methoddescr_getset[] = {
    {"__name__", methoddescr_get_name, NULL},
    {"__qualname__", methoddescr_get_qualname, NULL},
    {"__objclass__", methoddescr_get_objclass, NULL},
    {"__doc__", methoddescr_get_doc, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_methoddescr_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(tpy_methoddescr_t),
    .tp_flags = TPY_TPFLAGS_METHOD_DESCR,
    .tp_dealloc = descr_dealloc,
    .tp_repr = methoddescr_repr,
    .tp_call = methoddescr_call,
    .tp_descr_get = methoddescr_get,
    .tp_getset = methoddescr_getset,
};

/* ---- class method descriptors (dict.fromkeys as found in dict's dict) -------------- */

tpy_object_t *tpy_classmethoddescr_new(tpy_type_t *owner, const tpy_methoddef_t *def)
{
    return descr_alloc(&tpy_classmethoddescr_type, owner, def);
}

/* Bound to the class it is looked up on (a subclass gets itself): a built-in
 * method whose self is that class. */
static tpy_object_t *classmethoddescr_get(tpy_object_t *descr, tpy_object_t *obj,
                                          tpy_type_t *type)
{
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)descr;
    if (type == NULL) {
        type = TPY_TYPE(obj);
    }
    if (!tpy_type_is_subtype(type, d->owner)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' for type '%s' doesn't apply to type '%s'",
                              d->def->name, d->owner->tp_name, tpy_type_name(type));
    }
    return tpy_cfunction_new(d->def, TPY_OBJ(type), NULL);
}

static tpy_object_t *classmethoddescr_call(tpy_object_t *callable, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    tpy_methoddescr_t *d = (tpy_methoddescr_t *)callable;
    if (nargs < 1) {
        return tpy_err_format(&tpy_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                              d->def->name, d->owner->tp_name);
    }
    if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(args[0]), TPY_TPFLAGS_TYPE_SUBCLASS)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' for type '%s' needs a type, not a '%T' as arg 2",
                              d->def->name, d->owner->tp_name, args[0]);
    }
    if (!tpy_type_is_subtype((tpy_type_t *)args[0], d->owner)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' requires a subtype of '%s' but received '%s'",
                              d->def->name, d->owner->tp_name,
                              tpy_type_name((tpy_type_t *)args[0]));
    }
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

tpy_type_t tpy_classmethoddescr_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(tpy_methoddescr_t),
    .tp_dealloc = descr_dealloc,
    .tp_repr = methoddescr_repr,
    .tp_call = classmethoddescr_call,
    .tp_descr_get = classmethoddescr_get,
    .tp_getset = methoddescr_getset,
};

/* ---- getset and member descriptors ------------------------------------------------ */

typedef struct {
    tpy_object_t ob;
    tpy_type_t *owner;
    const void *def; // tpy_getsetdef_t or tpy_memberdef_t
} datadescr_t;

static tpy_object_t *datadescr_new(tpy_type_t *type, tpy_type_t *owner, const void *def)
{
    datadescr_t *d = (datadescr_t *)tpy_obj_new(type, sizeof(datadescr_t));
    if (d == NULL) {
        return tpy_err_no_memory();
    }
    d->owner = owner;
    d->def = def;
    return TPY_OBJ(d);
}

tpy_object_t *tpy_getsetdescr_new(tpy_type_t *owner, const tpy_getsetdef_t *def)
{
    return datadescr_new(&tpy_getsetdescr_type, owner, def);
}

tpy_object_t *tpy_memberdescr_new(tpy_type_t *owner, const tpy_memberdef_t *def)
{
    return datadescr_new(&tpy_memberdescr_type, owner, def);
}

static void datadescr_dealloc(tpy_object_t *self)
{
    tpy_obj_free(self, sizeof(datadescr_t));
}

static int datadescr_check(datadescr_t *d, tpy_object_t *obj, const char *name)
{
    if (!tpy_type_is_subtype(TPY_TYPE(obj), d->owner)) {
        tpy_err_format(&tpy_exc_TypeError,
                       "descriptor '%s' for '%s' objects doesn't apply to a '%T' object", name,
                       d->owner->tp_name, obj);
        return -1;
    }
    return 0;
}

static tpy_object_t *getset_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    datadescr_t *d = (datadescr_t *)descr;
    const tpy_getsetdef_t *g = d->def;
    if (obj == NULL) {
        return tpy_newref(descr);
    }
    if (datadescr_check(d, obj, g->name) < 0) {
        return NULL;
    }
    return g->get(obj);
}

static int getset_set(tpy_object_t *descr, tpy_object_t *obj, tpy_object_t *value)
{
    datadescr_t *d = (datadescr_t *)descr;
    const tpy_getsetdef_t *g = d->def;
    if (datadescr_check(d, obj, g->name) < 0) {
        return -1;
    }
    if (g->set == NULL) {
        tpy_err_format(&tpy_exc_AttributeError,
                       "attribute '%s' of '%s' objects is not writable", g->name,
                       d->owner->tp_name);
        return -1;
    }
    return g->set(obj, value);
}

static tpy_object_t *getset_repr(tpy_object_t *self)
{
    datadescr_t *d = (datadescr_t *)self;
    return tpy_str_from_format("<attribute '%s' of '%s' objects>",
                               ((const tpy_getsetdef_t *)d->def)->name, d->owner->tp_name);
}

tpy_type_t tpy_getsetdescr_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(datadescr_t),
    .tp_dealloc = datadescr_dealloc,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

static tpy_object_t *member_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    datadescr_t *d = (datadescr_t *)descr;
    const tpy_memberdef_t *m = d->def;
    if (obj == NULL) {
        return tpy_newref(descr);
    }
    if (datadescr_check(d, obj, m->name) < 0) {
        return NULL;
    }
    tpy_object_t *v = *(tpy_object_t **)((char *)obj + m->offset);
    return tpy_newref(v ? v : tpy_none);
}

static int member_set(tpy_object_t *descr, tpy_object_t *obj, tpy_object_t *value)
{
    datadescr_t *d = (datadescr_t *)descr;
    const tpy_memberdef_t *m = d->def;
    if (datadescr_check(d, obj, m->name) < 0) {
        return -1;
    }
    if (m->readonly) {
        tpy_err_format(&tpy_exc_AttributeError, "readonly attribute");
        return -1;
    }
    tpy_object_t **slot = (tpy_object_t **)((char *)obj + m->offset);
    TPY_SETREF(*slot, value ? tpy_newref(value) : NULL);
    return 0;
}

static tpy_object_t *member_repr(tpy_object_t *self)
{
    datadescr_t *d = (datadescr_t *)self;
    return tpy_str_from_format("<member '%s' of '%s' objects>",
                               ((const tpy_memberdef_t *)d->def)->name, d->owner->tp_name);
}

tpy_type_t tpy_memberdescr_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(datadescr_t),
    .tp_dealloc = datadescr_dealloc,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

/* True when [f] (may be NULL) has a true __isabstractmethod__; -1 on error. */
static int is_abstract(tpy_object_t *f)
{
    if (f == NULL) {
        return 0;
    }
    tpy_object_t *v = tpy_object_getattr_cstr(f, "__isabstractmethod__");
    if (v == NULL) {
        if (tpy_err_matches(&tpy_exc_AttributeError)) {
            tpy_err_clear();
            return 0;
        }
        return -1;
    }
    int t = tpy_object_is_true(v);
    TPY_DECREF(v);
    return t;
}

/* ---- staticmethod, classmethod ---------------------------------------------------- */

/* Since CPython 3.10 a staticmethod or classmethod carries the wrapped
 * callable's __module__, __name__, __qualname__ and __doc__ (those it has) in
 * its own __dict__, as functools.wraps would. */
static int wrapper_copy_attributes(tpy_wrapper_t *w)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        tpy_object_t *v = tpy_object_getattr_cstr(w->callable, names[i]);
        if (v == NULL) {
            if (!tpy_err_matches(&tpy_exc_AttributeError)) {
                return -1;
            }
            tpy_err_clear();
            continue;
        }
        if (w->dict == NULL && (w->dict = tpy_dict_new()) == NULL) {
            TPY_DECREF(v);
            return -1;
        }
        int r = tpy_dict_set_cstr(w->dict, names[i], v);
        TPY_DECREF(v);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static tpy_object_t *wrapper_type_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_arg_count(type->tp_name, nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    tpy_wrapper_t *w = (tpy_wrapper_t *)tpy_type_generic_alloc(type, 0);
    if (w == NULL) {
        return NULL;
    }
    w->callable = tpy_newref(args[0]);
    w->dict = NULL;
    tpy_gc_track(TPY_OBJ(w));
    if (wrapper_copy_attributes(w) < 0) {
        TPY_DECREF(w);
        return NULL;
    }
    return TPY_OBJ(w);
}

static int wrapper_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_wrapper_t *w = (tpy_wrapper_t *)self;
    int r = w->callable ? visit(w->callable, arg) : 0;
    if (r == 0 && w->dict) {
        r = visit(w->dict, arg);
    }
    return r;
}

static int wrapper_clear(tpy_object_t *self)
{
    tpy_wrapper_t *w = (tpy_wrapper_t *)self;
    TPY_CLEAR(w->callable);
    TPY_CLEAR(w->dict);
    return 0;
}

static void wrapper_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    wrapper_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

static tpy_object_t *staticmethod_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)obj;
    (void)type;
    return tpy_newref(((tpy_wrapper_t *)descr)->callable);
}

static tpy_object_t *staticmethod_call(tpy_object_t *callable, tpy_object_t *const *args,
                                       size_t nargs, tpy_object_t *kwnames)
{
    return tpy_object_call(((tpy_wrapper_t *)callable)->callable, args, nargs, kwnames);
}

static tpy_object_t *classmethod_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    if (type == NULL) {
        type = TPY_TYPE(obj);
    }
    tpy_object_t *f = ((tpy_wrapper_t *)descr)->callable;
    // CPython 3.9-3.11 chain descriptors: classmethod(property(f)) calls f(cls)
    tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
    if (get != NULL && !TPY_FUNCTION_CHECK(f)) {
        return get(f, TPY_OBJ(type), type);
    }
    return tpy_method_new(f, TPY_OBJ(type));
}

static tpy_object_t *wrapper_get_func(tpy_object_t *self)
{
    return tpy_newref(((tpy_wrapper_t *)self)->callable);
}

static tpy_object_t *wrapper_get_isabstract(tpy_object_t *self)
{
    int t = is_abstract(((tpy_wrapper_t *)self)->callable);
    return t < 0 ? NULL : tpy_bool_from(t);
}

static tpy_object_t *wrapper_get_dict(tpy_object_t *self)
{
    tpy_wrapper_t *w = (tpy_wrapper_t *)self;
    if (w->dict == NULL && (w->dict = tpy_dict_new()) == NULL) {
        return NULL;
    }
    return tpy_newref(w->dict);
}

static tpy_object_t *wrapper_repr(tpy_object_t *self)
{
    return tpy_str_from_format("<%s(%R)>", tpy_type_name(TPY_TYPE(self)),
                               ((tpy_wrapper_t *)self)->callable);
}

static const tpy_getsetdef_t wrapper_getset[] = {
    {"__func__", wrapper_get_func, NULL},
    {"__wrapped__", wrapper_get_func, NULL},
    {"__isabstractmethod__", wrapper_get_isabstract, NULL},
    {"__dict__", wrapper_get_dict, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_staticmethod_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(tpy_wrapper_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_BASETYPE,
    .tp_dealloc = wrapper_dealloc,
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_descr_get = staticmethod_get,
    .tp_call = staticmethod_call,
    .tp_repr = wrapper_repr,
    .tp_new = wrapper_type_new,
    .tp_getset = wrapper_getset,
    .tp_dictoffset = offsetof(tpy_wrapper_t, dict),
};

tpy_type_t tpy_classmethod_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(tpy_wrapper_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_BASETYPE,
    .tp_dealloc = wrapper_dealloc,
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_descr_get = classmethod_get,
    .tp_repr = wrapper_repr,
    .tp_new = wrapper_type_new,
    .tp_getset = wrapper_getset,
    .tp_dictoffset = offsetof(tpy_wrapper_t, dict),
};

/* ---- property ---------------------------------------------------------------------- */

static tpy_object_t *property_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    tpy_object_t *a[4];
    if (tpy_arg_parse("property", args, nargs, kwnames, names, 0, 0, a) < 0) {
        return NULL;
    }
    tpy_property_t *p = (tpy_property_t *)tpy_type_generic_alloc(type, 0);
    if (p == NULL) {
        return NULL;
    }
    tpy_object_t **fields[4] = {&p->fget, &p->fset, &p->fdel, &p->doc};
    for (int i = 0; i < 4; i++) {
        *fields[i] = a[i] && a[i] != tpy_none ? tpy_newref(a[i]) : NULL;
    }
    p->name = NULL;
    p->getter_doc = false;
    if (p->doc == NULL && p->fget != NULL) {
        tpy_object_t *d = tpy_object_getattr_cstr(p->fget, "__doc__");
        if (d == NULL) {
            tpy_err_clear();
        } else if (d == tpy_none) {
            TPY_DECREF(d);
        } else {
            p->doc = d;
            p->getter_doc = true;
        }
    }
    tpy_gc_track(TPY_OBJ(p));
    return TPY_OBJ(p);
}

static int property_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_property_t *p = (tpy_property_t *)self;
    tpy_object_t *f[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (int i = 0; i < 5; i++) {
        if (f[i] != NULL) {
            int r = visit(f[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int property_clear(tpy_object_t *self)
{
    tpy_property_t *p = (tpy_property_t *)self;
    TPY_CLEAR(p->fget);
    TPY_CLEAR(p->fset);
    TPY_CLEAR(p->fdel);
    TPY_CLEAR(p->doc);
    TPY_CLEAR(p->name);
    return 0;
}

static void property_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    property_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

/* AttributeError "property 'x' of 'C' object has no setter", naming the
 * attribute the property learnt through __set_name__ (when a class body bound
 * it), else "property of 'C' object ...", as CPython 3.11. */
static tpy_object_t *property_missing(tpy_object_t *descr, tpy_object_t *obj, const char *what)
{
    tpy_property_t *p = (tpy_property_t *)descr;
    tpy_type_t *type = TPY_TYPE(obj);
    tpy_object_t *qualname = type->tp_ht_qualname;
    if (qualname == NULL) {
        qualname = tpy_str_from_cstr(tpy_type_name(type));
        if (qualname == NULL) {
            return NULL;
        }
    } else {
        TPY_INCREF(qualname);
    }
    if (p->name != NULL) {
        tpy_err_format(&tpy_exc_AttributeError, "property %R of %R object has no %s", p->name,
                       qualname, what);
    } else {
        tpy_err_format(&tpy_exc_AttributeError, "property of %R object has no %s", qualname, what);
    }
    TPY_DECREF(qualname);
    return NULL;
}

static tpy_object_t *property_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    tpy_property_t *p = (tpy_property_t *)descr;
    if (obj == NULL) {
        return tpy_newref(descr);
    }
    if (p->fget == NULL) {
        return property_missing(descr, obj, "getter");
    }
    return tpy_object_call1(p->fget, obj);
}

static int property_set(tpy_object_t *descr, tpy_object_t *obj, tpy_object_t *value)
{
    tpy_property_t *p = (tpy_property_t *)descr;
    tpy_object_t *f = value ? p->fset : p->fdel;
    if (f == NULL) {
        property_missing(descr, obj, value ? "setter" : "deleter");
        return -1;
    }
    tpy_object_t *args[2] = {obj, value};
    tpy_object_t *r = tpy_object_call(f, args, value ? 2 : 1, NULL);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

/* property.setter / getter / deleter: a copy with one accessor replaced (None
 * keeps the old one).  A doc that came from the old getter is re-derived from
 * a new getter; the name learnt by __set_name__ is kept. */
static tpy_object_t *property_copy(tpy_object_t *self, int which, tpy_object_t *f)
{
    tpy_property_t *p = (tpy_property_t *)self;
    tpy_object_t *a[4] = {p->fget, p->fset, p->fdel, p->doc};
    if (f != tpy_none) {
        a[which] = f;
    }
    if (p->getter_doc && which == 0 && f != tpy_none) {
        a[3] = NULL;
    }
    for (int i = 0; i < 4; i++) {
        if (a[i] == NULL) {
            a[i] = tpy_none;
        }
    }
    tpy_object_t *r = tpy_object_call(TPY_OBJ(TPY_TYPE(self)), a, 4, NULL);
    if (r != NULL && p->name != NULL && TPY_ISINSTANCE(r, &tpy_property_type)) {
        TPY_SETREF(((tpy_property_t *)r)->name, tpy_newref(p->name));
    }
    return r;
}

static tpy_object_t *property_set_name(tpy_object_t *self, tpy_object_t *const *args,
                                       size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("__set_name__", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "__set_name__() takes 2 positional arguments but %zu were given",
                              nargs);
    }
    tpy_property_t *p = (tpy_property_t *)self;
    TPY_SETREF(p->name, tpy_newref(args[1]));
    TPY_RETURN_NONE;
}

static tpy_object_t *property_get_isabstract(tpy_object_t *self)
{
    tpy_property_t *p = (tpy_property_t *)self;
    tpy_object_t *f[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        int t = is_abstract(f[i]);
        if (t != 0) {
            return t < 0 ? NULL : tpy_newref(tpy_true);
        }
    }
    return tpy_newref(tpy_false);
}

static const tpy_getsetdef_t property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL},
    {NULL, NULL, NULL},
};

static tpy_object_t *property_getter(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_arg_count("getter", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return property_copy(self, 0, args[0]);
}

static tpy_object_t *property_setter(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_arg_count("setter", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return property_copy(self, 1, args[0]);
}

static tpy_object_t *property_deleter(tpy_object_t *self, tpy_object_t *const *args,
                                      size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_count("deleter", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return property_copy(self, 2, args[0]);
}

static const tpy_methoddef_t property_methods[] = {
    {"getter", property_getter, 0, NULL},
    {"setter", property_setter, 0, NULL},
    {"deleter", property_deleter, 0, NULL},
    {"__set_name__", property_set_name, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const tpy_memberdef_t property_members[] = {
    {"fget", offsetof(tpy_property_t, fget), true},
    {"fset", offsetof(tpy_property_t, fset), true},
    {"fdel", offsetof(tpy_property_t, fdel), true},
    {"__doc__", offsetof(tpy_property_t, doc), false},
    {NULL, 0, false},
};

tpy_type_t tpy_property_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "property",
    .tp_basicsize = sizeof(tpy_property_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_BASETYPE,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_new = property_new,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
};

void tpy_func_init(void)
{
    tpy_type_t *types[] = {&tpy_function_type, &tpy_method_type, &tpy_cell_type,
                           &tpy_cfunction_type, &tpy_methoddescr_type,
                           &tpy_classmethoddescr_type, &tpy_getsetdescr_type,
                           &tpy_memberdescr_type, &tpy_staticmethod_type, &tpy_classmethod_type,
                           &tpy_property_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        tpy_type_ready(types[i]);
    }
}
