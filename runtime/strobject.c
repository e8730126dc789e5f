/*
 * runtime/strobject.c - the str type: creation, interning, hashing, comparison,
 * concatenation, repetition, indexing and slicing by code point, iteration,
 * `in`, repr, and the strbuf builder everything else uses to make strings.
 *
 * Invariants: data is valid UTF-8 followed by a NUL; len counts bytes, cplen
 * code points, so len == cplen means ASCII and O(1) indexing.  hash is -1 until
 * computed and a computed hash is never -1.  The empty string and the 128
 * one-character ASCII strings are singletons made at init and interned; every
 * constructor returns them for such contents.  The intern table holds
 * *uncounted* references: str_dealloc removes a dying interned string, and
 * tpy_str_fini drops the table (strings alive at exit stay valid, just no
 * longer interned).  Strings built at run time are never interned implicitly.
 *
 * Mirrors CPython 3.11's str for everything observable except identity of
 * equal strings and the hash values (CPython randomizes them anyway).
 */
#define _GNU_SOURCE
#include "runtime/runtime.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static tpy_object_t *empty_str;
static tpy_object_t *ascii_chars[128];

#define STR_HEADER_SIZE offsetof(tpy_str_t, data)

/* ---- UTF-8 helpers ----------------------------------------------------------- */

size_t tpy_utf8_count(const char *s, size_t n)
{
    // Count the bytes that are not continuation bytes (10xxxxxx).
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if ((w & 0x8080808080808080ull) == 0) {
            count += 8;
            continue;
        }
        for (size_t k = 0; k < 8; k++) {
            count += (p[i + k] & 0xC0) != 0x80;
        }
    }
    for (; i < n; i++) {
        count += (p[i] & 0xC0) != 0x80;
    }
    return count;
}

intptr_t tpy_str_byte_offset(tpy_object_t *op, intptr_t i)
{
    tpy_str_t *s = (tpy_str_t *)op;
    if (s->len == s->cplen) {
        return i;
    }
    const unsigned char *d = (const unsigned char *)s->data;
    if (i <= s->cplen / 2) {
        // Walk forward from the start.
        intptr_t pos = 0;
        while (i > 0) {
            pos++;
            while ((d[pos] & 0xC0) == 0x80) {
                pos++;
            }
            i--;
        }
        return pos;
    }
    // Walk backward from the end: it is nearer.
    intptr_t pos = s->len, back = s->cplen - i;
    while (back > 0) {
        pos--;
        while ((d[pos] & 0xC0) == 0x80) {
            pos--;
        }
        back--;
    }
    return pos;
}

/* ---- creation ------------------------------------------------------------------- */

// An exact str of [len] bytes, the text left to the caller: straight from
// the allocator, with only the header and the NUL written (tpy_obj_new would
// zero the text first).  [len] is known to be sane.  NULL with MemoryError.
static inline tpy_object_t *str_alloc(size_t len, size_t cplen)
{
    tpy_str_t *s = tpy_mem_alloc(STR_HEADER_SIZE + len + 1);
    if (s == NULL) {
        return tpy_err_no_memory();
    }
    s->ob.refcnt = 1;
    s->ob.type = &tpy_str_type;
    TPY_REF_INC_TOTAL();
    s->len = (intptr_t)len;
    s->cplen = (intptr_t)cplen;
    s->hash = -1;
    s->interned = 0;
    s->data[len] = '\0';
    return TPY_OBJ(s);
}

tpy_object_t *tpy_str_new_raw(size_t len, size_t cplen)
{
    if (len > (size_t)INTPTR_MAX - STR_HEADER_SIZE - 1) {
        return tpy_err_no_memory();
    }
    return str_alloc(len, cplen);
}

static inline tpy_object_t *str_from_utf8_cplen(const char *s, size_t len, size_t cplen)
{
    if (len == 0 && empty_str != NULL) {
        return tpy_newref(empty_str);
    }
    if (len == 1 && (unsigned char)s[0] < 128 && ascii_chars[(unsigned char)s[0]] != NULL) {
        return tpy_newref(ascii_chars[(unsigned char)s[0]]);
    }
    // [len] bytes that exist somewhere: no size check needed
    tpy_object_t *r = str_alloc(len, cplen);
    if (r != NULL) {
        tpy_str_copy(TPY_STR_DATA(r), s, len);
    }
    return r;
}

/* ---- decimal text of machine integers ------------------------------------------- */

static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324"
                                  "25262728293031323334353637383940414243444546474849"
                                  "50515253545556575859606162636465666768697071727374"
                                  "75767778798081828384858687888990919293949596979899";

char *tpy_u64_to_dec(uint64_t v, char *end)
{
    // Two digits per division (half the dependent multiply chain), in 32-bit
    // arithmetic once the value fits.
    char *p = end;
    while (v > UINT32_MAX) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    uint32_t w = (uint32_t)v;
    while (w >= 100) {
        uint32_t r = w % 100;
        w /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    if (w >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * w, 2);
    } else {
        *--p = (char)('0' + w);
    }
    return p;
}

// The digits of [v] with its sign, ending just before [end].
static inline char *i64_to_dec(int64_t v, char *end)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char *p = tpy_u64_to_dec(mag, end);
    if (v < 0) {
        *--p = '-';
    }
    return p;
}

tpy_object_t *tpy_str_from_i64(int64_t v)
{
    if (v >= 0 && v < 10 && ascii_chars['0' + v] != NULL) {
        return tpy_newref(ascii_chars['0' + v]);
    }
    char buf[TPY_I64_DEC_MAX + 1];
    char *p = i64_to_dec(v, buf + sizeof buf);
    size_t n = (size_t)(buf + sizeof buf - p);
    tpy_object_t *r = str_alloc(n, n);
    if (r != NULL) {
        tpy_str_copy(TPY_STR_DATA(r), p, n);
    }
    return r;
}

void tpy_strbuf_append_i64(tpy_strbuf_t *b, int64_t v)
{
    char buf[TPY_I64_DEC_MAX + 1];
    char *p = i64_to_dec(v, buf + sizeof buf);
    tpy_strbuf_append_ascii(b, p, (size_t)(buf + sizeof buf - p));
}

tpy_object_t *tpy_str_from_utf8(const char *s, size_t len)
{
    return str_from_utf8_cplen(s, len, tpy_utf8_count(s, len));
}

