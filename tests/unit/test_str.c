/*
 * tests/unit/test_str.c - the str type: representation, singletons, interning
 * (uncounted references, removal on dealloc), hashing, slicing of non-ASCII
 * text, the strbuf builder, every method family, `%` and str.format.
 *
 * Most checks go through call(): it builds the receiver and arguments from a
 * small argument-format string, calls a method (or an operation) and compares
 * the repr of the result — or "TypeError: message" for an exception — with
 * the expected text, releasing everything so the fixture's reference check
 * stays balanced.
 */
#include "tests/unit/support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void str_setup(void)
{
    tpy_test_setup();
    // The runtime may have been initialized before `object` was ready: make
    // sure str has its methods.
    tpy_str_ready();
    // Warm the caches that outlive a test: the method cache keeps the
    // looked-up names, and a freed slice object is kept for reuse.
    tpy_object_t *s = tpy_str_from_cstr("warm");
    for (const tpy_methoddef_t *m = tpy_str_methods; m->name != NULL; m++) {
        tpy_object_t *meth = tpy_object_getattr_cstr(s, m->name);
        TPY_XDECREF(meth);
    }
    TPY_DECREF(s);
    tpy_object_t *mk = tpy_object_getattr_cstr(TPY_OBJ(&tpy_str_type), "maketrans");
    TPY_XDECREF(mk);
    tpy_object_t *sl = tpy_slice_new(NULL, NULL, NULL);
    TPY_XDECREF(sl);
    tpy_err_clear();
    tpy_test_reset_baseline();
}

TestSuite(strobject, .init = str_setup, .fini = tpy_test_teardown);

static tpy_object_t *S(const char *s)
{
    tpy_object_t *r = tpy_str_from_cstr(s);
    cr_assert_not_null(r);
    return r;
}

// The repr of [r] (stolen), or "Type: message" of the pending exception, as a
// malloc'd C string.
static char *outcome(tpy_object_t *r)
{
    if (r == NULL) {
        tpy_object_t *exc = tpy_err_fetch();
        cr_assert_not_null(exc, "NULL result without an exception");
        tpy_object_t *msg = tpy_exc_str(exc);
        cr_assert_not_null(msg);
        size_t n = strlen(tpy_type_name(TPY_TYPE(exc))) + (size_t)TPY_STR_LEN(msg) + 3;
        char *out = malloc(n);
        snprintf(out, n, "%s: %s", tpy_type_name(TPY_TYPE(exc)), TPY_STR_DATA(msg));
        TPY_DECREF(msg);
        TPY_DECREF(exc);
        return out;
    }
    cr_assert_null(tpy_err_occurred(), "result returned with an exception set");
    tpy_object_t *rep = tpy_object_repr(r);
    TPY_DECREF(r);
    cr_assert_not_null(rep);
    char *out = strdup(TPY_STR_DATA(rep));
    TPY_DECREF(rep);
    return out;
}

static void expect(tpy_object_t *r, const char *want)
{
    char *got = outcome(r);
    cr_expect_str_eq(got, want);
    free(got);
}

/*
 * Build arguments from [fmt]: 's' C string, 'i' int, 'n' None, 'o' a borrowed
 * object, 'k' starts keywords: each following pair is (name, value-spec).
 */
static size_t build_args(const char *fmt, va_list ap, tpy_object_t **args, tpy_object_t **kwnames)
{
    size_t n = 0, nkw = 0;
    tpy_object_t *names[8];
    bool kw = false;
    for (const char *f = fmt; *f; f++) {
        if (*f == 'k') {
            kw = true;
            continue;
        }
        if (kw) {
            names[nkw++] = S(va_arg(ap, const char *));
        }
        switch (*f) {
        case 's':
            args[n++] = S(va_arg(ap, const char *));
            break;
        case 'i':
            args[n++] = tpy_int_from_i64(va_arg(ap, int));
            break;
        case 'n':
            args[n++] = tpy_newref(tpy_none);
            break;
        case 'o':
            args[n++] = tpy_newref(va_arg(ap, tpy_object_t *));
            break;
        default:
            cr_assert_fail("bad argument format %c", *f);
        }
    }
    *kwnames = nkw ? tpy_tuple_from_array_steal(names, (intptr_t)nkw) : NULL;
    return n;
}

// self.name(*args) with the result's repr compared to [want].
static void call(const char *self, const char *name, const char *want, const char *fmt, ...)
{
    tpy_object_t *args[10], *kwnames;
    va_list ap;
    va_start(ap, fmt);
    size_t n = build_args(fmt, ap, args, &kwnames);
    va_end(ap);
    size_t nkw = tpy_kwcount(kwnames);
    tpy_object_t *recv = S(self);
    tpy_object_t *meth = tpy_object_getattr_cstr(recv, name);
    cr_assert_not_null(meth, "no method %s", name);
    tpy_object_t *r = tpy_object_call(meth, args, n - nkw, kwnames);
    expect(r, want);
    TPY_DECREF(meth);
    TPY_DECREF(recv);
    TPY_XDECREF(kwnames);
    for (size_t i = 0; i < n; i++) {
        TPY_DECREF(args[i]);
    }
}

