/*
 * tests/unit/test_int.c - int and bool: the small-int pool and the two
 * representations, big arithmetic against values printed by python3 3.11,
 * floor division and two's-complement signs, text conversion and its digit
 * limit, hashing, exact int/float comparison, format specs, and results too
 * large to build.
 */
#include "tests/unit/support.h"

#include <math.h>
#include <string.h>

TPY_TEST_SUITE(intobject);

static tpy_object_t *I(int64_t v)
{
    tpy_object_t *r = tpy_int_from_i64(v);
    cr_assert_not_null(r);
    return r;
}

/* An int from text (base 0: decimal, or 0x/0o/0b-prefixed). */
static tpy_object_t *N(const char *text)
{
    tpy_object_t *r = tpy_int_from_string(text, strlen(text), 0);
    cr_assert_not_null(r, "cannot parse %s", text);
    return r;
}

static int64_t small_value(tpy_object_t *o)
{
    cr_assert(tpy_int_is_small(o));
    return ((tpy_int_t *)o)->v;
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

/* a OP b for int texts: prints as [want], or (want NULL) fails with [type] and [msg]. */
static void check_op(const char *a, int op, const char *b, const char *want, tpy_type_t *type,
                     const char *msg)
{
    tpy_object_t *x = N(a), *y = N(b);
    tpy_object_t *r = tpy_number_binop(x, y, op);
    if (want != NULL) {
        expect(r, want);
    } else {
        cr_assert_null(r, "%s op %s should fail", a, b);
        assert_error(type, msg);
    }
    TPY_DECREF(x);
    TPY_DECREF(y);
}

static void expect_op(const char *a, int op, const char *b, const char *want)
{
    check_op(a, op, b, want, NULL, NULL);
}

static void expect_op_error(const char *a, int op, const char *b, tpy_type_t *type,
                            const char *msg)
{
    check_op(a, op, b, NULL, type, msg);
}

/* ---- representation ---------------------------------------------------------------- */

Test(intobject, small_results_are_the_pooled_objects)
{
    tpy_object_t *a = I(200), *b = I(56);
    tpy_object_t *sum = tpy_number_binop(a, b, TPY_BINOP_ADD);
    cr_assert_eq(sum, TPY_OBJ(&tpy_smallints[256 - TPY_SMALLINT_MIN]));
    tpy_object_t *m5 = I(-5);
    cr_assert_eq(m5, TPY_OBJ(&tpy_smallints[0]));
    tpy_object_t *big = N("18446744073709551616");
    tpy_object_t *zero = tpy_number_binop(big, big, TPY_BINOP_SUB);
    cr_assert_eq(zero, TPY_OBJ(&tpy_smallints[0 - TPY_SMALLINT_MIN]));
    tpy_object_t *q = tpy_number_binop(big, big, TPY_BINOP_FLOORDIV);
    cr_assert_eq(q, TPY_OBJ(&tpy_smallints[1 - TPY_SMALLINT_MIN]));
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(sum);
    TPY_DECREF(m5);
    TPY_DECREF(big);
    TPY_DECREF(zero);
    TPY_DECREF(q);
}

Test(intobject, values_outside_the_pool_are_fresh_objects)
{
    tpy_object_t *a = I(257), *b = I(257);
    cr_assert_neq(a, b);
    cr_assert_eq(small_value(a), 257);
    cr_assert_eq(TPY_REFCNT(a), 1);
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(intobject, pooled_ints_survive_an_unbalanced_decref)
{
    tpy_object_t *z = TPY_OBJ(&tpy_smallints[7 - TPY_SMALLINT_MIN]);
    intptr_t before = TPY_REFCNT(z);
    TPY_INCREF(z);
    TPY_DECREF(z);
    cr_assert_eq(TPY_REFCNT(z), before);
    cr_assert_eq(small_value(z), 7);
}

Test(intobject, int64_values_are_small_down_to_the_big_forms_tags)
{
    // Every int64 from TPY_INT_SMALL_MIN up is small; the 2**32 below are big
    // (their v is a tag) yet convert back to int64 exactly.
    int64_t edges[] = {INT64_MAX, INT64_MAX - 1, TPY_INT_SMALL_MIN + 1, TPY_INT_SMALL_MIN,
                       TPY_INT_SMALL_MIN - 1, INT64_MIN + 1, INT64_MIN};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        tpy_object_t *o = I(edges[i]);
        cr_assert_eq(tpy_int_is_small(o), edges[i] >= TPY_INT_SMALL_MIN, "%lld",
                     (long long)edges[i]);
        cr_assert_eq(tpy_int_fits_small(edges[i]), edges[i] >= TPY_INT_SMALL_MIN);
        cr_assert_eq(tpy_int_as_i64(o), edges[i]);
        cr_assert_null(tpy_err_occurred());
        cr_assert_eq(tpy_int_sizeof(o), tpy_int_is_small(o) ? 24 : 32);
        TPY_DECREF(o);
    }
    tpy_object_t *max = N("9223372036854775807"), *min = N("-9223372036854775808");
    cr_assert(tpy_int_is_small(max));
    cr_assert_not(tpy_int_is_small(min));
    cr_assert_eq(tpy_int_as_i64(min), INT64_MIN);
    cr_assert_null(tpy_err_occurred());
    tpy_object_t *one = I(1);
    tpy_object_t *back = tpy_number_binop(min, one, TPY_BINOP_ADD);
    cr_assert_not(tpy_int_is_small(back));
    cr_assert_eq(tpy_int_as_i64(back), INT64_MIN + 1);
    tpy_object_t *big = tpy_number_binop(max, one, TPY_BINOP_ADD);
    cr_assert_not(tpy_int_is_small(big));
    tpy_object_t *again = tpy_number_binop(big, one, TPY_BINOP_SUB);
    cr_assert_eq(small_value(again), INT64_MAX);
    tpy_object_t *edge = I(TPY_INT_SMALL_MIN - 1);
    tpy_object_t *up = tpy_number_binop(edge, one, TPY_BINOP_ADD);
    cr_assert_eq(small_value(up), TPY_INT_SMALL_MIN);
    tpy_object_t *down = tpy_number_binop(up, one, TPY_BINOP_SUB);
    cr_assert_not(tpy_int_is_small(down));
    cr_assert_eq(tpy_int_compare(down, edge), 0);
    cr_assert_eq(tpy_int_hash(down), tpy_int_hash(edge));
    expect(tpy_int_from_i64(INT64_MIN), "-9223372036854775808");
    expect(tpy_int_from_i64(INT64_MIN + 1), "-9223372036854775807");
    expect(tpy_int_from_u64(UINT64_MAX), "18446744073709551615");
    TPY_DECREF(max);
    TPY_DECREF(min);
    TPY_DECREF(one);
    TPY_DECREF(back);
    TPY_DECREF(big);
    TPY_DECREF(again);
    TPY_DECREF(edge);
    TPY_DECREF(up);
    TPY_DECREF(down);
}

Test(intobject, sizeof_is_24_bytes_plus_4_per_32_bit_digit)
{
    // CPython 3.11 takes 24 + 4 * max(1, ceil(bits / 30)): never less.
    const char *texts[] = {"0", "1", "-1", "4611686018427387904", "-4611686018427387905",
                           "9223372036854775808", "-9223372036854775809",
                           "18446744073709551615", "18446744073709551616",
                           "0x100000000000000000000000000000000", "-0x" "ffffffff" "ffffffff"
                           "ffffffff"};
    size_t want[] = {24, 24, 24, 24, 24, 32, 32, 32, 36, 44, 36};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        tpy_object_t *o = N(texts[i]);
        cr_assert_eq(tpy_int_sizeof(o), want[i], "%s: %zu", texts[i], tpy_int_sizeof(o));
        tpy_object_t *bits = tpy_object_call_method(o, "bit_length", NULL, 0);
        cr_assert_not_null(bits);
        uint64_t digits30 = ((uint64_t)tpy_int_as_i64(bits) + 29) / 30;
        TPY_DECREF(bits);
        cr_assert_leq(tpy_int_sizeof(o), 24 + 4 * (digits30 ? digits30 : 1));
        TPY_DECREF(o);
    }
}

