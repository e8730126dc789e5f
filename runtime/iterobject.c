/*
 * runtime/iterobject.c - enumerate, zip, map, filter, reversed and the
 * callable iterator of iter(f, sentinel).
 *
 * All are lazy, GC-tracked iterators that own what they wrap.  Behaviour and
 * messages mirror CPython 3.11: enumerate counts with an int64 until it would
 * overflow and then with int objects; zip(strict=True) reports "zip()
 * argument 2 is shorter than argument 1"; filter(None, it) keeps the truthy
 * items; reversed hands list, range and dict to their own reverse iterators,
 * walks tuple and str by index and any other sequence through
 * __len__/__getitem__ (an IndexError ends it).  An exhausted iterator drops
 * what it holds, as CPython's do, so it stays exhausted.
 */
#include "runtime/iterobject.h"

#include "runtime/abstract.h"
#include "runtime/builtins.h"
#include "runtime/dictobject.h"
#include "runtime/errors.h"
#include "runtime/intobject.h"
#include "runtime/listobject.h"
#include "runtime/rangeobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"

/* Shared pieces: allocation and the visit helper. */
static tpy_object_t *iter_alloc(tpy_type_t *type)
{
    tpy_object_t *op = tpy_gc_new(type, type->tp_basicsize);
    if (op == NULL) {
        return tpy_err_no_memory();
    }
    if (type->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        TPY_INCREF(type); // instances of classes own their class
    }
    return op;
}

#define VISIT(field)                                                                              \
    do {                                                                                          \
        if ((field) != NULL) {                                                                    \
            int vr_ = visit(TPY_OBJ(field), arg);                                                 \
            if (vr_ != 0) {                                                                       \
                return vr_;                                                                       \
            }                                                                                     \
        }                                                                                         \
    } while (0)

/* ---- enumerate --------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *it;
    int64_t count;          // the next index while it fits in int64 ...
    tpy_object_t *bigcount; // ... then the next index as an int object
} enumerate_t;

static tpy_object_t *enumerate_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    tpy_object_t *given[2] = {NULL, NULL};
    size_t nkw = tpy_kwcount(kwnames);
    if (nargs + nkw > 2) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "enumerate() takes at most 2 arguments (%zu given)", nargs + nkw);
    }
    for (size_t i = 0; i < nargs; i++) {
        given[i] = args[i];
    }
    if (tpy_builtin_kwargs("enumerate", args + nargs, kwnames, names, given) < 0) {
        return NULL;
    }
    if (given[0] == NULL) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "enumerate() missing required argument 'iterable'");
    }
    int64_t count = 0;
    tpy_object_t *bigcount = NULL;
    if (given[1] != NULL) {
        bigcount = tpy_number_index(given[1]);
        if (bigcount == NULL) {
            return NULL;
        }
        int overflow = 0;
        count = tpy_int_as_i64_overflow(bigcount, &overflow);
        if (!overflow) {
            TPY_CLEAR(bigcount);
        }
    }
    tpy_object_t *it = tpy_object_getiter(given[0]);
    if (it == NULL) {
        TPY_XDECREF(bigcount);
        return NULL;
    }
    enumerate_t *e = (enumerate_t *)iter_alloc(type);
    if (e == NULL) {
        TPY_DECREF(it);
        TPY_XDECREF(bigcount);
        return NULL;
    }
    e->it = it;
    e->count = count;
    e->bigcount = bigcount;
    tpy_gc_track(TPY_OBJ(e));
    return TPY_OBJ(e);
}

static tpy_object_t *enumerate_next(tpy_object_t *self)
{
    enumerate_t *e = (enumerate_t *)self;
    if (e->it == NULL) {
        return NULL;
    }
    tpy_object_t *item = tpy_iter_next(e->it);
    if (item == NULL) {
        if (!tpy_err_occurred()) {
            TPY_CLEAR(e->it);
        }
        return NULL;
    }
    tpy_object_t *index;
    if (e->bigcount == NULL && e->count < INT64_MAX) {
        index = tpy_int_from_small(e->count++);
    } else {
        if (e->bigcount == NULL) {
            e->bigcount = tpy_int_from_i64(e->count);
            if (e->bigcount == NULL) {
                TPY_DECREF(item);
                return NULL;
            }
        }
        index = tpy_newref(e->bigcount);
        tpy_object_t *one = tpy_int_from_small(1);
        tpy_object_t *next = tpy_number_binop(e->bigcount, one, TPY_BINOP_ADD);
        TPY_DECREF(one);
        if (next == NULL) {
            TPY_DECREF(index);
            TPY_DECREF(item);
            return NULL;
        }
        TPY_SETREF(e->bigcount, next);
    }
    if (index == NULL) {
        TPY_DECREF(item);
        return NULL;
    }
    tpy_object_t *pair[2] = {index, item};
    return tpy_tuple_from_array_steal(pair, 2);
}

static int enumerate_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    enumerate_t *e = (enumerate_t *)self;
    VISIT(e->it);
    VISIT(e->bigcount);
    return 0;
}

static int enumerate_clear(tpy_object_t *self)
{
    enumerate_t *e = (enumerate_t *)self;
    TPY_CLEAR(e->it);
    TPY_CLEAR(e->bigcount);
    return 0;
}

static void enumerate_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    enumerate_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

tpy_type_t tpy_enumerate_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumerate_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = enumerate_dealloc,
    .tp_traverse = enumerate_traverse,
    .tp_clear = enumerate_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = enumerate_next,
    .tp_new = enumerate_new,
    .tp_doc = "Return an enumerate object yielding (index, item) pairs.",
};

/* ---- zip ----------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *iters; // tuple of iterators; NULL once exhausted
    bool strict;
} zip_t;

/* A tuple of iter(x) for each of [n] iterables. */
static tpy_object_t *iterators_of(tpy_object_t *const *iterables, size_t n)
{
    tpy_object_t *iters = tpy_tuple_new((intptr_t)n);
    if (iters == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        tpy_object_t *it = tpy_object_getiter(iterables[i]);
        if (it == NULL) {
            TPY_DECREF(iters);
            return NULL;
        }
        TPY_TUPLE_ITEMS(iters)[i] = it;
    }
    return iters;
}

