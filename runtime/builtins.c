/*
 * runtime/builtins.c - the builtins module: print, len, min, sorted, isinstance
 * and the rest of LANGUAGE.md's built-in functions, the built-in types and
 * exceptions under their names, and the table of importable built-in modules.
 *
 * Every function takes the vectorcall convention and checks its arguments with
 * CPython 3.11's exact messages ("len() takes exactly one argument (2 given)",
 * "'foo' is an invalid keyword argument for print()").  Arithmetic on numbers
 * goes through the generic protocol (tpy_number_binop) except for the fast
 * paths CPython also has: sum() of small ints and floats; abs/round/divmod/pow
 * of ints and floats call the number types' own helpers (tpy_int_round ...),
 * anything else its __abs__/__round__/__divmod__ method.  print() and input()
 * talk to sys.stdout/sys.stdin as looked up at call time, with a direct path
 * for tpy's own file objects.
 */
#include "runtime/runtime.h"

#include "runtime/fileobject.h"
#include "runtime/iterobject.h"

#include <math.h>
#include <string.h>

/* ---- argument helpers ---------------------------------------------------------- */

int tpy_builtin_kwargs(const char *fname, tpy_object_t *const *kwvalues, tpy_object_t *kwnames,
                       const char *const *names, tpy_object_t **out)
{
    size_t nkw = tpy_kwcount(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, k);
        size_t i = 0;
        while (names[i] != NULL && !tpy_str_eq_cstr(kw, names[i])) {
            i++;
        }
        if (names[i] == NULL) {
            tpy_err_format(&tpy_exc_TypeError, "'%U' is an invalid keyword argument for %s()", kw,
                           fname);
            return -1;
        }
        out[i] = kwvalues[k];
    }
    return 0;
}

tpy_object_t *tpy_builtin_lookup_special_borrow(tpy_object_t *op, const char *name)
{
    tpy_object_t *key = tpy_str_intern_cstr(name);
    if (key == NULL) {
        tpy_err_clear();
        return NULL;
    }
    tpy_object_t *r = tpy_type_lookup_borrow(TPY_TYPE(op), key);
    TPY_DECREF(key);
    return r;
}

/* The value of sys.<name> (borrowed), NULL with RuntimeError "lost sys.stdout". */
static tpy_object_t *sys_stream_borrow(const char *name)
{
    tpy_object_t *v = NULL;
    if (tpy_ts.sys != NULL) {
        v = tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(tpy_ts.sys), name);
    }
    if (v == NULL) {
        tpy_err_format(&tpy_exc_RuntimeError, "lost sys.%s", name);
    }
    return v;
}

