/*
 * runtime/intobject.c - int and bool, with CPython 3.11's semantics.
 *
 * Layout.  Every int is a tpy_int_t { header, int64 v }.  When v >=
 * TPY_INT_SMALL_MIN the value is v: the small form, 24 bytes.  Below that, v is
 * the tag TAG_ZERO + n of the big form: |n| >= 2 is the digit count, the sign
 * of n the sign of the value, and the magnitude follows as |n| uint32 digits,
 * little-endian base 2**32 with a non-zero top digit, at byte offset
 * TPY_TYPE(op)->tp_basicsize (so a user subclass that appends fields still
 * works).  An exact big int is thus 24 + 4|n| bytes, never more than CPython's
 * 24 + 4 * ceil(bits / 30).  Invariants: the form is canonical (a value is
 * small exactly when it lies in [TPY_INT_SMALL_MIN, INT64_MAX]: the big form
 * also holds the 2**32 int64 values below TPY_INT_SMALL_MIN), and every
 * result in -5..256 is the static tpy_smallints object (never freed).  Dead
 * exact small ints are recycled through a bounded free list.
 * Semantics: floor division and modulo, two's-complement bitwise operators on
 * negative values, hash modulo 2**61-1, correctly rounded int/int and
 * int->float, and the 4300-digit limit on str<->int conversion.
 */
#include "runtime/intobject.h"

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/floatobject.h"
#include "runtime/longarith.h"
#include "runtime/numformat.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V(op) (((tpy_int_t *)(op))->v)
#define IS_SMALL(op) tpy_int_is_small(op)
#define FITS(v) tpy_int_fits_small(v)
// The big form's tag for a signed digit count n is TAG_ZERO + n, below TPY_INT_SMALL_MIN.
#define TAG_ZERO (INT64_MIN + (INT64_C(1) << 31))
_Static_assert(LA_MAX_DIGITS < ((size_t)1 << 31), "a digit count fits in the tag");
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define INT_FREELIST_MAX 256

/* The big form's signed digit count, digit count and digits. */
static inline int64_t big_count(tpy_object_t *op)
{
    return V(op) - TAG_ZERO;
}

static inline size_t big_len(tpy_object_t *op)
{
    int64_t n = big_count(op);
    return (size_t)(n < 0 ? -n : n);
}

static inline la_digit_t *big_digits(tpy_object_t *op)
{
    return (la_digit_t *)((char *)op + TPY_TYPE(op)->tp_basicsize);
}

/* A borrowed pooled int. */
#define SMALL(n) TPY_OBJ(&tpy_smallints[(n)-TPY_SMALLINT_MIN])

static inline bool int_check(tpy_object_t *op)
{
    return TPY_INT_CHECK(op);
}

/* ---- the static objects ------------------------------------------------------ */

#define SI(n)                                                                                     \
    {                                                                                             \
        {TPY_STATIC_REFCNT, &tpy_int_type}, (n)                                                   \
    }
#define SI4(n) SI(n), SI((n) + 1), SI((n) + 2), SI((n) + 3)
#define SI16(n) SI4(n), SI4((n) + 4), SI4((n) + 8), SI4((n) + 12)
#define SI64(n) SI16(n), SI16((n) + 16), SI16((n) + 32), SI16((n) + 48)
#define SI256(n) SI64(n), SI64((n) + 64), SI64((n) + 128), SI64((n) + 192)
tpy_int_t tpy_smallints[TPY_SMALLINT_MAX - TPY_SMALLINT_MIN + 1] = {
    SI(-5), SI(-4), SI(-3), SI(-2), SI(-1), SI256(0), SI(256),
};
tpy_int_t tpy_true_struct = {TPY_STATIC_OB(&tpy_bool_type), 1};
tpy_int_t tpy_false_struct = {TPY_STATIC_OB(&tpy_bool_type), 0};

static tpy_int_t *int_freelist[INT_FREELIST_MAX];
static int int_nfree;

static bool is_static_int(tpy_object_t *op)
{
    tpy_int_t *p = (tpy_int_t *)op;
    return (p >= tpy_smallints && p < tpy_smallints + (TPY_SMALLINT_MAX - TPY_SMALLINT_MIN + 1)) ||
           p == &tpy_true_struct || p == &tpy_false_struct;
}

/* ---- allocation -------------------------------------------------------------- */

static tpy_object_t *obj_alloc(tpy_type_t *type, size_t size)
{
    tpy_object_t *op = TPY_TYPE_IS_GC(type) ? tpy_gc_new(type, size) : tpy_obj_new(type, size);
    if (op == NULL) {
        return tpy_err_no_memory();
    }
    if (type->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        TPY_INCREF(type); // instances of classes own their class (subtype_dealloc drops it)
    }
    return op;
}

size_t tpy_int_sizeof(tpy_object_t *op)
{
    size_t size = TPY_TYPE(op)->tp_basicsize;
    if (!IS_SMALL(op)) {
        size += big_len(op) * sizeof(la_digit_t);
    }
    return size;
}

static void int_dealloc(tpy_object_t *op)
{
    if (is_static_int(op)) {
        // An unbalanced DECREF elsewhere: the pooled objects must survive it.
        op->refcnt = 1;
        return;
    }
    if (TPY_TYPE(op) == &tpy_int_type && IS_SMALL(op) && int_nfree < INT_FREELIST_MAX) {
        int_freelist[int_nfree++] = (tpy_int_t *)op;
        return;
    }
    size_t size = tpy_int_sizeof(op);
    if (TPY_OBJECT_IS_GC(op)) {
        tpy_gc_untrack(op);
        tpy_gc_free(op, size);
    } else {
        tpy_obj_free(op, size);
    }
}

/* A big-form object of [type] with room for [n] digits (tag set, digits unset). */
static tpy_object_t *big_new(tpy_type_t *type, size_t n, int sign)
{
    if (n > LA_MAX_DIGITS) {
        return tpy_err_no_memory();
    }
    tpy_object_t *op = obj_alloc(type, type->tp_basicsize + n * sizeof(la_digit_t));
    if (op == NULL) {
        return NULL;
    }
    V(op) = TAG_ZERO + (sign < 0 ? -(int64_t)n : (int64_t)n);
    return op;
}

/* An exact big int [sign] * d[0..n), [n] normalized. */
static tpy_object_t *big_from_digits(int sign, const la_digit_t *d, size_t n)
{
    tpy_object_t *op = big_new(&tpy_int_type, n, sign);
    if (op != NULL) {
        memcpy(big_digits(op), d, n * sizeof(la_digit_t));
    }
    return op;
}

// The magnitude of the least small int: values of at most two digits whose
// magnitude is below this (or up to INT64_MAX when positive) are small.
#define SMALL_MIN_MAGNITUDE ((uint64_t)0 - (uint64_t)TPY_INT_SMALL_MIN)

tpy_object_t *tpy_int_from_digits(int sign, const la_digit_t *d, size_t n)
{
    n = la_normalize(d, n);
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : d[0] | (uint64_t)d[1] << 32;
        if (sign >= 0 ? m <= (uint64_t)INT64_MAX : m <= SMALL_MIN_MAGNITUDE) {
            return tpy_int_from_i64(sign < 0 ? (int64_t)(0 - m) : (int64_t)m);
        }
    }
    return big_from_digits(sign, d, n);
}