static tpy_object_t *zip_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames)
{
    static const char *const names[] = {"strict", NULL};
    tpy_object_t *strict_arg = NULL;
    size_t nkw = tpy_kwcount(kwnames);
    if (nkw > 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "zip() takes at most 1 keyword argument (%zu given)", nkw);
    }
    if (tpy_builtin_kwargs("zip", args + nargs, kwnames, names, &strict_arg) < 0) {
        return NULL;
    }
    int strict = strict_arg ? tpy_object_is_true(strict_arg) : 0;
    if (strict < 0) {
        return NULL;
    }
    tpy_object_t *iters = iterators_of(args, nargs);
    if (iters == NULL) {
        return NULL;
    }
    zip_t *z = (zip_t *)iter_alloc(type);
    if (z == NULL) {
        TPY_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    tpy_gc_track(TPY_OBJ(z));
    return TPY_OBJ(z);
}

/* "arguments 1-3" / "argument 1": the first [n] arguments of zip(). */
static tpy_object_t *zip_length_error(intptr_t which, const char *how)
{
    if (which == 1) {
        return tpy_err_format(&tpy_exc_ValueError, "zip() argument 2 is %s than argument 1", how);
    }
    return tpy_err_format(&tpy_exc_ValueError, "zip() argument %zd is %s than arguments 1-%zd",
                          which + 1, how, which);
}

/* strict mode: iterator [i] ended; the others must end at the same time. */
static tpy_object_t *zip_check_strict(zip_t *z, intptr_t i)
{
    if (i > 0) {
        return zip_length_error(i, "shorter");
    }
    intptr_t n = TPY_TUPLE_SIZE(z->iters);
    for (intptr_t j = 1; j < n; j++) {
        tpy_object_t *item = tpy_iter_next(TPY_TUPLE_GET(z->iters, j));
        if (item != NULL) {
            TPY_DECREF(item);
            return zip_length_error(j, "longer");
        }
        if (tpy_err_occurred()) {
            return NULL;
        }
    }
    return NULL;
}

