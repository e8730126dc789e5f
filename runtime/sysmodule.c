/*
 * runtime/sysmodule.c - the sys module.
 *
 * Created once at start-up (the VM stores it in tpy_ts.sys and sys.modules).
 * Its values mirror CPython 3.11 where scripts can see them: sys.version starts
 * with "3.11", version_info is (3, 11, 0, 'final', 0), maxsize is 2**63-1,
 * getrefcount(x) is x's reference count as the callee sees it (the caller's
 * stack slot included, so `a = []; sys.getrefcount(a)` is 2 as in CPython),
 * and sys.stdout / stderr / stdin are file objects over descriptors 1, 2, 0.
 * sys.modules is tpy_ts.modules itself, so imports and scripts share it.
 * getsizeof reports what the object occupies in tpy (its allocations, the GC
 * header included, as CPython counts), which is at most CPython's figure for
 * most values: an int of up to 63 bits is 24 bytes (CPython 28), "abc" 45 (52).
 * getallocatedblocks and _debugmallocstats read the allocator (gc/alloc.c).
 */
#include "runtime/runtime.h"

#include "runtime/fileobject.h"
#include "runtime/longarith.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define TPY_VERSION "3.11.0 (tpy 0.1.0)"

static tpy_object_t *sys_exit(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("exit", nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    tpy_err_set_object(&tpy_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static tpy_object_t *sys_getrefcount(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("sys.getrefcount", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64((int64_t)TPY_REFCNT(args[0]));
}

/* ---- sys.getsizeof: what an object really occupies in tpy ------------------
 * The bytes of the object's allocation(s) as requested from the allocator,
 * counted the way CPython counts: the object itself, the GC header of a
 * container, and the separate blocks it owns outright (a list's item array,
 * a dict's or set's table); not the objects it refers to, nor an instance's
 * __dict__.  Each formula mirrors the size the type's tp_dealloc frees. */

// An int is what int.__sizeof__ reports: 24 bytes in the small form, plus 4
// per 32-bit digit in the big form (intobject.c).
static size_t int_size(tpy_object_t *op)
{
    return tpy_int_sizeof(op);
}

static size_t true_size(tpy_object_t *op)
{
    tpy_type_t *t = TPY_TYPE(op);
    size_t size;
    if (TPY_STR_CHECK(op)) {
        // An exact str ends at its text; a subclass's text follows its fields.
        size = (TPY_STR_CHECK_EXACT(op) ? offsetof(tpy_str_t, data) : t->tp_basicsize) +
               (size_t)TPY_STR_LEN(op) + 1;
    } else if (TPY_INT_CHECK(op)) {
        size = int_size(op);
    } else if (TPY_TUPLE_CHECK(op)) {
        size = t->tp_basicsize + (size_t)TPY_TUPLE_SIZE(op) * sizeof(tpy_object_t *);
    } else if (TPY_LIST_CHECK(op)) {
        intptr_t allocated = ((tpy_list_t *)op)->allocated;
        size = t->tp_basicsize + (size_t)(allocated > 0 ? allocated : 0) * sizeof(tpy_object_t *);
    } else if (TPY_DICT_CHECK(op)) {
        size = tpy_dict_sizeof(op);
    } else if (TPY_ANYSET_CHECK(op)) {
        tpy_set_t *so = (tpy_set_t *)op;
        size = t->tp_basicsize;
        if (so->table != so->smalltable) {
            size += (size_t)(so->mask + 1) * sizeof(tpy_setentry_t);
        }
    } else if (TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_TYPE_SUBCLASS) &&
               TPY_TYPE_HAS_FLAG((tpy_type_t *)op, TPY_TPFLAGS_HEAPTYPE)) {
        size = sizeof(tpy_heaptype_t); // a class owns its operator tables
    } else if (t->tp_itemsize != 0) {
        intptr_t n = ((tpy_varobject_t *)op)->size;
        size = t->tp_basicsize + t->tp_itemsize * (size_t)(n < 0 ? -n : n);
    } else {
        size = t->tp_basicsize;
    }
    if (TPY_OBJECT_IS_GC(op)) {
        size += tpy_gc_head_size();
    }
    return size;
}

// The __sizeof__ a class statement defined for [op]'s type, if any (borrowed);
// the built-in types' own ones report CPython's figures, not tpy's.
static tpy_object_t *user_sizeof_borrow(tpy_object_t *op)
{
    tpy_object_t *mro = TPY_TYPE(op)->tp_mro;
    if (mro == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(mro); i++) {
        tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_ITEMS(mro)[i];
        tpy_object_t *f = t->tp_dict ? tpy_dict_get_cstr_borrow(t->tp_dict, "__sizeof__") : NULL;
        if (f != NULL) {
            return TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_HEAPTYPE) ? f : NULL;
        }
    }
    return NULL;
}

static tpy_object_t *sys_getsizeof(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"object", "default", NULL};
    tpy_object_t *a[2];
    if (tpy_arg_parse("getsizeof", args, nargs, kwnames, names, 0, 1, a) < 0) {
        return NULL;
    }
    tpy_object_t *op = a[0];
    if (user_sizeof_borrow(op) == NULL) {
        return tpy_int_from_u64(true_size(op));
    }
    // A class that defines __sizeof__ is believed, plus its GC header (CPython).
    tpy_object_t *r = tpy_object_call_method(op, "__sizeof__", NULL, 0);
    if (r == NULL) {
        if (a[1] != NULL && tpy_err_matches(&tpy_exc_TypeError)) {
            tpy_err_clear();
            return tpy_newref(a[1]);
        }
        return NULL;
    }
    tpy_object_t *index = tpy_number_index(r);
    TPY_DECREF(r);
    if (index == NULL) {
        return NULL;
    }
    int64_t v = tpy_int_as_i64(index);
    TPY_DECREF(index);
    if (v == -1 && tpy_err_occurred()) {
        return NULL;
    }
    if (v < 0) {
        return tpy_err_format(&tpy_exc_ValueError, "__sizeof__() should return >= 0");
    }
    size_t size = (size_t)v;
    if (TPY_OBJECT_IS_GC(op)) {
        size += tpy_gc_head_size();
    }
    return tpy_int_from_u64(size);
}

// sys.getallocatedblocks(): blocks live in tpy's allocator, small and large.
static tpy_object_t *sys_getallocatedblocks(tpy_object_t *self, tpy_object_t *const *args,
                                            size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys.getallocatedblocks", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64((int64_t)tpy_mem_stats().blocks);
}

// sys._debugmallocstats(): the allocator's table on the C stderr (CPython's
// goes there too, bypassing sys.stderr).
static tpy_object_t *sys_debugmallocstats(tpy_object_t *self, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys._debugmallocstats", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_file_flush_std(); // what the script printed so far comes first
    tpy_mem_dump_stats();
    fflush(stderr);
    TPY_RETURN_NONE;
}

static tpy_object_t *sys_intern(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("sys.intern", nargs, kwnames) < 0) {
        return NULL;
    }
    if (!TPY_STR_CHECK_EXACT(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "intern() argument must be str, not %T",
                              args[0]);
    }
    tpy_object_t *s = tpy_newref(args[0]);
    tpy_str_intern_inplace(&s);
    return s;
}