Test(intobject, as_i64_reports_overflow)
{
    tpy_object_t *big = N("9223372036854775808");
    int overflow;
    tpy_int_as_i64_overflow(big, &overflow);
    cr_assert_eq(overflow, 1);
    cr_assert_eq(tpy_int_as_i64(big), -1);
    assert_error(&tpy_exc_OverflowError, "Python int too large to convert to C long");
    TPY_DECREF(big);
    big = N("-9223372036854775809");
    tpy_int_as_i64_overflow(big, &overflow);
    cr_assert_eq(overflow, -1);
    TPY_DECREF(big);
}

Test(intobject, freed_small_ints_are_recycled)
{
    tpy_object_t *a = I(123456);
    TPY_DECREF(a);
    tpy_object_t *b = I(654321);
    cr_assert_eq(a, b); // the free list hands the block back
    TPY_DECREF(b);
}

/* ---- arithmetic ----------------------------------------------------------------------- */

typedef struct {
    const char *a;
    int op;
    const char *b;
    const char *want;
} binop_case_t;

// Expected values printed by python3 3.11.
static const binop_case_t big_cases[] = {
    {"123456789012345678901234567890123456789", TPY_BINOP_ADD, "-98765432109876543210987654321",
     "123456788913580246791358024679135802468"},
    {"123456789012345678901234567890123456789", TPY_BINOP_SUB, "-98765432109876543210987654321",
     "123456789111111111011111111101111111110"},
    {"123456789012345678901234567890123456789", TPY_BINOP_MUL, "-98765432109876543210987654321",
     "-12193263113702179522618503273374485596336229233322374638011112635269"},
    {"123456789012345678901234567890123456789", TPY_BINOP_FLOORDIV,
     "-98765432109876543210987654321", "-1249999989"},
    {"123456789012345678901234567890123456789", TPY_BINOP_MOD, "-98765432109876543210987654321",
     "-38580246903858024690262345680"},
    {"123456789012345678901234567890123456789", TPY_BINOP_AND, "-98765432109876543210987654321",
     "123456788923212972487441294508886098181"},
    {"123456789012345678901234567890123456789", TPY_BINOP_OR, "-98765432109876543210987654321",
     "-9632725696083269829750295713"},
    {"123456789012345678901234567890123456789", TPY_BINOP_XOR, "-98765432109876543210987654321",
     "-123456788932845698183524564338636393894"},
    {"18446744073709551616", TPY_BINOP_ADD, "-18446744073709551615", "1"},
    {"18446744073709551616", TPY_BINOP_SUB, "-18446744073709551615", "36893488147419103231"},
    {"18446744073709551616", TPY_BINOP_MUL, "-18446744073709551615",
     "-340282366920938463444927863358058659840"},
    {"18446744073709551616", TPY_BINOP_FLOORDIV, "-18446744073709551615", "-2"},
    {"18446744073709551616", TPY_BINOP_MOD, "-18446744073709551615", "-18446744073709551614"},
    {"18446744073709551616", TPY_BINOP_AND, "-18446744073709551615", "18446744073709551616"},
    {"18446744073709551616", TPY_BINOP_OR, "-18446744073709551615", "-18446744073709551615"},
    {"18446744073709551616", TPY_BINOP_XOR, "-18446744073709551615", "-36893488147419103231"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_ADD,
     "-508021860739623365322188197652216501772434524836001",
     "-507506483218891353991151736522450880499732417314000"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_SUB,
     "-508021860739623365322188197652216501772434524836001",
     "508537238260355376653224658781982123045136632358002"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_MUL,
     "-508021860739623365322188197652216501772434524836001",
     "-2618230470656502142294347493556631760968326882969637085504064347243978458113885056"
     "54896553024358001"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_FLOORDIV,
     "-508021860739623365322188197652216501772434524836001", "-1"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_MOD,
     "-508021860739623365322188197652216501772434524836001",
     "-507506483218891353991151736522450880499732417314000"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_AND,
     "-508021860739623365322188197652216501772434524836001",
     "365514857819082543289610041618441131628503761745"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_OR,
     "-508021860739623365322188197652216501772434524836001",
     "-507871998076710436534441346564069321631360921075745"},
    {"515377520732011331036461129765621272702107522001", TPY_BINOP_XOR,
     "-508021860739623365322188197652216501772434524836001",
     "-508237512934529519077730956605687762762989424837490"},
    {"170141183460469231731687303715884105727", TPY_BINOP_ADD,
     "10000000000000000000000000000000000000007", "10170141183460469231731687303715884105734"},
    {"170141183460469231731687303715884105727", TPY_BINOP_SUB,
     "10000000000000000000000000000000000000007", "-9829858816539530768268312696284115894280"},
    {"170141183460469231731687303715884105727", TPY_BINOP_MUL,
     "10000000000000000000000000000000000000007",
     "1701411834604692317316873037158841057271190988284223284622121811126011188740089"},
    {"170141183460469231731687303715884105727", TPY_BINOP_FLOORDIV,
     "10000000000000000000000000000000000000007", "0"},
    {"170141183460469231731687303715884105727", TPY_BINOP_MOD,
     "10000000000000000000000000000000000000007", "170141183460469231731687303715884105727"},
    {"170141183460469231731687303715884105727", TPY_BINOP_AND,
     "10000000000000000000000000000000000000007", "131811359292784559562136384478721867783"},
    {"170141183460469231731687303715884105727", TPY_BINOP_OR,
     "10000000000000000000000000000000000000007", "10038329824167684672169550919237162237951"},
    {"170141183460469231731687303715884105727", TPY_BINOP_XOR,
     "10000000000000000000000000000000000000007", "9906518464874900112607414534758440370168"},
    {"-10000000000000000000000003", TPY_BINOP_ADD,
     "515377520732011331036461129765621272702107522001",
     "515377520732011331036451129765621272702107521998"},
    {"-10000000000000000000000003", TPY_BINOP_SUB,
     "515377520732011331036461129765621272702107522001",
     "-515377520732011331036471129765621272702107522004"},
    {"-10000000000000000000000003", TPY_BINOP_MUL,
     "515377520732011331036461129765621272702107522001",
     "-5153775207320113310364612843788774923055068329393389296863818106322566003"},
    {"-10000000000000000000000003", TPY_BINOP_FLOORDIV,
     "515377520732011331036461129765621272702107522001", "-1"},
    {"-10000000000000000000000003", TPY_BINOP_MOD,
     "515377520732011331036461129765621272702107522001",
     "515377520732011331036451129765621272702107521998"},
    {"-10000000000000000000000003", TPY_BINOP_AND,
     "515377520732011331036461129765621272702107522001",
     "515377520732011331036460803533361431204687516625"},
    {"-10000000000000000000000003", TPY_BINOP_OR,
     "515377520732011331036461129765621272702107522001", "-9673767740158502579994627"},
    {"-10000000000000000000000003", TPY_BINOP_XOR,
     "515377520732011331036461129765621272702107522001",
     "-515377520732011331036470477301101589707267511252"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_ADD,
     "-10000000000000000000000003", "-508021860739623365322188207652216501772434524836004"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_SUB,
     "-10000000000000000000000003", "-508021860739623365322188187652216501772434524835998"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_MUL,
     "-10000000000000000000000003",
     "5080218607396233653221883500587747236594441214924602956649505317303574508003"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_FLOORDIV,
     "-10000000000000000000000003", "50802186073962336532218804"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_MOD,
     "-10000000000000000000000003", "-5245658279885424928179589"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_AND,
     "-10000000000000000000000003", "-508021860739623365322188197956901518879017665532067"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_OR,
     "-10000000000000000000000003", "-9695314982893416859303937"},
    {"-508021860739623365322188197652216501772434524836001", TPY_BINOP_XOR,
     "-10000000000000000000000003", "508021860739623365322188188261586535985600806228130"},
    {"-98765432109876543210987654321", TPY_BINOP_ADD, "7", "-98765432109876543210987654314"},
    {"-98765432109876543210987654321", TPY_BINOP_SUB, "7", "-98765432109876543210987654328"},
    {"-98765432109876543210987654321", TPY_BINOP_MUL, "7", "-691358024769135802476913580247"},
    {"-98765432109876543210987654321", TPY_BINOP_FLOORDIV, "7", "-14109347444268077601569664903"},
    {"-98765432109876543210987654321", TPY_BINOP_MOD, "7", "0"},
    {"-98765432109876543210987654321", TPY_BINOP_AND, "7", "7"},
    {"-98765432109876543210987654321", TPY_BINOP_OR, "7", "-98765432109876543210987654321"},
    {"-98765432109876543210987654321", TPY_BINOP_XOR, "7", "-98765432109876543210987654328"},
    {"-12345", TPY_BINOP_ADD, "10000000000000000000000000000000000000007",
     "9999999999999999999999999999999999987662"},
    {"-12345", TPY_BINOP_SUB, "10000000000000000000000000000000000000007",
     "-10000000000000000000000000000000000012352"},
    {"-12345", TPY_BINOP_MUL, "10000000000000000000000000000000000000007",
     "-123450000000000000000000000000000000000086415"},
    {"-12345", TPY_BINOP_FLOORDIV, "10000000000000000000000000000000000000007", "-1"},
    {"-12345", TPY_BINOP_MOD, "10000000000000000000000000000000000000007",
     "9999999999999999999999999999999999987662"},
    {"-12345", TPY_BINOP_AND, "10000000000000000000000000000000000000007",
     "10000000000000000000000000000000000000007"},
    {"-12345", TPY_BINOP_OR, "10000000000000000000000000000000000000007", "-12345"},
    {"-12345", TPY_BINOP_XOR, "10000000000000000000000000000000000000007",
     "-10000000000000000000000000000000000012352"},
    {"-1267650600228229401496703205377", TPY_BINOP_RSHIFT, "3", "-158456325028528675187087900673"},
    {"-1267650600228229401496703205376", TPY_BINOP_RSHIFT, "100", "-1"},
    {"-1267650600228229401496703205376", TPY_BINOP_RSHIFT, "101", "-1"},
    {"1267650600228229401496703217721", TPY_BINOP_RSHIFT, "64", "68719476736"},
    {"-12345", TPY_BINOP_RSHIFT, "64", "-1"},
    {"-1", TPY_BINOP_RSHIFT, "1000", "-1"},
    {"12345", TPY_BINOP_RSHIFT, "0", "12345"},
    {"-717897987691852588770249", TPY_BINOP_RSHIFT, "33", "-83574325276056"},
    {"-717897987691852588770249", TPY_BINOP_LSHIFT, "33", "-6166696758001434788842312625553408"},
    {"1", TPY_BINOP_LSHIFT, "200",
     "1606938044258990275541962092341162602522202993782792835301376"},
    {"-1", TPY_BINOP_LSHIFT, "64", "-18446744073709551616"},
    {"1180591620717411303425", TPY_BINOP_LSHIFT, "31", "2535301200456458802995553894400"},
    {"3", TPY_BINOP_POW, "200",
     "26561398887587476933878132203577962682923345265339449597457496173909249090130218299"
     "4384699044001"},
    {"-7", TPY_BINOP_POW, "61", "-3556153025177363557255317383565515512407041673852007"},
    {"1180591620717411303425", TPY_BINOP_POW, "5",
     "22934986159900715116205342397632155861511787537479719303312224372119748962814331609"
     "43096288843598212890625"},
    {"-10000000000", TPY_BINOP_POW, "7",
     "-10000000000000000000000000000000000000000000000000000000000000000000000"},
};

