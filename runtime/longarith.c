/*
 * runtime/longarith.c - the digit arithmetic behind arbitrary-precision ints.
 *
 * Digits are 32 bits wide and products and sums are formed in 64 bits, so
 * every inner loop is plain C.  Multiplication is schoolbook below
 * KARATSUBA_CUTOFF digits and Karatsuba above it (lopsided products are cut
 * into balanced slices first); division is Knuth's algorithm D (TAOCP 4.3.1)
 * on operands normalized so the divisor's top bit is set.  Conversions to and
 * from text live in intobject.c: they build on la_divrem1 and la_muladd1.
 */
#include "runtime/longarith.h"

#include <stdlib.h>
#include <string.h>

#define KARATSUBA_CUTOFF 48

size_t la_normalize(const la_digit_t *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

uint64_t la_bit_length(const la_digit_t *a, size_t n)
{
    n = la_normalize(a, n);
    if (n == 0) {
        return 0;
    }
    return (uint64_t)(n - 1) * LA_SHIFT + (uint64_t)(32 - __builtin_clz(a[n - 1]));
}

int la_cmp(const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn)
{
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    for (size_t i = an; i-- > 0;) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

size_t la_add(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn)
{
    if (an < bn) {
        const la_digit_t *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (uint64_t)a[i] + b[i];
        r[i] = (la_digit_t)carry;
        carry >>= LA_SHIFT;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (la_digit_t)carry;
        carry >>= LA_SHIFT;
    }
    r[i] = (la_digit_t)carry;
    return la_normalize(r, an + 1);
}

size_t la_sub(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn)
{
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        int64_t t = (int64_t)a[i] - b[i] - borrow;
        r[i] = (la_digit_t)t;
        borrow = t < 0;
    }
    for (; i < an; i++) {
        int64_t t = (int64_t)a[i] - borrow;
        r[i] = (la_digit_t)t;
        borrow = t < 0;
    }
    return la_normalize(r, an);
}

/* r[0..an+bn) = a * b, the O(n*m) way. */
static void mul_school(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b,
                       size_t bn)
{
    memset(r, 0, (an + bn) * sizeof(la_digit_t));
    for (size_t i = 0; i < bn; i++) {
        uint64_t m = b[i];
        if (m == 0) {
            continue;
        }
        uint64_t carry = 0;
        for (size_t j = 0; j < an; j++) {
            carry += (uint64_t)a[j] * m + r[i + j];
            r[i + j] = (la_digit_t)carry;
            carry >>= LA_SHIFT;
        }
        r[i + an] = (la_digit_t)carry;
    }
}

/* r[0..rn) += a[0..an); the carry out of the top is dropped (callers know
 * the true sum fits). */
static void add_into(la_digit_t *r, size_t rn, const la_digit_t *a, size_t an)
{
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < an && i < rn; i++) {
        carry += (uint64_t)r[i] + a[i];
        r[i] = (la_digit_t)carry;
        carry >>= LA_SHIFT;
    }
    for (; carry != 0 && i < rn; i++) {
        carry += r[i];
        r[i] = (la_digit_t)carry;
        carry >>= LA_SHIFT;
    }
}

/* r[0..rn) -= a[0..an) where r >= a. */
static void sub_from(la_digit_t *r, size_t rn, const la_digit_t *a, size_t an)
{
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < an; i++) {
        int64_t t = (int64_t)r[i] - a[i] - borrow;
        r[i] = (la_digit_t)t;
        borrow = t < 0;
    }
    for (; borrow != 0 && i < rn; i++) {
        int64_t t = (int64_t)r[i] - borrow;
        r[i] = (la_digit_t)t;
        borrow = t < 0;
    }
}

static bool kmul(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn);

