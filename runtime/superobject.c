/*
 * runtime/superobject.c - super(): attribute lookup that starts after a
 * given class in the MRO of an instance's type.  The zero-argument form asks
 * vm/ (through tpy_super_context_hook) for the running method's __class__
 * cell and first argument, as CPython does.
 */
#include "runtime/runtime.h"

/* ---- super -------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_type_t *type;    // the class in whose MRO we start after
    tpy_object_t *obj;   // the instance (or class)
    tpy_type_t *obj_type;
} super_t;

tpy_type_t tpy_super_type;

/* Hook installed by vm/: find the zero-argument super() context. 0 or -1. */
int (*tpy_super_context_hook)(tpy_type_t **type, tpy_object_t **obj);

static tpy_object_t *super_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)type;
    if (tpy_kwcount(kwnames) > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "super() takes no keyword arguments");
    }
    tpy_type_t *t;
    tpy_object_t *obj;
    if (nargs == 0) {
        if (tpy_super_context_hook == NULL || tpy_super_context_hook(&t, &obj) < 0) {
            return NULL;
        }
    } else if (nargs <= 2) {
        if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(args[0]), TPY_TPFLAGS_TYPE_SUBCLASS)) {
            return tpy_err_format(&tpy_exc_TypeError, "super() argument 1 must be a type, not %T",
                                  args[0]);
        }
        if (nargs == 1) {
            return tpy_err_format(&tpy_exc_NotImplementedError,
                                  "super() with one argument (an unbound super object) is not "
                                  "supported by tpy");
        }
        t = (tpy_type_t *)args[0];
        obj = args[1];
    } else {
        return tpy_err_format(&tpy_exc_TypeError, "super() expected at most 2 arguments, got %zu",
                              nargs);
    }
    tpy_type_t *obj_type;
    if (TPY_TYPE_HAS_FLAG(TPY_TYPE(obj), TPY_TPFLAGS_TYPE_SUBCLASS) &&
        tpy_type_is_subtype((tpy_type_t *)obj, t)) {
        obj_type = (tpy_type_t *)obj;
    } else if (tpy_type_is_subtype(TPY_TYPE(obj), t)) {
        obj_type = TPY_TYPE(obj);
    } else {
        return tpy_err_format(&tpy_exc_TypeError,
                              "super(type, obj): obj must be an instance or subtype of type");
    }
    super_t *s = (super_t *)tpy_gc_new(&tpy_super_type, sizeof(super_t));
    if (s == NULL) {
        return tpy_err_no_memory();
    }
    s->type = (tpy_type_t *)tpy_newref(TPY_OBJ(t));
    s->obj = tpy_newref(obj);
    s->obj_type = (tpy_type_t *)tpy_newref(TPY_OBJ(obj_type));
    tpy_gc_track(TPY_OBJ(s));
    return TPY_OBJ(s);
}

static tpy_object_t *super_getattro(tpy_object_t *self, tpy_object_t *name)
{
    super_t *s = (super_t *)self;
    if (!tpy_str_eq_cstr(name, "__class__")) {
        tpy_object_t *mro = s->obj_type->tp_mro;
        intptr_t n = TPY_TUPLE_SIZE(mro), i = 0;
        while (i < n && TPY_TUPLE_GET(mro, i) != TPY_OBJ(s->type)) {
            i++;
        }
        for (i++; i < n; i++) {
            tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_GET(mro, i);
            tpy_object_t *v = tpy_dict_get_str_borrow(t->tp_dict, name);
            if (v != NULL) {
                tpy_descrget_fn get = TPY_TYPE(v)->tp_descr_get;
                if (get != NULL) {
                    tpy_object_t *inst = s->obj == TPY_OBJ(s->obj_type) ? NULL : s->obj;
                    return get(v, inst, s->obj_type);
                }
                return tpy_newref(v);
            }
        }
    }
    return tpy_object_generic_getattr(self, name);
}

static tpy_object_t *super_repr(tpy_object_t *self)
{
    super_t *s = (super_t *)self;
    return tpy_str_from_format("<super: <class '%s'>, <%s object>>", tpy_type_name(s->type),
                               tpy_type_name(s->obj_type));
}

static int super_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    super_t *s = (super_t *)self;
    int r;
    if (s->type && (r = visit(TPY_OBJ(s->type), arg)) != 0) {
        return r;
    }
    if (s->obj && (r = visit(s->obj, arg)) != 0) {
        return r;
    }
    if (s->obj_type && (r = visit(TPY_OBJ(s->obj_type), arg)) != 0) {
        return r;
    }
    return 0;
}

static int super_clear(tpy_object_t *self)
{
    super_t *s = (super_t *)self;
    TPY_CLEAR(s->type);
    TPY_CLEAR(s->obj);
    TPY_CLEAR(s->obj_type);
    return 0;
}

static void super_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    super_clear(self);
    tpy_gc_free(self, sizeof(super_t));
}

static tpy_object_t *super_get_thisclass(tpy_object_t *self)
{
    return tpy_newref(TPY_OBJ(((super_t *)self)->type));
}

static tpy_object_t *super_get_self(tpy_object_t *self)
{
    return tpy_newref(((super_t *)self)->obj);
}

static tpy_object_t *super_get_self_class(tpy_object_t *self)
{
    return tpy_newref(TPY_OBJ(((super_t *)self)->obj_type));
}

static const tpy_getsetdef_t super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL},
    {"__self__", super_get_self, NULL},
    {"__self_class__", super_get_self_class, NULL},
    {NULL, NULL, NULL},
};

/* A super object is a descriptor; one already bound (tpy makes no other kind)
 * stays itself when fetched through a class or instance. */
static tpy_object_t *super_descr_get(tpy_object_t *self, tpy_object_t *obj, tpy_type_t *type)
{
    (void)obj;
    (void)type;
    return tpy_newref(self);
}

tpy_type_t tpy_super_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "super",
    .tp_basicsize = sizeof(super_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_clear = super_clear,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_getset = super_getset,
    .tp_new = super_new,
};

