/*
 * runtime/slotwrapper.c - wrapper descriptors: a built-in type's C slots seen
 * from Python, so that int.__add__(1, 2), object.__init__(self) or
 * super().__repr__() call the C function behind the slot.  Each wrapper
 * checks that its first argument is an instance of the owning type and its
 * argument count, as CPython's do.
 */
#include "runtime/typeslots.h"

#include <string.h>

/* ---- slot kinds: the dunder <-> slot table ------------------------------------ */



static const char *const slot_names_static[SK_INIT + SK_BINOP] = {
    "__init__", "__new__", "__repr__", "__str__", "__hash__", "__call__", "__iter__", "__next__",
    "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__bool__", "__int__",
    "__float__", "__index__", "__getattribute__", "__getattr__", "__setattr__", "__delattr__",
    "__get__", "__set__", "__delete__", "__del__", "__lt__", "__le__", "__eq__", "__ne__",
    "__gt__", "__ge__", "__neg__", "__pos__", "__invert__",
};
static const char *const binop_names[TPY_BINOP_COUNT][3] = {
#define BINOP_NAMES(name, sym, d, r, i) {d, r, i},
    TPY_BINOPS(BINOP_NAMES)
#undef BINOP_NAMES
};
tpy_object_t *tpy_slot_name[SK_COUNT]; // interned

const char *tpy_slot_cname(int kind)
{
    if (kind < SK_BINOP) {
        return slot_names_static[kind];
    }
    if (kind < SK_RBINOP) {
        return binop_names[kind - SK_BINOP][0];
    }
    if (kind < SK_IBINOP) {
        return binop_names[kind - SK_RBINOP][1];
    }
    return binop_names[kind - SK_IBINOP][2];
}

/* ---- wrapper descriptors: a built-in slot seen from Python ------------------- */



tpy_type_t tpy_wrapperdescr_type;

static tpy_object_t *wrapper_new(tpy_type_t *owner, int kind)
{
    wrapperdescr_t *w = (wrapperdescr_t *)tpy_obj_new(&tpy_wrapperdescr_type,
                                                      sizeof(wrapperdescr_t));
    if (w == NULL) {
        return tpy_err_no_memory();
    }
    w->owner = owner;
    w->kind = kind;
    return TPY_OBJ(w);
}

static void wrapper_dealloc(tpy_object_t *self)
{
    tpy_obj_free(self, sizeof(wrapperdescr_t));
}

static tpy_object_t *wrapper_repr(tpy_object_t *self)
{
    wrapperdescr_t *w = (wrapperdescr_t *)self;
    return tpy_str_from_format("<slot wrapper '%s' of '%s' objects>", tpy_slot_cname(w->kind),
                               w->owner->tp_name);
}

static tpy_object_t *methodwrapper_new(wrapperdescr_t *descr, tpy_object_t *self);

static tpy_object_t *wrapper_get(tpy_object_t *descr, tpy_object_t *obj, tpy_type_t *type)
{
    (void)type;
    wrapperdescr_t *w = (wrapperdescr_t *)descr;
    if (obj == NULL || w->kind == SK_NEW) {
        return tpy_newref(descr);
    }
    if (!tpy_type_is_subtype(TPY_TYPE(obj), w->owner)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                              tpy_slot_cname(w->kind), w->owner->tp_name, obj);
    }
    return methodwrapper_new(w, obj);
}

static tpy_object_t *wrapper_get_name(tpy_object_t *self)
{
    return tpy_str_from_cstr(tpy_slot_cname(((wrapperdescr_t *)self)->kind));
}

static tpy_object_t *wrapper_get_qualname(tpy_object_t *self)
{
    wrapperdescr_t *w = (wrapperdescr_t *)self;
    return tpy_str_from_format("%s.%s", tpy_type_name(w->owner), tpy_slot_cname(w->kind));
}

static tpy_object_t *wrapper_get_objclass(tpy_object_t *self)
{
    return tpy_newref(TPY_OBJ(((wrapperdescr_t *)self)->owner));
}

static const tpy_getsetdef_t wrapper_getset[] = {
    {"__name__", wrapper_get_name, NULL},
    {"__qualname__", wrapper_get_qualname, NULL},
    {"__objclass__", wrapper_get_objclass, NULL},
    {NULL, NULL, NULL},
};

