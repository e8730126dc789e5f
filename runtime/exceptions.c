/*
 * runtime/exceptions.c - the built-in exception hierarchy.
 *
 * Every exception instance has the tpy_exception_t layout (args, traceback,
 * cause, context, a per-type `extra` payload and an instance __dict__), so a
 * user class deriving from any of them needs no extra space.  Behaviour
 * mirrors CPython 3.11: BaseException.__new__ stores all positional arguments
 * in args and __init__ replaces them; str() of an exception is '' / str(arg) /
 * str(args); KeyError's str is repr(key); OSError(errno, strerror, filename)
 * formats "[Errno 2] No such file or directory: 'x'"; StopIteration.value and
 * SystemExit.code come from the first argument.
 */
#include "runtime/runtime.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

static tpy_object_t *exc_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames);
static int exc_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                    tpy_object_t *kwnames);
static void exc_dealloc(tpy_object_t *self);
static int exc_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg);
static int exc_clear(tpy_object_t *self);
static tpy_object_t *exc_repr(tpy_object_t *self);
static tpy_object_t *exc_strslot(tpy_object_t *self);
static const tpy_methoddef_t exc_methods[];
static const tpy_getsetdef_t exc_getset[];

#define EXC_TYPE_INIT(name)                                                                       \
    {                                                                                             \
        .ob = TPY_STATIC_TYPE_OB, .tp_name = #name, .tp_basicsize = sizeof(tpy_exception_t),      \
        .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_EXC_SUBCLASS,        \
        .tp_dealloc = exc_dealloc, .tp_traverse = exc_traverse, .tp_clear = exc_clear,            \
        .tp_repr = exc_repr, .tp_str = exc_strslot, .tp_new = exc_new, .tp_init = exc_init,       \
        .tp_dictoffset = offsetof(tpy_exception_t, dict),                                         \
    }

#define DEFINE_EXC(name, base) tpy_type_t tpy_exc_##name = EXC_TYPE_INIT(name);
TPY_EXCEPTION_TYPES(DEFINE_EXC)
#undef DEFINE_EXC

static tpy_exception_t *as_exc(tpy_object_t *op)
{
    return (tpy_exception_t *)op;
}

bool tpy_exc_check(tpy_object_t *op)
{
    return TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_EXC_SUBCLASS);
}

bool tpy_exc_type_check(tpy_object_t *op)
{
    return TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_TYPE_SUBCLASS) &&
           TPY_TYPE_HAS_FLAG((tpy_type_t *)op, TPY_TPFLAGS_EXC_SUBCLASS);
}

/* OSError keeps its attributes in `extra` as the tuple (errno, strerror,
 * filename, filename2, characters_written), None meaning unset, or NULL when
 * none is set.  OSError(errno, strerror[, filename[, winerror[, filename2]]])
 * sets them from 2 to 5 arguments; a filename (not None) trims args to the
 * first two and lets a fifth argument be filename2, as in CPython. */
enum { OS_ERRNO, OS_STRERROR, OS_FILENAME, OS_FILENAME2, OS_WRITTEN, OS_NFIELDS };

static void oserror_fields_from_args(tpy_exception_t *e)
{
    intptr_t n = TPY_TUPLE_SIZE(e->args);
    TPY_CLEAR(e->extra);
    if (n < 2 || n > 5) {
        return;
    }
    tpy_object_t *f[OS_NFIELDS] = {TPY_TUPLE_GET(e->args, 0), TPY_TUPLE_GET(e->args, 1),
                                   tpy_none, tpy_none, tpy_none};
    if (n >= 3 && TPY_TUPLE_GET(e->args, 2) != tpy_none) {
        f[OS_FILENAME] = TPY_TUPLE_GET(e->args, 2);
        if (n == 5) {
            f[OS_FILENAME2] = TPY_TUPLE_GET(e->args, 4);
        }
    }
    e->extra = tpy_tuple_from_array(f, OS_NFIELDS);
    if (e->extra == NULL) {
        tpy_err_clear(); // the attributes read as None: better than a failed raise
        return;
    }
    if (f[OS_FILENAME] != tpy_none) {
        tpy_object_t *two = tpy_tuple_slice(e->args, 0, 2);
        if (two != NULL) {
            TPY_SETREF(e->args, two);
        } else {
            tpy_err_clear();
        }
    }
}