Test(intobject, big_arithmetic_matches_cpython)
{
    for (size_t i = 0; i < sizeof big_cases / sizeof big_cases[0]; i++) {
        const binop_case_t *c = &big_cases[i];
        expect_op(c->a, c->op, c->b, c->want);
    }
}

Test(intobject, overflow_of_small_operations_goes_big)
{
    expect_op("9223372036854775807", TPY_BINOP_ADD, "1", "9223372036854775808");
    expect_op("-9223372036854775807", TPY_BINOP_SUB, "2", "-9223372036854775809");
    expect_op("4294967296", TPY_BINOP_MUL, "4294967296", "18446744073709551616");
    expect_op("-3037000500", TPY_BINOP_MUL, "3037000500", "-9223372037000250000");
    expect_op("1", TPY_BINOP_LSHIFT, "63", "9223372036854775808");
    expect_op("-1", TPY_BINOP_LSHIFT, "63", "-9223372036854775808");
    expect_op("3", TPY_BINOP_POW, "40", "12157665459056928801");
    expect_op("-9223372036854775807", TPY_BINOP_AND, "-2", "-9223372036854775808");
    expect_op("9223372036854775807", TPY_BINOP_XOR, "-1", "-9223372036854775808");
}

Test(intobject, floor_division_and_modulo_follow_the_divisor_sign)
{
    expect_op("7", TPY_BINOP_FLOORDIV, "2", "3");
    expect_op("-7", TPY_BINOP_FLOORDIV, "2", "-4");
    expect_op("7", TPY_BINOP_FLOORDIV, "-2", "-4");
    expect_op("-7", TPY_BINOP_FLOORDIV, "-2", "3");
    expect_op("-7", TPY_BINOP_MOD, "2", "1");
    expect_op("7", TPY_BINOP_MOD, "-2", "-1");
    expect_op("-3", TPY_BINOP_FLOORDIV, "100000000000000000000", "-1");
    expect_op("-3", TPY_BINOP_MOD, "100000000000000000000", "99999999999999999997");
    expect_op("3", TPY_BINOP_MOD, "-100000000000000000000", "-99999999999999999997");
    expect_op("-100000000000000000000", TPY_BINOP_MOD, "-3", "-1");
    expect_op("0", TPY_BINOP_MOD, "-100000000000000000000", "0");
    tpy_object_t *a = N("-1000000000000000000000000000000"), *b = I(7);
    expect(tpy_int_divmod(a, b), "(-142857142857142857142857142858, 6)");
    TPY_DECREF(a);
    TPY_DECREF(b);
}