/* a much longer than b: multiply b by slices of a of b's length. */
static bool kmul_lopsided(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b,
                          size_t bn)
{
    la_digit_t *part = malloc(2 * bn * sizeof(la_digit_t));
    if (part == NULL) {
        return false;
    }
    memset(r, 0, (an + bn) * sizeof(la_digit_t));
    for (size_t off = 0; off < an; off += bn) {
        size_t len = an - off < bn ? an - off : bn;
        if (!kmul(part, a + off, len, b, bn)) {
            free(part);
            return false;
        }
        add_into(r + off, an + bn - off, part, len + bn);
    }
    free(part);
    return true;
}

/*
 * Karatsuba with an >= bn: split at h = an/2 so that both halves of b are
 * non-empty; (a1 B^h + a0)(b1 B^h + b0) = z2 B^2h + z1 B^h + z0 where
 * z1 = (a0 + a1)(b0 + b1) - z0 - z2.
 */
static bool kmul(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn)
{
    if (an < bn) {
        return kmul(r, b, bn, a, an);
    }
    if (bn < KARATSUBA_CUTOFF) {
        mul_school(r, a, an, b, bn);
        return true;
    }
    if (2 * bn <= an) {
        return kmul_lopsided(r, a, an, b, bn);
    }
    size_t h = an / 2;
    size_t a1n = an - h, b1n = bn - h;
    size_t san = a1n + 1, sbn = (h > b1n ? h : b1n) + 1;
    la_digit_t *sa = malloc((san + sbn + san + sbn) * sizeof(la_digit_t));
    if (sa == NULL) {
        return false;
    }
    la_digit_t *sb = sa + san, *z1 = sb + sbn;
    // z0 into r[0..2h), z2 into r[2h..an+bn)
    if (!kmul(r, a, h, b, h) || !kmul(r + 2 * h, a + h, a1n, b + h, b1n)) {
        free(sa);
        return false;
    }
    la_add(sa, a, h, a + h, a1n);
    la_add(sb, b, h, b + h, b1n);
    if (!kmul(z1, sa, san, sb, sbn)) {
        free(sa);
        return false;
    }
    size_t z1n = san + sbn;
    sub_from(z1, z1n, r, 2 * h);
    sub_from(z1, z1n, r + 2 * h, a1n + b1n);
    z1n = la_normalize(z1, z1n);
    add_into(r + h, an + bn - h, z1, z1n);
    free(sa);
    return true;
}

bool la_mul(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn)
{
    if (an == 0 || bn == 0) {
        memset(r, 0, (an + bn) * sizeof(la_digit_t));
        return true;
    }
    return kmul(r, a, an, b, bn);
}

la_digit_t la_divrem1(la_digit_t *q, const la_digit_t *a, size_t n, la_digit_t d)
{
    uint64_t rem = 0;
    for (size_t i = n; i-- > 0;) {
        uint64_t cur = (rem << LA_SHIFT) | a[i];
        q[i] = (la_digit_t)(cur / d);
        rem = cur % d;
    }
    return (la_digit_t)rem;
}

la_digit_t la_muladd1(la_digit_t *a, size_t n, la_digit_t m, la_digit_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (uint64_t)a[i] * m;
        a[i] = (la_digit_t)carry;
        carry >>= LA_SHIFT;
    }
    return (la_digit_t)carry;
}

