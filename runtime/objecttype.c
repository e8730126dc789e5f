/*
 * runtime/objecttype.c - the `object` type, the root of every class: default
 * construction (object.__new__ / __init__ and their "takes no arguments"
 * rules), repr/str/hash/compare, the __class__ descriptor (with CPython's
 * layout checks for assignment), the __dict__ and __weakref__ descriptors
 * classes get, __format__, __dir__, __sizeof__, __init_subclass__ and
 * __subclasshook__.  Mirrors CPython 3.11's object behaviour and messages.
 */
#include "runtime/typeslots.h"

#include <stddef.h>

static bool excess_args(size_t nargs, tpy_object_t *kwnames)
{
    return nargs > 0 || tpy_kwcount(kwnames) > 0;
}

static int object_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                       tpy_object_t *kwnames);

static tpy_object_t *object_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)args;
    if (excess_args(nargs, kwnames)) {
        if (type->tp_new != object_new) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "object.__new__() takes exactly one argument (the type to "
                                  "instantiate)");
        }
        if (type->tp_init == object_init || type->tp_init == NULL) {
            return tpy_err_format(&tpy_exc_TypeError, "%s() takes no arguments",
                                  tpy_type_name(type));
        }
    }
    if (!(type->tp_flags & TPY_TPFLAGS_HEAPTYPE) && type != &tpy_object_type) {
        return tpy_err_format(&tpy_exc_TypeError, "cannot create '%s' instances", type->tp_name);
    }
    tpy_object_t *op = tpy_type_generic_alloc(type, 0);
    if (op != NULL && TPY_TYPE_IS_GC(type)) {
        tpy_gc_track(op);
    }
    return op;
}