Test(intobject, division_by_zero_messages_match_cpython)
{
    expect_op_error("1", TPY_BINOP_TRUEDIV, "0", &tpy_exc_ZeroDivisionError, "division by zero");
    expect_op_error("1", TPY_BINOP_FLOORDIV, "0", &tpy_exc_ZeroDivisionError,
                    "integer division or modulo by zero");
    expect_op_error("1", TPY_BINOP_MOD, "0", &tpy_exc_ZeroDivisionError, "integer modulo by zero");
    expect_op_error("0x100000000000000000", TPY_BINOP_MOD, "0", &tpy_exc_ZeroDivisionError,
                    "integer modulo by zero");
    tpy_object_t *a = I(1), *z = I(0);
    cr_assert_null(tpy_int_divmod(a, z));
    assert_error(&tpy_exc_ZeroDivisionError, "integer division or modulo by zero");
    TPY_DECREF(a);
    TPY_DECREF(z);
}

Test(intobject, true_division_is_correctly_rounded)
{
    expect_op("1000000000000000000000000000000", TPY_BINOP_TRUEDIV, "7", "1.4285714285714285e+29");
    expect_op("1", TPY_BINOP_TRUEDIV, "3", "0.3333333333333333");
    expect_op("-1000000000000000000000000000000", TPY_BINOP_TRUEDIV, "-7",
              "1.4285714285714285e+29");
    // (2**1100 + 1) / 2**100, 1 / (3 * 2**1073) and 3 / 2**1075 (subnormal rounding)
    tpy_object_t *one = I(1), *three = I(3), *k = I(1100), *k2 = I(100), *k3 = I(1073);
    tpy_object_t *k4 = I(1075), *two = I(2);
    tpy_object_t *p1 = tpy_number_binop(two, k, TPY_BINOP_POW);
    tpy_object_t *n1 = tpy_number_binop(p1, one, TPY_BINOP_ADD);
    tpy_object_t *d1 = tpy_number_binop(two, k2, TPY_BINOP_POW);
    expect(tpy_number_binop(n1, d1, TPY_BINOP_TRUEDIV), "1.0715086071862673e+301");
    tpy_object_t *p3 = tpy_number_binop(two, k3, TPY_BINOP_POW);
    tpy_object_t *d3 = tpy_number_binop(three, p3, TPY_BINOP_MUL);
    expect(tpy_number_binop(one, d3, TPY_BINOP_TRUEDIV), "5e-324");
    tpy_object_t *d4 = tpy_number_binop(two, k4, TPY_BINOP_POW);
    expect(tpy_number_binop(three, d4, TPY_BINOP_TRUEDIV), "1e-323");
    expect(tpy_number_binop(one, d4, TPY_BINOP_TRUEDIV), "0.0");
    cr_assert_null(tpy_number_binop(p1, one, TPY_BINOP_TRUEDIV));
    assert_error(&tpy_exc_OverflowError, "integer division result too large for a float");
    tpy_object_t *objs[] = {one, three, k, k2, k3, k4, two, p1, n1, d1, p3, d3, d4};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        TPY_DECREF(objs[i]);
    }
}

