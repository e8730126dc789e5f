/*
 * tests/unit/test_builtins.c - the builtins module, the lazy iterators
 * (iterobject.c), text files (fileobject.c) and the sys, math, time and os
 * modules, called from C the way the VM calls them: through the module dicts
 * with the vectorcall convention.  The golden scripts tests/py/builtins_*.py,
 * sys_*.py, math_*.py, file_*.py, os_path.py and time_basic.py compare the
 * same functions with CPython from Python code.
 */
#include "tests/unit/support.h"

#include "runtime/fileobject.h"
#include "runtime/iterobject.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// The types of this file are readied lazily by the module constructors; ready
// them before the baseline so that their dicts do not count as a leak.
static void builtins_setup(void)
{
    tpy_test_setup();
    cr_assert_eq(tpy_iterobject_init(), 0);
    cr_assert_eq(tpy_file_init(), 0);
    // list(iterator) interns "__length_hint__" once, in a static of listobject.c.
    tpy_object_t *empty = tpy_tuple_new(0);
    tpy_object_t *it = tpy_object_getiter(empty);
    tpy_object_t *warm = tpy_sequence_list(it);
    TPY_DECREF(warm);
    TPY_DECREF(it);
    TPY_DECREF(empty);
    tpy_test_reset_baseline(); // the type dicts built above live until exit
}

static void builtins_teardown(void)
{
    tpy_range_fini(); // the cached dead slice is not a leak
    tpy_test_teardown();
}

TestSuite(builtins, .init = builtins_setup, .fini = builtins_teardown);
TestSuite(iterobject, .init = builtins_setup, .fini = builtins_teardown);
TestSuite(fileobject, .init = builtins_setup, .fini = builtins_teardown);
TestSuite(sysmodule, .init = builtins_setup, .fini = builtins_teardown);
TestSuite(mathmodule, .init = builtins_setup, .fini = builtins_teardown);
TestSuite(osmodule, .init = builtins_setup, .fini = builtins_teardown);

/* ---- helpers --------------------------------------------------------------------- */

static tpy_object_t *I(int64_t v)
{
    tpy_object_t *r = tpy_int_from_i64(v);
    cr_assert_not_null(r);
    return r;
}

static tpy_object_t *S(const char *s)
{
    tpy_object_t *r = tpy_str_from_cstr(s);
    cr_assert_not_null(r);
    return r;
}

static tpy_object_t *F(double v)
{
    tpy_object_t *r = tpy_float_from_double(v);
    cr_assert_not_null(r);
    return r;
}

// A list of the [n] objects (references stolen).
static tpy_object_t *L(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    tpy_object_t *list = tpy_list_new(0);
    cr_assert_not_null(list);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(tpy_list_append_steal(list, va_arg(ap, tpy_object_t *)), 0);
    }
    va_end(ap);
    return list;
}

// Call function [name] of [module] with [n] positional arguments (borrowed)
// and keywords from "k1", v1, "k2", v2 ... after them when [nkw] > 0.
static tpy_object_t *call_kw(tpy_object_t *module, const char *name, tpy_object_t **args, size_t n,
                             const char **kwnames, size_t nkw)
{
    tpy_object_t *fn = tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(module), name);
    cr_assert_not_null(fn, "no %s in module", name);
    tpy_object_t *names = NULL;
    if (nkw > 0) {
        names = tpy_tuple_new((intptr_t)nkw);
        for (size_t i = 0; i < nkw; i++) {
            TPY_TUPLE_ITEMS(names)[i] = S(kwnames[i]);
        }
    }
    tpy_object_t *r = tpy_object_call(fn, args, n, names);
    TPY_XDECREF(names);
    return r;
}

static tpy_object_t *call(tpy_object_t *module, const char *name, tpy_object_t **args, size_t n)
{
    return call_kw(module, name, args, n, NULL, 0);
}

static void assert_repr(tpy_object_t *o, const char *want)
{
    cr_assert_not_null(o, "expected %s, got an exception", want);
    tpy_object_t *r = tpy_object_repr(o);
    cr_assert_not_null(r);
    cr_assert_str_eq(TPY_STR_DATA(r), want);
    TPY_DECREF(r);
}

