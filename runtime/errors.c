/*
 * runtime/errors.c - the current exception and the helpers that raise.
 *
 * The thread state holds at most one current exception, always a normalized
 * exception instance.  Raising replaces it; fetching removes it.  MemoryError
 * is preallocated so that running out of memory can always be reported (a
 * fresh instance is used when there is memory for one).
 * Message formatting understands printf's conversions plus %R (repr), %S
 * (str), %T (type name of an object) and %U (a str object), like CPython's
 * PyErr_Format.
 */
#include "runtime/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

tpy_state_t tpy_ts = {.recursion_limit = TPY_DEFAULT_RECURSION_LIMIT};

static tpy_object_t *memory_error_instance;

void tpy_err_restore(tpy_object_t *exc)
{
    tpy_object_t *old = tpy_ts.exc;
    tpy_ts.exc = exc;
    TPY_XDECREF(old);
}

tpy_object_t *tpy_err_occurred(void)
{
    return tpy_ts.exc;
}

bool tpy_err_matches(tpy_type_t *type)
{
    return tpy_ts.exc != NULL && tpy_type_is_subtype(TPY_TYPE(tpy_ts.exc), type);
}

tpy_object_t *tpy_err_fetch(void)
{
    tpy_object_t *exc = tpy_ts.exc;
    tpy_ts.exc = NULL;
    return exc;
}

void tpy_err_clear(void)
{
    TPY_CLEAR(tpy_ts.exc);
}

tpy_object_t *tpy_err_no_memory(void)
{
    if (memory_error_instance == NULL) {
        // Start-up has not finished: nothing better is possible.
        fprintf(stderr, "tpy: out of memory during start-up\n");
        abort();
    }
    // A fresh instance while memory allows, as CPython: the preallocated one
    // would keep the traceback (frames, locals) of its last use alive.
    static bool making;
    if (!making) {
        making = true;
        tpy_object_t *args = tpy_tuple_new(0);
        tpy_object_t *fresh = args != NULL ? tpy_exc_new(&tpy_exc_MemoryError, args) : NULL;
        TPY_XDECREF(args);
        making = false;
        if (fresh != NULL) {
            tpy_err_restore(fresh);
            return NULL;
        }
    }
    tpy_exception_t *e = (tpy_exception_t *)memory_error_instance;
    TPY_CLEAR(e->traceback);
    TPY_CLEAR(e->context);
    TPY_CLEAR(e->cause);
    tpy_err_restore(tpy_newref(memory_error_instance));
    return NULL;
}

void tpy_err_set_object(tpy_type_t *type, tpy_object_t *value)
{
    tpy_object_t *args = value ? tpy_tuple_pack(1, value) : tpy_tuple_new(0);
    if (args == NULL) {
        tpy_err_no_memory();
        return;
    }
    tpy_object_t *exc = tpy_exc_new(type, args);
    TPY_DECREF(args);
    if (exc != NULL) {
        tpy_err_restore(exc);
    }
}

void tpy_err_set_str(tpy_type_t *type, const char *msg)
{
    tpy_object_t *s = tpy_str_from_cstr(msg);
    if (s == NULL) {
        return;
    }
    tpy_err_set_object(type, s);
    TPY_DECREF(s);
}

/* Append the text of str object [s] to the buffer. */
static void append_strobj(tpy_strbuf_t *b, tpy_object_t *s)
{
    tpy_strbuf_append_str(b, s);
}

tpy_object_t *tpy_str_from_vformat(const char *fmt, va_list ap)
{
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    const char *p = fmt;
    while (*p) {
        const char *q = strchr(p, '%');
        if (q == NULL) {
            tpy_strbuf_append_cstr(&b, p);
            break;
        }
        tpy_strbuf_append(&b, p, (size_t)(q - p));
        p = q + 1;
        // collect a printf conversion: flags, width, precision, length, type
        char spec[32];
        size_t n = 0;
        spec[n++] = '%';
        while (*p && strchr("-+ #0123456789.", *p) && n < 20) {
            spec[n++] = *p++;
        }
        while (*p && strchr("hlzjt", *p) && n < 24) {
            spec[n++] = *p++;
        }
        char conv = *p ? *p++ : '%';
        spec[n++] = conv;
        spec[n] = '\0';
        bool is_long = strstr(spec, "l") != NULL;
        bool is_llong = strstr(spec, "ll") != NULL;
        bool is_size = strchr(spec, 'z') != NULL;
        char tmp[128];
        tpy_object_t *o, *s;
        switch (conv) {
        case '%':
            tpy_strbuf_append_char(&b, '%');
            break;
        case 's':
            tpy_strbuf_printf(&b, spec, va_arg(ap, const char *));
            break;
        case 'c':
            tpy_strbuf_append_char(&b, (char)va_arg(ap, int));
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
            if (is_size) {
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, size_t));
            } else if (is_llong) {
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long));
            } else if (is_long) {
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, long));
            } else {
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
            }
            tpy_strbuf_append_cstr(&b, tmp);
            break;
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            tpy_strbuf_append_cstr(&b, tmp);
            break;
        case 'R':
        case 'S':
            o = va_arg(ap, tpy_object_t *);
            s = conv == 'R' ? tpy_object_repr(o) : tpy_object_str(o);
            if (s == NULL) {
                tpy_strbuf_release(&b);
                return NULL;
            }
            append_strobj(&b, s);
            TPY_DECREF(s);
            break;
        case 'T':
            o = va_arg(ap, tpy_object_t *);
            tpy_strbuf_append_cstr(&b, tpy_type_name(TPY_TYPE(o)));
            break;
        case 'U':
            append_strobj(&b, va_arg(ap, tpy_object_t *));
            break;
        default:
            tpy_strbuf_append(&b, spec, n);
            break;
        }
    }
    return tpy_strbuf_finish(&b);
}