static tpy_object_t *zip_next(tpy_object_t *self)
{
    zip_t *z = (zip_t *)self;
    if (z->iters == NULL) {
        return NULL;
    }
    intptr_t n = TPY_TUPLE_SIZE(z->iters);
    if (n == 0) {
        return NULL;
    }
    tpy_object_t *result = tpy_tuple_new(n);
    if (result == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        tpy_object_t *item = tpy_iter_next(TPY_TUPLE_GET(z->iters, i));
        if (item == NULL) {
            TPY_DECREF(result);
            if (tpy_err_occurred()) {
                return NULL;
            }
            if (z->strict) {
                zip_check_strict(z, i);
            }
            if (!tpy_err_occurred()) {
                TPY_CLEAR(z->iters);
            }
            return NULL;
        }
        TPY_TUPLE_ITEMS(result)[i] = item;
    }
    return result;
}

static int zip_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    VISIT(((zip_t *)self)->iters);
    return 0;
}

static int zip_clear(tpy_object_t *self)
{
    TPY_CLEAR(((zip_t *)self)->iters);
    return 0;
}

static void zip_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    zip_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

tpy_type_t tpy_zip_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "zip",
    .tp_basicsize = sizeof(zip_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = zip_dealloc,
    .tp_traverse = zip_traverse,
    .tp_clear = zip_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
    .tp_doc = "Yield tuples of the i-th items of each iterable.",
};

/* ---- map ----------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *func;
    tpy_object_t *iters; // tuple of iterators
} map_t;

static tpy_object_t *map_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("map", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 2) {
        return tpy_err_format(&tpy_exc_TypeError, "map() must have at least two arguments.");
    }
    tpy_object_t *iters = iterators_of(args + 1, nargs - 1);
    if (iters == NULL) {
        return NULL;
    }
    map_t *m = (map_t *)iter_alloc(type);
    if (m == NULL) {
        TPY_DECREF(iters);
        return NULL;
    }
    m->func = tpy_newref(args[0]);
    m->iters = iters;
    tpy_gc_track(TPY_OBJ(m));
    return TPY_OBJ(m);
}

static tpy_object_t *map_next(tpy_object_t *self)
{
    map_t *m = (map_t *)self;
    if (m->iters == NULL) {
        return NULL;
    }
    intptr_t n = TPY_TUPLE_SIZE(m->iters);
    tpy_object_t *small[4];
    tpy_object_t **argv = small;
    if (n > 4) {
        argv = tpy_mem_alloc(sizeof(tpy_object_t *) * (size_t)n);
        if (argv == NULL) {
            return tpy_err_no_memory();
        }
    }
    tpy_object_t *result = NULL;
    intptr_t got = 0;
    for (; got < n; got++) {
        argv[got] = tpy_iter_next(TPY_TUPLE_GET(m->iters, got));
        if (argv[got] == NULL) {
            break;
        }
    }
    if (got == n) {
        result = tpy_object_call(m->func, argv, (size_t)n, NULL);
    } else if (!tpy_err_occurred()) {
        TPY_CLEAR(m->iters);
    }
    for (intptr_t i = 0; i < got; i++) {
        TPY_DECREF(argv[i]);
    }
    if (argv != small) {
        tpy_mem_free(argv, sizeof(tpy_object_t *) * (size_t)n);
    }
    return result;
}

static int map_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    map_t *m = (map_t *)self;
    VISIT(m->func);
    VISIT(m->iters);
    return 0;
}

static int map_clear(tpy_object_t *self)
{
    map_t *m = (map_t *)self;
    TPY_CLEAR(m->func);
    TPY_CLEAR(m->iters);
    return 0;
}

static void map_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    map_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

tpy_type_t tpy_map_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "map",
    .tp_basicsize = sizeof(map_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = map_dealloc,
    .tp_traverse = map_traverse,
    .tp_clear = map_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = map_next,
    .tp_new = map_new,
    .tp_doc = "Apply a function to the items of the iterables, lazily.",
};

/* ---- filter -------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *func; // NULL: keep truthy items (filter(None, ...))
    tpy_object_t *it;
} filter_t;

static tpy_object_t *filter_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("filter", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return tpy_err_format(&tpy_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    }
    tpy_object_t *it = tpy_object_getiter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    filter_t *f = (filter_t *)iter_alloc(type);
    if (f == NULL) {
        TPY_DECREF(it);
        return NULL;
    }
    // bool(x) is the truth test itself: skip the call.
    if (args[0] != tpy_none && args[0] != TPY_OBJ(&tpy_bool_type)) {
        f->func = tpy_newref(args[0]);
    }
    f->it = it;
    tpy_gc_track(TPY_OBJ(f));
    return TPY_OBJ(f);
}

static tpy_object_t *filter_next(tpy_object_t *self)
{
    filter_t *f = (filter_t *)self;
    if (f->it == NULL) {
        return NULL;
    }
    for (;;) {
        tpy_object_t *item = tpy_iter_next(f->it);
        if (item == NULL) {
            if (!tpy_err_occurred()) {
                TPY_CLEAR(f->it);
            }
            return NULL;
        }
        int keep;
        if (f->func == NULL) {
            keep = tpy_object_is_true(item);
        } else {
            tpy_object_t *r = tpy_object_call1(f->func, item);
            if (r == NULL) {
                TPY_DECREF(item);
                return NULL;
            }
            keep = tpy_object_is_true(r);
            TPY_DECREF(r);
        }
        if (keep > 0) {
            return item;
        }
        TPY_DECREF(item);
        if (keep < 0) {
            return NULL;
        }
    }
}

static int filter_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    filter_t *f = (filter_t *)self;
    VISIT(f->func);
    VISIT(f->it);
    return 0;
}

static int filter_clear(tpy_object_t *self)
{
    filter_t *f = (filter_t *)self;
    TPY_CLEAR(f->func);
    TPY_CLEAR(f->it);
    return 0;
}

static void filter_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    filter_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

tpy_type_t tpy_filter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "filter",
    .tp_basicsize = sizeof(filter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = filter_dealloc,
    .tp_traverse = filter_traverse,
    .tp_clear = filter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
    .tp_doc = "Yield the items of iterable for which function(item) is true.",
};

/* ---- reversed ------------------------------------------------------------------ */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *seq; // NULL once exhausted
    intptr_t index;    // next index to produce
} reversed_t;