static tpy_object_t *sys_getrecursionlimit(tpy_object_t *self, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys.getrecursionlimit", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_small(tpy_ts.recursion_limit);
}

static tpy_object_t *sys_setrecursionlimit(tpy_object_t *self, tpy_object_t *const *args,
                                           size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_check_one_arg("sys.setrecursionlimit", nargs, kwnames) < 0) {
        return NULL;
    }
    if (TPY_FLOAT_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "'float' object cannot be interpreted as an integer");
    }
    tpy_object_t *index = tpy_number_index(args[0]);
    if (index == NULL) {
        return NULL;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(index, &overflow);
    TPY_DECREF(index);
    if (overflow || v > INT_MAX || v < INT_MIN) {
        return tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C int");
    }
    if (v < 1) {
        return tpy_err_format(&tpy_exc_ValueError,
                              "recursion limit must be greater or equal than 1");
    }
    if (v <= tpy_ts.depth) {
        return tpy_err_format(&tpy_exc_RecursionError,
                              "cannot set the recursion limit to %d at the recursion depth %d: "
                              "the limit is too low",
                              (int)v, tpy_ts.depth);
    }
    tpy_ts.recursion_limit = (int)v;
    TPY_RETURN_NONE;
}

static tpy_object_t *sys_getdefaultencoding(tpy_object_t *self, tpy_object_t *const *args,
                                            size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys.getdefaultencoding", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_str_from_cstr("utf-8");
}