// repr of [o], then release [o].
static void assert_repr_steal(tpy_object_t *o, const char *want)
{
    assert_repr(o, want);
    TPY_DECREF(o);
}

// The pending exception is a [type] with message [msg]; it is cleared.
static void assert_error(tpy_type_t *type, const char *msg)
{
    tpy_object_t *exc = tpy_err_fetch();
    cr_assert_not_null(exc, "expected %s: %s", type->tp_name, msg);
    cr_assert(TPY_TYPE(exc) == type, "got %s instead of %s", TPY_TYPE(exc)->tp_name,
              type->tp_name);
    tpy_object_t *s = tpy_exc_str(exc);
    cr_assert_not_null(s);
    cr_assert_str_eq(TPY_STR_DATA(s), msg);
    TPY_DECREF(s);
    TPY_DECREF(exc);
}

static void assert_fails(tpy_object_t *r, tpy_type_t *type, const char *msg)
{
    cr_assert_null(r, "expected %s: %s", type->tp_name, msg);
    assert_error(type, msg);
}

/* ---- the builtins module ------------------------------------------------------------ */

Test(builtins, module_holds_functions_types_and_exceptions)
{
    tpy_object_t *m = tpy_builtins_module_create();
    cr_assert_not_null(m);
    tpy_object_t *d = TPY_MODULE_DICT(m);
    const char *names[] = {"print", "len",        "range",    "enumerate", "isinstance", "open",
                           "super", "ValueError", "OSError",  "EOFError",  "set",        "None",
                           "exit",  "quit",       "__name__", "frozenset", "property",   NULL};
    for (int i = 0; names[i] != NULL; i++) {
        cr_assert_not_null(tpy_dict_get_cstr_borrow(d, names[i]), "missing %s", names[i]);
    }
    cr_assert_eq(tpy_dict_get_cstr_borrow(d, "int"), TPY_OBJ(&tpy_int_type));
    cr_assert_eq(tpy_dict_get_cstr_borrow(d, "zip"), TPY_OBJ(&tpy_zip_type));
    cr_assert_eq(tpy_dict_get_cstr_borrow(d, "NotImplemented"), tpy_not_implemented);
    cr_assert(tpy_str_eq_cstr(tpy_dict_get_cstr_borrow(d, "__name__"), "builtins"));
    TPY_DECREF(m);
}

Test(builtins, builtin_kwargs_rejects_unknown_names_with_cpythons_message)
{
    static const char *const names[] = {"key", "default", NULL};
    tpy_object_t *kwnames = tpy_tuple_pack(1, S("nope"));
    TPY_DECREF(TPY_TUPLE_GET(kwnames, 0)); // tuple_pack took its own reference
    tpy_object_t *vals[1] = {tpy_none};
    tpy_object_t *out[2] = {NULL, NULL};
    cr_assert_eq(tpy_builtin_kwargs("max", vals, kwnames, names, out), -1);
    assert_error(&tpy_exc_TypeError, "'nope' is an invalid keyword argument for max()");
    TPY_DECREF(kwnames);
}

Test(builtins, len_sorted_min_max_and_any)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *lst = L(3, I(3), I(1), I(2));
    assert_repr_steal(call(m, "len", &lst, 1), "3");
    assert_repr_steal(call(m, "sorted", &lst, 1), "[1, 2, 3]");
    tpy_object_t *kwargs[2] = {lst, tpy_true};
    const char *kw[] = {"reverse"};
    assert_repr_steal(call_kw(m, "sorted", kwargs, 1, kw, 1), "[3, 2, 1]");
    assert_repr(lst, "[3, 1, 2]");
    assert_repr_steal(call(m, "min", &lst, 1), "1");
    assert_repr_steal(call(m, "max", &lst, 1), "3");
    assert_repr_steal(call(m, "any", &lst, 1), "True");
    tpy_object_t *empty = L(0);
    assert_fails(call(m, "max", &empty, 1), &tpy_exc_ValueError, "max() arg is an empty sequence");
    tpy_object_t *dflt[2] = {empty, tpy_none};
    const char *dkw[] = {"default"};
    assert_repr_steal(call_kw(m, "min", dflt, 1, dkw, 1), "None");
    assert_repr_steal(call(m, "all", &empty, 1), "True");
    assert_fails(call(m, "len", NULL, 0), &tpy_exc_TypeError,
                 "len() takes exactly one argument (0 given)");
    TPY_DECREF(empty);
    TPY_DECREF(lst);
    TPY_DECREF(m);
}