static int object_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                       tpy_object_t *kwnames)
{
    (void)args;
    tpy_type_t *type = TPY_TYPE(self);
    if (excess_args(nargs, kwnames)) {
        if (type->tp_init != object_init) {
            tpy_err_set_str(&tpy_exc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to "
                            "initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            tpy_err_format(&tpy_exc_TypeError,
                           "%s.__init__() takes exactly one argument (the instance to initialize)",
                           tpy_type_name(type));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(tpy_object_t *self)
{
    tpy_obj_free(self, TPY_TYPE(self)->tp_basicsize);
}

static tpy_object_t *object_repr(tpy_object_t *self)
{
    return tpy_object_default_repr(self);
}

static tpy_object_t *object_str(tpy_object_t *self)
{
    tpy_unary_fn r = TPY_TYPE(self)->tp_repr;
    return r ? r(self) : tpy_object_default_repr(self);
}

static int64_t object_hash(tpy_object_t *self)
{
    return tpy_hash_pointer(self);
}

static tpy_object_t *object_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (op == TPY_CMP_EQ) {
        if (a == b) {
            return tpy_newref(tpy_true);
        }
        TPY_RETURN_NOTIMPL;
    }
    if (op == TPY_CMP_NE) {
        // __ne__ inverts __eq__ unless that is NotImplemented
        tpy_richcmp_fn eq = TPY_TYPE(a)->tp_richcompare;
        if (eq == NULL) {
            TPY_RETURN_NOTIMPL;
        }
        tpy_object_t *r = eq(a, b, TPY_CMP_EQ);
        if (r == NULL || r == tpy_not_implemented) {
            return r;
        }
        int t = tpy_object_is_true(r);
        TPY_DECREF(r);
        if (t < 0) {
            return NULL;
        }
        return tpy_bool_from(!t);
    }
    TPY_RETURN_NOTIMPL;
}

static tpy_object_t *object_get_class(tpy_object_t *self)
{
    return tpy_newref(TPY_OBJ(TPY_TYPE(self)));
}

static tpy_object_t *object_get_dict(tpy_object_t *self)
{
    tpy_object_t **dp = tpy_object_dict_ptr(self);
    if (dp == NULL) {
        return tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '__dict__'",
                              self);
    }
    if (*dp == NULL) {
        *dp = tpy_dict_new();
        if (*dp == NULL) {
            return NULL;
        }
    }
    return tpy_newref(*dp);
}

static int object_set_dict(tpy_object_t *self, tpy_object_t *value)
{
    tpy_object_t **dp = tpy_object_dict_ptr(self);
    if (dp == NULL) {
        tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
        return -1;
    }
    if (value == NULL || !TPY_DICT_CHECK(value)) {
        tpy_err_format(&tpy_exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'",
                       value ? value : tpy_none);
        return -1;
    }
    TPY_SETREF(*dp, tpy_newref(value));
    return 0;
}

// The next class from [t] up its base chain that added __slots__, or NULL.
static tpy_type_t *next_slots_owner(tpy_type_t *t)
{
    for (; t != NULL && (t->tp_flags & TPY_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        if (t->tp_ht_nslots > 0) {
            return t;
        }
    }
    return NULL;
}

/* Do the base chains of [a] and [b] add the same __slots__ names, level by
 * level?  1 yes, 0 no, -1 error. */
static int same_slots(tpy_type_t *a, tpy_type_t *b)
{
    for (;;) {
        a = next_slots_owner(a);
        b = next_slots_owner(b);
        if (a == NULL || b == NULL) {
            return a == b;
        }
        if (a != b) {
            tpy_object_t *sa = tpy_dict_get_cstr_borrow(a->tp_dict, "__slots__");
            tpy_object_t *sb = tpy_dict_get_cstr_borrow(b->tp_dict, "__slots__");
            if (sa == NULL || sb == NULL || a->tp_ht_nslots != b->tp_ht_nslots) {
                return 0;
            }
            tpy_object_t *ta = TPY_STR_CHECK(sa) ? tpy_tuple_pack(1, sa) : tpy_sequence_tuple(sa);
            tpy_object_t *tb = TPY_STR_CHECK(sb) ? tpy_tuple_pack(1, sb) : tpy_sequence_tuple(sb);
            int eq = ta && tb ? tpy_object_richcompare_bool(ta, tb, TPY_CMP_EQ) : -1;
            TPY_XDECREF(ta);
            TPY_XDECREF(tb);
            if (eq <= 0) {
                return eq;
            }
        }
        a = a->tp_base;
        b = b->tp_base;
    }
}

/* obj.__class__ = C: only between classes (not built-in types) whose
 * instances have the same memory layout, as CPython's checks. */
static int object_set_class(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        tpy_err_set_str(&tpy_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(value), TPY_TPFLAGS_TYPE_SUBCLASS)) {
        tpy_err_format(&tpy_exc_TypeError, "__class__ must be set to a class, not '%T' object",
                       value);
        return -1;
    }
    tpy_type_t *newt = (tpy_type_t *)value, *oldt = TPY_TYPE(self);
    if (!(newt->tp_flags & TPY_TPFLAGS_HEAPTYPE) || !(oldt->tp_flags & TPY_TPFLAGS_HEAPTYPE)) {
        tpy_err_set_str(&tpy_exc_TypeError, "__class__ assignment only supported for mutable "
                                            "types or ModuleType subclasses");
        return -1;
    }
    int same = tpy_type_solid_base(newt) == tpy_type_solid_base(oldt) &&
                       newt->tp_basicsize == oldt->tp_basicsize &&
                       newt->tp_itemsize == oldt->tp_itemsize &&
                       newt->tp_dictoffset == oldt->tp_dictoffset &&
                       newt->tp_weaklistoffset == oldt->tp_weaklistoffset
                   ? same_slots(newt, oldt)
                   : 0;
    if (same < 0) {
        return -1;
    }
    if (!same) {
        tpy_err_format(&tpy_exc_TypeError, "__class__ assignment: '%s' object layout differs "
                                           "from '%s'",
                       tpy_type_name(newt), tpy_type_name(oldt));
        return -1;
    }
    // inline attribute values are indexed by the old class's name table:
    // turn them into a real dict first
    if (oldt->tp_dictoffset != 0 && tpy_object_dict_ptr(self) == NULL) {
        return -1;
    }
    TPY_INCREF(newt);
    TPY_OBJ(self)->type = newt;
    TPY_DECREF(oldt);
    return 0;
}

static const tpy_getsetdef_t object_getset[] = {
    {"__class__", object_get_class, object_set_class},
    {NULL, NULL, NULL},
};

/* __dict__ is exposed through a descriptor only on types that have one. */
const tpy_getsetdef_t tpy_object_dict_getset = {"__dict__", object_get_dict, object_set_dict};

/* __weakref__ (read-only, on classes that gave their instances a weak
 * reference list): the first weak reference to the object, or None. */
static tpy_object_t *object_get_weakref(tpy_object_t *self)
{
    intptr_t off = TPY_TYPE(self)->tp_weaklistoffset;
    tpy_object_t *head = off > 0 ? *(tpy_object_t **)((char *)self + off) : NULL;
    return tpy_newref(head ? head : tpy_none);
}

const tpy_getsetdef_t tpy_object_weakref_getset = {"__weakref__", object_get_weakref, NULL};

static tpy_object_t *object_format(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (tpy_arg_count("__format__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (!TPY_STR_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "__format__() argument must be str, not %T",
                              args[0]);
    }
    if (TPY_STR_LEN(args[0]) > 0) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "unsupported format string passed to %s.__format__",
                              tpy_type_name(TPY_TYPE(self)));
    }
    return tpy_object_str(self);
}

