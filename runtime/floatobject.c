/*
 * runtime/floatobject.c - float: an IEEE double, with CPython 3.11's semantics.
 *
 * repr is the shortest digit string that reads back as the same double
 * (found by asking snprintf for 1..17 significant digits and strtod for the
 * round trip), written in scientific notation when the exponent is < -4 or
 * >= 16.  Arithmetic accepts ints (converted exactly or OverflowError);
 * comparisons with ints are exact; // and % follow Python's sign rules; the
 * hash reduces the exact value modulo 2**61-1 so that hash(2.0) == hash(2).
 * tpy has no complex type: a negative base to a fractional power raises
 * NotImplementedError instead of returning a complex.  Dead exact floats are
 * recycled through a free list of FLOAT_FREELIST_MAX blocks.
 */
#include "runtime/floatobject.h"

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/intobject.h"
#include "runtime/numformat.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLOAT_FREELIST_MAX 100
#define FV(op) (((tpy_float_t *)(op))->v)
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

static tpy_float_t *float_freelist[FLOAT_FREELIST_MAX];
static int float_nfree;

static inline bool is_float(tpy_object_t *op)
{
    return TPY_FLOAT_CHECK_EXACT(op) || TPY_FLOAT_CHECK(op);
}

/* ---- allocation -------------------------------------------------------------- */

tpy_object_t *tpy_float_from_double(double v)
{
    tpy_float_t *op;
    if (float_nfree > 0) {
        op = float_freelist[--float_nfree];
        op->ob.refcnt = 1;
        TPY_REF_INC_TOTAL();
    } else {
        op = (tpy_float_t *)tpy_obj_new(&tpy_float_type, sizeof(tpy_float_t));
        if (op == NULL) {
            return tpy_err_no_memory();
        }
    }
    op->v = v;
    return TPY_OBJ(op);
}

static void float_dealloc(tpy_object_t *op)
{
    if (TPY_FLOAT_CHECK_EXACT(op) && float_nfree < FLOAT_FREELIST_MAX) {
        float_freelist[float_nfree++] = (tpy_float_t *)op;
        return;
    }
    size_t size = TPY_TYPE(op)->tp_basicsize;
    if (TPY_OBJECT_IS_GC(op)) {
        tpy_gc_untrack(op);
        tpy_gc_free(op, size);
    } else {
        tpy_obj_free(op, size);
    }
}

/* An instance of the float subclass [type] holding [v]. */
static tpy_object_t *float_subtype_new(tpy_type_t *type, double v)
{
    tpy_object_t *op = TPY_TYPE_IS_GC(type) ? tpy_gc_new(type, type->tp_basicsize)
                                            : tpy_obj_new(type, type->tp_basicsize);
    if (op == NULL) {
        return tpy_err_no_memory();
    }
    FV(op) = v;
    if (type->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        TPY_INCREF(type); // instances of classes own their class (subtype_dealloc drops it)
    }
    if (TPY_TYPE_IS_GC(type)) {
        tpy_gc_track(op);
    }
    return op;
}

/* ---- conversions --------------------------------------------------------------- */

/* An operand of arithmetic as a double: 1 done, 0 not a number we handle, -1 error. */
static int operand(tpy_object_t *op, double *out)
{
    if (TPY_FLOAT_CHECK_EXACT(op)) {
        *out = FV(op);
        return 1;
    }
    if (TPY_INT_CHECK(op)) { // before the MRO walk of TPY_FLOAT_CHECK
        if (tpy_int_is_small(op)) {
            *out = (double)((tpy_int_t *)op)->v;
            return 1;
        }
        *out = tpy_int_as_double(op);
        return *out == -1.0 && tpy_err_occurred() ? -1 : 1;
    }
    if (TPY_FLOAT_CHECK(op)) {
        *out = FV(op);
        return 1;
    }
    return 0;
}

double tpy_float_as_double(tpy_object_t *op)
{
    if (is_float(op)) {
        return FV(op);
    }
    if (TPY_INT_CHECK(op)) {
        return tpy_int_as_double(op);
    }
    tpy_type_t *t = TPY_TYPE(op);
    if (t->tp_float != NULL) {
        tpy_object_t *f = t->tp_float(op);
        if (f == NULL) {
            return -1.0;
        }
        if (!is_float(f)) {
            tpy_err_format(&tpy_exc_TypeError, "%s.__float__ returned non-float (type %T)",
                           tpy_type_name(t), f);
            TPY_DECREF(f);
            return -1.0;
        }
        double v = FV(f);
        TPY_DECREF(f);
        return v;
    }
    if (t->tp_index != NULL) {
        tpy_object_t *i = tpy_number_index(op);
        if (i == NULL) {
            return -1.0;
        }
        double v = tpy_int_as_double(i);
        TPY_DECREF(i);
        return v;
    }
    tpy_err_format(&tpy_exc_TypeError, "must be real number, not %T", op);
    return -1.0;
}

/* ---- repr ------------------------------------------------------------------------- */

/* Split snprintf's "d.ddde+XX" into bare digits (returns their count) and the exponent. */
static int split_e_format(const char *buf, char *digits, int *x)
{
    int n = 0;
    const char *p = buf;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    digits[n] = '\0';
    *x = atoi(p + 1);
    return n;
}