// OSError field [i] (borrowed; None when unset).
static tpy_object_t *oserror_field(tpy_exception_t *e, int i)
{
    return e->extra != NULL ? TPY_TUPLE_GET(e->extra, i) : tpy_none;
}

static int oserror_set_field(tpy_exception_t *e, int i, tpy_object_t *value)
{
    tpy_object_t *f[OS_NFIELDS];
    for (int k = 0; k < OS_NFIELDS; k++) {
        f[k] = oserror_field(e, k);
    }
    f[i] = value != NULL ? value : tpy_none;
    tpy_object_t *t = tpy_tuple_from_array(f, OS_NFIELDS);
    if (t == NULL) {
        return -1;
    }
    TPY_SETREF(e->extra, t);
    return 0;
}

/* The per-type payload derived from args (StopIteration.value, SystemExit.code). */
static void set_extra_from_args(tpy_exception_t *e)
{
    tpy_type_t *t = TPY_TYPE(e);
    intptr_t n = TPY_TUPLE_SIZE(e->args);
    if (tpy_type_is_subtype(t, &tpy_exc_StopIteration)) {
        TPY_SETREF(e->extra, tpy_newref(n > 0 ? TPY_TUPLE_GET(e->args, 0) : tpy_none));
    } else if (tpy_type_is_subtype(t, &tpy_exc_OSError)) {
        oserror_fields_from_args(e);
    } else if (tpy_type_is_subtype(t, &tpy_exc_ImportError)) {
        TPY_CLEAR(e->extra); // (msg, name, path) is made only when one is set explicitly
    } else if (tpy_type_is_subtype(t, &tpy_exc_SystemExit)) {
        TPY_SETREF(e->extra, tpy_newref(n == 0 ? tpy_none : n == 1 ? TPY_TUPLE_GET(e->args, 0)
                                                                   : e->args));
    }
}

tpy_object_t *tpy_exc_new(tpy_type_t *type, tpy_object_t *args)
{
    tpy_exception_t *e = (tpy_exception_t *)tpy_type_generic_alloc(type, 0);
    if (e == NULL) {
        return NULL;
    }
    e->args = tpy_newref(args);
    set_extra_from_args(e);
    tpy_gc_track(TPY_OBJ(e));
    return TPY_OBJ(e);
}

tpy_type_t *tpy_exc_oserror_type(int errnum)
{
    switch (errnum) {
    case EPERM:
    case EACCES:
        return &tpy_exc_PermissionError;
    case ENOENT:
        return &tpy_exc_FileNotFoundError;
    case EEXIST:
        return &tpy_exc_FileExistsError;
    case EISDIR:
        return &tpy_exc_IsADirectoryError;
    case ENOTDIR:
        return &tpy_exc_NotADirectoryError;
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return &tpy_exc_BlockingIOError;
    case ECHILD:
        return &tpy_exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &tpy_exc_BrokenPipeError;
    case ECONNABORTED:
        return &tpy_exc_ConnectionAbortedError;
    case ECONNREFUSED:
        return &tpy_exc_ConnectionRefusedError;
    case ECONNRESET:
        return &tpy_exc_ConnectionResetError;
    case EINTR:
        return &tpy_exc_InterruptedError;
    case ESRCH:
        return &tpy_exc_ProcessLookupError;
    case ETIMEDOUT:
        return &tpy_exc_TimeoutError;
    default:
        return &tpy_exc_OSError;
    }
}

/* OSError(errno, strerror, ...) is an instance of the subclass for errno, as
 * in CPython. */
static tpy_type_t *oserror_subtype(tpy_object_t *const *args, size_t nargs)
{
    if (nargs < 2 || nargs > 5 || !TPY_INT_CHECK(args[0])) {
        return &tpy_exc_OSError;
    }
    int overflow = 0;
    int64_t eno = tpy_int_as_i64_overflow(args[0], &overflow);
    if (overflow || eno < INT_MIN || eno > INT_MAX) {
        return &tpy_exc_OSError;
    }
    return tpy_exc_oserror_type((int)eno);
}

static tpy_object_t *exc_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                             tpy_object_t *kwnames)
{
    (void)kwnames;
    if (type == &tpy_exc_OSError) {
        type = oserror_subtype(args, nargs);
    }
    tpy_object_t *t = tpy_tuple_from_array(args, (intptr_t)nargs);
    if (t == NULL) {
        return NULL;
    }
    tpy_object_t *e = tpy_exc_new(type, t);
    TPY_DECREF(t);
    return e;
}