tpy_object_t *tpy_str_from_cstr(const char *s)
{
    return tpy_str_from_utf8(s, strlen(s));
}

tpy_object_t *tpy_str_substr(tpy_object_t *op, intptr_t start, intptr_t end, intptr_t cplen)
{
    if (start == 0 && end == TPY_STR_LEN(op) && TPY_STR_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    const char *d = TPY_STR_DATA(op) + start;
    size_t n = (size_t)(end - start);
    if (cplen < 0) {
        cplen = TPY_STR_IS_ASCII(op) ? (intptr_t)n : (intptr_t)tpy_utf8_count(d, n);
    }
    return str_from_utf8_cplen(d, n, (size_t)cplen);
}

// Length of the valid UTF-8 sequence at [p] (at most [n] bytes), or 0 when it
// is invalid, with *bad set to the bytes CPython blames and *why to its reason.
static int utf8_check_seq(const unsigned char *p, size_t n, size_t *bad, const char **why)
{
    unsigned c = p[0];
    if (c < 0x80) {
        return 1;
    }
    *bad = 1;
    if (c < 0xC2 || c > 0xF4) {
        *why = "invalid start byte";
        return 0;
    }
    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // The second byte's range excludes overlong forms, surrogates and > U+10FFFF.
    unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k < need; k++) {
        if (k >= n) {
            *bad = k;
            *why = "unexpected end of data";
            return 0;
        }
        unsigned b = p[k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
            *bad = k;
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return (int)need;
}

tpy_object_t *tpy_str_decode_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, cplen = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            cplen++;
            continue;
        }
        size_t bad = 0;
        const char *why = NULL;
        int k = utf8_check_seq(p + i, len - i, &bad, &why);
        if (k == 0) {
            if (bad == 1) {
                return tpy_err_format(&tpy_exc_UnicodeDecodeError,
                                      "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                                      (unsigned)p[i], i, why);
            }
            return tpy_err_format(&tpy_exc_UnicodeDecodeError,
                                  "'utf-8' codec can't decode bytes in position %zu-%zu: %s", i,
                                  i + bad - 1, why);
        }
        i += (size_t)k;
        cplen++;
    }
    return str_from_utf8_cplen(s, len, cplen);
}

/* UTF-8 decoding under one of CPython's error handlers ("strict", "ignore",
 * "replace", "surrogateescape", "backslashreplace", "surrogatepass"; NULL is
 * strict), used by files opened with errors=...  Each invalid part (CPython's
 * maximal invalid subsequence) is dropped, becomes one U+FFFD, or each of its
 * bytes becomes U+DC80..U+DCFF or "\xhh".  An unknown handler name raises
 * LookupError, one that cannot decode NotImplementedError / TypeError, as
 * CPython would, but only when the input has an invalid part. */