/* The [n] digits one unit in the last place above [digits] (exponent [x]). */
static void digits_up(char *digits, int n, int *x)
{
    int i = n - 1;
    while (i >= 0 && digits[i] == '9') {
        digits[i--] = '0';
    }
    if (i >= 0) {
        digits[i]++;
    } else {
        digits[0] = '1'; // 99..9 + 1 = 100..0: one more in the exponent
        (*x)++;
    }
}

static bool digits_read_back(const char *digits, int n, int x, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], n > 1 ? digits + 1 : "0", x);
    return strtod(buf, NULL) == v;
}

/*
 * The p-digit form of finite [v] > 0 that reads back as [v], if any: into
 * [digits], exponent in *x.  The correctly rounded form is the closest; but
 * when v is a power of two the doubles below are twice as dense as above, so
 * the form one unit higher may read back when the closest does not.
 */
static bool digits_for_precision(double v, int p, bool pow2, char *digits, int *x)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    int n = split_e_format(buf, digits, x);
    if (digits_read_back(digits, n, *x, v)) {
        return true;
    }
    if (pow2 && strtod(buf, NULL) < v) {
        digits_up(digits, n, x);
        return digits_read_back(digits, n, *x, v);
    }
    return false;
}

/*
 * The shortest significant digits of finite [v] > 0 that read back as [v]:
 * into [digits] (NUL-terminated, no trailing zeros); returns the decimal
 * exponent x, v ~= d.ddd * 10**x.  Found by bisection on the digit count:
 * when p digits read back, so do p + 1.
 */
static int shortest_digits(double v, char *digits)
{
    int e;
    bool pow2 = frexp(v, &e) == 0.5;
    int lo = 1, hi = 17, x;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (digits_for_precision(v, mid, pow2, digits, &x)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    digits_for_precision(v, lo, pow2, digits, &x);
    int n = (int)strlen(digits);
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    return x;
}

/*
 * Write significant digits [d] (n of them) with exponent [x] the way repr
 * and the '' format type do: scientific when x < -4 or x >= [threshold];
 * [dot0] appends ".0" to a fixed-point integer, [alt] keeps a bare '.'.
 * Returns the length written to [out] (room for n + |x| + 8 bytes).
 */
static size_t layout_digits(char *out, const char *d, int n, int x, int threshold, bool dot0,
                            bool alt, char echar)
{
    char *o = out;
    if (x < -4 || x >= threshold) {
        *o++ = d[0];
        if (n > 1 || alt) {
            *o++ = '.';
        }
        memcpy(o, d + 1, (size_t)(n - 1));
        o += n - 1;
        o += sprintf(o, "%c%c%02d", echar, x < 0 ? '-' : '+', x < 0 ? -x : x);
    } else if (x >= 0) {
        for (int i = 0; i <= x; i++) {
            *o++ = i < n ? d[i] : '0';
        }
        if (n > x + 1) {
            *o++ = '.';
            memcpy(o, d + x + 1, (size_t)(n - x - 1));
            o += n - x - 1;
        } else if (dot0) {
            *o++ = '.';
            *o++ = '0';
        } else if (alt) {
            *o++ = '.';
        }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -x - 1; i++) {
            *o++ = '0';
        }
        memcpy(o, d, (size_t)n);
        o += n;
    }
    *o = '\0';
    return (size_t)(o - out);
}

void tpy_float_repr_buf(double v, char *buf, size_t size)
{
    char tmp[48];
    if (isnan(v)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, size, v > 0 ? "inf" : "-inf");
        return;
    }
    char *o = tmp;
    if (signbit(v)) {
        *o++ = '-';
        v = -v;
    }
    if (v == 0.0) {
        strcpy(o, "0.0");
    } else {
        char digits[24];
        int x = shortest_digits(v, digits);
        layout_digits(o, digits, (int)strlen(digits), x, 16, true, false, 'e');
    }
    snprintf(buf, size, "%s", tmp);
}

static tpy_object_t *float_repr(tpy_object_t *self)
{
    char buf[48];
    tpy_float_repr_buf(FV(self), buf, sizeof buf);
    return tpy_str_from_cstr(buf);
}

/* ---- formatting ----------------------------------------------------------------------- */

/*
 * The text of |v| (no sign) for presentation [type]: 'e' 'E' 'f' 'F' 'g' 'G'
 * 'n' '%', 'r' (repr) or 0 (the '' type: repr-like, or 'g'-like with at least
 * one decimal when [prec] >= 0).  [prec] < 0 means the default.  malloc'd;
 * NULL with MemoryError set.
 */