tpy_object_t *tpy_int_from_i64(int64_t v)
{
    if (v >= TPY_SMALLINT_MIN && v <= TPY_SMALLINT_MAX) {
        return tpy_newref(TPY_OBJ(&tpy_smallints[v - TPY_SMALLINT_MIN]));
    }
    if (!FITS(v)) {
        uint64_t m = 0 - (uint64_t)v;
        la_digit_t d[2] = {(la_digit_t)m, (la_digit_t)(m >> 32)};
        return big_from_digits(-1, d, 2);
    }
    tpy_int_t *op;
    if (int_nfree > 0) {
        op = int_freelist[--int_nfree];
        op->ob.refcnt = 1;
        TPY_REF_INC_TOTAL();
    } else {
        op = (tpy_int_t *)tpy_obj_new(&tpy_int_type, sizeof(tpy_int_t));
        if (op == NULL) {
            return tpy_err_no_memory();
        }
    }
    op->v = v;
    return TPY_OBJ(op);
}

tpy_object_t *tpy_int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX) {
        return tpy_int_from_small((int64_t)v);
    }
    la_digit_t d[2] = {(la_digit_t)v, (la_digit_t)(v >> 32)};
    return tpy_int_from_digits(1, d, 2);
}

static tpy_object_t *int_from_i128(__int128 v)
{
    if (v >= (__int128)INT64_MIN && v <= (__int128)INT64_MAX) {
        return tpy_int_from_small((int64_t)v);
    }
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    la_digit_t d[4] = {(la_digit_t)m, (la_digit_t)(m >> 32), (la_digit_t)(m >> 64),
                       (la_digit_t)(m >> 96)};
    return tpy_int_from_digits(v < 0 ? -1 : 1, d, 4);
}

