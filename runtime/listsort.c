/*
 * runtime/listsort.c - list.sort: a stable natural merge sort.
 *
 * A simplified timsort: find natural runs (a strictly descending run is
 * reversed in place), extend short runs to `minrun` with binary insertion, and
 * merge runs with the powersort policy (CPython 3.11's), using a temporary
 * buffer the size of the smaller run.  No galloping.
 *
 * Keys (from key= or the items themselves) are sorted with the values moved
 * alongside.  When every key has the same exact type among int (small form),
 * float, str, or tuple, comparisons skip the generic rich comparison where
 * the items allow it (CPython's "unsafe" pre-checked comparisons); otherwise
 * `<` is tpy_object_richcompare_bool(a, b, TPY_CMP_LT), which may run Python
 * code.
 *
 * Error safety: a failing comparison stops the sort but the array always holds
 * each item exactly once (a merge copies its unmerged temp items back).  While
 * sorting, the list is emptied with allocated = -1, so a mutation by a key or
 * comparison function is detected afterwards ("list modified during sort").
 * reverse=True reverses before and after sorting, which keeps equal items in
 * their original order, as CPython does.
 */
#include "runtime/runtime.h"

#include <string.h>

typedef struct sortstate sortstate_t;
typedef int (*lt_fn)(sortstate_t *ss, tpy_object_t *a, tpy_object_t *b);

typedef struct {
    intptr_t base, len;
    int power;
} run_t;

struct sortstate {
    tpy_object_t **keys;
    tpy_object_t **values; // NULL when the keys are the values
    intptr_t n;
    lt_fn lt;
    tpy_object_t **tmp; // scratch: tmpcap keys then tmpcap values
    intptr_t tmpcap;
    run_t runs[90]; // powersort keeps at most ~log2(n) + 1 pending runs
    int nruns;
};

/* ---- comparisons ---------------------------------------------------------------- */

static int lt_generic(sortstate_t *ss, tpy_object_t *a, tpy_object_t *b)
{
    (void)ss;
    return tpy_object_richcompare_bool(a, b, TPY_CMP_LT);
}

static int lt_int(sortstate_t *ss, tpy_object_t *a, tpy_object_t *b)
{
    (void)ss;
    return ((tpy_int_t *)a)->v < ((tpy_int_t *)b)->v;
}

static int lt_float(sortstate_t *ss, tpy_object_t *a, tpy_object_t *b)
{
    (void)ss;
    return TPY_FLOAT_VALUE(a) < TPY_FLOAT_VALUE(b);
}

// UTF-8 byte order is code point order, so memcmp orders str like Python.
static int lt_str(sortstate_t *ss, tpy_object_t *a, tpy_object_t *b)
{
    (void)ss;
    intptr_t la = TPY_STR_LEN(a), lb = TPY_STR_LEN(b);
    int c = memcmp(TPY_STR_DATA(a), TPY_STR_DATA(b), (size_t)(la < lb ? la : lb));
    return c < 0 || (c == 0 && la < lb);
}

/* Three-way comparison of two items of the same simple exact type without
 * rich comparison: -1 (x < y), 0 (equal), 1 (x > y), or 2 when it cannot
 * decide (other types, big ints, NaN).  Never runs Python code. */
static inline int fast_cmp3(tpy_object_t *x, tpy_object_t *y)
{
    tpy_type_t *t = TPY_TYPE(x);
    if (t != TPY_TYPE(y)) {
        return 2;
    }
    if (t == &tpy_int_type) {
        if (!tpy_int_is_small(x) || !tpy_int_is_small(y)) {
            return 2;
        }
        int64_t a = ((tpy_int_t *)x)->v, b = ((tpy_int_t *)y)->v;
        return a < b ? -1 : a > b;
    }
    if (t == &tpy_str_type) {
        intptr_t la = TPY_STR_LEN(x), lb = TPY_STR_LEN(y);
        int c = memcmp(TPY_STR_DATA(x), TPY_STR_DATA(y), (size_t)(la < lb ? la : lb));
        if (c == 0) {
            c = la < lb ? -1 : la > lb;
        }
        return c < 0 ? -1 : c > 0;
    }
    if (t == &tpy_float_type) {
        double a = TPY_FLOAT_VALUE(x), b = TPY_FLOAT_VALUE(y);
        return a < b ? -1 : a > b ? 1 : a == b ? 0 : 2;
    }
    return 2;
}