Test(intobject, negative_values_shift_and_mask_as_twos_complement)
{
    expect_op("-5", TPY_BINOP_RSHIFT, "1", "-3");
    expect_op("-5", TPY_BINOP_RSHIFT, "100", "-1");
    expect_op("5", TPY_BINOP_RSHIFT, "100", "0");
    expect_op("-12", TPY_BINOP_AND, "10", "0");
    expect_op("-12", TPY_BINOP_OR, "10", "-2");
    expect_op("-12", TPY_BINOP_XOR, "-10", "2");
    expect_op("5", TPY_BINOP_RSHIFT, "0x100000000000000000000", "0");
    expect_op("-5", TPY_BINOP_RSHIFT, "0x100000000000000000000", "-1");
    expect_op_error("1", TPY_BINOP_LSHIFT, "-1", &tpy_exc_ValueError, "negative shift count");
    expect_op_error("1", TPY_BINOP_RSHIFT, "-1", &tpy_exc_ValueError, "negative shift count");
    tpy_object_t *a = N("0x100000000000000000000");
    expect(tpy_number_unop(a, TPY_UNOP_INVERT), "-1208925819614629174706177");
    expect(tpy_number_unop(a, TPY_UNOP_NEG), "-1208925819614629174706176");
    TPY_DECREF(a);
}