tpy_object_t *tpy_str_decode_utf8_errors(const char *s, size_t len, const char *errors);
tpy_object_t *tpy_str_decode_utf8_errors(const char *s, size_t len, const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0) {
        return tpy_str_decode_utf8(s, len);
    }
    tpy_object_t *r = tpy_str_decode_utf8(s, len);
    if (r != NULL || !tpy_err_matches(&tpy_exc_UnicodeDecodeError)) {
        return r;
    }
    int h = strcmp(errors, "ignore") == 0             ? 1
            : strcmp(errors, "replace") == 0          ? 2
            : strcmp(errors, "surrogateescape") == 0  ? 3
            : strcmp(errors, "backslashreplace") == 0 ? 4
            : strcmp(errors, "surrogatepass") == 0    ? 5
                                                      : 0;
    if (h == 0) {
        if (strcmp(errors, "xmlcharrefreplace") == 0 || strcmp(errors, "namereplace") == 0) {
            tpy_err_clear();
            return tpy_err_format(&tpy_exc_TypeError,
                                  "don't know how to handle UnicodeDecodeError in error callback");
        }
        tpy_err_clear();
        return tpy_err_format(&tpy_exc_LookupError, "unknown error handler name '%s'", errors);
    }
    tpy_object_t *saved = tpy_err_fetch();
    const unsigned char *p = (const unsigned char *)s;
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    size_t i = 0;
    while (i < len) {
        size_t bad = 0;
        const char *why = NULL;
        int k = p[i] < 0x80 ? 1 : utf8_check_seq(p + i, len - i, &bad, &why);
        if (k > 0) {
            tpy_strbuf_append(&b, s + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        if (h == 5) {
            // an encoded surrogate (ED A0..BF 80..BF) is taken as it is
            if (p[i] == 0xED && i + 2 < len && (p[i + 1] & 0xE0) == 0xA0 &&
                (p[i + 2] & 0xC0) == 0x80) {
                tpy_strbuf_append(&b, s + i, 3);
                i += 3;
                continue;
            }
            tpy_strbuf_release(&b);
            tpy_err_restore(saved);
            return NULL;
        }
        if (h == 2) {
            tpy_strbuf_append_codepoint(&b, 0xFFFD);
        }
        for (size_t j = 0; j < bad; j++) {
            if (h == 3) {
                tpy_strbuf_append_codepoint(&b, 0xDC00 + p[i + j]);
            } else if (h == 4) {
                tpy_strbuf_printf(&b, "\\x%02x", (unsigned)p[i + j]);
            }
        }
        i += bad;
    }
    TPY_DECREF(saved);
    return tpy_strbuf_finish(&b);
}

tpy_object_t *tpy_str_from_codepoint(uint32_t cp)
{
    if (cp < 128 && ascii_chars[cp] != NULL) {
        return tpy_newref(ascii_chars[cp]);
    }
    char buf[4];
    int n = tpy_utf8_encode(cp, buf);
    return str_from_utf8_cplen(buf, (size_t)n, 1);
}

tpy_object_t *tpy_str_char_at(tpy_object_t *op, intptr_t i)
{
    const unsigned char *d = (const unsigned char *)TPY_STR_DATA(op);
    if (TPY_STR_IS_ASCII(op)) {
        return tpy_newref(ascii_chars[d[i]]);
    }
    const unsigned char *p = d + tpy_str_byte_offset(op, i);
    return tpy_str_from_codepoint(tpy_utf8_decode(&p));
}

tpy_object_t *tpy_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tpy_object_t *r = tpy_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- hashing ------------------------------------------------------------------- */

/*
 * A 64-bit multiply-fold hash: eight bytes at a time, each block folded in
 * with a 64x64->128 multiply whose halves are xor-ed (the "mum" step made
 * popular by wyhash).  Deterministic across runs, so hash() is stable.
 */
static inline uint64_t mum(uint64_t a, uint64_t b)
{
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t load32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

#define HASH_K0 0xa0761d6478bd642full
#define HASH_K1 0xe7037ed1a0b428dbull
#define HASH_K2 0x8ebc6af09c88c6e3ull
#define HASH_K3 0x589965cc75374cc3ull

static uint64_t hash_bytes(const unsigned char *p, size_t n)
{
    uint64_t h = HASH_K0 ^ ((uint64_t)n * HASH_K3);
    uint64_t a, b;
    if (n <= 16) {
        if (n >= 8) {
            a = load64(p);
            b = load64(p + n - 8);
        } else if (n >= 4) {
            a = load32(p);
            b = load32(p + n - 4);
        } else if (n > 0) {
            a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        size_t i = n;
        while (i > 16) {
            h = mum(load64(p) ^ HASH_K1, load64(p + 8) ^ h);
            p += 16;
            i -= 16;
        }
        // The last 16 bytes (overlapping what was already mixed is harmless).
        a = load64(p + i - 16);
        b = load64(p + i - 8);
    }
    h = mum(a ^ HASH_K1, b ^ h ^ HASH_K2);
    return mum(h ^ HASH_K0, (uint64_t)n ^ HASH_K1);
}

int64_t tpy_str_hash(tpy_object_t *op)
{
    tpy_str_t *s = (tpy_str_t *)op;
    if (s->hash != -1) {
        return s->hash;
    }
    // hash('') is 0 in CPython whatever the seed
    int64_t h = 0;
    if (s->len > 0) {
        h = (int64_t)hash_bytes((const unsigned char *)s->data, (size_t)s->len);
    }
    if (h == -1) {
        h = -2;
    }
    s->hash = h;
    return h;
}

static int64_t str_hash(tpy_object_t *op)
{
    return tpy_str_hash(op);
}

/* ---- interning ----------------------------------------------------------------- */

/*
 * Open addressing with linear probing over a power-of-two array of borrowed
 * pointers, at most 2/3 full.  Deletion shifts later members of the probe run
 * back (no tombstones), so lookups stop at the first empty slot.
 */
static tpy_str_t **itab;
static size_t icap, icount;

static size_t intern_find_slot(const char *s, size_t len, int64_t h, bool *found)
{
    size_t mask = icap - 1;
    size_t i = (size_t)h & mask;
    while (itab[i] != NULL) {
        tpy_str_t *e = itab[i];
        if (e->hash == h && (size_t)e->len == len && memcmp(e->data, s, len) == 0) {
            *found = true;
            return i;
        }
        i = (i + 1) & mask;
    }
    *found = false;
    return i;
}

static bool intern_grow(void)
{
    size_t ncap = icap ? icap * 2 : 1024;
    tpy_str_t **ntab = tpy_mem_alloc(ncap * sizeof(*ntab));
    if (ntab == NULL) {
        return false;
    }
    memset(ntab, 0, ncap * sizeof(*ntab));
    for (size_t i = 0; i < icap; i++) {
        tpy_str_t *e = itab[i];
        if (e != NULL) {
            size_t j = (size_t)e->hash & (ncap - 1);
            while (ntab[j] != NULL) {
                j = (j + 1) & (ncap - 1);
            }
            ntab[j] = e;
        }
    }
    tpy_mem_free(itab, icap * sizeof(*itab));
    itab = ntab;
    icap = ncap;
    return true;
}

static void intern_remove(tpy_str_t *s)
{
    if (itab == NULL) {
        return;
    }
    size_t mask = icap - 1;
    size_t i = (size_t)s->hash & mask;
    while (itab[i] != s) {
        if (itab[i] == NULL) {
            return; // not present: cannot happen while the flag is kept right
        }
        i = (i + 1) & mask;
    }
    itab[i] = NULL;
    icount--;
    // Shift back later members of the run whose home lies cyclically at or
    // before the hole.
    size_t hole = i, j = i;
    for (;;) {
        j = (j + 1) & mask;
        tpy_str_t *e = itab[j];
        if (e == NULL) {
            break;
        }
        size_t home = (size_t)e->hash & mask;
        bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
        if (movable) {
            itab[hole] = e;
            itab[j] = NULL;
            hole = j;
        }
    }
}

// Intern [s] (an exact, non-interned str): the canonical object, new reference.
// On allocation failure the string itself is returned uninterned.
static tpy_object_t *intern_lookup_or_add(tpy_object_t *op)
{
    tpy_str_t *s = (tpy_str_t *)op;
    if (s->interned) {
        return tpy_newref(op);
    }
    int64_t h = tpy_str_hash(op);
    if (itab == NULL || (icount + 1) * 3 > icap * 2) {
        if (!intern_grow()) {
            return tpy_newref(op);
        }
    }
    bool found;
    size_t i = intern_find_slot(s->data, (size_t)s->len, h, &found);
    if (found) {
        return tpy_newref(TPY_OBJ(itab[i]));
    }
    itab[i] = s;
    icount++;
    s->interned = 1;
    return tpy_newref(op);
}

void tpy_str_intern_inplace(tpy_object_t **p)
{
    tpy_object_t *s = *p;
    if (!TPY_STR_CHECK_EXACT(s) || ((tpy_str_t *)s)->interned) {
        return;
    }
    tpy_object_t *canon = intern_lookup_or_add(s);
    *p = canon;
    TPY_DECREF(s);
}

tpy_object_t *tpy_str_intern_cstr(const char *cs)
{
    size_t len = strlen(cs);
    if (itab != NULL) {
        int64_t h = (int64_t)hash_bytes((const unsigned char *)cs, len);
        if (h == -1) {
            h = -2;
        }
        bool found;
        size_t i = intern_find_slot(cs, len, h, &found);
        if (found) {
            return tpy_newref(TPY_OBJ(itab[i]));
        }
    }
    tpy_object_t *s = tpy_str_from_utf8(cs, len);
    if (s == NULL) {
        return NULL;
    }
    tpy_str_intern_inplace(&s);
    return s;
}

bool tpy_str_is_interned(tpy_object_t *op)
{
    return ((tpy_str_t *)op)->interned != 0;
}

/* ---- comparison -------------------------------------------------------------------- */

bool tpy_str_eq(tpy_object_t *a, tpy_object_t *b)
{
    if (a == b) {
        return true;
    }
    tpy_str_t *x = (tpy_str_t *)a, *y = (tpy_str_t *)b;
    if (x->len != y->len) {
        return false;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return false;
    }
    return memcmp(x->data, y->data, (size_t)x->len) == 0;
}

bool tpy_str_eq_cstr(tpy_object_t *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)TPY_STR_LEN(a) == n && memcmp(TPY_STR_DATA(a), s, n) == 0;
}

// UTF-8 byte order is code point order, so memcmp gives Python's ordering.
static int str_compare(tpy_object_t *a, tpy_object_t *b)
{
    intptr_t la = TPY_STR_LEN(a), lb = TPY_STR_LEN(b);
    int c = memcmp(TPY_STR_DATA(a), TPY_STR_DATA(b), (size_t)(la < lb ? la : lb));
    if (c != 0) {
        return c;
    }
    return (la > lb) - (la < lb);
}

static tpy_object_t *str_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (!TPY_STR_CHECK(a) || !TPY_STR_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    bool r;
    switch (op) {
    case TPY_CMP_EQ:
        r = tpy_str_eq(a, b);
        break;
    case TPY_CMP_NE:
        r = !tpy_str_eq(a, b);
        break;
    case TPY_CMP_LT:
        r = str_compare(a, b) < 0;
        break;
    case TPY_CMP_LE:
        r = str_compare(a, b) <= 0;
        break;
    case TPY_CMP_GT:
        r = str_compare(a, b) > 0;
        break;
    default:
        r = str_compare(a, b) >= 0;
        break;
    }
    TPY_RETURN_BOOL(r);
}

/* ---- concatenation and repetition ------------------------------------------------- */

tpy_object_t *tpy_str_concat(tpy_object_t *a, tpy_object_t *b)
{
    intptr_t la = TPY_STR_LEN(a), lb = TPY_STR_LEN(b);
    if (lb == 0 && TPY_STR_CHECK_EXACT(a)) {
        return tpy_newref(a);
    }
    if (la == 0 && TPY_STR_CHECK_EXACT(b)) {
        return tpy_newref(b);
    }
    if (la > INTPTR_MAX - lb) {
        return tpy_err_format(&tpy_exc_OverflowError, "strings are too large to concat");
    }
    tpy_object_t *r = str_alloc((size_t)(la + lb), (size_t)(TPY_STR_CPLEN(a) + TPY_STR_CPLEN(b)));
    if (r == NULL) {
        return NULL;
    }
    tpy_str_copy(TPY_STR_DATA(r), TPY_STR_DATA(a), (size_t)la);
    tpy_str_copy(TPY_STR_DATA(r) + la, TPY_STR_DATA(b), (size_t)lb);
    return r;
}

int tpy_str_append_inplace(tpy_object_t **pa, tpy_object_t *b)
{
    tpy_object_t *a = *pa;
    tpy_str_t *s = (tpy_str_t *)a;
    intptr_t la = s->len, lb = TPY_STR_LEN(b);
    if (TPY_REFCNT(a) != 1 || !TPY_STR_CHECK_EXACT(a) || s->interned || la == 0 || lb == 0 ||
        la > INTPTR_MAX / 2 - lb) {
        tpy_object_t *r = tpy_str_concat(a, b);
        *pa = r;
        TPY_DECREF(a);
        return r ? 0 : -1;
    }
    // Sole owner: grow the block in place (realloc may move it, but nobody
    // else can see the old address).
    size_t oldsize = STR_HEADER_SIZE + (size_t)la + 1;
    size_t newsize = oldsize + (size_t)lb;
    tpy_str_t *n = tpy_mem_realloc(s, oldsize, newsize);
    if (n == NULL) {
        *pa = NULL;
        TPY_DECREF(a);
        tpy_err_no_memory();
        return -1;
    }
    tpy_str_copy(n->data + la, TPY_STR_DATA(b), (size_t)lb);
    n->data[la + lb] = '\0';
    n->len = la + lb;
    n->cplen += TPY_STR_CPLEN(b);
    n->hash = -1;
    *pa = TPY_OBJ(n);
    return 0;
}

// True when [other] belongs to a user class implementing the reflected
// operator: the str slot then declines so that __rop__ gets its chance.
static bool defers_to(tpy_object_t *other, int op)
{
    tpy_type_t *t = TPY_TYPE(other);
    return TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_HEAPTYPE) && tpy_type_binop(t, op) != NULL;
}

static tpy_object_t *str_add(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_STR_CHECK(a)) {
        TPY_RETURN_NOTIMPL;
    }
    if (!TPY_STR_CHECK(b)) {
        if (defers_to(b, TPY_BINOP_ADD)) {
            TPY_RETURN_NOTIMPL;
        }
        return tpy_err_format(&tpy_exc_TypeError, "can only concatenate str (not \"%T\") to str",
                              b);
    }
    return tpy_str_concat(a, b);
}

