/*
 * runtime/typeinfo.c - what a class tells about itself beyond its attributes:
 * the read-only mappingproxy that C.__dict__ and vars(C) return, the record
 * of subclasses behind C.__subclasses__(), and the layout numbers
 * (__basicsize__, __itemsize__, __dictoffset__, __weakrefoffset__, __flags__).
 *
 * The subclass record is plain C memory holding borrowed pointers (no Python
 * objects, so it allocates no hidden containers that gc.get_count would
 * see): a pair (base, subclass) per direct base, in creation order, dropped
 * when either class is freed (heaptype_dealloc calls tpy_typeinfo_forget).
 * Layout numbers are tpy's own; __flags__ uses CPython's bit positions for
 * the properties tpy tracks (heap type, base type, ready, GC, the fast
 * subclass bits), so `C.__flags__ & (1 << 9)` means what it means there.
 */
#include "runtime/typeslots.h"

#include <stdio.h>

/* ---- mappingproxy ----------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *mapping;
} mappingproxy_t;

tpy_type_t tpy_mappingproxy_type;

static tpy_object_t *proxy_alloc(tpy_object_t *mapping)
{
    mappingproxy_t *p = (mappingproxy_t *)tpy_gc_new(&tpy_mappingproxy_type,
                                                     sizeof(mappingproxy_t));
    if (p == NULL) {
        return tpy_err_no_memory();
    }
    p->mapping = tpy_newref(mapping);
    tpy_gc_track(TPY_OBJ(p));
    return TPY_OBJ(p);
}

tpy_object_t *tpy_mappingproxy_new(tpy_object_t *mapping)
{
    return proxy_alloc(mapping);
}

static tpy_object_t *mapping_of(tpy_object_t *self)
{
    return ((mappingproxy_t *)self)->mapping;
}

/* mappingproxy(mapping): any mapping but a list or tuple (CPython's check). */
static tpy_object_t *proxy_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)type;
    static const char *const names[] = {"mapping", NULL};
    tpy_object_t *a[1];
    if (tpy_arg_parse("mappingproxy", args, nargs, kwnames, names, 0, 1, a) < 0) {
        return NULL;
    }
    tpy_type_t *t = TPY_TYPE(a[0]);
    if (t->tp_getitem == NULL || TPY_LIST_CHECK(a[0]) || TPY_TUPLE_CHECK(a[0])) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "mappingproxy() argument must be a mapping, not %T", a[0]);
    }
    return proxy_alloc(a[0]);
}

static int proxy_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_object_t *m = mapping_of(self);
    return m != NULL ? visit(m, arg) : 0;
}

static int proxy_clear(tpy_object_t *self)
{
    TPY_CLEAR(((mappingproxy_t *)self)->mapping);
    return 0;
}

static void proxy_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    proxy_clear(self);
    tpy_gc_free(self, sizeof(mappingproxy_t));
}

static tpy_object_t *proxy_repr(tpy_object_t *self)
{
    return tpy_str_from_format("mappingproxy(%R)", mapping_of(self));
}

static tpy_object_t *proxy_str(tpy_object_t *self)
{
    return tpy_object_str(mapping_of(self));
}

static tpy_object_t *proxy_getitem(tpy_object_t *self, tpy_object_t *key)
{
    return tpy_object_getitem(mapping_of(self), key);
}

static int proxy_contains(tpy_object_t *self, tpy_object_t *key)
{
    tpy_object_t *m = mapping_of(self);
    if (TPY_DICT_CHECK(m)) {
        return tpy_dict_contains(m, key);
    }
    return tpy_object_contains(m, key);
}

static intptr_t proxy_len(tpy_object_t *self)
{
    return tpy_object_len(mapping_of(self));
}

static tpy_object_t *proxy_iter(tpy_object_t *self)
{
    return tpy_object_getiter(mapping_of(self));
}

