/*
 * runtime/rangeobject.c - range, its iterator, and slice.
 *
 * A range keeps start/stop/step and its length as int64 when they fit.
 * Invariants: step != 0 and len == the number of items, computed once at
 * creation with unsigned arithmetic so no intermediate overflows.  The
 * iterator yields the pooled ints for -5..256 without allocating.  A range
 * whose bounds or length do not fit is a "big range" (bigrange_t, marked by
 * step == 0 in the int64 fields) holding int objects, like CPython's ranges
 * of arbitrary ints; len() of one longer than sys.maxsize is OverflowError.
 *
 * slice objects hold three objects (None when omitted).  tpy_slice_unpack
 * resolves one against a length with CPython's rules (PySlice_Unpack +
 * PySlice_AdjustIndices: huge bounds clamp, negative ones count from the end),
 * which every sliceable type uses.  One dead slice is cached for reuse, as in
 * CPython; tpy_range_fini drops it.
 *
 * Mirrors CPython 3.11: repr "range(0, 10, 2)", "slice(1, 2, None)",
 * equality of ranges as sequences, range hashing, O(1) `in` for ints.
 */
#include "runtime/runtime.h"

/* ---- range ---------------------------------------------------------------------- */

// The number of items of range(start, stop, step); step != 0.  -1 when it does
// not fit in int64.
static int64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    uint64_t diff, ustep;
    if (step > 0) {
        if (start >= stop) {
            return 0;
        }
        diff = (uint64_t)stop - (uint64_t)start;
        ustep = (uint64_t)step;
    } else {
        if (start <= stop) {
            return 0;
        }
        diff = (uint64_t)start - (uint64_t)stop;
        ustep = (uint64_t)0 - (uint64_t)step;
    }
    uint64_t n = (diff - 1) / ustep + 1;
    return n > (uint64_t)INT64_MAX ? -1 : (int64_t)n;
}