// A tuple of [n] new references (stolen).
static tpy_object_t *T(int n, ...)
{
    tpy_object_t *items[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        items[i] = va_arg(ap, tpy_object_t *);
        cr_assert_not_null(items[i]);
    }
    va_end(ap);
    return tpy_tuple_from_array_steal(items, n);
}

// fmt % value, where [value] is stolen.
static void percent(const char *fmt, tpy_object_t *value, const char *want)
{
    cr_assert_not_null(value);
    tpy_object_t *f = S(fmt);
    expect(tpy_str_mod_format(f, value), want);
    TPY_DECREF(f);
    TPY_DECREF(value);
}

/* ---- representation and singletons ----------------------------------------------- */

Test(strobject, lengths_count_bytes_and_code_points)
{
    tpy_object_t *s = S("h\xc3\xa9llo \xe6\x97\xa5\xf0\x9f\x98\x80");
    cr_expect_eq(TPY_STR_LEN(s), 14);
    cr_expect_eq(TPY_STR_CPLEN(s), 8);
    cr_expect(!TPY_STR_IS_ASCII(s));
    cr_expect_eq(TPY_STR_DATA(s)[14], '\0');
    cr_expect_eq(tpy_object_len(s), 8);
    TPY_DECREF(s);
}

Test(strobject, empty_and_ascii_characters_are_shared_singletons)
{
    tpy_object_t *a = tpy_str_from_utf8("", 0), *b = S("");
    cr_expect_eq(a, b);
    tpy_object_t *c = tpy_str_from_utf8("q", 1), *d = tpy_str_from_codepoint('q');
    cr_expect_eq(c, d);
    cr_expect(tpy_str_is_interned(c));
    tpy_object_t *e = S("xqz");
    tpy_object_t *f = tpy_str_char_at(e, 1);
    cr_expect_eq(f, c);
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
    TPY_DECREF(d);
    TPY_DECREF(e);
    TPY_DECREF(f);
}

Test(strobject, decode_utf8_rejects_invalid_bytes)
{
    expect(tpy_str_decode_utf8("ab\xc3\xa9", 4), "'ab\xc3\xa9'");
    expect(tpy_str_decode_utf8("a\xff", 2),
           "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid "
           "start byte");
    expect(tpy_str_decode_utf8("\xc0\x80", 2),
           "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid "
           "start byte");
    expect(tpy_str_decode_utf8("\xe6\x97", 2),
           "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected "
           "end of data");
    expect(tpy_str_decode_utf8("\xe6"
                               "A",
                               2),
           "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe6 in position 0: invalid "
           "continuation byte");
    expect(tpy_str_decode_utf8("ab\xe6\x97xyz", 7),
           "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: invalid "
           "continuation byte");
    expect(tpy_str_decode_utf8("\xed\xa0\x80", 3),
           "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid "
           "continuation byte");
    expect(tpy_str_decode_utf8("\xf0\x9f\x98\x80", 4), "'\xf0\x9f\x98\x80'");
}

/* ---- interning ------------------------------------------------------------------- */

Test(strobject, intern_table_holds_no_reference)
{
    tpy_object_t *s = S("an_identifier_for_the_intern_test");
    cr_expect(!tpy_str_is_interned(s));
    tpy_str_intern_inplace(&s);
    cr_expect(tpy_str_is_interned(s));
    cr_expect_eq(TPY_REFCNT(s), 1);
    tpy_object_t *again = tpy_str_intern_cstr("an_identifier_for_the_intern_test");
    cr_expect_eq(again, s);
    cr_expect_eq(TPY_REFCNT(s), 2);
    TPY_DECREF(again);
    TPY_DECREF(s); // freed: its entry must leave the table
    tpy_object_t *fresh = tpy_str_intern_cstr("an_identifier_for_the_intern_test");
    cr_expect(tpy_str_is_interned(fresh));
    cr_expect_eq(TPY_REFCNT(fresh), 1);
    cr_expect(tpy_str_eq_cstr(fresh, "an_identifier_for_the_intern_test"));
    TPY_DECREF(fresh);
}

Test(strobject, intern_inplace_swaps_in_the_canonical_object)
{
    tpy_object_t *canon = tpy_str_intern_cstr("canonical_name");
    tpy_object_t *dup = S("canonical_name");
    cr_expect_neq(dup, canon);
    tpy_str_intern_inplace(&dup);
    cr_expect_eq(dup, canon);
    cr_expect_eq(TPY_REFCNT(canon), 2);
    TPY_DECREF(dup);
    TPY_DECREF(canon);
}