static char *format_abs(double v, uint32_t type, int prec, bool alt, size_t *len)
{
    v = fabs(v);
    bool upper = type == 'E' || type == 'F' || type == 'G';
    size_t cap = 64 + (size_t)(prec > 0 ? prec : 0) + (isfinite(v) && v > 1 ? 320 : 0);
    char *buf = malloc(cap);
    if (buf == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    if (!isfinite(v)) {
        const char *w = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        *len = (size_t)snprintf(buf, cap, "%s%s", w, type == '%' ? "%" : "");
        return buf;
    }
    char fmt[8], *f = fmt;
    *f++ = '%';
    if (alt) {
        *f++ = '#';
    }
    *f++ = '.';
    *f++ = '*';
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        *f++ = (char)type;
        *f = '\0';
        *len = (size_t)snprintf(buf, cap, fmt, prec < 0 ? 6 : prec, v);
        return buf;
    case 'n':
        *f++ = 'g';
        *f = '\0';
        *len = (size_t)snprintf(buf, cap, fmt, prec < 0 ? 6 : prec, v);
        return buf;
    case '%':
        *f++ = 'f';
        *f = '\0';
        *len = (size_t)snprintf(buf, cap - 1, fmt, prec < 0 ? 6 : prec, v * 100.0);
        buf[(*len)++] = '%';
        buf[*len] = '\0';
        return buf;
    default:
        break;
    }
    // repr and the '' type
    char digits[24], *d = digits;
    int n, x, threshold;
    if (prec < 0 || type == 'r') {
        if (v == 0.0) {
            strcpy(digits, "0");
            x = 0;
        } else {
            x = shortest_digits(v, digits);
        }
    } else {
        int p = prec == 0 ? 1 : prec;
        char *tmp = malloc((size_t)p + 16);
        if (tmp == NULL) {
            free(buf);
            tpy_err_no_memory();
            return NULL;
        }
        snprintf(tmp, (size_t)p + 16, "%.*e", p - 1, v);
        // keep the digits, drop the point; up to 17 carry information
        char *q = tmp, *e = strchr(tmp, 'e');
        n = 0;
        d = malloc((size_t)p + 2);
        if (d == NULL) {
            free(tmp);
            free(buf);
            tpy_err_no_memory();
            return NULL;
        }
        for (; q < e; q++) {
            if (*q != '.') {
                d[n++] = *q;
            }
        }
        x = atoi(e + 1);
        free(tmp);
        if (!alt) {
            while (n > 1 && d[n - 1] == '0') {
                n--;
            }
        }
        d[n] = '\0';
    }
    n = (int)strlen(d);
    if (prec < 0 || type == 'r') {
        threshold = 16;
    } else {
        threshold = (prec == 0 ? 1 : prec) - 1;
    }
    size_t need = (size_t)n + (size_t)(x < 0 ? -x : x) + 16;
    if (need > cap) {
        char *nb = realloc(buf, need);
        if (nb == NULL) {
            free(buf);
            if (d != digits) {
                free(d);
            }
            tpy_err_no_memory();
            return NULL;
        }
        buf = nb;
    }
    *len = layout_digits(buf, d, n, x, threshold, true, alt, 'e');
    if (d != digits) {
        free(d);
    }
    return buf;
}

tpy_object_t *tpy_float_format(double v, char type, int precision, bool alternate)
{
    if (type == 'r') {
        char buf[48];
        tpy_float_repr_buf(v, buf, sizeof buf);
        return tpy_str_from_cstr(buf);
    }
    size_t len;
    char *text = format_abs(v, (uint32_t)(unsigned char)type, precision, alternate, &len);
    if (text == NULL) {
        return NULL;
    }
    tpy_object_t *r;
    if (signbit(v) && !isnan(v)) {
        r = tpy_str_new_raw(len + 1, len + 1);
        if (r != NULL) {
            TPY_STR_DATA(r)[0] = '-';
            memcpy(TPY_STR_DATA(r) + 1, text, len);
        }
    } else {
        r = tpy_str_from_utf8(text, len);
    }
    free(text);
    return r;
}

/* True when the digits of a formatted magnitude are all zero ("0.00", "0e+00"). */
static bool text_is_zero(const char *s)
{
    for (; *s != '\0' && *s != 'e' && *s != 'E'; s++) {
        if (*s >= '1' && *s <= '9') {
            return false;
        }
    }
    return true;
}

tpy_object_t *tpy_float_format_parsed(double v, const tpy_numspec_t *spec, const char *tname)
{
    switch (spec->type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        break;
    default:
        return tpy_numspec_unknown(spec, tname);
    }
    if (spec->precision > INT32_MAX - 400) {
        return tpy_err_no_memory();
    }
    size_t len;
    char *text = format_abs(v, spec->type, (int)spec->precision, spec->alternate, &len);
    if (text == NULL) {
        return NULL;
    }
    bool neg = signbit(v) && !isnan(v);
    if (neg && spec->no_neg_zero && isfinite(v) && text_is_zero(text)) {
        neg = false;
    }
    size_t nd = 0;
    while (nd < len && text[nd] >= '0' && text[nd] <= '9') {
        nd++;
    }
    tpy_object_t *r = tpy_numspec_layout(spec, neg, "", text, nd, text + nd, len - nd, 3);
    free(text);
    return r;
}

tpy_object_t *tpy_float_format_spec(tpy_object_t *v, const char *spec, size_t len)
{
    if (len == 0) {
        return tpy_object_str(v);
    }
    const char *tname = tpy_type_name(TPY_TYPE(v));
    tpy_numspec_t f;
    if (tpy_numspec_parse(spec, len, tname, &f) < 0) {
        return NULL;
    }
    return tpy_float_format_parsed(FV(v), &f, tname);
}

/* ---- hashing and comparison ------------------------------------------------------------ */

