/*
 * runtime/moduleobject.c - module objects: a namespace dict and a name.
 *
 * Attribute access on a module reads its dict; a missing name raises
 * "module 'm' has no attribute 'x'".  repr follows CPython: built-in modules
 * print as <module 'math' (built-in)>, file modules with their path.  While a
 * source module's body runs, a missing name says "partially initialized module"
 * (most likely a circular import).
 */
#include "runtime/runtime.h"

#include <stddef.h>
#include <string.h>

tpy_object_t *tpy_module_new(const char *name)
{
    tpy_module_t *m = (tpy_module_t *)tpy_gc_new(&tpy_module_type, sizeof(tpy_module_t));
    if (m == NULL) {
        return tpy_err_no_memory();
    }
    m->initializing = false;
    m->name = tpy_str_intern_cstr(name);
    m->dict = tpy_dict_new();
    if (m->name == NULL || m->dict == NULL ||
        tpy_dict_set_cstr(m->dict, "__name__", m->name) < 0 ||
        tpy_dict_set_cstr(m->dict, "__doc__", tpy_none) < 0) {
        TPY_DECREF(m);
        return NULL;
    }
    tpy_gc_track(TPY_OBJ(m));
    return TPY_OBJ(m);
}

int tpy_module_add_functions(tpy_object_t *module, const tpy_methoddef_t *defs)
{
    tpy_module_t *m = (tpy_module_t *)module;
    for (const tpy_methoddef_t *d = defs; d->name != NULL; d++) {
        tpy_object_t *f = tpy_cfunction_new(d, NULL, m->name);
        if (f == NULL || tpy_dict_set_cstr(m->dict, d->name, f) < 0) {
            TPY_XDECREF(f);
            return -1;
        }
        TPY_DECREF(f);
    }
    return 0;
}

int tpy_module_add_object(tpy_object_t *module, const char *name, tpy_object_t *value)
{
    return tpy_dict_set_cstr(((tpy_module_t *)module)->dict, name, value);
}

static int module_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_module_t *m = (tpy_module_t *)self;
    int r = m->dict ? visit(m->dict, arg) : 0;
    if (r == 0 && m->name) {
        r = visit(m->name, arg);
    }
    return r;
}

static int module_clear(tpy_object_t *self)
{
    tpy_module_t *m = (tpy_module_t *)self;
    TPY_CLEAR(m->dict);
    return 0;
}

static void module_dealloc(tpy_object_t *self)
{
    tpy_module_t *m = (tpy_module_t *)self;
    tpy_gc_untrack(self);
    if (m->weaklist != NULL) {
        tpy_weakref_clear_refs(self);
    }
    module_clear(self);
    TPY_CLEAR(m->name);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

static tpy_object_t *module_repr(tpy_object_t *self)
{
    tpy_module_t *m = (tpy_module_t *)self;
    tpy_object_t *file = m->dict ? tpy_dict_get_cstr_borrow(m->dict, "__file__") : NULL;
    if (file != NULL) {
        return tpy_str_from_format("<module %R from %R>", m->name, file);
    }
    return tpy_str_from_format("<module %R (built-in)>", m->name);
}

static tpy_object_t *module_getattro(tpy_object_t *self, tpy_object_t *name)
{
    tpy_module_t *m = (tpy_module_t *)self;
    if (m->dict != NULL) {
        tpy_object_t *v = TPY_STR_CHECK_EXACT(name) ? tpy_dict_get_str_borrow(m->dict, name)
                                                    : tpy_dict_get_borrow(m->dict, name);
        if (v != NULL) {
            return tpy_newref(v);
        }
    }
    tpy_object_t *r = tpy_object_generic_getattr(self, name);
    if (r == NULL && tpy_err_matches(&tpy_exc_AttributeError)) {
        tpy_err_clear();
        if (m->initializing) {
            return tpy_err_format(&tpy_exc_AttributeError,
                                  "partially initialized module '%U' has no attribute '%U' "
                                  "(most likely due to a circular import)",
                                  m->name, name);
        }
        return tpy_err_format(&tpy_exc_AttributeError, "module '%U' has no attribute '%U'",
                              m->name, name);
    }
    return r;
}

static tpy_object_t *module_get_dict(tpy_object_t *self)
{
    return tpy_newref(((tpy_module_t *)self)->dict);
}

static const tpy_getsetdef_t module_getset[] = {
    {"__dict__", module_get_dict, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_module_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "module",
    .tp_basicsize = sizeof(tpy_module_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(tpy_module_t, dict),
    .tp_weaklistoffset = offsetof(tpy_module_t, weaklist),
};

tpy_module_init_fn tpy_builtin_module_find(const char *name)
{
    for (const tpy_builtin_module_t *b = tpy_builtin_modules; b->name != NULL; b++) {
        if (strcmp(b->name, name) == 0) {
            return b->init;
        }
    }
    return NULL;
}

void tpy_module_init(void)
{
    tpy_type_ready(&tpy_module_type);
}
