/*
 * runtime/mathmodule.c - the math module.
 *
 * Float functions follow CPython 3.11's error rules: a NaN result from a
 * non-NaN argument is "ValueError: math domain error", an infinite result from
 * a finite argument is "OverflowError: math range error" for functions that
 * can overflow (exp, cosh, ...) and a domain error otherwise (log(0)).
 * Arguments are converted with __float__ ("must be real number, not str").
 * Integer functions (factorial, gcd, lcm, isqrt, comb, perm) are exact for
 * arbitrarily large ints: they work in int64 while that is safe and switch to
 * the int type's own arithmetic (tpy_number_binop) beyond.  log() of an int
 * too large for a double splits it into mantissa and exponent, like CPython.
 */
#include "runtime/runtime.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#ifndef M_E
#define M_E 2.7182818284590452354
#endif

/* ---- argument conversion -------------------------------------------------------------------- */

/* The value of a real number as a double. 0, or -1 with TypeError/OverflowError. */
static int to_double(tpy_object_t *op, double *out)
{
    if (TPY_FLOAT_CHECK(op)) {
        *out = TPY_FLOAT_VALUE(op);
        return 0;
    }
    if (TPY_INT_CHECK(op)) {
        *out = tpy_int_as_double(op);
        return (*out == -1.0 && tpy_err_occurred()) ? -1 : 0;
    }
    tpy_object_t *f = NULL;
    if (TPY_TYPE(op)->tp_float != NULL) {
        f = TPY_TYPE(op)->tp_float(op);
    } else if (tpy_builtin_lookup_special_borrow(op, "__float__") != NULL) {
        f = tpy_object_call_method(op, "__float__", NULL, 0);
    } else if (TPY_TYPE(op)->tp_index != NULL ||
               tpy_builtin_lookup_special_borrow(op, "__index__") != NULL) {
        tpy_object_t *i = tpy_number_index(op);
        if (i == NULL) {
            return -1;
        }
        *out = tpy_int_as_double(i);
        TPY_DECREF(i);
        return (*out == -1.0 && tpy_err_occurred()) ? -1 : 0;
    } else {
        tpy_err_format(&tpy_exc_TypeError, "must be real number, not %T", op);
        return -1;
    }
    if (f == NULL) {
        return -1;
    }
    if (!TPY_FLOAT_CHECK(f)) {
        tpy_err_format(&tpy_exc_TypeError, "%T.__float__ returned non-float (type %T)", op, f);
        TPY_DECREF(f);
        return -1;
    }
    *out = TPY_FLOAT_VALUE(f);
    TPY_DECREF(f);
    return 0;
}

static tpy_object_t *domain_error(void)
{
    return tpy_err_format(&tpy_exc_ValueError, "math domain error");
}

static tpy_object_t *range_error(void)
{
    return tpy_err_format(&tpy_exc_OverflowError, "math range error");
}