int64_t tpy_float_hash_double(double v)
{
    if (!isfinite(v)) {
        return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
    }
    // v = M * 2**E with an integer M < 2**53; 2**61 == 1 modulo 2**61 - 1, so
    // multiplying by 2**E is a rotation of the 61-bit residue by E mod 61.
    int e;
    double m = frexp(fabs(v), &e);
    uint64_t h = (uint64_t)ldexp(m, 53);
    int r = (int)((((int64_t)e - 53) % HASH_BITS + HASH_BITS) % HASH_BITS);
    h = ((h << r) & HASH_MODULUS) | (h >> (HASH_BITS - r));
    if (h == HASH_MODULUS) {
        h = 0;
    }
    int64_t x = v < 0 ? -(int64_t)h : (int64_t)h;
    return x == -1 ? -2 : x;
}

static int64_t float_hash(tpy_object_t *self)
{
    double v = FV(self);
    if (isnan(v)) {
        return tpy_hash_pointer(self);
    }
    return tpy_float_hash_double(v);
}

static bool cmp_doubles(double x, double y, int op)
{
    switch (op) {
    case TPY_CMP_LT:
        return x < y;
    case TPY_CMP_LE:
        return x <= y;
    case TPY_CMP_EQ:
        return x == y;
    case TPY_CMP_NE:
        return x != y;
    case TPY_CMP_GT:
        return x > y;
    default:
        return x >= y;
    }
}

static tpy_object_t *float_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    bool fa = TPY_FLOAT_CHECK_EXACT(a) || (!TPY_INT_CHECK(a) && TPY_FLOAT_CHECK(a));
    bool fb = TPY_FLOAT_CHECK_EXACT(b) || (!TPY_INT_CHECK(b) && TPY_FLOAT_CHECK(b));
    if (fa && fb) {
        return tpy_bool_from(cmp_doubles(FV(a), FV(b), op));
    }
    tpy_object_t *i = fa ? b : a;
    if (!TPY_INT_CHECK(i)) {
        TPY_RETURN_NOTIMPL;
    }
    double d = FV(fa ? a : b);
    int c = tpy_int_compare_double(i, d); // int vs float
    if (c == -2) {
        return NULL;
    }
    if (c == 2) {
        return tpy_bool_from(op == TPY_CMP_NE);
    }
    if (fa) {
        c = -c;
    }
    return tpy_bool_from(cmp_doubles((double)c, 0.0, op));
}

/* ---- arithmetic ------------------------------------------------------------------------ */

#define OPERANDS(a, b, x, y)                                                                      \
    double x, y;                                                                                  \
    do {                                                                                          \
        int ra_ = operand(a, &x);                                                                 \
        if (ra_ <= 0) {                                                                           \
            return ra_ < 0 ? NULL : tpy_newref(tpy_not_implemented);                              \
        }                                                                                         \
        int rb_ = operand(b, &y);                                                                 \
        if (rb_ <= 0) {                                                                           \
            return rb_ < 0 ? NULL : tpy_newref(tpy_not_implemented);                              \
        }                                                                                         \
    } while (0)

static tpy_object_t *float_add(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    return tpy_float_from_double(x + y);
}

static tpy_object_t *float_sub(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    return tpy_float_from_double(x - y);
}

static tpy_object_t *float_mul(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    return tpy_float_from_double(x * y);
}

static tpy_object_t *float_truediv(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "float division by zero");
    }
    return tpy_float_from_double(x / y);
}

/* Python's floor division and modulo of doubles (y != 0): the remainder takes
 * the sign of y, zeros keep the signs Python gives them. */
static void divmod_doubles(double x, double y, double *floordiv, double *mod)
{
    double m = fmod(x, y);
    double div = (x - m) / y; // exact up to rounding: x - m is a multiple of y
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0; // div was just below an integer because of rounding
        }
    } else {
        fd = copysign(0.0, x / y);
    }
    *floordiv = fd;
    *mod = m;
}

static tpy_object_t *float_floordiv(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "float floor division by zero");
    }
    double q, r;
    divmod_doubles(x, y, &q, &r);
    return tpy_float_from_double(q);
}

static tpy_object_t *float_mod(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "float modulo");
    }
    double m = fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
        }
    } else {
        m = copysign(0.0, y);
    }
    return tpy_float_from_double(m);
}

tpy_object_t *tpy_float_divmod(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "float divmod()");
    }
    double q, r;
    divmod_doubles(x, y, &q, &r);
    tpy_object_t *items[2] = {tpy_float_from_double(q), tpy_float_from_double(r)};
    if (items[0] == NULL || items[1] == NULL) {
        TPY_XDECREF(items[0]);
        TPY_XDECREF(items[1]);
        return NULL;
    }
    return tpy_tuple_from_array_steal(items, 2);
}

static bool is_odd_integer(double w)
{
    return fmod(fabs(w), 2.0) == 1.0;
}

static tpy_object_t *range_error(void)
{
    tpy_object_t *code = tpy_int_from_small(34);
    tpy_object_t *msg = tpy_str_from_cstr("Numerical result out of range");
    tpy_object_t *args = code && msg ? tpy_tuple_pack(2, code, msg) : NULL;
    TPY_XDECREF(code);
    TPY_XDECREF(msg);
    if (args != NULL) {
        tpy_object_t *exc = tpy_exc_new(&tpy_exc_OverflowError, args);
        TPY_DECREF(args);
        if (exc != NULL) {
            tpy_err_restore(exc);
        }
    }
    return NULL;
}

