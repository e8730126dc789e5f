/*
 * runtime/osmodule.c - the os module and os.path (a module named
 * "posixpath", as in CPython on Linux).
 *
 * os.environ is an os._Environ mapping over a dict snapshot of the
 * environment taken when os is first imported; like CPython's it takes only
 * str keys and values ("str expected, not int") and passes every change on
 * to the process environment (setenv / unsetenv); os.getenv reads it.  Failing
 * system calls raise the OSError subclass of their errno with CPython's
 * message, "[Errno 2] No such file or directory: 'x'".  The path functions
 * are pure string manipulation with POSIX rules ("/" is the only separator),
 * the same algorithms as CPython's posixpath; '/' and '.' are ASCII, so they
 * work on the UTF-8 bytes directly.
 */
#include "runtime/runtime.h"

#include "runtime/fileobject.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

/* ---- helpers ----------------------------------------------------------------------- */

/* A path argument of a posixpath function: "expected str, bytes or os.PathLike
 * object, not int". */
static int check_path_str(tpy_object_t *op)
{
    if (!TPY_STR_CHECK(op)) {
        tpy_err_format(&tpy_exc_TypeError, "expected str, bytes or os.PathLike object, not %T",
                       op);
        return -1;
    }
    return 0;
}

/* A path argument of a system call: "remove: path should be string, bytes or
 * os.PathLike, not int"; also rejects embedded NULs. */
static int check_syscall_path(const char *fname, tpy_object_t *op)
{
    if (!TPY_STR_CHECK(op)) {
        tpy_err_format(&tpy_exc_TypeError,
                       "%s: path should be string, bytes or os.PathLike, not %T", fname, op);
        return -1;
    }
    if (strlen(TPY_STR_DATA(op)) != (size_t)TPY_STR_LEN(op)) {
        tpy_err_format(&tpy_exc_ValueError, "%s: embedded null character in path", fname);
        return -1;
    }
    return 0;
}

/* One positional path argument. */
static tpy_object_t *path_arg(const char *fname, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw(fname, kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                       nargs);
        return NULL;
    }
    return check_path_str(args[0]) < 0 ? NULL : args[0];
}

static tpy_object_t *substr(tpy_object_t *s, size_t from, size_t to)
{
    return tpy_str_from_utf8(TPY_STR_DATA(s) + from, to - from);
}

/* Index just past the last '/' of [s] (0 when there is none). */
static size_t after_last_slash(tpy_object_t *s)
{
    const char *d = TPY_STR_DATA(s);
    size_t i = (size_t)TPY_STR_LEN(s);
    while (i > 0 && d[i - 1] != '/') {
        i--;
    }
    return i;
}

/* ---- os ------------------------------------------------------------------------------ */

static tpy_object_t *os_getpid(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("posix.getpid", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64((int64_t)getpid());
}

static tpy_object_t *os_getppid(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("posix.getppid", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64((int64_t)getppid());
}

static tpy_object_t *cwd_str(void)
{
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL) {
        return tpy_file_err_errno(errno, NULL);
    }
    return tpy_str_decode_utf8(buf, strlen(buf));
}

static tpy_object_t *os_getcwd(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("posix.getcwd", nargs, kwnames) < 0) {
        return NULL;
    }
    return cwd_str();
}

static tpy_object_t *os_getenv(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"key", "default", NULL};
    tpy_object_t *a[2];
    if (nargs == 0 && tpy_kwcount(kwnames) == 0) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "getenv() missing 1 required positional argument: 'key'");
    }
    if (tpy_arg_parse("getenv", args, nargs, kwnames, names, 0, 1, a) < 0) {
        return NULL;
    }
    if (!TPY_STR_CHECK(a[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "str expected, not %T", a[0]);
    }
    // CPython's getenv is os.environ.get(key, default): it sees changes made
    // to os.environ
    tpy_object_t *os = tpy_ts.modules ? tpy_dict_get_cstr_borrow(tpy_ts.modules, "os") : NULL;
    tpy_object_t *env = os != NULL && TPY_MODULE_CHECK(os)
                            ? tpy_dict_get_cstr_borrow(TPY_MODULE_DICT(os), "environ")
                            : NULL;
    if (env != NULL) {
        tpy_object_t *get = tpy_object_getattr_cstr(env, "get");
        if (get == NULL) {
            return NULL;
        }
        tpy_object_t *gargs[2] = {a[0], a[1] ? a[1] : tpy_none};
        tpy_object_t *r = tpy_object_call(get, gargs, 2, NULL);
        TPY_DECREF(get);
        return r;
    }
    const char *v = getenv(TPY_STR_DATA(a[0]));
    if (v == NULL) {
        return tpy_newref(a[1] ? a[1] : tpy_none);
    }
    return tpy_str_decode_utf8(v, strlen(v));
}