static tpy_object_t *str_repeat(tpy_object_t *s, intptr_t n)
{
    intptr_t len = TPY_STR_LEN(s);
    if (n <= 0 || len == 0) {
        return tpy_newref(empty_str);
    }
    if (n == 1 && TPY_STR_CHECK_EXACT(s)) {
        return tpy_newref(s);
    }
    if (len > INTPTR_MAX / n) {
        return tpy_err_format(&tpy_exc_OverflowError, "repeated string is too long");
    }
    size_t total = (size_t)len * (size_t)n;
    tpy_object_t *r = tpy_str_new_raw(total, (size_t)TPY_STR_CPLEN(s) * (size_t)n);
    if (r == NULL) {
        return NULL;
    }
    char *d = TPY_STR_DATA(r);
    if (len == 1) {
        memset(d, TPY_STR_DATA(s)[0], total);
        return r;
    }
    // Doubling copies: O(log n) memcpy calls.
    memcpy(d, TPY_STR_DATA(s), (size_t)len);
    size_t done = (size_t)len;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(d + done, d, chunk);
        done += chunk;
    }
    return r;
}

static tpy_object_t *str_mul(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *s = a, *count = b;
    if (!TPY_STR_CHECK(a)) {
        s = b;
        count = a;
    }
    if (!TPY_STR_CHECK(s)) {
        TPY_RETURN_NOTIMPL;
    }
    if (!TPY_INT_CHECK(count) && TPY_TYPE(count)->tp_index == NULL) {
        if (defers_to(count, TPY_BINOP_MUL)) {
            TPY_RETURN_NOTIMPL;
        }
        return tpy_err_format(&tpy_exc_TypeError,
                              "can't multiply sequence by non-int of type '%T'", count);
    }
    tpy_object_t *idx = tpy_number_index(count);
    if (idx == NULL) {
        return NULL;
    }
    int overflow = 0;
    int64_t n = tpy_int_as_i64_overflow(idx, &overflow);
    TPY_DECREF(idx);
    if (overflow) {
        return tpy_err_format(&tpy_exc_OverflowError,
                              "cannot fit 'int' into an index-sized integer");
    }
    return str_repeat(s, (intptr_t)n);
}