static tpy_object_t *reversed_make(tpy_object_t *seq, intptr_t index)
{
    reversed_t *r = (reversed_t *)iter_alloc(&tpy_reversed_type);
    if (r == NULL) {
        return NULL;
    }
    r->seq = index >= 0 ? tpy_newref(seq) : NULL;
    r->index = index;
    tpy_gc_track(TPY_OBJ(r));
    return TPY_OBJ(r);
}

tpy_object_t *tpy_reversed_new(tpy_object_t *seq)
{
    tpy_type_t *t = TPY_TYPE(seq);
    if (t == &tpy_list_type) {
        return tpy_list_reversed(seq);
    }
    if (t == &tpy_tuple_type) {
        return reversed_make(seq, TPY_TUPLE_SIZE(seq) - 1);
    }
    if (t == &tpy_str_type) {
        return reversed_make(seq, TPY_STR_CPLEN(seq) - 1);
    }
    if (t == &tpy_range_type) {
        return tpy_range_reversed(seq);
    }
    tpy_object_t *name = tpy_str_intern_cstr("__reversed__");
    if (name == NULL) {
        return NULL;
    }
    tpy_object_t *meth = tpy_type_lookup_borrow(t, name);
    TPY_DECREF(name);
    if (meth == tpy_none) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not reversible", seq);
    }
    if (meth != NULL) {
        return tpy_object_call_method(seq, "__reversed__", NULL, 0);
    }
    if (TPY_DICT_CHECK(seq)) {
        return tpy_dictiter_new(seq, TPY_DICT_KEYS, true);
    }
    if (t->tp_getitem == NULL || t->tp_len == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not reversible", seq);
    }
    intptr_t n = tpy_object_len(seq);
    if (n < 0) {
        return NULL;
    }
    return reversed_make(seq, n - 1);
}

static tpy_object_t *reversed_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)type;
    if (tpy_arg_no_kw("reversed", kwnames) < 0 ||
        tpy_arg_count("reversed", nargs, NULL, 1, 1) < 0) {
        return NULL;
    }
    return tpy_reversed_new(args[0]);
}