static tpy_object_t *make_range(int64_t start, int64_t stop, int64_t step, int64_t len)
{
    tpy_range_t *r = (tpy_range_t *)tpy_obj_new(&tpy_range_type, sizeof(tpy_range_t));
    if (r == NULL) {
        return tpy_err_no_memory();
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = len;
    return TPY_OBJ(r);
}

/* ---- big ranges ---------------------------------------------------------------- */

typedef struct {
    tpy_range_t base; // base.step == 0 marks a big range (a real step is never 0)
    tpy_object_t *start, *stop, *step, *len; // ints
} bigrange_t;

#define IS_BIG(r) ((r)->step == 0)
#define BIG(r) ((bigrange_t *)(r))

static tpy_object_t *int_op(tpy_object_t *a, tpy_object_t *b, int op)
{
    return tpy_int_binop(a, b, op);
}

// The number of items of range(start, stop, step) for int objects; step != 0.
static tpy_object_t *big_length(tpy_object_t *start, tpy_object_t *stop, tpy_object_t *step)
{
    tpy_object_t *lo = start, *hi = stop, *st = step, *neg = NULL;
    if (tpy_int_sign(step) < 0) {
        lo = stop;
        hi = start;
        neg = tpy_number_unop(step, TPY_UNOP_NEG);
        if (neg == NULL) {
            return NULL;
        }
        st = neg;
    }
    tpy_object_t *r = NULL;
    if (tpy_int_compare(lo, hi) >= 0) {
        r = tpy_int_from_small(0);
    } else {
        tpy_object_t *one = tpy_int_from_small(1);
        tpy_object_t *d = int_op(hi, lo, TPY_BINOP_SUB);
        tpy_object_t *d1 = d ? int_op(d, one, TPY_BINOP_SUB) : NULL;
        tpy_object_t *q = d1 ? int_op(d1, st, TPY_BINOP_FLOORDIV) : NULL;
        r = q ? int_op(q, one, TPY_BINOP_ADD) : NULL;
        TPY_XDECREF(d);
        TPY_XDECREF(d1);
        TPY_XDECREF(q);
        TPY_DECREF(one);
    }
    TPY_XDECREF(neg);
    return r;
}

// A range of int objects [start], [stop], [step] (borrowed, step != 0): the
// int64 form when everything fits, else a big range.
static tpy_object_t *range_from_ints(tpy_object_t *start, tpy_object_t *stop, tpy_object_t *step)
{
    int o1 = 0, o2 = 0, o3 = 0;
    int64_t a = tpy_int_as_i64_overflow(start, &o1);
    int64_t b = tpy_int_as_i64_overflow(stop, &o2);
    int64_t c = tpy_int_as_i64_overflow(step, &o3);
    if (!o1 && !o2 && !o3 && c != 0) {
        int64_t len = range_length(a, b, c);
        if (len >= 0) {
            return make_range(a, b, c, len);
        }
    }
    tpy_object_t *len = big_length(start, stop, step);
    if (len == NULL) {
        return NULL;
    }
    bigrange_t *r = (bigrange_t *)tpy_obj_new(&tpy_range_type, sizeof(bigrange_t));
    if (r == NULL) {
        TPY_DECREF(len);
        return tpy_err_no_memory();
    }
    r->base.start = r->base.stop = r->base.step = r->base.len = 0;
    r->start = tpy_newref(start);
    r->stop = tpy_newref(stop);
    r->step = tpy_newref(step);
    r->len = len;
    return TPY_OBJ(r);
}

// start, stop, step or len (which 0..3) of any range as an int (new reference).
static tpy_object_t *range_field(tpy_range_t *r, int which)
{
    if (IS_BIG(r)) {
        tpy_object_t *f[4] = {BIG(r)->start, BIG(r)->stop, BIG(r)->step, BIG(r)->len};
        return tpy_newref(f[which]);
    }
    int64_t f[4] = {r->start, r->stop, r->step, r->len};
    return tpy_int_from_small(f[which]);
}

// start + i * step (new reference).
static tpy_object_t *big_item(bigrange_t *r, tpy_object_t *i)
{
    tpy_object_t *m = int_op(i, r->step, TPY_BINOP_MUL);
    if (m == NULL) {
        return NULL;
    }
    tpy_object_t *v = int_op(r->start, m, TPY_BINOP_ADD);
    TPY_DECREF(m);
    return v;
}

// Position of int [x] in big range [r]: 1 with *pos set, 0 when absent, -1 on error.
static int big_find(bigrange_t *r, tpy_object_t *x, tpy_object_t **pos)
{
    int sign = tpy_int_sign(r->step);
    if (tpy_int_sign(r->len) == 0) {
        return 0;
    }
    bool inside = sign > 0 ? tpy_int_compare(x, r->start) >= 0 && tpy_int_compare(x, r->stop) < 0
                           : tpy_int_compare(x, r->start) <= 0 && tpy_int_compare(x, r->stop) > 0;
    if (!inside) {
        return 0;
    }
    tpy_object_t *d = int_op(x, r->start, TPY_BINOP_SUB);
    tpy_object_t *rem = d ? int_op(d, r->step, TPY_BINOP_MOD) : NULL;
    if (rem == NULL) {
        TPY_XDECREF(d);
        return -1;
    }
    int found = tpy_int_sign(rem) == 0;
    TPY_DECREF(rem);
    if (found && pos != NULL) {
        *pos = int_op(d, r->step, TPY_BINOP_FLOORDIV);
        if (*pos == NULL) {
            found = -1;
        }
    }
    TPY_DECREF(d);
    return found;
}

static tpy_object_t *make_bigiter(tpy_object_t *start, tpy_object_t *step, tpy_object_t *len);

tpy_object_t *tpy_range_new(int64_t start, int64_t stop, int64_t step)
{
    if (step == 0) {
        return tpy_err_format(&tpy_exc_ValueError, "range() arg 3 must not be zero");
    }
    int64_t len = range_length(start, stop, step);
    if (len < 0) {
        return tpy_err_format(&tpy_exc_OverflowError,
                              "Python int too large to convert to C ssize_t");
    }
    return make_range(start, stop, step, len);
}

// The fast path of range(): an int in the int64 form (0), else -1 (no exception;
// range_new_general handles everything else).
static int range_arg(tpy_object_t *arg, int64_t *out)
{
    if (TPY_INT_CHECK_EXACT(arg) && tpy_int_is_small(arg)) {
        *out = ((tpy_int_t *)arg)->v;
        return 0;
    }
    return -1;
}

// range() of arguments that are not all small ints: any __index__ values.
static tpy_object_t *range_new_general(tpy_object_t *const *args, size_t nargs)
{
    tpy_object_t *v[3] = {NULL, NULL, NULL};
    tpy_object_t *r = NULL;
    for (size_t i = 0; i < nargs; i++) {
        v[i] = tpy_number_index(args[i]);
        if (v[i] == NULL) {
            goto done;
        }
    }
    tpy_object_t *start = nargs == 1 ? NULL : v[0], *stop = nargs == 1 ? v[0] : v[1];
    tpy_object_t *step = nargs == 3 ? v[2] : NULL;
    if (step != NULL && tpy_int_sign(step) == 0) {
        tpy_err_format(&tpy_exc_ValueError, "range() arg 3 must not be zero");
        goto done;
    }
    tpy_object_t *zero = tpy_int_from_small(0), *one = tpy_int_from_small(1);
    r = range_from_ints(start ? start : zero, stop, step ? step : one);
    TPY_DECREF(zero);
    TPY_DECREF(one);
done:
    for (int i = 0; i < 3; i++) {
        TPY_XDECREF(v[i]);
    }
    return r;
}

static tpy_object_t *range_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)type;
    if (tpy_arg_no_kw("range", kwnames) < 0 || tpy_arg_count("range", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    int64_t start = 0, stop, step = 1;
    int ok;
    if (nargs == 1) {
        ok = range_arg(args[0], &stop);
    } else {
        ok = range_arg(args[0], &start) | range_arg(args[1], &stop);
        if (nargs == 3) {
            ok |= range_arg(args[2], &step);
        }
    }
    if (ok == 0 && step != 0) {
        int64_t len = range_length(start, stop, step);
        if (len >= 0) {
            return make_range(start, stop, step, len);
        }
    }
    return range_new_general(args, nargs);
}

static void range_dealloc(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    if (IS_BIG(r)) {
        TPY_DECREF(BIG(r)->start);
        TPY_DECREF(BIG(r)->stop);
        TPY_DECREF(BIG(r)->step);
        TPY_DECREF(BIG(r)->len);
        tpy_obj_free(op, sizeof(bigrange_t));
        return;
    }
    tpy_obj_free(op, sizeof(tpy_range_t));
}

static tpy_object_t *range_repr(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    if (IS_BIG(r)) {
        bigrange_t *b = BIG(r);
        if (tpy_int_is_small(b->step) && ((tpy_int_t *)b->step)->v == 1) {
            return tpy_str_from_format("range(%S, %S)", b->start, b->stop);
        }
        return tpy_str_from_format("range(%S, %S, %S)", b->start, b->stop, b->step);
    }
    if (r->step == 1) {
        return tpy_str_from_format("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    }
    return tpy_str_from_format("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                               (long long)r->step);
}

static int64_t range_item(tpy_range_t *r, int64_t i)
{
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

// Two ranges are equal when they produce the same sequence.
// Equality when either range is big: the same fields compared as ints.
static bool big_equal(tpy_range_t *a, tpy_range_t *b)
{
    bool eq = false;
    tpy_object_t *f[2][3];
    for (int k = 0; k < 3; k++) {
        f[0][k] = range_field(a, k == 0 ? 3 : k - 1); // len, start, step
        f[1][k] = range_field(b, k == 0 ? 3 : k - 1);
    }
    if (tpy_int_compare(f[0][0], f[1][0]) == 0) {
        int64_t n = tpy_int_sign(f[0][0]) == 0 ? 0 : tpy_int_compare(f[0][0], tpy_true) == 0 ? 1 : 2;
        eq = n == 0 || (tpy_int_compare(f[0][1], f[1][1]) == 0 &&
                        (n == 1 || tpy_int_compare(f[0][2], f[1][2]) == 0));
    }
    for (int k = 0; k < 3; k++) {
        TPY_DECREF(f[0][k]);
        TPY_DECREF(f[1][k]);
    }
    return eq;
}

static bool range_equal(tpy_range_t *a, tpy_range_t *b)
{
    if (a == b) {
        return true;
    }
    if (IS_BIG(a) || IS_BIG(b)) {
        return big_equal(a, b);
    }
    if (a->len != b->len) {
        return false;
    }
    if (a->len == 0) {
        return true;
    }
    if (a->start != b->start) {
        return false;
    }
    return a->len == 1 || a->step == b->step;
}

static tpy_object_t *range_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (TPY_TYPE(a) != &tpy_range_type || TPY_TYPE(b) != &tpy_range_type ||
        (op != TPY_CMP_EQ && op != TPY_CMP_NE)) {
        TPY_RETURN_NOTIMPL;
    }
    bool eq = range_equal((tpy_range_t *)a, (tpy_range_t *)b);
    return tpy_bool_from(op == TPY_CMP_EQ ? eq : !eq);
}

// hash((len, start, step)) with None standing in for what does not matter.
static int64_t range_hash(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    tpy_object_t *items[3] = {NULL, NULL, NULL};
    int64_t h = -1;
    if (IS_BIG(r)) {
        bigrange_t *b = BIG(r);
        int n = tpy_int_sign(b->len) == 0 ? 0 : tpy_int_compare(b->len, tpy_true) == 0 ? 1 : 2;
        items[0] = tpy_newref(b->len);
        items[1] = tpy_newref(n == 0 ? tpy_none : b->start);
        items[2] = tpy_newref(n <= 1 ? tpy_none : b->step);
    } else {
        items[0] = tpy_int_from_i64(r->len);
        items[1] = r->len == 0 ? tpy_newref(tpy_none) : tpy_int_from_i64(r->start);
        items[2] = r->len <= 1 ? tpy_newref(tpy_none) : tpy_int_from_i64(r->step);
    }
    if (items[0] != NULL && items[1] != NULL && items[2] != NULL) {
        h = tpy_tuple_hash_items(items, 3);
    }
    for (int i = 0; i < 3; i++) {
        TPY_XDECREF(items[i]);
    }
    return h;
}

static intptr_t range_len(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    if (IS_BIG(r)) {
        int overflow = 0;
        int64_t n = tpy_int_as_i64_overflow(BIG(r)->len, &overflow);
        if (overflow) {
            tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C ssize_t");
            return -1;
        }
        return (intptr_t)n;
    }
    return (intptr_t)r->len;
}

static int range_bool(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    return IS_BIG(r) ? tpy_int_sign(BIG(r)->len) != 0 : r->len != 0;
}

// Position of int [x] in [r], or -1 when absent.  Never raises.
static int64_t range_find_int(tpy_range_t *r, tpy_object_t *x)
{
    int overflow;
    int64_t v = tpy_int_as_i64_overflow(x, &overflow);
    if (overflow) {
        return -1; // beyond int64: cannot be inside int64 bounds
    }
    if (r->len == 0) {
        return -1;
    }
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) {
        return -1;
    }
    uint64_t off =
        r->step > 0 ? (uint64_t)v - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)v;
    uint64_t ustep = r->step > 0 ? (uint64_t)r->step : (uint64_t)0 - (uint64_t)r->step;
    if (off % ustep != 0) {
        return -1;
    }
    return (int64_t)(off / ustep);
}

static bool is_exact_int_or_bool(tpy_object_t *x)
{
    return TPY_TYPE(x) == &tpy_int_type || TPY_TYPE(x) == &tpy_bool_type;
}

/* Linear search for non-int items, comparing with ==: CPython's iterative
 * fallback.  [mode] 0: contains (returns 0/1), 1: count, 2: index (-2 absent). */
static int64_t big_search(bigrange_t *r, tpy_object_t *x, int mode)
{
    int64_t count = 0, result = -1;
    tpy_object_t *it = make_bigiter(r->start, r->step, r->len);
    if (it == NULL) {
        return -1;
    }
    for (int64_t i = 0;; i++) {
        tpy_object_t *item = TPY_TYPE(it)->tp_iternext(it);
        if (item == NULL) {
            result = tpy_err_occurred() ? -1 : mode == 2 ? -2 : count;
            break;
        }
        int k = tpy_object_richcompare_bool(item, x, TPY_CMP_EQ);
        TPY_DECREF(item);
        if (k < 0) {
            break;
        }
        if (k > 0 && mode != 1) {
            result = mode == 0 ? 1 : i;
            break;
        }
        count += k;
    }
    TPY_DECREF(it);
    return result;
}

static int64_t range_search(tpy_range_t *r, tpy_object_t *x, int mode)
{
    if (IS_BIG(r)) {
        return big_search(BIG(r), x, mode);
    }
    int64_t count = 0;
    for (int64_t i = 0; i < r->len; i++) {
        tpy_object_t *item = tpy_int_from_i64(range_item(r, i));
        if (item == NULL) {
            return -1;
        }
        int k = tpy_object_richcompare_bool(item, x, TPY_CMP_EQ);
        TPY_DECREF(item);
        if (k < 0) {
            return -1;
        }
        if (k > 0) {
            if (mode == 0) {
                return 1;
            }
            if (mode == 2) {
                return i;
            }
            count++;
        }
    }
    return mode == 2 ? -2 : count;
}

static int range_contains(tpy_object_t *op, tpy_object_t *x)
{
    tpy_range_t *r = (tpy_range_t *)op;
    if (is_exact_int_or_bool(x)) {
        return IS_BIG(r) ? big_find(BIG(r), x, NULL) : range_find_int(r, x) >= 0;
    }
    return (int)range_search(r, x, 0);
}

static tpy_object_t *range_count(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("range.count", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_range_t *r = (tpy_range_t *)self;
    if (is_exact_int_or_bool(args[0])) {
        int found = IS_BIG(r) ? big_find(BIG(r), args[0], NULL) : range_find_int(r, args[0]) >= 0;
        return found < 0 ? NULL : tpy_int_from_small(found);
    }
    int64_t n = range_search(r, args[0], 1);
    return n < 0 ? NULL : tpy_int_from_i64(n);
}

static tpy_object_t *range_index(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("range.index", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_range_t *r = (tpy_range_t *)self;
    int64_t i;
    if (is_exact_int_or_bool(args[0]) && IS_BIG(r)) {
        tpy_object_t *pos = NULL;
        int found = big_find(BIG(r), args[0], &pos);
        if (found > 0) {
            return pos;
        }
        if (found < 0) {
            return NULL;
        }
        return tpy_err_format(&tpy_exc_ValueError, "%R is not in range", args[0]);
    }
    if (is_exact_int_or_bool(args[0])) {
        i = range_find_int(r, args[0]);
        if (i < 0) {
            i = -2;
        }
    } else {
        i = range_search(r, args[0], 2);
        if (i == -1) {
            return NULL;
        }
    }
    if (i == -2) {
        if (!is_exact_int_or_bool(args[0])) {
            return tpy_err_format(&tpy_exc_ValueError, "sequence.index(x): x not in sequence");
        }
        return tpy_err_format(&tpy_exc_ValueError, "%R is not in range", args[0]);
    }
    return tpy_int_from_i64(i);
}

// A slice bound as an int (None gives [dflt]), clamped to [lower, upper]
// after negative values count from the end (CPython's _PySlice_GetLongIndices).
static tpy_object_t *long_bound(tpy_object_t *v, tpy_object_t *dflt, tpy_object_t *len,
                                tpy_object_t *lower, tpy_object_t *upper)
{
    if (v == tpy_none) {
        return tpy_newref(dflt);
    }
    if (!tpy_index_check(v)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "slice indices must be integers or None or have an __index__ method");
    }
    tpy_object_t *i = tpy_number_index(v);
    if (i == NULL) {
        return NULL;
    }
    if (tpy_int_sign(i) < 0) {
        TPY_SETREF(i, int_op(i, len, TPY_BINOP_ADD));
        if (i != NULL && tpy_int_compare(i, lower) < 0) {
            TPY_SETREF(i, tpy_newref(lower));
        }
    } else if (tpy_int_compare(i, upper) > 0) {
        TPY_SETREF(i, tpy_newref(upper));
    }
    return i;
}

// r[slice] computed with int objects: the general case (big ranges, results
// beyond int64).
static tpy_object_t *big_slice(tpy_range_t *r, tpy_object_t *slice)
{
    tpy_slice_t *sl = (tpy_slice_t *)slice;
    tpy_object_t *len = range_field(r, 3), *rstart = range_field(r, 0), *rstep = range_field(r, 2);
    tpy_object_t *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    tpy_object_t *nstart = NULL, *nstop = NULL, *nstep = NULL, *res = NULL, *m = NULL;
    if (sl->step == tpy_none) {
        step = tpy_int_from_small(1);
    } else if (!tpy_index_check(sl->step)) {
        tpy_err_format(&tpy_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
        goto done;
    } else {
        step = tpy_number_index(sl->step);
        if (step != NULL && tpy_int_sign(step) == 0) {
            tpy_err_format(&tpy_exc_ValueError, "slice step cannot be zero");
            goto done;
        }
    }
    if (step == NULL) {
        goto done;
    }
    bool neg = tpy_int_sign(step) < 0;
    lower = tpy_int_from_small(neg ? -1 : 0);
    upper = neg ? int_op(len, lower, TPY_BINOP_ADD) : tpy_newref(len);
    if (upper == NULL) {
        goto done;
    }
    start = long_bound(sl->start, neg ? upper : lower, len, lower, upper);
    stop = start ? long_bound(sl->stop, neg ? lower : upper, len, lower, upper) : NULL;
    if (stop == NULL) {
        goto done;
    }
    // start' = rstart + start * rstep, stop' likewise, step' = rstep * step
    m = int_op(start, rstep, TPY_BINOP_MUL);
    nstart = m ? int_op(rstart, m, TPY_BINOP_ADD) : NULL;
    TPY_XDECREF(m);
    m = nstart ? int_op(stop, rstep, TPY_BINOP_MUL) : NULL;
    nstop = m ? int_op(rstart, m, TPY_BINOP_ADD) : NULL;
    nstep = nstop ? int_op(rstep, step, TPY_BINOP_MUL) : NULL;
    if (nstep != NULL) {
        res = range_from_ints(nstart, nstop, nstep);
    }
done:
    TPY_XDECREF(m);
    TPY_XDECREF(len);
    TPY_XDECREF(rstart);
    TPY_XDECREF(rstep);
    TPY_XDECREF(step);
    TPY_XDECREF(lower);
    TPY_XDECREF(upper);
    TPY_XDECREF(start);
    TPY_XDECREF(stop);
    TPY_XDECREF(nstart);
    TPY_XDECREF(nstop);
    TPY_XDECREF(nstep);
    return res;
}

static tpy_object_t *range_slice(tpy_range_t *r, tpy_object_t *slice)
{
    if (IS_BIG(r)) {
        return big_slice(r, slice);
    }
    intptr_t start, stop, step;
    intptr_t n = tpy_slice_unpack(slice, (intptr_t)r->len, &start, &stop, &step);
    if (n < 0) {
        return NULL;
    }
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    __int128 nstep = (__int128)r->step * step;
    if (nstart < INT64_MIN || nstart > INT64_MAX || nstop < INT64_MIN || nstop > INT64_MAX ||
        nstep < INT64_MIN || nstep > INT64_MAX) {
        return big_slice(r, slice);
    }
    return make_range((int64_t)nstart, (int64_t)nstop, (int64_t)nstep, (int64_t)n);
}

// r[key] for a big range with an integer key.
static tpy_object_t *big_getitem(bigrange_t *r, tpy_object_t *key)
{
    tpy_object_t *i = tpy_number_index(key);
    if (i == NULL) {
        return NULL;
    }
    if (tpy_int_sign(i) < 0) {
        TPY_SETREF(i, int_op(i, r->len, TPY_BINOP_ADD));
        if (i == NULL) {
            return NULL;
        }
    }
    tpy_object_t *v = NULL;
    if (tpy_int_sign(i) < 0 || tpy_int_compare(i, r->len) >= 0) {
        tpy_err_format(&tpy_exc_IndexError, "range object index out of range");
    } else {
        v = big_item(r, i);
    }
    TPY_DECREF(i);
    return v;
}

static tpy_object_t *range_getitem(tpy_object_t *op, tpy_object_t *key)
{
    tpy_range_t *r = (tpy_range_t *)op;
    int64_t i;
    if (IS_BIG(r) && !TPY_SLICE_CHECK(key) && tpy_index_check(key)) {
        return big_getitem(BIG(r), key);
    }
    if (TPY_INT_CHECK_EXACT(key) && tpy_int_is_small(key)) {
        i = ((tpy_int_t *)key)->v;
    } else if (TPY_SLICE_CHECK(key)) {
        return range_slice(r, key);
    } else if (tpy_index_check(key)) {
        i = tpy_number_as_ssize(key, NULL); // huge values clamp, then fail the range check
        if (i == -1 && tpy_err_occurred()) {
            return NULL;
        }
    } else {
        return tpy_err_format(&tpy_exc_TypeError,
                              "range indices must be integers or slices, not %T", key);
    }
    if (i < 0) {
        i += r->len;
    }
    if (i < 0 || i >= r->len) {
        return tpy_err_format(&tpy_exc_IndexError, "range object index out of range");
    }
    return tpy_int_from_small(range_item(r, i));
}

static tpy_object_t *range_get_start(tpy_object_t *op)
{
    return range_field((tpy_range_t *)op, 0);
}

static tpy_object_t *range_get_stop(tpy_object_t *op)
{
    return range_field((tpy_range_t *)op, 1);
}

static tpy_object_t *range_get_step(tpy_object_t *op)
{
    return range_field((tpy_range_t *)op, 2);
}

/* ---- range iterator ------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    int64_t next;
    int64_t step;
    int64_t remaining;
} rangeiter_t;

static tpy_object_t *make_rangeiter(int64_t start, int64_t step, int64_t len)
{
    rangeiter_t *it = (rangeiter_t *)tpy_obj_new(&tpy_rangeiter_type, sizeof(rangeiter_t));
    if (it == NULL) {
        return tpy_err_no_memory();
    }
    it->next = start;
    it->step = step;
    it->remaining = len;
    return TPY_OBJ(it);
}

static tpy_object_t *range_iter(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    if (IS_BIG(r)) {
        return make_bigiter(BIG(r)->start, BIG(r)->step, BIG(r)->len);
    }
    return make_rangeiter(r->start, r->step, r->len);
}

// reversed(r) for a big range: from the last item down by -step.
static tpy_object_t *big_reversed(bigrange_t *r)
{
    if (tpy_int_sign(r->len) == 0) {
        return make_rangeiter(0, 1, 0);
    }
    tpy_object_t *one = tpy_int_from_small(1);
    tpy_object_t *n1 = int_op(r->len, one, TPY_BINOP_SUB);
    tpy_object_t *last = n1 ? big_item(r, n1) : NULL;
    tpy_object_t *neg = last ? tpy_number_unop(r->step, TPY_UNOP_NEG) : NULL;
    tpy_object_t *it = neg ? make_bigiter(last, neg, r->len) : NULL;
    TPY_DECREF(one);
    TPY_XDECREF(n1);
    TPY_XDECREF(last);
    TPY_XDECREF(neg);
    return it;
}

tpy_object_t *tpy_range_reversed(tpy_object_t *op)
{
    tpy_range_t *r = (tpy_range_t *)op;
    if (IS_BIG(r)) {
        return big_reversed(BIG(r));
    }
    if (r->len == 0) {
        return make_rangeiter(0, 1, 0);
    }
    // -step cannot overflow: a range with step INT64_MIN has at most 2 items,
    // and then the negated step is never applied beyond the last item.
    return make_rangeiter(range_item(r, r->len - 1), (int64_t)((uint64_t)0 - (uint64_t)r->step),
                          r->len);
}

static tpy_object_t *range_reversed_method(tpy_object_t *self, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("range.__reversed__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_range_reversed(self);
}

static void rangeiter_dealloc(tpy_object_t *op)
{
    tpy_obj_free(op, sizeof(rangeiter_t));
}

static tpy_object_t *rangeiter_next(tpy_object_t *op)
{
    rangeiter_t *it = (rangeiter_t *)op;
    if (it->remaining <= 0) {
        return NULL;
    }
    int64_t v = it->next;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->remaining--;
    return tpy_int_from_small(v);
}

static tpy_object_t *rangeiter_length_hint(tpy_object_t *self, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__length_hint__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64(((rangeiter_t *)self)->remaining);
}

static const tpy_methoddef_t rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_rangeiter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiter_t),
    .tp_dealloc = rangeiter_dealloc,
    .tp_iter = tpy_iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

/* The iterator of a big range: CPython's longrange_iterator. */
typedef struct {
    tpy_object_t ob;
    tpy_object_t *next, *step, *remaining; // ints
} bigiter_t;

static tpy_type_t bigiter_type;

static tpy_object_t *make_bigiter(tpy_object_t *start, tpy_object_t *step, tpy_object_t *len)
{
    bigiter_t *it = (bigiter_t *)tpy_obj_new(&bigiter_type, sizeof(bigiter_t));
    if (it == NULL) {
        return tpy_err_no_memory();
    }
    it->next = tpy_newref(start);
    it->step = tpy_newref(step);
    it->remaining = tpy_newref(len);
    return TPY_OBJ(it);
}

static void bigiter_dealloc(tpy_object_t *op)
{
    bigiter_t *it = (bigiter_t *)op;
    TPY_DECREF(it->next);
    TPY_DECREF(it->step);
    TPY_DECREF(it->remaining);
    tpy_obj_free(op, sizeof(bigiter_t));
}

static tpy_object_t *bigiter_next(tpy_object_t *op)
{
    bigiter_t *it = (bigiter_t *)op;
    if (tpy_int_sign(it->remaining) <= 0) {
        return NULL;
    }
    tpy_object_t *one = tpy_int_from_small(1);
    tpy_object_t *rem = int_op(it->remaining, one, TPY_BINOP_SUB);
    TPY_DECREF(one);
    tpy_object_t *nxt = rem ? int_op(it->next, it->step, TPY_BINOP_ADD) : NULL;
    if (nxt == NULL) {
        TPY_XDECREF(rem);
        return NULL;
    }
    TPY_SETREF(it->remaining, rem);
    tpy_object_t *v = it->next;
    it->next = nxt;
    return v;
}

static tpy_object_t *bigiter_length_hint(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__length_hint__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_newref(((bigiter_t *)self)->remaining);
}

static const tpy_methoddef_t bigiter_methods[] = {
    {"__length_hint__", bigiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static tpy_type_t bigiter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(bigiter_t),
    .tp_dealloc = bigiter_dealloc,
    .tp_iter = tpy_iter_self,
    .tp_iternext = bigiter_next,
    .tp_methods = bigiter_methods,
};

static const tpy_methoddef_t range_methods[] = {
    {"count", range_count, 0, NULL},
    {"index", range_index, 0, NULL},
    {"__reversed__", range_reversed_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const tpy_getsetdef_t range_getset[] = {
    {"start", range_get_start, NULL},
    {"stop", range_get_stop, NULL},
    {"step", range_get_step, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_range_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "range",
    .tp_basicsize = sizeof(tpy_range_t),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_bool = range_bool,
    .tp_len = range_len,
    .tp_getitem = range_getitem,
    .tp_contains = range_contains,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
};

/* ---- slice -------------------------------------------------------------------------- */

static tpy_slice_t *slice_cache; // one dead slice kept for reuse

tpy_object_t *tpy_slice_new(tpy_object_t *start, tpy_object_t *stop, tpy_object_t *step)
{
    tpy_slice_t *s;
    if (slice_cache != NULL) {
        s = slice_cache;
        slice_cache = NULL;
        s->ob.refcnt = 1;
        TPY_REF_INC_TOTAL();
    } else {
        s = (tpy_slice_t *)tpy_gc_new(&tpy_slice_type, sizeof(tpy_slice_t));
        if (s == NULL) {
            return tpy_err_no_memory();
        }
    }
    s->start = tpy_newref(start != NULL ? start : tpy_none);
    s->stop = tpy_newref(stop != NULL ? stop : tpy_none);
    s->step = tpy_newref(step != NULL ? step : tpy_none);
    tpy_gc_track(TPY_OBJ(s));
    return TPY_OBJ(s);
}

static void slice_dealloc(tpy_object_t *op)
{
    tpy_slice_t *s = (tpy_slice_t *)op;
    tpy_gc_untrack(op);
    TPY_CLEAR(s->start);
    TPY_CLEAR(s->stop);
    TPY_CLEAR(s->step);
    if (slice_cache == NULL) {
        slice_cache = s;
        return;
    }
    tpy_gc_free(op, sizeof(tpy_slice_t));
}

static int slice_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    tpy_slice_t *s = (tpy_slice_t *)op;
    tpy_object_t *fields[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        if (fields[i] != NULL) {
            int r = visit(fields[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int slice_clear(tpy_object_t *op)
{
    tpy_slice_t *s = (tpy_slice_t *)op;
    TPY_CLEAR(s->start);
    TPY_CLEAR(s->stop);
    TPY_CLEAR(s->step);
    return 0;
}

static tpy_object_t *slice_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)type;
    if (tpy_arg_no_kw("slice", kwnames) < 0 || tpy_arg_count("slice", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return tpy_slice_new(NULL, args[0], NULL);
    }
    return tpy_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static tpy_object_t *slice_repr(tpy_object_t *op)
{
    tpy_slice_t *s = (tpy_slice_t *)op;
    return tpy_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static tpy_object_t *slice_as_tuple(tpy_object_t *op)
{
    tpy_slice_t *s = (tpy_slice_t *)op;
    return tpy_tuple_pack(3, s->start, s->stop, s->step);
}

static tpy_object_t *slice_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (!TPY_SLICE_CHECK(a) || !TPY_SLICE_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_object_t *ta = slice_as_tuple(a);
    if (ta == NULL) {
        return NULL;
    }
    tpy_object_t *tb = slice_as_tuple(b);
    if (tb == NULL) {
        TPY_DECREF(ta);
        return NULL;
    }
    tpy_object_t *r = tpy_object_richcompare(ta, tb, op);
    TPY_DECREF(ta);
    TPY_DECREF(tb);
    return r;
}

// Convert a slice bound; [none_ok] selects the wording of the TypeError.
static int slice_index_impl(tpy_object_t *op, intptr_t *out, bool none_ok)
{
    if (TPY_INT_CHECK_EXACT(op) && tpy_int_is_small(op)) {
        *out = (intptr_t)((tpy_int_t *)op)->v;
        return 0;
    }
    if (!tpy_index_check(op)) {
        tpy_err_format(&tpy_exc_TypeError,
                       none_ok ? "slice indices must be integers or None or have an __index__ "
                                 "method"
                               : "slice indices must be integers or have an __index__ method");
        return -1;
    }
    tpy_object_t *i = tpy_number_index(op);
    if (i == NULL) {
        return -1;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(i, &overflow);
    if (overflow) {
        v = tpy_int_sign(i) < 0 ? INTPTR_MIN : INTPTR_MAX;
    }
    TPY_DECREF(i);
    *out = (intptr_t)v;
    return 0;
}

int tpy_slice_index(tpy_object_t *op, intptr_t *out)
{
    return slice_index_impl(op, out, false);
}

int tpy_slice_index_bounds(tpy_object_t *const *args, size_t nargs, intptr_t len, intptr_t *start,
                           intptr_t *stop)
{
    intptr_t *outs[2] = {start, stop};
    for (size_t k = 0; k < nargs && k < 2; k++) {
        intptr_t v;
        if (tpy_slice_index(args[k], &v) < 0) {
            return -1;
        }
        if (v < 0) {
            v += len;
            if (v < 0) {
                v = 0;
            }
        } else if (v > len) {
            v = len;
        }
        *outs[k] = v;
    }
    return 0;
}

// Clamp [v] to the range of a sequence of length [len] (PySlice_AdjustIndices).
static intptr_t adjust_bound(intptr_t v, intptr_t len, intptr_t step)
{
    if (v < 0) {
        v += len;
        if (v < 0) {
            v = step < 0 ? -1 : 0;
        }
    } else if (v >= len) {
        v = step < 0 ? len - 1 : len;
    }
    return v;
}

intptr_t tpy_slice_unpack(tpy_object_t *op, intptr_t len, intptr_t *pstart, intptr_t *pstop,
                          intptr_t *pstep)
{
    tpy_slice_t *s = (tpy_slice_t *)op;
    intptr_t start, stop, step;
    if (s->step == tpy_none) {
        step = 1;
    } else {
        if (slice_index_impl(s->step, &step, true) < 0) {
            return -1;
        }
        if (step == 0) {
            tpy_err_format(&tpy_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (step < -INTPTR_MAX) {
            step = -INTPTR_MAX; // so that -step cannot overflow
        }
    }
    if (s->start == tpy_none) {
        start = step < 0 ? INTPTR_MAX : 0;
    } else if (slice_index_impl(s->start, &start, true) < 0) {
        return -1;
    }
    if (s->stop == tpy_none) {
        stop = step < 0 ? INTPTR_MIN : INTPTR_MAX;
    } else if (slice_index_impl(s->stop, &stop, true) < 0) {
        return -1;
    }
    start = adjust_bound(start, len, step);
    stop = adjust_bound(stop, len, step);
    *pstart = start;
    *pstop = stop;
    *pstep = step;
    if (step < 0) {
        return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    }
    return start < stop ? (stop - start - 1) / step + 1 : 0;
}

static tpy_object_t *slice_indices(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("slice.indices", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *n = tpy_number_index(args[0]);
    if (n == NULL) {
        return NULL;
    }
    if (tpy_int_sign(n) < 0) {
        TPY_DECREF(n);
        return tpy_err_format(&tpy_exc_ValueError, "length should not be negative");
    }
    int64_t len = tpy_int_as_i64(n);
    TPY_DECREF(n);
    if (len == -1 && tpy_err_occurred()) {
        return NULL;
    }
    intptr_t start, stop, step;
    if (tpy_slice_unpack(self, (intptr_t)len, &start, &stop, &step) < 0) {
        return NULL;
    }
    tpy_object_t *items[3];
    items[0] = tpy_int_from_i64(start);
    items[1] = tpy_int_from_i64(stop);
    tpy_object_t *st = ((tpy_slice_t *)self)->step;
    // The step is not clamped by indices(): report the exact value given.
    items[2] = st == tpy_none ? tpy_int_from_i64(1) : tpy_number_index(st);
    if (items[0] == NULL || items[1] == NULL || items[2] == NULL) {
        TPY_XDECREF(items[0]);
        TPY_XDECREF(items[1]);
        TPY_XDECREF(items[2]);
        return NULL;
    }
    return tpy_tuple_from_array_steal(items, 3);
}

static tpy_object_t *slice_get_start(tpy_object_t *op)
{
    return tpy_newref(((tpy_slice_t *)op)->start);
}

static tpy_object_t *slice_get_stop(tpy_object_t *op)
{
    return tpy_newref(((tpy_slice_t *)op)->stop);
}

static tpy_object_t *slice_get_step(tpy_object_t *op)
{
    return tpy_newref(((tpy_slice_t *)op)->step);
}

static const tpy_methoddef_t slice_methods[] = {
    {"indices", slice_indices, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const tpy_getsetdef_t slice_getset[] = {
    {"start", slice_get_start, NULL},
    {"stop", slice_get_stop, NULL},
    {"step", slice_get_step, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_slice_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "slice",
    .tp_basicsize = sizeof(tpy_slice_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_richcompare = slice_richcompare,
    .tp_traverse = slice_traverse,
    .tp_clear = slice_clear,
    .tp_new = slice_tp_new,
    .tp_methods = slice_methods,
    .tp_getset = slice_getset,
};

void tpy_range_init(void)
{
    tpy_type_ready(&tpy_range_type);
    tpy_type_ready(&tpy_rangeiter_type);
    tpy_type_ready(&bigiter_type);
    tpy_type_ready(&tpy_slice_type);
}

void tpy_range_fini(void)
{
    if (slice_cache != NULL) {
        tpy_gc_free(TPY_OBJ(slice_cache), sizeof(tpy_slice_t));
        slice_cache = NULL;
    }
}