Test(strobject, many_interned_strings_survive_growth_and_removal)
{
    enum { N = 5000 };
    tpy_object_t **keep = malloc(N * sizeof(*keep));
    char buf[32];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "name_%d", i);
        keep[i] = tpy_str_intern_cstr(buf);
    }
    // Free every other one, then check the rest are still found by content.
    for (int i = 0; i < N; i += 2) {
        TPY_DECREF(keep[i]);
    }
    for (int i = 1; i < N; i += 2) {
        snprintf(buf, sizeof buf, "name_%d", i);
        tpy_object_t *s = tpy_str_intern_cstr(buf);
        cr_assert_eq(s, keep[i]);
        TPY_DECREF(s);
    }
    for (int i = 1; i < N; i += 2) {
        TPY_DECREF(keep[i]);
    }
    free(keep);
}

Test(strobject, strings_built_at_run_time_are_not_interned)
{
    tpy_object_t *a = S("ab"), *b = S("cd");
    tpy_object_t *c = tpy_str_concat(a, b);
    cr_expect(!tpy_str_is_interned(c));
    tpy_object_t *canon = tpy_str_intern_cstr("abcd");
    cr_expect_neq(c, canon);
    cr_expect(tpy_str_eq(c, canon));
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
    TPY_DECREF(canon);
}

/* ---- hashing and comparison --------------------------------------------------------- */

Test(strobject, hash_is_stable_cached_and_never_minus_one)
{
    tpy_object_t *a = S("hello"), *b = S("hel");
    tpy_object_t *lo = S("lo");
    tpy_object_t *c = tpy_str_concat(b, lo);
    cr_expect_eq(tpy_str_hash(a), tpy_str_hash(c));
    cr_expect_eq(((tpy_str_t *)a)->hash, tpy_str_hash(a));
    cr_expect_neq(tpy_str_hash(a), -1);
    // The hash is a fixed function of the bytes: the same in every run.
    cr_expect_eq(tpy_str_hash(a), tpy_object_hash(c));
    int64_t h = tpy_str_hash(a);
    TPY_DECREF(a);
    a = S("hello");
    cr_expect_eq(tpy_str_hash(a), h);
    char buf[64];
    for (int len = 0; len < 40; len++) {
        memset(buf, 'x', (size_t)len);
        buf[len] = '\0';
        tpy_object_t *s = S(buf);
        tpy_object_t *t = S(buf);
        cr_expect_eq(tpy_str_hash(s), tpy_str_hash(t));
        if (len > 0) {
            buf[len - 1] = 'y';
            tpy_object_t *u = S(buf);
            cr_expect_neq(tpy_str_hash(s), tpy_str_hash(u), "length %d", len);
            TPY_DECREF(u);
        }
        TPY_DECREF(s);
        TPY_DECREF(t);
    }
    TPY_DECREF(a);
    TPY_DECREF(b);
    TPY_DECREF(c);
    TPY_DECREF(lo);
}

Test(strobject, ordering_is_by_code_point)
{
    const char *ordered[] = {
        "", "B", "a", "ab", "b", "\xc3\xa9", "\xe6\x97\xa5", "\xf0\x9f\x98\x80"};
    for (size_t i = 0; i + 1 < sizeof(ordered) / sizeof(ordered[0]); i++) {
        tpy_object_t *x = S(ordered[i]), *y = S(ordered[i + 1]);
        cr_expect_eq(tpy_object_richcompare_bool(x, y, TPY_CMP_LT), 1, "%zu", i);
        cr_expect_eq(tpy_object_richcompare_bool(y, x, TPY_CMP_GE), 1);
        cr_expect_eq(tpy_object_richcompare_bool(x, y, TPY_CMP_EQ), 0);
        TPY_DECREF(x);
        TPY_DECREF(y);
    }
    tpy_object_t *s = S("a"), *one = tpy_int_from_i64(1);
    expect(tpy_object_richcompare(s, one, TPY_CMP_LT),
           "TypeError: '<' not supported between instances of 'str' and 'int'");
    expect(tpy_object_richcompare(s, one, TPY_CMP_EQ), "False");
    TPY_DECREF(s);
    TPY_DECREF(one);
}

/* ---- operators -------------------------------------------------------------------- */