/* An exact int with the value of int (or subclass) [op]. */
static tpy_object_t *int_exact(tpy_object_t *op)
{
    if (TPY_INT_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    if (IS_SMALL(op)) {
        return tpy_int_from_small(V(op));
    }
    return big_from_digits(big_count(op) < 0 ? -1 : 1, big_digits(op), big_len(op));
}

/* ---- views: sign and magnitude of any int ----------------------------------- */

void tpy_int_view(la_view_t *w, tpy_object_t *op)
{
    int64_t v = V(op);
    if (FITS(v)) {
        uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
        w->sign = (v > 0) - (v < 0);
        w->buf[0] = (la_digit_t)m;
        w->buf[1] = (la_digit_t)(m >> 32);
        w->d = w->buf;
        w->n = m == 0 ? 0 : (m >> 32) != 0 ? 2 : 1;
    } else {
        w->sign = big_count(op) < 0 ? -1 : 1;
        w->d = big_digits(op);
        w->n = big_len(op);
    }
}

/* Scratch digit arrays: on the stack when short, malloc'd otherwise. */
typedef struct {
    la_digit_t *d;
    la_digit_t local[24];
} scratch_t;

static la_digit_t *scratch_get(scratch_t *s, size_t n)
{
    if (n <= sizeof s->local / sizeof s->local[0]) {
        s->d = s->local;
    } else if (n > 2 * LA_MAX_DIGITS + 16) {
        s->d = NULL;
    } else {
        s->d = malloc(n * sizeof(la_digit_t));
    }
    if (s->d == NULL) {
        tpy_err_no_memory();
    }
    return s->d;
}

static void scratch_free(scratch_t *s)
{
    if (s->d != NULL && s->d != s->local) {
        free(s->d);
    }
    s->d = NULL;
}

/* ---- conversions ------------------------------------------------------------- */

int tpy_int_sign(tpy_object_t *op)
{
    int64_t v = V(op);
    if (FITS(v)) {
        return (v > 0) - (v < 0);
    }
    return big_count(op) < 0 ? -1 : 1;
}

int64_t tpy_int_as_i64_overflow(tpy_object_t *op, int *overflow)
{
    *overflow = 0;
    if (IS_SMALL(op)) {
        return V(op);
    }
    // A big int is beyond int64 unless it is negative with a magnitude up to 2**63.
    int64_t n = big_count(op);
    if (n == -2) {
        const la_digit_t *d = big_digits(op);
        uint64_t m = d[0] | (uint64_t)d[1] << 32;
        if (m <= (uint64_t)1 << 63) {
            return (int64_t)(0 - m);
        }
    }
    *overflow = n < 0 ? -1 : 1;
    return -1;
}

int64_t tpy_int_as_i64(tpy_object_t *op)
{
    int overflow;
    int64_t v = tpy_int_as_i64_overflow(op, &overflow);
    if (overflow) {
        tpy_err_set_str(&tpy_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return v;
}

/* The magnitude of [w] rounded to a double with round-half-even; *exp_out
 * receives the scale: value = result * 2**exp_out (result < 2**55). */
static double view_to_double_scaled(const la_view_t *w, int64_t *exp_out)
{
    uint64_t bits = la_bit_length(w->d, w->n);
    if (bits <= 64) {
        uint64_t m = w->n == 0 ? 0 : w->n == 1 ? w->d[0] : w->d[0] | (uint64_t)w->d[1] << 32;
        *exp_out = 0;
        return (double)m; // the C conversion rounds half-even
    }
    // Keep 55 bits (two beyond a double's 53) and fold everything below into
    // a sticky bit, so the final conversion rounds exactly as on the full value.
    uint64_t shift = bits - 55;
    la_digit_t tmp[3];
    size_t words = (size_t)(shift / LA_SHIFT);
    unsigned s = (unsigned)(shift % LA_SHIFT);
    uint64_t m = 0;
    for (size_t i = 0; i < 3; i++) {
        tmp[i] = words + i < w->n ? w->d[words + i] : 0;
    }
    unsigned __int128 window = (unsigned __int128)tmp[0] | (unsigned __int128)tmp[1] << 32 |
                               (unsigned __int128)tmp[2] << 64;
    m = (uint64_t)(window >> s);
    if (la_low_bits_nonzero(w->d, w->n, shift)) {
        m |= 1;
    }
    *exp_out = (int64_t)shift;
    return (double)m;
}

static double view_to_double(const la_view_t *w, bool *overflow)
{
    int64_t e;
    double m = view_to_double_scaled(w, &e);
    *overflow = false;
    if (e > DBL_MAX_EXP) {
        *overflow = true;
        return 0.0;
    }
    double d = ldexp(m, (int)e);
    if (isinf(d)) {
        *overflow = true;
        return 0.0;
    }
    return w->sign < 0 ? -d : d;
}

double tpy_int_as_double(tpy_object_t *op)
{
    if (IS_SMALL(op)) {
        return (double)V(op);
    }
    la_view_t w;
    tpy_int_view(&w, op);
    bool overflow;
    double d = view_to_double(&w, &overflow);
    if (overflow) {
        tpy_err_set_str(&tpy_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

tpy_object_t *tpy_int_from_double(double d)
{
    if (isinf(d)) {
        return tpy_err_format(&tpy_exc_OverflowError, "cannot convert float infinity to integer");
    }
    if (isnan(d)) {
        return tpy_err_format(&tpy_exc_ValueError, "cannot convert float NaN to integer");
    }
    d = trunc(d);
    if (fabs(d) < 9223372036854775808.0) {
        return tpy_int_from_small((int64_t)d);
    }
    int e;
    double m = frexp(fabs(d), &e); // |d| = m * 2**e, 0.5 <= m < 1, e > 63
    uint64_t mant = (uint64_t)ldexp(m, 53);
    uint64_t shift = (uint64_t)e - 53;
    la_digit_t src[2] = {(la_digit_t)mant, (la_digit_t)(mant >> 32)};
    size_t n = 2 + (size_t)(shift / LA_SHIFT) + 1;
    la_digit_t r[40];
    la_lshift(r, src, 2, shift);
    return tpy_int_from_digits(d < 0 ? -1 : 1, r, n);
}

int tpy_int_compare(tpy_object_t *a, tpy_object_t *b)
{
    int64_t x = V(a), y = V(b);
    if (FITS(x) && FITS(y)) {
        return (x > y) - (x < y);
    }
    la_view_t va, vb;
    tpy_int_view(&va, a);
    tpy_int_view(&vb, b);
    if (va.sign != vb.sign) {
        return va.sign < vb.sign ? -1 : 1;
    }
    int c = la_cmp(va.d, va.n, vb.d, vb.n);
    return va.sign < 0 ? -c : c;
}

int tpy_int_compare_double(tpy_object_t *a, double d)
{
    if (isnan(d)) {
        return 2;
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    int64_t x = V(a);
    if (x >= -(INT64_C(1) << 53) && x <= (INT64_C(1) << 53)) { // small, and exact as a double
        double xd = (double)x; // exact
        return (xd > d) - (xd < d);
    }
    // Compare with floor(d) exactly, then let the fraction break a tie.
    double fl = floor(d);
    tpy_object_t *fi = tpy_int_from_double(fl);
    if (fi == NULL) {
        return -2;
    }
    int c = tpy_int_compare(a, fi);
    TPY_DECREF(fi);
    if (c == 0 && d > fl) {
        c = -1;
    }
    return c;
}

int64_t tpy_int_hash(tpy_object_t *op)
{
    int64_t v = V(op);
    uint64_t h;
    int sign;
    if (FITS(v)) {
        if (v == -1) {
            return -2;
        }
        if (v > -(int64_t)HASH_MODULUS && v < (int64_t)HASH_MODULUS) {
            return v;
        }
        sign = v < 0 ? -1 : 1;
        h = (v < 0 ? -(uint64_t)v : (uint64_t)v) % HASH_MODULUS;
    } else {
        const la_digit_t *d = big_digits(op);
        sign = big_count(op) < 0 ? -1 : 1;
        unsigned __int128 acc = 0;
        for (size_t i = big_len(op); i-- > 0;) {
            acc = ((acc << LA_SHIFT) | d[i]) % HASH_MODULUS;
        }
        h = (uint64_t)acc;
    }
    int64_t r = sign < 0 ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* ---- arithmetic: the slow paths ---------------------------------------------- */

/* sa*|a| + sb*|b| for magnitudes a, b. */
static tpy_object_t *add_views(int sa, const la_digit_t *ad, size_t an, int sb,
                               const la_digit_t *bd, size_t bn)
{
    if (sa == 0) {
        return tpy_int_from_digits(sb, bd, bn);
    }
    if (sb == 0) {
        return tpy_int_from_digits(sa, ad, an);
    }
    scratch_t r;
    if (scratch_get(&r, (an > bn ? an : bn) + 1) == NULL) {
        return NULL;
    }
    size_t n;
    int sign = sa;
    if (sa == sb) {
        n = la_add(r.d, ad, an, bd, bn);
    } else {
        int c = la_cmp(ad, an, bd, bn);
        if (c >= 0) {
            n = la_sub(r.d, ad, an, bd, bn);
        } else {
            n = la_sub(r.d, bd, bn, ad, an);
            sign = sb;
        }
    }
    tpy_object_t *res = tpy_int_from_digits(sign, r.d, n);
    scratch_free(&r);
    return res;
}

static tpy_object_t *add_slow(tpy_object_t *a, tpy_object_t *b, bool subtract)
{
    int64_t x = V(a), y = V(b);
    if (FITS(x) && FITS(y)) {
        return int_from_i128(subtract ? (__int128)x - y : (__int128)x + y);
    }
    la_view_t va, vb;
    tpy_int_view(&va, a);
    tpy_int_view(&vb, b);
    return add_views(va.sign, va.d, va.n, subtract ? -vb.sign : vb.sign, vb.d, vb.n);
}

static tpy_object_t *mul_slow(tpy_object_t *a, tpy_object_t *b)
{
    int64_t x = V(a), y = V(b);
    if (FITS(x) && FITS(y)) {
        return int_from_i128((__int128)x * y);
    }
    la_view_t va, vb;
    tpy_int_view(&va, a);
    tpy_int_view(&vb, b);
    if (va.sign == 0 || vb.sign == 0) {
        return tpy_int_from_small(0);
    }
    if (va.n + vb.n > LA_MAX_DIGITS + 1) {
        return tpy_err_no_memory();
    }
    scratch_t r;
    if (scratch_get(&r, va.n + vb.n) == NULL) {
        return NULL;
    }
    tpy_object_t *res = NULL;
    if (!la_mul(r.d, va.d, va.n, vb.d, vb.n)) {
        tpy_err_no_memory();
    } else {
        res = tpy_int_from_digits(va.sign * vb.sign, r.d, va.n + vb.n);
    }
    scratch_free(&r);
    return res;
}

/*
 * Floor division and modulo of ints [a] and [b] (b != 0): *qout and *rout (either
 * may be NULL) receive new references.  0 or -1 with an exception set.
 */
static int divmod_ints(tpy_object_t *a, tpy_object_t *b, tpy_object_t **qout, tpy_object_t **rout)
{
    int64_t x = V(a), y = V(b);
    if (FITS(x) && FITS(y)) {
        int64_t q = x / y, r = x % y; // x > INT64_MIN: cannot overflow
        if (r != 0 && ((r ^ y) < 0)) {
            q--;
            r += y;
        }
        if (qout != NULL && (*qout = tpy_int_from_small(q)) == NULL) {
            return -1;
        }
        if (rout != NULL && (*rout = tpy_int_from_small(r)) == NULL) {
            if (qout != NULL) {
                TPY_CLEAR(*qout);
            }
            return -1;
        }
        return 0;
    }
    la_view_t va, vb;
    tpy_int_view(&va, a);
    tpy_int_view(&vb, b);
    scratch_t qs = {0}, rs = {0}, rs2 = {0};
    size_t qn = (va.n >= vb.n ? va.n - vb.n + 1 : 1) + 1; // + 1: room for the floor's carry
    if (scratch_get(&qs, qn) == NULL || scratch_get(&rs, vb.n + 1) == NULL ||
        scratch_get(&rs2, vb.n + 1) == NULL) {
        goto error;
    }
    size_t rn;
    const la_digit_t *rd;
    memset(qs.d, 0, qn * sizeof(la_digit_t));
    if (la_cmp(va.d, va.n, vb.d, vb.n) < 0) {
        rd = va.d; // |a| < |b|: quotient 0, remainder |a|
        rn = va.n;
    } else {
        if (!la_divmod(qs.d, rs.d, va.d, va.n, vb.d, vb.n)) {
            tpy_err_no_memory();
            goto error;
        }
        rd = rs.d;
        rn = la_normalize(rs.d, vb.n);
    }
    if (va.sign != vb.sign && rn > 0) {
        // Round the quotient toward minus infinity: q + 1 in magnitude, b - r.
        la_digit_t one = 1;
        qn = la_add(qs.d, qs.d, qn - 1, &one, 1);
        rn = la_sub(rs2.d, vb.d, vb.n, rd, rn);
        rd = rs2.d;
    }
    if (qout != NULL && (*qout = tpy_int_from_digits(va.sign * vb.sign, qs.d, qn)) == NULL) {
        goto error;
    }
    if (rout != NULL && (*rout = tpy_int_from_digits(vb.sign, rd, rn)) == NULL) {
        if (qout != NULL) {
            TPY_CLEAR(*qout);
        }
        goto error;
    }
    scratch_free(&qs);
    scratch_free(&rs);
    scratch_free(&rs2);
    return 0;
error:
    scratch_free(&qs);
    scratch_free(&rs);
    scratch_free(&rs2);
    return -1;
}

/* Correctly rounded a / b for ints (b != 0). */
static tpy_object_t *truediv_ints(tpy_object_t *a, tpy_object_t *b)
{
    int64_t x = V(a), y = V(b);
    const int64_t exact = INT64_C(1) << 53;
    if (x >= -exact && x <= exact && y >= -exact && y <= exact) { // small, exact as doubles
        return tpy_float_from_double((double)x / (double)y);
    }
    la_view_t va, vb;
    tpy_int_view(&va, a);
    tpy_int_view(&vb, b);
    if (va.sign == 0) {
        return tpy_float_from_double(vb.sign < 0 ? -0.0 : 0.0);
    }
    int64_t abits = (int64_t)la_bit_length(va.d, va.n), bbits = (int64_t)la_bit_length(vb.d, vb.n);
    int64_t diff = abits - bbits; // 2**(diff-1) < |a/b| < 2**(diff+1)
    bool negative = va.sign != vb.sign;
    if (diff > DBL_MAX_EXP) {
        return tpy_err_format(&tpy_exc_OverflowError,
                              "integer division result too large for a float");
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        return tpy_float_from_double(negative ? -0.0 : 0.0);
    }
    // q = floor(|a| / |b| / 2**shift) has at most 55 bits; the remainder becomes a sticky bit.
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    size_t nn = va.n + (size_t)(shift < 0 ? -shift : 0) / LA_SHIFT + 2;
    scratch_t num = {0}, qs = {0}, rs = {0};
    tpy_object_t *res = NULL;
    if (scratch_get(&num, nn) == NULL) {
        goto done;
    }
    size_t numn;
    bool inexact = false;
    if (shift < 0) {
        numn = la_normalize(num.d, la_lshift(num.d, va.d, va.n, (uint64_t)-shift));
    } else {
        numn = la_rshift(num.d, va.d, va.n, (uint64_t)shift, &inexact);
    }
    uint64_t q = 0;
    if (la_cmp(num.d, numn, vb.d, vb.n) < 0) {
        inexact = inexact || numn > 0;
    } else {
        size_t qn = numn - vb.n + 1;
        if (scratch_get(&qs, qn) == NULL || scratch_get(&rs, vb.n) == NULL) {
            goto done;
        }
        if (!la_divmod(qs.d, rs.d, num.d, numn, vb.d, vb.n)) {
            tpy_err_no_memory();
            goto done;
        }
        qn = la_normalize(qs.d, qn);
        q = qn == 0 ? 0 : qn == 1 ? qs.d[0] : qs.d[0] | (uint64_t)qs.d[1] << 32;
        if (la_normalize(rs.d, vb.n) > 0) {
            inexact = true;
        }
    }
    // Round q to the bits a double keeps here (53, fewer when subnormal).
    int qbits = q == 0 ? 0 : 64 - __builtin_clzll(q);
    int drop = qbits - DBL_MANT_DIG;
    int sub = (int)(DBL_MIN_EXP - DBL_MANT_DIG - shift);
    if (sub > drop) {
        drop = sub;
    }
    if (drop > 0) {
        uint64_t mask = (UINT64_C(1) << drop) - 1, half = UINT64_C(1) << (drop - 1);
        uint64_t low = q & mask;
        q >>= drop;
        if (low > half || (low == half && (inexact || (q & 1)))) {
            q++;
        }
        shift += drop;
    }
    double d = ldexp((double)q, (int)shift);
    if (isinf(d)) {
        tpy_err_format(&tpy_exc_OverflowError, "integer division result too large for a float");
        goto done;
    }
    res = tpy_float_from_double(negative ? -d : d);
done:
    scratch_free(&num);
    scratch_free(&qs);
    scratch_free(&rs);
    return res;
}

/* ---- bitwise operators and shifts ---------------------------------------------- */

/* Two's complement of the magnitude in [d] over [n] digits, in place. */
static void twos_complement(la_digit_t *d, size_t n)
{
    uint64_t carry = 1;
    for (size_t i = 0; i < n; i++) {
        carry += (la_digit_t)~d[i];
        d[i] = (la_digit_t)carry;
        carry >>= LA_SHIFT;
    }
}

static tpy_object_t *bitwise_slow(tpy_object_t *a, tpy_object_t *b, int op)
{
    la_view_t va, vb;
    tpy_int_view(&va, a);
    tpy_int_view(&vb, b);
    size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    scratch_t sa = {0}, sb = {0};
    tpy_object_t *res = NULL;
    if (scratch_get(&sa, n) == NULL || scratch_get(&sb, n) == NULL) {
        goto done;
    }
    memset(sa.d, 0, n * sizeof(la_digit_t));
    memset(sb.d, 0, n * sizeof(la_digit_t));
    memcpy(sa.d, va.d, va.n * sizeof(la_digit_t));
    memcpy(sb.d, vb.d, vb.n * sizeof(la_digit_t));
    if (va.sign < 0) {
        twos_complement(sa.d, n);
    }
    if (vb.sign < 0) {
        twos_complement(sb.d, n);
    }
    for (size_t i = 0; i < n; i++) {
        sa.d[i] = op == TPY_BINOP_AND  ? sa.d[i] & sb.d[i]
                  : op == TPY_BINOP_OR ? sa.d[i] | sb.d[i]
                                       : sa.d[i] ^ sb.d[i];
    }
    int sign = 1;
    if (sa.d[n - 1] & 0x80000000u) {
        twos_complement(sa.d, n);
        sign = -1;
    }
    res = tpy_int_from_digits(sign, sa.d, n);
done:
    scratch_free(&sa);
    scratch_free(&sb);
    return res;
}

/* The shift count of [b] (an int): -1 with ValueError when negative; *huge set
 * when it does not fit in 62 bits. */
static int64_t shift_count(tpy_object_t *b, bool *huge)
{
    *huge = false;
    if (tpy_int_sign(b) < 0) {
        tpy_err_set_str(&tpy_exc_ValueError, "negative shift count");
        return -1;
    }
    int overflow;
    int64_t k = tpy_int_as_i64_overflow(b, &overflow);
    if (overflow || k > (INT64_C(1) << 62)) {
        *huge = true;
        return 0;
    }
    return k;
}

static tpy_object_t *lshift_slow(tpy_object_t *a, tpy_object_t *b)
{
    bool huge;
    int64_t k = shift_count(b, &huge);
    if (k < 0) {
        return NULL;
    }
    if (tpy_int_sign(a) == 0) {
        return tpy_int_from_small(0);
    }
    if (huge) {
        // CPython's result would need more 30-bit digits than a size can
        // count ((2**63 - 25) // 4): "too many digits"; below that, no memory
        static const la_digit_t limit_d[3] = {0xffffff2e, 0xbfffffff, 0x3}; // 30 * that
        la_view_t vb;
        tpy_int_view(&vb, b);
        if (la_cmp(vb.d, vb.n, limit_d, 3) >= 0) {
            return tpy_err_format(&tpy_exc_OverflowError, "too many digits in integer");
        }
        return tpy_err_no_memory();
    }
    if (IS_SMALL(a) && k < 64) {
        __int128 r = (__int128)V(a) * ((__int128)1 << k);
        return int_from_i128(r);
    }
    la_view_t va;
    tpy_int_view(&va, a);
    if ((uint64_t)k / LA_SHIFT + va.n + 1 > LA_MAX_DIGITS) {
        return tpy_err_no_memory();
    }
    scratch_t r;
    if (scratch_get(&r, va.n + (size_t)k / LA_SHIFT + 1) == NULL) {
        return NULL;
    }
    size_t n = la_lshift(r.d, va.d, va.n, (uint64_t)k);
    tpy_object_t *res = tpy_int_from_digits(va.sign, r.d, n);
    scratch_free(&r);
    return res;
}

static tpy_object_t *rshift_slow(tpy_object_t *a, tpy_object_t *b)
{
    bool huge;
    int64_t k = shift_count(b, &huge);
    if (k < 0) {
        return NULL;
    }
    int sign = tpy_int_sign(a);
    if (huge) {
        return tpy_int_from_small(sign < 0 ? -1 : 0);
    }
    if (IS_SMALL(a)) {
        return tpy_int_from_small(V(a) >> (k > 63 ? 63 : k));
    }
    la_view_t va;
    tpy_int_view(&va, a);
    scratch_t r;
    if (scratch_get(&r, va.n + 1) == NULL) {
        return NULL;
    }
    tpy_object_t *res;
    if (sign > 0) {
        res = tpy_int_from_digits(1, r.d, la_rshift(r.d, va.d, va.n, (uint64_t)k, NULL));
    } else {
        // floor(a / 2**k) for a < 0 is -(((|a| - 1) >> k) + 1).
        la_digit_t one = 1;
        size_t n = la_sub(r.d, va.d, va.n, &one, 1);
        n = la_rshift(r.d, r.d, n, (uint64_t)k, NULL);
        n = la_add(r.d, r.d, n, &one, 1);
        res = tpy_int_from_digits(-1, r.d, n);
    }
    scratch_free(&r);
    return res;
}

/* ---- powers ------------------------------------------------------------------- */

static tpy_object_t *float_pow_of_ints(tpy_object_t *a, tpy_object_t *b)
{
    double x = tpy_int_as_double(a);
    if (x == -1.0 && tpy_err_occurred()) {
        return NULL;
    }
    double y = tpy_int_as_double(b);
    if (y == -1.0 && tpy_err_occurred()) {
        return NULL;
    }
    tpy_object_t *fx = tpy_float_from_double(x);
    if (fx == NULL) {
        return NULL;
    }
    tpy_object_t *fy = tpy_float_from_double(y);
    if (fy == NULL) {
        TPY_DECREF(fx);
        return NULL;
    }
    tpy_object_t *res = tpy_float_binop(fx, fy, TPY_BINOP_POW);
    TPY_DECREF(fx);
    TPY_DECREF(fy);
    return res;
}

/* base ** e for e >= 0 by left-to-right binary exponentiation. */
static tpy_object_t *pow_ints(tpy_object_t *base, uint64_t e)
{
    // All-small fast path: stop at the first overflow.
    if (IS_SMALL(base)) {
        int64_t r = 1, x = V(base);
        uint64_t k = e;
        bool ok = true;
        while (k > 0) {
            if ((k & 1) && __builtin_mul_overflow(r, x, &r)) {
                ok = false;
                break;
            }
            k >>= 1;
            if (k > 0 && __builtin_mul_overflow(x, x, &x)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            return tpy_int_from_small(r);
        }
    }
    tpy_object_t *result = tpy_int_from_small(1);
    int top = 63 - __builtin_clzll(e);
    for (int i = top; i >= 0 && result != NULL; i--) {
        tpy_object_t *sq = mul_slow(result, result);
        TPY_DECREF(result);
        result = sq;
        if (result != NULL && ((e >> i) & 1)) {
            tpy_object_t *m = mul_slow(result, base);
            TPY_DECREF(result);
            result = m;
        }
    }
    return result;
}

static tpy_object_t *int_pow(tpy_object_t *a, tpy_object_t *b)
{
    if (!int_check(a) || !int_check(b)) {
        TPY_RETURN_NOTIMPL;
    }
    int bs = tpy_int_sign(b);
    if (bs < 0) {
        return float_pow_of_ints(a, b);
    }
    if (bs == 0) {
        return tpy_int_from_small(1);
    }
    la_view_t va;
    tpy_int_view(&va, a);
    if (va.n <= 1 && va.d[0] <= 1) { // 0, 1, -1
        int64_t x = V(a);
        if (x == -1) {
            bool odd = IS_SMALL(b) ? (V(b) & 1) : (big_digits(b)[0] & 1);
            return tpy_int_from_small(odd ? -1 : 1);
        }
        return tpy_int_from_small(x);
    }
    int overflow;
    int64_t e = tpy_int_as_i64_overflow(b, &overflow);
    uint64_t abits = la_bit_length(va.d, va.n);
    if (overflow ||
        (uint64_t)e > (uint64_t)LA_MAX_DIGITS * LA_SHIFT / (abits - 1 ? abits - 1 : 1)) {
        return tpy_err_no_memory();
    }
    return pow_ints(a, (uint64_t)e);
}

/* (a * b) mod m for 0 <= a, b < m. */
static uint64_t mulmod64(uint64_t a, uint64_t b, uint64_t m)
{
    return (uint64_t)(((unsigned __int128)a * b) % m);
}

static tpy_object_t *mod_ints(tpy_object_t *a, tpy_object_t *m)
{
    tpy_object_t *r = NULL;
    if (divmod_ints(a, m, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

/* The inverse of [a] modulo [m] (m > 1), by the extended Euclidean algorithm. */
static tpy_object_t *inverse_mod(tpy_object_t *a, tpy_object_t *m)
{
    tpy_object_t *r0 = mod_ints(a, m), *r1 = tpy_newref(m);
    tpy_object_t *s0 = tpy_int_from_small(1), *s1 = tpy_int_from_small(0);
    tpy_object_t *q = NULL, *t = NULL, *u = NULL, *res = NULL;
    if (r0 == NULL) {
        goto done;
    }
    while (tpy_int_sign(r1) != 0) {
        tpy_object_t *rem = NULL;
        if (divmod_ints(r0, r1, &q, &rem) < 0) {
            goto done;
        }
        TPY_SETREF(r0, r1);
        r1 = rem;
        t = mul_slow(q, s1);
        TPY_CLEAR(q);
        if (t == NULL) {
            goto done;
        }
        u = add_slow(s0, t, true);
        TPY_CLEAR(t);
        if (u == NULL) {
            goto done;
        }
        TPY_SETREF(s0, s1);
        s1 = u;
        u = NULL;
    }
    if (!(V(r0) == 1)) {
        tpy_err_set_str(&tpy_exc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    res = mod_ints(s0, m);
done:
    TPY_XDECREF(r0);
    TPY_XDECREF(r1);
    TPY_XDECREF(s0);
    TPY_XDECREF(s1);
    return res;
}

tpy_object_t *tpy_int_pow3(tpy_object_t *a, tpy_object_t *b, tpy_object_t *m)
{
    if (!int_check(a) || !int_check(b) || !int_check(m)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "pow() 3rd argument not allowed unless all arguments are integers");
    }
    int ms = tpy_int_sign(m);
    if (ms == 0) {
        return tpy_err_format(&tpy_exc_ValueError, "pow() 3rd argument cannot be 0");
    }
    // |m|, the base reduced into [0, |m|) and a non-negative exponent
    la_view_t vm;
    tpy_int_view(&vm, m);
    tpy_object_t *mod = tpy_int_from_digits(1, vm.d, vm.n);
    tpy_object_t *base = NULL, *exp = NULL, *result = NULL;
    if (mod == NULL) {
        return NULL;
    }
    if (V(mod) == 1) {
        result = tpy_int_from_small(0);
        goto done;
    }
    if (tpy_int_sign(b) < 0) {
        base = inverse_mod(a, mod);
        exp = base ? add_slow(SMALL(0), b, true) : NULL;
    } else {
        base = mod_ints(a, mod);
        exp = tpy_newref(b);
    }
    if (base == NULL || exp == NULL) {
        goto done;
    }
    if (IS_SMALL(mod) && IS_SMALL(base) && IS_SMALL(exp)) {
        uint64_t mm = (uint64_t)V(mod), x = (uint64_t)V(base), r = 1 % mm;
        for (uint64_t e = (uint64_t)V(exp); e > 0; e >>= 1) {
            if (e & 1) {
                r = mulmod64(r, x, mm);
            }
            x = mulmod64(x, x, mm);
        }
        result = tpy_int_from_u64(r);
    } else {
        la_view_t ve;
        tpy_int_view(&ve, exp);
        uint64_t bits = la_bit_length(ve.d, ve.n);
        result = tpy_int_from_small(1);
        for (uint64_t i = bits; i-- > 0 && result != NULL;) {
            tpy_object_t *t = mul_slow(result, result);
            TPY_SETREF(result, t ? mod_ints(t, mod) : NULL);
            TPY_XDECREF(t);
            if (result != NULL && ((ve.d[i / LA_SHIFT] >> (i % LA_SHIFT)) & 1)) {
                t = mul_slow(result, base);
                TPY_SETREF(result, t ? mod_ints(t, mod) : NULL);
                TPY_XDECREF(t);
            }
        }
    }
    if (result != NULL && ms < 0 && tpy_int_sign(result) != 0) {
        TPY_SETREF(result, add_slow(result, mod, true));
    }
done:
    TPY_XDECREF(mod);
    TPY_XDECREF(base);
    TPY_XDECREF(exp);
    return result;
}

/* ---- rounding ------------------------------------------------------------------ */

tpy_object_t *tpy_int_round(tpy_object_t *v, tpy_object_t *ndigits)
{
    if (ndigits == NULL || ndigits == tpy_none) {
        return int_exact(v);
    }
    tpy_object_t *nd = tpy_number_index(ndigits);
    if (nd == NULL) {
        return NULL;
    }
    int overflow;
    int64_t n = tpy_int_as_i64_overflow(nd, &overflow);
    TPY_DECREF(nd);
    if (overflow > 0 || (!overflow && n >= 0)) {
        return int_exact(v);
    }
    la_view_t w;
    tpy_int_view(&w, v);
    // 10**k > 2|v| once k > bit_length + 1: the result is 0.
    uint64_t k = overflow ? UINT64_MAX : (uint64_t)-n;
    if (k > la_bit_length(w.d, w.n) + 1) {
        return tpy_int_from_small(0);
    }
    tpy_object_t *pow10 = pow_ints(SMALL(10), k), *q = NULL, *r = NULL, *twice = NULL;
    tpy_object_t *res = NULL;
    if (pow10 == NULL || divmod_ints(v, pow10, &q, &r) < 0) {
        goto done;
    }
    twice = add_slow(r, r, false);
    if (twice == NULL) {
        goto done;
    }
    int c = tpy_int_compare(twice, pow10);
    la_view_t wq;
    tpy_int_view(&wq, q);
    if (c > 0 || (c == 0 && wq.n > 0 && (wq.d[0] & 1))) {
        TPY_SETREF(q, add_slow(q, SMALL(1), false));
        if (q == NULL) {
            goto done;
        }
    }
    res = mul_slow(q, pow10);
done:
    TPY_XDECREF(pow10);
    TPY_XDECREF(q);
    TPY_XDECREF(r);
    TPY_XDECREF(twice);
    return res;
}

/* ---- number slots ------------------------------------------------------------- */

#define BOTH_INTS_OR_NOTIMPL(a, b)                                                                \
    do {                                                                                          \
        if (!int_check(a) || !int_check(b)) {                                                     \
            TPY_RETURN_NOTIMPL;                                                                   \
        }                                                                                         \
    } while (0)

static tpy_object_t *int_add(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), y = V(b), r;
    if (FITS(x) && FITS(y) && !__builtin_add_overflow(x, y, &r)) {
        return tpy_int_from_small(r); // the big form when r lands among the tags
    }
    return add_slow(a, b, false);
}

static tpy_object_t *int_sub(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), y = V(b), r;
    if (FITS(x) && FITS(y) && !__builtin_sub_overflow(x, y, &r)) {
        return tpy_int_from_small(r); // the big form when r lands among the tags
    }
    return add_slow(a, b, true);
}

static tpy_object_t *int_mul(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), y = V(b), r;
    if (FITS(x) && FITS(y) && !__builtin_mul_overflow(x, y, &r)) {
        return tpy_int_from_small(r); // the big form when r lands among the tags
    }
    return mul_slow(a, b);
}

static tpy_object_t *int_floordiv(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), y = V(b);
    if (y == 0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    if (FITS(x) && FITS(y)) {
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r ^ y) < 0)) {
            q--;
        }
        return tpy_int_from_small(q);
    }
    tpy_object_t *q;
    return divmod_ints(a, b, &q, NULL) < 0 ? NULL : q;
}

static tpy_object_t *int_mod(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), y = V(b);
    if (y == 0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "integer modulo by zero");
    }
    if (FITS(x) && FITS(y)) {
        int64_t r = x % y;
        if (r != 0 && ((r ^ y) < 0)) {
            r += y;
        }
        return tpy_int_from_small(r);
    }
    tpy_object_t *r;
    return divmod_ints(a, b, NULL, &r) < 0 ? NULL : r;
}

tpy_object_t *tpy_int_divmod(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    if (V(b) == 0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    tpy_object_t *q, *r;
    if (divmod_ints(a, b, &q, &r) < 0) {
        return NULL;
    }
    tpy_object_t *items[2] = {q, r};
    return tpy_tuple_from_array_steal(items, 2);
}

static tpy_object_t *int_truediv(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    if (V(b) == 0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "division by zero");
    }
    return truediv_ints(a, b);
}

static tpy_object_t *int_lshift(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), k = V(b);
    if (FITS(x) && k >= 0 && k < 64) {
        return int_from_i128((__int128)x * ((__int128)1 << k));
    }
    return lshift_slow(a, b);
}

static tpy_object_t *int_rshift(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    int64_t x = V(a), k = V(b);
    if (FITS(x) && k >= 0) { // tags are negative: k is small
        return tpy_int_from_small(x >> (k > 63 ? 63 : k));
    }
    return rshift_slow(a, b);
}

static tpy_object_t *int_and(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    if (IS_SMALL(a) && IS_SMALL(b)) {
        return tpy_int_from_i64(V(a) & V(b));
    }
    return bitwise_slow(a, b, TPY_BINOP_AND);
}

static tpy_object_t *int_or(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    if (IS_SMALL(a) && IS_SMALL(b)) {
        return tpy_int_from_i64(V(a) | V(b));
    }
    return bitwise_slow(a, b, TPY_BINOP_OR);
}

static tpy_object_t *int_xor(tpy_object_t *a, tpy_object_t *b)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    if (IS_SMALL(a) && IS_SMALL(b)) {
        return tpy_int_from_i64(V(a) ^ V(b));
    }
    return bitwise_slow(a, b, TPY_BINOP_XOR);
}

tpy_object_t *tpy_int_binop(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_binary_fn fn = op >= 0 && op < TPY_BINOP_COUNT ? tpy_type_binop(&tpy_int_type, op) : NULL;
    if (fn == NULL) {
        TPY_RETURN_NOTIMPL;
    }
    return fn(a, b);
}

static tpy_object_t *int_neg(tpy_object_t *a)
{
    if (IS_SMALL(a)) {
        return tpy_int_from_small(-V(a));
    }
    la_view_t w;
    tpy_int_view(&w, a);
    return tpy_int_from_digits(-w.sign, w.d, w.n);
}

static tpy_object_t *int_pos(tpy_object_t *a)
{
    return int_exact(a);
}

static tpy_object_t *int_invert(tpy_object_t *a)
{
    if (IS_SMALL(a)) {
        return tpy_int_from_i64(~V(a));
    }
    tpy_object_t *t = add_slow(a, SMALL(1), false); // ~a == -(a + 1)
    if (t == NULL) {
        return NULL;
    }
    tpy_object_t *r = int_neg(t);
    TPY_DECREF(t);
    return r;
}

tpy_object_t *tpy_int_abs(tpy_object_t *a)
{
    return tpy_int_sign(a) < 0 ? int_neg(a) : int_exact(a);
}

static int int_bool(tpy_object_t *a)
{
    return V(a) != 0;
}

static tpy_object_t *int_float(tpy_object_t *a)
{
    double d = tpy_int_as_double(a);
    if (d == -1.0 && tpy_err_occurred()) {
        return NULL;
    }
    return tpy_float_from_double(d);
}

static tpy_object_t *cmp_to_bool(int c, int op)
{
    bool r;
    switch (op) {
    case TPY_CMP_LT:
        r = c < 0;
        break;
    case TPY_CMP_LE:
        r = c <= 0;
        break;
    case TPY_CMP_EQ:
        r = c == 0;
        break;
    case TPY_CMP_NE:
        r = c != 0;
        break;
    case TPY_CMP_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return tpy_bool_from(r);
}

static tpy_object_t *int_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    BOTH_INTS_OR_NOTIMPL(a, b);
    return cmp_to_bool(tpy_int_compare(a, b), op);
}

static tpy_object_t *int_repr(tpy_object_t *a)
{
    return tpy_int_to_string(a, 10, false);
}

/* ---- construction ---------------------------------------------------------------- */

/* An instance of the int subclass [type] with the value of the exact int [v]. */
static tpy_object_t *int_subtype_new(tpy_type_t *type, tpy_object_t *v)
{
    tpy_object_t *op;
    if (IS_SMALL(v)) {
        op = obj_alloc(type, type->tp_basicsize);
        if (op != NULL) {
            V(op) = V(v);
        }
    } else {
        la_view_t w;
        tpy_int_view(&w, v);
        op = big_new(type, w.n, w.sign);
        if (op != NULL) {
            memcpy(big_digits(op), w.d, w.n * sizeof(la_digit_t));
        }
    }
    if (op != NULL && TPY_TYPE_IS_GC(type)) {
        tpy_gc_track(op);
    }
    return op;
}

/* The result of a __int__ / __index__ slot, checked and made exact. */
static tpy_object_t *checked_int_result(tpy_object_t *r, const char *slot)
{
    if (r == NULL || TPY_INT_CHECK_EXACT(r)) {
        return r;
    }
    if (!int_check(r)) {
        tpy_err_format(&tpy_exc_TypeError, "%s returned non-int (type %T)", slot, r);
        TPY_DECREF(r);
        return NULL;
    }
    tpy_object_t *e = int_exact(r);
    TPY_DECREF(r);
    return e;
}

tpy_object_t *tpy_int_from_object(tpy_object_t *op)
{
    if (TPY_INT_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    tpy_type_t *t = TPY_TYPE(op);
    if (t->tp_int != NULL) {
        return checked_int_result(t->tp_int(op), "__int__");
    }
    if (t->tp_index != NULL) {
        return checked_int_result(t->tp_index(op), "__index__");
    }
    if (TPY_STR_CHECK(op)) {
        return tpy_int_from_str_object(op, 10);
    }
    return tpy_err_format(&tpy_exc_TypeError,
                          "int() argument must be a string, a bytes-like object or a real "
                          "number, not '%T'",
                          op);
}

static tpy_object_t *int_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames)
{
    size_t nkw = tpy_kwcount(kwnames);
    if (type == &tpy_bool_type) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "int.__new__(bool) is not safe, use bool.__new__()");
    }
    if (nargs + nkw > 2) {
        return tpy_err_format(&tpy_exc_TypeError, "int() takes at most 2 arguments (%zu given)",
                              nargs + nkw);
    }
    tpy_object_t *x = nargs > 0 ? args[0] : NULL, *base = nargs > 1 ? args[1] : NULL;
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *name = TPY_TUPLE_GET(kwnames, k);
        if (!tpy_str_eq_cstr(name, "base")) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "'%U' is an invalid keyword argument for int()", name);
        }
        if (base != NULL) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "argument for int() given by name ('base') and position (2)");
        }
        base = args[nargs + k];
    }
    tpy_object_t *v;
    if (x == NULL) {
        if (base != NULL) {
            return tpy_err_format(&tpy_exc_TypeError, "int() missing string argument");
        }
        v = tpy_int_from_small(0);
    } else if (base == NULL) {
        v = tpy_int_from_object(x);
    } else {
        tpy_object_t *bi = tpy_number_index(base);
        if (bi == NULL) {
            return NULL;
        }
        int overflow;
        int64_t b = tpy_int_as_i64_overflow(bi, &overflow);
        TPY_DECREF(bi);
        if (overflow || (b != 0 && (b < 2 || b > 36))) {
            return tpy_err_format(&tpy_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        if (!TPY_STR_CHECK(x)) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "int() can't convert non-string with explicit base");
        }
        v = tpy_int_from_str_object(x, (int)b);
    }
    if (v == NULL || type == &tpy_int_type) {
        return v;
    }
    tpy_object_t *r = int_subtype_new(type, v);
    TPY_DECREF(v);
    return r;
}

