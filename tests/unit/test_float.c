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
    tpy_object_t *f = F(v);
    expect(tpy_object_repr(f), want);
    TPY_DECREF(f);
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
    cr_assert_eq(tpy_float_hash_double(1e20), INT64_C(848750603811160107));
    cr_assert_eq(tpy_float_hash_double(ldexp(1.0, 100)), INT64_C(549755813888));
    cr_assert_eq(tpy_float_hash_double(1e-300), INT64_C(482449582752280463));
    cr_assert_eq(tpy_float_hash_double(-2.5), INT64_C(-1152921504606846978));
    tpy_object_t *nan1 = F(NAN), *nan2 = F(NAN); // NaNs hash by identity (3.10+)
    cr_assert_neq(tpy_object_hash(nan1), tpy_object_hash(nan2));
    TPY_DECREF(nan1);
    TPY_DECREF(nan2);
    TPY_DECREF(one);
    TPY_DECREF(i1);
}

Test(floatobject, floor_division_and_modulo_take_the_divisor_sign)
{
    expect_op(7.0, TPY_BINOP_FLOORDIV, 2.0, "3.0");
    expect_op(-7.0, TPY_BINOP_FLOORDIV, 2.0, "-4.0");
    expect_op(-7.0, TPY_BINOP_MOD, 2.0, "1.0");
    expect_op(7.0, TPY_BINOP_MOD, -2.0, "-1.0");
    expect_op(-0.0, TPY_BINOP_MOD, 2.0, "0.0");
    expect_op(0.0, TPY_BINOP_MOD, -2.0, "-0.0");
    expect_op(-1e-300, TPY_BINOP_MOD, 1e300, "1e+300");
    expect_op(5.5, TPY_BINOP_FLOORDIV, 1e-320, "inf");
    tpy_object_t *a = F(-7.5), *b = F(2.0), *z = F(0.0);
    expect(tpy_float_divmod(a, b), "(-4.0, 0.5)");
    cr_assert_null(tpy_float_divmod(a, z));
    assert_error(&tpy_exc_ZeroDivisionError, "float divmod()");
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(z);
    expect_op_error(1.0, TPY_BINOP_TRUEDIV, 0.0, &tpy_exc_ZeroDivisionError,
                    "float division by zero");
    expect_op_error(1.0, TPY_BINOP_FLOORDIV, 0.0, &tpy_exc_ZeroDivisionError,
                    "float floor division by zero");
    expect_op_error(1.0, TPY_BINOP_MOD, 0.0, &tpy_exc_ZeroDivisionError, "float modulo");
}

Test(floatobject, mixed_arithmetic_converts_ints_exactly_or_raises)
{
    tpy_object_t *f = F(0.5), *i = tpy_int_from_i64(3);
    expect(tpy_number_binop(i, f, TPY_BINOP_ADD), "3.5");
    expect(tpy_number_binop(f, i, TPY_BINOP_TRUEDIV), "0.16666666666666666");
    expect(tpy_number_binop(i, f, TPY_BINOP_FLOORDIV), "6.0");
    tpy_object_t *ten = tpy_int_from_i64(10), *e = tpy_int_from_i64(900);
    tpy_object_t *huge = tpy_number_binop(ten, e, TPY_BINOP_POW);
    cr_assert_null(tpy_number_binop(huge, f, TPY_BINOP_MUL));
    assert_error(&tpy_exc_OverflowError, "int too large to convert to float");
    cr_assert_null(tpy_number_binop(f, i, TPY_BINOP_LSHIFT));
    assert_error(&tpy_exc_TypeError, "unsupported operand type(s) for <<: 'float' and 'int'");
    TPY_DECREF(f);
    TPY_DECREF(i);
    TPY_DECREF(ten);
    TPY_DECREF(e);
    TPY_DECREF(huge);
}