static tpy_object_t *str_mod(tpy_object_t *a, tpy_object_t *b)
{
    if (!TPY_STR_CHECK(a)) {
        TPY_RETURN_NOTIMPL;
    }
    return tpy_str_mod_format(a, b);
}

/* ---- sequence protocol ----------------------------------------------------------- */

static intptr_t str_len(tpy_object_t *op)
{
    return TPY_STR_CPLEN(op);
}

static int str_contains(tpy_object_t *self, tpy_object_t *item)
{
    if (!TPY_STR_CHECK(item)) {
        tpy_err_format(&tpy_exc_TypeError, "'in <string>' requires string as left operand, not %T",
                       item);
        return -1;
    }
    intptr_t n = TPY_STR_LEN(item), h = TPY_STR_LEN(self);
    if (n == 0) {
        return 1;
    }
    if (n > h) {
        return 0;
    }
    if (n == 1) {
        return memchr(TPY_STR_DATA(self), TPY_STR_DATA(item)[0], (size_t)h) != NULL;
    }
    return memmem(TPY_STR_DATA(self), (size_t)h, TPY_STR_DATA(item), (size_t)n) != NULL;
}

static tpy_object_t *str_slice(tpy_object_t *self, tpy_object_t *slice)
{
    intptr_t start, stop, step;
    intptr_t n = tpy_slice_unpack(slice, TPY_STR_CPLEN(self), &start, &stop, &step);
    if (n < 0) {
        return NULL;
    }
    if (n == 0) {
        return tpy_newref(empty_str);
    }
    if (step == 1) {
        intptr_t b0 = tpy_str_byte_offset(self, start);
        intptr_t b1 = TPY_STR_IS_ASCII(self) ? stop : b0;
        if (!TPY_STR_IS_ASCII(self)) {
            // Walk forward n code points from b0.
            const unsigned char *d = (const unsigned char *)TPY_STR_DATA(self);
            for (intptr_t k = 0; k < n; k++) {
                b1++;
                while (b1 < TPY_STR_LEN(self) && (d[b1] & 0xC0) == 0x80) {
                    b1++;
                }
            }
        }
        return tpy_str_substr(self, b0, b1, n);
    }
    const char *d = TPY_STR_DATA(self);
    if (TPY_STR_IS_ASCII(self)) {
        tpy_object_t *r = tpy_str_new_raw((size_t)n, (size_t)n);
        if (r == NULL) {
            return NULL;
        }
        char *out = TPY_STR_DATA(r);
        for (intptr_t k = 0, i = start; k < n; k++, i += step) {
            out[k] = d[i];
        }
        if (n == 1) {
            TPY_SETREF(r, tpy_newref(ascii_chars[(unsigned char)out[0]]));
        }
        return r;
    }
    // Non-ASCII with a step: one pass records the byte offset of every code
    // point, then the selected ones are copied.
    intptr_t cplen = TPY_STR_CPLEN(self);
    intptr_t *offs = tpy_mem_alloc((size_t)(cplen + 1) * sizeof(intptr_t));
    if (offs == NULL) {
        return tpy_err_no_memory();
    }
    const unsigned char *p = (const unsigned char *)d;
    for (intptr_t i = 0; i < cplen; i++) {
        offs[i] = (intptr_t)((const char *)p - d);
        tpy_utf8_decode(&p);
    }
    offs[cplen] = TPY_STR_LEN(self);
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    for (intptr_t k = 0, i = start; k < n; k++, i += step) {
        tpy_strbuf_append(&b, d + offs[i], (size_t)(offs[i + 1] - offs[i]));
    }
    tpy_mem_free(offs, (size_t)(cplen + 1) * sizeof(intptr_t));
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *str_getitem(tpy_object_t *self, tpy_object_t *key)
{
    if (TPY_SLICE_CHECK(key)) {
        return str_slice(self, key);
    }
    int64_t i;
    if (TPY_INT_CHECK_EXACT(key) && tpy_int_is_small(key)) {
        i = ((tpy_int_t *)key)->v;
    } else {
        tpy_object_t *idx;
        if (TPY_INT_CHECK(key)) {
            idx = tpy_newref(key);
        } else if (TPY_TYPE(key)->tp_index != NULL) {
            idx = tpy_number_index(key);
            if (idx == NULL) {
                return NULL;
            }
        } else {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "string indices must be integers, not '%T'", key);
        }
        int overflow = 0;
        i = tpy_int_as_i64_overflow(idx, &overflow);
        TPY_DECREF(idx);
        if (overflow) {
            return tpy_err_format(&tpy_exc_IndexError,
                                  "cannot fit 'int' into an index-sized integer");
        }
    }
    intptr_t n = TPY_STR_CPLEN(self);
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return tpy_err_format(&tpy_exc_IndexError, "string index out of range");
    }
    return tpy_str_char_at(self, (intptr_t)i);
}