Test(builtins, sum_keeps_exact_ints_past_int64)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *lst = L(3, I(INT64_MAX), I(INT64_MAX), I(2));
    assert_repr_steal(call(m, "sum", &lst, 1), "18446744073709551616");
    TPY_DECREF(lst);
    lst = L(3, F(0.5), I(1), F(0.25));
    assert_repr_steal(call(m, "sum", &lst, 1), "1.75");
    tpy_object_t *args[2] = {lst, S("")};
    assert_fails(call(m, "sum", args, 2), &tpy_exc_TypeError,
                 "sum() can't sum strings [use ''.join(seq) instead]");
    TPY_DECREF(args[1]);
    TPY_DECREF(lst);
    TPY_DECREF(m);
}

Test(builtins, abs_round_divmod_and_pow_on_numbers)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *a[3];
    a[0] = I(-7);
    assert_repr_steal(call(m, "abs", a, 1), "7");
    a[1] = I(2);
    assert_repr_steal(call(m, "divmod", a, 2), "(-4, 1)");
    TPY_DECREF(a[0]);
    TPY_DECREF(a[1]);
    const double halves[] = {0.5, 1.5, 2.5, -0.5, -2.5};
    const char *rounded[] = {"0", "2", "2", "0", "-2"};
    for (int i = 0; i < 5; i++) {
        a[0] = F(halves[i]);
        assert_repr_steal(call(m, "round", a, 1), rounded[i]);
        TPY_DECREF(a[0]);
    }
    a[0] = F(2.675);
    a[1] = I(2);
    assert_repr_steal(call(m, "round", a, 2), "2.67");
    TPY_DECREF(a[0]);
    TPY_DECREF(a[1]);
    a[0] = I(1250);
    a[1] = I(-2);
    assert_repr_steal(call(m, "round", a, 2), "1200");
    TPY_DECREF(a[0]);
    a[0] = F(250.0001);
    assert_repr_steal(call(m, "round", a, 2), "300.0");
    TPY_DECREF(a[0]);
    TPY_DECREF(a[1]);
    a[0] = I(3);
    a[1] = I(4);
    a[2] = I(-5);
    assert_repr_steal(call(m, "pow", a, 3), "-4");
    TPY_DECREF(a[2]);
    a[2] = I(0);
    assert_fails(call(m, "pow", a, 3), &tpy_exc_ValueError, "pow() 3rd argument cannot be 0");
    for (int i = 0; i < 3; i++) {
        TPY_DECREF(a[i]);
    }
    TPY_DECREF(m);
}

Test(builtins, ord_chr_hex_and_ascii)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *a = S("\xF0\x9F\x98\x80"); // U+1F600
    assert_repr_steal(call(m, "ord", &a, 1), "128512");
    TPY_DECREF(a);
    a = S("ab");
    assert_fails(call(m, "ord", &a, 1), &tpy_exc_TypeError,
                 "ord() expected a character, but string of length 2 found");
    TPY_DECREF(a);
    a = I(955);
    tpy_object_t *c = call(m, "chr", &a, 1);
    cr_assert_str_eq(TPY_STR_DATA(c), "\xCE\xBB");
    TPY_DECREF(c);
    assert_repr_steal(call(m, "hex", &a, 1), "'0x3bb'");
    TPY_DECREF(a);
    a = I(0x110000);
    assert_fails(call(m, "chr", &a, 1), &tpy_exc_ValueError, "chr() arg not in range(0x110000)");
    TPY_DECREF(a);
    a = S("h\xC3\xA9");
    assert_repr_steal(call(m, "ascii", &a, 1), "\"'h\\\\xe9'\"");
    TPY_DECREF(a);
    TPY_DECREF(m);
}