Test(intobject, powers_and_modular_powers)
{
    expect_op("2", TPY_BINOP_POW, "-2", "0.25");
    expect_op("-2", TPY_BINOP_POW, "-3", "-0.125");
    expect_op_error("0", TPY_BINOP_POW, "-1", &tpy_exc_ZeroDivisionError,
                    "0.0 cannot be raised to a negative power");
    tpy_object_t *a = I(3), *b = N("1000000000000000000000000000000");
    tpy_object_t *m = N("100000000000000000007"), *neg = I(-7), *z = I(0), *one = I(-1);
    expect(tpy_int_pow3(a, b, m), "86933057392255037604");
    tpy_object_t *e3 = I(3);
    expect(tpy_int_pow3(a, e3, neg), "-1");
    tpy_object_t *m7 = I(7), *mm3 = I(-3);
    expect(tpy_int_pow3(mm3, one, m7), "2");
    cr_assert_null(tpy_int_pow3(a, b, z));
    assert_error(&tpy_exc_ValueError, "pow() 3rd argument cannot be 0");
    tpy_object_t *four = I(4), *two = I(2);
    cr_assert_null(tpy_int_pow3(two, one, four));
    assert_error(&tpy_exc_ValueError, "base is not invertible for the given modulus");
    tpy_object_t *f = tpy_float_from_double(2.0);
    cr_assert_null(tpy_int_pow3(f, e3, four));
    assert_error(&tpy_exc_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
    tpy_object_t *objs[] = {a, b, m, neg, z, one, e3, m7, mm3, four, two, f};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        TPY_DECREF(objs[i]);
    }
}

Test(intobject, results_too_large_to_build_raise_instead_of_allocating)
{
    expect_op_error("2", TPY_BINOP_POW, "1000000000000", &tpy_exc_MemoryError, "");
    expect_op_error("1", TPY_BINOP_LSHIFT, "1000000000000", &tpy_exc_MemoryError, "");
    expect_op_error("7", TPY_BINOP_POW, "0x10000000000000000000000000", &tpy_exc_MemoryError, "");
    expect_op_error("1", TPY_BINOP_LSHIFT, "0x400000000000000000", &tpy_exc_OverflowError,
                    "too many digits in integer");
    expect_op("-1", TPY_BINOP_POW, "0x10000000000000000000000001", "-1");
    expect_op("0", TPY_BINOP_LSHIFT, "0x400000000000000000", "0");
}

/* ---- comparison and hashing ------------------------------------------------------------- */

Test(intobject, compare_orders_big_and_small_values)
{
    tpy_object_t *vals[] = {N("-0x10000000000000000000"),
                            N("-9223372036854775808"),
                            I(-1),
                            I(0),
                            N("9223372036854775807"),
                            N("9223372036854775808"),
                            N("0x10000000000000000000")};
    size_t n = sizeof vals / sizeof vals[0];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            int want = (i > j) - (i < j);
            cr_assert_eq(tpy_int_compare(vals[i], vals[j]), want, "%zu vs %zu", i, j);
        }
    }
    for (size_t i = 0; i < n; i++) {
        TPY_DECREF(vals[i]);
    }
}

Test(intobject, comparison_with_floats_is_exact)
{
    tpy_object_t *a = N("9007199254740993"); // 2**53 + 1
    cr_assert_eq(tpy_int_compare_double(a, 9007199254740992.0), 1);
    cr_assert_eq(tpy_int_compare_double(a, 9007199254740994.0), -1);
    cr_assert_eq(tpy_int_compare_double(a, NAN), 2);
    cr_assert_eq(tpy_int_compare_double(a, INFINITY), -1);
    tpy_object_t *b = N("1000000000000000000000000000000"); // 10**30 != 1e30
    cr_assert_eq(tpy_int_compare_double(b, 1e30), -1);
    tpy_object_t *c = N("-9223372036854775808");
    cr_assert_eq(tpy_int_compare_double(c, -9223372036854775808.0), 0);
    cr_assert_eq(tpy_int_compare_double(c, -9223372036854775808.5), 0);
    cr_assert_eq(tpy_int_compare_double(c, -9223372036854774784.5), -1);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
}

Test(intobject, hash_is_cpythons_modulo_2_61_minus_1)
{
    static const struct {
        const char *v;
        int64_t h;
    } cases[] = {
        {"1267650600228229401496703205376", 549755813888},
        {"-1267650600228229401496703205376", -549755813888},
        {"10000000000000000000000000000000000000007", 1388497483929617597},
        {"2305843009213693951", 0},
        {"2305843009213693952", 1},
        {"-2305843009213693952", -2},
        {"-1", -2},
        {"-2", -2},
        {"9223372036854775808", 4},
        {"-9223372036854775808", -4},
        {"12345", 12345},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tpy_object_t *v = N(cases[i].v);
        cr_assert_eq(tpy_object_hash(v), cases[i].h, "hash(%s)", cases[i].v);
        TPY_DECREF(v);
    }
}

/* ---- conversions ------------------------------------------------------------------------- */