static tpy_object_t *os_listdir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"path", NULL};
    tpy_object_t *path;
    if (tpy_arg_parse("listdir", args, nargs, kwnames, names, 0, 0, &path) < 0) {
        return NULL;
    }
    if (path == NULL || path == tpy_none) {
        path = NULL;
    } else if (!TPY_STR_CHECK(path)) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "listdir: path should be string, bytes, os.PathLike, integer or "
                              "None, not %T",
                              path);
    }
    DIR *dir = opendir(path ? TPY_STR_DATA(path) : ".");
    if (dir == NULL) {
        return tpy_file_err_errno(errno, path);
    }
    tpy_object_t *list = tpy_list_new(0);
    struct dirent *e;
    while (list != NULL && (e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        tpy_object_t *s = tpy_str_decode_utf8(e->d_name, strlen(e->d_name));
        if (s == NULL || tpy_list_append_steal(list, s) < 0) {
            TPY_CLEAR(list);
        }
    }
    closedir(dir);
    return list;
}

/* A system call on one path: remove, unlink, rmdir, chdir. */
static tpy_object_t *path_syscall(const char *fname, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames, int (*call)(const char *))
{
    if (tpy_arg_count(fname, nargs, kwnames, 1, 1) < 0 || check_syscall_path(fname, args[0]) < 0) {
        return NULL;
    }
    if (call(TPY_STR_DATA(args[0])) < 0) {
        return tpy_file_err_errno(errno, args[0]);
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *os_remove(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    return path_syscall("remove", args, nargs, kwnames, unlink);
}

static tpy_object_t *os_unlink(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    return path_syscall("unlink", args, nargs, kwnames, unlink);
}

static tpy_object_t *os_rmdir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    return path_syscall("rmdir", args, nargs, kwnames, rmdir);
}

static tpy_object_t *os_chdir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    return path_syscall("chdir", args, nargs, kwnames, chdir);
}

static tpy_object_t *os_mkdir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"path", "mode", NULL};
    tpy_object_t *a[2];
    if (tpy_arg_parse("mkdir", args, nargs, kwnames, names, 0, 1, a) < 0 ||
        check_syscall_path("mkdir", a[0]) < 0) {
        return NULL;
    }
    int64_t mode = 0777;
    if (a[1] != NULL) {
        if (!TPY_INT_CHECK(a[1])) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "'%T' object cannot be interpreted as an integer", a[1]);
        }
        mode = tpy_int_as_i64(a[1]);
        if (mode == -1 && tpy_err_occurred()) {
            return NULL;
        }
    }
    if (mkdir(TPY_STR_DATA(a[0]), (mode_t)mode) < 0) {
        return tpy_file_err_errno(errno, a[0]);
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *os_rename(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("rename", nargs, kwnames, 2, 2) < 0 ||
        check_syscall_path("rename", args[0]) < 0 || check_syscall_path("rename", args[1]) < 0) {
        return NULL;
    }
    if (rename(TPY_STR_DATA(args[0]), TPY_STR_DATA(args[1])) < 0) {
        // CPython names both paths: "[Errno 2] No such file or directory: 'a' -> 'b'"
        int err = errno;
        return tpy_err_format(tpy_exc_oserror_type(err),
                              "[Errno %d] %s: %R -> %R", err, strerror(err), args[0], args[1]);
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *os_cpu_count(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_check_no_args("cpu_count", nargs, kwnames) < 0) {
        return NULL;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        TPY_RETURN_NONE;
    }
    return tpy_int_from_i64(n);
}

/* ---- os.path -------------------------------------------------------------------------- */

static tpy_object_t *path_join(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("join", kwnames) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "join() missing 1 required positional argument: 'a'");
    }
    if (check_path_str(args[0]) < 0) {
        return NULL;
    }
    for (size_t i = 1; i < nargs; i++) {
        if (!TPY_STR_CHECK(args[i])) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "join() argument must be str, bytes, or os.PathLike object, "
                                  "not '%T'",
                                  args[i]);
        }
    }
    // Start from the last absolute component.
    size_t first = 0;
    for (size_t i = 1; i < nargs; i++) {
        if (TPY_STR_DATA(args[i])[0] == '/') {
            first = i;
        }
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    for (size_t i = first; i < nargs; i++) {
        if (i > first && b.len > 0 && b.data[b.len - 1] != '/') {
            tpy_strbuf_append_char(&b, '/');
        }
        tpy_strbuf_append_str(&b, args[i]);
    }
    return tpy_strbuf_finish(&b);
}