Test(builtins, isinstance_walks_nested_tuples_and_rejects_other_objects)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *inner = tpy_tuple_pack(1, TPY_OBJ(&tpy_int_type));
    tpy_object_t *outer = tpy_tuple_pack(2, TPY_OBJ(&tpy_str_type), inner);
    tpy_object_t *a[2] = {tpy_true, outer};
    assert_repr_steal(call(m, "isinstance", a, 2), "True");
    a[1] = tpy_none;
    assert_fails(call(m, "isinstance", a, 2), &tpy_exc_TypeError,
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
    a[0] = TPY_OBJ(&tpy_bool_type);
    a[1] = TPY_OBJ(&tpy_int_type);
    assert_repr_steal(call(m, "issubclass", a, 2), "True");
    TPY_DECREF(outer);
    TPY_DECREF(inner);
    TPY_DECREF(m);
}

Test(builtins, getattr_default_only_covers_attribute_errors)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *name = S("nope");
    tpy_object_t *a[3] = {tpy_none, name, I(5)};
    assert_repr_steal(call(m, "getattr", a, 3), "5");
    assert_fails(call(m, "getattr", a, 2), &tpy_exc_AttributeError,
                 "'NoneType' object has no attribute 'nope'");
    assert_repr_steal(call(m, "hasattr", a, 2), "False");
    a[1] = a[2];
    assert_fails(call(m, "getattr", a, 2), &tpy_exc_TypeError,
                 "attribute name must be string, not 'int'");
    TPY_DECREF(a[2]);
    TPY_DECREF(name);
    TPY_DECREF(m);
}

Test(builtins, next_raises_stop_iteration_or_returns_the_default)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *lst = L(1, I(1));
    tpy_object_t *it = tpy_object_getiter(lst);
    tpy_object_t *a[2] = {it, tpy_none};
    assert_repr_steal(call(m, "next", a, 1), "1");
    assert_repr_steal(call(m, "next", a, 2), "None");
    tpy_object_t *r = call(m, "next", a, 1);
    cr_assert_null(r);
    cr_assert(tpy_err_matches(&tpy_exc_StopIteration));
    tpy_err_clear();
    a[0] = lst;
    assert_fails(call(m, "next", a, 1), &tpy_exc_TypeError, "'list' object is not an iterator");
    TPY_DECREF(it);
    TPY_DECREF(lst);
    TPY_DECREF(m);
}

Test(builtins, print_rejects_a_non_string_separator)
{
    tpy_object_t *args[2] = {I(1), I(2)};
    const char *kw[] = {"sep"};
    tpy_object_t *names = tpy_tuple_pack(1, S(kw[0]));
    TPY_DECREF(TPY_TUPLE_GET(names, 0));
    assert_fails(tpy_builtin_print(NULL, args, 1, names), &tpy_exc_TypeError,
                 "sep must be None or a string, not int");
    TPY_DECREF(names);
    TPY_DECREF(args[0]);
    TPY_DECREF(args[1]);
}

Test(builtins, the_module_table_finds_math_time_os_and_os_path)
{
    const char *names[] = {"math", "time", "os", "os.path", "posixpath"};
    for (int i = 0; i < 5; i++) {
        size_t k = 0;
        while (tpy_builtin_modules[k].name != NULL &&
               strcmp(tpy_builtin_modules[k].name, names[i])) {
            k++;
        }
        cr_assert_not_null(tpy_builtin_modules[k].name, "no %s", names[i]);
    }
}

/* ---- iterators ---------------------------------------------------------------------- */

// list(iterator), then release the iterator.
static tpy_object_t *drain(tpy_object_t *it)
{
    cr_assert_not_null(it);
    tpy_object_t *l = tpy_sequence_list(it);
    TPY_DECREF(it);
    return l;
}