/* x ** y with CPython's special cases (C99 pow plus errors). */
static tpy_object_t *pow_doubles(double x, double y)
{
    if (y == 0.0) {
        return tpy_float_from_double(1.0);
    }
    if (isnan(x)) {
        return tpy_float_from_double(x);
    }
    if (isnan(y)) {
        return tpy_float_from_double(x == 1.0 ? 1.0 : y);
    }
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) {
            return tpy_float_from_double(1.0);
        }
        return tpy_float_from_double((y > 0) == (ax > 1.0) ? INFINITY : 0.0);
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0) {
            return tpy_float_from_double(odd ? x : fabs(x));
        }
        return tpy_float_from_double(odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0.0) {
        if (y < 0) {
            return tpy_err_format(&tpy_exc_ZeroDivisionError,
                                  "0.0 cannot be raised to a negative power");
        }
        return tpy_float_from_double(is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0.0) {
        if (y != floor(y)) {
            return tpy_err_format(&tpy_exc_NotImplementedError,
                                  "complex numbers are not supported");
        }
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) {
        return tpy_float_from_double(negate ? -1.0 : 1.0);
    }
    double r = pow(x, y);
    if (isinf(r)) {
        return range_error();
    }
    return tpy_float_from_double(negate ? -r : r);
}

static tpy_object_t *float_pow(tpy_object_t *a, tpy_object_t *b)
{
    OPERANDS(a, b, x, y);
    return pow_doubles(x, y);
}

tpy_object_t *tpy_float_binop(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_binary_fn fn = op >= 0 && op < TPY_BINOP_COUNT ? tpy_type_binop(&tpy_float_type, op) : NULL;
    if (fn == NULL) {
        TPY_RETURN_NOTIMPL;
    }
    return fn(a, b);
}

static tpy_object_t *float_neg(tpy_object_t *a)
{
    return tpy_float_from_double(-FV(a));
}

static tpy_object_t *float_pos(tpy_object_t *a)
{
    if (TPY_FLOAT_CHECK_EXACT(a)) {
        return tpy_newref(a);
    }
    return tpy_float_from_double(FV(a));
}

static int float_bool(tpy_object_t *a)
{
    return FV(a) != 0.0;
}

static tpy_object_t *float_int(tpy_object_t *a)
{
    return tpy_int_from_double(FV(a));
}

/* ---- rounding ------------------------------------------------------------------------- */

tpy_object_t *tpy_float_floor(double v)
{
    return tpy_int_from_double(floor(v));
}

tpy_object_t *tpy_float_ceil(double v)
{
    return tpy_int_from_double(ceil(v));
}

/* round(x, -k) for k >= 1: round the exact decimal digits of x half to even. */
static double round_negative(double x, int64_t k)
{
    double ax = fabs(x), ip = trunc(ax);
    bool sticky = ax != ip;
    char digits[400];
    int len = snprintf(digits, sizeof digits, "%.0f", ip); // exact for integers
    if ((int64_t)len < k) {
        // |x| < 10**(k-1): below half of 10**k
        return copysign(0.0, x);
    }
    int keep = len - (int)k; // digits kept in front of the k rounded away
    bool up;
    char first = digits[keep];
    bool rest_zero = !sticky;
    for (int i = keep + 1; i < len && rest_zero; i++) {
        rest_zero = digits[i] == '0';
    }
    if (first > '5' || (first == '5' && !rest_zero)) {
        up = true;
    } else if (first == '5') {
        up = keep > 0 && ((digits[keep - 1] - '0') & 1);
    } else {
        up = false;
    }
    char out[420];
    memcpy(out + 1, digits, (size_t)keep);
    out[0] = '0';
    int n = keep + 1;
    if (up) {
        int i = n - 1;
        while (i >= 0 && out[i] == '9') {
            out[i--] = '0';
        }
        out[i]++;
    }
    snprintf(out + n, sizeof out - (size_t)n, "e%d", (int)k);
    return copysign(strtod(out, NULL), x);
}

tpy_object_t *tpy_float_round(tpy_object_t *v, tpy_object_t *ndigits)
{
    double x = FV(v);
    if (ndigits == NULL || ndigits == tpy_none) {
        return tpy_int_from_double(nearbyint(x)); // ties to even in the default mode
    }
    tpy_object_t *nd = tpy_number_index(ndigits);
    if (nd == NULL) {
        return NULL;
    }
    int overflow;
    int64_t n = tpy_int_as_i64_overflow(nd, &overflow);
    TPY_DECREF(nd);
    if (overflow) {
        n = overflow > 0 ? INT64_MAX : INT64_MIN;
    }
    // Past these every double is unchanged / rounds to zero (CPython's bounds).
    const int64_t ndigits_max = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int64_t ndigits_min = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (!isfinite(x) || x == 0.0 || n > ndigits_max) {
        return tpy_float_from_double(x);
    }
    if (n < ndigits_min) {
        return tpy_float_from_double(0.0 * x);
    }
    double r;
    if (n >= 0) {
        char buf[800];
        snprintf(buf, sizeof buf, "%.*f", (int)n, x); // correctly rounded, ties to even
        r = strtod(buf, NULL);
    } else {
        r = round_negative(x, -n);
    }
    if (isinf(r)) {
        return tpy_err_format(&tpy_exc_OverflowError, "rounded value too large to represent");
    }
    return tpy_float_from_double(r);
}

/* ---- construction ----------------------------------------------------------------------- */