tpy_object_t *tpy_err_vformat(tpy_type_t *type, const char *fmt, va_list ap)
{
    // Formatting may run repr(), which may raise: keep that error instead.
    tpy_object_t *msg = tpy_str_from_vformat(fmt, ap);
    if (msg != NULL) {
        tpy_err_set_object(type, msg);
        TPY_DECREF(msg);
    }
    return NULL;
}

tpy_object_t *tpy_err_format(tpy_type_t *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tpy_err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

tpy_object_t *tpy_err_bad_internal_call(const char *where)
{
    return tpy_err_format(&tpy_exc_SystemError, "bad argument to internal function (%s)",
                          where);
}

/* ---- argument checking for built-ins --------------------------------------- */

int tpy_arg_no_kw(const char *fname, tpy_object_t *kwnames)
{
    if (kwnames != NULL && TPY_TUPLE_SIZE(kwnames) > 0) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int tpy_arg_count(const char *fname, size_t nargs, tpy_object_t *kwnames, size_t min, intptr_t max)
{
    if (tpy_arg_no_kw(fname, kwnames) < 0) {
        return -1;
    }
    if (max >= 0 && (size_t)max == min && nargs != min) {
        tpy_err_format(&tpy_exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
                       min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs < min) {
        tpy_err_format(&tpy_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname,
                       min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (max >= 0 && nargs > (size_t)max) {
        tpy_err_format(&tpy_exc_TypeError, "%s expected at most %zd argument%s, got %zu", fname,
                       max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int tpy_arg_parse(const char *fname, tpy_object_t *const *args, size_t nargs,
                  tpy_object_t *kwnames, const char *const *names, size_t npos_only,
                  size_t nrequired, tpy_object_t **out)
{
    size_t nparams = 0;
    while (names[nparams] != NULL) {
        nparams++;
    }
    for (size_t i = 0; i < nparams; i++) {
        out[i] = NULL;
    }
    if (nargs > nparams) {
        tpy_err_format(&tpy_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname,
                       nparams, nparams == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    size_t nkw = tpy_kwcount(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *kw = TPY_TUPLE_GET(kwnames, k);
        size_t i;
        for (i = npos_only; i < nparams; i++) {
            if (tpy_str_eq_cstr(kw, names[i])) {
                break;
            }
        }
        if (i == nparams) {
            tpy_err_format(&tpy_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                           fname, kw);
            return -1;
        }
        if (out[i] != NULL) {
            tpy_err_format(&tpy_exc_TypeError,
                           "argument for %s() given by name ('%s') and position (%zu)", fname,
                           names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < nrequired; i++) {
        if (out[i] == NULL) {
            if (i < npos_only || i < nargs) {
                tpy_err_format(&tpy_exc_TypeError, "%s() takes at least %zu argument%s (%zu given)",
                               fname, nrequired, nrequired == 1 ? "" : "s", nargs);
            } else {
                tpy_err_format(&tpy_exc_TypeError,
                               "%s() missing required argument '%s' (pos %zu)", fname, names[i],
                               i + 1);
            }
            return -1;
        }
    }
    return 0;
}

void tpy_errors_init(void)
{
    tpy_object_t *args = tpy_tuple_new(0);
    memory_error_instance = args ? tpy_exc_new(&tpy_exc_MemoryError, args) : NULL;
    TPY_XDECREF(args);
}

void tpy_errors_fini(void)
{
    TPY_CLEAR(tpy_ts.exc);
    TPY_CLEAR(memory_error_instance);
}

void tpy_err_write_unraisable(tpy_object_t *obj)
{
    tpy_object_t *exc = tpy_err_fetch();
    if (exc == NULL) {
        return;
    }
    tpy_sys_flush_std();
    fflush(stdout);
    tpy_object_t *r = obj ? tpy_object_repr(obj) : NULL;
    if (r != NULL) {
        fprintf(stderr, "Exception ignored in: %s\n", TPY_STR_DATA(r));
        TPY_DECREF(r);
    } else {
        tpy_err_clear();
        fprintf(stderr, "Exception ignored in: <object repr() failed>\n");
    }
    if (tpy_ts.print_exception != NULL) {
        // CPython shows the exception alone here, not the chain it ends
        tpy_object_t *cause = NULL, *context = NULL;
        if (tpy_exc_check(exc)) {
            tpy_exception_t *e = (tpy_exception_t *)exc;
            cause = e->cause;
            context = e->context;
            e->cause = e->context = NULL;
        }
        tpy_ts.print_exception(exc);
        if (tpy_exc_check(exc)) {
            tpy_exception_t *e = (tpy_exception_t *)exc;
            e->cause = cause; // printing left both NULL
            e->context = context;
        }
    }
    TPY_DECREF(exc);
    tpy_err_clear();
}