Test(iterobject, enumerate_counts_past_int64)
{
    tpy_object_t *s = S("ab");
    tpy_object_t *a[2] = {s, I(INT64_MAX)};
    tpy_object_t *e = tpy_object_call(TPY_OBJ(&tpy_enumerate_type), a, 2, NULL);
    cr_assert(tpy_gc_is_tracked(e));
    assert_repr_steal(drain(e), "[(9223372036854775807, 'a'), (9223372036854775808, 'b')]");
    TPY_DECREF(a[1]);
    TPY_DECREF(s);
}

Test(iterobject, zip_strict_names_the_short_argument)
{
    tpy_object_t *a[3] = {L(2, I(1), I(2)), L(2, I(3), I(4)), L(1, I(5))};
    tpy_object_t *names = tpy_tuple_pack(1, S("strict"));
    TPY_DECREF(TPY_TUPLE_GET(names, 0));
    tpy_object_t *args[4] = {a[0], a[1], a[2], tpy_true};
    tpy_object_t *z = tpy_object_call(TPY_OBJ(&tpy_zip_type), args, 3, names);
    cr_assert_not_null(z);
    tpy_object_t *first = tpy_iter_next(z);
    assert_repr_steal(first, "(1, 3, 5)");
    cr_assert_null(tpy_iter_next(z));
    assert_error(&tpy_exc_ValueError, "zip() argument 3 is shorter than arguments 1-2");
    TPY_DECREF(z);
    z = tpy_object_call(TPY_OBJ(&tpy_zip_type), args, 2, NULL);
    assert_repr_steal(drain(z), "[(1, 3), (2, 4)]");
    TPY_DECREF(names);
    for (int i = 0; i < 3; i++) {
        TPY_DECREF(a[i]);
    }
}

Test(iterobject, map_filter_and_reversed)
{
    tpy_object_t *m = tpy_builtins_module_create();
    tpy_object_t *absfn = tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(m), "abs");
    tpy_object_t *lst = L(4, I(-1), I(0), I(2), I(-3));
    tpy_object_t *a[2] = {absfn, lst};
    assert_repr_steal(drain(tpy_object_call(TPY_OBJ(&tpy_map_type), a, 2, NULL)), "[1, 0, 2, 3]");
    a[0] = tpy_none;
    assert_repr_steal(drain(tpy_object_call(TPY_OBJ(&tpy_filter_type), a, 2, NULL)),
                      "[-1, 2, -3]");
    tpy_object_t *t = tpy_list_as_tuple(lst);
    assert_repr_steal(drain(tpy_reversed_new(t)), "[-3, 2, 0, -1]");
    assert_repr_steal(drain(tpy_reversed_new(lst)), "[-3, 2, 0, -1]");
    tpy_object_t *s = S("h\xC3\xA9!");
    assert_repr_steal(drain(tpy_reversed_new(s)), "['!', '\xC3\xA9', 'h']");
    tpy_object_t *r = tpy_range_new(0, 10, 3);
    assert_repr_steal(drain(tpy_reversed_new(r)), "[9, 6, 3, 0]");
    assert_fails(tpy_reversed_new(tpy_none), &tpy_exc_TypeError,
                 "'NoneType' object is not reversible");
    TPY_DECREF(r);
    TPY_DECREF(s);
    TPY_DECREF(t);
    TPY_DECREF(lst);
    TPY_DECREF(m);
}

Test(iterobject, callable_iterator_stops_at_the_sentinel)
{
    tpy_object_t *lst = L(4, I(1), I(2), I(3), I(4));
    tpy_object_t *pop = tpy_object_getattr_cstr(lst, "pop");
    tpy_object_t *two = I(2);
    assert_repr_steal(drain(tpy_calliter_new(pop, two)), "[4, 3]");
    assert_repr(lst, "[1]");
    assert_fails(tpy_calliter_new(two, two), &tpy_exc_TypeError, "iter(v, w): v must be callable");
    TPY_DECREF(two);
    TPY_DECREF(pop);
    TPY_DECREF(lst);
}

/* ---- files -------------------------------------------------------------------------- */

// open(path, mode) through the builtin.
static tpy_object_t *fopen_(const char *path, const char *mode)
{
    tpy_object_t *a[2] = {S(path), S(mode)};
    tpy_object_t *f = tpy_builtin_open(NULL, a, 2, NULL);
    TPY_DECREF(a[0]);
    TPY_DECREF(a[1]);
    return f;
}