/* ---- methods and attributes ---------------------------------------------------------- */

static int no_args(const char *qualname, size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs != 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

static int one_arg(size_t nargs, tpy_object_t *kwnames, const char *qualname)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs != 1) {
        tpy_err_format(&tpy_exc_TypeError, "expected 1 argument, got %zu", nargs);
        return -1;
    }
    return 0;
}

static tpy_object_t *int_bit_length(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("int.bit_length", nargs, kwnames) < 0) {
        return NULL;
    }
    la_view_t w;
    tpy_int_view(&w, self);
    return tpy_int_from_u64(la_bit_length(w.d, w.n));
}

static tpy_object_t *int_bit_count(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("int.bit_count", nargs, kwnames) < 0) {
        return NULL;
    }
    la_view_t w;
    tpy_int_view(&w, self);
    uint64_t c = 0;
    for (size_t i = 0; i < w.n; i++) {
        c += (uint64_t)__builtin_popcount(w.d[i]);
    }
    return tpy_int_from_u64(c);
}

static tpy_object_t *int_self_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames, const char *name)
{
    (void)args;
    if (no_args(name, nargs, kwnames) < 0) {
        return NULL;
    }
    return int_exact(self);
}

static tpy_object_t *int_conjugate(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    return int_self_method(self, args, nargs, kwnames, "int.conjugate");
}