static int wrap_argcount(wrapperdescr_t *w, size_t nargs, tpy_object_t *kwnames, size_t want)
{
    if (tpy_kwcount(kwnames) > 0 && w->kind != SK_INIT && w->kind != SK_CALL) {
        tpy_err_format(&tpy_exc_TypeError, "wrapper %s() takes no keyword arguments",
                       tpy_slot_cname(w->kind));
        return -1;
    }
    if (nargs != want) {
        tpy_err_format(&tpy_exc_TypeError, "expected %zu argument%s, got %zu", want,
                       want == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static tpy_object_t *int_result(intptr_t v)
{
    return v < 0 && tpy_err_occurred() ? NULL : tpy_int_from_i64(v);
}

static tpy_object_t *none_or_null(int r)
{
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

/* Call built-in slot [kind] of [t] on self with args. */
static tpy_object_t *call_slot(tpy_type_t *t, int kind, tpy_object_t *self,
                               tpy_object_t *const *args, size_t nargs, tpy_object_t *kwnames,
                               wrapperdescr_t *w)
{
    switch (kind) {
    case SK_INIT:
        return none_or_null(t->tp_init(self, args, nargs, kwnames));
    case SK_CALL:
        return t->tp_call(self, args, nargs, kwnames);
    default:
        break;
    }
    size_t want = 0;
    if (kind == SK_GETITEM || kind == SK_DELITEM || kind == SK_CONTAINS || kind == SK_GETATTRIBUTE
        || kind == SK_DELATTR || kind == SK_DELETE || (kind >= SK_LT && kind <= SK_GE) ||
        kind >= SK_BINOP) {
        want = 1;
    } else if (kind == SK_SETITEM || kind == SK_SETATTR || kind == SK_SET || kind == SK_GET) {
        want = 2;
    }
    if (kind == SK_GET && nargs == 1) {
        want = 1;
    }
    if (wrap_argcount(w, nargs, kwnames, want) < 0) {
        return NULL;
    }
    tpy_object_t *r;
    switch (kind) {
    case SK_REPR:
        return t->tp_repr(self);
    case SK_STR:
        return t->tp_str(self);
    case SK_HASH: {
        int64_t h = t->tp_hash(self);
        return h == -1 ? NULL : tpy_int_from_i64(h);
    }
    case SK_ITER:
        return t->tp_iter(self);
    case SK_NEXT:
        r = t->tp_iternext(self);
        if (r == NULL && !tpy_err_occurred()) {
            tpy_err_set_object(&tpy_exc_StopIteration, NULL);
        }
        return r;
    case SK_LEN:
        return int_result(t->tp_len(self));
    case SK_GETITEM:
        return t->tp_getitem(self, args[0]);
    case SK_SETITEM:
        return none_or_null(t->tp_setitem(self, args[0], args[1]));
    case SK_DELITEM:
        return none_or_null(t->tp_setitem(self, args[0], NULL));
    case SK_CONTAINS: {
        int c = t->tp_contains(self, args[0]);
        return c < 0 ? NULL : tpy_bool_from(c);
    }
    case SK_BOOL: {
        int c = t->tp_bool(self);
        return c < 0 ? NULL : tpy_bool_from(c);
    }
    case SK_INT:
        return t->tp_int(self);
    case SK_FLOAT:
        return t->tp_float(self);
    case SK_INDEX:
        return t->tp_index(self);
    case SK_GETATTRIBUTE:
        if (!TPY_STR_CHECK(args[0])) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "attribute name must be string, not '%T'", args[0]);
        }
        return t->tp_getattro(self, args[0]);
    case SK_SETATTR:
    case SK_DELATTR:
        if (!TPY_STR_CHECK(args[0])) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "attribute name must be string, not '%T'", args[0]);
        }
        return none_or_null(t->tp_setattro(self, args[0], kind == SK_SETATTR ? args[1] : NULL));
    case SK_GET: {
        tpy_object_t *inst = args[0] == tpy_none ? NULL : args[0];
        tpy_type_t *owner = nargs > 1 && args[1] != tpy_none ? (tpy_type_t *)args[1]
                                                             : TPY_TYPE(args[0]);
        return t->tp_descr_get(self, inst, owner);
    }
    case SK_SET:
        return none_or_null(t->tp_descr_set(self, args[0], args[1]));
    case SK_DELETE:
        return none_or_null(t->tp_descr_set(self, args[0], NULL));
    case SK_DEL:
        t->tp_finalize(self);
        if (tpy_err_occurred()) {
            return NULL;
        }
        TPY_RETURN_NONE;
    case SK_NEG:
    case SK_POS:
    case SK_INVERT:
        return t->tp_unop[kind - SK_NEG](self);
    default:
        break;
    }
    if (kind >= SK_LT && kind <= SK_GE) {
        return t->tp_richcompare(self, args[0], kind - SK_LT);
    }
    if (kind >= SK_IBINOP) {
        return t->tp_inplace[kind - SK_IBINOP](self, args[0]);
    }
    if (kind >= SK_RBINOP) {
        return t->tp_binop[kind - SK_RBINOP](args[0], self);
    }
    return t->tp_binop[kind - SK_BINOP](self, args[0]);
}

