/*
 * runtime/listobject.c - list, its iterator and reverse iterator.
 *
 * Invariants: 0 <= size <= allocated, items[0..size) are valid references
 * (items may be NULL only while a fresh tpy_list_new(n) is being filled), and
 * items is NULL exactly when allocated == 0.  The one exception is a list being
 * sorted: its items are moved out and allocated is -1 (listsort.c), so any
 * mutation during the sort is visible afterwards.
 *
 * Growth follows CPython 3.11's list_resize exactly (sys.getsizeof matches):
 * grow to (n + n/8 + 6) & ~3, or just round n up to a multiple of 4 when that
 * is closer; shrink only below half.  Lists filled from a sized iterable start
 * with an exact allocation rounded up to an even count.
 *
 * Any comparison or __del__ can run Python code that mutates the list, so
 * loops re-read the size on every step, hold a reference to the item being
 * compared, and references are dropped only once the list is consistent again.
 * References are released from the last item to the first, as CPython does
 * (the order __del__ methods run in).
 */
#include "runtime/runtime.h"

#include <string.h>

static size_t items_bytes(intptr_t allocated)
{
    return allocated > 0 ? (size_t)allocated * sizeof(tpy_object_t *) : 0;
}

// Set the allocation to exactly [newalloc] slots.  0 or -1 (MemoryError).
static int set_allocation(tpy_list_t *self, intptr_t newalloc)
{
    if (newalloc == 0) {
        tpy_mem_free(self->items, items_bytes(self->allocated));
        self->items = NULL;
        self->allocated = 0;
        return 0;
    }
    if ((size_t)newalloc > SIZE_MAX / 2 / sizeof(tpy_object_t *)) {
        tpy_err_no_memory();
        return -1;
    }
    tpy_object_t **p = tpy_mem_realloc(self->items, items_bytes(self->allocated),
                                       (size_t)newalloc * sizeof(tpy_object_t *));
    if (p == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    self->items = p;
    self->allocated = newalloc;
    return 0;
}

/* Make room for [newsize] items and set the size (new slots are garbage). */
static int list_resize(tpy_list_t *self, intptr_t newsize)
{
    intptr_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        self->size = newsize;
        return 0;
    }
    size_t newalloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - self->size > (intptr_t)(newalloc - (size_t)newsize)) {
        newalloc = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        newalloc = 0;
    }
    if (set_allocation(self, (intptr_t)newalloc) < 0) {
        return -1;
    }
    self->size = newsize;
    return 0;
}

// An empty list with room for exactly [n] (> 0) items, rounded up to even.
static int preallocate_exact(tpy_list_t *self, intptr_t n)
{
    return set_allocation(self, (n + 1) & ~(intptr_t)1);
}