static bool is_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Case-insensitive match of [p, end) against [word]. */
static bool word_is(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

/* Copy a run of digits with single underscores between them into [out];
 * returns the digit count, or -1 when an underscore is misplaced. */
static int copy_digits(const char **pp, const char *end, char **out)
{
    const char *p = *pp;
    int n = 0;
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            *(*out)++ = *p++;
            n++;
        } else if (*p == '_' && n > 0 && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
            p++;
        } else {
            break;
        }
    }
    *pp = p;
    return n;
}

/* Parse ASCII [s]: true with *v set when it is a float literal. */
static bool parse_float_ascii(const char *s, size_t len, double *v)
{
    const char *p = s, *end = s + len;
    while (p < end && is_ascii_space(*p)) {
        p++;
    }
    while (end > p && is_ascii_space(end[-1])) {
        end--;
    }
    double sign = 1.0;
    const char *body = p;
    if (p < end && (*p == '+' || *p == '-')) {
        sign = *p == '-' ? -1.0 : 1.0;
        p++;
    }
    if (word_is(p, end, "inf") || word_is(p, end, "infinity")) {
        *v = sign * INFINITY;
        return true;
    }
    if (word_is(p, end, "nan")) {
        *v = copysign(NAN, sign);
        return true;
    }
    char *clean = malloc((size_t)(end - body) + 1), *o = clean;
    if (clean == NULL) {
        return false;
    }
    if (p > body) {
        *o++ = *body;
    }
    int nint = copy_digits(&p, end, &o), nfrac = 0;
    if (p < end && *p == '.') {
        *o++ = *p++;
        nfrac = copy_digits(&p, end, &o);
    }
    bool ok = nint + nfrac > 0;
    if (ok && p < end && (*p == 'e' || *p == 'E')) {
        *o++ = *p++;
        if (p < end && (*p == '+' || *p == '-')) {
            *o++ = *p++;
        }
        ok = copy_digits(&p, end, &o) > 0;
    }
    ok = ok && p == end;
    *o = '\0';
    if (ok) {
        *v = strtod(clean, NULL);
    }
    free(clean);
    return ok;
}

static tpy_object_t *float_from_str(tpy_object_t *s)
{
    char *ascii;
    size_t alen;
    if (tpy_num_ascii_form(TPY_STR_DATA(s), (size_t)TPY_STR_LEN(s), &ascii, &alen) < 0) {
        return NULL;
    }
    double v;
    bool ok = parse_float_ascii(ascii != NULL ? ascii : TPY_STR_DATA(s), alen, &v);
    free(ascii);
    if (!ok) {
        return tpy_err_format(&tpy_exc_ValueError, "could not convert string to float: %R", s);
    }
    return tpy_float_from_double(v);
}