/* (head, tail): everything up to the last '/' (trailing slashes stripped unless
 * it is all slashes) and what follows it. */
static tpy_object_t *split_parts(tpy_object_t *p, bool want_head, bool want_tail)
{
    size_t i = after_last_slash(p);
    tpy_object_t *head = NULL, *tail = NULL;
    if (want_head) {
        size_t h = i;
        const char *d = TPY_STR_DATA(p);
        size_t k = h;
        while (k > 0 && d[k - 1] == '/') {
            k--;
        }
        if (k > 0) {
            h = k; // not all slashes: strip the trailing ones
        }
        head = substr(p, 0, h);
        if (head == NULL) {
            return NULL;
        }
        if (!want_tail) {
            return head;
        }
    }
    tail = substr(p, i, (size_t)TPY_STR_LEN(p));
    if (!want_head || tail == NULL) {
        TPY_XDECREF(head);
        return tail;
    }
    tpy_object_t *pair[2] = {head, tail};
    return tpy_tuple_from_array_steal(pair, 2);
}

static tpy_object_t *path_split(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("split", args, nargs, kwnames);
    return p ? split_parts(p, true, true) : NULL;
}

static tpy_object_t *path_basename(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("basename", args, nargs, kwnames);
    return p ? split_parts(p, false, true) : NULL;
}

static tpy_object_t *path_dirname(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("dirname", args, nargs, kwnames);
    return p ? split_parts(p, true, false) : NULL;
}

static tpy_object_t *path_splitext(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("splitext", args, nargs, kwnames);
    if (p == NULL) {
        return NULL;
    }
    const char *d = TPY_STR_DATA(p);
    size_t len = (size_t)TPY_STR_LEN(p), start = after_last_slash(p), cut = len;
    const char *dot = strrchr(d + start, '.');
    if (dot != NULL) {
        // The extension starts at the last dot, unless the name is all dots before it.
        for (const char *q = d + start; q < dot; q++) {
            if (*q != '.') {
                cut = (size_t)(dot - d);
                break;
            }
        }
    }
    tpy_object_t *pair[2] = {substr(p, 0, cut), substr(p, cut, len)};
    if (pair[0] == NULL || pair[1] == NULL) {
        TPY_XDECREF(pair[0]);
        TPY_XDECREF(pair[1]);
        return NULL;
    }
    return tpy_tuple_from_array_steal(pair, 2);
}

static tpy_object_t *path_isabs(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("isabs", args, nargs, kwnames);
    if (p == NULL) {
        return NULL;
    }
    TPY_RETURN_BOOL(TPY_STR_DATA(p)[0] == '/');
}