static tpy_object_t *int_trunc(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return int_self_method(self, args, nargs, kwnames, "int.__trunc__");
}

static tpy_object_t *int_floor(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    return int_self_method(self, args, nargs, kwnames, "int.__floor__");
}

static tpy_object_t *int_ceil(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    return int_self_method(self, args, nargs, kwnames, "int.__ceil__");
}

static tpy_object_t *int_abs_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("int.__abs__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_abs(self);
}

static tpy_object_t *int_as_integer_ratio(tpy_object_t *self, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("int.as_integer_ratio", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *items[2] = {int_exact(self), tpy_int_from_small(1)};
    if (items[0] == NULL) {
        TPY_DECREF(items[1]);
        return NULL;
    }
    return tpy_tuple_from_array_steal(items, 2);
}

static tpy_object_t *int_round_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "int.__round__() takes no keyword arguments");
    }
    if (nargs > 1) {
        return tpy_err_format(&tpy_exc_TypeError, "__round__ expected at most 1 argument, got %zu",
                              nargs);
    }
    return tpy_int_round(self, nargs > 0 ? args[0] : NULL);
}

static tpy_object_t *int_format_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                       tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "int.__format__() takes no keyword arguments");
    }
    if (nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "int.__format__() takes exactly one argument (%zu given)", nargs);
    }
    if (!TPY_STR_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "__format__() argument must be str, not %T",
                              args[0]);
    }
    return tpy_int_format_spec(self, TPY_STR_DATA(args[0]), (size_t)TPY_STR_LEN(args[0]));
}