/* ---- repr -------------------------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

// Append the escape for [cp] (\xhh, \uhhhh or \Uhhhhhhhh).
static void append_hex_escape(tpy_strbuf_t *b, uint32_t cp)
{
    char buf[10];
    int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    buf[0] = '\\';
    buf[1] = cp < 0x100 ? 'x' : cp < 0x10000 ? 'u' : 'U';
    for (int k = 0; k < digits; k++) {
        buf[2 + k] = hexdigits[(cp >> (4 * (digits - 1 - k))) & 0xF];
    }
    tpy_strbuf_append(b, buf, (size_t)(2 + digits));
}

// repr of the text [d, d+n); [ascii_only] escapes every non-ASCII code point.
static tpy_object_t *repr_bytes(const char *d, size_t n, bool ascii_only)
{
    bool has_sq = memchr(d, '\'', n) != NULL;
    bool has_dq = memchr(d, '"', n) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_reserve(&b, n + 2);
    tpy_strbuf_append_char(&b, quote);
    const unsigned char *p = (const unsigned char *)d, *end = p + n;
    while (p < end) {
        // Copy the longest run needing no escape in one go.
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x7F && *p != '\\' && *p != (unsigned char)quote) {
            p++;
        }
        if (p > run) {
            tpy_strbuf_append(&b, (const char *)run, (size_t)(p - run));
        }
        if (p >= end) {
            break;
        }
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            if (c == '\\' || c == (unsigned char)quote) {
                char esc[2] = {'\\', (char)c};
                tpy_strbuf_append(&b, esc, 2);
            } else if (c == '\n') {
                tpy_strbuf_append(&b, "\\n", 2);
            } else if (c == '\t') {
                tpy_strbuf_append(&b, "\\t", 2);
            } else if (c == '\r') {
                tpy_strbuf_append(&b, "\\r", 2);
            } else {
                append_hex_escape(&b, c);
            }
            continue;
        }
        const unsigned char *start = p;
        uint32_t cp = tpy_utf8_decode(&p);
        if (!ascii_only && tpy_unicode_isprintable(cp)) {
            tpy_strbuf_append(&b, (const char *)start, (size_t)(p - start));
        } else {
            append_hex_escape(&b, cp);
        }
    }
    tpy_strbuf_append_char(&b, quote);
    return tpy_strbuf_finish(&b);
}

tpy_object_t *tpy_str_repr(tpy_object_t *op)
{
    return repr_bytes(TPY_STR_DATA(op), (size_t)TPY_STR_LEN(op), false);
}

tpy_object_t *tpy_object_ascii(tpy_object_t *op)
{
    tpy_object_t *r = tpy_object_repr(op);
    if (r == NULL || TPY_STR_IS_ASCII(r)) {
        return r;
    }
    // Escape the non-ASCII code points of the repr, keeping the rest as is.
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(r);
    const unsigned char *end = p + TPY_STR_LEN(r);
    while (p < end) {
        if (*p < 0x80) {
            tpy_strbuf_append_char(&b, (char)*p++);
        } else {
            append_hex_escape(&b, tpy_utf8_decode(&p));
        }
    }
    TPY_DECREF(r);
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *str_repr(tpy_object_t *op)
{
    return tpy_str_repr(op);
}

// str(s): the object itself for an exact str, an exact copy for a subclass.
static tpy_object_t *str_str(tpy_object_t *op)
{
    if (TPY_STR_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    return str_from_utf8_cplen(TPY_STR_DATA(op), (size_t)TPY_STR_LEN(op),
                               (size_t)TPY_STR_CPLEN(op));
}

/* ---- join ------------------------------------------------------------------------ */