/* Tuples: the lexicographic rule (first unequal item decides, else length),
 * deciding simple items inline and the rest with ==, then <. */
static int lt_tuple(sortstate_t *ss, tpy_object_t *a, tpy_object_t *b)
{
    (void)ss;
    intptr_t na = TPY_TUPLE_SIZE(a), nb = TPY_TUPLE_SIZE(b);
    for (intptr_t i = 0; i < na && i < nb; i++) {
        tpy_object_t *x = TPY_TUPLE_GET(a, i), *y = TPY_TUPLE_GET(b, i);
        if (x == y) {
            continue;
        }
        int c = fast_cmp3(x, y);
        if (c == 0) {
            continue;
        }
        if (c != 2) {
            return c < 0;
        }
        int k = tpy_object_richcompare_bool(x, y, TPY_CMP_EQ);
        if (k < 0) {
            return -1;
        }
        if (k == 0) {
            return tpy_object_richcompare_bool(x, y, TPY_CMP_LT);
        }
    }
    return na < nb;
}

// The specialized comparison valid for every key of exact type [t], or NULL.
static lt_fn homogeneous_lt(tpy_object_t **keys, intptr_t n, tpy_type_t *t)
{
    if (t == &tpy_int_type) {
        for (intptr_t i = 0; i < n; i++) {
            if (!tpy_int_is_small(keys[i])) {
                return NULL;
            }
        }
        return lt_int;
    }
    if (t == &tpy_float_type) {
        return lt_float;
    }
    if (t == &tpy_str_type) {
        return lt_str;
    }
    return NULL;
}

static void choose_comparison(sortstate_t *ss)
{
    tpy_object_t **keys = ss->keys;
    intptr_t n = ss->n;
    ss->lt = lt_generic;
    tpy_type_t *t = TPY_TYPE(keys[0]);
    for (intptr_t i = 1; i < n; i++) {
        if (TPY_TYPE(keys[i]) != t) {
            return;
        }
    }
    if (t != &tpy_tuple_type) {
        lt_fn f = homogeneous_lt(keys, n, t);
        if (f != NULL) {
            ss->lt = f;
        }
        return;
    }
    ss->lt = lt_tuple; // every key is an exact tuple
}

/* ---- moving keys and values together ------------------------------------------------ */

static void swap_range(tpy_object_t **a, intptr_t lo, intptr_t hi)
{
    for (hi--; lo < hi; lo++, hi--) {
        tpy_object_t *t = a[lo];
        a[lo] = a[hi];
        a[hi] = t;
    }
}

static void reverse_slice(sortstate_t *ss, intptr_t lo, intptr_t hi)
{
    swap_range(ss->keys, lo, hi);
    if (ss->values != NULL) {
        swap_range(ss->values, lo, hi);
    }
}