Test(strobject, concatenation_and_repetition)
{
    tpy_object_t *a = S("ab"), *e = S("\xc3\xa9"), *three = tpy_int_from_i64(3);
    tpy_object_t *r = tpy_number_binop(a, e, TPY_BINOP_ADD);
    cr_expect_eq(TPY_STR_CPLEN(r), 3);
    expect(r, "'ab\xc3\xa9'");
    expect(tpy_number_binop(e, three, TPY_BINOP_MUL), "'\xc3\xa9\xc3\xa9\xc3\xa9'");
    expect(tpy_number_binop(three, a, TPY_BINOP_MUL), "'ababab'");
    expect(tpy_number_binop(a, three, TPY_BINOP_ADD),
           "TypeError: can only concatenate str (not \"int\") to str");
    expect(tpy_number_binop(a, a, TPY_BINOP_MUL),
           "TypeError: can't multiply sequence by non-int of type 'str'");
    tpy_object_t *neg = tpy_int_from_i64(-5);
    expect(tpy_number_binop(a, neg, TPY_BINOP_MUL), "''");
    tpy_object_t *huge = tpy_int_from_i64(INT64_MAX / 2 + 1);
    expect(tpy_number_binop(a, huge, TPY_BINOP_MUL), "OverflowError: repeated string is too long");
    TPY_DECREF(a);
    TPY_DECREF(e);
    TPY_DECREF(three);
    TPY_DECREF(neg);
    TPY_DECREF(huge);
}

Test(strobject, contains_finds_substrings)
{
    tpy_object_t *h = S("h\xc3\xa9llo w\xc3\xb6rld"), *n1 = S("w\xc3\xb6r"), *n2 = S("xyz");
    tpy_object_t *n3 = S(""), *one = tpy_int_from_i64(1);
    cr_expect_eq(tpy_object_contains(h, n1), 1);
    cr_expect_eq(tpy_object_contains(h, n2), 0);
    cr_expect_eq(tpy_object_contains(h, n3), 1);
    cr_expect_eq(tpy_object_contains(h, one), -1);
    expect(NULL, "TypeError: 'in <string>' requires string as left operand, not int");
    TPY_DECREF(h);
    TPY_DECREF(n1);
    TPY_DECREF(n2);
    TPY_DECREF(n3);
    TPY_DECREF(one);
}

/* ---- indexing and slicing ------------------------------------------------------------ */

static void index_check(const char *s, int64_t i, const char *want)
{
    tpy_object_t *o = S(s), *k = tpy_int_from_i64(i);
    expect(tpy_object_getitem(o, k), want);
    TPY_DECREF(o);
    TPY_DECREF(k);
}

static void slice_check(const char *s, tpy_object_t *start, tpy_object_t *stop, tpy_object_t *step,
                        const char *want)
{
    tpy_object_t *o = S(s);
    tpy_object_t *sl = tpy_slice_new(start, stop, step);
    expect(tpy_object_getitem(o, sl), want);
    TPY_DECREF(sl);
    TPY_DECREF(o);
    TPY_XDECREF(start);
    TPY_XDECREF(stop);
    TPY_XDECREF(step);
}

#define I(v) tpy_int_from_i64(v)

Test(strobject, indexing_counts_code_points)
{
    const char *u = "h\xc3\xa9llo \xe6\x97\xa5\xf0\x9f\x98\x80!";
    index_check(u, 1, "'\xc3\xa9'");
    index_check(u, 6, "'\xe6\x97\xa5'");
    index_check(u, -2, "'\xf0\x9f\x98\x80'");
    index_check(u, -1, "'!'");
    index_check(u, 9, "IndexError: string index out of range");
    index_check(u, -10, "IndexError: string index out of range");
    index_check("abc", 0, "'a'");
}

Test(strobject, slicing_non_ascii_text)
{
    const char *u = "h\xc3\xa9llo \xe6\x97\xa5\xf0\x9f\x98\x80!"; // hello 日😀!
    slice_check(u, I(1), I(4), NULL, "'\xc3\xa9ll'");
    slice_check(u, I(-3), NULL, NULL, "'\xe6\x97\xa5\xf0\x9f\x98\x80!'");
    slice_check(u, NULL, NULL, I(-1), "'!\xf0\x9f\x98\x80\xe6\x97\xa5 oll\xc3\xa9h'");
    slice_check(u, I(1), NULL, I(3), "'\xc3\xa9o\xf0\x9f\x98\x80'");
    slice_check(u, I(7), I(8), NULL, "'\xf0\x9f\x98\x80'");
    slice_check(u, I(5), I(2), NULL, "''");
    slice_check("abcdef", I(1), I(100), I(2), "'bdf'");
    slice_check("abcdef", NULL, NULL, I(0), "ValueError: slice step cannot be zero");
    slice_check("abcdef", I(-100), I(2), NULL, "'ab'");
}

Test(strobject, iteration_yields_code_points)
{
    tpy_object_t *s = S("a\xc3\xa9\xf0\x9f\x98\x80");
    tpy_object_t *it = tpy_object_getiter(s);
    expect(tpy_iter_next(it), "'a'");
    expect(tpy_iter_next(it), "'\xc3\xa9'");
    expect(tpy_iter_next(it), "'\xf0\x9f\x98\x80'");
    cr_expect_null(tpy_iter_next(it));
    cr_expect_null(tpy_err_occurred());
    cr_expect_null(tpy_iter_next(it));
    TPY_DECREF(it);
    TPY_DECREF(s);
}