static tpy_object_t *meth(tpy_object_t *obj, const char *name, tpy_object_t **args, size_t n)
{
    return tpy_object_call_method(obj, name, args, n);
}

static void write_raw(const char *path, const char *bytes)
{
    FILE *fp = fopen(path, "wb");
    cr_assert_not_null(fp);
    fputs(bytes, fp);
    fclose(fp);
}

static char tmpname[64];

static const char *tmp_path(void)
{
    snprintf(tmpname, sizeof tmpname, "/tmp/tpy_test_builtins_%d.txt", (int)getpid());
    return tmpname;
}

Test(fileobject, written_text_reads_back_with_character_counts)
{
    const char *path = tmp_path();
    tpy_object_t *f = fopen_(path, "w");
    cr_assert_not_null(f);
    tpy_object_t *s = S("l\xC3\xADnea\nend");
    assert_repr_steal(meth(f, "write", &s, 1), "9");
    TPY_DECREF(s);
    TPY_DECREF(f); // dealloc flushes and closes
    f = fopen_(path, "r");
    tpy_object_t *n = I(2);
    assert_repr_steal(meth(f, "read", &n, 1), "'l\xC3\xAD'");
    assert_repr_steal(tpy_file_readline(f), "'nea\\n'");
    assert_repr_steal(meth(f, "read", NULL, 0), "'end'");
    assert_repr_steal(tpy_file_readline(f), "''");
    assert_repr_steal(meth(f, "close", NULL, 0), "None");
    assert_fails(meth(f, "read", NULL, 0), &tpy_exc_ValueError, "I/O operation on closed file.");
    TPY_DECREF(n);
    TPY_DECREF(f);
    unlink(path);
}

Test(fileobject, universal_newlines_translate_crlf_and_lone_cr)
{
    const char *path = tmp_path();
    write_raw(path, "a\r\nb\rc\n\r");
    tpy_object_t *f = fopen_(path, "r");
    assert_repr_steal(tpy_sequence_list(f), "['a\\n', 'b\\n', 'c\\n', '\\n']");
    TPY_DECREF(f);
    unlink(path);
}

Test(fileobject, invalid_utf8_raises_a_unicode_error)
{
    const char *path = tmp_path();
    write_raw(path, "ok\xff\n");
    tpy_object_t *f = fopen_(path, "r");
    cr_assert_null(meth(f, "read", NULL, 0));
    cr_assert(tpy_err_matches(&tpy_exc_UnicodeError));
    tpy_err_clear();
    TPY_DECREF(f);
    unlink(path);
}

Test(fileobject, missing_files_and_bad_modes_raise_like_cpython)
{
    assert_fails(fopen_("/nonexistent/nope.txt", "r"), &tpy_exc_FileNotFoundError,
                 "[Errno 2] No such file or directory: '/nonexistent/nope.txt'");
    assert_fails(fopen_("/", "r"), &tpy_exc_IsADirectoryError, "[Errno 21] Is a directory: '/'");
    assert_fails(fopen_("x", "rw"), &tpy_exc_ValueError,
                 "must have exactly one of create/read/write/append mode");
    assert_fails(fopen_("x", "rb"), &tpy_exc_NotImplementedError,
                 "binary file mode 'rb' is not supported by tpy");
}

Test(fileobject, unsupported_operation_is_both_an_oserror_and_a_valueerror)
{
    cr_assert(tpy_type_is_subtype(&tpy_exc_UnsupportedOperation, &tpy_exc_OSError));
    cr_assert(tpy_type_is_subtype(&tpy_exc_UnsupportedOperation, &tpy_exc_ValueError));
    const char *path = tmp_path();
    write_raw(path, "x");
    tpy_object_t *f = fopen_(path, "r");
    tpy_object_t *s = S("y");
    assert_fails(meth(f, "write", &s, 1), &tpy_exc_UnsupportedOperation, "not writable");
    TPY_DECREF(s);
    TPY_DECREF(f);
    unlink(path);
}