tpy_object_t *tpy_str_join(tpy_object_t *sep, tpy_object_t *iterable)
{
    tpy_object_t *seq;
    if (TPY_LIST_CHECK_EXACT(iterable) || TPY_TUPLE_CHECK_EXACT(iterable)) {
        seq = tpy_newref(iterable);
    } else {
        tpy_object_t *it = tpy_object_getiter(iterable);
        if (it == NULL) {
            if (tpy_err_matches(&tpy_exc_TypeError)) {
                tpy_err_clear();
                return tpy_err_format(&tpy_exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        seq = tpy_sequence_list(it); // iter(it) is it: nothing is consumed twice
        TPY_DECREF(it);
        if (seq == NULL) {
            return NULL;
        }
    }
    intptr_t n;
    tpy_object_t *const *items;
    if (TPY_TUPLE_CHECK_EXACT(seq)) {
        n = TPY_TUPLE_SIZE(seq);
        items = TPY_TUPLE_ITEMS(seq);
    } else {
        n = TPY_LIST_SIZE(seq);
        items = TPY_LIST_ITEMS(seq);
    }
    tpy_object_t *r = NULL;
    if (n == 0) {
        r = tpy_newref(empty_str);
        goto done;
    }
    // Pass 1: check the items and add up the sizes (no Python code runs, so
    // the list cannot change under us).
    size_t total = 0, cptotal = 0;
    size_t seplen = (size_t)TPY_STR_LEN(sep), sepcp = (size_t)TPY_STR_CPLEN(sep);
    for (intptr_t i = 0; i < n; i++) {
        tpy_object_t *item = items[i];
        if (!TPY_STR_CHECK(item)) {
            tpy_err_format(&tpy_exc_TypeError,
                           "sequence item %zd: expected str instance, %T found", i, item);
            goto done;
        }
        total += (size_t)TPY_STR_LEN(item);
        cptotal += (size_t)TPY_STR_CPLEN(item);
        if (total > (size_t)INTPTR_MAX / 2) {
            tpy_err_format(&tpy_exc_OverflowError,
                           "join() result is too long for a Python string");
            goto done;
        }
    }
    if (n == 1 && TPY_STR_CHECK_EXACT(items[0])) {
        r = tpy_newref(items[0]);
        goto done;
    }
    total += seplen * (size_t)(n - 1);
    cptotal += sepcp * (size_t)(n - 1);
    r = tpy_str_new_raw(total, cptotal);
    if (r == NULL) {
        goto done;
    }
    // Pass 2: copy.
    char *out = TPY_STR_DATA(r);
    const char *sd = TPY_STR_DATA(sep);
    for (intptr_t i = 0; i < n; i++) {
        if (i > 0 && seplen > 0) {
            if (seplen == 1) {
                *out++ = sd[0];
            } else {
                tpy_str_copy(out, sd, seplen);
                out += seplen;
            }
        }
        size_t l = (size_t)TPY_STR_LEN(items[i]);
        tpy_str_copy(out, TPY_STR_DATA(items[i]), l);
        out += l;
    }
    if (total == 1) {
        TPY_SETREF(r, tpy_newref(ascii_chars[(unsigned char)TPY_STR_DATA(r)[0]]));
    }
done:
    TPY_DECREF(seq);
    return r;
}

/* ---- construction ------------------------------------------------------------------ */

// A new instance of str subclass [type] with the contents of exact str [s].
// Heap subclasses are GC types (typeobject.c): the instance gets a GC header
// and holds a reference to its type, which subtype_dealloc releases.
static tpy_object_t *str_subclass_new(tpy_type_t *type, tpy_object_t *s)
{
    size_t len = (size_t)TPY_STR_LEN(s);
    tpy_str_t *r = (tpy_str_t *)tpy_type_generic_alloc(type, len + 1);
    if (r == NULL) {
        return NULL;
    }
    r->len = (intptr_t)len;
    r->cplen = TPY_STR_CPLEN(s);
    r->hash = -1;
    r->interned = 0;
    memcpy(r->data, TPY_STR_DATA(s), len + 1);
    if (TPY_TYPE_IS_GC(type)) {
        tpy_gc_track(TPY_OBJ(r));
    }
    return TPY_OBJ(r);
}

static tpy_object_t *str_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    tpy_object_t *vals[3] = {NULL, NULL, NULL};
    if (nargs == 1 && kwnames == NULL && type == &tpy_str_type) {
        // str(x) of the two commonest types, without the tp_str dispatch
        // (neither can be overridden on the exact built-in type).
        tpy_object_t *x = args[0];
        if (TPY_STR_CHECK_EXACT(x)) {
            return tpy_newref(x);
        }
        if (TPY_INT_CHECK_EXACT(x) && tpy_int_is_small(x)) {
            return tpy_str_from_i64(((tpy_int_t *)x)->v);
        }
        return tpy_object_str(x);
    }
    if (nargs > 3) {
        return tpy_err_format(&tpy_exc_TypeError, "str() takes at most 3 arguments (%zu given)",
                              nargs);
    }
    for (size_t i = 0; i < nargs; i++) {
        vals[i] = args[i];
    }
    size_t nkw = tpy_kwcount(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, k);
        int i = 0;
        while (i < 3 && !tpy_str_eq_cstr(kw, names[i])) {
            i++;
        }
        if (i == 3) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "'%U' is an invalid keyword argument for str()", kw);
        }
        if (vals[i] != NULL) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "argument for str() given by name ('%s') and position (%d)",
                                  names[i], i + 1);
        }
        vals[i] = args[nargs + k];
    }
    for (int i = 1; i < 3; i++) {
        if (vals[i] != NULL && !TPY_STR_CHECK(vals[i])) {
            return tpy_err_format(&tpy_exc_TypeError, "str() argument '%s' must be str, not %T",
                                  names[i], vals[i]);
        }
    }
    if (vals[1] != NULL || vals[2] != NULL) {
        if (vals[0] != NULL && TPY_STR_CHECK(vals[0])) {
            return tpy_err_format(&tpy_exc_TypeError, "decoding str is not supported");
        }
        if (vals[0] == NULL) {
            vals[0] = empty_str;
        } else {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "decoding to str: need a bytes-like object, %T found", vals[0]);
        }
    }
    tpy_object_t *s = vals[0] ? tpy_object_str(vals[0]) : tpy_newref(empty_str);
    if (s == NULL || type == &tpy_str_type) {
        return s;
    }
    tpy_object_t *r = str_subclass_new(type, s);
    TPY_DECREF(s);
    return r;
}

static void str_dealloc(tpy_object_t *op)
{
    tpy_str_t *s = (tpy_str_t *)op;
    if (s->interned) {
        intern_remove(s);
    }
    tpy_type_t *type = TPY_TYPE(op);
    if (type == &tpy_str_type) {
        tpy_mem_free(op, STR_HEADER_SIZE + (size_t)s->len + 1); // str_alloc's block
    } else if (TPY_TYPE_IS_GC(type)) {
        // A subclass instance: subtype_dealloc untracked it and drops the type.
        tpy_gc_free(op, type->tp_basicsize + (size_t)s->len + 1);
    } else {
        tpy_obj_free(op, type->tp_basicsize + (size_t)s->len + 1);
    }
}

/* ---- iteration -------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *str; // NULL once exhausted
    intptr_t offset;   // byte offset of the next code point
} tpy_striter_t;

static tpy_object_t *str_iter(tpy_object_t *op)
{
    tpy_striter_t *it = (tpy_striter_t *)tpy_obj_new(&tpy_striter_type, sizeof(tpy_striter_t));
    if (it == NULL) {
        return tpy_err_no_memory();
    }
    it->str = tpy_newref(op);
    it->offset = 0;
    return TPY_OBJ(it);
}

static tpy_object_t *striter_next(tpy_object_t *op)
{
    tpy_striter_t *it = (tpy_striter_t *)op;
    if (it->str == NULL) {
        return NULL;
    }
    if (it->offset >= TPY_STR_LEN(it->str)) {
        TPY_CLEAR(it->str);
        return NULL;
    }
    const unsigned char *d = (const unsigned char *)TPY_STR_DATA(it->str);
    const unsigned char *p = d + it->offset;
    if (*p < 0x80) {
        it->offset++;
        return tpy_newref(ascii_chars[*p]);
    }
    uint32_t cp = tpy_utf8_decode(&p);
    it->offset = (intptr_t)(p - d);
    return tpy_str_from_codepoint(cp);
}

static void striter_dealloc(tpy_object_t *op)
{
    tpy_striter_t *it = (tpy_striter_t *)op;
    TPY_CLEAR(it->str);
    tpy_obj_free(op, sizeof(tpy_striter_t));
}

static tpy_object_t *striter_length_hint(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    tpy_striter_t *it = (tpy_striter_t *)self;
    if (it->str == NULL) {
        return tpy_int_from_i64(0);
    }
    intptr_t rest = TPY_STR_LEN(it->str) - it->offset;
    if (!TPY_STR_IS_ASCII(it->str)) {
        rest = (intptr_t)tpy_utf8_count(TPY_STR_DATA(it->str) + it->offset, (size_t)rest);
    }
    return tpy_int_from_i64(rest);
}

static const tpy_methoddef_t striter_methods[] = {
    {"__length_hint__", striter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_striter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(tpy_striter_t),
    .tp_dealloc = striter_dealloc,
    .tp_iter = tpy_iter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

tpy_type_t tpy_str_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "str",
    .tp_basicsize = sizeof(tpy_str_t),
    .tp_itemsize = 1,
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_STR_SUBCLASS,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr,
    .tp_str = str_str,
    .tp_hash = str_hash,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_new = str_new,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_ADD] = str_add, [TPY_BINOP_MUL] = str_mul, [TPY_BINOP_MOD] = str_mod},
    .tp_len = str_len,
    .tp_getitem = str_getitem,
    .tp_contains = str_contains,
    .tp_methods = tpy_str_methods,
    .tp_doc = "str(object='') -> str",
};

/* ---- the strbuf builder ------------------------------------------------------------- */

