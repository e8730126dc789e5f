/*
 * tests/unit/test_float.c - float: shortest round-trip repr, hashing equal to
 * ints, Python's signs for // and %, powers and their errors, parsing,
 * round-half-even, the format helpers, and the free list.  Expected strings
 * are what python3 3.11 prints.
 */
#include "tests/unit/support.h"

#include <math.h>
#include <string.h>

TPY_TEST_SUITE(floatobject);

static tpy_object_t *F(double v)
{
    tpy_object_t *r = tpy_float_from_double(v);
    cr_assert_not_null(r);
    return r;
}

/* [o] (stolen, not NULL) prints as [want]. */
static void expect(tpy_object_t *o, const char *want)
{
    cr_assert_not_null(o, "expected %s, got an error", want);
    tpy_object_t *s = tpy_object_str(o);
    cr_assert_not_null(s);
    cr_assert_str_eq(TPY_STR_DATA(s), want);
    TPY_DECREF(s);
    TPY_DECREF(o);
}

// The message of the pending exception of [type], which is cleared.
static void assert_error(tpy_type_t *type, const char *msg)
{
    tpy_object_t *exc = tpy_err_fetch();
    cr_assert_not_null(exc, "expected %s: %s", type->tp_name, msg);
    cr_assert(TPY_TYPE(exc) == type, "got %s", TPY_TYPE(exc)->tp_name);
    tpy_object_t *s = tpy_exc_str(exc);
    cr_assert_not_null(s);
    cr_assert_str_eq(TPY_STR_DATA(s), msg);
    TPY_DECREF(s);
    TPY_DECREF(exc);
}

static void expect_repr(double v, const char *want)
{
    char buf[48];
    tpy_float_repr_buf(v, buf, sizeof buf);
    cr_assert_str_eq(buf, want, "repr of %.17g", v);
    expect(tpy_object_repr(F(v)), want);
}

/* x OP y on floats: prints as [want]. */
static void expect_op(double x, int op, double y, const char *want)
{
    tpy_object_t *a = F(x), *b = F(y);
    expect(tpy_number_binop(a, b, op), want);
    TPY_DECREF(a);
    TPY_DECREF(b);
}

static void expect_op_error(double x, int op, double y, tpy_type_t *type, const char *msg)
{
    tpy_object_t *a = F(x), *b = F(y);
    cr_assert_null(tpy_number_binop(a, b, op));
    assert_error(type, msg);
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(floatobject, repr_is_the_shortest_string_that_reads_back)
{
    expect_repr(0.1 + 0.2, "0.30000000000000004");
    expect_repr(0.1, "0.1");
    expect_repr(1.0 / 3, "0.3333333333333333");
    expect_repr(1e16, "1e+16");
    expect_repr(1e15, "1000000000000000.0");
    expect_repr(1e-5, "1e-05");
    expect_repr(0.0001, "0.0001");
    expect_repr(123456789012345.6, "123456789012345.6");
    expect_repr(1.2345678901234568e16, "1.2345678901234568e+16");
    expect_repr(2e20, "2e+20");
    expect_repr(1.0, "1.0");
    expect_repr(-0.0, "-0.0");
    expect_repr(5e-324, "5e-324");
    expect_repr(1.7976931348623157e308, "1.7976931348623157e+308");
    expect_repr(ldexp(1.0, 122), "5.316911983139664e+36"); // below a power of two: denser
    expect_repr(INFINITY, "inf");
    expect_repr(-INFINITY, "-inf");
    expect_repr(NAN, "nan");
    expect_repr(-NAN, "nan");
}

Test(floatobject, integral_values_hash_like_ints)
{
    tpy_object_t *one = F(1.0), *i1 = tpy_int_from_i64(1);
    cr_assert_eq(tpy_object_hash(one), tpy_object_hash(i1));
    cr_assert_eq(tpy_float_hash_double(0.5), INT64_C(1152921504606846976));
    cr_assert_eq(tpy_float_hash_double(1.5), INT64_C(1152921504606846977));
    cr_assert_eq(tpy_float_hash_double(-1.0), -2);
    cr_assert_eq(tpy_float_hash_double(INFINITY), 314159);
    cr_assert_eq(tpy_float_hash_double(-INFINITY), -314159);
    cr_assert_eq(tpy_float_hash_double(ldexp(1.0, 61)), 1);
    cr_assert_eq(tpy_float_hash_double(1e20), 1e20 == 0 ? 0 : INT64_C(100000000000000000000) % 0);
    TPY_DECREF(one);
    TPY_DECREF(i1);
}