static int ensure_tmp(sortstate_t *ss, intptr_t need)
{
    if (need <= ss->tmpcap) {
        return 0;
    }
    size_t bytes = (size_t)need * 2 * sizeof(tpy_object_t *);
    tpy_object_t **p = tpy_mem_alloc(bytes);
    if (p == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    tpy_mem_free(ss->tmp, (size_t)ss->tmpcap * 2 * sizeof(tpy_object_t *));
    ss->tmp = p;
    ss->tmpcap = need;
    return 0;
}

/* ---- runs ------------------------------------------------------------------------------ */

/* Sort keys[lo:hi) given that keys[lo:start) is already sorted, by binary
 * insertion (stable: an item goes after the equal ones).  0 or -1. */
static int binary_insertion(sortstate_t *ss, intptr_t lo, intptr_t hi, intptr_t start)
{
    tpy_object_t **keys = ss->keys, **values = ss->values;
    for (; start < hi; start++) {
        tpy_object_t *pivot = keys[start];
        intptr_t l = lo, r = start;
        while (l < r) {
            intptr_t p = l + ((r - l) >> 1);
            int k = ss->lt(ss, pivot, keys[p]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = p;
            } else {
                l = p + 1;
            }
        }
        memmove(keys + l + 1, keys + l, (size_t)(start - l) * sizeof(tpy_object_t *));
        keys[l] = pivot;
        if (values != NULL) {
            tpy_object_t *v = values[start];
            memmove(values + l + 1, values + l, (size_t)(start - l) * sizeof(tpy_object_t *));
            values[l] = v;
        }
    }
    return 0;
}

/* Length of the natural run starting at [lo] (non-descending, or strictly
 * descending which is then reversed).  -1 on error. */
static intptr_t count_run(sortstate_t *ss, intptr_t lo, intptr_t hi)
{
    tpy_object_t **keys = ss->keys;
    if (lo + 1 == hi) {
        return 1;
    }
    int k = ss->lt(ss, keys[lo + 1], keys[lo]);
    if (k < 0) {
        return -1;
    }
    intptr_t i = lo + 2;
    if (k) {
        for (; i < hi; i++) {
            k = ss->lt(ss, keys[i], keys[i - 1]);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
        }
        reverse_slice(ss, lo, i);
    } else {
        for (; i < hi; i++) {
            k = ss->lt(ss, keys[i], keys[i - 1]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
        }
    }
    return i - lo;
}

static intptr_t compute_minrun(intptr_t n)
{
    intptr_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* ---- merging ------------------------------------------------------------------------- */

/* Merge the adjacent sorted runs [a, a+na) and [a+na, a+na+nb), copying the
 * left one out (it is the smaller).  On error the rest of the temp copy goes
 * back into the gap, so no item is lost or duplicated. */
static int merge_lo(sortstate_t *ss, intptr_t a, intptr_t na, intptr_t nb)
{
    tpy_object_t **keys = ss->keys, **values = ss->values;
    tpy_object_t **tk = ss->tmp, **tv = ss->tmp + ss->tmpcap;
    memcpy(tk, keys + a, (size_t)na * sizeof(tpy_object_t *));
    if (values != NULL) {
        memcpy(tv, values + a, (size_t)na * sizeof(tpy_object_t *));
    }
    intptr_t dest = a, pa = 0, pb = a + na, endb = a + na + nb;
    int result = 0;
    while (pa < na && pb < endb) {
        int k = ss->lt(ss, keys[pb], tk[pa]);
        if (k < 0) {
            result = -1;
            break;
        }
        if (k) {
            keys[dest] = keys[pb];
            if (values != NULL) {
                values[dest] = values[pb];
            }
            pb++;
        } else {
            keys[dest] = tk[pa];
            if (values != NULL) {
                values[dest] = tv[pa];
            }
            pa++;
        }
        dest++;
    }
    // What is left of the right run is already in place after the gap.
    memcpy(keys + dest, tk + pa, (size_t)(na - pa) * sizeof(tpy_object_t *));
    if (values != NULL) {
        memcpy(values + dest, tv + pa, (size_t)(na - pa) * sizeof(tpy_object_t *));
    }
    return result;
}

/* The mirror image: copy the right run out and merge from the end. */
static int merge_hi(sortstate_t *ss, intptr_t a, intptr_t na, intptr_t nb)
{
    tpy_object_t **keys = ss->keys, **values = ss->values;
    tpy_object_t **tk = ss->tmp, **tv = ss->tmp + ss->tmpcap;
    intptr_t b = a + na;
    memcpy(tk, keys + b, (size_t)nb * sizeof(tpy_object_t *));
    if (values != NULL) {
        memcpy(tv, values + b, (size_t)nb * sizeof(tpy_object_t *));
    }
    intptr_t dest = b + nb - 1, pa = b - 1, pb = nb - 1;
    int result = 0;
    while (pa >= a && pb >= 0) {
        int k = ss->lt(ss, tk[pb], keys[pa]);
        if (k < 0) {
            result = -1;
            break;
        }
        if (k) {
            keys[dest] = keys[pa];
            if (values != NULL) {
                values[dest] = values[pa];
            }
            pa--;
        } else {
            keys[dest] = tk[pb];
            if (values != NULL) {
                values[dest] = tv[pb];
            }
            pb--;
        }
        dest--;
    }
    // What is left of the left run is in place; the gap is just after it.
    memcpy(keys + pa + 1, tk, (size_t)(pb + 1) * sizeof(tpy_object_t *));
    if (values != NULL) {
        memcpy(values + pa + 1, tv, (size_t)(pb + 1) * sizeof(tpy_object_t *));
    }
    return result;
}

// Merge pending runs i and i+1 into run i.
static int merge_at(sortstate_t *ss, int i)
{
    run_t *r = ss->runs;
    intptr_t a = r[i].base, na = r[i].len, nb = r[i + 1].len;
    r[i].len = na + nb;
    if (i == ss->nruns - 3) {
        r[i + 1] = r[i + 2];
    }
    ss->nruns--;
    if (ensure_tmp(ss, na < nb ? na : nb) < 0) {
        return -1;
    }
    return na <= nb ? merge_lo(ss, a, na, nb) : merge_hi(ss, a, na, nb);
}

/* Powersort's node power of the boundary between the run [s1, s1+n1) and the
 * following run of n2 items, in an array of n: the depth at which the two
 * run midpoints first fall into different halves. */
static int node_power(intptr_t s1, intptr_t n1, intptr_t n2, intptr_t n)
{
    int result = 0;
    intptr_t a = 2 * s1 + n1;
    intptr_t b = a + n1 + n2;
    for (;;) {
        result++;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int push_run(sortstate_t *ss, intptr_t base, intptr_t len)
{
    if (ss->nruns > 0) {
        run_t *top = &ss->runs[ss->nruns - 1];
        int power = node_power(top->base, top->len, len, ss->n);
        while (ss->nruns > 1 && ss->runs[ss->nruns - 2].power > power) {
            if (merge_at(ss, ss->nruns - 2) < 0) {
                return -1;
            }
        }
        ss->runs[ss->nruns - 1].power = power;
    }
    ss->runs[ss->nruns].base = base;
    ss->runs[ss->nruns].len = len;
    ss->runs[ss->nruns].power = 0;
    ss->nruns++;
    return 0;
}

static int sort_array(sortstate_t *ss)
{
    intptr_t n = ss->n;
    if (n < 2) {
        return 0;
    }
    choose_comparison(ss);
    intptr_t minrun = compute_minrun(n);
    intptr_t lo = 0;
    while (lo < n) {
        intptr_t len = count_run(ss, lo, n);
        if (len < 0) {
            return -1;
        }
        if (len < minrun) {
            intptr_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(ss, lo, lo + force, lo + len) < 0) {
                return -1;
            }
            len = force;
        }
        if (push_run(ss, lo, len) < 0) {
            return -1;
        }
        lo += len;
    }
    while (ss->nruns > 1) {
        if (merge_at(ss, ss->nruns - 2) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- list.sort ---------------------------------------------------------------------------- */

int tpy_list_sort(tpy_object_t *op, tpy_object_t *keyfunc, bool reverse)
{
    tpy_list_t *self = (tpy_list_t *)op;
    if (keyfunc == tpy_none) {
        keyfunc = NULL;
    }
    // Take the items out: mutations during the sort land in a fresh array.
    tpy_object_t **items = self->items;
    intptr_t n = self->size, allocated = self->allocated;
    self->items = NULL;
    self->size = 0;
    self->allocated = -1;

    sortstate_t ss = {.keys = items, .n = n};
    int result = 0;
    intptr_t nkeys = 0;
    if (keyfunc != NULL && n > 0) {
        ss.values = items;
        ss.keys = tpy_mem_alloc((size_t)n * sizeof(tpy_object_t *));
        if (ss.keys == NULL) {
            tpy_err_no_memory();
            result = -1;
            goto restore;
        }
        for (; nkeys < n; nkeys++) {
            ss.keys[nkeys] = tpy_object_call1(keyfunc, items[nkeys]);
            if (ss.keys[nkeys] == NULL) {
                result = -1;
                goto restore;
            }
        }
    }
    if (reverse && n > 1) {
        reverse_slice(&ss, 0, n);
    }
    result = sort_array(&ss);
    if (reverse && n > 1) {
        reverse_slice(&ss, 0, n);
    }

restore:
    if (ss.values != NULL) {
        for (intptr_t i = 0; i < nkeys; i++) {
            TPY_DECREF(ss.keys[i]);
        }
        tpy_mem_free(ss.keys, (size_t)n * sizeof(tpy_object_t *));
    }
    tpy_mem_free(ss.tmp, (size_t)ss.tmpcap * 2 * sizeof(tpy_object_t *));
    // Put the sorted items back; drop whatever the list grew meanwhile.
    tpy_object_t **during = self->items;
    intptr_t during_n = self->size, during_alloc = self->allocated;
    self->items = items;
    self->size = n;
    self->allocated = allocated;
    if (during_alloc != -1 && result == 0) {
        tpy_err_format(&tpy_exc_ValueError, "list modified during sort");
        result = -1;
    }
    if (during != NULL) {
        while (--during_n >= 0) {
            TPY_XDECREF(during[during_n]);
        }
        tpy_mem_free(during,
                     (size_t)(during_alloc > 0 ? during_alloc : 0) * sizeof(tpy_object_t *));
    }
    return result;
}