/* posixpath.normpath: collapse "//", "." and "a/.." without touching the disk. */
static tpy_object_t *normpath_of(tpy_object_t *p)
{
    const char *d = TPY_STR_DATA(p);
    size_t len = (size_t)TPY_STR_LEN(p);
    if (len == 0) {
        return tpy_str_from_cstr(".");
    }
    int initial = 0;
    if (d[0] == '/') {
        initial = (len >= 2 && d[1] == '/' && (len == 2 || d[2] != '/')) ? 2 : 1;
    }
    // Components as (offset, length) pairs; at most len/2 + 1 of them.
    size_t maxc = len / 2 + 1, n = 0;
    size_t *comp = tpy_mem_alloc(maxc * 2 * sizeof(size_t));
    if (comp == NULL) {
        return tpy_err_no_memory();
    }
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && d[j] != '/') {
            j++;
        }
        size_t clen = j - i;
        bool dotdot = clen == 2 && d[i] == '.' && d[i + 1] == '.';
        if (clen == 0 || (clen == 1 && d[i] == '.')) {
            // skip
        } else if (!dotdot || (initial == 0 && n == 0) ||
                   (n > 0 && comp[2 * (n - 1) + 1] == 2 && d[comp[2 * (n - 1)]] == '.' &&
                    d[comp[2 * (n - 1)] + 1] == '.')) {
            comp[2 * n] = i;
            comp[2 * n + 1] = clen;
            n++;
        } else if (n > 0) {
            n--;
        }
        i = j + 1;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    for (int k = 0; k < initial; k++) {
        tpy_strbuf_append_char(&b, '/');
    }
    for (size_t k = 0; k < n; k++) {
        if (k > 0) {
            tpy_strbuf_append_char(&b, '/');
        }
        tpy_strbuf_append(&b, d + comp[2 * k], comp[2 * k + 1]);
    }
    if (b.len == 0) {
        tpy_strbuf_append_char(&b, '.');
    }
    tpy_mem_free(comp, maxc * 2 * sizeof(size_t));
    return tpy_strbuf_finish(&b);
}

static tpy_object_t *path_normpath(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("normpath", args, nargs, kwnames);
    return p ? normpath_of(p) : NULL;
}

static tpy_object_t *path_abspath(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    tpy_object_t *p = path_arg("abspath", args, nargs, kwnames);
    if (p == NULL) {
        return NULL;
    }
    if (TPY_STR_DATA(p)[0] == '/') {
        return normpath_of(p);
    }
    tpy_object_t *cwd = cwd_str();
    if (cwd == NULL) {
        return NULL;
    }
    tpy_object_t *parts[2] = {cwd, p};
    tpy_object_t *joined = path_join(NULL, parts, 2, NULL);
    TPY_DECREF(cwd);
    if (joined == NULL) {
        return NULL;
    }
    tpy_object_t *r = normpath_of(joined);
    TPY_DECREF(joined);
    return r;
}

/* stat() of a path argument: 1 found (st filled), 0 missing or unusable. */
static int stat_path(const char *fname, tpy_object_t *const *args, size_t nargs,
                     tpy_object_t *kwnames, struct stat *st)
{
    if (tpy_arg_count(fname, nargs, kwnames, 1, 1) < 0) {
        return -1;
    }
    tpy_object_t *p = args[0];
    if (TPY_INT_CHECK(p)) {
        int64_t fd = tpy_int_as_i64(p);
        if (fd == -1 && tpy_err_occurred()) {
            tpy_err_clear();
            return 0;
        }
        return fd >= 0 && fd <= INT_MAX && fstat((int)fd, st) == 0;
    }
    if (!TPY_STR_CHECK(p)) {
        tpy_err_format(&tpy_exc_TypeError,
                       "stat: path should be string, bytes, os.PathLike or integer, not %T", p);
        return -1;
    }
    if (strlen(TPY_STR_DATA(p)) != (size_t)TPY_STR_LEN(p)) {
        return 0;
    }
    return stat(TPY_STR_DATA(p), st) == 0;
}

static tpy_object_t *path_exists(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    struct stat st;
    int r = stat_path("exists", args, nargs, kwnames, &st);
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(r);
}

static tpy_object_t *path_isfile(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)self;
    struct stat st;
    int r = stat_path("isfile", args, nargs, kwnames, &st);
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(r && S_ISREG(st.st_mode));
}

static tpy_object_t *path_isdir(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    struct stat st;
    int r = stat_path("isdir", args, nargs, kwnames, &st);
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(r && S_ISDIR(st.st_mode));
}