static tpy_object_t *sys_exc_info(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys.exc_info", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *exc = tpy_ts.handled;
    if (exc == NULL || exc == tpy_none) {
        return tpy_tuple_pack(3, tpy_none, tpy_none, tpy_none);
    }
    tpy_object_t *tb = ((tpy_exception_t *)exc)->traceback;
    return tpy_tuple_pack(3, TPY_OBJ(TPY_TYPE(exc)), exc, tb ? tb : tpy_none);
}

static tpy_object_t *sys_exception(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys.exception", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_newref(tpy_ts.handled ? tpy_ts.handled : tpy_none);
}

static tpy_object_t *sys_get_int_max_str_digits(tpy_object_t *self, tpy_object_t *const *args,
                                                size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("sys.get_int_max_str_digits", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_small(tpy_int_get_max_str_digits());
}

static tpy_object_t *sys_set_int_max_str_digits(tpy_object_t *self, tpy_object_t *const *args,
                                                size_t nargs, tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"maxdigits", NULL};
    tpy_object_t *a;
    if (tpy_arg_parse("set_int_max_str_digits", args, nargs, kwnames, names, 0, 1, &a) < 0) {
        return NULL;
    }
    tpy_object_t *index = tpy_number_index(a);
    if (index == NULL) {
        return NULL;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(index, &overflow);
    TPY_DECREF(index);
    if (overflow || v > INT_MAX || v < INT_MIN) {
        return tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C int");
    }
    if (tpy_int_set_max_str_digits(v) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static const tpy_methoddef_t sys_functions[] = {
    {"exit", sys_exit, 0, "Raise SystemExit(status)."},
    {"getrefcount", sys_getrefcount, 0, "The reference count of an object."},
    {"getsizeof", sys_getsizeof, 0, "The size of an object in bytes."},
    {"getallocatedblocks", sys_getallocatedblocks, 0, "The number of memory blocks in use."},
    {"_debugmallocstats", sys_debugmallocstats, 0, "Print the allocator's state to stderr."},
    {"intern", sys_intern, 0, "Return the canonical interned copy of a string."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "The maximum depth of Python calls."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of Python calls."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, "Always 'utf-8'."},
    {"exc_info", sys_exc_info, 0, "(type, value, traceback) of the exception being handled."},
    {"exception", sys_exception, 0, "The exception being handled, or None."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* A list of str from C strings (invalid UTF-8 is replaced by '?'). */
static tpy_object_t *argv_list(int argc, char **argv)
{
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < argc; i++) {
        tpy_object_t *s = tpy_str_decode_utf8(argv[i], strlen(argv[i]));
        if (s == NULL) {
            tpy_err_clear();
            s = tpy_str_from_cstr("?");
        }
        if (s == NULL || tpy_list_append_steal(list, s) < 0) {
            TPY_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* sys.builtin_module_names: sys and the table's top-level names, sorted. */
static tpy_object_t *builtin_module_names(void)
{
    tpy_object_t *names = tpy_list_new(0);
    tpy_object_t *s = names ? tpy_str_from_cstr("sys") : NULL;
    if (s == NULL || tpy_list_append_steal(names, s) < 0) {
        TPY_XDECREF(names);
        return NULL;
    }
    for (size_t i = 0; tpy_builtin_modules[i].name != NULL; i++) {
        if (strchr(tpy_builtin_modules[i].name, '.') != NULL) {
            continue; // "os.path" is an alias, not a module of its own
        }
        s = tpy_str_from_cstr(tpy_builtin_modules[i].name);
        if (s == NULL || tpy_list_append_steal(names, s) < 0) {
            TPY_DECREF(names);
            return NULL;
        }
    }
    tpy_object_t *t = NULL;
    if (tpy_list_sort(names, NULL, false) == 0) {
        t = tpy_list_as_tuple(names);
    }
    TPY_DECREF(names);
    return t;
}

/* (3, 11, 0, 'final', 0) */
static tpy_object_t *version_info(void)
{
    tpy_object_t *final = tpy_str_from_cstr("final");
    if (final == NULL) {
        return NULL;
    }
    tpy_object_t *t = tpy_tuple_pack(5, TPY_OBJ(&tpy_smallints[3 - TPY_SMALLINT_MIN]),
                                     TPY_OBJ(&tpy_smallints[11 - TPY_SMALLINT_MIN]),
                                     TPY_OBJ(&tpy_smallints[0 - TPY_SMALLINT_MIN]), final,
                                     TPY_OBJ(&tpy_smallints[0 - TPY_SMALLINT_MIN]));
    TPY_DECREF(final);
    return t;
}

/* Add [value] (stolen; NULL means an error already set) as sys.<name>. */
static int add_steal(tpy_object_t *m, const char *name, tpy_object_t *value)
{
    if (value == NULL) {
        return -1;
    }
    int r = tpy_module_add_object(m, name, value);
    TPY_DECREF(value);
    return r;
}

static int add_std_stream(tpy_object_t *m, int fd, const char *name, const char *dunder)
{
    tpy_object_t *f = tpy_file_std_new(fd);
    if (f == NULL) {
        return -1;
    }
    int r = tpy_module_add_object(m, name, f) < 0 || tpy_module_add_object(m, dunder, f) < 0;
    TPY_DECREF(f);
    return r ? -1 : 0;
}

tpy_object_t *tpy_sys_module_create(int argc, char **argv)
{
    if (tpy_file_init() < 0) {
        return NULL;
    }
    tpy_object_t *m = tpy_module_new("sys");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, sys_functions) < 0) {
        goto error;
    }
    if (tpy_ts.modules == NULL && (tpy_ts.modules = tpy_dict_new()) == NULL) {
        goto error;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    tpy_object_t *argvlist = tpy_ts.argv ? tpy_newref(tpy_ts.argv) : argv_list(argc, argv);
    tpy_object_t *path0 = tpy_ts.main_dir ? tpy_newref(tpy_ts.main_dir) : tpy_str_from_cstr("");
    tpy_object_t *path = path0 ? tpy_list_new(0) : NULL;
    if (path != NULL && tpy_list_append(path, path0) < 0) {
        TPY_CLEAR(path);
    }
    TPY_XDECREF(path0);
    if (add_steal(m, "argv", argvlist) < 0 || add_steal(m, "path", path) < 0 ||
        tpy_module_add_object(m, "modules", tpy_ts.modules) < 0 ||
        add_steal(m, "version", tpy_str_from_cstr(TPY_VERSION)) < 0 ||
        add_steal(m, "version_info", version_info()) < 0 ||
        add_steal(m, "hexversion", tpy_int_from_i64(0x030B00F0)) < 0 ||
        add_steal(m, "maxsize", tpy_int_from_i64(INT64_MAX)) < 0 ||
        add_steal(m, "maxunicode", tpy_int_from_i64(0x10FFFF)) < 0 ||
        add_steal(m, "platform", tpy_str_from_cstr("linux")) < 0 ||
        add_steal(m, "byteorder", tpy_str_from_cstr("little")) < 0 ||
        add_steal(m, "executable", tpy_str_from_cstr(exe)) < 0 ||
        add_steal(m, "builtin_module_names", builtin_module_names()) < 0 ||
        add_std_stream(m, 0, "stdin", "__stdin__") < 0 ||
        add_std_stream(m, 1, "stdout", "__stdout__") < 0 ||
        add_std_stream(m, 2, "stderr", "__stderr__") < 0) {
        goto error;
    }
    return m;
error:
    TPY_DECREF(m);
    return NULL;
}

int tpy_sys_write_stdout(tpy_object_t *s)
{
    tpy_object_t *out = NULL;
    if (tpy_ts.sys != NULL) {
        out = tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(tpy_ts.sys), "stdout");
    }
    if (out == NULL || out == tpy_none) {
        return 0;
    }
    if (TPY_FILE_CHECK(out)) {
        return tpy_file_write_str(out, s);
    }
    TPY_INCREF(out);
    tpy_object_t *r = tpy_object_call_method(out, "write", &s, 1);
    TPY_DECREF(out);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

void tpy_sys_flush_std(void)
{
    tpy_file_flush_std();
}