Test(fileobject, repr_names_the_file_mode_and_encoding)
{
    const char *path = "/tmp/tpy_test_builtins_repr.txt";
    tpy_object_t *f = fopen_(path, "w");
    assert_repr(f, "<_io.TextIOWrapper name='/tmp/tpy_test_builtins_repr.txt' mode='w' "
                   "encoding='UTF-8'>");
    TPY_DECREF(f);
    unlink(path);
}

/* ---- sys ---------------------------------------------------------------------------- */

static tpy_object_t *make_sys(void)
{
    cr_assert_null(tpy_ts.modules);
    tpy_ts.modules = tpy_dict_new();
    char *argv[] = {"prog.py", "arg", NULL};
    tpy_object_t *sys = tpy_sys_module_create(2, argv);
    cr_assert_not_null(sys);
    return sys;
}

static void drop_sys(tpy_object_t *sys)
{
    TPY_DECREF(sys);
    TPY_CLEAR(tpy_ts.modules);
}

Test(sysmodule, holds_argv_version_and_the_std_streams)
{
    tpy_object_t *sys = make_sys();
    tpy_object_t *d = TPY_MODULE_DICT(sys);
    assert_repr(tpy_dict_get_cstr_borrow(d, "argv"), "['prog.py', 'arg']");
    assert_repr(tpy_dict_get_cstr_borrow(d, "version_info"), "(3, 11, 0, 'final', 0)");
    assert_repr(tpy_dict_get_cstr_borrow(d, "maxsize"), "9223372036854775807");
    cr_assert(strncmp(TPY_STR_DATA(tpy_dict_get_cstr_borrow(d, "version")), "3.11", 4) == 0);
    cr_assert(TPY_FILE_CHECK(tpy_dict_get_cstr_borrow(d, "stdout")));
    cr_assert_eq(tpy_dict_get_cstr_borrow(d, "modules"), tpy_ts.modules);
    assert_repr(tpy_dict_get_cstr_borrow(d, "stderr"),
                "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>");
    drop_sys(sys);
}

Test(sysmodule, getrefcount_reports_the_count_the_callee_sees)
{
    tpy_object_t *sys = make_sys();
    tpy_object_t *lst = L(0);
    assert_repr_steal(call(sys, "getrefcount", &lst, 1), "1");
    tpy_object_t *extra = tpy_newref(lst);
    assert_repr_steal(call(sys, "getrefcount", &lst, 1), "2");
    TPY_DECREF(extra);
    TPY_DECREF(lst);
    drop_sys(sys);
}

Test(sysmodule, recursion_limit_and_intern_check_their_arguments)
{
    tpy_object_t *sys = make_sys();
    tpy_object_t *a = I(0);
    assert_fails(call(sys, "setrecursionlimit", &a, 1), &tpy_exc_ValueError,
                 "recursion limit must be greater or equal than 1");
    TPY_DECREF(a);
    a = I(50);
    assert_repr_steal(call(sys, "setrecursionlimit", &a, 1), "None");
    cr_assert_eq(tpy_ts.recursion_limit, 50);
    assert_repr_steal(call(sys, "getrecursionlimit", NULL, 0), "50");
    tpy_ts.recursion_limit = TPY_DEFAULT_RECURSION_LIMIT;
    assert_fails(call(sys, "intern", &a, 1), &tpy_exc_TypeError,
                 "intern() argument must be str, not int");
    TPY_DECREF(a);
    drop_sys(sys);
}