static tpy_object_t *proxy_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    return tpy_object_richcompare(mapping_of(a), b, op);
}

/* proxy | other and other | proxy: the mapping stands in for the proxy. */
static tpy_object_t *proxy_or(tpy_object_t *a, tpy_object_t *b)
{
    if (TPY_TYPE(a) == &tpy_mappingproxy_type) {
        a = mapping_of(a);
    }
    if (TPY_TYPE(b) == &tpy_mappingproxy_type) {
        b = mapping_of(b);
    }
    return tpy_number_binop(a, b, TPY_BINOP_OR);
}

static tpy_object_t *proxy_ior(tpy_object_t *a, tpy_object_t *b)
{
    (void)a;
    (void)b;
    return tpy_err_format(&tpy_exc_TypeError,
                          "'|=' is not supported by mappingproxy; use '|' instead");
}

// proxy.name(*args): the mapping's own method
static tpy_object_t *forward(tpy_object_t *self, const char *name, tpy_object_t *const *args,
                             size_t nargs, tpy_object_t *kwnames, size_t max)
{
    char fname[32];
    snprintf(fname, sizeof fname, "%s", name);
    if (tpy_arg_count(fname, nargs, kwnames, 0, (intptr_t)max) < 0) {
        return NULL;
    }
    return tpy_object_call_method(mapping_of(self), name, args, nargs);
}

static tpy_object_t *proxy_keys(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return forward(self, "keys", args, nargs, kwnames, 0);
}

static tpy_object_t *proxy_values(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    return forward(self, "values", args, nargs, kwnames, 0);
}

static tpy_object_t *proxy_items(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    return forward(self, "items", args, nargs, kwnames, 0);
}

static tpy_object_t *proxy_copy(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return forward(self, "copy", args, nargs, kwnames, 0);
}

static tpy_object_t *proxy_get(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("get", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        return tpy_err_format(&tpy_exc_TypeError, "get expected %s 2 arguments, got %zu",
                              nargs < 1 ? "at least" : "at most", nargs);
    }
    return tpy_object_call_method(mapping_of(self), "get", args, nargs);
}

static tpy_object_t *proxy_reversed(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    return tpy_reversed_new(mapping_of(self));
}

static const tpy_methoddef_t proxy_methods[] = {
    {"get", proxy_get, 0, NULL},
    {"keys", proxy_keys, 0, NULL},
    {"values", proxy_values, 0, NULL},
    {"items", proxy_items, 0, NULL},
    {"copy", proxy_copy, 0, NULL},
    {"__reversed__", proxy_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_mappingproxy_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxy_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = proxy_dealloc,
    .tp_traverse = proxy_traverse,
    .tp_clear = proxy_clear,
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_hash = tpy_hash_unhashable,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_len = proxy_len,
    .tp_getitem = proxy_getitem,
    .tp_contains = proxy_contains,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_OR] = proxy_or},
    .tp_inplace = TPY_BINOP_TABLE{[TPY_BINOP_OR] = proxy_ior},
    .tp_new = proxy_tp_new,
    .tp_methods = proxy_methods,
};

/* ---- the subclass record ---------------------------------------------------------- */

typedef struct {
    tpy_type_t *base, *sub; // borrowed: dropped before either is freed
} subclass_pair_t;

static subclass_pair_t *pairs;
static size_t npairs, cappairs;

int tpy_typeinfo_add_subclass(tpy_type_t *base, tpy_type_t *sub)
{
    if (npairs == cappairs) {
        size_t cap = cappairs ? cappairs * 2 : 64;
        subclass_pair_t *p = tpy_mem_realloc(pairs, cappairs * sizeof *p, cap * sizeof *p);
        if (p == NULL) {
            tpy_err_no_memory();
            return -1;
        }
        pairs = p;
        cappairs = cap;
    }
    pairs[npairs].base = base;
    pairs[npairs].sub = sub;
    npairs++;
    return 0;
}