static tpy_object_t *wrapper_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    wrapperdescr_t *w = (wrapperdescr_t *)callable;
    if (nargs < 1) {
        return tpy_err_format(&tpy_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                              tpy_slot_cname(w->kind), w->owner->tp_name);
    }
    tpy_object_t *self = args[0];
    if (w->kind == SK_NEW) {
        // T.__new__(cls, ...): cls must be a subtype of T.
        if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(self), TPY_TPFLAGS_TYPE_SUBCLASS)) {
            return tpy_err_format(&tpy_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                                  w->owner->tp_name, tpy_type_name(TPY_TYPE(self)));
        }
        tpy_type_t *cls = (tpy_type_t *)self;
        if (!tpy_type_is_subtype(cls, w->owner)) {
            return tpy_err_format(&tpy_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                                  w->owner->tp_name, tpy_type_name(cls), tpy_type_name(cls),
                                  w->owner->tp_name);
        }
        return w->owner->tp_new(cls, args + 1, nargs - 1, kwnames);
    }
    if (!tpy_type_is_subtype(TPY_TYPE(self), w->owner)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "descriptor '%s' requires a '%s' object but received a '%s'",
                              tpy_slot_cname(w->kind), w->owner->tp_name,
                              tpy_type_name(TPY_TYPE(self)));
    }
    return call_slot(w->owner, w->kind, self, args + 1, nargs - 1, kwnames, w);
}

tpy_type_t tpy_wrapperdescr_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(wrapperdescr_t),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_call = wrapper_call,
    .tp_descr_get = wrapper_get,
    .tp_getset = wrapper_getset,
    .tp_flags = TPY_TPFLAGS_METHOD_DESCR,
};

/* ---- method-wrappers: a slot wrapper bound to an object ((1).__add__) -------------- */

typedef struct {
    tpy_object_t ob;
    wrapperdescr_t *descr; // owned
    tpy_object_t *self;    // owned
} methodwrapper_t;

tpy_type_t tpy_methodwrapper_type;

static tpy_object_t *methodwrapper_new(wrapperdescr_t *descr, tpy_object_t *self)
{
    methodwrapper_t *m = (methodwrapper_t *)tpy_gc_new(&tpy_methodwrapper_type,
                                                       sizeof(methodwrapper_t));
    if (m == NULL) {
        return tpy_err_no_memory();
    }
    m->descr = (wrapperdescr_t *)tpy_newref(TPY_OBJ(descr));
    m->self = tpy_newref(self);
    tpy_gc_track(TPY_OBJ(m));
    return TPY_OBJ(m);
}

static int methodwrapper_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    methodwrapper_t *m = (methodwrapper_t *)self;
    int r = m->self ? visit(m->self, arg) : 0;
    return r == 0 && m->descr ? visit(TPY_OBJ(m->descr), arg) : r;
}

static int methodwrapper_clear(tpy_object_t *self)
{
    methodwrapper_t *m = (methodwrapper_t *)self;
    TPY_CLEAR(m->self);
    TPY_CLEAR(m->descr);
    return 0;
}

static void methodwrapper_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    methodwrapper_clear(self);
    tpy_gc_free(self, sizeof(methodwrapper_t));
}

static tpy_object_t *methodwrapper_call(tpy_object_t *callable, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    methodwrapper_t *m = (methodwrapper_t *)callable;
    // keep self alive: the slot may drop the last outside reference to us
    TPY_INCREF(m);
    tpy_object_t *r = call_slot(m->descr->owner, m->descr->kind, m->self, args, nargs, kwnames,
                                m->descr);
    TPY_DECREF(m);
    return r;
}

static tpy_object_t *methodwrapper_repr(tpy_object_t *self)
{
    methodwrapper_t *m = (methodwrapper_t *)self;
    return tpy_str_from_format("<method-wrapper '%s' of %s object at %p>",
                               tpy_slot_cname(m->descr->kind), tpy_type_name(TPY_TYPE(m->self)),
                               (void *)m->self);
}

static tpy_object_t *methodwrapper_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if ((op != TPY_CMP_EQ && op != TPY_CMP_NE) || TPY_TYPE(b) != &tpy_methodwrapper_type) {
        TPY_RETURN_NOTIMPL;
    }
    methodwrapper_t *x = (methodwrapper_t *)a, *y = (methodwrapper_t *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return tpy_bool_from(op == TPY_CMP_EQ ? eq : !eq);
}

static int64_t methodwrapper_hash(tpy_object_t *self)
{
    methodwrapper_t *m = (methodwrapper_t *)self;
    int64_t h = tpy_hash_pointer(m->self) ^ tpy_hash_pointer(m->descr);
    return h == -1 ? -2 : h;
}

static tpy_object_t *methodwrapper_get_self(tpy_object_t *self)
{
    return tpy_newref(((methodwrapper_t *)self)->self);
}