Test(floatobject, powers_follow_cpythons_special_cases)
{
    expect_op(2.0, TPY_BINOP_POW, 0.5, "1.4142135623730951");
    expect_op(-8.0, TPY_BINOP_POW, 3.0, "-512.0");
    expect_op(NAN, TPY_BINOP_POW, 0.0, "1.0");
    expect_op(1.0, TPY_BINOP_POW, NAN, "1.0");
    expect_op(-1.0, TPY_BINOP_POW, INFINITY, "1.0");
    expect_op(-INFINITY, TPY_BINOP_POW, 3.0, "-inf");
    expect_op(-0.0, TPY_BINOP_POW, 3.0, "-0.0");
    expect_op(0.5, TPY_BINOP_POW, 2000.0, "0.0");
    expect_op_error(0.0, TPY_BINOP_POW, -1.0, &tpy_exc_ZeroDivisionError,
                    "0.0 cannot be raised to a negative power");
    expect_op_error(10.0, TPY_BINOP_POW, 400.0, &tpy_exc_OverflowError,
                    "(34, 'Numerical result out of range')");
    expect_op_error(-8.0, TPY_BINOP_POW, 1.0 / 3, &tpy_exc_NotImplementedError,
                    "complex numbers are not supported");
}

Test(floatobject, comparison_with_ints_is_exact)
{
    tpy_object_t *f = F(9007199254740992.0); // 2**53
    tpy_object_t *i = tpy_int_from_i64(9007199254740993);
    cr_assert_eq(tpy_object_richcompare_bool(i, f, TPY_CMP_GT), 1);
    cr_assert_eq(tpy_object_richcompare_bool(f, i, TPY_CMP_LT), 1);
    cr_assert_eq(tpy_object_richcompare_bool(f, i, TPY_CMP_EQ), 0);
    tpy_object_t *n = F(NAN), *n2 = F(NAN);
    cr_assert_eq(tpy_object_richcompare_bool(i, n, TPY_CMP_NE), 1);
    cr_assert_eq(tpy_object_richcompare_bool(n, i, TPY_CMP_LT), 0);
    cr_assert_eq(tpy_object_richcompare_bool(n, n2, TPY_CMP_EQ), 0);
    TPY_DECREF(n2);
    TPY_DECREF(f);
    TPY_DECREF(i);
    TPY_DECREF(n);
}

static void expect_parse(const char *text, const char *want)
{
    tpy_object_t *s = tpy_str_from_cstr(text);
    tpy_object_t *f = tpy_float_from_object(s);
    if (want[0] == '!') {
        cr_assert_null(f, "float(%s) should fail", text);
        assert_error(&tpy_exc_ValueError, want + 1);
    } else {
        expect(f, want);
    }
    TPY_DECREF(s);
}

Test(floatobject, strings_parse_with_underscores_and_special_names)
{
    expect_parse(" 1_0.5 ", "10.5");
    expect_parse("-Infinity", "-inf");
    expect_parse("iNF", "inf");
    expect_parse("+nan", "nan");
    expect_parse(".5", "0.5");
    expect_parse("5.", "5.0");
    expect_parse("1e500", "inf");
    expect_parse("1e5_0", "1e+50");
    expect_parse("\xc2\xa0"
                 "1.5",
                 "1.5");
    expect_parse("abc", "!could not convert string to float: 'abc'");
    expect_parse("", "!could not convert string to float: ''");
    expect_parse("1_e5", "!could not convert string to float: '1_e5'");
    expect_parse("1__0", "!could not convert string to float: '1__0'");
    expect_parse("0x10", "!could not convert string to float: '0x10'");
    expect_parse("infinit", "!could not convert string to float: 'infinit'");
    tpy_object_t *l = tpy_list_new(0);
    cr_assert_null(tpy_float_from_object(l));
    assert_error(&tpy_exc_TypeError,
                 "float() argument must be a string or a real number, not 'list'");
    cr_assert_eq(tpy_float_as_double(l), -1.0);
    assert_error(&tpy_exc_TypeError, "must be real number, not list");
    TPY_DECREF(l);
}