bool tpy_strbuf_reserve(tpy_strbuf_t *b, size_t extra)
{
    if (b->failed) {
        return false;
    }
    // Keep one byte for the NUL the final string needs.
    if (extra < b->cap - b->len) {
        return true;
    }
    if (extra > SIZE_MAX / 4 - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    size_t ncap = b->cap * 2;
    if (ncap < need) {
        ncap = need;
    }
    char *p;
    if (b->data == b->inline_buf) {
        p = tpy_mem_alloc(ncap);
        if (p != NULL) {
            memcpy(p, b->data, b->len);
        }
    } else {
        p = tpy_mem_realloc(b->data, b->cap, ncap);
    }
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = ncap;
    return true;
}

void tpy_strbuf_append(tpy_strbuf_t *b, const char *s, size_t len)
{
    if (!tpy_strbuf_reserve(b, len)) {
        return;
    }
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->cplen += tpy_utf8_count(s, len);
}

void tpy_strbuf_append_cstr(tpy_strbuf_t *b, const char *s)
{
    tpy_strbuf_append(b, s, strlen(s));
}

void tpy_strbuf_append_codepoint(tpy_strbuf_t *b, uint32_t cp)
{
    char buf[4];
    int n = tpy_utf8_encode(cp, buf);
    if (!tpy_strbuf_reserve(b, (size_t)n)) {
        return;
    }
    memcpy(b->data + b->len, buf, (size_t)n);
    b->len += (size_t)n;
    b->cplen++;
}

void tpy_strbuf_append_fill(tpy_strbuf_t *b, uint32_t cp, size_t n)
{
    char buf[4];
    int k = tpy_utf8_encode(cp, buf);
    if (n == 0 || n > SIZE_MAX / 8 || !tpy_strbuf_reserve(b, n * (size_t)k)) {
        if (n > SIZE_MAX / 8) {
            b->failed = true;
        }
        return;
    }
    char *out = b->data + b->len;
    if (k == 1) {
        memset(out, buf[0], n);
    } else {
        for (size_t i = 0; i < n; i++) {
            memcpy(out + i * (size_t)k, buf, (size_t)k);
        }
    }
    b->len += n * (size_t)k;
    b->cplen += n;
}

void tpy_strbuf_printf(tpy_strbuf_t *b, const char *fmt, ...)
{
    if (b->failed) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n >= room) {
        if (!tpy_strbuf_reserve(b, (size_t)n)) {
            return;
        }
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->cplen += tpy_utf8_count(b->data + b->len, (size_t)n);
    b->len += (size_t)n;
}

int tpy_strbuf_append_repr(tpy_strbuf_t *b, tpy_object_t *op)
{
    tpy_object_t *r = tpy_object_repr(op);
    if (r == NULL) {
        return -1;
    }
    tpy_strbuf_append_str(b, r);
    TPY_DECREF(r);
    return 0;
}

int tpy_strbuf_append_strof(tpy_strbuf_t *b, tpy_object_t *op)
{
    if (TPY_STR_CHECK(op)) {
        tpy_strbuf_append_str(b, op);
        return 0;
    }
    tpy_object_t *r = tpy_object_str(op);
    if (r == NULL) {
        return -1;
    }
    tpy_strbuf_append_str(b, r);
    TPY_DECREF(r);
    return 0;
}

void tpy_strbuf_release(tpy_strbuf_t *b)
{
    if (b->data != b->inline_buf) {
        tpy_mem_free(b->data, b->cap);
    }
    b->data = b->inline_buf;
    b->len = 0;
    b->cap = sizeof(b->inline_buf);
    b->cplen = 0;
}

tpy_object_t *tpy_strbuf_finish(tpy_strbuf_t *b)
{
    if (b->failed) {
        tpy_strbuf_release(b);
        b->failed = false;
        return tpy_err_no_memory();
    }
    tpy_object_t *r = str_from_utf8_cplen(b->data, b->len, b->cplen);
    tpy_strbuf_release(b);
    return r;
}

/* ---- start-up and shutdown ----------------------------------------------------------- */

void tpy_str_init(void)
{
    if (empty_str == NULL) {
        empty_str = tpy_str_new_raw(0, 0);
        tpy_str_intern_inplace(&empty_str);
    }
    for (int c = 0; c < 128; c++) {
        if (ascii_chars[c] == NULL) {
            tpy_object_t *s = tpy_str_new_raw(1, 1);
            TPY_STR_DATA(s)[0] = (char)c;
            tpy_str_intern_inplace(&s);
            ascii_chars[c] = s;
        }
    }
    if (TPY_TYPE_HAS_FLAG(&tpy_object_type, TPY_TPFLAGS_READY)) {
        tpy_str_ready();
    }
}

int tpy_str_ready(void)
{
    if (tpy_type_ready(&tpy_str_type) < 0 || tpy_type_ready(&tpy_striter_type) < 0) {
        return -1;
    }
    return 0;
}

void tpy_str_fini(void)
{
    // Forget the table first: strings that outlive it are simply not interned.
    for (size_t i = 0; i < icap; i++) {
        if (itab[i] != NULL) {
            itab[i]->interned = 0;
        }
    }
    tpy_mem_free(itab, icap * sizeof(*itab));
    itab = NULL;
    icap = icount = 0;
    for (int c = 0; c < 128; c++) {
        TPY_CLEAR(ascii_chars[c]);
    }
    TPY_CLEAR(empty_str);
}