Test(intobject, conversion_to_double_rounds_half_to_even)
{
    static const struct {
        const char *v;
        double d;
    } cases[] = {
        {"9007199254740993", 9007199254740992.0},
        {"18446744073709553664", 18446744073709551616.0}, // 2**64 + 2**11: tie, even
        {"18446744073709553665", 18446744073709555712.0}, // just above the tie
        {"18446744073709557760", 18446744073709559808.0}, // 2**64 + 3 * 2**11: tie, up
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tpy_object_t *v = N(cases[i].v);
        cr_assert_eq(tpy_int_as_double(v), cases[i].d, "float(%s)", cases[i].v);
        TPY_DECREF(v);
    }
    tpy_object_t *two = I(2), *k = I(1024), *p = tpy_number_binop(two, k, TPY_BINOP_POW);
    cr_assert_eq(tpy_int_as_double(p), -1.0);
    assert_error(&tpy_exc_OverflowError, "int too large to convert to float");
    TPY_DECREF(two);
    TPY_DECREF(k);
    TPY_DECREF(p);
}

Test(intobject, conversion_from_double_truncates)
{
    expect(tpy_int_from_double(3.99), "3");
    expect(tpy_int_from_double(-3.99), "-3");
    expect(tpy_int_from_double(1e30), "1000000000000000019884624838656");
    expect(tpy_int_from_double(-9223372036854775808.0), "-9223372036854775808");
    cr_assert_null(tpy_int_from_double(INFINITY));
    assert_error(&tpy_exc_OverflowError, "cannot convert float infinity to integer");
    cr_assert_null(tpy_int_from_double(NAN));
    assert_error(&tpy_exc_ValueError, "cannot convert float NaN to integer");
}

Test(intobject, text_round_trips_in_every_base)
{
    tpy_object_t *v = N("-1180591620717411303429"); // -(2**70) - 5
    expect(tpy_int_to_string(v, 16, true), "-0x400000000000000005");
    expect(tpy_int_to_string(v, 8, true), "-0o200000000000000000000005");
    expect(tpy_int_to_string(v, 2, true),
           "-0b10000000000000000000000000000000000000000000000000000000000000000000101");
    expect(tpy_int_to_string(v, 10, false), "-1180591620717411303429");
    TPY_DECREF(v);
    const char *texts[] = {"0x_ff", "0b1_0_1", "0o777", "  -42  ",
                           "1_000_000_000_000_000_000_000"};
    const char *want[] = {"255", "5", "511", "-42", "1000000000000000000000"};
    for (size_t i = 0; i < 5; i++) {
        expect(tpy_int_from_string(texts[i], strlen(texts[i]), 0), want[i]);
    }
    expect(tpy_int_from_string("zz", 2, 36), "1295");
}

Test(intobject, bad_literals_raise_value_error_with_the_repr)
{
    const char *bad[] = {"abc", "", "1__0", "_1", "1_", "017", "0x", "1 2", "+-1"};
    const char *msg[] = {"invalid literal for int() with base 0: 'abc'",
                         "invalid literal for int() with base 0: ''",
                         "invalid literal for int() with base 0: '1__0'",
                         "invalid literal for int() with base 0: '_1'",
                         "invalid literal for int() with base 0: '1_'",
                         "invalid literal for int() with base 0: '017'",
                         "invalid literal for int() with base 0: '0x'",
                         "invalid literal for int() with base 0: '1 2'",
                         "invalid literal for int() with base 0: '+-1'"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_null(tpy_int_from_string(bad[i], strlen(bad[i]), 0));
        assert_error(&tpy_exc_ValueError, msg[i]);
    }
    cr_assert_null(tpy_int_from_string("12", 2, 2));
    assert_error(&tpy_exc_ValueError, "invalid literal for int() with base 2: '12'");
}

Test(intobject, decimal_conversions_stop_at_4300_digits)
{
    char *digits = malloc(4302);
    memset(digits, '1', 4301);
    digits[4301] = '\0';
    cr_assert_null(tpy_int_from_string(digits, 4301, 10));
    assert_error(&tpy_exc_ValueError,
                 "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 "
                 "digits; use sys.set_int_max_str_digits() to increase the limit");
    tpy_object_t *v = tpy_int_from_string(digits, 4300, 10);
    cr_assert_not_null(v);
    tpy_object_t *s = tpy_object_str(v);
    cr_assert_not_null(s);
    cr_assert_eq(TPY_STR_LEN(s), 4300);
    TPY_DECREF(s);
    tpy_object_t *ten = I(10), *r = tpy_number_binop(v, ten, TPY_BINOP_MUL);
    cr_assert_null(tpy_object_str(r));
    assert_error(&tpy_exc_ValueError,
                 "Exceeds the limit (4300 digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit");
    cr_assert_not_null(s = tpy_int_to_string(r, 16, true)); // power-of-two bases are exempt
    TPY_DECREF(s);
    cr_assert_eq(tpy_int_set_max_str_digits(100), -1);
    assert_error(&tpy_exc_ValueError, "maxdigits must be 0 or larger than 640");
    cr_assert_eq(tpy_int_set_max_str_digits(0), 0);
    cr_assert_not_null(s = tpy_object_str(r));
    cr_assert_eq(TPY_STR_LEN(s), 4301);
    TPY_DECREF(s);
    cr_assert_eq(tpy_int_set_max_str_digits(4300), 0);
    free(digits);
    TPY_DECREF(v);
    TPY_DECREF(ten);
    TPY_DECREF(r);
}