static tpy_list_t *alloc_list(tpy_type_t *type)
{
    tpy_object_t *op;
    if (type == &tpy_list_type) {
        op = tpy_gc_new(type, sizeof(tpy_list_t));
    } else {
        op = tpy_type_generic_alloc(type, 0);
        if (op == NULL) {
            return NULL;
        }
    }
    if (op == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    return (tpy_list_t *)op;
}

tpy_object_t *tpy_list_new(intptr_t n)
{
    if (n < 0) {
        return tpy_err_bad_internal_call("tpy_list_new");
    }
    tpy_list_t *self = alloc_list(&tpy_list_type);
    if (self == NULL) {
        return NULL;
    }
    if (n > 0) {
        if (set_allocation(self, n) < 0) {
            tpy_gc_free(TPY_OBJ(self), sizeof(tpy_list_t));
            return NULL;
        }
        memset(self->items, 0, (size_t)n * sizeof(tpy_object_t *));
        self->size = n;
    }
    tpy_gc_track(TPY_OBJ(self));
    return TPY_OBJ(self);
}

int tpy_list_append_steal_(tpy_object_t *op, tpy_object_t *item)
{
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t n = self->size;
    if (list_resize(self, n + 1) < 0) {
        TPY_DECREF(item);
        return -1;
    }
    self->items[n] = item;
    return 0;
}

int tpy_list_insert(tpy_object_t *op, intptr_t where, tpy_object_t *item)
{
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t n = self->size;
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    memmove(self->items + where + 1, self->items + where,
            (size_t)(n - where) * sizeof(tpy_object_t *));
    self->items[where] = tpy_newref(item);
    return 0;
}

/* Drop [n] references from [refs], last first (CPython's order). */
static void decref_backwards(tpy_object_t **refs, intptr_t n)
{
    while (--n >= 0) {
        TPY_XDECREF(refs[n]);
    }
}

/* Empty the list.  The items are detached first, so __del__ methods that run
 * while they are released see an empty, consistent list. */
static void list_clear_items(tpy_list_t *self)
{
    tpy_object_t **items = self->items;
    intptr_t n = self->size, allocated = self->allocated;
    if (items == NULL) {
        return;
    }
    self->items = NULL;
    self->size = 0;
    self->allocated = 0;
    decref_backwards(items, n);
    tpy_mem_free(items, items_bytes(allocated));
}

void tpy_list_clear(tpy_object_t *op)
{
    list_clear_items((tpy_list_t *)op);
}

tpy_object_t *tpy_list_as_tuple(tpy_object_t *op)
{
    return tpy_tuple_from_array(TPY_LIST_ITEMS(op), TPY_LIST_SIZE(op));
}

static tpy_object_t *list_from_array(tpy_object_t *const *src, intptr_t n)
{
    tpy_object_t *r = tpy_list_new(n);
    if (r == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        TPY_LIST_ITEMS(r)[i] = tpy_newref(src[i]);
    }
    return r;
}

tpy_object_t *tpy_list_slice(tpy_object_t *op, intptr_t lo, intptr_t hi)
{
    intptr_t n = TPY_LIST_SIZE(op);
    lo = lo < 0 ? 0 : lo > n ? n : lo;
    hi = hi < lo ? lo : hi > n ? n : hi;
    // an empty list may have no item array: no pointer arithmetic on NULL
    return list_from_array(hi > lo ? TPY_LIST_ITEMS(op) + lo : NULL, hi - lo);
}

// "__length_hint__", interned once by tpy_list_init.
static tpy_object_t *hint_name;

void tpy_list_fini(void)
{
    TPY_CLEAR(hint_name);
}

/* operator.length_hint(op, dflt): len() when defined, else __length_hint__,
 * else [dflt].  -1 with an exception set on error. */
static intptr_t length_hint(tpy_object_t *op, intptr_t dflt)
{
    if (TPY_TYPE(op)->tp_len != NULL) {
        intptr_t n = TPY_TYPE(op)->tp_len(op);
        if (n >= 0) {
            return n;
        }
        if (!tpy_err_matches(&tpy_exc_TypeError)) {
            return -1;
        }
        tpy_err_clear();
    }
    if (hint_name == NULL || tpy_type_lookup_borrow(TPY_TYPE(op), hint_name) == NULL) {
        return dflt;
    }
    tpy_object_t *r = tpy_object_call_method(op, "__length_hint__", NULL, 0);
    if (r == NULL) {
        if (!tpy_err_matches(&tpy_exc_TypeError)) {
            return -1;
        }
        tpy_err_clear();
        return dflt;
    }
    if (r == tpy_not_implemented) {
        TPY_DECREF(r);
        return dflt;
    }
    if (!TPY_INT_CHECK(r)) {
        tpy_err_format(&tpy_exc_TypeError, "__length_hint__ must be an integer, not %T", r);
        TPY_DECREF(r);
        return -1;
    }
    intptr_t n = (intptr_t)tpy_int_as_i64(r);
    TPY_DECREF(r);
    if (n == -1 && tpy_err_occurred()) {
        return -1;
    }
    if (n < 0) {
        tpy_err_format(&tpy_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

static int extend_from_array(tpy_list_t *self, tpy_object_t *src)
{
    intptr_t n = TPY_LIST_CHECK(src) ? TPY_LIST_SIZE(src) : TPY_TUPLE_SIZE(src);
    if (n == 0) {
        return 0;
    }
    intptr_t m = self->size;
    if (self->items == NULL) {
        if (preallocate_exact(self, n) < 0) {
            return -1;
        }
        self->size = n;
    } else if (list_resize(self, m + n) < 0) {
        return -1;
    }
    // Read the source after resizing: it may be this very list.
    tpy_object_t **from = TPY_LIST_CHECK(src) ? TPY_LIST_ITEMS(src) : TPY_TUPLE_ITEMS(src);
    for (intptr_t i = 0; i < n; i++) {
        self->items[m + i] = tpy_newref(from[i]);
    }
    return 0;
}

int tpy_list_extend(tpy_object_t *op, tpy_object_t *iterable)
{
    tpy_list_t *self = (tpy_list_t *)op;
    if (TPY_LIST_CHECK_EXACT(iterable) || TPY_TUPLE_CHECK_EXACT(iterable) || iterable == op) {
        return extend_from_array(self, iterable);
    }
    tpy_object_t *it = tpy_object_getiter(iterable);
    if (it == NULL) {
        return -1;
    }
    intptr_t hint = length_hint(iterable, 8);
    if (hint < 0) {
        TPY_DECREF(it);
        return -1;
    }
    intptr_t m = self->size;
    if (self->items == NULL) {
        if (hint > 0 && preallocate_exact(self, hint) < 0) {
            goto error;
        }
    } else if (m <= INTPTR_MAX / 4 - hint) {
        if (list_resize(self, m + hint) < 0) {
            goto error;
        }
        self->size = m;
    }
    tpy_iternext_fn next = TPY_TYPE(it)->tp_iternext;
    for (;;) {
        tpy_object_t *item = next != NULL ? next(it) : tpy_iter_next(it);
        if (item == NULL) {
            if (tpy_err_occurred()) {
                // a generator's iternext reports `return value` as StopIteration(value)
                if (!tpy_err_matches(&tpy_exc_StopIteration)) {
                    goto error;
                }
                tpy_err_clear();
            }
            break;
        }
        if (tpy_list_append_steal(op, item) < 0) {
            goto error;
        }
    }
    TPY_DECREF(it);
    if (self->size < self->allocated && list_resize(self, self->size) < 0) {
        return -1;
    }
    return 0;
error:
    TPY_DECREF(it);
    return -1;
}

/* A list or tuple holding the items of [v] (new ref), for slice assignment;
 * [msg] replaces the TypeError of a non-iterable. */
static tpy_object_t *as_fast_sequence(tpy_object_t *v, const char *msg)
{
    if (TPY_LIST_CHECK_EXACT(v) || TPY_TUPLE_CHECK_EXACT(v)) {
        return tpy_newref(v);
    }
    tpy_object_t *it = tpy_object_getiter(v);
    if (it == NULL) {
        if (tpy_err_matches(&tpy_exc_TypeError)) {
            tpy_err_set_str(&tpy_exc_TypeError, msg);
        }
        return NULL;
    }
    tpy_object_t *r = tpy_list_new(0);
    if (r != NULL && tpy_list_extend(r, it) < 0) {
        TPY_CLEAR(r);
    }
    TPY_DECREF(it);
    return r;
}

static intptr_t fast_size(tpy_object_t *seq)
{
    return TPY_LIST_CHECK_EXACT(seq) ? TPY_LIST_SIZE(seq) : TPY_TUPLE_SIZE(seq);
}

static tpy_object_t **fast_items(tpy_object_t *seq)
{
    return TPY_LIST_CHECK_EXACT(seq) ? TPY_LIST_ITEMS(seq) : TPY_TUPLE_ITEMS(seq);
}

/*
 * self[lo:hi] = v (v NULL: delete), for a contiguous slice.  The old items are
 * parked in [recycle] and released only after the list is consistent.
 */
static int list_ass_slice(tpy_list_t *self, intptr_t lo, intptr_t hi, tpy_object_t *v)
{
    tpy_object_t *seq = NULL;
    tpy_object_t *stackbuf[8];
    tpy_object_t **recycle = stackbuf;
    int result = -1;
    intptr_t n = 0;
    if (v != NULL) {
        if (v == TPY_OBJ(self)) {
            seq = tpy_list_slice(v, 0, self->size);
        } else {
            seq = as_fast_sequence(v, "can only assign an iterable");
        }
        if (seq == NULL) {
            return -1;
        }
        n = fast_size(seq);
    }
    intptr_t size = self->size;
    lo = lo < 0 ? 0 : lo > size ? size : lo;
    hi = hi < lo ? lo : hi > size ? size : hi;
    intptr_t norig = hi - lo;
    intptr_t d = n - norig;
    if (size + d == 0) {
        TPY_XDECREF(seq);
        list_clear_items(self);
        return 0;
    }
    if (norig > (intptr_t)(sizeof(stackbuf) / sizeof(stackbuf[0]))) {
        recycle = tpy_mem_alloc((size_t)norig * sizeof(tpy_object_t *));
        if (recycle == NULL) {
            tpy_err_no_memory();
            goto done;
        }
    }
    memcpy(recycle, self->items + lo, (size_t)norig * sizeof(tpy_object_t *));
    if (d < 0) {
        memmove(self->items + hi + d, self->items + hi,
                (size_t)(size - hi) * sizeof(tpy_object_t *));
        if (list_resize(self, size + d) < 0) {
            // Shrinking cannot really fail; restore the tail to stay consistent.
            memmove(self->items + hi, self->items + hi + d,
                    (size_t)(size - hi) * sizeof(tpy_object_t *));
            memcpy(self->items + lo, recycle, (size_t)norig * sizeof(tpy_object_t *));
            goto done;
        }
    } else if (d > 0) {
        if (list_resize(self, size + d) < 0) {
            goto done;
        }
        memmove(self->items + hi + d, self->items + hi,
                (size_t)(size - hi) * sizeof(tpy_object_t *));
    }
    tpy_object_t **src = n > 0 ? fast_items(seq) : NULL;
    for (intptr_t k = 0; k < n; k++) {
        self->items[lo + k] = tpy_newref(src[k]);
    }
    decref_backwards(recycle, norig);
    result = 0;
done:
    if (recycle != stackbuf) {
        tpy_mem_free(recycle, (size_t)norig * sizeof(tpy_object_t *));
    }
    TPY_XDECREF(seq);
    return result;
}

/* del self[start::step] for [len] items, step != 1. */
static int list_del_extended(tpy_list_t *self, intptr_t start, intptr_t step, intptr_t len)
{
    if (len <= 0) {
        return 0;
    }
    if (step < 0) {
        // Walk the same items left to right.
        start = start + step * (len - 1);
        step = -step;
    }
    tpy_object_t **garbage = tpy_mem_alloc((size_t)len * sizeof(tpy_object_t *));
    if (garbage == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    tpy_object_t **items = self->items;
    intptr_t size = self->size;
    intptr_t dst = start;
    for (intptr_t k = 0; k < len; k++) {
        intptr_t cur = start + k * step;
        garbage[k] = items[cur];
        intptr_t keep_end = k + 1 < len ? cur + step : size;
        memmove(items + dst, items + cur + 1, (size_t)(keep_end - cur - 1) * sizeof(*items));
        dst += keep_end - cur - 1;
    }
    self->size = size - len;
    int r = list_resize(self, size - len);
    decref_backwards(garbage, len);
    tpy_mem_free(garbage, (size_t)len * sizeof(tpy_object_t *));
    return r;
}

/* self[start::step] = v for [len] items, step != 1. */
static int list_ass_extended(tpy_list_t *self, intptr_t start, intptr_t step, intptr_t len,
                             tpy_object_t *v)
{
    tpy_object_t *seq;
    if (v == TPY_OBJ(self)) {
        seq = tpy_list_slice(v, 0, self->size);
    } else {
        seq = as_fast_sequence(v, "must assign iterable to extended slice");
    }
    if (seq == NULL) {
        return -1;
    }
    if (fast_size(seq) != len) {
        tpy_err_format(&tpy_exc_ValueError,
                       "attempt to assign sequence of size %lld to extended slice of size %lld",
                       (long long)fast_size(seq), (long long)len);
        TPY_DECREF(seq);
        return -1;
    }
    if (len == 0) {
        TPY_DECREF(seq);
        return 0;
    }
    tpy_object_t **garbage = tpy_mem_alloc((size_t)len * sizeof(tpy_object_t *));
    if (garbage == NULL) {
        TPY_DECREF(seq);
        tpy_err_no_memory();
        return -1;
    }
    tpy_object_t **src = fast_items(seq);
    for (intptr_t k = 0, cur = start; k < len; k++, cur += step) {
        garbage[k] = self->items[cur];
        self->items[cur] = tpy_newref(src[k]);
    }
    decref_backwards(garbage, len);
    tpy_mem_free(garbage, (size_t)len * sizeof(tpy_object_t *));
    TPY_DECREF(seq);
    return 0;
}

/* ---- slots ------------------------------------------------------------------- */

static void list_dealloc(tpy_object_t *op)
{
    tpy_list_t *self = (tpy_list_t *)op;
    tpy_gc_untrack(op);
    if (tpy_trash_begin(op)) {
        return;
    }
    if (self->items != NULL) {
        decref_backwards(self->items, self->size);
        tpy_mem_free(self->items, items_bytes(self->allocated));
    }
    tpy_gc_free(op, TPY_TYPE(op)->tp_basicsize);
    tpy_trash_end();
}

static int list_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    tpy_list_t *self = (tpy_list_t *)op;
    for (intptr_t i = self->size; --i >= 0;) {
        if (self->items[i] != NULL) {
            int r = visit(self->items[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int list_tp_clear(tpy_object_t *op)
{
    list_clear_items((tpy_list_t *)op);
    return 0;
}

static tpy_object_t *list_repr(tpy_object_t *op)
{
    tpy_list_t *self = (tpy_list_t *)op;
    if (self->size == 0) {
        return tpy_str_from_cstr("[]");
    }
    int r = tpy_repr_enter(op);
    if (r != 0) {
        return r > 0 ? tpy_str_from_cstr("[...]") : NULL;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_append_char(&b, '[');
    for (intptr_t i = 0; i < self->size; i++) {
        if (i > 0) {
            tpy_strbuf_append(&b, ", ", 2);
        }
        tpy_object_t *item = tpy_newref(self->items[i]);
        int k = tpy_strbuf_append_repr(&b, item);
        TPY_DECREF(item);
        if (k < 0) {
            tpy_strbuf_release(&b);
            tpy_repr_leave(op);
            return NULL;
        }
    }
    tpy_strbuf_append_char(&b, ']');
    tpy_repr_leave(op);
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *list_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (!TPY_LIST_CHECK(a) || !TPY_LIST_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    if (TPY_LIST_SIZE(a) != TPY_LIST_SIZE(b) && (op == TPY_CMP_EQ || op == TPY_CMP_NE)) {
        return tpy_bool_from(op == TPY_CMP_NE);
    }
    intptr_t i;
    for (i = 0; i < TPY_LIST_SIZE(a) && i < TPY_LIST_SIZE(b); i++) {
        tpy_object_t *x = TPY_LIST_GET(a, i), *y = TPY_LIST_GET(b, i);
        if (x == y) {
            continue;
        }
        TPY_INCREF(x);
        TPY_INCREF(y);
        int k = tpy_object_richcompare_bool(x, y, TPY_CMP_EQ);
        TPY_DECREF(x);
        TPY_DECREF(y);
        if (k < 0) {
            return NULL;
        }
        if (k == 0) {
            break;
        }
    }
    intptr_t na = TPY_LIST_SIZE(a), nb = TPY_LIST_SIZE(b);
    if (i >= na || i >= nb) {
        return tpy_bool_from(tpy_cmp_ints(na, nb, op));
    }
    if (op == TPY_CMP_EQ) {
        return tpy_bool_from(false);
    }
    if (op == TPY_CMP_NE) {
        return tpy_bool_from(true);
    }
    tpy_object_t *x = tpy_newref(TPY_LIST_GET(a, i)), *y = tpy_newref(TPY_LIST_GET(b, i));
    tpy_object_t *r = tpy_object_richcompare(x, y, op);
    TPY_DECREF(x);
    TPY_DECREF(y);
    return r;
}

static intptr_t list_len(tpy_object_t *op)
{
    return TPY_LIST_SIZE(op);
}

static int list_contains(tpy_object_t *op, tpy_object_t *item)
{
    for (intptr_t i = 0; i < TPY_LIST_SIZE(op); i++) {
        tpy_object_t *x = TPY_LIST_GET(op, i);
        if (x == item) {
            return 1;
        }
        TPY_INCREF(x);
        int k = tpy_object_richcompare_bool(x, item, TPY_CMP_EQ);
        TPY_DECREF(x);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

/* Classify a list subscript: 1 with *i set for an index, 0 for a slice, -1
 * with an exception set (TypeError for other types). */
static int subscript_index(tpy_object_t *key, intptr_t *i)
{
    if (TPY_INT_CHECK_EXACT(key) && tpy_int_is_small(key)) {
        *i = (intptr_t)((tpy_int_t *)key)->v;
        return 1;
    }
    if (TPY_SLICE_CHECK(key)) {
        return 0;
    }
    if (!tpy_index_check(key)) {
        tpy_err_format(&tpy_exc_TypeError, "list indices must be integers or slices, not %T", key);
        return -1;
    }
    *i = tpy_number_as_ssize(key, &tpy_exc_IndexError);
    if (*i == -1 && tpy_err_occurred()) {
        return -1;
    }
    return 1;
}

static tpy_object_t *list_getitem(tpy_object_t *op, tpy_object_t *key)
{
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t i;
    if (TPY_INT_CHECK_EXACT(key) && tpy_int_is_small(key)) {
        int64_t v = ((tpy_int_t *)key)->v;
        if (v < 0) {
            v += self->size;
        }
        if ((uint64_t)v < (uint64_t)self->size) {
            return tpy_newref(self->items[v]);
        }
        return tpy_err_format(&tpy_exc_IndexError, "list index out of range");
    }
    int k = subscript_index(key, &i);
    if (k < 0) {
        return NULL;
    }
    if (k > 0) {
        if (i < 0) {
            i += self->size;
        }
        if (i < 0 || i >= self->size) {
            return tpy_err_format(&tpy_exc_IndexError, "list index out of range");
        }
        return tpy_newref(self->items[i]);
    }
    intptr_t start, stop, step;
    intptr_t len = tpy_slice_unpack(key, self->size, &start, &stop, &step);
    if (len < 0) {
        return NULL;
    }
    if (step == 1) {
        return list_from_array(len > 0 ? self->items + start : NULL, len);
    }
    tpy_object_t *r = tpy_list_new(len);
    if (r == NULL) {
        return NULL;
    }
    for (intptr_t j = 0, cur = start; j < len; j++, cur += step) {
        TPY_LIST_ITEMS(r)[j] = tpy_newref(self->items[cur]);
    }
    return r;
}

static int list_setitem(tpy_object_t *op, tpy_object_t *key, tpy_object_t *value)
{
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t i;
    int k = subscript_index(key, &i);
    if (k < 0) {
        return -1;
    }
    if (k > 0) {
        if (i < 0) {
            i += self->size;
        }
        if (i < 0 || i >= self->size) {
            tpy_err_format(&tpy_exc_IndexError, "list assignment index out of range");
            return -1;
        }
        if (value == NULL) {
            return list_ass_slice(self, i, i + 1, NULL);
        }
        tpy_object_t *old = self->items[i];
        self->items[i] = tpy_newref(value);
        TPY_DECREF(old);
        return 0;
    }
    intptr_t start, stop, step;
    intptr_t len = tpy_slice_unpack(key, self->size, &start, &stop, &step);
    if (len < 0) {
        return -1;
    }
    if (step == 1) {
        return list_ass_slice(self, start, stop, value);
    }
    if (value == NULL) {
        return list_del_extended(self, start, step, len);
    }
    return list_ass_extended(self, start, step, len, value);
}

static tpy_object_t *list_concat(tpy_object_t *a, tpy_object_t *b)
{
    intptr_t na = TPY_LIST_SIZE(a), nb = TPY_LIST_SIZE(b);
    if (na > INTPTR_MAX / 2 - nb) {
        return tpy_err_no_memory();
    }
    tpy_object_t *r = tpy_list_new(na + nb);
    if (r == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < na; i++) {
        TPY_LIST_ITEMS(r)[i] = tpy_newref(TPY_LIST_GET(a, i));
    }
    for (intptr_t i = 0; i < nb; i++) {
        TPY_LIST_ITEMS(r)[na + i] = tpy_newref(TPY_LIST_GET(b, i));
    }
    return r;
}

static tpy_object_t *list_add(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_LIST_CHECK(a)) {
        TPY_RETURN_NOTIMPL;
    }
    if (!TPY_LIST_CHECK(b)) {
        if (tpy_seq_other_overrides(b, TPY_BINOP_ADD)) {
            TPY_RETURN_NOTIMPL;
        }
        return tpy_err_format(&tpy_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                              tpy_type_name(TPY_TYPE(b)));
    }
    return list_concat(a, b);
}

static tpy_object_t *list_mul(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *seq = TPY_LIST_CHECK(a) ? a : b;
    tpy_object_t *other = seq == a ? b : a;
    intptr_t count;
    int k = tpy_seq_repeat_count(other, &count);
    if (k <= 0) {
        return k == 0 ? tpy_newref(tpy_not_implemented) : NULL;
    }
    intptr_t n = TPY_LIST_SIZE(seq);
    if (count <= 0 || n == 0) {
        return tpy_list_new(0);
    }
    if (count > INTPTR_MAX / 4 / n) {
        return tpy_err_no_memory();
    }
    tpy_object_t *r = tpy_list_new(n * count);
    if (r == NULL) {
        return NULL;
    }
    tpy_object_t **dst = TPY_LIST_ITEMS(r);
    tpy_object_t **src = TPY_LIST_ITEMS(seq);
    if (n == 1) {
        tpy_object_t *x = src[0];
        x->refcnt += count;
#ifdef TPY_REF_DEBUG
        tpy_ref_total += count;
#endif
        for (intptr_t c = 0; c < count; c++) {
            dst[c] = x;
        }
        return r;
    }
    for (intptr_t c = 0; c < count; c++) {
        for (intptr_t i = 0; i < n; i++) {
            *dst++ = tpy_newref(src[i]);
        }
    }
    return r;
}

static tpy_object_t *list_iadd(tpy_object_t *a, tpy_object_t *b)
{
    if (tpy_list_extend(a, b) < 0) {
        return NULL;
    }
    return tpy_newref(a);
}

static tpy_object_t *list_imul(tpy_object_t *a, tpy_object_t *b)
{
    tpy_list_t *self = (tpy_list_t *)a;
    intptr_t count;
    int k = tpy_seq_repeat_count(b, &count);
    if (k <= 0) {
        return k == 0 ? tpy_newref(tpy_not_implemented) : NULL;
    }
    intptr_t n = self->size;
    if (n == 0 || count == 1) {
        return tpy_newref(a);
    }
    if (count <= 0) {
        list_clear_items(self);
        return tpy_newref(a);
    }
    if (count > INTPTR_MAX / 4 / n) {
        return tpy_err_no_memory();
    }
    if (list_resize(self, n * count) < 0) {
        return NULL;
    }
    for (intptr_t c = 1; c < count; c++) {
        for (intptr_t i = 0; i < n; i++) {
            self->items[c * n + i] = tpy_newref(self->items[i]);
        }
    }
    return tpy_newref(a);
}

/* list() builds an empty list; list.__init__ fills it. */
static tpy_object_t *list_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    tpy_list_t *self = alloc_list(type);
    if (self == NULL) {
        return NULL;
    }
    tpy_gc_track(TPY_OBJ(self));
    return TPY_OBJ(self);
}

static int list_init(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                     tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("list", kwnames) < 0 || tpy_arg_count("list", nargs, NULL, 0, 1) < 0) {
        return -1;
    }
    tpy_list_t *self = (tpy_list_t *)op;
    list_clear_items(self);
    if (nargs == 0) {
        return 0;
    }
    tpy_object_t *iterable = args[0];
    if (TPY_TYPE(iterable)->tp_len != NULL && !TPY_LIST_CHECK_EXACT(iterable) &&
        !TPY_TUPLE_CHECK_EXACT(iterable)) {
        intptr_t n = TPY_TYPE(iterable)->tp_len(iterable);
        if (n < 0) {
            if (!tpy_err_matches(&tpy_exc_TypeError)) {
                return -1;
            }
            tpy_err_clear();
        }
        if (n > 0 && self->items == NULL && preallocate_exact(self, n) < 0) {
            return -1;
        }
    }
    return tpy_list_extend(op, iterable);
}

/* ---- methods ------------------------------------------------------------------- */

static tpy_object_t *list_append_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("list.append", nargs, kwnames) < 0) {
        return NULL;
    }
    if (tpy_list_append(self, args[0]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *list_extend_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("list.extend", nargs, kwnames) < 0) {
        return NULL;
    }
    if (tpy_list_extend(self, args[0]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

// An integer argument of a method (pop, insert): __index__, must fit intptr_t.
static int ssize_arg(tpy_object_t *op, intptr_t *out)
{
    if (TPY_INT_CHECK_EXACT(op) && tpy_int_is_small(op)) {
        *out = (intptr_t)((tpy_int_t *)op)->v;
        return 0;
    }
    tpy_object_t *i = tpy_number_index(op);
    if (i == NULL) {
        return -1;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(i, &overflow);
    TPY_DECREF(i);
    if (overflow) {
        tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (intptr_t)v;
    return 0;
}

static tpy_object_t *list_insert_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("insert", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return tpy_err_format(&tpy_exc_TypeError, "insert expected 2 arguments, got %zu", nargs);
    }
    intptr_t where;
    if (ssize_arg(args[0], &where) < 0 || tpy_list_insert(self, where, args[1]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *list_pop_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (tpy_arg_count("pop", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t i = -1;
    if (nargs == 1 && ssize_arg(args[0], &i) < 0) {
        return NULL;
    }
    intptr_t n = self->size;
    if (n == 0) {
        return tpy_err_format(&tpy_exc_IndexError, "pop from empty list");
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return tpy_err_format(&tpy_exc_IndexError, "pop index out of range");
    }
    tpy_object_t *v = self->items[i];
    if (i == n - 1) {
        // The list's reference becomes the caller's.
        if (list_resize(self, n - 1) < 0) {
            return NULL;
        }
        return v;
    }
    memmove(self->items + i, self->items + i + 1, (size_t)(n - i - 1) * sizeof(tpy_object_t *));
    if (list_resize(self, n - 1) < 0) {
        memmove(self->items + i + 1, self->items + i,
                (size_t)(n - i - 1) * sizeof(tpy_object_t *));
        self->items[i] = v;
        return NULL;
    }
    return v;
}

static tpy_object_t *list_remove_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("list.remove", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_list_t *self = (tpy_list_t *)op;
    for (intptr_t i = 0; i < self->size; i++) {
        tpy_object_t *x = self->items[i];
        int k = 1;
        if (x != args[0]) {
            TPY_INCREF(x);
            k = tpy_object_richcompare_bool(x, args[0], TPY_CMP_EQ);
            TPY_DECREF(x);
        }
        if (k < 0) {
            return NULL;
        }
        if (k > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) < 0) {
                return NULL;
            }
            TPY_RETURN_NONE;
        }
    }
    return tpy_err_format(&tpy_exc_ValueError, "list.remove(x): x not in list");
}

static tpy_object_t *list_index_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_arg_count("index", nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t start = 0, stop = INTPTR_MAX;
    if (tpy_slice_index_bounds(args + 1, nargs - 1, self->size, &start, &stop) < 0) {
        return NULL;
    }
    if (nargs < 3) {
        stop = INTPTR_MAX;
    }
    for (intptr_t i = start; i < stop && i < self->size; i++) {
        tpy_object_t *x = self->items[i];
        int k = 1;
        if (x != args[0]) {
            TPY_INCREF(x);
            k = tpy_object_richcompare_bool(x, args[0], TPY_CMP_EQ);
            TPY_DECREF(x);
        }
        if (k < 0) {
            return NULL;
        }
        if (k > 0) {
            return tpy_int_from_i64(i);
        }
    }
    return tpy_err_format(&tpy_exc_ValueError, "%R is not in list", args[0]);
}

static tpy_object_t *list_count_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("list.count", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_list_t *self = (tpy_list_t *)op;
    intptr_t count = 0;
    for (intptr_t i = 0; i < self->size; i++) {
        tpy_object_t *x = self->items[i];
        if (x == args[0]) {
            count++;
            continue;
        }
        TPY_INCREF(x);
        int k = tpy_object_richcompare_bool(x, args[0], TPY_CMP_EQ);
        TPY_DECREF(x);
        if (k < 0) {
            return NULL;
        }
        count += k;
    }
    return tpy_int_from_i64(count);
}

static void reverse_array(tpy_object_t **lo, tpy_object_t **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        tpy_object_t *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static tpy_object_t *list_reverse_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                       tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("list.reverse", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_list_t *self = (tpy_list_t *)op;
    if (self->size > 1) {
        reverse_array(self->items, self->items + self->size);
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *list_copy_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("list.copy", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_list_slice(op, 0, TPY_LIST_SIZE(op));
}

static tpy_object_t *list_clear_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("list.clear", nargs, kwnames) < 0) {
        return NULL;
    }
    list_clear_items((tpy_list_t *)op);
    TPY_RETURN_NONE;
}

static tpy_object_t *list_sort_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (nargs > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "sort() takes no positional arguments");
    }
    size_t nkw = tpy_kwcount(kwnames);
    if (nkw > 2) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "sort() takes at most 2 keyword arguments (%zu given)", nkw);
    }
    tpy_object_t *key = NULL, *reverse = NULL;
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *name = TPY_TUPLE_GET(kwnames, k);
        if (tpy_str_eq_cstr(name, "key")) {
            key = args[k];
        } else if (tpy_str_eq_cstr(name, "reverse")) {
            reverse = args[k];
        } else {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "'%U' is an invalid keyword argument for sort()", name);
        }
    }
    bool rev = false;
    if (reverse != NULL) {
        if (TPY_TYPE(reverse) == &tpy_bool_type) {
            rev = reverse == tpy_true;
        } else {
            tpy_object_t *i = tpy_number_index(reverse);
            if (i == NULL) {
                return NULL;
            }
            rev = tpy_int_sign(i) != 0;
            TPY_DECREF(i);
        }
    }
    if (tpy_list_sort(op, key, rev) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *list_sizeof_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("list.__sizeof__", nargs, kwnames) < 0) {
        return NULL;
    }
    intptr_t alloc = ((tpy_list_t *)op)->allocated;
    return tpy_int_from_i64((int64_t)(TPY_TYPE(op)->tp_basicsize + items_bytes(alloc)));
}

static tpy_object_t *list_reversed_meth(tpy_object_t *op, tpy_object_t *const *args, size_t nargs,
                                        tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("list.__reversed__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_list_reversed(op);
}

static const tpy_methoddef_t list_methods[] = {
    {"append", list_append_meth, 0, NULL},
    {"extend", list_extend_meth, 0, NULL},
    {"insert", list_insert_meth, 0, NULL},
    {"pop", list_pop_meth, 0, NULL},
    {"remove", list_remove_meth, 0, NULL},
    {"index", list_index_meth, 0, NULL},
    {"count", list_count_meth, 0, NULL},
    {"reverse", list_reverse_meth, 0, NULL},
    {"sort", list_sort_meth, 0, NULL},
    {"copy", list_copy_meth, 0, NULL},
    {"clear", list_clear_meth, 0, NULL},
    {"__sizeof__", list_sizeof_meth, 0, NULL},
    {"__reversed__", list_reversed_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterators -------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    intptr_t index;
    tpy_object_t *seq; // NULL once exhausted
} listiter_t;

static tpy_object_t *make_listiter(tpy_type_t *type, tpy_object_t *list, intptr_t index)
{
    listiter_t *it = (listiter_t *)tpy_gc_new(type, sizeof(listiter_t));
    if (it == NULL) {
        return tpy_err_no_memory();
    }
    it->index = index;
    it->seq = tpy_newref(list);
    tpy_gc_track(TPY_OBJ(it));
    return TPY_OBJ(it);
}

static tpy_object_t *list_iter(tpy_object_t *op)
{
    return make_listiter(&tpy_listiter_type, op, 0);
}

tpy_object_t *tpy_list_reversed(tpy_object_t *op)
{
    return make_listiter(&tpy_listreviter_type, op, TPY_LIST_SIZE(op) - 1);
}

static void listiter_dealloc(tpy_object_t *op)
{
    tpy_gc_untrack(op);
    TPY_CLEAR(((listiter_t *)op)->seq);
    tpy_gc_free(op, sizeof(listiter_t));
}

static int listiter_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    listiter_t *it = (listiter_t *)op;
    return it->seq != NULL ? visit(it->seq, arg) : 0;
}

static int listiter_clear(tpy_object_t *op)
{
    TPY_CLEAR(((listiter_t *)op)->seq);
    return 0;
}

static tpy_object_t *listiter_next(tpy_object_t *op)
{
    listiter_t *it = (listiter_t *)op;
    tpy_object_t *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < TPY_LIST_SIZE(seq)) {
        return tpy_newref(TPY_LIST_GET(seq, it->index++));
    }
    it->seq = NULL;
    TPY_DECREF(seq);
    return NULL;
}

static tpy_object_t *listreviter_next(tpy_object_t *op)
{
    listiter_t *it = (listiter_t *)op;
    tpy_object_t *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index >= 0 && it->index < TPY_LIST_SIZE(seq)) {
        return tpy_newref(TPY_LIST_GET(seq, it->index--));
    }
    it->index = -1;
    it->seq = NULL;
    TPY_DECREF(seq);
    return NULL;
}

static tpy_object_t *listiter_length_hint(tpy_object_t *op, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__length_hint__", nargs, kwnames) < 0) {
        return NULL;
    }
    listiter_t *it = (listiter_t *)op;
    intptr_t n = 0;
    if (it->seq != NULL) {
        if (TPY_TYPE(op) == &tpy_listiter_type) {
            n = TPY_LIST_SIZE(it->seq) - it->index;
        } else if (it->index < TPY_LIST_SIZE(it->seq)) {
            n = it->index + 1;
        }
    }
    return tpy_int_from_i64(n < 0 ? 0 : n);
}

static const tpy_methoddef_t listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_listiter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

tpy_type_t tpy_listreviter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listiter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = listreviter_next,
    .tp_methods = listiter_methods,
};

tpy_type_t tpy_list_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "list",
    .tp_basicsize = sizeof(tpy_list_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_LIST_SUBCLASS |
                TPY_TPFLAGS_TRASHCAN,
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_richcompare = list_richcompare,
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_iter = list_iter,
    .tp_new = list_tp_new,
    .tp_init = list_init,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_ADD] = list_add, [TPY_BINOP_MUL] = list_mul},
    .tp_inplace = TPY_BINOP_TABLE{[TPY_BINOP_ADD] = list_iadd, [TPY_BINOP_MUL] = list_imul},
    .tp_len = list_len,
    .tp_getitem = list_getitem,
    .tp_setitem = list_setitem,
    .tp_contains = list_contains,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.",
};

void tpy_list_init(void)
{
    tpy_type_ready(&tpy_list_type);
    tpy_type_ready(&tpy_listiter_type);
    tpy_type_ready(&tpy_listreviter_type);
    if (hint_name == NULL) {
        hint_name = tpy_str_intern_cstr("__length_hint__");
    }
}