Test(sysmodule, getsizeof_grows_with_the_contents)
{
    tpy_object_t *sys = make_sys();
    tpy_object_t *small = S("a"), *big = S("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    tpy_object_t *r1 = call(sys, "getsizeof", &small, 1), *r2 = call(sys, "getsizeof", &big, 1);
    cr_assert_eq(tpy_int_as_i64(r2) - tpy_int_as_i64(r1), 43);
    TPY_DECREF(r1);
    TPY_DECREF(r2);
    TPY_DECREF(small);
    TPY_DECREF(big);
    drop_sys(sys);
}

/* ---- math --------------------------------------------------------------------------- */

Test(mathmodule, factorial_and_comb_are_exact_beyond_int64)
{
    tpy_object_t *m = tpy_math_module_create();
    tpy_object_t *a[2] = {I(25), I(12)};
    assert_repr_steal(call(m, "factorial", a, 1), "15511210043330985984000000");
    assert_repr_steal(call(m, "comb", a, 2), "5200300");
    assert_repr_steal(call(m, "perm", a, 2), "2490952020480000");
    TPY_DECREF(a[0]);
    a[0] = I(-1);
    assert_fails(call(m, "factorial", a, 1), &tpy_exc_ValueError,
                 "factorial() not defined for negative values");
    TPY_DECREF(a[0]);
    TPY_DECREF(a[1]);
    TPY_DECREF(m);
}

Test(mathmodule, gcd_lcm_and_isqrt_of_big_ints)
{
    tpy_object_t *m = tpy_math_module_create();
    tpy_object_t *two = I(2), *e = I(100);
    tpy_object_t *big = tpy_number_binop(two, e, TPY_BINOP_POW); // 2**100
    tpy_object_t *a[2] = {big, I(48)};
    assert_repr_steal(call(m, "gcd", a, 2), "16");
    assert_repr_steal(call(m, "isqrt", a, 1), "1125899906842624");
    TPY_DECREF(a[1]);
    a[1] = I(3);
    assert_repr_steal(call(m, "lcm", a, 2), "3802951800684688204490109616128");
    TPY_DECREF(a[1]);
    TPY_DECREF(big);
    TPY_DECREF(two);
    TPY_DECREF(e);
    TPY_DECREF(m);
}

Test(mathmodule, float_functions_classify_errors_like_cpython)
{
    tpy_object_t *m = tpy_math_module_create();
    tpy_object_t *a = F(-1.0);
    assert_fails(call(m, "sqrt", &a, 1), &tpy_exc_ValueError, "math domain error");
    TPY_DECREF(a);
    a = I(1000);
    assert_fails(call(m, "exp", &a, 1), &tpy_exc_OverflowError, "math range error");
    TPY_DECREF(a);
    a = S("x");
    assert_fails(call(m, "sqrt", &a, 1), &tpy_exc_TypeError, "must be real number, not str");
    TPY_DECREF(a);
    a = I(0);
    assert_fails(call(m, "log", &a, 1), &tpy_exc_ValueError, "math domain error");
    TPY_DECREF(a);
    TPY_DECREF(m);
}

Test(mathmodule, fsum_is_exact)
{
    tpy_object_t *m = tpy_math_module_create();
    tpy_object_t *lst = tpy_list_new(0);
    for (int i = 0; i < 10; i++) {
        tpy_list_append_steal(lst, F(0.1));
    }
    assert_repr_steal(call(m, "fsum", &lst, 1), "1.0");
    TPY_DECREF(lst);
    TPY_DECREF(m);
}

/* ---- os ------------------------------------------------------------------------------- */

Test(osmodule, normpath_and_splitext_follow_posixpath)
{
    tpy_object_t *os = tpy_os_module_create();
    tpy_object_t *path = tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(os), "path");
    cr_assert_not_null(path);
    const char *in[] = {"a//b/../c/.", "", "//a", "///a/..", "../x/.."};
    const char *out[] = {"'a/c'", "'.'", "'//a'", "'/'", "'..'"};
    for (int i = 0; i < 5; i++) {
        tpy_object_t *s = S(in[i]);
        assert_repr_steal(call(path, "normpath", &s, 1), out[i]);
        TPY_DECREF(s);
    }
    tpy_object_t *s = S("/x/y.tar.gz");
    assert_repr_steal(call(path, "splitext", &s, 1), "('/x/y.tar', '.gz')");
    TPY_DECREF(s);
    tpy_object_t *parts[3] = {S("a"), S("/b"), S("c")};
    assert_repr_steal(call(path, "join", parts, 3), "'/b/c'");
    for (int i = 0; i < 3; i++) {
        TPY_DECREF(parts[i]);
    }
    TPY_DECREF(os);
}