/* ---- repr ----------------------------------------------------------------------------- */

static void repr_check(const char *s, const char *want)
{
    tpy_object_t *o = S(s);
    tpy_object_t *r = tpy_object_repr(o);
    cr_expect_str_eq(TPY_STR_DATA(r), want);
    TPY_DECREF(r);
    TPY_DECREF(o);
}

Test(strobject, repr_chooses_quotes_and_escapes)
{
    repr_check("abc", "'abc'");
    repr_check("it's", "\"it's\"");
    repr_check("say \"hi\"", "'say \"hi\"'");
    repr_check("both ' \"", "'both \\' \"'");
    repr_check("\\", "'\\\\'");
    repr_check("\n\t\r\x07\x1b\x7f", "'\\n\\t\\r\\x07\\x1b\\x7f'");
    repr_check("\xc3\xa9\xe6\x97\xa5", "'\xc3\xa9\xe6\x97\xa5'");
    repr_check("\xc2\x80\xc2\xa0\xc2\xad", "'\\x80\\xa0\\xad'");
    repr_check("\xe2\x80\xa8\xef\xbb\xbf", "'\\u2028\\ufeff'");
    tpy_object_t *o = S("\xc3\xa9\xf0\x9f\x98\x80");
    tpy_object_t *a = tpy_object_ascii(o);
    cr_expect_str_eq(TPY_STR_DATA(a), "'\\xe9\\U0001f600'");
    TPY_DECREF(a);
    TPY_DECREF(o);
}

/* ---- strbuf ------------------------------------------------------------------------------ */

Test(strobject, strbuf_grows_and_counts_code_points)
{
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_object_t *e = S("\xc3\xa9");
    for (int i = 0; i < 1000; i++) {
        tpy_strbuf_append_str(&b, e);
        tpy_strbuf_append_char(&b, 'x');
    }
    tpy_strbuf_printf(&b, "[%d:%s]", 42, "\xe6\x97\xa5");
    tpy_strbuf_append_codepoint(&b, 0x1F600);
    tpy_strbuf_append_fill(&b, '-', 3);
    tpy_object_t *r = tpy_strbuf_finish(&b);
    cr_expect_eq(TPY_STR_CPLEN(r), 2000 + 6 + 1 + 3);
    cr_expect_eq(TPY_STR_LEN(r), 3000 + 8 + 4 + 3);
    cr_expect_eq(tpy_utf8_count(TPY_STR_DATA(r), (size_t)TPY_STR_LEN(r)),
                 (size_t)TPY_STR_CPLEN(r));
    TPY_DECREF(r);
    TPY_DECREF(e);
}

Test(strobject, strbuf_release_frees_the_heap_buffer)
{
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    for (int i = 0; i < 100; i++) {
        tpy_strbuf_append_cstr(&b, "0123456789");
    }
    tpy_strbuf_release(&b); // the fixture checks that no block is left behind
    tpy_strbuf_init(&b);
    expect(tpy_strbuf_finish(&b), "''");
}

Test(strobject, machine_ints_have_the_decimal_text_of_str)
{
    static const int64_t values[] = {0, 7, 9, 10, 99, 100, 12345, -1, -10, 4294967295,
                                     4294967296, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)values[i]);
        tpy_object_t *r = tpy_str_from_i64(values[i]);
        cr_assert_not_null(r);
        cr_expect_str_eq(TPY_STR_DATA(r), want);
        cr_expect_eq(TPY_STR_LEN(r), (intptr_t)strlen(want));
        cr_expect_eq(TPY_STR_CPLEN(r), TPY_STR_LEN(r));
        TPY_DECREF(r);
        tpy_strbuf_t b;
        tpy_strbuf_init(&b);
        tpy_strbuf_append_ascii(&b, "<", 1);
        tpy_strbuf_append_i64(&b, values[i]);
        r = tpy_strbuf_finish(&b);
        cr_expect_str_eq(TPY_STR_DATA(r) + 1, want);
        TPY_DECREF(r);
    }
    char buf[TPY_I64_DEC_MAX];
    char *p = tpy_u64_to_dec(UINT64_MAX, buf + sizeof buf);
    cr_expect_eq(p, buf);
    cr_expect_eq(memcmp(p, "18446744073709551615", TPY_I64_DEC_MAX), 0);
    tpy_object_t *digit = tpy_str_from_i64(5);
    cr_expect_eq(digit, tpy_str_from_codepoint('5'), "one digit is the shared singleton");
    TPY_DECREF(digit);
    TPY_DECREF(digit);
}

Test(strobject, short_copies_copy_exactly_the_bytes_asked)
{
    char src[40], dst[40];
    for (int i = 0; i < 40; i++) {
        src[i] = (char)('a' + i % 26);
    }
    for (size_t n = 0; n <= 33; n++) {
        memset(dst, '#', sizeof dst);
        tpy_str_copy(dst + 1, src + 3, n);
        cr_expect_eq(dst[0], '#');
        cr_expect_eq(memcmp(dst + 1, src + 3, n), 0, "length %zu", n);
        cr_expect_eq(dst[1 + n], '#', "length %zu wrote past the end", n);
    }
}