bool la_divmod(la_digit_t *q, la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b,
               size_t bn)
{
    if (bn == 1) {
        la_digit_t *qq = q;
        if (qq == NULL) {
            qq = malloc(an * sizeof(la_digit_t));
            if (qq == NULL) {
                return false;
            }
        }
        la_digit_t rem = la_divrem1(qq, a, an, b[0]);
        if (qq != q) {
            free(qq);
        }
        if (r != NULL) {
            r[0] = rem;
        }
        return true;
    }
    // Normalize: shift both so that the divisor's top digit has its top bit set.
    int s = __builtin_clz(b[bn - 1]);
    la_digit_t *un = malloc((an + 1 + bn) * sizeof(la_digit_t));
    if (un == NULL) {
        return false;
    }
    la_digit_t *vn = un + an + 1;
    for (size_t i = bn - 1; i > 0; i--) {
        vn[i] = (la_digit_t)((b[i] << s) | (s ? (uint64_t)b[i - 1] >> (32 - s) : 0));
    }
    vn[0] = b[0] << s;
    un[an] = s ? (la_digit_t)((uint64_t)a[an - 1] >> (32 - s)) : 0;
    for (size_t i = an - 1; i > 0; i--) {
        un[i] = (la_digit_t)((a[i] << s) | (s ? (uint64_t)a[i - 1] >> (32 - s) : 0));
    }
    un[0] = a[0] << s;

    uint64_t vtop = vn[bn - 1], vnext = vn[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        // Estimate the quotient digit from the top two digits, then correct it.
        uint64_t num = ((uint64_t)un[j + bn] << LA_SHIFT) | un[j + bn - 1];
        uint64_t qhat = num / vtop;
        uint64_t rhat = num - qhat * vtop;
        while (qhat >= LA_BASE || qhat * vnext > ((rhat << LA_SHIFT) | un[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= LA_BASE) {
                break;
            }
        }
        // Multiply and subtract qhat * v from the current window of u.
        int64_t borrow = 0, t;
        for (size_t i = 0; i < bn; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - borrow - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (la_digit_t)t;
            borrow = (int64_t)(p >> LA_SHIFT) - (t >> LA_SHIFT);
        }
        t = (int64_t)un[j + bn] - borrow;
        un[j + bn] = (la_digit_t)t;
        if (t < 0) {
            // qhat was one too big: add v back.
            qhat--;
            uint64_t carry = 0;
            for (size_t i = 0; i < bn; i++) {
                carry += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (la_digit_t)carry;
                carry >>= LA_SHIFT;
            }
            un[j + bn] += (la_digit_t)carry;
        }
        if (q != NULL) {
            q[j] = (la_digit_t)qhat;
        }
    }
    if (r != NULL) {
        for (size_t i = 0; i < bn; i++) {
            r[i] = (la_digit_t)((un[i] >> s) | (s ? (uint64_t)un[i + 1] << (32 - s) : 0));
        }
    }
    free(un);
    return true;
}

size_t la_lshift(la_digit_t *r, const la_digit_t *a, size_t an, uint64_t bits)
{
    size_t words = (size_t)(bits / LA_SHIFT);
    unsigned s = (unsigned)(bits % LA_SHIFT);
    memset(r, 0, words * sizeof(la_digit_t));
    uint64_t carry = 0;
    for (size_t i = 0; i < an; i++) {
        uint64_t t = ((uint64_t)a[i] << s) | carry;
        r[words + i] = (la_digit_t)t;
        carry = t >> LA_SHIFT;
    }
    r[words + an] = (la_digit_t)carry;
    return words + an + 1;
}

bool la_low_bits_nonzero(const la_digit_t *a, size_t an, uint64_t bits)
{
    size_t words = (size_t)(bits / LA_SHIFT);
    unsigned s = (unsigned)(bits % LA_SHIFT);
    for (size_t i = 0; i < words && i < an; i++) {
        if (a[i] != 0) {
            return true;
        }
    }
    return s != 0 && words < an && (a[words] & ((1u << s) - 1)) != 0;
}

size_t la_rshift(la_digit_t *r, const la_digit_t *a, size_t an, uint64_t bits, bool *lost)
{
    if (lost != NULL) {
        *lost = la_low_bits_nonzero(a, an, bits);
    }
    if (bits / LA_SHIFT >= an) {
        return 0;
    }
    size_t words = (size_t)(bits / LA_SHIFT);
    unsigned s = (unsigned)(bits % LA_SHIFT);
    size_t n = an - words;
    for (size_t i = 0; i < n; i++) {
        uint64_t lo = a[i + words] >> s;
        uint64_t hi = (s != 0 && i + words + 1 < an) ? (uint64_t)a[i + words + 1] << (32 - s) : 0;
        r[i] = (la_digit_t)(lo | hi);
    }
    return la_normalize(r, n);
}