/* file.write(s) for any object with a write method; 0 or -1. */
static int write_to(tpy_object_t *file, tpy_object_t *s)
{
    if (TPY_FILE_CHECK(file)) {
        return tpy_file_write_str(file, s);
    }
    tpy_object_t *r = tpy_object_call_method(file, "write", &s, 1);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

static int flush_file(tpy_object_t *file)
{
    if (TPY_FILE_CHECK(file)) {
        return tpy_file_flush(file);
    }
    tpy_object_t *r = tpy_object_call_method(file, "flush", NULL, 0);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

/* ---- print and input --------------------------------------------------------------- */

static int check_sep(tpy_object_t *v, const char *what)
{
    if (v != NULL && v != tpy_none && !TPY_STR_CHECK(v)) {
        tpy_err_format(&tpy_exc_TypeError, "%s must be None or a string, not %T", what, v);
        return -1;
    }
    return 0;
}

/* print() to a tpy file: build the whole line, write it once.  If str() of an
 * argument fails, what was built so far is still written (as CPython would). */
/* print()'s text may hold a lone surrogate (UTF-8 lead byte 0xED), which the
 * file refuses: then write it piece by piece, as CPython's one write() per
 * argument and separator does, so the error names the position within the
 * failing piece and the pieces before it are written.  [cuts] holds the
 * [ncuts] offsets where pieces end. */
static int write_pieces(tpy_object_t *file, const char *data, const size_t *cuts, size_t ncuts)
{
    size_t at = 0;
    for (size_t i = 0; i < ncuts; i++) {
        if (cuts[i] > at && tpy_file_write_utf8(file, data + at, cuts[i] - at) < 0) {
            return -1;
        }
        at = cuts[i];
    }
    return 0;
}

static int print_to_file(tpy_object_t *file, tpy_object_t *const *args, size_t nargs,
                         tpy_object_t *sep, tpy_object_t *end)
{
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    int r = 0;
    size_t cutbuf[32], ncuts = 0;
    size_t maxcuts = 2 * nargs + 1;
    size_t *cuts = maxcuts <= 32 ? cutbuf : tpy_mem_alloc(maxcuts * sizeof(size_t));
    if (cuts == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < nargs && r == 0; i++) {
        if (i > 0) {
            if (sep != NULL) {
                tpy_strbuf_append_str(&b, sep);
            } else {
                tpy_strbuf_append_char(&b, ' ');
            }
            cuts[ncuts++] = b.len;
        }
        if (TPY_STR_CHECK_EXACT(args[i])) {
            tpy_strbuf_append_str(&b, args[i]);
        } else {
            r = tpy_strbuf_append_strof(&b, args[i]);
        }
        cuts[ncuts++] = b.len;
    }
    if (r == 0) {
        if (end != NULL) {
            tpy_strbuf_append_str(&b, end);
        } else {
            tpy_strbuf_append_char(&b, '\n');
        }
        cuts[ncuts++] = b.len;
    }
    if (b.failed) {
        tpy_strbuf_release(&b);
        if (cuts != cutbuf) {
            tpy_mem_free(cuts, maxcuts * sizeof(size_t));
        }
        tpy_err_no_memory();
        return -1;
    }
    if (b.len > 0) {
        tpy_object_t *saved = r < 0 ? tpy_err_fetch() : NULL;
        int w = memchr(b.data, 0xED, b.len) != NULL ? write_pieces(file, b.data, cuts, ncuts)
                                                    : tpy_file_write_utf8(file, b.data, b.len);
        if (saved != NULL) {
            tpy_err_restore(saved);
        } else {
            r = w;
        }
    }
    tpy_strbuf_release(&b);
    if (cuts != cutbuf) {
        tpy_mem_free(cuts, maxcuts * sizeof(size_t));
    }
    return r;
}

static int print_generic(tpy_object_t *file, tpy_object_t *const *args, size_t nargs,
                         tpy_object_t *sep, tpy_object_t *end)
{
    tpy_object_t *space = NULL, *s;
    int r = 0;
    for (size_t i = 0; i < nargs && r == 0; i++) {
        if (i > 0) {
            if (sep == NULL) {
                sep = space = tpy_str_from_cstr(" ");
                if (space == NULL) {
                    return -1;
                }
            }
            r = write_to(file, sep);
            if (r < 0) {
                break;
            }
        }
        s = tpy_object_str(args[i]);
        if (s == NULL) {
            r = -1;
            break;
        }
        r = write_to(file, s);
        TPY_DECREF(s);
    }
    TPY_XDECREF(space);
    if (r == 0) {
        s = end ? tpy_newref(end) : tpy_str_from_cstr("\n");
        if (s == NULL) {
            return -1;
        }
        r = write_to(file, s);
        TPY_DECREF(s);
    }
    return r;
}

tpy_object_t *tpy_builtin_print(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    tpy_object_t *kw[4] = {NULL, NULL, NULL, NULL};
    if (tpy_builtin_kwargs("print", args + nargs, kwnames, names, kw) < 0 ||
        check_sep(kw[0], "sep") < 0 || check_sep(kw[1], "end") < 0) {
        return NULL;
    }
    tpy_object_t *sep = kw[0] == tpy_none ? NULL : kw[0];
    tpy_object_t *end = kw[1] == tpy_none ? NULL : kw[1];
    tpy_object_t *file = kw[2];
    if (file == NULL || file == tpy_none) {
        file = sys_stream_borrow("stdout");
        if (file == NULL) {
            return NULL;
        }
        if (file == tpy_none) {
            TPY_RETURN_NONE; // CPython: print() is a no-op without a stdout
        }
    }
    int r;
    if (TPY_FILE_CHECK(file)) {
        r = print_to_file(file, args, nargs, sep, end);
    } else {
        TPY_INCREF(file); // a write() method could replace sys.stdout meanwhile
        r = print_generic(file, args, nargs, sep, end);
        TPY_DECREF(file);
    }
    if (r < 0) {
        return NULL;
    }
    if (kw[3] != NULL) {
        int fl = tpy_object_is_true(kw[3]);
        if (fl < 0 || (fl && flush_file(file) < 0)) {
            return NULL;
        }
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *builtin_input(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("input", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    tpy_object_t *in = sys_stream_borrow("stdin");
    tpy_object_t *out = in ? sys_stream_borrow("stdout") : NULL;
    if (in == NULL || out == NULL) {
        return NULL;
    }
    if (in == tpy_none) {
        return tpy_err_format(&tpy_exc_RuntimeError, "input(): lost sys.stdin");
    }
    if (out == tpy_none) {
        return tpy_err_format(&tpy_exc_RuntimeError, "input(): lost sys.stdout");
    }
    TPY_INCREF(in);
    TPY_INCREF(out);
    tpy_object_t *line = NULL, *result = NULL;
    if (nargs == 1) {
        tpy_object_t *prompt = tpy_object_str(args[0]);
        if (prompt == NULL) {
            goto done;
        }
        int r = write_to(out, prompt);
        TPY_DECREF(prompt);
        if (r < 0) {
            goto done;
        }
    }
    if (flush_file(out) < 0) {
        tpy_err_clear(); // as CPython: a stdout that cannot flush is no reason to fail
    }
    if (TPY_FILE_CHECK(in)) {
        line = tpy_file_readline(in);
    } else {
        line = tpy_object_call_method(in, "readline", NULL, 0);
    }
    if (line == NULL) {
        goto done;
    }
    if (!TPY_STR_CHECK(line)) {
        tpy_err_format(&tpy_exc_TypeError, "object.readline() returned non-string");
        goto done;
    }
    if (TPY_STR_LEN(line) == 0) {
        tpy_err_set_str(&tpy_exc_EOFError, "EOF when reading a line");
        goto done;
    }
    intptr_t n = TPY_STR_LEN(line);
    if (TPY_STR_DATA(line)[n - 1] == '\n') {
        result = tpy_str_from_utf8(TPY_STR_DATA(line), (size_t)n - 1);
    } else {
        result = tpy_newref(line);
    }
done:
    TPY_XDECREF(line);
    TPY_DECREF(in);
    TPY_DECREF(out);
    return result;
}

/* ---- simple queries ------------------------------------------------------------------ */

static tpy_object_t *builtin_len(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("len", nargs, kwnames) < 0) {
        return NULL;
    }
    intptr_t n = tpy_object_len(args[0]);
    if (n < 0) {
        return NULL;
    }
    return tpy_int_from_small(n);
}

static tpy_object_t *builtin_hash(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("hash", nargs, kwnames) < 0) {
        return NULL;
    }
    int64_t h = tpy_object_hash(args[0]);
    if (h == -1) {
        return NULL;
    }
    return tpy_int_from_i64(h);
}

static tpy_object_t *builtin_id(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("id", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_u64((uint64_t)(uintptr_t)args[0]);
}

static tpy_object_t *builtin_repr(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("repr", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_object_repr(args[0]);
}

/* repr() with every non-ASCII character escaped as \xhh, \uhhhh or \Uhhhhhhhh. */
static tpy_object_t *builtin_ascii(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("ascii", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_repr(args[0]);
    if (r == NULL || TPY_STR_IS_ASCII(r)) {
        return r;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(r);
    const unsigned char *end = p + TPY_STR_LEN(r);
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            tpy_strbuf_append_char(&b, (char)c);
            p++;
            continue;
        }
        uint32_t cp;
        int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        cp = c & (0x3F >> k);
        for (int i = 1; i <= k && p + i < end; i++) {
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        p += k + 1;
        if (cp <= 0xFF) {
            tpy_strbuf_printf(&b, "\\x%02x", (unsigned)cp);
        } else if (cp <= 0xFFFF) {
            tpy_strbuf_printf(&b, "\\u%04x", (unsigned)cp);
        } else {
            tpy_strbuf_printf(&b, "\\U%08x", (unsigned)cp);
        }
    }
    TPY_DECREF(r);
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *builtin_callable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                      tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("callable", nargs, kwnames) < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(tpy_callable_check(args[0]));
}

static tpy_object_t *builtin_any_all(tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames, bool want)
{
    if (tpy_check_one_arg(want ? "any" : "all", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *it = tpy_object_getiter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    tpy_object_t *item;
    while ((item = tpy_iter_next(it)) != NULL) {
        int t = tpy_object_is_true(item);
        TPY_DECREF(item);
        if (t < 0) {
            TPY_DECREF(it);
            return NULL;
        }
        if ((t != 0) == want) {
            TPY_DECREF(it);
            TPY_RETURN_BOOL(want);
        }
    }
    TPY_DECREF(it);
    if (tpy_err_occurred()) {
        return NULL;
    }
    TPY_RETURN_BOOL(!want);
}

static tpy_object_t *builtin_any(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return builtin_any_all(args, nargs, kwnames, true);
}

static tpy_object_t *builtin_all(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return builtin_any_all(args, nargs, kwnames, false);
}

/* ---- isinstance / issubclass --------------------------------------------------------- */

static bool is_type(tpy_object_t *op)
{
    return TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_TYPE_SUBCLASS);
}

/* 1 when [type] is a subclass of [classinfo] (a type or nested tuples of
 * types), 0 when not, -1 (TypeError [msg]) when [classinfo] is malformed. */
static int subclass_of(tpy_type_t *type, tpy_object_t *classinfo, const char *msg)
{
    if (is_type(classinfo)) {
        return tpy_type_is_subtype(type, (tpy_type_t *)classinfo);
    }
    if (!TPY_TUPLE_CHECK(classinfo)) {
        tpy_err_set_str(&tpy_exc_TypeError, msg);
        return -1;
    }
    if (tpy_enter_recursive_call(" in __subclasscheck__") < 0) {
        return -1;
    }
    int r = 0;
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(classinfo) && r == 0; i++) {
        r = subclass_of(type, TPY_TUPLE_GET(classinfo, i), msg);
    }
    tpy_leave_recursive_call();
    return r;
}

static tpy_object_t *builtin_isinstance(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("isinstance", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    static const char msg[] = "isinstance() arg 2 must be a type, a tuple of types, or a union";
    int r = subclass_of(TPY_TYPE(args[0]), args[1], msg);
    if (r == 0 && TPY_TYPE(args[0])->tp_getattro != tpy_object_generic_getattr) {
        // an object may claim another class through __class__ (weakref.proxy does)
        tpy_object_t *cls = tpy_object_getattr_cstr(args[0], "__class__");
        if (cls != NULL && cls != TPY_OBJ(TPY_TYPE(args[0])) && is_type(cls)) {
            r = subclass_of((tpy_type_t *)cls, args[1], msg);
        }
        if (cls == NULL && tpy_err_matches(&tpy_exc_AttributeError)) {
            tpy_err_clear();
        }
        TPY_XDECREF(cls);
        if (cls == NULL && tpy_err_occurred()) {
            return NULL;
        }
    }
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(r);
}

static tpy_object_t *builtin_issubclass(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("issubclass", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    if (!is_type(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "issubclass() arg 1 must be a class");
    }
    int r = subclass_of((tpy_type_t *)args[0], args[1],
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(r);
}

/* ---- attributes ------------------------------------------------------------------------ */

static int check_attr_name(tpy_object_t *name)
{
    if (!TPY_STR_CHECK(name)) {
        tpy_err_format(&tpy_exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static tpy_object_t *builtin_getattr(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("getattr", nargs, kwnames, 2, 3) < 0 || check_attr_name(args[1]) < 0) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_getattr(args[0], args[1]);
    if (r == NULL && nargs == 3 && tpy_err_matches(&tpy_exc_AttributeError)) {
        tpy_err_clear();
        return tpy_newref(args[2]);
    }
    return r;
}

static tpy_object_t *builtin_hasattr(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("hasattr", nargs, kwnames, 2, 2) < 0 || check_attr_name(args[1]) < 0) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_getattr(args[0], args[1]);
    if (r == NULL) {
        if (tpy_err_matches(&tpy_exc_AttributeError)) {
            tpy_err_clear();
            TPY_RETURN_BOOL(false);
        }
        return NULL;
    }
    TPY_DECREF(r);
    TPY_RETURN_BOOL(true);
}

static tpy_object_t *builtin_setattr(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("setattr", nargs, kwnames, 3, 3) < 0 || check_attr_name(args[1]) < 0 ||
        tpy_object_setattr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *builtin_delattr(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("delattr", nargs, kwnames, 2, 2) < 0 || check_attr_name(args[1]) < 0 ||
        tpy_object_delattr(args[0], args[1]) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

/* ---- iteration ------------------------------------------------------------------------- */

static tpy_object_t *builtin_iter(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("iter", kwnames) < 0 || tpy_arg_count("iter", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 2) {
        return tpy_calliter_new(args[0], args[1]);
    }
    return tpy_object_getiter(args[0]);
}

static tpy_object_t *builtin_next(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("next", kwnames) < 0 || tpy_arg_count("next", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    tpy_iternext_fn next = TPY_TYPE(args[0])->tp_iternext;
    if (next == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not an iterator", args[0]);
    }
    // Call the slot itself: a generator's StopIteration(value) must reach the caller.
    tpy_object_t *r = next(args[0]);
    if (r != NULL) {
        return r;
    }
    if (tpy_err_occurred()) {
        if (nargs == 2 && tpy_err_matches(&tpy_exc_StopIteration)) {
            tpy_err_clear();
            return tpy_newref(args[1]);
        }
        return NULL;
    }
    if (nargs == 2) {
        return tpy_newref(args[1]);
    }
    tpy_err_set_object(&tpy_exc_StopIteration, NULL);
    return NULL;
}

static tpy_object_t *builtin_sorted(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"key", "reverse", NULL};
    tpy_object_t *kw[2] = {NULL, NULL};
    if (tpy_arg_count("sorted", nargs, NULL, 1, 1) < 0) {
        return NULL;
    }
    size_t nkw = tpy_kwcount(kwnames);
    if (nkw > 2) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "sort() takes at most 2 keyword arguments (%zu given)", nkw);
    }
    if (tpy_builtin_kwargs("sort", args + nargs, kwnames, names, kw) < 0) {
        return NULL;
    }
    bool reverse = false;
    if (kw[1] != NULL) {
        if (!TPY_INT_CHECK(kw[1])) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "'%T' object cannot be interpreted as an integer", kw[1]);
        }
        reverse = tpy_int_sign(kw[1]) != 0;
    }
    tpy_object_t *list = tpy_sequence_list(args[0]);
    if (list == NULL) {
        return NULL;
    }
    if (tpy_list_sort(list, kw[0] == tpy_none ? NULL : kw[0], reverse) < 0) {
        TPY_DECREF(list);
        return NULL;
    }
    return list;
}

/* min() and max(): [op] is TPY_CMP_LT for min, TPY_CMP_GT for max. */
static tpy_object_t *min_max(tpy_object_t *const *args, size_t nargs, tpy_object_t *kwnames,
                             int op, const char *fname)
{
    static const char *const names[] = {"key", "default", NULL};
    tpy_object_t *kw[2] = {NULL, NULL};
    if (nargs == 0) {
        return tpy_err_format(&tpy_exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    }
    if (tpy_builtin_kwargs(fname, args + nargs, kwnames, names, kw) < 0) {
        return NULL;
    }
    if (nargs > 1 && kw[1] != NULL) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "Cannot specify a default for %s() with multiple positional "
                              "arguments",
                              fname);
    }
    tpy_object_t *key = kw[0] == tpy_none ? NULL : kw[0];
    tpy_object_t *it = NULL;
    if (nargs == 1) {
        it = tpy_object_getiter(args[0]);
        if (it == NULL) {
            return NULL;
        }
    }
    tpy_object_t *best = NULL, *bestkey = NULL;
    size_t i = 0;
    for (;;) {
        tpy_object_t *item;
        if (it != NULL) {
            item = tpy_iter_next(it);
            if (item == NULL) {
                if (tpy_err_occurred()) {
                    goto error;
                }
                break;
            }
        } else {
            if (i == nargs) {
                break;
            }
            item = tpy_newref(args[i++]);
        }
        tpy_object_t *k = key ? tpy_object_call1(key, item) : tpy_newref(item);
        if (k == NULL) {
            TPY_DECREF(item);
            goto error;
        }
        if (best == NULL) {
            best = item;
            bestkey = k;
            continue;
        }
        int better = tpy_object_richcompare_bool(k, bestkey, op);
        if (better < 0) {
            TPY_DECREF(item);
            TPY_DECREF(k);
            goto error;
        }
        if (better) {
            TPY_SETREF(best, item);
            TPY_SETREF(bestkey, k);
        } else {
            TPY_DECREF(item);
            TPY_DECREF(k);
        }
    }
    TPY_XDECREF(it);
    TPY_XDECREF(bestkey);
    if (best == NULL) {
        if (kw[1] != NULL) {
            return tpy_newref(kw[1]);
        }
        return tpy_err_format(&tpy_exc_ValueError, "%s() arg is an empty sequence", fname);
    }
    return best;
error:
    TPY_XDECREF(it);
    TPY_XDECREF(best);
    TPY_XDECREF(bestkey);
    return NULL;
}

static tpy_object_t *builtin_min(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return min_max(args, nargs, kwnames, TPY_CMP_LT, "min");
}

static tpy_object_t *builtin_max(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return min_max(args, nargs, kwnames, TPY_CMP_GT, "max");
}

/*
 * sum(iterable, /, start=0).  While the running total is a small int (or a
 * float) and the items are exact small ints (or floats), it is kept in a C
 * variable; anything else goes through `+`.  The result is the same as the
 * generic loop's, as in CPython.
 */
static tpy_object_t *builtin_sum(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"start", NULL};
    tpy_object_t *start = NULL;
    if (nargs == 0) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "sum() takes at least 1 positional argument (0 given)");
    }
    if (nargs + tpy_kwcount(kwnames) > 2) {
        return tpy_err_format(&tpy_exc_TypeError, "sum() takes at most 2 arguments (%zu given)",
                              nargs + tpy_kwcount(kwnames));
    }
    if (tpy_builtin_kwargs("sum", args + nargs, kwnames, names, &start) < 0) {
        return NULL;
    }
    if (nargs == 2) {
        start = args[1];
    }
    if (start != NULL && TPY_STR_CHECK(start)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "sum() can't sum strings [use ''.join(seq) instead]");
    }
    tpy_object_t *it = tpy_object_getiter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    tpy_object_t *result = start ? tpy_newref(start) : tpy_int_from_small(0);
    tpy_object_t *item;
    while ((item = tpy_iter_next(it)) != NULL) {
        tpy_type_t *rt = TPY_TYPE(result), *it_t = TPY_TYPE(item);
        bool item_small_int =
            (it_t == &tpy_int_type || it_t == &tpy_bool_type) && tpy_int_is_small(item);
        if (rt == &tpy_int_type && tpy_int_is_small(result) && item_small_int) {
            int64_t s;
            if (!__builtin_add_overflow(((tpy_int_t *)result)->v, ((tpy_int_t *)item)->v, &s)) {
                TPY_DECREF(item);
                tpy_object_t *n = tpy_int_from_small(s);
                if (n == NULL) {
                    goto error;
                }
                TPY_SETREF(result, n);
                continue;
            }
        } else if (rt == &tpy_float_type && (it_t == &tpy_float_type || item_small_int)) {
            double v =
                it_t == &tpy_float_type ? TPY_FLOAT_VALUE(item) : (double)((tpy_int_t *)item)->v;
            TPY_DECREF(item);
            double total = TPY_FLOAT_VALUE(result) + v;
            tpy_object_t *n;
            if (TPY_REFCNT(result) == 1) {
                ((tpy_float_t *)result)->v = total; // nobody else can see it
                continue;
            }
            n = tpy_float_from_double(total);
            if (n == NULL) {
                goto error;
            }
            TPY_SETREF(result, n);
            continue;
        }
        tpy_object_t *n = tpy_number_binop(result, item, TPY_BINOP_ADD);
        TPY_DECREF(item);
        if (n == NULL) {
            goto error;
        }
        TPY_SETREF(result, n);
    }
    if (tpy_err_occurred()) {
        goto error;
    }
    TPY_DECREF(it);
    return result;
error:
    TPY_DECREF(it);
    TPY_DECREF(result);
    return NULL;
}

/* ---- characters and number formatting --------------------------------------------------- */

static tpy_object_t *builtin_ord(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("ord", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *s = args[0];
    if (!TPY_STR_CHECK(s)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "ord() expected string of length 1, but %T found", s);
    }
    if (TPY_STR_CPLEN(s) != 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "ord() expected a character, but string of length %zd found",
                              (size_t)TPY_STR_CPLEN(s));
    }
    const unsigned char *p = (const unsigned char *)TPY_STR_DATA(s);
    uint32_t cp = p[0];
    if (cp >= 0x80) {
        intptr_t k = TPY_STR_LEN(s) - 1; // continuation bytes
        cp &= 0x3Fu >> k;
        for (intptr_t i = 1; i <= k; i++) {
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
    }
    return tpy_int_from_small(cp);
}

static tpy_object_t *builtin_chr(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("chr", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *index = tpy_number_index(args[0]);
    if (index == NULL) {
        return NULL;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(index, &overflow);
    TPY_DECREF(index);
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        return tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C int");
    }
    if (v < 0 || v >= 0x110000) {
        return tpy_err_format(&tpy_exc_ValueError, "chr() arg not in range(0x110000)");
    }
    return tpy_str_from_codepoint((uint32_t)v);
}

static tpy_object_t *int_in_base(const char *fname, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames, int base)
{
    if (tpy_check_one_arg(fname, nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *index = tpy_number_index(args[0]);
    if (index == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_int_to_string(index, base, true);
    TPY_DECREF(index);
    return r;
}

static tpy_object_t *builtin_hex(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return int_in_base("hex", args, nargs, kwnames, 16);
}

static tpy_object_t *builtin_oct(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return int_in_base("oct", args, nargs, kwnames, 8);
}

static tpy_object_t *builtin_bin(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    return int_in_base("bin", args, nargs, kwnames, 2);
}

static tpy_object_t *builtin_format(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("format", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 2) {
        if (!TPY_STR_CHECK(args[1])) {
            return tpy_err_format(&tpy_exc_TypeError, "format() argument 2 must be str, not %T",
                                  args[1]);
        }
        return tpy_object_format(args[0], args[1]);
    }
    tpy_object_t *empty = tpy_str_from_cstr("");
    if (empty == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_format(args[0], empty);
    TPY_DECREF(empty);
    return r;
}

/* ---- namespaces ---------------------------------------------------------------------------- */

static tpy_object_t *frame_dict(tpy_object_t *(*hook)(void), const char *fname)
{
    tpy_object_t *d = hook ? hook() : NULL;
    if (d == NULL && !tpy_err_occurred()) {
        tpy_err_format(&tpy_exc_RuntimeError, "%s(): no current frame", fname);
    }
    return d;
}

static tpy_object_t *builtin_globals(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("globals", nargs, kwnames) < 0) {
        return NULL;
    }
    return frame_dict(tpy_ts.current_globals, "globals");
}

static tpy_object_t *builtin_locals(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("locals", nargs, kwnames) < 0) {
        return NULL;
    }
    return frame_dict(tpy_ts.current_locals, "locals");
}

static tpy_object_t *builtin_vars(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("vars", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return frame_dict(tpy_ts.current_locals, "vars");
    }
    tpy_object_t *d = tpy_object_getattr_cstr(args[0], "__dict__");
    if (d == NULL && tpy_err_matches(&tpy_exc_AttributeError)) {
        tpy_err_clear();
        return tpy_err_format(&tpy_exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* Add the keys of dict [src] to dict [names] (used as an ordered set). */
static int merge_keys(tpy_object_t *names, tpy_object_t *src)
{
    if (src == NULL || !TPY_DICT_CHECK(src)) {
        return 0;
    }
    intptr_t pos = 0;
    tpy_object_t *key, *value;
    while (tpy_dict_next(src, &pos, &key, &value)) {
        if (tpy_dict_set(names, key, tpy_none) < 0) {
            return -1;
        }
    }
    return 0;
}

static int merge_mro(tpy_object_t *names, tpy_type_t *type)
{
    tpy_object_t *mro = type->tp_mro;
    if (mro == NULL) {
        return merge_keys(names, type->tp_dict);
    }
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(mro); i++) {
        if (merge_keys(names, ((tpy_type_t *)TPY_TUPLE_GET(mro, i))->tp_dict) < 0) {
            return -1;
        }
    }
    return 0;
}

/* object.__dir__ as CPython's: the keys of obj.__dict__ and of the classes of
 * obj.__class__, both fetched as attributes (so a super object lists what its
 * instance has, and a class may disguise itself through __class__). */
static int merge_instance(tpy_object_t *names, tpy_object_t *obj)
{
    tpy_object_t *d = tpy_object_getattr_cstr(obj, "__dict__");
    if (d == NULL) {
        if (!tpy_err_matches(&tpy_exc_AttributeError)) {
            return -1;
        }
        tpy_err_clear();
    }
    int r = d != NULL && TPY_DICT_CHECK(d) ? merge_keys(names, d) : 0;
    TPY_XDECREF(d);
    if (r < 0) {
        return -1;
    }
    tpy_object_t *cls = tpy_object_getattr_cstr(obj, "__class__");
    if (cls == NULL) {
        if (!tpy_err_matches(&tpy_exc_AttributeError)) {
            return -1;
        }
        tpy_err_clear();
        return 0;
    }
    r = is_type(cls) ? merge_mro(names, (tpy_type_t *)cls) : 0;
    TPY_DECREF(cls);
    return r;
}

/* The names dir(obj) lists, unsorted. */
static tpy_object_t *dir_names(tpy_object_t *obj)
{
    tpy_object_t *meth = tpy_builtin_lookup_special_borrow(obj, "__dir__");
    if (meth != NULL && TPY_FUNCTION_CHECK(meth)) {
        tpy_object_t *r = tpy_object_call_method(obj, "__dir__", NULL, 0);
        if (r == NULL) {
            return NULL;
        }
        tpy_object_t *list = tpy_sequence_list(r);
        TPY_DECREF(r);
        return list;
    }
    tpy_object_t *names = tpy_dict_new();
    if (names == NULL) {
        return NULL;
    }
    int r;
    if (TPY_MODULE_CHECK(obj)) {
        r = merge_keys(names, TPY_MODULE_DICT(obj));
    } else if (is_type(obj)) {
        r = merge_mro(names, (tpy_type_t *)obj);
    } else {
        r = merge_instance(names, obj);
    }
    tpy_object_t *list = r < 0 ? NULL : tpy_dict_keys_list(names);
    TPY_DECREF(names);
    return list;
}

static tpy_object_t *builtin_dir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("dir", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    tpy_object_t *list;
    if (nargs == 0) {
        tpy_object_t *locals = frame_dict(tpy_ts.current_locals, "dir");
        if (locals == NULL) {
            return NULL;
        }
        list = tpy_dict_keys_list(locals);
        TPY_DECREF(locals);
    } else {
        list = dir_names(args[0]);
    }
    if (list == NULL) {
        return NULL;
    }
    if (tpy_list_sort(list, NULL, false) < 0) {
        TPY_DECREF(list);
        return NULL;
    }
    return list;
}

/* exit and quit are CPython's site.Quitter objects: their repr tells the
 * REPL user how to leave, and calling one raises SystemExit(code). */
typedef struct {
    tpy_object_t ob;
    const char *name;
} quitter_t;

static tpy_object_t *quitter_repr(tpy_object_t *self)
{
    return tpy_str_from_format("Use %s() or Ctrl-D (i.e. EOF) to exit", ((quitter_t *)self)->name);
}

static tpy_object_t *quitter_call(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    size_t nkw = tpy_kwcount(kwnames);
    tpy_object_t *code = nargs > 0 ? args[0] : NULL;
    if (nargs > 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "Quitter.__call__() takes from 1 to 2 positional arguments but %zu "
                              "were given",
                              nargs + 1);
    }
    for (size_t i = 0; i < nkw; i++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, i);
        if (strcmp(TPY_STR_DATA(kw), "code") != 0) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "Quitter.__call__() got an unexpected keyword argument '%U'", kw);
        }
        if (code != NULL) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "Quitter.__call__() got multiple values for argument 'code'");
        }
        code = args[nargs + i];
    }
    tpy_err_set_object(&tpy_exc_SystemExit, code ? code : tpy_none);
    return NULL;
}

static void quitter_dealloc(tpy_object_t *self)
{
    tpy_obj_free(self, sizeof(quitter_t));
}

static tpy_type_t quitter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "Quitter",
    .tp_basicsize = sizeof(quitter_t),
    .tp_dealloc = quitter_dealloc,
    .tp_repr = quitter_repr,
    .tp_call = quitter_call,
};

int tpy_builtins_init(void)
{
    // the types of built-in modules are readied here, once, like the others
    return tpy_type_ready(&quitter_type) < 0 || tpy_os_init() < 0 ? -1 : 0;
}

static int add_quitter(tpy_object_t *module, const char *name)
{
    quitter_t *q = (quitter_t *)tpy_obj_new(&quitter_type, sizeof(quitter_t));
    if (q == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    q->name = name;
    int r = tpy_module_add_object(module, name, TPY_OBJ(q));
    TPY_DECREF(q);
    return r;
}

/* ---- numbers: abs, round, divmod, pow ------------------------------------------------------ */

static bool is_exact_int(tpy_object_t *op)
{
    return TPY_TYPE(op) == &tpy_int_type || TPY_TYPE(op) == &tpy_bool_type;
}

/* Call the special method [name] of [op] with [args]; TypeError [fmt] (with
 * %T of op) when the type has no such method. */
static tpy_object_t *call_special(tpy_object_t *op, const char *name, tpy_object_t *const *args,
                                  size_t nargs, const char *fmt)
{
    if (tpy_builtin_lookup_special_borrow(op, name) == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, fmt, op);
    }
    return tpy_object_call_method(op, name, args, nargs);
}

static tpy_object_t *builtin_abs(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("abs", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *x = args[0];
    if (is_exact_int(x)) {
        return tpy_int_abs(x);
    }
    if (TPY_FLOAT_CHECK_EXACT(x)) {
        return tpy_float_from_double(fabs(TPY_FLOAT_VALUE(x)));
    }
    return call_special(x, "__abs__", NULL, 0, "bad operand type for abs(): '%T'");
}

static tpy_object_t *builtin_round(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"number", "ndigits", NULL};
    tpy_object_t *a[2];
    if (tpy_arg_parse("round", args, nargs, kwnames, names, 0, 1, a) < 0) {
        return NULL;
    }
    tpy_object_t *x = a[0], *nd = a[1] == tpy_none ? NULL : a[1];
    if (is_exact_int(x)) {
        return tpy_int_round(x, nd);
    }
    if (TPY_FLOAT_CHECK_EXACT(x)) {
        return tpy_float_round(x, nd);
    }
    return call_special(x, "__round__", &nd, nd ? 1 : 0,
                        "type %T doesn't define __round__ method");
}

static bool is_int_or_float(tpy_object_t *op)
{
    return is_exact_int(op) || TPY_FLOAT_CHECK_EXACT(op);
}

static tpy_object_t *builtin_divmod(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("divmod", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    tpy_object_t *a = args[0], *b = args[1];
    if (is_exact_int(a) && is_exact_int(b)) {
        return tpy_int_divmod(a, b);
    }
    if (is_int_or_float(a) && is_int_or_float(b)) {
        return tpy_float_divmod(a, b);
    }
    if (tpy_builtin_lookup_special_borrow(a, "__divmod__") != NULL) {
        tpy_object_t *r = tpy_object_call_method(a, "__divmod__", &b, 1);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    if (TPY_TYPE(b) != TPY_TYPE(a) &&
        tpy_builtin_lookup_special_borrow(b, "__rdivmod__") != NULL) {
        tpy_object_t *r = tpy_object_call_method(b, "__rdivmod__", &a, 1);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    return tpy_err_format(&tpy_exc_TypeError,
                          "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}

static tpy_object_t *builtin_pow(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"base", "exp", "mod", NULL};
    tpy_object_t *a[3];
    if (tpy_arg_parse("pow", args, nargs, kwnames, names, 0, 2, a) < 0) {
        return NULL;
    }
    if (a[2] == NULL || a[2] == tpy_none) {
        return tpy_number_binop(a[0], a[1], TPY_BINOP_POW);
    }
    if (TPY_INT_CHECK(a[0]) && TPY_INT_CHECK(a[1]) && TPY_INT_CHECK(a[2])) {
        return tpy_int_pow3(a[0], a[1], a[2]);
    }
    if (!is_int_or_float(a[0]) && tpy_builtin_lookup_special_borrow(a[0], "__pow__") != NULL) {
        return tpy_object_call_method(a[0], "__pow__", a + 1, 2);
    }
    if (is_int_or_float(a[0]) && is_int_or_float(a[1]) && is_int_or_float(a[2])) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return tpy_err_format(&tpy_exc_TypeError,
                          "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'", a[0],
                          a[1], a[2]);
}

/* exec(), eval() and compile() of source strings are outside tpy's subset
 * (LANGUAGE.md): they exist so that a program using them gets a clear error. */
static tpy_object_t *unsupported(const char *name)
{
    return tpy_err_format(&tpy_exc_NotImplementedError, "%s() of source strings is not supported "
                          "by tpy", name);
}

static tpy_object_t *builtin_exec(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return unsupported("exec");
}

static tpy_object_t *builtin_eval(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return unsupported("eval");
}

static tpy_object_t *builtin_compile(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return unsupported("compile");
}

/* ---- the module ------------------------------------------------------------------------ */

static const tpy_methoddef_t builtin_functions[] = {
    {"print", tpy_builtin_print, 0, "Print the values to a stream, or to sys.stdout."},
    {"input", builtin_input, 0, "Read a line from sys.stdin, without the newline."},
    {"open", tpy_builtin_open, 0, "Open a text file and return a file object."},
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"sorted", builtin_sorted, 0, "Return a new sorted list of the items of an iterable."},
    {"min", builtin_min, 0, "Return the smallest item."},
    {"max", builtin_max, 0, "Return the largest item."},
    {"sum", builtin_sum, 0, "Return start plus the sum of the items."},
    {"any", builtin_any, 0, "True if any item is true."},
    {"all", builtin_all, 0, "True if every item is true."},
    {"abs", builtin_abs, 0, "Return the absolute value."},
    {"round", builtin_round, 0, "Round a number to ndigits decimal digits."},
    {"divmod", builtin_divmod, 0, "Return (x // y, x % y)."},
    {"pow", builtin_pow, 0, "base ** exp, or base ** exp % mod computed efficiently."},
    {"hash", builtin_hash, 0, "Return the hash value of an object."},
    {"id", builtin_id, 0, "Return the identity of an object."},
    {"repr", builtin_repr, 0, "Return the canonical string representation of an object."},
    {"ascii", builtin_ascii, 0, "repr() with non-ASCII characters escaped."},
    {"isinstance", builtin_isinstance, 0, "Is the object an instance of the class(es)?"},
    {"issubclass", builtin_issubclass, 0, "Is the class a subclass of the class(es)?"},
    {"callable", builtin_callable, 0, "Can the object be called?"},
    {"getattr", builtin_getattr, 0, "Get a named attribute, with an optional default."},
    {"setattr", builtin_setattr, 0, "Set a named attribute."},
    {"hasattr", builtin_hasattr, 0, "Does the object have the named attribute?"},
    {"delattr", builtin_delattr, 0, "Delete a named attribute."},
    {"iter", builtin_iter, 0, "iter(iterable) or iter(callable, sentinel)."},
    {"next", builtin_next, 0, "Return the next item of an iterator, or the default."},
    {"ord", builtin_ord, 0, "Return the code point of a one-character string."},
    {"chr", builtin_chr, 0, "Return the one-character string of a code point."},
    {"hex", builtin_hex, 0, "Hexadecimal representation of an integer."},
    {"oct", builtin_oct, 0, "Octal representation of an integer."},
    {"bin", builtin_bin, 0, "Binary representation of an integer."},
    {"format", builtin_format, 0, "Format a value with a format spec."},
    {"vars", builtin_vars, 0, "vars() is locals(); vars(obj) is obj.__dict__."},
    {"dir", builtin_dir, 0, "Sorted names of the scope or of an object's attributes."},
    {"globals", builtin_globals, 0, "The dictionary of the current module."},
    {"locals", builtin_locals, 0, "A dictionary of the current local variables."},
    {"exec", builtin_exec, 0, "Not supported by tpy: raises NotImplementedError."},
    {"eval", builtin_eval, 0, "Not supported by tpy: raises NotImplementedError."},
    {"compile", builtin_compile, 0, "Not supported by tpy: raises NotImplementedError."},
    {NULL, NULL, 0, NULL},
};

const tpy_builtin_module_t tpy_builtin_modules[] = {
    {"math", tpy_math_module_create},
    {"time", tpy_time_module_create},
    {"os", tpy_os_module_create},
    {"os.path", tpy_ospath_module_create},
    {"posixpath", tpy_ospath_module_create},
    {"gc", tpy_gc_module_create},
    {"_weakref", tpy_weakref_module_create},
    {NULL, NULL},
};

static int add_type(tpy_object_t *module, const char *name, tpy_type_t *type)
{
    if (type == NULL) {
        return 0; // not linked in (yet)
    }
    return tpy_module_add_object(module, name, TPY_OBJ(type));
}

tpy_object_t *tpy_builtins_module_create(void)
{
    if (tpy_iterobject_init() < 0 || tpy_file_init() < 0) {
        return NULL;
    }
    tpy_object_t *m = tpy_module_new("builtins");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, builtin_functions) < 0) {
        goto error;
    }
    const struct {
        const char *name;
        tpy_type_t *type;
    } types[] = {
        {"object", &tpy_object_type},
        {"type", &tpy_type_type},
        {"int", &tpy_int_type},
        {"bool", &tpy_bool_type},
        {"float", &tpy_float_type},
        {"str", &tpy_str_type},
        {"list", &tpy_list_type},
        {"tuple", &tpy_tuple_type},
        {"dict", &tpy_dict_type},
        {"set", &tpy_set_type},
        {"frozenset", &tpy_frozenset_type},
        {"range", &tpy_range_type},
        {"slice", &tpy_slice_type},
        {"enumerate", &tpy_enumerate_type},
        {"zip", &tpy_zip_type},
        {"map", &tpy_map_type},
        {"filter", &tpy_filter_type},
        {"reversed", &tpy_reversed_type},
        {"staticmethod", &tpy_staticmethod_type},
        {"classmethod", &tpy_classmethod_type},
        {"property", &tpy_property_type},
        {"super", &tpy_super_type},
#define EXC_ENTRY(name, base) {#name, &tpy_exc_##name},
        TPY_EXCEPTION_TYPES(EXC_ENTRY)
#undef EXC_ENTRY
            {"EnvironmentError", &tpy_exc_OSError},
        {"IOError", &tpy_exc_OSError},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (add_type(m, types[i].name, types[i].type) < 0) {
            goto error;
        }
    }
    if (tpy_module_add_object(m, "None", tpy_none) < 0 ||
        tpy_module_add_object(m, "True", tpy_true) < 0 ||
        tpy_module_add_object(m, "False", tpy_false) < 0 ||
        tpy_module_add_object(m, "NotImplemented", tpy_not_implemented) < 0 ||
        tpy_module_add_object(m, "Ellipsis", tpy_ellipsis) < 0 ||
        tpy_module_add_object(m, "__debug__", tpy_true) < 0) {
        goto error;
    }
    if (add_quitter(m, "exit") < 0 || add_quitter(m, "quit") < 0) {
        goto error;
    }
    return m;
error:
    TPY_DECREF(m);
    return NULL;
}