/* Apply a one-argument libm function with CPython's error classification. */
static tpy_object_t *math_1(tpy_object_t *const *args, size_t nargs, tpy_object_t *kwnames,
                            const char *fname, double (*fn)(double), bool can_overflow)
{
    double x;
    if (tpy_check_one_arg(fname, nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    double r = fn(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return tpy_float_from_double(r);
}

/* gamma and lgamma have poles at 0, -1, -2, ...: a domain error there. */
static double m_tgamma(double x)
{
    if (x <= 0 && x == floor(x) && isfinite(x)) {
        return NAN;
    }
    return tgamma(x);
}

static double m_lgamma(double x)
{
    if (x <= 0 && x == floor(x) && isfinite(x)) {
        return NAN;
    }
    return lgamma(x);
}

#define MATH_FUNC1(name, cfunc, overflow)                                                         \
    static tpy_object_t *math_##name(tpy_object_t *self, tpy_object_t *const *args, size_t nargs, \
                                     tpy_object_t *kwnames)                                       \
    {                                                                                             \
        (void)self;                                                                               \
        return math_1(args, nargs, kwnames, "math." #name, cfunc, overflow);                      \
    }

MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(log1p, log1p, false)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(acos, acos, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1(tanh, tanh, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1(erf, erf, false)
MATH_FUNC1(erfc, erfc, false)
MATH_FUNC1(gamma, m_tgamma, true)
MATH_FUNC1(lgamma, m_lgamma, true)
MATH_FUNC1(cbrt, cbrt, false)

/* Two float arguments, "atan2 expected 2 arguments, got 1". */
static int two_doubles(const char *fname, tpy_object_t *const *args, size_t nargs,
                       tpy_object_t *kwnames, double *x, double *y)
{
    if (tpy_arg_count(fname, nargs, kwnames, 2, 2) < 0 || to_double(args[0], x) < 0 ||
        to_double(args[1], y) < 0) {
        return -1;
    }
    return 0;
}

static tpy_object_t *math_atan2(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    double y, x;
    if (two_doubles("atan2", args, nargs, kwnames, &y, &x) < 0) {
        return NULL;
    }
    return tpy_float_from_double(atan2(y, x));
}

static tpy_object_t *math_copysign(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    double x, y;
    if (two_doubles("copysign", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    return tpy_float_from_double(copysign(x, y));
}

static tpy_object_t *math_nextafter(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    double x, y;
    if (two_doubles("nextafter", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    return tpy_float_from_double(nextafter(x, y));
}

// The value of the least significant bit of x (CPython's math.ulp).
static double m_ulp(double x)
{
    if (isnan(x)) {
        return x;
    }
    x = fabs(x);
    if (isinf(x)) {
        return x;
    }
    double up = nextafter(x, INFINITY);
    if (isinf(up)) {
        return x - nextafter(x, -INFINITY);
    }
    return up - x;
}

MATH_FUNC1(ulp, m_ulp, false)

static tpy_object_t *math_fmod(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    double x, y;
    if (two_doubles("fmod", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return tpy_float_from_double(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return tpy_float_from_double(r);
}

static tpy_object_t *math_remainder(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    double x, y;
    if (two_doubles("remainder", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return tpy_float_from_double(r);
}

static tpy_object_t *math_pow(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    double x, y;
    if (two_doubles("pow", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    if (isfinite(x) && isfinite(y)) {
        if (x == 0.0 && y < 0.0) {
            return domain_error();
        }
        if (x < 0.0 && y != floor(y)) {
            return domain_error();
        }
        double r = pow(x, y);
        if (isinf(r)) {
            return range_error();
        }
        return tpy_float_from_double(r);
    }
    // Infinities and NaNs follow C99 Annex F, as in CPython (pow(nan, 0) == 1).
    return tpy_float_from_double(pow(x, y));
}

static tpy_object_t *math_ldexp(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    double x;
    if (tpy_arg_count("ldexp", nargs, kwnames, 2, 2) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    if (!TPY_INT_CHECK(args[1])) {
        return tpy_err_format(&tpy_exc_TypeError, "Expected an int as second argument to ldexp.");
    }
    int overflow = 0;
    int64_t e = tpy_int_as_i64_overflow(args[1], &overflow);
    if (overflow) {
        e = tpy_int_sign(args[1]) > 0 ? INT32_MAX : INT32_MIN;
    }
    if (e > INT32_MAX) {
        e = INT32_MAX;
    } else if (e < INT32_MIN) {
        e = INT32_MIN;
    }
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x)) {
        return range_error();
    }
    return tpy_float_from_double(r);
}

static tpy_object_t *math_frexp(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    double x;
    if (tpy_check_one_arg("math.frexp", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    tpy_object_t *pair[2] = {tpy_float_from_double(m), tpy_int_from_small(e)};
    if (pair[0] == NULL || pair[1] == NULL) {
        TPY_XDECREF(pair[0]);
        TPY_XDECREF(pair[1]);
        return NULL;
    }
    return tpy_tuple_from_array_steal(pair, 2);
}

static tpy_object_t *math_modf(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    double x, ip, frac;
    if (tpy_check_one_arg("math.modf", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        ip = x;
        frac = copysign(0.0, x);
    } else {
        frac = modf(x, &ip);
    }
    tpy_object_t *pair[2] = {tpy_float_from_double(frac), tpy_float_from_double(ip)};
    if (pair[0] == NULL || pair[1] == NULL) {
        TPY_XDECREF(pair[0]);
        TPY_XDECREF(pair[1]);
        return NULL;
    }
    return tpy_tuple_from_array_steal(pair, 2);
}

static tpy_object_t *math_degrees(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    double x;
    if (tpy_check_one_arg("math.degrees", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return tpy_float_from_double(x * (180.0 / M_PI));
}

static tpy_object_t *math_radians(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    double x;
    if (tpy_check_one_arg("math.radians", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return tpy_float_from_double(x * (M_PI / 180.0));
}

/* isfinite / isinf / isnan */
static tpy_object_t *float_test(const char *fname, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames, int which)
{
    double x;
    if (tpy_check_one_arg(fname, nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    bool r = which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x);
    TPY_RETURN_BOOL(r);
}

static tpy_object_t *math_isfinite(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    return float_test("math.isfinite", args, nargs, kwnames, 0);
}

static tpy_object_t *math_isinf(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    return float_test("math.isinf", args, nargs, kwnames, 1);
}

static tpy_object_t *math_isnan(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    return float_test("math.isnan", args, nargs, kwnames, 2);
}

static tpy_object_t *math_isclose(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    tpy_object_t *a[4];
    if (nargs > 2) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
    }
    if (tpy_arg_parse("isclose", args, nargs, kwnames, names, 0, 2, a) < 0) {
        return NULL;
    }
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (to_double(a[0], &x) < 0 || to_double(a[1], &y) < 0 ||
        (a[2] != NULL && to_double(a[2], &rel_tol) < 0) ||
        (a[3] != NULL && to_double(a[3], &abs_tol) < 0)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        return tpy_err_format(&tpy_exc_ValueError, "tolerances must be non-negative");
    }
    if (x == y) {
        TPY_RETURN_BOOL(true);
    }
    if (isinf(x) || isinf(y)) {
        TPY_RETURN_BOOL(false);
    }
    double diff = fabs(y - x);
    TPY_RETURN_BOOL(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) || diff <= abs_tol);
}

/* ---- hypot, dist, fsum ---------------------------------------------------------------------- */

/* sqrt(sum of squares) of [n] values, scaled by the largest to avoid overflow. */
static double vector_norm(const double *v, size_t n)
{
    double max = 0.0;
    bool has_nan = false;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (isinf(a)) {
            return INFINITY;
        }
        if (isnan(a)) {
            has_nan = true;
        } else if (a > max) {
            max = a;
        }
    }
    if (has_nan) {
        return NAN;
    }
    if (max == 0.0 || n == 1) {
        return max;
    }
    if (n == 2) {
        return hypot(v[0], v[1]);
    }
    double sum = 0.0, comp = 0.0; // Neumaier-compensated sum of (v/max)**2
    for (size_t i = 0; i < n; i++) {
        double q = v[i] / max, sq = q * q, t = sum + sq;
        comp += fabs(sum) >= fabs(sq) ? (sum - t) + sq : (sq - t) + sum;
        sum = t;
    }
    return max * sqrt(sum + comp);
}

static tpy_object_t *math_hypot(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("hypot", kwnames) < 0) {
        return NULL;
    }
    double small[8];
    double *v = nargs <= 8 ? small : tpy_mem_alloc(nargs * sizeof(double));
    if (v == NULL) {
        return tpy_err_no_memory();
    }
    tpy_object_t *r = NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (to_double(args[i], &v[i]) < 0) {
            goto done;
        }
    }
    r = tpy_float_from_double(vector_norm(v, nargs));
done:
    if (v != small) {
        tpy_mem_free(v, nargs * sizeof(double));
    }
    return r;
}

static tpy_object_t *math_dist(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("dist", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    tpy_object_t *p = tpy_sequence_tuple(args[0]);
    tpy_object_t *q = p ? tpy_sequence_tuple(args[1]) : NULL;
    tpy_object_t *r = NULL;
    double *v = NULL;
    size_t n = 0;
    if (q == NULL) {
        goto done;
    }
    n = (size_t)TPY_TUPLE_SIZE(p);
    if ((size_t)TPY_TUPLE_SIZE(q) != n) {
        tpy_err_set_str(&tpy_exc_ValueError,
                        "both points must have the same number of dimensions");
        goto done;
    }
    v = tpy_mem_alloc((n ? n : 1) * sizeof(double));
    if (v == NULL) {
        tpy_err_no_memory();
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        double a, b;
        if (to_double(TPY_TUPLE_GET(p, i), &a) < 0 || to_double(TPY_TUPLE_GET(q, i), &b) < 0) {
            goto done;
        }
        v[i] = a - b;
    }
    r = tpy_float_from_double(vector_norm(v, n));
done:
    if (v != NULL) {
        tpy_mem_free(v, (n ? n : 1) * sizeof(double));
    }
    TPY_XDECREF(p);
    TPY_XDECREF(q);
    return r;
}

/*
 * fsum: exact summation with a list of non-overlapping partial sums
 * (Shewchuk's algorithm); the partials are added from the top, and a final
 * correction makes halfway cases round to even.  Infinities and NaNs are
 * summed apart: inf + -inf is a ValueError, a finite overflow an OverflowError.
 */
static tpy_object_t *math_fsum(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("math.fsum", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *it = tpy_object_getiter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    double small[32];
    double *p = small;
    size_t cap = 32, n = 0;
    double special = 0.0, inf_sum = 0.0;
    tpy_object_t *result = NULL, *item;
    while ((item = tpy_iter_next(it)) != NULL) {
        double x;
        int r = to_double(item, &x);
        TPY_DECREF(item);
        if (r < 0) {
            goto done;
        }
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    tpy_err_set_str(&tpy_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special += xsave;
                n = 0;
            } else {
                if (n == cap) {
                    double *np = tpy_mem_alloc(cap * 2 * sizeof(double));
                    if (np == NULL) {
                        tpy_err_no_memory();
                        goto done;
                    }
                    memcpy(np, p, n * sizeof(double));
                    if (p != small) {
                        tpy_mem_free(p, cap * sizeof(double));
                    }
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (tpy_err_occurred()) {
        goto done;
    }
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            tpy_err_set_str(&tpy_exc_ValueError, "-inf + inf in fsum");
        } else {
            result = tpy_float_from_double(special);
        }
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
    }
    result = tpy_float_from_double(hi);
done:
    if (p != small) {
        tpy_mem_free(p, cap * sizeof(double));
    }
    TPY_DECREF(it);
    return result;
}

/* ---- logarithms ----------------------------------------------------------------------------- */

/* A positive int too large for a double as m * 2**e with 0.5 <= m < 1, m
 * rounded to 53 bits half to even (CPython's _PyLong_Frexp). */
static int int_frexp(tpy_object_t *op, double *m, double *e)
{
    tpy_object_t *hex = tpy_int_to_string(op, 16, false);
    if (hex == NULL) {
        return -1;
    }
    const char *h = TPY_STR_DATA(hex);
    size_t len = (size_t)TPY_STR_LEN(hex), take = len < 16 ? len : 16;
    char top[17];
    memcpy(top, h, take);
    top[take] = '\0';
    uint64_t t = strtoull(top, NULL, 16);
    bool sticky = strspn(h + take, "0") != len - take; // nonzero digits below
    TPY_DECREF(hex);
    int bits = 64 - __builtin_clzll(t);
    uint64_t keep = t;
    int shift = bits > 53 ? bits - 53 : 0;
    if (shift > 0) {
        uint64_t rem = t & ((UINT64_C(1) << shift) - 1), half = UINT64_C(1) << (shift - 1);
        keep = t >> shift;
        if (rem > half || (rem == half && (sticky || (keep & 1)))) {
            keep++;
        }
    }
    double ex = (double)bits + 4.0 * (double)(len - take);
    *m = ldexp((double)keep, -(bits - shift));
    if (*m == 1.0) {
        *m = 0.5;
        ex += 1.0;
    }
    *e = ex;
    return 0;
}

/* [fn](x) for an int or float x, including ints beyond the double range
 * (x = m * 2**e, result fn(m) + fn(2) * e, as CPython computes it). */
static int log_of(tpy_object_t *op, double (*fn)(double), double *out)
{
    if (TPY_INT_CHECK(op)) {
        if (tpy_int_sign(op) <= 0) {
            domain_error();
            return -1;
        }
        double x = tpy_int_as_double(op);
        if (x == -1.0 && tpy_err_occurred()) {
            if (!tpy_err_matches(&tpy_exc_OverflowError)) {
                return -1;
            }
            tpy_err_clear();
            double m, e;
            if (int_frexp(op, &m, &e) < 0) {
                return -1;
            }
            *out = fn(m) + fn(2.0) * e;
            return 0;
        }
        *out = fn(x);
        return 0;
    }
    double x;
    if (to_double(op, &x) < 0) {
        return -1;
    }
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error();
        return -1;
    }
    *out = fn(x);
    return 0;
}

static tpy_object_t *math_log(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("log", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        return tpy_err_format(&tpy_exc_TypeError, "math.log requires 1 to 2 arguments");
    }
    double num, den;
    if (log_of(args[0], log, &num) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return tpy_float_from_double(num);
    }
    if (log_of(args[1], log, &den) < 0) {
        return NULL;
    }
    if (den == 0.0) {
        return tpy_err_format(&tpy_exc_ZeroDivisionError, "float division by zero");
    }
    return tpy_float_from_double(num / den);
}

static tpy_object_t *math_log2(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    double r;
    if (tpy_check_one_arg("math.log2", nargs, kwnames) < 0 || log_of(args[0], log2, &r) < 0) {
        return NULL;
    }
    return tpy_float_from_double(r);
}

static tpy_object_t *math_log10(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    double r;
    if (tpy_check_one_arg("math.log10", nargs, kwnames) < 0 || log_of(args[0], log10, &r) < 0) {
        return NULL;
    }
    return tpy_float_from_double(r);
}

/* ---- floor, ceil, trunc --------------------------------------------------------------------- */

/* An exact int equal to the int [op] (bool and subclasses become int). */
static tpy_object_t *as_plain_int(tpy_object_t *op)
{
    return tpy_int_round(op, NULL);
}

/* math.floor / math.ceil: [fn] is tpy_float_floor or tpy_float_ceil. */
static tpy_object_t *round_integral(const char *fname, const char *dunder,
                                    tpy_object_t *const *args, size_t nargs, tpy_object_t *kwnames,
                                    tpy_object_t *(*fn)(double))
{
    if (tpy_check_one_arg(fname, nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *x = args[0];
    if (TPY_FLOAT_CHECK_EXACT(x)) {
        return fn(TPY_FLOAT_VALUE(x));
    }
    if (TPY_TYPE(x) == &tpy_int_type || TPY_TYPE(x) == &tpy_bool_type) {
        return as_plain_int(x);
    }
    if (tpy_builtin_lookup_special_borrow(x, dunder) != NULL) {
        return tpy_object_call_method(x, dunder, NULL, 0);
    }
    double d;
    if (to_double(x, &d) < 0) {
        return NULL;
    }
    return fn(d);
}

static tpy_object_t *math_floor(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    return round_integral("math.floor", "__floor__", args, nargs, kwnames, tpy_float_floor);
}

static tpy_object_t *math_ceil(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    return round_integral("math.ceil", "__ceil__", args, nargs, kwnames, tpy_float_ceil);
}

static tpy_object_t *math_trunc(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("math.trunc", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *x = args[0];
    if (TPY_FLOAT_CHECK_EXACT(x)) {
        return tpy_int_from_double(trunc(TPY_FLOAT_VALUE(x)));
    }
    if (TPY_TYPE(x) == &tpy_int_type || TPY_TYPE(x) == &tpy_bool_type) {
        return as_plain_int(x);
    }
    if (tpy_builtin_lookup_special_borrow(x, "__trunc__") == NULL) {
        if (TPY_INT_CHECK(x)) {
            return as_plain_int(x);
        }
        if (TPY_FLOAT_CHECK(x)) {
            return tpy_int_from_double(trunc(TPY_FLOAT_VALUE(x)));
        }
        return tpy_err_format(&tpy_exc_TypeError, "type %T doesn't define __trunc__ method", x);
    }
    return tpy_object_call_method(x, "__trunc__", NULL, 0);
}

/* ---- integer functions ---------------------------------------------------------------------- */

/* operator.index(op) as a new int. */
static tpy_object_t *to_int(tpy_object_t *op)
{
    return tpy_number_index(op);
}

static tpy_object_t *small_int(int64_t v)
{
    return tpy_int_from_i64(v);
}

/* [acc] *= [v] with ints (acc is replaced). 0 or -1. */
static int mul_into(tpy_object_t **acc, tpy_object_t *v)
{
    tpy_object_t *r = tpy_number_binop(*acc, v, TPY_BINOP_MUL);
    if (r == NULL) {
        return -1;
    }
    TPY_SETREF(*acc, r);
    return 0;
}

/* The product lo * (lo+1) * ... * hi (an empty range gives 1). */
static tpy_object_t *range_product(uint64_t lo, uint64_t hi)
{
    tpy_object_t *acc = small_int(1);
    uint64_t chunk = 1;
    for (uint64_t i = lo; acc != NULL && i <= hi && i >= lo; i++) {
        uint64_t next;
        if (__builtin_mul_overflow(chunk, i, &next) || next > (uint64_t)INT64_MAX) {
            tpy_object_t *c = tpy_int_from_u64(chunk);
            if (c == NULL || mul_into(&acc, c) < 0) {
                TPY_XDECREF(c);
                TPY_CLEAR(acc);
                break;
            }
            TPY_DECREF(c);
            next = i;
        }
        chunk = next;
        if (i == UINT64_MAX) {
            break;
        }
    }
    if (acc != NULL && chunk != 1) {
        tpy_object_t *c = tpy_int_from_u64(chunk);
        if (c == NULL || mul_into(&acc, c) < 0) {
            TPY_CLEAR(acc);
        }
        TPY_XDECREF(c);
    }
    return acc;
}

static tpy_object_t *factorial_of(tpy_object_t *n)
{
    if (tpy_int_sign(n) < 0) {
        return tpy_err_format(&tpy_exc_ValueError, "factorial() not defined for negative values");
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(n, &overflow);
    if (overflow) {
        return tpy_err_format(&tpy_exc_OverflowError,
                              "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    }
    return range_product(2, (uint64_t)v);
}

static tpy_object_t *math_factorial(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("math.factorial", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *n = to_int(args[0]);
    if (n == NULL) {
        return NULL;
    }
    tpy_object_t *r = factorial_of(n);
    TPY_DECREF(n);
    return r;
}

/* gcd of two ints (new, non-negative). */
static tpy_object_t *gcd2(tpy_object_t *a, tpy_object_t *b)
{
    if (tpy_int_is_small(a) && tpy_int_is_small(b)) {
        uint64_t x = (uint64_t)llabs(((tpy_int_t *)a)->v),
                 y = (uint64_t)llabs(((tpy_int_t *)b)->v);
        while (y != 0) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return tpy_int_from_u64(x);
    }
    tpy_object_t *x = tpy_int_sign(a) < 0 ? tpy_number_unop(a, TPY_UNOP_NEG) : tpy_newref(a);
    tpy_object_t *y = tpy_int_sign(b) < 0 ? tpy_number_unop(b, TPY_UNOP_NEG) : tpy_newref(b);
    while (x != NULL && y != NULL && tpy_int_sign(y) != 0) {
        tpy_object_t *t = tpy_number_binop(x, y, TPY_BINOP_MOD);
        TPY_SETREF(x, y);
        y = t;
    }
    if (y == NULL) {
        TPY_XDECREF(x);
        return NULL;
    }
    TPY_DECREF(y);
    return x;
}

static tpy_object_t *math_gcd(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("gcd", kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *g = small_int(0);
    for (size_t i = 0; g != NULL && i < nargs; i++) {
        tpy_object_t *x = to_int(args[i]);
        if (x == NULL) {
            TPY_CLEAR(g);
            break;
        }
        TPY_SETREF(g, gcd2(g, x));
        TPY_DECREF(x);
    }
    return g;
}

static tpy_object_t *math_lcm(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("lcm", kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *l = small_int(1);
    for (size_t i = 0; l != NULL && i < nargs; i++) {
        tpy_object_t *x = to_int(args[i]);
        if (x == NULL) {
            TPY_CLEAR(l);
            break;
        }
        if (tpy_int_sign(x) == 0 || tpy_int_sign(l) == 0) {
            TPY_DECREF(x);
            TPY_SETREF(l, small_int(0));
            continue;
        }
        tpy_object_t *g = gcd2(l, x);
        tpy_object_t *q = g ? tpy_number_binop(l, g, TPY_BINOP_FLOORDIV) : NULL;
        tpy_object_t *p = q ? tpy_number_binop(q, x, TPY_BINOP_MUL) : NULL;
        TPY_XDECREF(g);
        TPY_XDECREF(q);
        TPY_DECREF(x);
        if (p != NULL && tpy_int_sign(p) < 0) {
            TPY_SETREF(p, tpy_number_unop(p, TPY_UNOP_NEG));
        }
        TPY_SETREF(l, p);
    }
    return l;
}

/* Integer square root of a non-negative int. */
static tpy_object_t *isqrt_of(tpy_object_t *n)
{
    if (tpy_int_is_small(n)) {
        uint64_t v = (uint64_t)((tpy_int_t *)n)->v;
        uint64_t r = (uint64_t)sqrt((double)v);
        while ((unsigned __int128)r * r > v) {
            r--;
        }
        while ((unsigned __int128)(r + 1) * (r + 1) <= v) {
            r++;
        }
        return tpy_int_from_u64(r);
    }
    // Newton's method from a power of two above the root.
    tpy_object_t *hex = tpy_int_to_string(n, 16, false);
    if (hex == NULL) {
        return NULL;
    }
    int64_t bits = 4 * TPY_STR_LEN(hex);
    TPY_DECREF(hex);
    tpy_object_t *one = small_int(1), *shift = small_int((bits + 1) / 2 + 1);
    tpy_object_t *x = (one && shift) ? tpy_number_binop(one, shift, TPY_BINOP_LSHIFT) : NULL;
    TPY_XDECREF(shift);
    while (x != NULL) {
        tpy_object_t *q = tpy_number_binop(n, x, TPY_BINOP_FLOORDIV);
        tpy_object_t *s = q ? tpy_number_binop(x, q, TPY_BINOP_ADD) : NULL;
        tpy_object_t *y = s ? tpy_number_binop(s, one, TPY_BINOP_RSHIFT) : NULL;
        TPY_XDECREF(q);
        TPY_XDECREF(s);
        if (y == NULL) {
            TPY_CLEAR(x);
            break;
        }
        if (tpy_int_compare(y, x) >= 0) {
            TPY_DECREF(y);
            break;
        }
        TPY_SETREF(x, y);
    }
    TPY_XDECREF(one);
    return x;
}

static tpy_object_t *math_isqrt(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("math.isqrt", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *n = to_int(args[0]);
    if (n == NULL) {
        return NULL;
    }
    tpy_object_t *r;
    if (tpy_int_sign(n) < 0) {
        r = tpy_err_format(&tpy_exc_ValueError, "isqrt() argument must be nonnegative");
    } else {
        r = isqrt_of(n);
    }
    TPY_DECREF(n);
    return r;
}

/* comb(n, k) when [perm] is false, perm(n, k) otherwise; n >= 0, k >= 0. */
static tpy_object_t *comb_perm(tpy_object_t *n, tpy_object_t *k, bool perm)
{
    if (tpy_int_compare(k, n) > 0) {
        return small_int(0);
    }
    tpy_object_t *nk = tpy_number_binop(n, k, TPY_BINOP_SUB);
    if (nk == NULL) {
        return NULL;
    }
    k = tpy_newref(k);
    if (!perm && tpy_int_compare(nk, k) < 0) {
        // comb(n, k) == comb(n, n - k): loop over the smaller one
        tpy_object_t *t = nk;
        nk = k;
        k = t;
    }
    int overflow = 0;
    int64_t kv = tpy_int_as_i64_overflow(k, &overflow);
    tpy_object_t *acc = NULL;
    if (overflow) {
        tpy_err_format(&tpy_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                       (long long)INT64_MAX);
        goto done;
    }
    // acc = (n-k+1) * ... * (n-k+i) [// i!] step by step, exact at each step.
    acc = small_int(1);
    for (int64_t i = 1; acc != NULL && i <= kv; i++) {
        tpy_object_t *iv = small_int(i);
        tpy_object_t *f = iv ? tpy_number_binop(nk, iv, TPY_BINOP_ADD) : NULL;
        if (f == NULL || mul_into(&acc, f) < 0) {
            TPY_CLEAR(acc);
        } else if (!perm) {
            TPY_SETREF(acc, tpy_number_binop(acc, iv, TPY_BINOP_FLOORDIV));
        }
        TPY_XDECREF(f);
        TPY_XDECREF(iv);
    }
done:
    TPY_DECREF(k);
    TPY_DECREF(nk);
    return acc;
}

static tpy_object_t *math_comb(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("comb", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    tpy_object_t *n = to_int(args[0]);
    tpy_object_t *k = n ? to_int(args[1]) : NULL;
    tpy_object_t *r = NULL;
    if (k == NULL) {
        goto done;
    }
    if (tpy_int_sign(n) < 0) {
        tpy_err_set_str(&tpy_exc_ValueError, "n must be a non-negative integer");
    } else if (tpy_int_sign(k) < 0) {
        tpy_err_set_str(&tpy_exc_ValueError, "k must be a non-negative integer");
    } else {
        r = comb_perm(n, k, false);
    }
done:
    TPY_XDECREF(n);
    TPY_XDECREF(k);
    return r;
}

static tpy_object_t *math_perm(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("perm", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    tpy_object_t *n = to_int(args[0]);
    if (n == NULL) {
        return NULL;
    }
    tpy_object_t *r = NULL, *k = NULL;
    if (nargs == 1 || args[1] == tpy_none) {
        r = factorial_of(n);
        goto done;
    }
    k = to_int(args[1]);
    if (k == NULL) {
        goto done;
    }
    if (tpy_int_sign(n) < 0) {
        tpy_err_set_str(&tpy_exc_ValueError, "n must be a non-negative integer");
    } else if (tpy_int_sign(k) < 0) {
        tpy_err_set_str(&tpy_exc_ValueError, "k must be a non-negative integer");
    } else {
        r = comb_perm(n, k, true);
    }
done:
    TPY_DECREF(n);
    TPY_XDECREF(k);
    return r;
}

static tpy_object_t *math_prod(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"start", NULL};
    tpy_object_t *start = NULL;
    if (tpy_builtin_kwargs("prod", args + nargs, kwnames, names, &start) < 0 ||
        tpy_arg_count("prod", nargs, NULL, 1, 1) < 0) {
        return NULL;
    }
    tpy_object_t *it = tpy_object_getiter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    tpy_object_t *acc = start ? tpy_newref(start) : small_int(1), *item;
    while (acc != NULL && (item = tpy_iter_next(it)) != NULL) {
        if (mul_into(&acc, item) < 0) {
            TPY_CLEAR(acc);
        }
        TPY_DECREF(item);
    }
    TPY_DECREF(it);
    if (tpy_err_occurred()) {
        TPY_XDECREF(acc);
        return NULL;
    }
    return acc;
}

/* ---- the module ----------------------------------------------------------------------------- */

static const tpy_methoddef_t math_functions[] = {
    {"sqrt", math_sqrt, 0, NULL},
    {"exp", math_exp, 0, NULL},
    {"exp2", math_exp2, 0, NULL},
    {"expm1", math_expm1, 0, NULL},
    {"log", math_log, 0, NULL},
    {"log2", math_log2, 0, NULL},
    {"log10", math_log10, 0, NULL},
    {"log1p", math_log1p, 0, NULL},
    {"pow", math_pow, 0, NULL},
    {"sin", math_sin, 0, NULL},
    {"cos", math_cos, 0, NULL},
    {"tan", math_tan, 0, NULL},
    {"asin", math_asin, 0, NULL},
    {"acos", math_acos, 0, NULL},
    {"atan", math_atan, 0, NULL},
    {"atan2", math_atan2, 0, NULL},
    {"sinh", math_sinh, 0, NULL},
    {"cosh", math_cosh, 0, NULL},
    {"tanh", math_tanh, 0, NULL},
    {"asinh", math_asinh, 0, NULL},
    {"acosh", math_acosh, 0, NULL},
    {"atanh", math_atanh, 0, NULL},
    {"hypot", math_hypot, 0, NULL},
    {"dist", math_dist, 0, NULL},
    {"floor", math_floor, 0, NULL},
    {"ceil", math_ceil, 0, NULL},
    {"trunc", math_trunc, 0, NULL},
    {"fabs", math_fabs, 0, NULL},
    {"factorial", math_factorial, 0, NULL},
    {"gcd", math_gcd, 0, NULL},
    {"lcm", math_lcm, 0, NULL},
    {"isqrt", math_isqrt, 0, NULL},
    {"comb", math_comb, 0, NULL},
    {"perm", math_perm, 0, NULL},
    {"isclose", math_isclose, 0, NULL},
    {"isfinite", math_isfinite, 0, NULL},
    {"isinf", math_isinf, 0, NULL},
    {"isnan", math_isnan, 0, NULL},
    {"copysign", math_copysign, 0, NULL},
    {"nextafter", math_nextafter, 0, NULL},
    {"ulp", math_ulp, 0, NULL},
    {"fmod", math_fmod, 0, NULL},
    {"remainder", math_remainder, 0, NULL},
    {"modf", math_modf, 0, NULL},
    {"frexp", math_frexp, 0, NULL},
    {"ldexp", math_ldexp, 0, NULL},
    {"degrees", math_degrees, 0, NULL},
    {"radians", math_radians, 0, NULL},
    {"prod", math_prod, 0, NULL},
    {"fsum", math_fsum, 0, NULL},
    {"erf", math_erf, 0, NULL},
    {"erfc", math_erfc, 0, NULL},
    {"gamma", math_gamma, 0, NULL},
    {"lgamma", math_lgamma, 0, NULL},
    {"cbrt", math_cbrt, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_float(tpy_object_t *m, const char *name, double v)
{
    tpy_object_t *f = tpy_float_from_double(v);
    if (f == NULL) {
        return -1;
    }
    int r = tpy_module_add_object(m, name, f);
    TPY_DECREF(f);
    return r;
}

tpy_object_t *tpy_math_module_create(void)
{
    tpy_object_t *m = tpy_module_new("math");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, math_functions) < 0 || add_float(m, "pi", M_PI) < 0 ||
        add_float(m, "e", M_E) < 0 || add_float(m, "tau", 2.0 * M_PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0) {
        TPY_DECREF(m);
        return NULL;
    }
    return m;
}