Test(strobject, from_format_understands_object_conversions)
{
    tpy_object_t *s = S("\xc3\xa9"), *n = tpy_int_from_i64(7);
    expect(tpy_str_from_format("<%R|%S|%U|%T|%d|%s>", s, n, s, n, -3, "c"),
           "\"<'\xc3\xa9'|7|\xc3\xa9|int|-3|c>\"");
    TPY_DECREF(s);
    TPY_DECREF(n);
}

/* ---- join ------------------------------------------------------------------------------ */

Test(strobject, join_checks_items)
{
    tpy_object_t *items[3] = {S("a"), S("\xc3\xa9"), S("c")};
    tpy_object_t *t = tpy_tuple_from_array_steal(items, 3);
    tpy_object_t *sep = S(", ");
    tpy_object_t *r = tpy_str_join(sep, t);
    cr_expect_eq(TPY_STR_CPLEN(r), 7);
    expect(r, "'a, \xc3\xa9, c'");
    tpy_object_t *l = tpy_list_new(0);
    tpy_list_append(l, sep);
    tpy_object_t *one = I(1);
    tpy_list_append(l, one);
    expect(tpy_str_join(sep, l), "TypeError: sequence item 1: expected str instance, int found");
    expect(tpy_str_join(sep, one), "TypeError: can only join an iterable");
    TPY_DECREF(one);
    TPY_DECREF(l);
    TPY_DECREF(t);
    TPY_DECREF(sep);
}

/* ---- methods --------------------------------------------------------------------------------- */

Test(strobject, split_family)
{
    call("  a  b  c  ", "split", "['a', 'b', 'c']", "");
    call("  a  b  c  ", "split", "['a', 'b  c  ']", "ni", 1);
    call("  a  b  c  ", "rsplit", "['  a  b', 'c']", "ni", 1);
    call("a,b,,c", "split", "['a', 'b', '', 'c']", "s", ",");
    call("a,b,,c", "rsplit", "['a,b', '', 'c']", "si", ",", 2);
    call("a-b-c", "split", "['a', 'b-c']", "ksi", "sep", "-", "maxsplit", 1);
    call("x\xe6\x97\xa5y", "split", "['x', 'y']", "s", "\xe6\x97\xa5");
    call("a\xe3\x80\x80"
         "b\xc2\xa0"
         "c",
         "split", "['a', 'b', 'c']", "");
    call("a", "split", "ValueError: empty separator", "s", "");
    call("a", "split", "TypeError: must be str or None, not int", "i", 1);
    call("a", "split", "TypeError: 'x' is an invalid keyword argument for split()", "ki", "x", 1);
    call("a", "split", "TypeError: argument for split() given by name ('sep') and position (1)",
         "nkn", "sep");
    call("a\nb\r\nc\rd\x0b"
         "e",
         "splitlines", "['a', 'b', 'c', 'd', 'e']", "");
    call("a\nb\r\n", "splitlines", "['a\\n', 'b\\r\\n']", "i", 1);
    call("a=b=c", "partition", "('a', '=', 'b=c')", "s", "=");
    call("a=b=c", "rpartition", "('a=b', '=', 'c')", "s", "=");
    call("abc", "rpartition", "('', '', 'abc')", "s", "x");
}

Test(strobject, strip_family)
{
    call(" \t a b \n\x1c", "strip", "'a b'", "");
    call("xxaxx", "lstrip", "'axx'", "s", "x");
    call("xxaxx", "rstrip", "'xxa'", "s", "x");
    call("\xc3\xa9"
         "a\xc3\xa9",
         "strip", "'a'", "s", "\xc3\xa9");
    call("abc", "strip", "'abc'", "n");
    call("a", "strip", "TypeError: strip arg must be None or str", "i", 1);
    call("a", "strip", "TypeError: strip expected at most 1 argument, got 2", "ss", "a", "b");
    call("TestHook", "removeprefix", "'Hook'", "s", "Test");
    call("TestHook", "removesuffix", "'Test'", "s", "Hook");
}