static int exc_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                    tpy_object_t *kwnames)
{
    if (tpy_kwcount(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no keyword arguments",
                       tpy_type_name(TPY_TYPE(self)));
        return -1;
    }
    tpy_object_t *t = tpy_tuple_from_array(args, (intptr_t)nargs);
    if (t == NULL) {
        return -1;
    }
    TPY_SETREF(as_exc(self)->args, t);
    set_extra_from_args(as_exc(self));
    return 0;
}

/* ImportError(msg, name=None, path=None): the fields live in `extra` as a
 * (msg, name, path) tuple once name, path or msg is given; while `extra` is
 * NULL, msg is the sole positional argument and name and path are None. */
static tpy_object_t *import_info(tpy_object_t *self, intptr_t i)
{
    tpy_exception_t *e = as_exc(self);
    if (e->extra != NULL && TPY_TUPLE_CHECK(e->extra) && TPY_TUPLE_SIZE(e->extra) == 3) {
        return TPY_TUPLE_GET(e->extra, i);
    }
    if (i == 0 && e->args != NULL && TPY_TUPLE_SIZE(e->args) == 1) {
        return TPY_TUPLE_GET(e->args, 0);
    }
    return tpy_none;
}

static int import_set_info(tpy_object_t *self, intptr_t i, tpy_object_t *value)
{
    tpy_object_t *f[3] = {import_info(self, 0), import_info(self, 1), import_info(self, 2)};
    f[i] = value != NULL ? value : tpy_none;
    tpy_object_t *info = tpy_tuple_from_array(f, 3);
    if (info == NULL) {
        return -1;
    }
    TPY_SETREF(as_exc(self)->extra, info);
    return 0;
}

static int importerror_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                            tpy_object_t *kwnames)
{
    size_t nkw = tpy_kwcount(kwnames);
    tpy_object_t *name = NULL, *path = NULL;
    for (size_t i = 0; i < nkw; i++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, i);
        if (strcmp(TPY_STR_DATA(kw), "name") == 0) {
            name = args[nargs + i];
        } else if (strcmp(TPY_STR_DATA(kw), "path") == 0) {
            path = args[nargs + i];
        } else {
            tpy_err_format(&tpy_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                           kw, "ImportError");
            return -1;
        }
    }
    if (exc_init(self, args, nargs, NULL) < 0) {
        return -1;
    }
    if (name != NULL && import_set_info(self, 1, name) < 0) {
        return -1;
    }
    if (path != NULL && import_set_info(self, 2, path) < 0) {
        return -1;
    }
    return 0;
}

/* AttributeError keeps (name, obj) in `extra` and NameError (name, local
 * names, globals), the last two for "Did you mean" (vm/traceback.c); while
 * `extra` is NULL the fields read None.  [n] is the tuple's size. */
static tpy_object_t *name_info(tpy_object_t *self, intptr_t n, intptr_t i)
{
    tpy_object_t *x = as_exc(self)->extra;
    if (x != NULL && TPY_TUPLE_CHECK(x) && TPY_TUPLE_SIZE(x) == n) {
        return TPY_TUPLE_GET(x, i);
    }
    return tpy_none;
}

static int name_set_info(tpy_object_t *self, intptr_t n, intptr_t i, tpy_object_t *value)
{
    tpy_object_t *f[3];
    for (intptr_t k = 0; k < n; k++) {
        f[k] = name_info(self, n, k);
    }
    f[i] = value != NULL ? value : tpy_none;
    tpy_object_t *info = tpy_tuple_from_array(f, n);
    if (info == NULL) {
        return -1;
    }
    TPY_SETREF(as_exc(self)->extra, info);
    return 0;
}

static bool is_attribute_error(tpy_object_t *op)
{
    return tpy_type_is_subtype(TPY_TYPE(op), &tpy_exc_AttributeError);
}

