/*
 * runtime/tupleobject.c - tuple and its iterator.
 *
 * Items live inline after the size.  Invariants: () is one shared, untracked
 * object that lives until exit; a tuple built from known items is tracked only
 * when one of them may be tracked (tuple_track; CPython 3.14 does the same,
 * 3.11 tracks every tuple until its next collection); one made empty by
 * tpy_tuple_new and filled later is tracked from birth (the collector, or
 * tpy_tuple_maybe_untrack, may untrack it once it holds only atomic objects).  Dead tuples of 1..TUPLE_MAXSAVE items of the
 * exact tuple type are kept on per-size free lists (bounded, linked through
 * items[0]) and reused without touching the allocator; tpy_tuple_fini empties
 * them.  Tuples have no tp_clear: like CPython, a cycle through a tuple is
 * always broken by clearing the mutable container on the cycle.
 *
 * Mirrors CPython 3.11: repr "(1,)" / "()" with "(...)" for self-reference,
 * lexicographic comparison, the xxHash-based tuple hash (hash((1, 2)) has
 * CPython's value), "tuple.index(x): x not in tuple".
 */
#include "runtime/runtime.h"

#include <string.h>

#define TUPLE_MAXSAVE 20   // sizes 1..20 are recycled
#define TUPLE_MAXFREE 2000 // tuples kept per size

static tpy_tuple_t *free_list[TUPLE_MAXSAVE + 1];
static int free_count[TUPLE_MAXSAVE + 1];
static tpy_object_t *empty_tuple;

static size_t tuple_alloc_size(tpy_type_t *type, intptr_t n)
{
    return type->tp_basicsize + (size_t)n * sizeof(tpy_object_t *);
}

static tpy_object_t *get_empty(void)
{
    if (empty_tuple == NULL) {
        empty_tuple = tpy_gc_new(&tpy_tuple_type, sizeof(tpy_tuple_t));
        if (empty_tuple == NULL) {
            return tpy_err_no_memory();
        }
        // The shared () stays untracked, as in CPython: it can never be in a cycle.
    }
    return tpy_newref(empty_tuple);
}