static tpy_object_t *int_divmod_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                       tpy_object_t *kwnames)
{
    if (one_arg(nargs, kwnames, "int.__divmod__") < 0) {
        return NULL;
    }
    return tpy_int_divmod(self, args[0]);
}

static tpy_object_t *int_rdivmod_method(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    if (one_arg(nargs, kwnames, "int.__rdivmod__") < 0) {
        return NULL;
    }
    return tpy_int_divmod(args[0], self);
}

static tpy_object_t *int_sizeof(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("int.__sizeof__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_u64(tpy_int_sizeof(self));
}

static const tpy_methoddef_t int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_conjugate, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"__trunc__", int_trunc, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_floor, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_ceil, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_method, 0, "Rounding an Integral returns itself."},
    {"__abs__", int_abs_method, 0, "abs(self)"},
    {"__divmod__", int_divmod_method, 0, "Return divmod(self, value)."},
    {"__rdivmod__", int_rdivmod_method, 0, "Return divmod(value, self)."},
    {"__format__", int_format_method, 0, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, 0, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static tpy_object_t *int_get_self(tpy_object_t *self)
{
    return int_exact(self);
}

static tpy_object_t *int_get_zero(tpy_object_t *self)
{
    (void)self;
    return tpy_int_from_small(0);
}

static tpy_object_t *int_get_one(tpy_object_t *self)
{
    (void)self;
    return tpy_int_from_small(1);
}

static const tpy_getsetdef_t int_getset[] = {
    {"real", int_get_self, NULL},
    {"imag", int_get_zero, NULL},
    {"numerator", int_get_self, NULL},
    {"denominator", int_get_one, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_int_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "int",
    .tp_basicsize = sizeof(tpy_int_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_INT_SUBCLASS | TPY_TPFLAGS_IMMUTABLE,
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_hash = tpy_int_hash,
    .tp_richcompare = int_richcompare,
    .tp_new = int_new,
    .tp_binop =
        TPY_BINOP_TABLE{
            [TPY_BINOP_ADD] = int_add,
            [TPY_BINOP_SUB] = int_sub,
            [TPY_BINOP_MUL] = int_mul,
            [TPY_BINOP_TRUEDIV] = int_truediv,
            [TPY_BINOP_FLOORDIV] = int_floordiv,
            [TPY_BINOP_MOD] = int_mod,
            [TPY_BINOP_POW] = int_pow,
            [TPY_BINOP_LSHIFT] = int_lshift,
            [TPY_BINOP_RSHIFT] = int_rshift,
            [TPY_BINOP_AND] = int_and,
            [TPY_BINOP_OR] = int_or,
            [TPY_BINOP_XOR] = int_xor,
        },
    .tp_unop =
        {
            [TPY_UNOP_NEG] = int_neg,
            [TPY_UNOP_POS] = int_pos,
            [TPY_UNOP_INVERT] = int_invert,
        },
    .tp_bool = int_bool,
    .tp_int = int_exact,
    .tp_float = int_float,
    .tp_index = int_exact,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};

/* ---- bool ------------------------------------------------------------------------ */

static tpy_object_t *bool_repr(tpy_object_t *self)
{
    return tpy_str_from_cstr(V(self) ? "True" : "False");
}

static tpy_object_t *bool_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)type;
    if (tpy_arg_count("bool", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        TPY_RETURN_BOOL(false);
    }
    int t = tpy_object_is_true(args[0]);
    if (t < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(t);
}

#define BOOL_BITOP(name, op, intfn)                                                               \
    static tpy_object_t *name(tpy_object_t *a, tpy_object_t *b)                                   \
    {                                                                                             \
        if (TPY_TYPE(a) == &tpy_bool_type && TPY_TYPE(b) == &tpy_bool_type) {                     \
            TPY_RETURN_BOOL((V(a) op V(b)) != 0);                                                 \
        }                                                                                         \
        return intfn(a, b);                                                                       \
    }
BOOL_BITOP(bool_and, &, int_and)
BOOL_BITOP(bool_or, |, int_or)
BOOL_BITOP(bool_xor, ^, int_xor)

tpy_type_t tpy_bool_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "bool",
    .tp_basicsize = sizeof(tpy_int_t),
    .tp_flags = TPY_TPFLAGS_INT_SUBCLASS | TPY_TPFLAGS_IMMUTABLE,
    .tp_base = &tpy_int_type,
    .tp_dealloc = int_dealloc,
    .tp_repr = bool_repr,
    .tp_hash = tpy_int_hash,
    .tp_richcompare = int_richcompare,
    .tp_new = bool_new,
    .tp_binop =
        TPY_BINOP_TABLE{
            [TPY_BINOP_ADD] = int_add,
            [TPY_BINOP_SUB] = int_sub,
            [TPY_BINOP_MUL] = int_mul,
            [TPY_BINOP_TRUEDIV] = int_truediv,
            [TPY_BINOP_FLOORDIV] = int_floordiv,
            [TPY_BINOP_MOD] = int_mod,
            [TPY_BINOP_POW] = int_pow,
            [TPY_BINOP_LSHIFT] = int_lshift,
            [TPY_BINOP_RSHIFT] = int_rshift,
            [TPY_BINOP_AND] = bool_and,
            [TPY_BINOP_OR] = bool_or,
            [TPY_BINOP_XOR] = bool_xor,
        },
    .tp_unop =
        {
            [TPY_UNOP_NEG] = int_neg,
            [TPY_UNOP_POS] = int_pos,
            [TPY_UNOP_INVERT] = int_invert,
        },
    .tp_bool = int_bool,
    .tp_int = int_exact,
    .tp_float = int_float,
    .tp_index = int_exact,
    .tp_doc = "bool(x) -> bool",
};

/* ---- start-up and shutdown ----------------------------------------------------------- */

void tpy_int_init(void)
{
    tpy_type_ready(&tpy_int_type);
    tpy_type_ready(&tpy_bool_type);
}

void tpy_int_fini(void)
{
    while (int_nfree > 0) {
        tpy_obj_free(TPY_OBJ(int_freelist[--int_nfree]), sizeof(tpy_int_t));
    }
}