tpy_object_t *tpy_float_from_object(tpy_object_t *op)
{
    if (TPY_FLOAT_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    tpy_type_t *t = TPY_TYPE(op);
    if (t->tp_float != NULL) {
        tpy_object_t *f = t->tp_float(op);
        if (f == NULL || TPY_FLOAT_CHECK_EXACT(f)) {
            return f;
        }
        if (!is_float(f)) {
            tpy_err_format(&tpy_exc_TypeError, "%s.__float__ returned non-float (type %T)",
                           tpy_type_name(t), f);
            TPY_DECREF(f);
            return NULL;
        }
        double v = FV(f);
        TPY_DECREF(f);
        return tpy_float_from_double(v);
    }
    if (t->tp_index != NULL) {
        tpy_object_t *i = tpy_number_index(op);
        if (i == NULL) {
            return NULL;
        }
        double v = tpy_int_as_double(i);
        TPY_DECREF(i);
        if (v == -1.0 && tpy_err_occurred()) {
            return NULL;
        }
        return tpy_float_from_double(v);
    }
    if (TPY_STR_CHECK(op)) {
        return float_from_str(op);
    }
    return tpy_err_format(&tpy_exc_TypeError,
                          "float() argument must be a string or a real number, not '%T'", op);
}

static tpy_object_t *float_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    if (tpy_arg_count("float", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    tpy_object_t *f = nargs > 0 ? tpy_float_from_object(args[0]) : tpy_float_from_double(0.0);
    if (f == NULL || type == &tpy_float_type) {
        return f;
    }
    tpy_object_t *r = float_subtype_new(type, FV(f));
    TPY_DECREF(f);
    return r;
}

/* ---- methods ----------------------------------------------------------------------------- */

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

#define FLOAT_NOARG_METHOD(cname, qualname, expr)                                                 \
    static tpy_object_t *cname(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,       \
                               tpy_object_t *kwnames)                                             \
    {                                                                                             \
        (void)args;                                                                               \
        if (no_args(qualname, nargs, kwnames) < 0) {                                              \
            return NULL;                                                                          \
        }                                                                                         \
        double x = FV(self);                                                                      \
        return expr;                                                                              \
    }

FLOAT_NOARG_METHOD(float_is_integer, "float.is_integer",
                   tpy_bool_from(isfinite(x) && floor(x) == x))
FLOAT_NOARG_METHOD(float_conjugate, "float.conjugate", tpy_float_from_double(x))
FLOAT_NOARG_METHOD(float_trunc_method, "float.__trunc__", tpy_int_from_double(x))
FLOAT_NOARG_METHOD(float_floor_method, "float.__floor__", tpy_float_floor(x))
FLOAT_NOARG_METHOD(float_ceil_method, "float.__ceil__", tpy_float_ceil(x))
FLOAT_NOARG_METHOD(float_abs_method, "float.__abs__", tpy_float_from_double(fabs(x)))

static tpy_object_t *float_as_integer_ratio(tpy_object_t *self, tpy_object_t *const *args,
                                            size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("float.as_integer_ratio", nargs, kwnames) < 0) {
        return NULL;
    }
    double x = FV(self);
    if (isinf(x)) {
        return tpy_err_format(&tpy_exc_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(x)) {
        return tpy_err_format(&tpy_exc_ValueError, "cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp(x, &e); // x = m * 2**e
    int64_t mant = (int64_t)ldexp(m, 53);
    e = mant == 0 ? 0 : e - 53;
    while (mant != 0 && (mant & 1) == 0 && e < 0) {
        mant /= 2;
        e++;
    }
    tpy_object_t *num = NULL, *den = NULL, *shift = NULL;
    if (e >= 0) {
        num = tpy_int_from_double(x); // integral already
        den = tpy_int_from_small(1);
    } else {
        num = tpy_int_from_i64(mant);
        shift = tpy_int_from_i64(-e);
        den = shift ? tpy_int_binop(tpy_true, shift, TPY_BINOP_LSHIFT) : NULL;
        TPY_XDECREF(shift);
    }
    if (num == NULL || den == NULL) {
        TPY_XDECREF(num);
        TPY_XDECREF(den);
        return NULL;
    }
    tpy_object_t *items[2] = {num, den};
    return tpy_tuple_from_array_steal(items, 2);
}

static tpy_object_t *float_hex(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)args;
    if (no_args("float.hex", nargs, kwnames) < 0) {
        return NULL;
    }
    double x = FV(self);
    char buf[48];
    if (!isfinite(x)) {
        tpy_float_repr_buf(x, buf, sizeof buf);
        return tpy_str_from_cstr(buf);
    }
    const char *sign = signbit(x) ? "-" : "";
    x = fabs(x);
    if (x == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
        return tpy_str_from_cstr(buf);
    }
    int e;
    double m = frexp(x, &e); // [0.5, 1)
    int lead;
    if (e - 1 >= DBL_MIN_EXP - 1) {
        m = ldexp(m, 1); // [1, 2)
        e -= 1;
        lead = 1;
    } else {
        m = ldexp(x, -(DBL_MIN_EXP - 1)); // subnormal: 0.xxx * 2**-1022
        e = DBL_MIN_EXP - 1;
        lead = 0;
    }
    m -= lead;
    char frac[16];
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        int d = (int)m;
        frac[i] = "0123456789abcdef"[d];
        m -= d;
    }
    frac[13] = '\0';
    snprintf(buf, sizeof buf, "%s0x%d.%sp%+d", sign, lead, frac, e);
    return tpy_str_from_cstr(buf);
}

/* Parse the text of float.fromhex: true with *v set, or false (bad text);
 * *overflow set when the value is too large for a double. */
static bool parse_hex_float(const char *p, const char *end, double *v, bool *overflow)
{
    *overflow = false;
    while (p < end && is_ascii_space(*p)) {
        p++;
    }
    while (end > p && is_ascii_space(end[-1])) {
        end--;
    }
    double sign = 1.0;
    if (p < end && (*p == '+' || *p == '-')) {
        sign = *p == '-' ? -1.0 : 1.0;
        p++;
    }
    if (word_is(p, end, "inf") || word_is(p, end, "infinity")) {
        *v = sign * INFINITY;
        return true;
    }
    if (word_is(p, end, "nan")) {
        *v = copysign(NAN, sign);
        return true;
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
        p += 2;
    }
    // Up to 16 significant hex digits go into m; later ones only set sticky.
    uint64_t m = 0;
    int64_t exp = 0;
    int sig = 0, ndigits = 0;
    bool sticky = false, point = false;
    for (; p < end; p++) {
        int d;
        if (*p == '.' && !point) {
            point = true;
            continue;
        }
        if (*p >= '0' && *p <= '9') {
            d = *p - '0';
        } else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f') {
            d = (*p | 0x20) - 'a' + 10;
        } else {
            break;
        }
        ndigits++;
        if (sig < 16) {
            if (sig > 0 || d != 0) {
                m = m << 4 | (uint64_t)d;
                sig++;
            }
            if (point) {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if (!point) {
                exp += 4;
            }
        }
    }
    if (ndigits == 0) {
        return false;
    }
    if (p < end && (*p | 0x20) == 'p') {
        p++;
        int64_t esign = 1, e = 0;
        if (p < end && (*p == '+' || *p == '-')) {
            esign = *p == '-' ? -1 : 1;
            p++;
        }
        if (p == end || *p < '0' || *p > '9') {
            return false;
        }
        for (; p < end && *p >= '0' && *p <= '9'; p++) {
            if (e < 100000000) {
                e = e * 10 + (*p - '0');
            }
        }
        exp += esign * e;
    }
    if (p != end) {
        return false;
    }
    if (m == 0) {
        *v = sign * 0.0;
        return true;
    }
    int lz = __builtin_clzll(m);
    m <<= lz;
    exp -= lz; // value = m * 2**exp, bit 63 of m set
    int64_t top = exp + 63;
    if (top > DBL_MAX_EXP - 1) {
        *overflow = true;
        return true;
    }
    int64_t keep = top >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : top - (DBL_MIN_EXP - DBL_MANT_DIG) + 1;
    int64_t drop = 64 - keep;
    uint64_t q;
    if (drop > 64) {
        q = 0;
    } else if (drop == 64) {
        q = (m > (UINT64_C(1) << 63) || (m == (UINT64_C(1) << 63) && sticky)) ? 1 : 0;
    } else {
        uint64_t mask = (UINT64_C(1) << drop) - 1, half = UINT64_C(1) << (drop - 1);
        uint64_t low = m & mask;
        q = m >> drop;
        if (low > half || (low == half && (sticky || (q & 1)))) {
            q++;
        }
    }
    double r = ldexp((double)q, (int)(exp + drop));
    if (isinf(r)) {
        *overflow = true;
        return true;
    }
    *v = sign * r;
    return true;
}

static tpy_object_t *float_fromhex(tpy_object_t *type, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "float.fromhex() takes no keyword arguments");
    }
    if (nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "float.fromhex() takes exactly one argument (%zu given)", nargs);
    }
    if (!TPY_STR_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "bad argument type for built-in operation");
    }
    const char *s = TPY_STR_DATA(args[0]);
    double v;
    bool overflow;
    if (!parse_hex_float(s, s + TPY_STR_LEN(args[0]), &v, &overflow)) {
        return tpy_err_format(&tpy_exc_ValueError, "invalid hexadecimal floating-point string");
    }
    if (overflow) {
        return tpy_err_format(&tpy_exc_OverflowError,
                              "hexadecimal value too large to represent as a float");
    }
    tpy_object_t *f = tpy_float_from_double(v);
    if (f == NULL || type == TPY_OBJ(&tpy_float_type)) {
        return f;
    }
    tpy_object_t *r = tpy_object_call1(type, f);
    TPY_DECREF(f);
    return r;
}