static void expect_round(double v, tpy_object_t *ndigits, const char *want)
{
    tpy_object_t *f = F(v);
    expect(tpy_float_round(f, ndigits), want);
    TPY_DECREF(f);
}

Test(floatobject, round_is_half_even_on_the_exact_value)
{
    expect_round(2.5, NULL, "2");
    expect_round(3.5, NULL, "4");
    expect_round(-2.5, tpy_none, "-2");
    tpy_object_t *two = tpy_int_from_i64(2), *m2 = tpy_int_from_i64(-2);
    tpy_object_t *m299 = tpy_int_from_i64(-299);
    expect_round(2.675, two, "2.67"); // 2.675 is really 2.67499999...
    expect_round(0.125, two, "0.12");
    expect_round(0.375, two, "0.38");
    expect_round(1250.4, m2, "1300.0");
    expect_round(1250.0, m2, "1200.0");
    expect_round(-0.001, two, "-0.0");
    expect_round(1e300, m299, "1e+300");
    tpy_object_t *f = F(INFINITY);
    cr_assert_null(tpy_float_round(f, NULL));
    assert_error(&tpy_exc_OverflowError, "cannot convert float infinity to integer");
    TPY_DECREF(f);
    TPY_DECREF(two);
    TPY_DECREF(m2);
    TPY_DECREF(m299);
}

Test(floatobject, format_helper_covers_the_presentation_types)
{
    expect(tpy_float_format(1234.5678, 'e', 3, false), "1.235e+03");
    expect(tpy_float_format(-0.005, 'f', 2, false), "-0.01");
    expect(tpy_float_format(2.5, 'f', 0, false), "2");
    expect(tpy_float_format(2.5, 'f', 0, true), "2.");
    expect(tpy_float_format(1e-5, 'g', -1, false), "1e-05");
    expect(tpy_float_format(0.25, '%', 1, false), "25.0%");
    expect(tpy_float_format(0.1, 'r', -1, false), "0.1");
    expect(tpy_float_format(100.0, 0, 3, false), "1e+02");
    expect(tpy_float_format(1e16, 0, -1, false), "1e+16");
    expect(tpy_float_format(1.5, 'E', -1, false), "1.500000E+00");
    expect(tpy_float_format(INFINITY, 'F', -1, false), "INF");
    expect(tpy_float_format(-NAN, 'f', -1, false), "nan");
    expect(tpy_float_format(1.0 / 3, 'G', 10, false), "0.3333333333");
}

static void expect_spec(double v, const char *spec, const char *want)
{
    tpy_object_t *f = F(v);
    tpy_object_t *r = tpy_float_format_spec(f, spec, strlen(spec));
    if (want[0] == '!') {
        cr_assert_null(r, "format(%g, %s) should fail", v, spec);
        assert_error(&tpy_exc_ValueError, want + 1);
    } else {
        expect(r, want);
    }
    TPY_DECREF(f);
}

Test(floatobject, format_specs_match_cpython)
{
    expect_spec(-1234.5678, "012,.2f", "-0,001,234.57");
    expect_spec(-0.0, "z", "0.0");
    expect_spec(-0.001, "z.1f", "0.0");
    expect_spec(-INFINITY, "z", "-inf");
    expect_spec(1.5, "*^10.2%", "*150.00%**");
    expect_spec(1e16, "#", "1.e+16");
    expect_spec(NAN, "012,.2f", "000000000nan");
    expect_spec(12345678.0, "_", "12_345_678.0");
    expect_spec(1.0, "d", "!Unknown format code 'd' for object of type 'float'");
    expect_spec(1.0, ",n", "!Cannot specify ',' with 'n'.");
    expect_spec(1.0, "%.2", "!Invalid format specifier '%.2' for object of type 'float'");
}

Test(floatobject, freed_floats_are_recycled)
{
    tpy_object_t *a = F(1.25);
    TPY_DECREF(a);
    tpy_object_t *b = F(2.5);
    cr_assert_eq(a, b);
    cr_assert_eq(TPY_REFCNT(b), 1);
    TPY_DECREF(b);
}