Test(intobject, factorial_of_1000_prints_quickly)
{
    tpy_object_t *f = I(1);
    for (int64_t i = 2; i <= 1000; i++) {
        tpy_object_t *k = I(i);
        TPY_SETREF(f, tpy_number_binop(f, k, TPY_BINOP_MUL));
        TPY_DECREF(k);
    }
    tpy_object_t *s = tpy_object_str(f);
    cr_assert_not_null(s);
    cr_assert_eq(TPY_STR_LEN(s), 2568);
    cr_assert_eq(strncmp(TPY_STR_DATA(s), "402387260077093773543702433923003985719374864210", 48),
                 0);
    tpy_object_t *back = tpy_int_from_str_object(s, 10);
    cr_assert_eq(tpy_int_compare(back, f), 0);
    TPY_DECREF(s);
    TPY_DECREF(back);
    TPY_DECREF(f);
}

/* ---- rounding and formatting ------------------------------------------------------------- */

Test(intobject, round_with_negative_ndigits_is_half_even)
{
    const int64_t vals[] = {1234, 1250, 1350, -1250, -1251, 25};
    const char *want[] = {"1200", "1200", "1400", "-1200", "-1300", "0"};
    tpy_object_t *nd = I(-2);
    for (size_t i = 0; i < 6; i++) {
        tpy_object_t *v = I(vals[i]);
        expect(tpy_int_round(v, nd), want[i]);
        TPY_DECREF(v);
    }
    tpy_object_t *big = N("1000000000000000000000000000005000000000");
    tpy_object_t *m10 = I(-10);
    expect(tpy_int_round(big, m10), "1000000000000000000000000000000000000000");
    expect(tpy_int_round(big, NULL), "1000000000000000000000000000005000000000");
    TPY_DECREF(big);
    TPY_DECREF(m10);
    TPY_DECREF(nd);
}

static void expect_format(int64_t v, const char *spec, const char *want)
{
    tpy_object_t *o = I(v);
    expect(tpy_int_format_spec(o, spec, strlen(spec)), want);
    TPY_DECREF(o);
}

static void expect_format_error(int64_t v, const char *spec, tpy_type_t *type, const char *msg)
{
    tpy_object_t *o = I(v);
    cr_assert_null(tpy_int_format_spec(o, spec, strlen(spec)));
    assert_error(type, msg);
    TPY_DECREF(o);
}

Test(intobject, format_specs_match_cpython)
{
    expect_format(-1234, "", "-1234");
    expect_format(-1234, "*>9", "****-1234");
    expect_format(-1234, "=+9", "-    1234");
    expect_format(-1234, "^8", " -1234  ");
    expect_format(-1234, "010,", "-0,001,234");
    expect_format(-1234, "09,", "-0,001,234");
    expect_format(-1234, "07,", "-01,234");
    expect_format(1234, "05_x", "0_04d2");
    expect_format(255, "#010x", "0x000000ff");
    expect_format(255, "#X", "0XFF");
    expect_format(-5, "#b", "-0b101");
    expect_format(1234567, ",", "1,234,567");
    expect_format(1234, "e", "1.234000e+03");
    expect_format(65, "^5c", "  A  ");
    expect_format(5, " ", " 5");
    expect_format(5, "\u00e9^5",
                  "\u00e9\u00e9"
                  "5"
                  "\u00e9\u00e9");
    expect_format_error(1, ",x", &tpy_exc_ValueError, "Cannot specify ',' with 'x'.");
    expect_format_error(1, ".2", &tpy_exc_ValueError,
                        "Precision not allowed in integer format specifier");
    expect_format_error(1, "z", &tpy_exc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    expect_format_error(1, "q", &tpy_exc_ValueError,
                        "Unknown format code 'q' for object of type 'int'");
    expect_format_error(1, "xx", &tpy_exc_ValueError,
                        "Invalid format specifier 'xx' for object of type 'int'");
    expect_format_error(1, "+c", &tpy_exc_ValueError,
                        "Sign not allowed with integer format specifier 'c'");
    expect_format_error(-1, "c", &tpy_exc_OverflowError, "%c arg not in range(0x110000)");
    expect_format_error(1, ",_", &tpy_exc_ValueError, "Cannot specify both ',' and '_'.");
    expect_format_error(1, ".", &tpy_exc_ValueError, "Format specifier missing precision");
}

/* ---- bool ----------------------------------------------------------------------------------- */

Test(intobject, bool_has_two_instances_and_prints_its_name)
{
    tpy_object_t *t = tpy_bool_from(true), *f = tpy_bool_from(false);
    cr_assert_eq(t, tpy_true);
    cr_assert_eq(f, tpy_false);
    expect(tpy_object_repr(t), "True");
    expect(tpy_object_str(f), "False");
    expect(tpy_number_binop(t, f, TPY_BINOP_OR), "True");
    tpy_object_t *r = tpy_number_binop(t, t, TPY_BINOP_AND);
    cr_assert_eq(r, tpy_true);
    TPY_DECREF(r);
    tpy_object_t *one = I(1);
    r = tpy_number_binop(t, one, TPY_BINOP_AND);
    cr_assert(TPY_INT_CHECK_EXACT(r));
    TPY_DECREF(r);
    r = tpy_number_binop(t, t, TPY_BINOP_ADD);
    expect(r, "2");
    cr_assert_eq(tpy_object_hash(t), 1);
    TPY_DECREF(one);
    TPY_DECREF(t);
    TPY_DECREF(f);
}