static tpy_object_t *path_getsize(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_count("getsize", nargs, kwnames, 1, 1) < 0 ||
        check_syscall_path("stat", args[0]) < 0) {
        return NULL;
    }
    struct stat st;
    if (stat(TPY_STR_DATA(args[0]), &st) < 0) {
        return tpy_file_err_errno(errno, args[0]);
    }
    return tpy_int_from_i64((int64_t)st.st_size);
}

static const tpy_methoddef_t path_functions[] = {
    {"join", path_join, 0, "Join path components with '/'."},
    {"split", path_split, 0, "(head, tail) around the last '/'."},
    {"basename", path_basename, 0, "The part after the last '/'."},
    {"dirname", path_dirname, 0, "The part before the last '/'."},
    {"splitext", path_splitext, 0, "(root, ext) around the extension's dot."},
    {"isabs", path_isabs, 0, NULL},
    {"normpath", path_normpath, 0, NULL},
    {"abspath", path_abspath, 0, NULL},
    {"exists", path_exists, 0, "Does the path name an existing file or directory?"},
    {"isfile", path_isfile, 0, NULL},
    {"isdir", path_isdir, 0, NULL},
    {"getsize", path_getsize, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const tpy_methoddef_t os_functions[] = {
    {"getpid", os_getpid, 0, "The id of this process."},
    {"getppid", os_getppid, 0, NULL},
    {"getcwd", os_getcwd, 0, "The current working directory."},
    {"getenv", os_getenv, 0, "An environment variable, or the default."},
    {"listdir", os_listdir, 0, "Names of the entries of a directory."},
    {"remove", os_remove, 0, "Remove a file."},
    {"unlink", os_unlink, 0, "Remove a file."},
    {"mkdir", os_mkdir, 0, NULL},
    {"rmdir", os_rmdir, 0, NULL},
    {"rename", os_rename, 0, NULL},
    {"chdir", os_chdir, 0, NULL},
    {"cpu_count", os_cpu_count, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_str(tpy_object_t *m, const char *name, const char *value)
{
    tpy_object_t *s = tpy_str_from_cstr(value);
    if (s == NULL) {
        return -1;
    }
    int r = tpy_module_add_object(m, name, s);
    TPY_DECREF(s);
    return r;
}

static int add_common_strings(tpy_object_t *m)
{
    return add_str(m, "sep", "/") < 0 || add_str(m, "curdir", ".") < 0 ||
                   add_str(m, "pardir", "..") < 0 || add_str(m, "extsep", ".") < 0 ||
                   add_str(m, "pathsep", ":") < 0
               ? -1
               : 0;
}

static tpy_object_t *posixpath_new(void)
{
    tpy_object_t *m = tpy_module_new("posixpath");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, path_functions) < 0 || add_common_strings(m) < 0) {
        TPY_DECREF(m);
        return NULL;
    }
    return m;
}

/* ---- os.environ: the _Environ mapping ----------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *data; // dict str -> str, kept equal to the process environment
} environ_t;

static tpy_type_t environ_type;

static tpy_object_t *env_data(tpy_object_t *self)
{
    return ((environ_t *)self)->data;
}

static int env_check_str(tpy_object_t *op)
{
    if (!TPY_STR_CHECK(op)) {
        tpy_err_format(&tpy_exc_TypeError, "str expected, not %T", op);
        return -1;
    }
    return 0;
}

static tpy_object_t *environ_snapshot(void)
{
    tpy_object_t *d = tpy_dict_new();
    for (char **e = environ; d != NULL && e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL) {
            continue;
        }
        tpy_object_t *k = tpy_str_decode_utf8(*e, (size_t)(eq - *e));
        tpy_object_t *v = k ? tpy_str_decode_utf8(eq + 1, strlen(eq + 1)) : NULL;
        if (v == NULL) {
            tpy_err_clear(); // not UTF-8: leave it out
        } else if (tpy_dict_set(d, k, v) < 0) {
            TPY_CLEAR(d);
        }
        TPY_XDECREF(k);
        TPY_XDECREF(v);
    }
    return d;
}

static tpy_object_t *environ_new(void)
{
    tpy_object_t *data = environ_snapshot();
    if (data == NULL) {
        return NULL;
    }
    environ_t *e = (environ_t *)tpy_gc_new(&environ_type, sizeof(environ_t));
    if (e == NULL) {
        TPY_DECREF(data);
        return tpy_err_no_memory();
    }
    e->data = data;
    tpy_gc_track(TPY_OBJ(e));
    return TPY_OBJ(e);
}

static int environ_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    return env_data(self) ? visit(env_data(self), arg) : 0;
}

static int environ_clear_slot(tpy_object_t *self)
{
    TPY_CLEAR(((environ_t *)self)->data);
    return 0;
}

static void environ_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    environ_clear_slot(self);
    tpy_gc_free(self, sizeof(environ_t));
}

static tpy_object_t *environ_getitem(tpy_object_t *self, tpy_object_t *key)
{
    if (env_check_str(key) < 0) {
        return NULL;
    }
    tpy_object_t *v = tpy_dict_get_borrow(env_data(self), key);
    if (v == NULL) {
        return tpy_err_occurred() ? NULL : tpy_err_key(key);
    }
    return tpy_newref(v);
}

/* Set ([value] non-NULL) or delete [key] in the mapping and the process. */
static int environ_setitem(tpy_object_t *self, tpy_object_t *key, tpy_object_t *value)
{
    if (env_check_str(key) < 0 || (value != NULL && env_check_str(value) < 0)) {
        return -1;
    }
    const char *k = TPY_STR_DATA(key);
    if (value == NULL) {
        int has = tpy_dict_contains(env_data(self), key);
        if (has <= 0) {
            if (has == 0) {
                tpy_err_key(key);
            }
            return -1;
        }
        unsetenv(k);
        return tpy_dict_del(env_data(self), key);
    }
    const char *v = TPY_STR_DATA(value);
    if (strlen(k) != (size_t)TPY_STR_LEN(key) || strlen(v) != (size_t)TPY_STR_LEN(value)) {
        tpy_err_set_str(&tpy_exc_ValueError, "embedded null byte");
        return -1;
    }
    if (strchr(k, '=') != NULL) {
        tpy_err_set_str(&tpy_exc_ValueError, "illegal environment variable name");
        return -1;
    }
    if (setenv(k, v, 1) < 0) {
        tpy_file_err_errno(errno, NULL);
        return -1;
    }
    return tpy_dict_set(env_data(self), key, value);
}

static intptr_t environ_len(tpy_object_t *self)
{
    return tpy_object_len(env_data(self));
}

static int environ_contains(tpy_object_t *self, tpy_object_t *key)
{
    if (env_check_str(key) < 0) {
        return -1;
    }
    return tpy_dict_contains(env_data(self), key);
}

// iterates over a snapshot of the keys: the loop body may change os.environ
static tpy_object_t *environ_iter(tpy_object_t *self)
{
    tpy_object_t *keys = tpy_dict_keys_list(env_data(self));
    if (keys == NULL) {
        return NULL;
    }
    tpy_object_t *it = tpy_object_getiter(keys);
    TPY_DECREF(keys);
    return it;
}

static tpy_object_t *environ_repr(tpy_object_t *self)
{
    return tpy_str_from_format("environ(%R)", env_data(self));
}

// The dict behind a mapping operand (os.environ or a dict), or NULL.
static tpy_object_t *as_dict_borrow(tpy_object_t *op)
{
    if (TPY_TYPE(op) == &environ_type) {
        return env_data(op);
    }
    return TPY_DICT_CHECK(op) ? op : NULL;
}

static tpy_object_t *environ_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_object_t *other = as_dict_borrow(b);
    if ((op != TPY_CMP_EQ && op != TPY_CMP_NE) || other == NULL) {
        TPY_RETURN_NOTIMPL;
    }
    return tpy_object_richcompare(env_data(a), other, op);
}

/* environ | mapping and mapping | environ: a new dict. */
static tpy_object_t *environ_or(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *da = as_dict_borrow(a), *db = as_dict_borrow(b);
    if (da == NULL || db == NULL) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_object_t *r = tpy_dict_copy(da);
    if (r != NULL && tpy_dict_update(r, db) < 0) {
        TPY_CLEAR(r);
    }
    return r;
}

static int environ_update_from(tpy_object_t *self, tpy_object_t *src)
{
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    while (tpy_dict_next(src, &pos, &k, &v)) {
        if (environ_setitem(self, k, v) < 0) {
            return -1;
        }
    }
    return 0;
}

// update(other=(), /, **kw): a mapping or (key, value) pairs, then keywords
static tpy_object_t *environ_update(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    if (nargs > 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "MutableMapping.update() takes from 1 to 2 positional arguments "
                              "but %zu were given", nargs + 1);
    }
    // dict(other, **kw) does the parsing of both forms, in order
    tpy_object_t *src = tpy_object_call(TPY_OBJ(&tpy_dict_type), args, nargs, kwnames);
    if (src == NULL) {
        return NULL;
    }
    int r = environ_update_from(self, src);
    TPY_DECREF(src);
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *environ_ior(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *db = as_dict_borrow(b);
    if (db == NULL) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_object_t *copy = tpy_dict_copy(db); // b may be a itself
    if (copy == NULL) {
        return NULL;
    }
    int r = environ_update_from(a, copy);
    TPY_DECREF(copy);
    return r < 0 ? NULL : tpy_newref(a);
}

static tpy_object_t *environ_get(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    tpy_object_t *a[2];
    if (tpy_arg_parse("get", args, nargs, kwnames, names, 0, 1, a) < 0 ||
        env_check_str(a[0]) < 0) {
        return NULL;
    }
    tpy_object_t *v = tpy_dict_get_borrow(env_data(self), a[0]);
    if (v == NULL && tpy_err_occurred()) {
        return NULL;
    }
    return tpy_newref(v ? v : a[1] ? a[1] : tpy_none);
}

static tpy_object_t *environ_setdefault(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    static const char *const names[] = {"key", "value", NULL};
    tpy_object_t *a[2];
    if (tpy_arg_parse("setdefault", args, nargs, kwnames, names, 0, 0, a) < 0) {
        return NULL;
    }
    if (a[1] == NULL) {
        // a Python method in CPython (os._Environ.setdefault(self, key, value))
        return tpy_err_format(&tpy_exc_TypeError,
                              a[0] ? "_Environ.setdefault() missing 1 required positional "
                                     "argument: 'value'"
                                   : "_Environ.setdefault() missing 2 required positional "
                                     "arguments: 'key' and 'value'");
    }
    if (env_check_str(a[0]) < 0) {
        return NULL;
    }
    tpy_object_t *v = tpy_dict_get_borrow(env_data(self), a[0]);
    if (v != NULL) {
        return tpy_newref(v);
    }
    tpy_object_t *dflt = a[1];
    if (tpy_err_occurred() || environ_setitem(self, a[0], dflt) < 0) {
        return NULL;
    }
    return tpy_newref(dflt);
}

static tpy_object_t *environ_pop(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    tpy_object_t *a[2];
    if (tpy_arg_parse("pop", args, nargs, kwnames, names, 0, 1, a) < 0 ||
        env_check_str(a[0]) < 0) {
        return NULL;
    }
    tpy_object_t *v = tpy_dict_get_borrow(env_data(self), a[0]);
    if (v == NULL) {
        if (tpy_err_occurred()) {
            return NULL;
        }
        return a[1] ? tpy_newref(a[1]) : tpy_err_key(a[0]);
    }
    TPY_INCREF(v);
    if (environ_setitem(self, a[0], NULL) < 0) {
        TPY_DECREF(v);
        return NULL;
    }
    return v;
}

// popitem(): the first key (CPython's MutableMapping takes next(iter(self)))
static tpy_object_t *environ_popitem(tpy_object_t *self, tpy_object_t *const *args,
                                     size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("popitem", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    if (!tpy_dict_next(env_data(self), &pos, &k, &v)) {
        tpy_err_set_object(&tpy_exc_KeyError, NULL);
        return NULL;
    }
    tpy_object_t *pair = tpy_tuple_pack(2, k, v);
    if (pair == NULL || environ_setitem(self, TPY_TUPLE_GET(pair, 0), NULL) < 0) {
        TPY_XDECREF(pair);
        return NULL;
    }
    return pair;
}

static tpy_object_t *environ_clear(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("clear", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    while (tpy_dict_next(env_data(self), &pos, &k, &v)) {
        unsetenv(TPY_STR_DATA(k));
    }
    tpy_dict_clear(env_data(self));
    TPY_RETURN_NONE;
}

#define ENVIRON_FORWARD(name)                                                                     \
    static tpy_object_t *environ_##name(tpy_object_t *self, tpy_object_t *const *args,           \
                                        size_t nargs, tpy_object_t *kwnames)                     \
    {                                                                                             \
        (void)args;                                                                               \
        if (tpy_arg_count(#name, nargs, kwnames, 0, 0) < 0) {                                     \
            return NULL;                                                                          \
        }                                                                                         \
        return tpy_object_call_method(env_data(self), #name, NULL, 0);                            \
    }
ENVIRON_FORWARD(keys)
ENVIRON_FORWARD(values)
ENVIRON_FORWARD(items)
ENVIRON_FORWARD(copy)
#undef ENVIRON_FORWARD

static const tpy_methoddef_t environ_methods[] = {
    {"get", environ_get, 0, NULL},
    {"setdefault", environ_setdefault, 0, NULL},
    {"pop", environ_pop, 0, NULL},
    {"popitem", environ_popitem, 0, NULL},
    {"update", environ_update, 0, NULL},
    {"clear", environ_clear, 0, NULL},
    {"keys", environ_keys, 0, NULL},
    {"values", environ_values, 0, NULL},
    {"items", environ_items, 0, NULL},
    {"copy", environ_copy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static tpy_type_t environ_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "os._Environ",
    .tp_basicsize = sizeof(environ_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = environ_dealloc,
    .tp_traverse = environ_traverse,
    .tp_clear = environ_clear_slot,
    .tp_repr = environ_repr,
    .tp_hash = tpy_hash_unhashable,
    .tp_richcompare = environ_richcompare,
    .tp_iter = environ_iter,
    .tp_len = environ_len,
    .tp_getitem = environ_getitem,
    .tp_setitem = environ_setitem,
    .tp_contains = environ_contains,
    .tp_binop = TPY_BINOP_TABLE{[TPY_BINOP_OR] = environ_or},
    .tp_inplace = TPY_BINOP_TABLE{[TPY_BINOP_OR] = environ_ior},
    .tp_methods = environ_methods,
};

int tpy_os_init(void)
{
    return tpy_type_ready(&environ_type);
}

tpy_object_t *tpy_os_module_create(void)
{
    tpy_object_t *m = tpy_module_new("os");
    if (m == NULL) {
        return NULL;
    }
    tpy_object_t *path = NULL, *env = NULL;
    if (tpy_module_add_functions(m, os_functions) < 0 || add_common_strings(m) < 0 ||
        add_str(m, "name", "posix") < 0 || add_str(m, "linesep", "\n") < 0 ||
        (path = posixpath_new()) == NULL || tpy_module_add_object(m, "path", path) < 0 ||
        tpy_module_add_object(m, "_Environ", TPY_OBJ(&environ_type)) < 0 ||
        (env = environ_new()) == NULL ||
        tpy_module_add_object(m, "environ", env) < 0) {
        TPY_XDECREF(path);
        TPY_XDECREF(env);
        TPY_DECREF(m);
        return NULL;
    }
    TPY_DECREF(path);
    TPY_DECREF(env);
    return m;
}

tpy_object_t *tpy_ospath_module_create(void)
{
    // `import os.path` / `import posixpath` give the very module os.path is.
    if (tpy_ts.import_module != NULL) {
        tpy_object_t *name = tpy_str_from_cstr("os");
        tpy_object_t *os = name ? tpy_ts.import_module(name) : NULL;
        TPY_XDECREF(name);
        if (os == NULL) {
            return NULL;
        }
        tpy_object_t *path = tpy_object_getattr_cstr(os, "path");
        TPY_DECREF(os);
        return path;
    }
    return posixpath_new();
}