static tpy_object_t *float_round_method(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "float.__round__() takes no keyword arguments");
    }
    if (nargs > 1) {
        return tpy_err_format(&tpy_exc_TypeError, "__round__ expected at most 1 argument, got %zu",
                              nargs);
    }
    return tpy_float_round(self, nargs > 0 ? args[0] : NULL);
}

static tpy_object_t *float_format_method(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        return tpy_err_format(&tpy_exc_TypeError, "float.__format__() takes no keyword arguments");
    }
    if (nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "float.__format__() takes exactly one argument (%zu given)", nargs);
    }
    if (!TPY_STR_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "__format__() argument must be str, not %T",
                              args[0]);
    }
    return tpy_float_format_spec(self, TPY_STR_DATA(args[0]), (size_t)TPY_STR_LEN(args[0]));
}

static tpy_object_t *float_divmod_method(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0 || nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError, "expected 1 argument, got %zu", nargs);
    }
    return tpy_float_divmod(self, args[0]);
}

static tpy_object_t *float_rdivmod_method(tpy_object_t *self, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0 || nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError, "expected 1 argument, got %zu", nargs);
    }
    return tpy_float_divmod(args[0], self);
}

static const tpy_methoddef_t float_methods[] = {
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, 0, "Return integer ratio."},
    {"conjugate", float_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"hex", float_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, TPY_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"__trunc__", float_trunc_method, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_method, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_method, 0, "Return the ceiling as an Integral."},
    {"__round__", float_round_method, 0,
     "Return the Integral closest to x, rounding half toward even."},
    {"__abs__", float_abs_method, 0, "abs(self)"},
    {"__divmod__", float_divmod_method, 0, "Return divmod(self, value)."},
    {"__rdivmod__", float_rdivmod_method, 0, "Return divmod(value, self)."},
    {"__format__", float_format_method, 0, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static tpy_object_t *float_get_real(tpy_object_t *self)
{
    return float_pos(self);
}

static tpy_object_t *float_get_imag(tpy_object_t *self)
{
    (void)self;
    return tpy_float_from_double(0.0);
}

static const tpy_getsetdef_t float_getset[] = {
    {"real", float_get_real, NULL},
    {"imag", float_get_imag, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_float_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "float",
    .tp_basicsize = sizeof(tpy_float_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_IMMUTABLE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_new = float_new,
    .tp_binop =
        TPY_BINOP_TABLE{
            [TPY_BINOP_ADD] = float_add,
            [TPY_BINOP_SUB] = float_sub,
            [TPY_BINOP_MUL] = float_mul,
            [TPY_BINOP_TRUEDIV] = float_truediv,
            [TPY_BINOP_FLOORDIV] = float_floordiv,
            [TPY_BINOP_MOD] = float_mod,
            [TPY_BINOP_POW] = float_pow,
        },
    .tp_unop =
        {
            [TPY_UNOP_NEG] = float_neg,
            [TPY_UNOP_POS] = float_pos,
        },
    .tp_bool = float_bool,
    .tp_int = float_int,
    .tp_float = float_pos,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
};

void tpy_float_init(void)
{
    tpy_type_ready(&tpy_float_type);
}

void tpy_float_fini(void)
{
    while (float_nfree > 0) {
        tpy_obj_free(TPY_OBJ(float_freelist[--float_nfree]), sizeof(tpy_float_t));
    }
}