Test(strobject, replace_and_search)
{
    call("aaa", "replace", "'bbbba'", "ssi", "a", "bb", 2);
    call("abc", "replace", "'-a-b-c-'", "ss", "", "-");
    call("\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5", "replace", "'X\xe6\x9c\xacX'", "ss",
         "\xe6\x97\xa5", "X");
    call("a", "replace", "TypeError: replace() argument 1 must be str, not int", "is", 1, "b");
    call("hello world, hello", "find", "4", "s", "o");
    call("hello world, hello", "rfind", "17", "s", "o");
    call("hello world, hello", "find", "7", "sii", "o", 5, 8);
    call("hello world, hello", "count", "5", "s", "l");
    call("abc", "count", "4", "s", "");
    call("abc", "find", "-1", "si", "", 4);
    call("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x97\xa5\xe6\x9c\xac", "rfind", "4",
         "s", "\xe6\x97\xa5");
    call("abc", "index", "ValueError: substring not found", "s", "z");
    call("abc", "find", "TypeError: find() takes at least 1 argument (0 given)", "");
    call("abc", "find",
         "TypeError: slice indices must be integers or None or have an __index__ method", "ss",
         "a", "x");
    call("hello", "startswith", "True", "s", "he");
    call("hello", "endswith", "True", "sii", "ll", 0, 4);
    call("hello", "startswith",
         "TypeError: startswith first arg must be str or a tuple of str, "
         "not int",
         "i", 1);
}

Test(strobject, case_and_predicates)
{
    call("hello World", "upper", "'HELLO WORLD'", "");
    call("Stra\xc3\x9f"
         "e",
         "upper", "'STRASSE'", "");
    call("\xc3\x89"
         "COLE",
         "lower",
         "'\xc3\xa9"
         "cole'",
         "");
    call("\xce\x91\xce\xa3", "lower", "'\xce\xb1\xcf\x82'", "");
    call("they're bill's", "title", "\"They'Re Bill'S\"", "");
    call("hELLO", "capitalize", "'Hello'", "");
    call("Hello", "swapcase", "'hELLO'", "");
    call("Stra\xc3\x9f"
         "e",
         "casefold", "'strasse'", "");
    call("abc", "isalpha", "True", "");
    call("\xe6\x97\xa5\xe6\x9c\xac", "isalpha", "True", "");
    call("\xc2\xb2", "isdigit", "True", "");
    call("\xc2\xb2", "isdecimal", "False", "");
    call("\xc2\xbd", "isnumeric", "True", "");
    call(" \t\x1c\xc2\x85", "isspace", "True", "");
    call("", "isspace", "False", "");
    call("Abc Def", "istitle", "True", "");
    call("ABC", "isupper", "True", "");
    call("abc1", "islower", "True", "");
    call("_x1", "isidentifier", "True", "");
    call("1x", "isidentifier", "False", "");
    call("a", "upper", "TypeError: str.upper() takes no arguments (1 given)", "i", 1);
}

Test(strobject, padding)
{
    call("ab", "center", "'***ab**'", "is", 7, "*");
    call("abc", "center", "'*abc**'", "is", 6, "*");
    call("ab", "ljust", "'ab   '", "i", 5);
    call("ab", "rjust",
         "'\xc3\xa9\xc3\xa9"
         "ab'",
         "is", 4, "\xc3\xa9");
    call("-42", "zfill", "'-00042'", "i", 6);
    call("a", "center", "TypeError: The fill character must be exactly one character long", "is",
         5, "ab");
    call("a\tbc\td", "expandtabs", "'a       bc      d'", "");
    call("a\tb", "expandtabs", "'a   b'", "ki", "tabsize", 4);
}

Test(strobject, maketrans_and_translate)
{
    tpy_object_t *str_type = TPY_OBJ(&tpy_str_type);
    tpy_object_t *mk = tpy_object_getattr_cstr(str_type, "maketrans");
    tpy_object_t *args[3] = {S("ab"), S("xy"), S("c")};
    tpy_object_t *table = tpy_object_call(mk, args, 3, NULL);
    cr_assert_not_null(table);
    call("abcd", "translate", "'xyd'", "o", table);
    TPY_DECREF(table);
    TPY_DECREF(mk);
    for (int i = 0; i < 3; i++) {
        TPY_DECREF(args[i]);
    }
    call("a", "encode", "NotImplementedError: str.encode is not supported by tpy", "");
}

/* ---- % formatting -------------------------------------------------------------------------- */