void tpy_exc_attribute_context(tpy_object_t *name, tpy_object_t *obj)
{
    tpy_object_t *e = tpy_err_occurred();
    if (e == NULL || !is_attribute_error(e) || as_exc(e)->extra != NULL) {
        return;
    }
    // hold the AttributeError while allocating, so a MemoryError cannot free it
    e = tpy_err_fetch();
    tpy_object_t *info = tpy_tuple_pack(2, name, obj);
    if (info == NULL) {
        tpy_err_clear(); // the allocation's MemoryError goes: the AttributeError stays
    } else {
        as_exc(e)->extra = info;
    }
    tpy_err_restore(e);
}

/* AttributeError(*args, name=None, obj=None) and NameError(*args, name=None). */
static int nameerror_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                          tpy_object_t *kwnames)
{
    bool attr = is_attribute_error(self);
    intptr_t n = attr ? 2 : 3;
    size_t nkw = tpy_kwcount(kwnames);
    tpy_object_t *name = NULL, *obj = NULL;
    for (size_t i = 0; i < nkw; i++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, i);
        if (strcmp(TPY_STR_DATA(kw), "name") == 0) {
            name = args[nargs + i];
        } else if (attr && strcmp(TPY_STR_DATA(kw), "obj") == 0) {
            obj = args[nargs + i];
        } else {
            tpy_err_format(&tpy_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                           kw, attr ? "AttributeError" : "NameError");
            return -1;
        }
    }
    if (exc_init(self, args, nargs, NULL) < 0) {
        return -1;
    }
    if (name != NULL && name_set_info(self, n, 0, name) < 0) {
        return -1;
    }
    if (obj != NULL && name_set_info(self, n, 1, obj) < 0) {
        return -1;
    }
    return 0;
}