static tpy_object_t *object_dir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__dir__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    tpy_object_t *names = tpy_dict_new();
    if (names == NULL) {
        return NULL;
    }
    // self.__dict__ and the classes of self.__class__, fetched as attributes
    // (a super object answers for its instance), as CPython's object.__dir__
    tpy_object_t *d = tpy_object_getattr_cstr(self, "__dict__");
    tpy_object_t *cls = NULL;
    if (d == NULL) {
        if (!tpy_err_matches(&tpy_exc_AttributeError)) {
            goto error;
        }
        tpy_err_clear();
    } else if (TPY_DICT_CHECK(d) && tpy_dict_update(names, d) < 0) {
        goto error;
    }
    cls = tpy_object_getattr_cstr(self, "__class__");
    if (cls == NULL) {
        if (!tpy_err_matches(&tpy_exc_AttributeError)) {
            goto error;
        }
        tpy_err_clear();
    } else if (TPY_TYPE_HAS_FLAG(TPY_TYPE(cls), TPY_TPFLAGS_TYPE_SUBCLASS)) {
        tpy_object_t *mro = ((tpy_type_t *)cls)->tp_mro;
        for (intptr_t i = 0; mro != NULL && i < TPY_TUPLE_SIZE(mro); i++) {
            tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_GET(mro, i);
            if (tpy_dict_update(names, t->tp_dict) < 0) {
                goto error;
            }
        }
    }
    TPY_XDECREF(d);
    TPY_XDECREF(cls);
    tpy_object_t *list = tpy_dict_keys_list(names);
    TPY_DECREF(names);
    return list;
error:
    TPY_XDECREF(d);
    TPY_XDECREF(cls);
    TPY_DECREF(names);
    return NULL;
}

static tpy_object_t *object_init_subclass(tpy_object_t *self, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_arg_count("__init_subclass__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

/* object.__sizeof__: the instance's own block, as sys.getsizeof counts it
 * without the GC header (str keeps its text inline; other variable-size
 * objects add itemsize per item, as CPython's). */
static tpy_object_t *object_sizeof(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    tpy_type_t *t = TPY_TYPE(self);
    size_t size = t->tp_basicsize;
    if (TPY_STR_CHECK(self)) {
        size = (TPY_STR_CHECK_EXACT(self) ? offsetof(tpy_str_t, data) : t->tp_basicsize) +
               (size_t)TPY_STR_LEN(self) + 1;
    } else if (t->tp_itemsize != 0) {
        intptr_t n = ((tpy_varobject_t *)self)->size;
        size += t->tp_itemsize * (size_t)(n < 0 ? -n : n);
    }
    return tpy_int_from_u64(size);
}

/* object.__subclasshook__(): the hook abstract base classes override;
 * object's has no opinion. */
static tpy_object_t *object_subclasshook(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    TPY_RETURN_NOTIMPL;
}

static const tpy_methoddef_t object_methods[] = {
    {"__format__", object_format, 0, NULL},
    {"__dir__", object_dir, 0, NULL},
    {"__sizeof__", object_sizeof, 0, NULL},
    {"__init_subclass__", object_init_subclass, TPY_METH_CLASS, NULL},
    {"__subclasshook__", object_subclasshook, TPY_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_object_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "object",
    .tp_basicsize = sizeof(tpy_object_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattro = tpy_object_generic_getattr,
    .tp_setattro = tpy_object_generic_setattr,
    .tp_new = object_new,
    .tp_init = object_init,
    .tp_getset = object_getset,
    .tp_methods = object_methods,
    .tp_doc = "The base class of the class hierarchy.",
};