static tpy_object_t *reversed_next(tpy_object_t *self)
{
    reversed_t *r = (reversed_t *)self;
    tpy_object_t *seq = r->seq;
    if (seq == NULL) {
        return NULL;
    }
    tpy_object_t *item = NULL;
    intptr_t i = r->index;
    tpy_type_t *t = TPY_TYPE(seq);
    if (t == &tpy_tuple_type) {
        item = tpy_newref(TPY_TUPLE_GET(seq, i));
    } else if (t == &tpy_str_type) {
        item = tpy_str_char_at(seq, i);
        if (item == NULL) {
            return NULL;
        }
    } else {
        tpy_object_t *index = tpy_int_from_small((int64_t)i);
        if (index == NULL) {
            return NULL;
        }
        item = tpy_object_getitem(seq, index);
        TPY_DECREF(index);
        if (item == NULL) {
            if (!tpy_err_matches(&tpy_exc_IndexError) &&
                !tpy_err_matches(&tpy_exc_StopIteration)) {
                return NULL;
            }
            tpy_err_clear();
        }
    }
    if (item == NULL || i == 0) {
        TPY_CLEAR(r->seq);
    }
    r->index = i - 1;
    return item;
}

static int reversed_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    VISIT(((reversed_t *)self)->seq);
    return 0;
}

static int reversed_clear(tpy_object_t *self)
{
    TPY_CLEAR(((reversed_t *)self)->seq);
    return 0;
}

static void reversed_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    reversed_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

/* __length_hint__: the items left, 0 once exhausted or when the sequence
 * shrank below the next index. */
static tpy_object_t *reversed_length_hint(tpy_object_t *self, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__length_hint__", nargs, kwnames) < 0) {
        return NULL;
    }
    reversed_t *r = (reversed_t *)self;
    if (r->seq == NULL) {
        return tpy_int_from_i64(0);
    }
    intptr_t n = tpy_object_len(r->seq);
    if (n < 0) {
        return NULL;
    }
    return tpy_int_from_i64(n < r->index + 1 ? 0 : r->index + 1);
}

static const tpy_methoddef_t reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_reversed_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversed_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = reversed_dealloc,
    .tp_traverse = reversed_traverse,
    .tp_clear = reversed_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = reversed_next,
    .tp_new = reversed_new,
    .tp_methods = reversed_methods,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
};

/* ---- callable_iterator --------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *callable; // NULL once exhausted
    tpy_object_t *sentinel;
} calliter_t;

tpy_object_t *tpy_calliter_new(tpy_object_t *callable, tpy_object_t *sentinel)
{
    if (!tpy_callable_check(callable)) {
        return tpy_err_format(&tpy_exc_TypeError, "iter(v, w): v must be callable");
    }
    calliter_t *c = (calliter_t *)iter_alloc(&tpy_calliter_type);
    if (c == NULL) {
        return NULL;
    }
    c->callable = tpy_newref(callable);
    c->sentinel = tpy_newref(sentinel);
    tpy_gc_track(TPY_OBJ(c));
    return TPY_OBJ(c);
}

static tpy_object_t *calliter_next(tpy_object_t *self)
{
    calliter_t *c = (calliter_t *)self;
    if (c->callable == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_call0(c->callable);
    if (r == NULL) {
        if (tpy_err_matches(&tpy_exc_StopIteration)) {
            tpy_err_clear();
            TPY_CLEAR(c->callable);
            TPY_CLEAR(c->sentinel);
        }
        return NULL;
    }
    int eq = tpy_object_richcompare_bool(r, c->sentinel, TPY_CMP_EQ);
    if (eq == 0) {
        return r;
    }
    TPY_DECREF(r);
    if (eq > 0) {
        TPY_CLEAR(c->callable);
        TPY_CLEAR(c->sentinel);
    }
    return NULL;
}

static int calliter_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    calliter_t *c = (calliter_t *)self;
    VISIT(c->callable);
    VISIT(c->sentinel);
    return 0;
}

static int calliter_clear(tpy_object_t *self)
{
    calliter_t *c = (calliter_t *)self;
    TPY_CLEAR(c->callable);
    TPY_CLEAR(c->sentinel);
    return 0;
}

static void calliter_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    calliter_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

tpy_type_t tpy_calliter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_clear = calliter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = calliter_next,
};

int tpy_iterobject_init(void)
{
    tpy_type_t *types[] = {&tpy_enumerate_type, &tpy_zip_type,      &tpy_map_type,
                           &tpy_filter_type,    &tpy_reversed_type, &tpy_calliter_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (!TPY_TYPE_HAS_FLAG(types[i], TPY_TPFLAGS_READY) && tpy_type_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
