/*
 * runtime/strmethods.c - the methods of str (split, join, strip, replace,
 * find, the case and is* families, padding, partition, translate ...) and the
 * small character database they share with repr.
 *
 * Indices given to and returned by methods count code points; searching works
 * on the UTF-8 bytes (a valid needle only matches at code point boundaries in
 * valid text) and converts offsets at the edges, so ASCII strings never pay
 * for the conversion.  Methods return the receiver itself when the result
 * would be equal to an exact str receiver, as CPython does.
 *
 * Character properties and case mappings come from strunicode.c (generated,
 * exact for Unicode 14.0.0); the one context rule, the Greek final sigma of
 * lower(), is here.  Argument errors use CPython 3.11's wording, which differs
 * by method (they come from different argument parsers in CPython).
 */
#define _GNU_SOURCE
#include "runtime/runtime.h"

#include <limits.h>
#include <string.h>

/* ---- argument helpers (CPython's several wordings) ---------------------------------- */

// "str.upper() takes no arguments (1 given)"
static int check_noargs(const char *name, size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 0) {
        tpy_err_format(&tpy_exc_TypeError, "str.%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

// "str.join() takes exactly one argument (0 given)"
static int check_onearg(const char *name, size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        tpy_err_format(&tpy_exc_TypeError, "str.%s() takes exactly one argument (%zu given)", name,
                       nargs);
        return -1;
    }
    return 0;
}

// "find() takes at least 1 argument (0 given)" (the getargs wording)
static int check_getargs(const char *name, size_t nargs, tpy_object_t *kwnames, size_t min,
                         size_t max)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t lim = nargs < min ? min : max;
        tpy_err_format(&tpy_exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
                       nargs < min ? "at least" : "at most", lim, lim == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// "strip expected at most 1 argument, got 2" (the positional-only clinic wording)
static int check_clinic(const char *name, size_t nargs, tpy_object_t *kwnames, size_t min,
                        size_t max)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t lim = nargs < min ? min : max;
        tpy_err_format(&tpy_exc_TypeError, "%s expected %s %zu argument%s, got %zu", name,
                       nargs < min ? "at least" : "at most", lim, lim == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// Positional-or-keyword parameters [names] (all optional), clinic wording.
static int parse_kwargs(const char *name, tpy_object_t *const *args, size_t nargs,
                        tpy_object_t *kwnames, const char *const *names, size_t nnames,
                        tpy_object_t **out)
{
    size_t nkw = tpy_kwcount(kwnames);
    for (size_t i = 0; i < nnames; i++) {
        out[i] = NULL;
    }
    if (nargs + nkw > nnames) {
        if (nargs == 0) {
            tpy_err_format(&tpy_exc_TypeError,
                           "%s() takes at most %zu keyword argument%s (%zu given)", name, nnames,
                           nnames == 1 ? "" : "s", nkw);
        } else {
            tpy_err_format(&tpy_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)",
                           name, nnames, nnames == 1 ? "" : "s", nargs + nkw);
        }
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, k);
        size_t i = 0;
        while (i < nnames && !tpy_str_eq_cstr(kw, names[i])) {
            i++;
        }
        if (i == nnames) {
            tpy_err_format(&tpy_exc_TypeError, "'%U' is an invalid keyword argument for %s()", kw,
                           name);
            return -1;
        }
        if (out[i] != NULL) {
            tpy_err_format(&tpy_exc_TypeError,
                           "argument for %s() given by name ('%s') and position (%zu)", name,
                           names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

// An index-like argument as intptr_t: TypeError "'str' object cannot be
// interpreted as an integer"; OverflowError when it does not fit.
static int as_ssize(tpy_object_t *op, intptr_t *out)
{
    tpy_object_t *idx;
    if (TPY_INT_CHECK(op)) {
        idx = tpy_newref(op);
    } else if (TPY_TYPE(op)->tp_index != NULL) {
        idx = tpy_number_index(op);
        if (idx == NULL) {
            return -1;
        }
    } else {
        tpy_err_format(&tpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", op);
        return -1;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(idx, &overflow);
    TPY_DECREF(idx);
    if (overflow) {
        tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (intptr_t)v;
    return 0;
}

// A slice bound argument (None leaves *out alone); huge values clamp.
static int slice_index(tpy_object_t *op, intptr_t *out)
{
    if (op == NULL || op == tpy_none) {
        return 0;
    }
    tpy_object_t *idx;
    if (TPY_INT_CHECK(op)) {
        idx = tpy_newref(op);
    } else if (TPY_TYPE(op)->tp_index != NULL) {
        idx = tpy_number_index(op);
        if (idx == NULL) {
            return -1;
        }
    } else {
        tpy_err_format(&tpy_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(idx, &overflow);
    if (overflow) {
        v = tpy_int_sign(idx) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    TPY_DECREF(idx);
    *out = (intptr_t)v;
    return 0;
}

// Resolve [start, end) code point bounds like a slice of a string of [len].
static void adjust_bounds(intptr_t *start, intptr_t *end, intptr_t len)
{
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

static tpy_object_t *empty_string(void)
{
    return tpy_str_from_utf8("", 0);
}

// The result of a method that leaves the text unchanged.
static tpy_object_t *unchanged(tpy_object_t *self)
{
    if (TPY_STR_CHECK_EXACT(self)) {
        return tpy_newref(self);
    }
    return tpy_str_substr(self, 0, TPY_STR_LEN(self), TPY_STR_CPLEN(self));
}

/* ---- searching ------------------------------------------------------------------- */

/*
 * The strings of everyday code are short, and for them a call to memchr or
 * memcmp costs more than the scan itself: the helpers below look at eight
 * bytes at a time in a register (a byte equal to [c] becomes a zero byte,
 * which the classic (w - 0x01..) & ~w & 0x80.. test finds; its lowest set
 * bit is exact, false positives can only sit above a true match) and leave
 * long haystacks to libc's vectorized routines.
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
#define SHORT_SCAN 64 // up to this many bytes the inline scan beats memchr

static inline uint64_t load_word(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

// High bit set in every byte of [w] that is zero (exact, no false positives).
static inline uint64_t zero_bytes(uint64_t w)
{
    return ~(((w & ~HIGHS) + ~HIGHS) | w | ~HIGHS);
}

// First byte equal to [c] in [p, end), or NULL.
static inline const char *find_char(const char *p, const char *end, char c)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (end - p > SHORT_SCAN) {
        return memchr(p, c, (size_t)(end - p));
    }
    uint64_t pat = ONES * (unsigned char)c;
    for (; end - p >= 8; p += 8) {
        uint64_t w = load_word(p) ^ pat;
        uint64_t z = (w - ONES) & ~w & HIGHS;
        if (z != 0) {
            return p + (__builtin_ctzll(z) >> 3);
        }
    }
    for (; p < end; p++) {
        if (*p == c) {
            return p;
        }
    }
    return NULL;
#else
    return memchr(p, c, (size_t)(end - p));
#endif
}

// How many bytes of [p, p+n) equal [c].
static intptr_t count_char(const char *p, intptr_t n, char c)
{
    intptr_t count = 0, i = 0;
    uint64_t pat = ONES * (unsigned char)c;
    for (; i + 8 <= n; i += 8) {
        uint64_t z = zero_bytes(load_word(p + i) ^ pat);
        // one bit per matching byte, summed by a multiply into the top byte
        count += (intptr_t)(((z >> 7) * ONES) >> 56);
    }
    for (; i < n; i++) {
        count += p[i] == c;
    }
    return count;
}

// Are the [n] bytes at [a] and [b] equal?
static inline bool bytes_equal(const char *a, const char *b, intptr_t n)
{
    if (n <= 8) {
        for (intptr_t i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
    return memcmp(a, b, (size_t)n) == 0;
}

static intptr_t find_bytes(const char *h, intptr_t hn, const char *n, intptr_t nn)
{
    if (nn == 0) {
        return 0;
    }
    if (nn > hn) {
        return -1;
    }
    if (nn == 1) {
        const char *p = find_char(h, h + hn, n[0]);
        return p ? (intptr_t)(p - h) : -1;
    }
    // Find the first byte, then compare: fastest for the short needles and
    // haystacks of everyday code.  After many false candidates switch to
    // memmem, whose worst case is linear.
    const char *p = h, *last = h + hn - nn;
    int misses = 0;
    while (p <= last) {
        p = find_char(p, last + 1, n[0]);
        if (p == NULL) {
            return -1;
        }
        if (p[nn - 1] == n[nn - 1] && bytes_equal(p + 1, n + 1, nn - 2)) {
            return (intptr_t)(p - h);
        }
        p++;
        if (++misses > 32) {
            const char *q = memmem(p, (size_t)(h + hn - p), n, (size_t)nn);
            return q ? (intptr_t)(q - h) : -1;
        }
    }
    return -1;
}

static intptr_t rfind_bytes(const char *h, intptr_t hn, const char *n, intptr_t nn)
{
    if (nn == 0) {
        return hn;
    }
    if (nn > hn) {
        return -1;
    }
    if (nn == 1) {
        const char *p = memrchr(h, n[0], (size_t)hn);
        return p ? (intptr_t)(p - h) : -1;
    }
    // Scan candidate positions of the last byte from the right.
    intptr_t limit = hn;
    while (limit >= nn) {
        const char *p = memrchr(h + nn - 1, n[nn - 1], (size_t)(limit - nn + 1));
        if (p == NULL) {
            return -1;
        }
        intptr_t at = (intptr_t)(p - h) - (nn - 1);
        if (memcmp(h + at, n, (size_t)nn) == 0) {
            return at;
        }
        limit = at + nn - 1;
    }
    return -1;
}

// Match positions of a search, on the stack for the usual few.
typedef struct {
    intptr_t *at;
    intptr_t count, cap;
    intptr_t local[32];
} matches_t;

static void matches_init(matches_t *m)
{
    m->at = m->local;
    m->count = 0;
    m->cap = (intptr_t)(sizeof m->local / sizeof m->local[0]);
}

// Double the room of [m]; -1 with MemoryError.
static int matches_grow(matches_t *m)
{
    intptr_t *bigger = tpy_mem_alloc((size_t)m->cap * 2 * sizeof(intptr_t));
    if (bigger == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    memcpy(bigger, m->at, (size_t)m->cap * sizeof(intptr_t));
    if (m->at != m->local) {
        tpy_mem_free(m->at, (size_t)m->cap * sizeof(intptr_t));
    }
    m->at = bigger;
    m->cap *= 2;
    return 0;
}

// Record [pos]; -1 with MemoryError when the array cannot grow.
static inline int matches_add(matches_t *m, intptr_t pos)
{
    if (m->count == m->cap && matches_grow(m) < 0) {
        return -1;
    }
    m->at[m->count++] = pos;
    return 0;
}

static void matches_release(matches_t *m)
{
    if (m->at != m->local) {
        tpy_mem_free(m->at, (size_t)m->cap * sizeof(intptr_t));
    }
}

#define LONG_SCAN 256 // past this many bytes find_all leaves the scan to find_bytes

// Record in [m] where [n] occurs in [h], left to right and not overlapping,
// until [m] holds [max] matches.  One pass over the words of a short
// haystack, every candidate first byte of a word taken in turn.  0, or -1
// with MemoryError.
static int find_all(const char *h, intptr_t hn, const char *n, intptr_t nn, intptr_t max,
                    matches_t *m)
{
    if (nn == 0 || nn > hn || m->count >= max) {
        return 0;
    }
    if (hn > LONG_SCAN || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) {
        for (intptr_t i = 0; m->count < max;) {
            intptr_t at = find_bytes(h + i, hn - i, n, nn);
            if (at < 0) {
                break;
            }
            if (matches_add(m, i + at) < 0) {
                return -1;
            }
            i += at + nn;
        }
        return 0;
    }
    intptr_t last = hn - nn, next_ok = 0, i = 0;
    char first = n[0], final = n[nn - 1];
    uint64_t pat = ONES * (unsigned char)first;
    for (; i + 8 <= hn; i += 8) {
        uint64_t z = zero_bytes(load_word(h + i) ^ pat);
        while (z != 0) {
            intptr_t at = i + (__builtin_ctzll(z) >> 3);
            z &= z - 1;
            if (at > last) {
                return 0;
            }
            if (at >= next_ok && h[at + nn - 1] == final && bytes_equal(h + at + 1, n + 1, nn - 2)) {
                if (matches_add(m, at) < 0) {
                    return -1;
                }
                if (m->count >= max) {
                    return 0;
                }
                next_ok = at + nn;
            }
        }
    }
    for (intptr_t at = i > next_ok ? i : next_ok; at <= last; at++) {
        if (h[at] == first && h[at + nn - 1] == final && bytes_equal(h + at + 1, n + 1, nn - 2)) {
            if (matches_add(m, at) < 0) {
                return -1;
            }
            if (m->count >= max) {
                return 0;
            }
            at += nn - 1;
        }
    }
    return 0;
}

static intptr_t count_bytes(const char *h, intptr_t hn, const char *n, intptr_t nn,
                            intptr_t maxcount)
{
    intptr_t count = 0;
    if (nn == 1) {
        if (maxcount >= hn) {
            return count_char(h, hn, n[0]);
        }
        const char *p = h, *end = h + hn;
        while (count < maxcount && (p = find_char(p, end, n[0])) != NULL) {
            count++;
            p++;
        }
        return count;
    }
    intptr_t pos = 0;
    while (count < maxcount) {
        intptr_t at = find_bytes(h + pos, hn - pos, n, nn);
        if (at < 0) {
            break;
        }
        count++;
        pos += at + nn;
    }
    return count;
}

static int need_str(tpy_object_t *op)
{
    if (!TPY_STR_CHECK(op)) {
        tpy_err_format(&tpy_exc_TypeError, "must be str, not %T", op);
        return -1;
    }
    return 0;
}

enum { FIND, RFIND, INDEX, RINDEX, COUNT };

// find / rfind / index / rindex / count share argument handling.
static tpy_object_t *search(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                            tpy_object_t *kwnames, const char *name, int kind)
{
    if (check_getargs(name, nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    tpy_object_t *sub = args[0];
    if (need_str(sub) < 0) {
        return NULL;
    }
    intptr_t len = TPY_STR_CPLEN(self), start = 0, end = INTPTR_MAX;
    if (slice_index(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        slice_index(nargs > 2 ? args[2] : NULL, &end) < 0) {
        return NULL;
    }
    adjust_bounds(&start, &end, len);
    intptr_t result = -1;
    if (kind == COUNT) {
        if (start > len || end < start) {
            return tpy_int_from_i64(0);
        }
        if (TPY_STR_CPLEN(sub) == 0) {
            return tpy_int_from_i64(end - start + 1);
        }
    }
    if (start <= len && end - start >= TPY_STR_CPLEN(sub)) {
        intptr_t b0 = tpy_str_byte_offset(self, start), b1 = tpy_str_byte_offset(self, end);
        const char *h = TPY_STR_DATA(self) + b0;
        if (kind == COUNT) {
            return tpy_int_from_i64(
                count_bytes(h, b1 - b0, TPY_STR_DATA(sub), TPY_STR_LEN(sub), INTPTR_MAX));
        }
        intptr_t at = kind == FIND || kind == INDEX
                          ? find_bytes(h, b1 - b0, TPY_STR_DATA(sub), TPY_STR_LEN(sub))
                          : rfind_bytes(h, b1 - b0, TPY_STR_DATA(sub), TPY_STR_LEN(sub));
        if (at >= 0) {
            result =
                start + (TPY_STR_IS_ASCII(self) ? at : (intptr_t)tpy_utf8_count(h, (size_t)at));
        }
    } else if (kind == COUNT) {
        return tpy_int_from_i64(0);
    }
    if (result < 0 && (kind == INDEX || kind == RINDEX)) {
        return tpy_err_format(&tpy_exc_ValueError, "substring not found");
    }
    return tpy_int_from_i64(result);
}

static tpy_object_t *str_find(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    return search(self, args, nargs, kwnames, "find", FIND);
}

static tpy_object_t *str_rfind(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return search(self, args, nargs, kwnames, "rfind", RFIND);
}

static tpy_object_t *str_index(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return search(self, args, nargs, kwnames, "index", INDEX);
}

static tpy_object_t *str_rindex(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return search(self, args, nargs, kwnames, "rindex", RINDEX);
}

static tpy_object_t *str_count(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return search(self, args, nargs, kwnames, "count", COUNT);
}

// Does [sub] match the code point range [start, end) of [self] at its start
// ([tail] false) or end?
static bool tail_match(tpy_object_t *self, tpy_object_t *sub, intptr_t start, intptr_t end,
                       bool tail)
{
    intptr_t len = TPY_STR_CPLEN(self);
    adjust_bounds(&start, &end, len);
    if (start > len || end - start < TPY_STR_CPLEN(sub)) {
        return false;
    }
    intptr_t sn = TPY_STR_LEN(sub);
    if (sn == 0) {
        return true;
    }
    intptr_t b0 = tpy_str_byte_offset(self, start), b1 = tpy_str_byte_offset(self, end);
    if (b1 - b0 < sn) {
        return false;
    }
    const char *at = tail ? TPY_STR_DATA(self) + b1 - sn : TPY_STR_DATA(self) + b0;
    return memcmp(at, TPY_STR_DATA(sub), (size_t)sn) == 0;
}

static tpy_object_t *starts_ends(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames, const char *name, bool tail)
{
    if (check_getargs(name, nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    intptr_t start = 0, end = INTPTR_MAX;
    if (slice_index(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        slice_index(nargs > 2 ? args[2] : NULL, &end) < 0) {
        return NULL;
    }
    tpy_object_t *what = args[0];
    if (TPY_TUPLE_CHECK(what)) {
        for (intptr_t i = 0; i < TPY_TUPLE_SIZE(what); i++) {
            tpy_object_t *sub = TPY_TUPLE_GET(what, i);
            if (!TPY_STR_CHECK(sub)) {
                return tpy_err_format(&tpy_exc_TypeError,
                                      "tuple for %s must only contain str, not %T", name, sub);
            }
            if (tail_match(self, sub, start, end, tail)) {
                TPY_RETURN_BOOL(true);
            }
        }
        TPY_RETURN_BOOL(false);
    }
    if (!TPY_STR_CHECK(what)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "%s first arg must be str or a tuple of str, not %T", name, what);
    }
    TPY_RETURN_BOOL(tail_match(self, what, start, end, tail));
}

static tpy_object_t *str_startswith(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    return starts_ends(self, args, nargs, kwnames, "startswith", false);
}

static tpy_object_t *str_endswith(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    return starts_ends(self, args, nargs, kwnames, "endswith", true);
}

/* ---- split family --------------------------------------------------------------- */

// The code point at byte [pos] and the byte offset after it.
static inline uint32_t cp_at(const char *d, intptr_t pos, intptr_t *next)
{
    const unsigned char *p = (const unsigned char *)d + pos;
    uint32_t c = tpy_utf8_decode(&p);
    *next = (intptr_t)((const char *)p - d);
    return c;
}

// The code point ending just before byte [pos], and its start offset.
static inline uint32_t cp_before(const char *d, intptr_t pos, intptr_t *prev)
{
    intptr_t q = pos - 1;
    while (q > 0 && ((unsigned char)d[q] & 0xC0) == 0x80) {
        q--;
    }
    *prev = q;
    const unsigned char *p = (const unsigned char *)d + q;
    return tpy_utf8_decode(&p);
}

static int append_piece(tpy_object_t *list, tpy_object_t *self, intptr_t b0, intptr_t b1)
{
    tpy_object_t *s = tpy_str_substr(self, b0, b1, -1);
    if (s == NULL) {
        return -1;
    }
    return tpy_list_append_steal(list, s);
}

static void list_reverse(tpy_object_t *list)
{
    tpy_object_t **items = TPY_LIST_ITEMS(list);
    for (intptr_t i = 0, j = TPY_LIST_SIZE(list) - 1; i < j; i++, j--) {
        tpy_object_t *t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

static tpy_object_t *split_whitespace(tpy_object_t *self, intptr_t maxsplit, bool right)
{
    const char *d = TPY_STR_DATA(self);
    intptr_t n = TPY_STR_LEN(self);
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    intptr_t next;
    if (!right) {
        intptr_t i = 0;
        while (i < n) {
            // Skip whitespace.
            while (i < n && tpy_unicode_isspace(cp_at(d, i, &next))) {
                i = next;
            }
            if (i >= n) {
                break;
            }
            if (maxsplit-- == 0) {
                if (append_piece(list, self, i, n) < 0) {
                    goto error;
                }
                break;
            }
            intptr_t j = i;
            while (j < n && !tpy_unicode_isspace(cp_at(d, j, &next))) {
                j = next;
            }
            if (append_piece(list, self, i, j) < 0) {
                goto error;
            }
            i = j;
        }
    } else {
        intptr_t i = n;
        while (i > 0) {
            while (i > 0 && tpy_unicode_isspace(cp_before(d, i, &next))) {
                i = next;
            }
            if (i <= 0) {
                break;
            }
            if (maxsplit-- == 0) {
                if (append_piece(list, self, 0, i) < 0) {
                    goto error;
                }
                break;
            }
            intptr_t j = i;
            while (j > 0 && !tpy_unicode_isspace(cp_before(d, j, &next))) {
                j = next;
            }
            if (append_piece(list, self, j, i) < 0) {
                goto error;
            }
            i = j;
        }
        list_reverse(list);
    }
    return list;
error:
    TPY_DECREF(list);
    return NULL;
}

// [self].split([sep]) left to right: the separators are found first, so the
// list is made at its final size and filled in place.
static tpy_object_t *split_sep_forward(tpy_object_t *self, tpy_object_t *sep, intptr_t maxsplit)
{
    const char *d = TPY_STR_DATA(self), *s = TPY_STR_DATA(sep);
    intptr_t n = TPY_STR_LEN(self), sn = TPY_STR_LEN(sep);
    bool ascii = TPY_STR_IS_ASCII(self);
    matches_t m;
    matches_init(&m);
    tpy_object_t *list = NULL;
    if (find_all(d, n, s, sn, maxsplit, &m) < 0) {
        goto done;
    }
    list = tpy_list_new(m.count + 1);
    if (list == NULL) {
        goto done;
    }
    tpy_object_t **items = TPY_LIST_ITEMS(list);
    intptr_t start = 0;
    for (intptr_t k = 0; k <= m.count; k++) {
        intptr_t end = k < m.count ? m.at[k] : n;
        tpy_object_t *piece = tpy_str_substr(self, start, end, ascii ? end - start : -1);
        if (piece == NULL) {
            TPY_CLEAR(list);
            goto done;
        }
        items[k] = piece;
        start = end + sn;
    }
done:
    matches_release(&m);
    return list;
}

// [self].rsplit([sep]): pieces found right to left, then put in order.
static tpy_object_t *split_sep_backward(tpy_object_t *self, tpy_object_t *sep, intptr_t maxsplit)
{
    const char *d = TPY_STR_DATA(self), *s = TPY_STR_DATA(sep);
    intptr_t n = TPY_STR_LEN(self), sn = TPY_STR_LEN(sep);
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    intptr_t j = n;
    while (maxsplit-- != 0) {
        intptr_t at = rfind_bytes(d, j, s, sn);
        if (at < 0) {
            break;
        }
        if (append_piece(list, self, at + sn, j) < 0) {
            goto error;
        }
        j = at;
    }
    if (append_piece(list, self, 0, j) < 0) {
        goto error;
    }
    list_reverse(list);
    return list;
error:
    TPY_DECREF(list);
    return NULL;
}

static tpy_object_t *do_split(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames, const char *name, bool right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    tpy_object_t *vals[2];
    if (parse_kwargs(name, args, nargs, kwnames, names, 2, vals) < 0) {
        return NULL;
    }
    tpy_object_t *sep = vals[0] == tpy_none ? NULL : vals[0];
    intptr_t maxsplit = -1;
    if (sep != NULL && !TPY_STR_CHECK(sep)) {
        return tpy_err_format(&tpy_exc_TypeError, "must be str or None, not %T", sep);
    }
    if (vals[1] != NULL && as_ssize(vals[1], &maxsplit) < 0) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = INTPTR_MAX;
    }
    if (sep == NULL) {
        return split_whitespace(self, maxsplit, right);
    }
    if (TPY_STR_LEN(sep) == 0) {
        return tpy_err_format(&tpy_exc_ValueError, "empty separator");
    }
    return right ? split_sep_backward(self, sep, maxsplit) : split_sep_forward(self, sep, maxsplit);
}

static tpy_object_t *str_split(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return do_split(self, args, nargs, kwnames, "split", false);
}

static tpy_object_t *str_rsplit(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return do_split(self, args, nargs, kwnames, "rsplit", true);
}

static tpy_object_t *str_splitlines(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    static const char *const names[] = {"keepends"};
    tpy_object_t *vals[1];
    if (parse_kwargs("splitlines", args, nargs, kwnames, names, 1, vals) < 0) {
        return NULL;
    }
    intptr_t keepends = 0;
    if (vals[0] != NULL) {
        if (TPY_FLOAT_CHECK(vals[0])) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "'float' object cannot be interpreted as an integer");
        }
        if (as_ssize(vals[0], &keepends) < 0) {
            return NULL;
        }
    }
    const char *d = TPY_STR_DATA(self);
    intptr_t n = TPY_STR_LEN(self);
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    intptr_t i = 0;
    while (i < n) {
        intptr_t j = i, next = i;
        uint32_t c = 0;
        while (j < n) {
            c = cp_at(d, j, &next);
            if (tpy_unicode_islinebreak(c)) {
                break;
            }
            j = next;
        }
        intptr_t eol = j;
        if (j < n) {
            eol = next;
            if (c == '\r' && eol < n && d[eol] == '\n') {
                eol++;
            }
        }
        if (append_piece(list, self, i, keepends ? eol : j) < 0) {
            TPY_DECREF(list);
            return NULL;
        }
        i = eol;
    }
    return list;
}

static tpy_object_t *partition(tpy_object_t *self, tpy_object_t *sep, bool right)
{
    if (need_str(sep) < 0) {
        return NULL;
    }
    intptr_t sn = TPY_STR_LEN(sep), n = TPY_STR_LEN(self);
    if (sn == 0) {
        return tpy_err_format(&tpy_exc_ValueError, "empty separator");
    }
    intptr_t at = right ? rfind_bytes(TPY_STR_DATA(self), n, TPY_STR_DATA(sep), sn)
                        : find_bytes(TPY_STR_DATA(self), n, TPY_STR_DATA(sep), sn);
    tpy_object_t *parts[3];
    if (at < 0) {
        tpy_object_t *whole = unchanged(self);
        if (whole == NULL) {
            return NULL;
        }
        parts[right ? 2 : 0] = whole;
        parts[1] = empty_string();
        parts[right ? 0 : 2] = empty_string();
    } else {
        parts[0] = tpy_str_substr(self, 0, at, -1);
        parts[1] = tpy_newref(sep);
        parts[2] = tpy_str_substr(self, at + sn, n, -1);
        if (parts[0] == NULL || parts[2] == NULL) {
            TPY_XDECREF(parts[0]);
            TPY_DECREF(parts[1]);
            TPY_XDECREF(parts[2]);
            return NULL;
        }
    }
    return tpy_tuple_from_array_steal(parts, 3);
}

static tpy_object_t *str_partition(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (check_onearg("partition", nargs, kwnames) < 0) {
        return NULL;
    }
    return partition(self, args[0], false);
}

static tpy_object_t *str_rpartition(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    if (check_onearg("rpartition", nargs, kwnames) < 0) {
        return NULL;
    }
    return partition(self, args[0], true);
}

static tpy_object_t *str_join(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    if (check_onearg("join", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_str_join(self, args[0]);
}

/* ---- strip ------------------------------------------------------------------------ */

// Does [chars] contain code point [c]?  ([ascii_set] marks its ASCII ones.)
static bool strip_set_has(tpy_object_t *chars, const uint8_t *ascii_set, uint32_t c)
{
    if (c < 128) {
        return ascii_set[c] != 0;
    }
    if (TPY_STR_IS_ASCII(chars)) {
        return false;
    }
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(chars);
    const unsigned char *end = p + TPY_STR_LEN(chars);
    while (p < end) {
        if (tpy_utf8_decode(&p) == c) {
            return true;
        }
    }
    return false;
}

static inline bool ascii_isspace(unsigned char c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
}

// Move [*i] right past leading and [*j] left past trailing whitespace of [d].
static void strip_spaces(const char *d, intptr_t *i, intptr_t *j, bool left, bool right)
{
    intptr_t a = *i, b = *j, next;
    while (left && a < b) {
        unsigned char c = (unsigned char)d[a];
        if (c < 0x80) {
            if (!ascii_isspace(c)) {
                break;
            }
            a++;
        } else if (tpy_unicode_isspace(cp_at(d, a, &next))) {
            a = next;
        } else {
            break;
        }
    }
    while (right && b > a) {
        unsigned char c = (unsigned char)d[b - 1];
        if (c < 0x80) {
            if (!ascii_isspace(c)) {
                break;
            }
            b--;
        } else if (tpy_unicode_isspace(cp_before(d, b, &next))) {
            b = next;
        } else {
            break;
        }
    }
    *i = a;
    *j = b;
}

// Move [*i] right past leading and [*j] left past trailing code points of [d]
// that [chars] contains.
static void strip_chars(const char *d, tpy_object_t *chars, intptr_t *i, intptr_t *j, bool left,
                        bool right)
{
    uint8_t ascii_set[128] = {0};
    const unsigned char *cs = (const unsigned char *)TPY_STR_DATA(chars);
    for (intptr_t k = 0; k < TPY_STR_LEN(chars); k++) {
        if (cs[k] < 128) {
            ascii_set[cs[k]] = 1;
        }
    }
    intptr_t a = *i, b = *j, next;
    while (left && a < b && strip_set_has(chars, ascii_set, cp_at(d, a, &next))) {
        a = next;
    }
    while (right && b > a && strip_set_has(chars, ascii_set, cp_before(d, b, &next))) {
        b = next;
    }
    *i = a;
    *j = b;
}

static tpy_object_t *do_strip(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames, const char *name, bool left, bool right)
{
    if (check_clinic(name, nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    tpy_object_t *chars = nargs > 0 && args[0] != tpy_none ? args[0] : NULL;
    if (chars != NULL && !TPY_STR_CHECK(chars)) {
        return tpy_err_format(&tpy_exc_TypeError, "%s arg must be None or str", name);
    }
    const char *d = TPY_STR_DATA(self);
    intptr_t i = 0, j = TPY_STR_LEN(self);
    if (chars == NULL) {
        strip_spaces(d, &i, &j, left, right);
    } else {
        strip_chars(d, chars, &i, &j, left, right);
    }
    if (i == 0 && j == TPY_STR_LEN(self)) {
        return unchanged(self);
    }
    return tpy_str_substr(self, i, j, -1);
}

static tpy_object_t *str_strip(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return do_strip(self, args, nargs, kwnames, "strip", true, true);
}

static tpy_object_t *str_lstrip(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return do_strip(self, args, nargs, kwnames, "lstrip", true, false);
}

static tpy_object_t *str_rstrip(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return do_strip(self, args, nargs, kwnames, "rstrip", false, true);
}

static tpy_object_t *affix(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                           tpy_object_t *kwnames, const char *name, bool suffix)
{
    if (check_onearg(name, nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *a = args[0];
    if (!TPY_STR_CHECK(a)) {
        return tpy_err_format(&tpy_exc_TypeError, "%s() argument must be str, not %T", name, a);
    }
    intptr_t n = TPY_STR_LEN(self), an = TPY_STR_LEN(a);
    if (an == 0 || an > n) {
        return unchanged(self);
    }
    const char *at = suffix ? TPY_STR_DATA(self) + n - an : TPY_STR_DATA(self);
    if (memcmp(at, TPY_STR_DATA(a), (size_t)an) != 0) {
        return unchanged(self);
    }
    intptr_t cp = TPY_STR_CPLEN(self) - TPY_STR_CPLEN(a);
    return suffix ? tpy_str_substr(self, 0, n - an, cp) : tpy_str_substr(self, an, n, cp);
}

static tpy_object_t *str_removeprefix(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    return affix(self, args, nargs, kwnames, "removeprefix", false);
}

static tpy_object_t *str_removesuffix(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    return affix(self, args, nargs, kwnames, "removesuffix", true);
}

/* ---- replace ----------------------------------------------------------------------- */

static tpy_object_t *str_replace(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    if (check_clinic("replace", nargs, kwnames, 2, 3) < 0) {
        return NULL;
    }
    tpy_object_t *old = args[0], *new = args[1];
    for (int k = 0; k < 2; k++) {
        if (!TPY_STR_CHECK(args[k])) {
            return tpy_err_format(&tpy_exc_TypeError, "replace() argument %d must be str, not %T",
                                  k + 1, args[k]);
        }
    }
    intptr_t maxcount = -1;
    if (nargs > 2 && as_ssize(args[2], &maxcount) < 0) {
        return NULL;
    }
    if (maxcount < 0) {
        maxcount = INTPTR_MAX;
    }
    const char *d = TPY_STR_DATA(self), *od = TPY_STR_DATA(old), *nd = TPY_STR_DATA(new);
    intptr_t n = TPY_STR_LEN(self), on = TPY_STR_LEN(old), nn = TPY_STR_LEN(new);
    if (maxcount == 0) {
        return unchanged(self);
    }
    if (on == 0) {
        // Insert [new] before every code point and at the end, [maxcount] times.
        intptr_t slots = TPY_STR_CPLEN(self) + 1;
        intptr_t k = slots < maxcount ? slots : maxcount;
        if (nn == 0) {
            return unchanged(self);
        }
        tpy_strbuf_t b;
        tpy_strbuf_init(&b);
        if (nn > 0 && k > (INTPTR_MAX - n) / nn) {
            return tpy_err_format(&tpy_exc_OverflowError, "replace string is too long");
        }
        tpy_strbuf_reserve(&b, (size_t)(n + k * nn));
        intptr_t i = 0, next;
        for (intptr_t done = 0; done < k; done++) {
            tpy_strbuf_append_str(&b, new);
            if (i < n) {
                cp_at(d, i, &next);
                tpy_strbuf_append(&b, d + i, (size_t)(next - i));
                i = next;
            }
        }
        tpy_strbuf_append(&b, d + i, (size_t)(n - i));
        return tpy_strbuf_finish(&b);
    }
    // Pass 1 records where the matches are.
    matches_t m;
    matches_init(&m);
    tpy_object_t *r = NULL;
    if (find_all(d, n, od, on, maxcount, &m) < 0) {
        goto done;
    }
    intptr_t count = m.count, *where = m.at;
    if (count == 0) {
        r = unchanged(self);
        goto done;
    }
    if (nn > on && count > (INTPTR_MAX - n) / (nn - on)) {
        tpy_err_format(&tpy_exc_OverflowError, "replace string is too long");
        goto done;
    }
    intptr_t total = n + count * (nn - on);
    intptr_t cptotal = TPY_STR_CPLEN(self) + count * (TPY_STR_CPLEN(new) - TPY_STR_CPLEN(old));
    // Pass 2 copies the pieces between the recorded matches (a result of at
    // most one byte goes through a stack buffer so the singletons are used).
    char tiny[2];
    if (total > 1) {
        r = tpy_str_new_raw((size_t)total, (size_t)cptotal);
        if (r == NULL) {
            goto done;
        }
    }
    char *out = total > 1 ? TPY_STR_DATA(r) : tiny;
    intptr_t i = 0;
    for (intptr_t k = 0; k < count; k++) {
        tpy_str_copy(out, d + i, (size_t)(where[k] - i));
        out += where[k] - i;
        tpy_str_copy(out, nd, (size_t)nn);
        out += nn;
        i = where[k] + on;
    }
    tpy_str_copy(out, d + i, (size_t)(n - i));
    if (total <= 1) {
        r = tpy_str_from_utf8(tiny, (size_t)total);
    }
done:
    matches_release(&m);
    return r;
}

/* ---- case conversion ----------------------------------------------------------------- */

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE };

// Σ lowers to ς at the end of a word: a cased letter precedes it and none
// follows, case-ignorable characters (apostrophes, marks) skipped both ways.
static bool final_sigma(const char *d, intptr_t n, intptr_t pos, intptr_t next)
{
    intptr_t q = pos;
    uint32_t c = 0;
    bool found = false;
    while (q > 0) {
        c = cp_before(d, q, &q);
        if (!tpy_unicode_iscaseignorable(c)) {
            found = true;
            break;
        }
    }
    if (!found || !tpy_unicode_iscased(c)) {
        return false;
    }
    q = next;
    while (q < n) {
        c = cp_at(d, q, &q);
        if (!tpy_unicode_iscaseignorable(c)) {
            return !tpy_unicode_iscased(c);
        }
    }
    return true;
}

static void append_cps(tpy_strbuf_t *b, const uint32_t *cps, int n)
{
    for (int i = 0; i < n; i++) {
        tpy_strbuf_append_codepoint(b, cps[i]);
    }
}

// lower() of the code point at [pos, next), which needs its context for Σ.
static void append_lower(tpy_strbuf_t *b, const char *d, intptr_t n, intptr_t pos, intptr_t next,
                         uint32_t c)
{
    uint32_t out[3];
    if (c == 0x3A3) {
        tpy_strbuf_append_codepoint(b, final_sigma(d, n, pos, next) ? 0x3C2 : 0x3C3);
        return;
    }
    append_cps(b, out, tpy_unicode_tolower(c, out));
}

// Copy the ASCII text [src, src+n) to [dst], flipping the case bit (0x20) of
// the letters in [lo, hi]: upper() with 'a'..'z', lower() with 'A'..'Z'.
// Eight bytes per step: as every byte is below 0x80, adding 0x80 - lo sets a
// byte's high bit exactly when it is >= lo, and no addition carries into the
// next byte.
static void ascii_flip_range(char *dst, const char *src, intptr_t n, char lo, char hi)
{
    uint64_t ge_lo = ONES * (uint64_t)(0x80 - lo), gt_hi = ONES * (uint64_t)(0x80 - hi - 1);
    intptr_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = load_word(src + i);
        uint64_t in = (w + ge_lo) & ~(w + gt_hi) & HIGHS;
        w ^= in >> 2;
        memcpy(dst + i, &w, 8);
    }
    for (; i < n; i++) {
        char c = src[i];
        dst[i] = (char)(c >= lo && c <= hi ? c ^ 0x20 : c);
    }
}

static tpy_object_t *case_ascii(tpy_object_t *self, int mode)
{
    intptr_t n = TPY_STR_LEN(self);
    const unsigned char *d = (const unsigned char *)TPY_STR_DATA(self);
    if (n == 0) {
        return unchanged(self);
    }
    tpy_object_t *r = tpy_str_new_raw((size_t)n, (size_t)n);
    if (r == NULL) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)TPY_STR_DATA(r);
    bool prev_cased = false;
    // Tight loops for the two common conversions.
    if (mode == CASE_UPPER) {
        ascii_flip_range((char *)out, (const char *)d, n, 'a', 'z');
        mode = -1;
    } else if (mode == CASE_LOWER || mode == CASE_FOLD) {
        ascii_flip_range((char *)out, (const char *)d, n, 'A', 'Z');
        mode = -1;
    }
    for (intptr_t i = 0; mode >= 0 && i < n; i++) {
        unsigned c = d[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        switch (mode) {
        case CASE_UPPER:
            out[i] = low ? (unsigned char)(c - 32) : (unsigned char)c;
            break;
        case CASE_LOWER:
        case CASE_FOLD:
            out[i] = up ? (unsigned char)(c + 32) : (unsigned char)c;
            break;
        case CASE_SWAP:
            out[i] = (unsigned char)(up || low ? c ^ 32 : c);
            break;
        case CASE_TITLE:
            out[i] = (unsigned char)(prev_cased ? (up ? c + 32 : c) : (low ? c - 32 : c));
            prev_cased = up || low;
            break;
        default: // CASE_CAPITALIZE
            out[i] = (unsigned char)(i == 0 ? (low ? c - 32 : c) : (up ? c + 32 : c));
            break;
        }
    }
    if (n == 1) {
        tpy_object_t *one = tpy_str_from_utf8(TPY_STR_DATA(r), 1);
        TPY_DECREF(r);
        return one;
    }
    return r;
}

static tpy_object_t *change_case(tpy_object_t *self, int mode)
{
    if (TPY_STR_IS_ASCII(self)) {
        return case_ascii(self, mode);
    }
    const char *d = TPY_STR_DATA(self);
    intptr_t n = TPY_STR_LEN(self), i = 0, next;
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_reserve(&b, (size_t)n);
    bool prev_cased = false;
    uint32_t out[3];
    while (i < n) {
        uint32_t c = cp_at(d, i, &next);
        switch (mode) {
        case CASE_UPPER:
            append_cps(&b, out, tpy_unicode_toupper(c, out));
            break;
        case CASE_LOWER:
            append_lower(&b, d, n, i, next, c);
            break;
        case CASE_FOLD:
            append_cps(&b, out, tpy_unicode_tofolded(c, out));
            break;
        case CASE_SWAP:
            if (tpy_unicode_isupper(c)) {
                append_lower(&b, d, n, i, next, c);
            } else if (tpy_unicode_islower(c)) {
                append_cps(&b, out, tpy_unicode_toupper(c, out));
            } else {
                tpy_strbuf_append_codepoint(&b, c);
            }
            break;
        case CASE_TITLE:
            if (prev_cased) {
                append_lower(&b, d, n, i, next, c);
            } else {
                append_cps(&b, out, tpy_unicode_totitle(c, out));
            }
            prev_cased = tpy_unicode_iscased(c);
            break;
        default: // CASE_CAPITALIZE
            if (i == 0) {
                append_cps(&b, out, tpy_unicode_totitle(c, out));
            } else {
                append_lower(&b, d, n, i, next, c);
            }
            break;
        }
        i = next;
    }
    return tpy_strbuf_finish(&b);
}

#define CASE_METHOD(fname, pyname, mode)                                                          \
    static tpy_object_t *fname(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,       \
                               tpy_object_t *kwnames)                                             \
    {                                                                                             \
        (void)args;                                                                               \
        if (check_noargs(pyname, nargs, kwnames) < 0) {                                           \
            return NULL;                                                                          \
        }                                                                                         \
        return change_case(self, mode);                                                           \
    }

CASE_METHOD(str_upper, "upper", CASE_UPPER)
CASE_METHOD(str_lower, "lower", CASE_LOWER)
CASE_METHOD(str_swapcase, "swapcase", CASE_SWAP)
CASE_METHOD(str_casefold, "casefold", CASE_FOLD)
CASE_METHOD(str_title, "title", CASE_TITLE)
CASE_METHOD(str_capitalize, "capitalize", CASE_CAPITALIZE)

/* ---- predicates ---------------------------------------------------------------------- */

// True when the string is non-empty and every code point satisfies [pred].
static bool all_chars(tpy_object_t *self, bool (*pred)(uint32_t))
{
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(self);
    const unsigned char *end = p + TPY_STR_LEN(self);
    if (p == end) {
        return false;
    }
    while (p < end) {
        if (!pred(tpy_utf8_decode(&p))) {
            return false;
        }
    }
    return true;
}

#define PREDICATE_METHOD(fname, pyname, pred)                                                     \
    static tpy_object_t *fname(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,       \
                               tpy_object_t *kwnames)                                             \
    {                                                                                             \
        (void)args;                                                                               \
        if (check_noargs(pyname, nargs, kwnames) < 0) {                                           \
            return NULL;                                                                          \
        }                                                                                         \
        TPY_RETURN_BOOL(all_chars(self, pred));                                                   \
    }

static bool uc_isascii(uint32_t c)
{
    return c < 0x80;
}

static bool uc_isalnum(uint32_t c)
{
    return tpy_unicode_isalpha(c) || tpy_unicode_isdecimal(c) || tpy_unicode_isdigit(c) ||
           tpy_unicode_isnumeric(c);
}

PREDICATE_METHOD(str_isdigit, "isdigit", tpy_unicode_isdigit)
PREDICATE_METHOD(str_isdecimal, "isdecimal", tpy_unicode_isdecimal)
PREDICATE_METHOD(str_isnumeric, "isnumeric", tpy_unicode_isnumeric)
PREDICATE_METHOD(str_isalpha, "isalpha", tpy_unicode_isalpha)
PREDICATE_METHOD(str_isalnum, "isalnum", uc_isalnum)
PREDICATE_METHOD(str_isspace, "isspace", tpy_unicode_isspace)
PREDICATE_METHOD(str_isprintable_nonempty, "isprintable", tpy_unicode_isprintable)

static tpy_object_t *str_isprintable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (TPY_STR_LEN(self) == 0 && nargs == 0 && tpy_kwcount(kwnames) == 0) {
        TPY_RETURN_BOOL(true);
    }
    return str_isprintable_nonempty(self, args, nargs, kwnames);
}

static tpy_object_t *str_isascii(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    if (check_noargs("isascii", nargs, kwnames) < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(TPY_STR_IS_ASCII(self) || all_chars(self, uc_isascii));
}

static tpy_object_t *case_predicate(tpy_object_t *self, size_t nargs, tpy_object_t *kwnames,
                                    const char *name, bool want_upper)
{
    if (check_noargs(name, nargs, kwnames) < 0) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(self);
    const unsigned char *end = p + TPY_STR_LEN(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = tpy_utf8_decode(&p);
        bool up = tpy_unicode_isupper(c), low = tpy_unicode_islower(c);
        if (tpy_unicode_istitle(c) || (want_upper ? low : up)) {
            TPY_RETURN_BOOL(false);
        }
        cased = cased || up || low;
    }
    TPY_RETURN_BOOL(cased);
}

static tpy_object_t *str_isupper(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    return case_predicate(self, nargs, kwnames, "isupper", true);
}

static tpy_object_t *str_islower(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    return case_predicate(self, nargs, kwnames, "islower", false);
}

static tpy_object_t *str_istitle(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    if (check_noargs("istitle", nargs, kwnames) < 0) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(self);
    const unsigned char *end = p + TPY_STR_LEN(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        uint32_t c = tpy_utf8_decode(&p);
        if (tpy_unicode_isupper(c) || tpy_unicode_istitle(c)) {
            if (prev_cased) {
                TPY_RETURN_BOOL(false);
            }
            prev_cased = cased = true;
        } else if (tpy_unicode_islower(c)) {
            if (!prev_cased) {
                TPY_RETURN_BOOL(false);
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    TPY_RETURN_BOOL(cased);
}

static tpy_object_t *str_isidentifier(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    (void)args;
    if (check_noargs("isidentifier", nargs, kwnames) < 0) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(self);
    const unsigned char *end = p + TPY_STR_LEN(self);
    if (p == end || !tpy_unicode_isidstart(tpy_utf8_decode(&p))) {
        TPY_RETURN_BOOL(false);
    }
    while (p < end) {
        if (!tpy_unicode_isidcontinue(tpy_utf8_decode(&p))) {
            TPY_RETURN_BOOL(false);
        }
    }
    TPY_RETURN_BOOL(true);
}

/* ---- padding ------------------------------------------------------------------------- */

static tpy_object_t *pad(tpy_object_t *self, intptr_t left, intptr_t right, uint32_t fill)
{
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return unchanged(self);
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_append_fill(&b, fill, (size_t)left);
    tpy_strbuf_append_str(&b, self);
    tpy_strbuf_append_fill(&b, fill, (size_t)right);
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *justify(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames, const char *name, char how)
{
    if (check_clinic(name, nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    intptr_t width;
    if (as_ssize(args[0], &width) < 0) {
        return NULL;
    }
    uint32_t fill = ' ';
    if (nargs > 1) {
        tpy_object_t *f = args[1];
        if (!TPY_STR_CHECK(f)) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "The fill character must be a unicode character, not %T", f);
        }
        if (TPY_STR_CPLEN(f) != 1) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "The fill character must be exactly one character long");
        }
        const unsigned char *p = (const unsigned char *)TPY_STR_DATA(f);
        fill = tpy_utf8_decode(&p);
    }
    intptr_t marg = width - TPY_STR_CPLEN(self);
    if (marg <= 0) {
        return unchanged(self);
    }
    if (how == '<') {
        return pad(self, 0, marg, fill);
    }
    if (how == '>') {
        return pad(self, marg, 0, fill);
    }
    intptr_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static tpy_object_t *str_center(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return justify(self, args, nargs, kwnames, "center", '^');
}

static tpy_object_t *str_ljust(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return justify(self, args, nargs, kwnames, "ljust", '<');
}

static tpy_object_t *str_rjust(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return justify(self, args, nargs, kwnames, "rjust", '>');
}

static tpy_object_t *str_zfill(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    if (check_onearg("zfill", nargs, kwnames) < 0) {
        return NULL;
    }
    intptr_t width;
    if (as_ssize(args[0], &width) < 0) {
        return NULL;
    }
    intptr_t fill = width - TPY_STR_CPLEN(self);
    if (fill <= 0) {
        return unchanged(self);
    }
    const char *d = TPY_STR_DATA(self);
    intptr_t n = TPY_STR_LEN(self);
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    intptr_t i = 0;
    if (n > 0 && (d[0] == '+' || d[0] == '-')) {
        tpy_strbuf_append_char(&b, d[0]);
        i = 1;
    }
    tpy_strbuf_append_fill(&b, '0', (size_t)fill);
    tpy_strbuf_append(&b, d + i, (size_t)(n - i));
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *str_expandtabs(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    static const char *const names[] = {"tabsize"};
    tpy_object_t *vals[1];
    if (parse_kwargs("expandtabs", args, nargs, kwnames, names, 1, vals) < 0) {
        return NULL;
    }
    intptr_t tabsize = 8;
    if (vals[0] != NULL && as_ssize(vals[0], &tabsize) < 0) {
        if (!tpy_err_matches(&tpy_exc_OverflowError)) {
            return NULL;
        }
        tpy_err_clear();
        tabsize = INTPTR_MAX;
    }
    if (tabsize > INT_MAX || tabsize < INT_MIN) { // CPython's tabsize is a C int
        return tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C int");
    }
    const char *d = TPY_STR_DATA(self);
    intptr_t n = TPY_STR_LEN(self);
    if (memchr(d, '\t', (size_t)n) == NULL) {
        return unchanged(self);
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    intptr_t col = 0;
    for (intptr_t i = 0; i < n; i++) {
        char c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                intptr_t spaces = tabsize - col % tabsize;
                tpy_strbuf_append_fill(&b, ' ', (size_t)spaces);
                col += spaces;
            }
        } else {
            tpy_strbuf_append_char(&b, c);
            if (((unsigned char)c & 0xC0) != 0x80) {
                col++;
            }
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    return tpy_strbuf_finish(&b);
}

/* ---- translate ----------------------------------------------------------------------- */

static tpy_object_t *str_maketrans(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    if (check_clinic("maketrans", nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    tpy_object_t *d = tpy_dict_new();
    if (d == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        tpy_object_t *x = args[0], *key, *value;
        if (!TPY_DICT_CHECK(x)) {
            tpy_err_format(&tpy_exc_TypeError,
                           "if you give only one argument to maketrans it must be a dict");
            goto error;
        }
        intptr_t pos = 0;
        while (tpy_dict_next(x, &pos, &key, &value)) {
            tpy_object_t *k;
            if (TPY_STR_CHECK(key)) {
                if (TPY_STR_CPLEN(key) != 1) {
                    tpy_err_format(&tpy_exc_ValueError,
                                   "string keys in translate table must be of length 1");
                    goto error;
                }
                const unsigned char *p = (const unsigned char *)TPY_STR_DATA(key);
                k = tpy_int_from_i64(tpy_utf8_decode(&p));
            } else if (TPY_INT_CHECK(key)) {
                k = tpy_newref(key);
            } else {
                tpy_err_format(&tpy_exc_TypeError,
                               "keys in translate table must be strings or integers");
                goto error;
            }
            if (k == NULL || tpy_dict_set(d, k, value) < 0) {
                TPY_XDECREF(k);
                goto error;
            }
            TPY_DECREF(k);
        }
        return d;
    }
    for (size_t i = nargs; i-- > 1;) {
        if (!TPY_STR_CHECK(args[i])) {
            tpy_err_format(&tpy_exc_TypeError, "maketrans() argument %zu must be str, not %T",
                           i + 1, args[i]);
            goto error;
        }
    }
    if (!TPY_STR_CHECK(args[0])) {
        tpy_err_format(&tpy_exc_TypeError,
                       "first maketrans argument must be a string if there is a second argument");
        goto error;
    }
    if (TPY_STR_CPLEN(args[0]) != TPY_STR_CPLEN(args[1])) {
        tpy_err_format(&tpy_exc_ValueError,
                       "the first two maketrans arguments must have equal length");
        goto error;
    }
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(args[0]);
    const unsigned char *q = (const unsigned char *)TPY_STR_DATA(args[1]);
    const unsigned char *pend = p + TPY_STR_LEN(args[0]);
    while (p < pend) {
        tpy_object_t *k = tpy_int_from_i64(tpy_utf8_decode(&p));
        tpy_object_t *v = tpy_int_from_i64(tpy_utf8_decode(&q));
        int rc = k && v ? tpy_dict_set(d, k, v) : -1;
        TPY_XDECREF(k);
        TPY_XDECREF(v);
        if (rc < 0) {
            goto error;
        }
    }
    if (nargs == 3) {
        p = (const unsigned char *)TPY_STR_DATA(args[2]);
        pend = p + TPY_STR_LEN(args[2]);
        while (p < pend) {
            tpy_object_t *k = tpy_int_from_i64(tpy_utf8_decode(&p));
            int rc = k ? tpy_dict_set(d, k, tpy_none) : -1;
            TPY_XDECREF(k);
            if (rc < 0) {
                goto error;
            }
        }
    }
    return d;
error:
    TPY_DECREF(d);
    return NULL;
}

static tpy_object_t *str_translate(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (check_onearg("translate", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *table = args[0];
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(self);
    const unsigned char *end = p + TPY_STR_LEN(self);
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    while (p < end) {
        uint32_t c = tpy_utf8_decode(&p);
        tpy_object_t *key = tpy_int_from_i64(c);
        if (key == NULL) {
            goto error;
        }
        tpy_object_t *v = tpy_object_getitem(table, key);
        TPY_DECREF(key);
        if (v == NULL) {
            if (tpy_err_matches(&tpy_exc_LookupError)) {
                tpy_err_clear();
                tpy_strbuf_append_codepoint(&b, c);
                continue;
            }
            goto error;
        }
        if (v == tpy_none) {
            // deleted
        } else if (TPY_STR_CHECK(v)) {
            tpy_strbuf_append_str(&b, v);
        } else if (TPY_INT_CHECK(v)) {
            int overflow = 0;
            int64_t cp = tpy_int_as_i64_overflow(v, &overflow);
            if (overflow || cp < 0 || cp > 0x10FFFF) {
                TPY_DECREF(v);
                tpy_err_format(&tpy_exc_ValueError,
                               "character mapping must be in range(0x110000)");
                goto error;
            }
            tpy_strbuf_append_codepoint(&b, (uint32_t)cp);
        } else {
            TPY_DECREF(v);
            tpy_err_format(&tpy_exc_TypeError,
                           "character mapping must return integer, None or str");
            goto error;
        }
        TPY_DECREF(v);
    }
    return tpy_strbuf_finish(&b);
error:
    tpy_strbuf_release(&b);
    return NULL;
}

/* ---- the rest ------------------------------------------------------------------------- */

static tpy_object_t *str_encode(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return tpy_err_format(&tpy_exc_NotImplementedError, "str.encode is not supported by tpy");
}

static tpy_object_t *str_format(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    return tpy_str_format_method(self, args, nargs, kwnames);
}

static tpy_object_t *str_format_map(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    if (check_onearg("format_map", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_str_format_map(self, args[0]);
}

static tpy_object_t *str_dunder_format(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                       tpy_object_t *kwnames)
{
    if (check_onearg("__format__", nargs, kwnames) < 0) {
        return NULL;
    }
    if (!TPY_STR_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "__format__() argument must be str, not %T",
                              args[0]);
    }
    return tpy_str_format_spec(self, TPY_STR_DATA(args[0]), (size_t)TPY_STR_LEN(args[0]));
}

static tpy_object_t *str_getnewargs(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (check_noargs("__getnewargs__", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *copy = tpy_str_substr(self, 0, TPY_STR_LEN(self), TPY_STR_CPLEN(self));
    if (copy == NULL) {
        return NULL;
    }
    return tpy_tuple_from_array_steal(&copy, 1);
}

const tpy_methoddef_t tpy_str_methods[] = {
    {"split", str_split, 0, "Return a list of the substrings in the string, using sep."},
    {"rsplit", str_rsplit, 0, "Like split, splitting from the right."},
    {"splitlines", str_splitlines, 0, "Return a list of the lines in the string."},
    {"join", str_join, 0, "Concatenate any number of strings."},
    {"strip", str_strip, 0, "Return a copy without leading and trailing whitespace."},
    {"lstrip", str_lstrip, 0, "Return a copy without leading whitespace."},
    {"rstrip", str_rstrip, 0, "Return a copy without trailing whitespace."},
    {"replace", str_replace, 0, "Return a copy with occurrences of old replaced by new."},
    {"find", str_find, 0, "Return the lowest index where sub is found, -1 if absent."},
    {"rfind", str_rfind, 0, "Return the highest index where sub is found, -1 if absent."},
    {"index", str_index, 0, "Like find, raising ValueError when absent."},
    {"rindex", str_rindex, 0, "Like rfind, raising ValueError when absent."},
    {"count", str_count, 0, "Number of non-overlapping occurrences of sub."},
    {"startswith", str_startswith, 0, "Does the string start with the prefix?"},
    {"endswith", str_endswith, 0, "Does the string end with the suffix?"},
    {"upper", str_upper, 0, "Return a copy converted to uppercase."},
    {"lower", str_lower, 0, "Return a copy converted to lowercase."},
    {"title", str_title, 0, "Return a titlecased version of the string."},
    {"capitalize", str_capitalize, 0, "Return a capitalized version of the string."},
    {"swapcase", str_swapcase, 0, "Convert uppercase to lowercase and the reverse."},
    {"casefold", str_casefold, 0, "Return a version suitable for caseless comparisons."},
    {"isdigit", str_isdigit, 0, NULL},
    {"isdecimal", str_isdecimal, 0, NULL},
    {"isnumeric", str_isnumeric, 0, NULL},
    {"isalpha", str_isalpha, 0, NULL},
    {"isalnum", str_isalnum, 0, NULL},
    {"isspace", str_isspace, 0, NULL},
    {"isupper", str_isupper, 0, NULL},
    {"islower", str_islower, 0, NULL},
    {"istitle", str_istitle, 0, NULL},
    {"isidentifier", str_isidentifier, 0, NULL},
    {"isprintable", str_isprintable, 0, NULL},
    {"isascii", str_isascii, 0, NULL},
    {"format", str_format, 0, "Return a formatted version of the string (str.format)."},
    {"format_map", str_format_map, 0, "Like format, with keyword values from a mapping."},
    {"__format__", str_dunder_format, 0, "Format the string according to a format spec."},
    {"zfill", str_zfill, 0, "Pad a numeric string with zeros on the left."},
    {"center", str_center, 0, NULL},
    {"ljust", str_ljust, 0, NULL},
    {"rjust", str_rjust, 0, NULL},
    {"partition", str_partition, 0, NULL},
    {"rpartition", str_rpartition, 0, NULL},
    {"removeprefix", str_removeprefix, 0, NULL},
    {"removesuffix", str_removesuffix, 0, NULL},
    {"expandtabs", str_expandtabs, 0, NULL},
    {"encode", str_encode, 0, "Not supported by tpy (there is no bytes type)."},
    {"maketrans", str_maketrans, TPY_METH_STATIC, "Return a translation table for translate."},
    {"translate", str_translate, 0, "Replace each character through a table."},
    {"__getnewargs__", str_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};
