/*
 * vm/callargs.c - binding a call's arguments to a function's parameters:
 * positional, keyword, defaults, keyword-only, *args and **kwargs, with
 * CPython 3.11's TypeError messages ("f() missing 1 required positional
 * argument: 'x'", "got multiple values for argument", ...), which name the
 * function by its qualified name.
 */
#include "vm/evalops.h"

#include <stdio.h>
#include <string.h>

/* ---- argument binding ------------------------------------------------------------------ */

static tpy_object_t *func_qualname(tpy_function_t *func)
{
    return func->qualname;
}

/* "'a', 'b', and 'c'" */
static void format_names(tpy_strbuf_t *b, tpy_object_t **names, intptr_t n)
{
    for (intptr_t i = 0; i < n; i++) {
        if (i > 0) {
            tpy_strbuf_append_cstr(b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        }
        tpy_strbuf_append_char(b, '\'');
        tpy_strbuf_append_str(b, names[i]);
        tpy_strbuf_append_char(b, '\'');
    }
}

static void missing_args_error(tpy_function_t *func, tpy_frame_t *f, int start, int end,
                               bool kwonly)
{
    tpy_code_t *co = f->code;
    tpy_object_t *names[256];
    intptr_t n = 0;
    for (int i = start; i < end && n < 256; i++) {
        if (f->localsplus[i] == NULL) {
            names[n++] = TPY_TUPLE_GET(co->localsplusnames, i);
        }
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_append_str(&b, func_qualname(func));
    tpy_strbuf_printf(&b, "() missing %zd required %s argument%s: ", n,
                      kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s");
    format_names(&b, names, n);
    tpy_object_t *msg = tpy_strbuf_finish(&b);
    if (msg != NULL) {
        tpy_err_set_object(&tpy_exc_TypeError, msg);
        TPY_DECREF(msg);
    }
}

static void too_many_positional(tpy_function_t *func, tpy_frame_t *f, size_t given)
{
    tpy_code_t *co = f->code;
    intptr_t ndefaults = func->defaults ? TPY_TUPLE_SIZE(func->defaults) : 0;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        if (f->localsplus[i] != NULL) {
            kwonly_given++;
        }
    }
    char sig[128];
    int req = co->argcount - (int)ndefaults;
    if (ndefaults > 0) {
        snprintf(sig, sizeof sig, "from %d to %d positional arguments", req, co->argcount);
    } else {
        snprintf(sig, sizeof sig, "%d positional argument%s", co->argcount,
                 co->argcount == 1 ? "" : "s");
    }
    if (kwonly_given > 0) {
        tpy_err_format(&tpy_exc_TypeError,
                       "%U() takes %s but %zu positional argument%s (and %d keyword-only "
                       "argument%s) were given",
                       func_qualname(func), sig, given, given == 1 ? "" : "s", kwonly_given,
                       kwonly_given == 1 ? "" : "s");
    } else {
        tpy_err_format(&tpy_exc_TypeError, "%U() takes %s but %zu %s given", func_qualname(func),
                       sig, given, given == 1 ? "was" : "were");
    }
}

/* On an unknown keyword (no **kwargs): when some keywords name positional-only
 * parameters, CPython reports all of them, in parameter order, instead of the
 * unknown one.  True with TypeError set in that case. */
static bool posonly_passed_as_keyword(tpy_function_t *func, tpy_code_t *co,
                                     tpy_object_t *kwnames)
{
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    int found = 0;
    size_t nkw = tpy_kwcount(kwnames);
    for (int j = 0; j < co->posonlyargcount; j++) {
        tpy_object_t *pn = TPY_TUPLE_GET(co->localsplusnames, j);
        for (size_t k = 0; k < nkw; k++) {
            if (tpy_str_eq(pn, TPY_TUPLE_GET(kwnames, k))) {
                tpy_strbuf_append_cstr(&b, found++ ? ", " : "");
                tpy_strbuf_append_str(&b, pn);
                break;
            }
        }
    }
    tpy_object_t *names = tpy_strbuf_finish(&b);
    if (names == NULL) {
        return true; // MemoryError is set
    }
    if (found > 0) {
        tpy_err_format(&tpy_exc_TypeError,
                       "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                       func_qualname(func), names);
    }
    TPY_DECREF(names);
    return found > 0;
}

/* Bind a call's arguments into the fresh frame [f].  Borrowed arguments. 0/-1. */
int tpy_callargs_bind(tpy_frame_t *f, tpy_function_t *func, tpy_object_t *const *args,
                     size_t nargs, tpy_object_t *kwnames)
{
    tpy_code_t *co = f->code;
    tpy_object_t **locals = f->localsplus;
    int argcount = co->argcount;
    int total = argcount + co->kwonlyargcount;
    tpy_object_t *kwdict = NULL;
    if (co->flags & TPY_CO_VARKEYWORDS) {
        kwdict = tpy_dict_new();
        if (kwdict == NULL) {
            return -1;
        }
        locals[total + ((co->flags & TPY_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
    for (size_t i = 0; i < n; i++) {
        locals[i] = tpy_newref(args[i]);
    }
    if (co->flags & TPY_CO_VARARGS) {
        tpy_object_t *rest = nargs > n ? tpy_tuple_from_array(args + n, (intptr_t)(nargs - n))
                                       : tpy_tuple_new(0);
        if (rest == NULL) {
            return -1;
        }
        locals[total] = rest;
    } else if (nargs > (size_t)argcount) {
        // report after keywords are bound so kw-only counts are known
    }
    size_t nkw = tpy_kwcount(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        tpy_object_t *name = TPY_TUPLE_GET(kwnames, k);
        tpy_object_t *value = args[nargs + k];
        int j;
        for (j = co->posonlyargcount; j < total; j++) {
            tpy_object_t *pn = TPY_TUPLE_GET(co->localsplusnames, j);
            if (pn == name || tpy_str_eq(pn, name)) {
                break;
            }
        }
        if (j == total) {
            if (kwdict != NULL) {
                if (tpy_dict_set(kwdict, name, value) < 0) {
                    return -1;
                }
                continue;
            }
            if (posonly_passed_as_keyword(func, co, kwnames)) {
                return -1;
            }
            tpy_err_format(&tpy_exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                           func_qualname(func), name);
            return -1;
        }
        if (locals[j] != NULL) {
            tpy_err_format(&tpy_exc_TypeError, "%U() got multiple values for argument '%U'",
                           func_qualname(func), name);
            return -1;
        }
        locals[j] = tpy_newref(value);
    }
    if (nargs > (size_t)argcount && !(co->flags & TPY_CO_VARARGS)) {
        too_many_positional(func, f, nargs);
        return -1;
    }
    // defaults for the missing positional parameters
    if ((int)nargs < argcount) {
        intptr_t ndef = func->defaults ? TPY_TUPLE_SIZE(func->defaults) : 0;
        int first_default = argcount - (int)ndef;
        for (int i = (int)nargs; i < argcount; i++) {
            if (locals[i] == NULL && i >= first_default) {
                locals[i] = tpy_newref(TPY_TUPLE_GET(func->defaults, i - first_default));
            }
        }
        for (int i = (int)nargs; i < argcount; i++) {
            if (locals[i] == NULL) {
                missing_args_error(func, f, (int)nargs, argcount, false);
                return -1;
            }
        }
    }
    if (co->kwonlyargcount > 0) {
        for (int i = argcount; i < total; i++) {
            if (locals[i] != NULL) {
                continue;
            }
            tpy_object_t *d = NULL;
            if (func->kwdefaults != NULL) {
                d = tpy_dict_get_str_borrow(func->kwdefaults, TPY_TUPLE_GET(co->localsplusnames, i));
            }
            if (d != NULL) {
                locals[i] = tpy_newref(d);
            }
        }
        for (int i = argcount; i < total; i++) {
            if (locals[i] == NULL) {
                missing_args_error(func, f, argcount, total, true);
                return -1;
            }
        }
    }
    return 0;
}