void tpy_typeinfo_forget(tpy_type_t *type)
{
    size_t k = 0;
    for (size_t i = 0; i < npairs; i++) {
        if (pairs[i].base != type && pairs[i].sub != type) {
            pairs[k++] = pairs[i];
        }
    }
    npairs = k;
}

void tpy_typeinfo_fini(void)
{
    tpy_mem_free(pairs, cappairs * sizeof *pairs);
    pairs = NULL;
    npairs = cappairs = 0;
}

/* type.__subclasses__(): the live direct subclasses, oldest first. */
static tpy_object_t *type_subclasses(tpy_object_t *self, tpy_object_t *const *args,
                                     size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__subclasses__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    tpy_object_t *list = tpy_list_new(0);
    for (size_t i = 0; list != NULL && i < npairs; i++) {
        if (pairs[i].base == (tpy_type_t *)self &&
            tpy_list_append(list, TPY_OBJ(pairs[i].sub)) < 0) {
            TPY_CLEAR(list);
        }
    }
    return list;
}

/* type.__prepare__(name, bases, **kwds): the namespace a class body fills. */
static tpy_object_t *type_prepare(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return tpy_dict_new();
}

const tpy_methoddef_t tpy_typeinfo_methods[] = {
    {"__subclasses__", type_subclasses, 0, NULL},
    {"__prepare__", type_prepare, TPY_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- layout numbers --------------------------------------------------------------- */

static tpy_type_t *as_type(tpy_object_t *self)
{
    return (tpy_type_t *)self;
}

static tpy_object_t *type_get_basicsize(tpy_object_t *self)
{
    return tpy_int_from_u64(as_type(self)->tp_basicsize);
}

static tpy_object_t *type_get_itemsize(tpy_object_t *self)
{
    return tpy_int_from_u64(as_type(self)->tp_itemsize);
}

static tpy_object_t *type_get_dictoffset(tpy_object_t *self)
{
    return tpy_int_from_i64(as_type(self)->tp_dictoffset);
}

static tpy_object_t *type_get_weakrefoffset(tpy_object_t *self)
{
    return tpy_int_from_i64(as_type(self)->tp_weaklistoffset);
}

static tpy_object_t *type_get_flags(tpy_object_t *self)
{
    static const struct {
        unsigned tpy;
        int cpython_bit;
    } map[] = {
        {TPY_TPFLAGS_HEAPTYPE, 9},         {TPY_TPFLAGS_BASETYPE, 10},
        {TPY_TPFLAGS_READY, 12},           {TPY_TPFLAGS_HAVE_GC, 14},
        {TPY_TPFLAGS_METHOD_DESCR, 17},    {TPY_TPFLAGS_INT_SUBCLASS, 24},
        {TPY_TPFLAGS_LIST_SUBCLASS, 25},   {TPY_TPFLAGS_TUPLE_SUBCLASS, 26},
        {TPY_TPFLAGS_STR_SUBCLASS, 28},    {TPY_TPFLAGS_DICT_SUBCLASS, 29},
        {TPY_TPFLAGS_EXC_SUBCLASS, 30},    {TPY_TPFLAGS_TYPE_SUBCLASS, 31},
    };
    unsigned flags = as_type(self)->tp_flags;
    uint64_t r = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (flags & map[i].tpy) {
            r |= (uint64_t)1 << map[i].cpython_bit;
        }
    }
    if (!(flags & TPY_TPFLAGS_HEAPTYPE)) {
        r |= (uint64_t)1 << 8; // immutable type
    }
    return tpy_int_from_u64(r);
}

const tpy_getsetdef_t tpy_typeinfo_getset[] = {
    {"__basicsize__", type_get_basicsize, NULL},
    {"__itemsize__", type_get_itemsize, NULL},
    {"__dictoffset__", type_get_dictoffset, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, NULL},
    {"__flags__", type_get_flags, NULL},
    {NULL, NULL, NULL},
};