// An exact tuple of [n] > 0 NULL items, untracked.
static inline tpy_tuple_t *tuple_alloc(intptr_t n)
{
    tpy_tuple_t *t;
    if (n <= TUPLE_MAXSAVE && free_list[n] != NULL) {
        t = free_list[n];
        free_list[n] = (tpy_tuple_t *)t->items[0];
        free_count[n]--;
        t->ob.refcnt = 1;
        t->ob.type = &tpy_tuple_type;
        TPY_REF_INC_TOTAL();
        t->items[0] = NULL;
        return t;
    }
    if ((size_t)n > (SIZE_MAX - sizeof(tpy_tuple_t)) / sizeof(tpy_object_t *) / 2) {
        tpy_err_no_memory();
        return NULL;
    }
    t = (tpy_tuple_t *)tpy_gc_new(&tpy_tuple_type, tuple_alloc_size(&tpy_tuple_type, n));
    if (t == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    t->size = n;
    return t;
}

/* Track [t] only when one of its items could be part of a cycle: a tuple
 * cannot change, so one holding only atomics (or untracked tuples of them)
 * never needs the collector. */
static void tuple_track(tpy_tuple_t *t)
{
    for (intptr_t i = 0; i < t->size; i++) {
        if (tpy_object_may_be_tracked(t->items[i])) {
            tpy_gc_track(TPY_OBJ(t));
            return;
        }
    }
}

tpy_object_t *tpy_tuple_new(intptr_t n)
{
    if (n <= 0) {
        if (n < 0) {
            return tpy_err_bad_internal_call("tpy_tuple_new");
        }
        return get_empty();
    }
    tpy_tuple_t *t = tuple_alloc(n);
    if (t == NULL) {
        return NULL;
    }
    tpy_gc_track(TPY_OBJ(t));
    return TPY_OBJ(t);
}

tpy_object_t *tpy_tuple_from_array(tpy_object_t *const *items, intptr_t n)
{
    if (n == 0) {
        return get_empty();
    }
    tpy_tuple_t *t = tuple_alloc(n);
    if (t == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        t->items[i] = tpy_newref(items[i]);
    }
    tuple_track(t);
    return TPY_OBJ(t);
}

tpy_object_t *tpy_tuple_from_array_steal(tpy_object_t *const *items, intptr_t n)
{
    if (n == 0) {
        return get_empty();
    }
    tpy_tuple_t *t = tuple_alloc(n);
    if (t == NULL) {
        for (intptr_t i = 0; i < n; i++) {
            TPY_XDECREF(items[i]);
        }
        return NULL;
    }
    // BUILD_TUPLE's path: copy and decide tracking in one pass
    bool track = false;
    for (intptr_t i = 0; i < n; i++) {
        tpy_object_t *x = items[i];
        t->items[i] = x;
        track |= tpy_object_may_be_tracked(x);
    }
    if (track) {
        tpy_gc_track(TPY_OBJ(t));
    }
    return TPY_OBJ(t);
}

tpy_object_t *tpy_tuple_pack(intptr_t n, ...)
{
    if (n == 0) {
        return get_empty();
    }
    tpy_tuple_t *t = tuple_alloc(n);
    if (t == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (intptr_t i = 0; i < n; i++) {
        t->items[i] = tpy_newref(va_arg(ap, tpy_object_t *));
    }
    va_end(ap);
    tuple_track(t);
    return TPY_OBJ(t);
}

tpy_object_t *tpy_tuple_slice(tpy_object_t *op, intptr_t lo, intptr_t hi)
{
    intptr_t n = TPY_TUPLE_SIZE(op);
    lo = lo < 0 ? 0 : lo > n ? n : lo;
    hi = hi < lo ? lo : hi > n ? n : hi;
    if (lo == 0 && hi == n && TPY_TUPLE_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    return tpy_tuple_from_array(TPY_TUPLE_ITEMS(op) + lo, hi - lo);
}

void tpy_tuple_maybe_untrack(tpy_object_t *op)
{
    if (!tpy_gc_is_tracked(op)) {
        return;
    }
    intptr_t n = TPY_TUPLE_SIZE(op);
    for (intptr_t i = 0; i < n; i++) {
        tpy_object_t *x = TPY_TUPLE_GET(op, i);
        // A NULL item means the tuple is still being built: keep tracking it.
        if (x == NULL || tpy_object_may_be_tracked(x)) {
            return;
        }
    }
    tpy_gc_untrack(op);
}

/* ---- slots ------------------------------------------------------------------ */

static void tuple_dealloc(tpy_object_t *op)
{
    tpy_tuple_t *t = (tpy_tuple_t *)op;
    intptr_t n = t->size;
    tpy_gc_untrack(op);
    if (tpy_trash_begin(op)) {
        return;
    }
    for (intptr_t i = n; --i >= 0;) {
        TPY_CLEAR(t->items[i]);
    }
    if (n > 0 && n <= TUPLE_MAXSAVE && TPY_TUPLE_CHECK_EXACT(op) &&
        free_count[n] < TUPLE_MAXFREE) {
        t->items[0] = TPY_OBJ(free_list[n]);
        free_list[n] = t;
        free_count[n]++;
        tpy_trash_end();
        return;
    }
    if (op == empty_tuple) {
        // Only reachable through a refcounting bug elsewhere; never free ().
        empty_tuple = NULL;
    }
    tpy_gc_free(op, tuple_alloc_size(TPY_TYPE(op), n));
    tpy_trash_end();
}

static int tuple_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    tpy_tuple_t *t = (tpy_tuple_t *)op;
    // last item first: the order CPython's gc.get_referents shows
    for (intptr_t i = t->size; --i >= 0;) {
        if (t->items[i] != NULL) {
            int r = visit(t->items[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static tpy_object_t *tuple_repr(tpy_object_t *op)
{
    intptr_t n = TPY_TUPLE_SIZE(op);
    if (n == 0) {
        return tpy_str_from_cstr("()");
    }
    int r = tpy_repr_enter(op);
    if (r != 0) {
        return r > 0 ? tpy_str_from_cstr("(...)") : NULL;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_append_char(&b, '(');
    for (intptr_t i = 0; i < n; i++) {
        if (i > 0) {
            tpy_strbuf_append(&b, ", ", 2);
        }
        if (tpy_strbuf_append_repr(&b, TPY_TUPLE_GET(op, i)) < 0) {
            tpy_strbuf_release(&b);
            tpy_repr_leave(op);
            return NULL;
        }
    }
    tpy_strbuf_append_cstr(&b, n == 1 ? ",)" : ")");
    tpy_repr_leave(op);
    return tpy_strbuf_finish(&b);
}

/*
 * CPython 3.11's tuple hash: one round of xxHash64 per item hash, so the value
 * for tuples of ints matches python3 exactly.
 */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

int64_t tpy_tuple_hash_items(tpy_object_t *const *items, intptr_t n)
{
    uint64_t acc = XXPRIME_5;
    for (intptr_t i = 0; i < n; i++) {
        int64_t h = tpy_object_hash(items[i]);
        if (h == -1) {
            return -1;
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (int64_t)acc;
}

static int64_t tuple_hash(tpy_object_t *op)
{
    return tpy_tuple_hash_items(TPY_TUPLE_ITEMS(op), TPY_TUPLE_SIZE(op));
}

/* Lexicographic comparison shared with list: items before [na]/[nb] are compared
 * for equality, the first difference decides.  Both arrays must stay valid
 * (tuples are immutable; list re-reads its size on each step via the callback). */
static tpy_object_t *tuple_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (!TPY_TUPLE_CHECK(a) || !TPY_TUPLE_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    intptr_t na = TPY_TUPLE_SIZE(a), nb = TPY_TUPLE_SIZE(b);
    intptr_t i;
    for (i = 0; i < na && i < nb; i++) {
        int k = tpy_object_richcompare_bool(TPY_TUPLE_GET(a, i), TPY_TUPLE_GET(b, i), TPY_CMP_EQ);
        if (k < 0) {
            return NULL;
        }
        if (k == 0) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        return tpy_bool_from(tpy_cmp_ints(na, nb, op));
    }
    if (op == TPY_CMP_EQ) {
        return tpy_bool_from(false);
    }
    if (op == TPY_CMP_NE) {
        return tpy_bool_from(true);
    }
    return tpy_object_richcompare(TPY_TUPLE_GET(a, i), TPY_TUPLE_GET(b, i), op);
}

static intptr_t tuple_len(tpy_object_t *op)
{
    return TPY_TUPLE_SIZE(op);
}

static int tuple_contains(tpy_object_t *op, tpy_object_t *item)
{
    intptr_t n = TPY_TUPLE_SIZE(op);
    for (intptr_t i = 0; i < n; i++) {
        int k = tpy_object_richcompare_bool(TPY_TUPLE_GET(op, i), item, TPY_CMP_EQ);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static tpy_object_t *tuple_getitem(tpy_object_t *op, tpy_object_t *key)
{
    intptr_t n = TPY_TUPLE_SIZE(op);
    intptr_t i;
    if (TPY_INT_CHECK_EXACT(key) && tpy_int_is_small(key)) {
        int64_t v = ((tpy_int_t *)key)->v;
        i = v < 0 ? (intptr_t)(v + n) : (intptr_t)v;
        if (v < -(int64_t)n || v >= (int64_t)n) {
            goto out_of_range;
        }
        return tpy_newref(TPY_TUPLE_GET(op, i));
    }
    if (TPY_SLICE_CHECK(key)) {
        intptr_t start, stop, step;
        intptr_t len = tpy_slice_unpack(key, n, &start, &stop, &step);
        if (len < 0) {
            return NULL;
        }
        if (step == 1) {
            return tpy_tuple_slice(op, start, start + len);
        }
        if (len == 0) {
            return get_empty();
        }
        tpy_tuple_t *t = tuple_alloc(len);
        if (t == NULL) {
            return NULL;
        }
        for (intptr_t k = 0, j = start; k < len; k++, j += step) {
            t->items[k] = tpy_newref(TPY_TUPLE_GET(op, j));
        }
        tuple_track(t);
        return TPY_OBJ(t);
    }
    if (!tpy_index_check(key)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "tuple indices must be integers or slices, not %T", key);
    }
    i = tpy_number_as_ssize(key, &tpy_exc_IndexError);
    if (i == -1 && tpy_err_occurred()) {
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        goto out_of_range;
    }
    return tpy_newref(TPY_TUPLE_GET(op, i));
out_of_range:
    return tpy_err_format(&tpy_exc_IndexError, "tuple index out of range");
}

static tpy_object_t *tuple_concat(tpy_object_t *a, tpy_object_t *b)
{
    intptr_t na = TPY_TUPLE_SIZE(a), nb = TPY_TUPLE_SIZE(b);
    if (nb == 0 && TPY_TUPLE_CHECK_EXACT(a)) {
        return tpy_newref(a);
    }
    if (na == 0 && TPY_TUPLE_CHECK_EXACT(b)) {
        return tpy_newref(b);
    }
    if (na > INTPTR_MAX / 2 - nb) {
        return tpy_err_no_memory();
    }
    tpy_tuple_t *t = tuple_alloc(na + nb);
    if (t == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < na; i++) {
        t->items[i] = tpy_newref(TPY_TUPLE_GET(a, i));
    }
    for (intptr_t i = 0; i < nb; i++) {
        t->items[na + i] = tpy_newref(TPY_TUPLE_GET(b, i));
    }
    tuple_track(t);
    return TPY_OBJ(t);
}

static tpy_object_t *tuple_add(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_TUPLE_CHECK(a)) {
        TPY_RETURN_NOTIMPL;
    }
    if (!TPY_TUPLE_CHECK(b)) {
        if (tpy_seq_other_overrides(b, TPY_BINOP_ADD)) {
            TPY_RETURN_NOTIMPL;
        }
        return tpy_err_format(&tpy_exc_TypeError,
                              "can only concatenate tuple (not \"%s\") to tuple",
                              tpy_type_name(TPY_TYPE(b)));
    }
    return tuple_concat(a, b);
}

static tpy_object_t *tuple_repeat(tpy_object_t *op, intptr_t count)
{
    intptr_t n = TPY_TUPLE_SIZE(op);
    if (count == 1 && TPY_TUPLE_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    if (n == 0 || count <= 0) {
        return get_empty();
    }
    if (count > INTPTR_MAX / 2 / n) {
        return tpy_err_no_memory();
    }
    tpy_tuple_t *t = tuple_alloc(n * count);
    if (t == NULL) {
        return NULL;
    }
    tpy_object_t **dst = t->items;
    for (intptr_t c = 0; c < count; c++) {
        for (intptr_t i = 0; i < n; i++) {
            *dst++ = tpy_newref(TPY_TUPLE_GET(op, i));
        }
    }
    tuple_track(t);
    return TPY_OBJ(t);
}

static tpy_object_t *tuple_mul(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *seq = TPY_TUPLE_CHECK(a) ? a : b;
    tpy_object_t *other = seq == a ? b : a;
    intptr_t count;
    int r = tpy_seq_repeat_count(other, &count);
    if (r <= 0) {
        return r == 0 ? tpy_newref(tpy_not_implemented) : NULL;
    }
    return tuple_repeat(seq, count);
}

/* tuple(iterable) */
static tpy_object_t *tuple_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    if (type == &tpy_tuple_type && tpy_arg_no_kw("tuple", kwnames) < 0) {
        return NULL;
    }
    if (tpy_arg_count("tuple", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    tpy_object_t *tmp = nargs == 0 ? get_empty() : tpy_sequence_tuple(args[0]);
    if (tmp == NULL || type == &tpy_tuple_type) {
        return tmp;
    }
    // A subclass: copy the items into an instance of [type].
    intptr_t n = TPY_TUPLE_SIZE(tmp);
    tpy_object_t *t = tpy_type_generic_alloc(type, (size_t)n);
    if (t == NULL) {
        TPY_DECREF(tmp);
        return NULL;
    }
    ((tpy_tuple_t *)t)->size = n;
    for (intptr_t i = 0; i < n; i++) {
        TPY_TUPLE_ITEMS(t)[i] = tpy_newref(TPY_TUPLE_GET(tmp, i));
    }
    TPY_DECREF(tmp);
    tpy_gc_track(t);
    return t;
}

/* ---- methods ----------------------------------------------------------------- */

static tpy_object_t *tuple_index(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    if (tpy_arg_count("index", nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    intptr_t n = TPY_TUPLE_SIZE(self);
    intptr_t start = 0, stop = n;
    if (tpy_slice_index_bounds(args + 1, nargs - 1, n, &start, &stop) < 0) {
        return NULL;
    }
    for (intptr_t i = start; i < stop && i < TPY_TUPLE_SIZE(self); i++) {
        int k = tpy_object_richcompare_bool(TPY_TUPLE_GET(self, i), args[0], TPY_CMP_EQ);
        if (k < 0) {
            return NULL;
        }
        if (k > 0) {
            return tpy_int_from_i64(i);
        }
    }
    return tpy_err_format(&tpy_exc_ValueError, "tuple.index(x): x not in tuple");
}

static tpy_object_t *tuple_count(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("tuple.count", nargs, kwnames) < 0) {
        return NULL;
    }
    intptr_t count = 0;
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(self); i++) {
        int k = tpy_object_richcompare_bool(TPY_TUPLE_GET(self, i), args[0], TPY_CMP_EQ);
        if (k < 0) {
            return NULL;
        }
        count += k;
    }
    return tpy_int_from_i64(count);
}

static tpy_object_t *tuple_getnewargs(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("tuple.__getnewargs__", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *copy = tpy_tuple_slice(self, 0, TPY_TUPLE_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_tuple_pack(1, copy);
    TPY_DECREF(copy);
    return r;
}

static const tpy_methoddef_t tuple_methods[] = {
    {"index", tuple_index, 0, NULL},
    {"count", tuple_count, 0, NULL},
    {"__getnewargs__", tuple_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ---------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    intptr_t index;
    tpy_object_t *seq; // NULL once exhausted
} tupleiter_t;

static tpy_object_t *tuple_iter(tpy_object_t *op)
{
    tupleiter_t *it = (tupleiter_t *)tpy_gc_new(&tpy_tupleiter_type, sizeof(tupleiter_t));
    if (it == NULL) {
        return tpy_err_no_memory();
    }
    it->seq = tpy_newref(op);
    tpy_gc_track(TPY_OBJ(it));
    return TPY_OBJ(it);
}

static void tupleiter_dealloc(tpy_object_t *op)
{
    tpy_gc_untrack(op);
    TPY_CLEAR(((tupleiter_t *)op)->seq);
    tpy_gc_free(op, TPY_TYPE(op)->tp_basicsize);
}

static int tupleiter_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    tupleiter_t *it = (tupleiter_t *)op;
    return it->seq != NULL ? visit(it->seq, arg) : 0;
}

static int tupleiter_clear(tpy_object_t *op)
{
    TPY_CLEAR(((tupleiter_t *)op)->seq);
    return 0;
}

static tpy_object_t *tupleiter_next(tpy_object_t *op)
{
    tupleiter_t *it = (tupleiter_t *)op;
    tpy_object_t *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < TPY_TUPLE_SIZE(seq)) {
        return tpy_newref(TPY_TUPLE_GET(seq, it->index++));
    }
    it->seq = NULL;
    TPY_DECREF(seq);
    return NULL;
}

static tpy_object_t *tupleiter_length_hint(tpy_object_t *self, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__length_hint__", nargs, kwnames) < 0) {
        return NULL;
    }
    tupleiter_t *it = (tupleiter_t *)self;
    intptr_t n = it->seq != NULL ? TPY_TUPLE_SIZE(it->seq) - it->index : 0;
    return tpy_int_from_i64(n);
}

static const tpy_methoddef_t tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_tupleiter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_clear = tupleiter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

tpy_type_t tpy_tuple_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "tuple",
    .tp_basicsize = sizeof(tpy_tuple_t),
    .tp_itemsize = sizeof(tpy_object_t *),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_TUPLE_SUBCLASS |
                TPY_TPFLAGS_TRASHCAN,
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_traverse = tuple_traverse,
    .tp_iter = tuple_iter,
    .tp_new = tuple_new,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_ADD] = tuple_add, [TPY_BINOP_MUL] = tuple_mul},
    .tp_len = tuple_len,
    .tp_getitem = tuple_getitem,
    .tp_contains = tuple_contains,
    .tp_methods = tuple_methods,
    .tp_doc = "Built-in immutable sequence.",
};

void tpy_tuple_init(void)
{
    tpy_type_ready(&tpy_tuple_type);
    tpy_type_ready(&tpy_tupleiter_type);
    tpy_object_t *e = get_empty();
    TPY_XDECREF(e);
}

void tpy_tuple_fini_empty(void)
{
    tpy_object_t *e = empty_tuple;
    if (e != NULL && TPY_REFCNT(e) == 1) {
        empty_tuple = NULL;
        TPY_DECREF(e); // its dealloc forgets it and frees it
    }
}

void tpy_tuple_fini(void)
{
    for (int n = 1; n <= TUPLE_MAXSAVE; n++) {
        while (free_list[n] != NULL) {
            tpy_tuple_t *t = free_list[n];
            free_list[n] = (tpy_tuple_t *)t->items[0];
            tpy_gc_release(TPY_OBJ(t), tuple_alloc_size(&tpy_tuple_type, n));
        }
        free_count[n] = 0;
    }
}

/* ---- helpers shared by the container types ------------------------------------ */

int tpy_trash_depth;
static tpy_object_t *trash_parked; // chained through TPY_GC_HEAD(op)->prev

bool tpy_trash_park(tpy_object_t *op)
{
    if (!TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_HEAPTYPE)) {
        // Untracked: `next` stays NULL, `prev` is free to hold the chain.
        TPY_GC_HEAD(op)->prev = (uintptr_t)trash_parked;
        trash_parked = op;
        return true;
    }
    tpy_trash_depth++;
    return false;
}

void tpy_trash_flush(void)
{
    // The outermost dealloc destroys what was parked; each one runs at depth 1,
    // so the C stack stays bounded whatever the nesting.
    while (tpy_trash_depth == 0 && trash_parked != NULL) {
        tpy_object_t *op = trash_parked;
        trash_parked = (tpy_object_t *)TPY_GC_HEAD(op)->prev;
        TPY_GC_HEAD(op)->prev = 0;
        tpy_trash_depth++;
        TPY_TYPE(op)->tp_dealloc(op);
        tpy_trash_depth--;
    }
}

int tpy_check_one_arg(const char *name, size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes exactly one argument (%zu given)", name,
                       nargs);
        return -1;
    }
    return 0;
}

int tpy_check_no_args(const char *name, size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

bool tpy_seq_other_overrides(tpy_object_t *other, int op)
{
    tpy_type_t *t = TPY_TYPE(other);
    return TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_HEAPTYPE) && tpy_type_binop(t, op) != NULL;
}

int tpy_seq_repeat_count(tpy_object_t *other, intptr_t *count)
{
    if (TPY_INT_CHECK_EXACT(other) && tpy_int_is_small(other)) {
        int64_t v = ((tpy_int_t *)other)->v;
        *count = (intptr_t)v;
        return 1;
    }
    if (!tpy_index_check(other)) {
        if (tpy_seq_other_overrides(other, TPY_BINOP_MUL)) {
            return 0;
        }
        tpy_err_format(&tpy_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                       tpy_type_name(TPY_TYPE(other)));
        return -1;
    }
    intptr_t n = tpy_number_as_ssize(other, &tpy_exc_OverflowError);
    if (n == -1 && tpy_err_occurred()) {
        return -1;
    }
    *count = n;
    return 1;
}