static tpy_object_t *methodwrapper_get_name(tpy_object_t *self)
{
    return wrapper_get_name(TPY_OBJ(((methodwrapper_t *)self)->descr));
}

static tpy_object_t *methodwrapper_get_qualname(tpy_object_t *self)
{
    return wrapper_get_qualname(TPY_OBJ(((methodwrapper_t *)self)->descr));
}

static tpy_object_t *methodwrapper_get_objclass(tpy_object_t *self)
{
    return wrapper_get_objclass(TPY_OBJ(((methodwrapper_t *)self)->descr));
}

static const tpy_getsetdef_t methodwrapper_getset[] = {
    {"__self__", methodwrapper_get_self, NULL},
    {"__name__", methodwrapper_get_name, NULL},
    {"__qualname__", methodwrapper_get_qualname, NULL},
    {"__objclass__", methodwrapper_get_objclass, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_methodwrapper_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(methodwrapper_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = methodwrapper_dealloc,
    .tp_traverse = methodwrapper_traverse,
    .tp_clear = methodwrapper_clear,
    .tp_repr = methodwrapper_repr,
    .tp_call = methodwrapper_call,
    .tp_richcompare = methodwrapper_richcompare,
    .tp_hash = methodwrapper_hash,
    .tp_getset = methodwrapper_getset,
};

/* Does static type [t] define slot [kind] itself (not inherited from its base)? */
static bool defines_slot(tpy_type_t *t, int kind)
{
    tpy_type_t *b = t->tp_base;
#define OWN(field) (t->field != NULL && (b == NULL || b->field != t->field))
    switch (kind) {
    case SK_INIT: return OWN(tp_init);
    case SK_NEW: return OWN(tp_new);
    case SK_REPR: return OWN(tp_repr);
    case SK_STR: return OWN(tp_str);
    case SK_HASH: return OWN(tp_hash);
    case SK_CALL: return OWN(tp_call);
    case SK_ITER: return OWN(tp_iter);
    case SK_NEXT: return OWN(tp_iternext);
    case SK_LEN: return OWN(tp_len);
    case SK_GETITEM: return OWN(tp_getitem);
    case SK_SETITEM: case SK_DELITEM: return OWN(tp_setitem);
    case SK_CONTAINS: return OWN(tp_contains);
    case SK_BOOL: return OWN(tp_bool);
    case SK_INT: return OWN(tp_int);
    case SK_FLOAT: return OWN(tp_float);
    case SK_INDEX: return OWN(tp_index);
    case SK_GETATTRIBUTE: return OWN(tp_getattro);
    case SK_SETATTR: case SK_DELATTR: return OWN(tp_setattro);
    case SK_GET: return OWN(tp_descr_get);
    case SK_SET: case SK_DELETE: return OWN(tp_descr_set);
    case SK_DEL: return OWN(tp_finalize);
    case SK_GETATTR: return false;
    default: break;
    }
    if (kind >= SK_LT && kind <= SK_GE) {
        return OWN(tp_richcompare);
    }
    if (kind >= SK_NEG && kind <= SK_INVERT) {
        return OWN(tp_unop[kind - SK_NEG]);
    }
#define OWN_OP(get, op) (get(t, op) != NULL && (b == NULL || get(b, op) != get(t, op)))
    if (kind >= SK_IBINOP) {
        return OWN_OP(tpy_type_inplace, kind - SK_IBINOP);
    }
    if (kind >= SK_RBINOP) {
        // str, list and tuple concatenate through CPython's sequence protocol,
        // which gives them __add__ but no __radd__
        if (kind - SK_RBINOP == TPY_BINOP_ADD &&
            (t->tp_flags & (TPY_TPFLAGS_STR_SUBCLASS | TPY_TPFLAGS_LIST_SUBCLASS |
                            TPY_TPFLAGS_TUPLE_SUBCLASS))) {
            return false;
        }
        return OWN_OP(tpy_type_binop, kind - SK_RBINOP);
    }
    return OWN_OP(tpy_type_binop, kind - SK_BINOP);
#undef OWN_OP
#undef OWN
}

int tpy_slot_add_wrappers(tpy_type_t *type)
{
    for (int k = 0; k < SK_COUNT; k++) {
        if (!defines_slot(type, k)) {
            continue;
        }
        if (tpy_dict_get_str_borrow(type->tp_dict, tpy_slot_name[k]) != NULL) {
            continue; // an explicit method of the same name wins
        }
        tpy_object_t *w = wrapper_new(type, k);
        if (w == NULL || tpy_dict_set(type->tp_dict, tpy_slot_name[k], w) < 0) {
            TPY_XDECREF(w);
            return -1;
        }
        TPY_DECREF(w);
    }
    return 0;
}