Test(strobject, percent_formatting)
{
    percent("item%d", I(42), "'item42'");
    percent("%5d|%-5d|%05d|%+d", T(4, I(7), I(7), I(7), I(7)), "'    7|7    |00007|+7'");
    percent("%#x %X %o", T(3, I(255), I(255), I(8)), "'0xff FF 10'");
    percent("%.3d|%#.3x", T(2, I(5), I(5)), "'005|0x005'");
    percent("%s %r", T(2, S("a"), S("b")), "\"a 'b'\"");
    percent("%.2f %e", T(2, tpy_float_from_double(3.14159), tpy_float_from_double(1.5)),
            "'3.14 1.500000e+00'");
    percent("%c%c", T(2, I(0xe9), S("x")), "'\xc3\xa9x'");
    percent("%5s|%.1s",
            T(2, S("\xc3\xa9"),
              S("\xc3\xa9"
                "a")),
            "'    \xc3\xa9|\xc3\xa9'");
    percent("%s %s", T(1, I(1)), "TypeError: not enough arguments for format string");
    percent("%s", T(2, I(1), I(2)),
            "TypeError: not all arguments converted during string formatting");
    percent("%d", S("3"), "TypeError: %d format: a real number is required, not str");
    percent("%y", I(1), "ValueError: unsupported format character 'y' (0x79) at index 1");
    percent("%y", tpy_tuple_new(0), "TypeError: not enough arguments for format string");
    percent("%", tpy_tuple_new(0), "ValueError: incomplete format");
    percent("abc", tpy_list_new(0), "'abc'");
    tpy_object_t *d = tpy_dict_new();
    tpy_object_t *k = S("name"), *v = S("v");
    tpy_dict_set(d, k, v);
    percent("%(name)s=%(name)r", tpy_newref(d), "\"v='v'\"");
    percent("%(other)s", tpy_newref(d), "KeyError: 'other'");
    TPY_DECREF(d);
    TPY_DECREF(k);
    TPY_DECREF(v);
    percent("%*d|%.*f", T(4, I(4), I(3), I(1), tpy_float_from_double(2.25)), "'   3|2.2'");
}

/* ---- str.format and format() ----------------------------------------------------------------- */

Test(strobject, format_method)
{
    call("{} {}", "format", "'1 x'", "is", 1, "x");
    call("{1}{0}{1}", "format", "'bab'", "ss", "a", "b");
    call("{name}!", "format", "'v!'", "ks", "name", "v");
    call("{:>5}|{:*^6}|{:.2}", "format", "'   ab|**ab**|ab'", "sss", "ab", "ab", "abc");
    call("{:{}}|", "format", "'a   |'", "si", "a", 4);
    call("{!r}", "format", "\"'a'\"", "s", "a");
    call("{{}}{{", "format", "'{}{'", "");
    call("{0[1]}", "format", "'b'", "s", "abc");
    call("{}{0}", "format",
         "ValueError: cannot switch from automatic field numbering to manual field specification",
         "ss", "a", "b");
    call("{1}", "format", "IndexError: Replacement index 1 out of range for positional args tuple",
         "s", "a");
    call("{x}", "format", "KeyError: 'x'", "");
    call("}", "format", "ValueError: Single '}' encountered in format string", "");
    call("{:{:{}}}", "format", "ValueError: Max string recursion exceeded", "iii", 1, 2, 3);
}

Test(strobject, format_spec_for_str)
{
    tpy_object_t *v = S("ab");
    const char *cases[][2] = {
        {"", "'ab'"},
        {"5", "'ab   '"},
        {">5", "'   ab'"},
        {"^7", "'  ab   '"},
        {"05", "'ab000'"},
        {"\xc3\xa9^5", "'\xc3\xa9"
                       "ab\xc3\xa9\xc3\xa9'"},
        {".1", "'a'"},
        {"=5", "ValueError: '=' alignment not allowed in string format specifier"},
        {"+", "ValueError: Sign not allowed in string format specifier"},
        {"d", "ValueError: Unknown format code 'd' for object of type 'str'"},
        {",", "ValueError: Cannot specify ',' with 's'."},
        {".", "ValueError: Format specifier missing precision"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tpy_object_t *spec = S(cases[i][0]);
        expect(tpy_object_format(v, spec), cases[i][1]);
        TPY_DECREF(spec);
    }
    tpy_object_t *l = tpy_list_new(0), *x = S("x"), *empty = S("");
    expect(tpy_object_format(l, x),
           "TypeError: unsupported format string passed to list.__format__");
    expect(tpy_object_format(l, empty), "'[]'");
    TPY_DECREF(l);
    TPY_DECREF(x);
    TPY_DECREF(empty);
    TPY_DECREF(v);
}

Test(strobject, append_inplace_grows_a_sole_reference)
{
    tpy_object_t *a = S("ab"), *b = S("c\xc3\xa9");
    tpy_object_t *s = tpy_str_concat(a, b); // a fresh, unshared string
    for (int i = 0; i < 100; i++) {
        cr_assert_eq(tpy_str_append_inplace(&s, b), 0);
    }
    cr_expect_eq(TPY_STR_LEN(s), 2 + 101 * 3);
    cr_expect_eq(TPY_STR_CPLEN(s), 2 + 101 * 2);
    cr_expect_eq(TPY_STR_DATA(s)[TPY_STR_LEN(s)], '\0');
    // A shared string is copied, never modified.
    tpy_object_t *shared = tpy_newref(a);
    cr_assert_eq(tpy_str_append_inplace(&shared, b), 0);
    cr_expect_neq(shared, a);
    expect(tpy_newref(a), "'ab'");
    expect(shared, "'abc\xc3\xa9'");
    TPY_DECREF(s);
    TPY_DECREF(a);
    TPY_DECREF(b);
}