static int exc_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    tpy_exception_t *e = as_exc(self);
    tpy_object_t *fields[] = {e->dict, e->args, e->traceback, e->cause, e->context, e->extra};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL) {
            int r = visit(fields[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int exc_clear(tpy_object_t *self)
{
    tpy_exception_t *e = as_exc(self);
    TPY_CLEAR(e->dict);
    TPY_CLEAR(e->args);
    TPY_CLEAR(e->traceback);
    TPY_CLEAR(e->cause);
    TPY_CLEAR(e->context);
    TPY_CLEAR(e->extra);
    return 0;
}

static void exc_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    exc_clear(self);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

/* str(args[0]) for one argument, '' for none, str(args) otherwise. */
static tpy_object_t *exc_args_str(tpy_exception_t *e)
{
    intptr_t n = e->args ? TPY_TUPLE_SIZE(e->args) : 0;
    if (n == 0) {
        return tpy_str_from_cstr("");
    }
    if (n == 1) {
        return tpy_object_str(TPY_TUPLE_GET(e->args, 0));
    }
    return tpy_object_str(e->args);
}

static tpy_object_t *oserror_str(tpy_exception_t *e)
{
    tpy_object_t *eno = oserror_field(e, OS_ERRNO), *msg = oserror_field(e, OS_STRERROR);
    tpy_object_t *fn = oserror_field(e, OS_FILENAME), *fn2 = oserror_field(e, OS_FILENAME2);
    if (fn != tpy_none && fn2 != tpy_none) {
        return tpy_str_from_format("[Errno %S] %S: %R -> %R", eno, msg, fn, fn2);
    }
    if (fn != tpy_none) {
        return tpy_str_from_format("[Errno %S] %S: %R", eno, msg, fn);
    }
    if (eno != tpy_none && msg != tpy_none) {
        return tpy_str_from_format("[Errno %S] %S", eno, msg);
    }
    return exc_args_str(e);
}

static tpy_object_t *syntaxerror_str(tpy_exception_t *e)
{
    // args = (msg, (filename, lineno, offset, text, end_lineno, end_offset))
    intptr_t n = TPY_TUPLE_SIZE(e->args);
    if (n == 2 && TPY_TUPLE_CHECK(TPY_TUPLE_GET(e->args, 1)) &&
        TPY_TUPLE_SIZE(TPY_TUPLE_GET(e->args, 1)) >= 2) {
        tpy_object_t *info = TPY_TUPLE_GET(e->args, 1);
        tpy_object_t *msg = TPY_TUPLE_GET(e->args, 0);
        tpy_object_t *fn = TPY_TUPLE_GET(info, 0), *ln = TPY_TUPLE_GET(info, 1);
        if (TPY_STR_CHECK(fn) && TPY_INT_CHECK(ln)) {
            // CPython prints only the file's base name here.
            const char *full = TPY_STR_DATA(fn), *slash = strrchr(full, '/');
            const char *base = slash ? slash + 1 : full;
            return tpy_str_from_format("%S (%s, line %S)", msg, base, ln);
        }
        if (TPY_INT_CHECK(ln)) {
            return tpy_str_from_format("%S (line %S)", msg, ln);
        }
    }
    if (n >= 1) {
        return tpy_object_str(TPY_TUPLE_GET(e->args, 0));
    }
    return exc_args_str(e);
}

tpy_object_t *tpy_exc_str(tpy_object_t *exc)
{
    return tpy_object_str(exc);
}

static tpy_object_t *exc_strslot(tpy_object_t *self)
{
    tpy_exception_t *e = as_exc(self);
    tpy_type_t *t = TPY_TYPE(self);
    if (e->args == NULL) {
        return tpy_str_from_cstr("");
    }
    if (tpy_type_is_subtype(t, &tpy_exc_KeyError) && TPY_TUPLE_SIZE(e->args) == 1) {
        return tpy_object_repr(TPY_TUPLE_GET(e->args, 0));
    }
    if (tpy_type_is_subtype(t, &tpy_exc_OSError)) {
        return oserror_str(e);
    }
    if (tpy_type_is_subtype(t, &tpy_exc_SyntaxError)) {
        return syntaxerror_str(e);
    }
    if (tpy_type_is_subtype(t, &tpy_exc_ImportError)) {
        tpy_object_t *msg = import_info(self, 0);
        if (TPY_STR_CHECK_EXACT(msg)) {
            return tpy_newref(msg);
        }
    }
    return exc_args_str(e);
}

static tpy_object_t *exc_repr(tpy_object_t *self)
{
    tpy_exception_t *e = as_exc(self);
    const char *name = tpy_type_name(TPY_TYPE(self));
    intptr_t n = e->args ? TPY_TUPLE_SIZE(e->args) : 0;
    if (n == 1) {
        return tpy_str_from_format("%s(%R)", name, TPY_TUPLE_GET(e->args, 0));
    }
    if (n == 0) {
        return tpy_str_from_format("%s()", name);
    }
    return tpy_str_from_format("%s%R", name, e->args);
}

void tpy_exc_set_traceback(tpy_object_t *exc, tpy_object_t *tb)
{
    TPY_SETREF(as_exc(exc)->traceback, tb);
}

void tpy_exc_set_context(tpy_object_t *exc, tpy_object_t *ctx)
{
    TPY_SETREF(as_exc(exc)->context, ctx);
}

void tpy_exc_set_cause(tpy_object_t *exc, tpy_object_t *cause)
{
    TPY_SETREF(as_exc(exc)->cause, cause);
    as_exc(exc)->suppress_context = true;
}

/* ---- attributes ------------------------------------------------------------ */

static tpy_object_t *or_none(tpy_object_t *op)
{
    return tpy_newref(op ? op : tpy_none);
}

static tpy_object_t *exc_get_args(tpy_object_t *self)
{
    return or_none(as_exc(self)->args);
}

static int exc_set_args(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        tpy_err_set_str(&tpy_exc_TypeError, "args may not be deleted");
        return -1;
    }
    tpy_object_t *t = tpy_sequence_tuple(value);
    if (t == NULL) {
        return -1;
    }
    TPY_SETREF(as_exc(self)->args, t);
    return 0;
}

static tpy_object_t *exc_get_tb(tpy_object_t *self)
{
    return or_none(as_exc(self)->traceback);
}

static int exc_set_tb(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL || value == tpy_none) {
        TPY_CLEAR(as_exc(self)->traceback);
        return 0;
    }
    TPY_SETREF(as_exc(self)->traceback, tpy_newref(value));
    return 0;
}

static tpy_object_t *exc_get_cause(tpy_object_t *self)
{
    return or_none(as_exc(self)->cause);
}

static int exc_check_chain_value(tpy_object_t *value, const char *what)
{
    if (value != tpy_none && !tpy_exc_check(value)) {
        tpy_err_format(&tpy_exc_TypeError, "exception %s must be None or derive from BaseException",
                       what);
        return -1;
    }
    return 0;
}

static int exc_set_cause(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        tpy_err_set_str(&tpy_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (exc_check_chain_value(value, "cause") < 0) {
        return -1;
    }
    tpy_exc_set_cause(self, value == tpy_none ? NULL : tpy_newref(value));
    return 0;
}

static tpy_object_t *exc_get_context(tpy_object_t *self)
{
    return or_none(as_exc(self)->context);
}

static int exc_set_context(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        tpy_err_set_str(&tpy_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (exc_check_chain_value(value, "context") < 0) {
        return -1;
    }
    tpy_exc_set_context(self, value == tpy_none ? NULL : tpy_newref(value));
    return 0;
}

static tpy_object_t *exc_get_suppress(tpy_object_t *self)
{
    return tpy_bool_from(as_exc(self)->suppress_context);
}

static int exc_set_suppress(tpy_object_t *self, tpy_object_t *value)
{
    int t = value ? tpy_object_is_true(value) : 0;
    if (t < 0) {
        return -1;
    }
    as_exc(self)->suppress_context = t;
    return 0;
}

/* value / code: the `extra` payload (StopIteration.value, SystemExit.code). */
static tpy_object_t *exc_get_extra(tpy_object_t *self)
{
    return or_none(as_exc(self)->extra);
}

static int exc_set_extra(tpy_object_t *self, tpy_object_t *value)
{
    TPY_SETREF(as_exc(self)->extra, value ? tpy_newref(value) : NULL);
    return 0;
}

/* OSError.errno / strerror / filename / filename2 live in `extra` (see above). */
#define OSERROR_FIELD_GETSET(name, index)                                                         \
    static tpy_object_t *os_get_##name(tpy_object_t *self)                                      \
    {                                                                                             \
        return tpy_newref(oserror_field(as_exc(self), index));                                    \
    }                                                                                             \
    static int os_set_##name(tpy_object_t *self, tpy_object_t *value)                            \
    {                                                                                             \
        return oserror_set_field(as_exc(self), index, value);                                     \
    }
OSERROR_FIELD_GETSET(errno, OS_ERRNO)
OSERROR_FIELD_GETSET(strerror, OS_STRERROR)
OSERROR_FIELD_GETSET(filename, OS_FILENAME)
OSERROR_FIELD_GETSET(filename2, OS_FILENAME2)
#undef OSERROR_FIELD_GETSET

/* characters_written: an int once set (BlockingIOError's count); reading or
 * deleting it unset raises AttributeError. */
static tpy_object_t *os_get_written(tpy_object_t *self)
{
    tpy_object_t *w = oserror_field(as_exc(self), OS_WRITTEN);
    if (w == tpy_none) {
        return tpy_err_format(&tpy_exc_AttributeError, "characters_written");
    }
    return tpy_newref(w);
}

static int os_set_written(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        if (oserror_field(as_exc(self), OS_WRITTEN) == tpy_none) {
            tpy_err_format(&tpy_exc_AttributeError, "characters_written");
            return -1;
        }
        return oserror_set_field(as_exc(self), OS_WRITTEN, NULL);
    }
    tpy_object_t *n = tpy_number_index(value);
    if (n == NULL) {
        return -1;
    }
    int r = oserror_set_field(as_exc(self), OS_WRITTEN, n);
    TPY_DECREF(n);
    return r;
}

static tpy_object_t *syntax_field(tpy_object_t *self, intptr_t i)
{
    tpy_object_t *args = as_exc(self)->args;
    if (args != NULL && TPY_TUPLE_SIZE(args) == 2) {
        tpy_object_t *info = TPY_TUPLE_GET(args, 1);
        if (TPY_TUPLE_CHECK(info) && i < TPY_TUPLE_SIZE(info)) {
            return tpy_newref(TPY_TUPLE_GET(info, i));
        }
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *syn_msg(tpy_object_t *self)
{
    tpy_object_t *args = as_exc(self)->args;
    if (args != NULL && TPY_TUPLE_SIZE(args) >= 1) {
        return tpy_newref(TPY_TUPLE_GET(args, 0));
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *syn_filename(tpy_object_t *self)
{
    return syntax_field(self, 0);
}

static tpy_object_t *syn_lineno(tpy_object_t *self)
{
    return syntax_field(self, 1);
}

static tpy_object_t *syn_offset(tpy_object_t *self)
{
    return syntax_field(self, 2);
}

static tpy_object_t *syn_text(tpy_object_t *self)
{
    return syntax_field(self, 3);
}

static tpy_object_t *syn_end_lineno(tpy_object_t *self)
{
    return syntax_field(self, 4);
}

static tpy_object_t *syn_end_offset(tpy_object_t *self)
{
    return syntax_field(self, 5);
}

/* __dict__: the instance dictionary, made on first use (vars(e) works). */
static tpy_object_t *exc_get_dict(tpy_object_t *self)
{
    tpy_exception_t *e = as_exc(self);
    if (e->dict == NULL) {
        e->dict = tpy_dict_new();
        if (e->dict == NULL) {
            return NULL;
        }
    }
    return tpy_newref(e->dict);
}

static int exc_set_dict(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        tpy_err_set_str(&tpy_exc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!TPY_DICT_CHECK(value)) {
        tpy_err_format(&tpy_exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'",
                       value);
        return -1;
    }
    TPY_SETREF(as_exc(self)->dict, tpy_newref(value));
    return 0;
}

static const tpy_getsetdef_t exc_getset[] = {
    {"__dict__", exc_get_dict, exc_set_dict},
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__context__", exc_get_context, exc_set_context},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {NULL, NULL, NULL},
};

static const tpy_getsetdef_t stopiter_getset[] = {
    {"value", exc_get_extra, exc_set_extra},
    {NULL, NULL, NULL},
};

static const tpy_getsetdef_t sysexit_getset[] = {
    {"code", exc_get_extra, exc_set_extra},
    {NULL, NULL, NULL},
};

static const tpy_getsetdef_t oserror_getset[] = {
    {"errno", os_get_errno, os_set_errno},
    {"strerror", os_get_strerror, os_set_strerror},
    {"filename", os_get_filename, os_set_filename},
    {"filename2", os_get_filename2, os_set_filename2},
    {"characters_written", os_get_written, os_set_written},
    {NULL, NULL, NULL},
};

static tpy_object_t *imp_msg(tpy_object_t *self)
{
    return tpy_newref(import_info(self, 0));
}

static tpy_object_t *imp_name(tpy_object_t *self)
{
    return tpy_newref(import_info(self, 1));
}

static tpy_object_t *imp_path(tpy_object_t *self)
{
    return tpy_newref(import_info(self, 2));
}

static int imp_set_msg(tpy_object_t *self, tpy_object_t *value)
{
    return import_set_info(self, 0, value);
}

static int imp_set_name(tpy_object_t *self, tpy_object_t *value)
{
    return import_set_info(self, 1, value);
}

static int imp_set_path(tpy_object_t *self, tpy_object_t *value)
{
    return import_set_info(self, 2, value);
}

static const tpy_getsetdef_t importerror_getset[] = {
    {"msg", imp_msg, imp_set_msg},
    {"name", imp_name, imp_set_name},
    {"path", imp_path, imp_set_path},
    {NULL, NULL, NULL},
};

static tpy_object_t *attr_get_name(tpy_object_t *self)
{
    return tpy_newref(name_info(self, is_attribute_error(self) ? 2 : 3, 0));
}

static int attr_set_name(tpy_object_t *self, tpy_object_t *value)
{
    return name_set_info(self, is_attribute_error(self) ? 2 : 3, 0, value);
}

static tpy_object_t *attr_get_obj(tpy_object_t *self)
{
    return tpy_newref(name_info(self, 2, 1));
}

static int attr_set_obj(tpy_object_t *self, tpy_object_t *value)
{
    return name_set_info(self, 2, 1, value);
}

static const tpy_getsetdef_t attributeerror_getset[] = {
    {"name", attr_get_name, attr_set_name},
    {"obj", attr_get_obj, attr_set_obj},
    {NULL, NULL, NULL},
};

static const tpy_getsetdef_t nameerror_getset[] = {
    {"name", attr_get_name, attr_set_name},
    {NULL, NULL, NULL},
};

// print_file_and_line: a field CPython keeps for old tools; always None here
static tpy_object_t *syn_print_file_and_line(tpy_object_t *self)
{
    (void)self;
    TPY_RETURN_NONE;
}

static const tpy_getsetdef_t syntaxerror_getset[] = {
    {"print_file_and_line", syn_print_file_and_line, NULL},
    {"msg", syn_msg, NULL},
    {"filename", syn_filename, NULL},
    {"lineno", syn_lineno, NULL},
    {"offset", syn_offset, NULL},
    {"text", syn_text, NULL},
    {"end_lineno", syn_end_lineno, NULL},
    {"end_offset", syn_end_offset, NULL},
    {NULL, NULL, NULL},
};

static tpy_object_t *exc_with_traceback(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    if (tpy_arg_count("with_traceback", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (exc_set_tb(self, args[0]) < 0) {
        return NULL;
    }
    return tpy_newref(self);
}

/* add_note(note): append the str [note] to self.__notes__ (an attribute in
 * the instance dict, created as a list on first use); the traceback printer
 * shows the notes after the exception line. */
static tpy_object_t *exc_add_note(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("BaseException.add_note", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "BaseException.add_note() takes exactly one argument (%zu given)",
                              nargs);
    }
    if (!TPY_STR_CHECK(args[0])) {
        return tpy_err_format(&tpy_exc_TypeError, "note must be a str, not '%T'", args[0]);
    }
    tpy_object_t *notes = tpy_object_getattr_cstr(self, "__notes__");
    if (notes == NULL) {
        if (!tpy_err_matches(&tpy_exc_AttributeError)) {
            return NULL;
        }
        tpy_err_clear();
        notes = tpy_list_new(0);
        if (notes == NULL || tpy_object_setattr_cstr(self, "__notes__", notes) < 0) {
            TPY_XDECREF(notes);
            return NULL;
        }
    }
    if (!TPY_LIST_CHECK(notes)) {
        TPY_DECREF(notes);
        return tpy_err_format(&tpy_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int r = tpy_list_append(notes, args[0]);
    TPY_DECREF(notes);
    if (r < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static const tpy_methoddef_t exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0, NULL},
    {"add_note", exc_add_note, 0, NULL},
    {NULL, NULL, 0, NULL},
};

void tpy_exceptions_init(void)
{
#define SET_BASE(name, base) tpy_exc_##name.tp_base = TPY_EXC_BASE_##base;
#define TPY_EXC_BASE_NULL &tpy_object_type
#define TPY_EXC_BASE_BaseException &tpy_exc_BaseException
#define TPY_EXC_BASE_Exception &tpy_exc_Exception
#define TPY_EXC_BASE_ArithmeticError &tpy_exc_ArithmeticError
#define TPY_EXC_BASE_ImportError &tpy_exc_ImportError
#define TPY_EXC_BASE_LookupError &tpy_exc_LookupError
#define TPY_EXC_BASE_NameError &tpy_exc_NameError
#define TPY_EXC_BASE_OSError &tpy_exc_OSError
#define TPY_EXC_BASE_RuntimeError &tpy_exc_RuntimeError
#define TPY_EXC_BASE_SyntaxError &tpy_exc_SyntaxError
#define TPY_EXC_BASE_IndentationError &tpy_exc_IndentationError
#define TPY_EXC_BASE_ValueError &tpy_exc_ValueError
#define TPY_EXC_BASE_UnicodeError &tpy_exc_UnicodeError
#define TPY_EXC_BASE_Warning &tpy_exc_Warning
#define TPY_EXC_BASE_ConnectionError &tpy_exc_ConnectionError
    TPY_EXCEPTION_TYPES(SET_BASE)
#undef SET_BASE
    tpy_exc_BaseException.tp_methods = exc_methods;
    tpy_exc_BaseException.tp_getset = exc_getset;
    tpy_exc_StopIteration.tp_getset = stopiter_getset;
    tpy_exc_SystemExit.tp_getset = sysexit_getset;
    tpy_exc_OSError.tp_getset = oserror_getset;
    tpy_exc_SyntaxError.tp_getset = syntaxerror_getset;
    tpy_exc_ImportError.tp_getset = importerror_getset;
    tpy_exc_ImportError.tp_init = importerror_init;
    tpy_exc_ModuleNotFoundError.tp_init = importerror_init;
    tpy_exc_AttributeError.tp_getset = attributeerror_getset;
    tpy_exc_AttributeError.tp_init = nameerror_init;
    tpy_exc_NameError.tp_getset = nameerror_getset;
    tpy_exc_NameError.tp_init = nameerror_init;
    tpy_exc_UnboundLocalError.tp_init = nameerror_init;
#define READY(name, base) tpy_type_ready(&tpy_exc_##name);
    TPY_EXCEPTION_TYPES(READY)
#undef READY
}
