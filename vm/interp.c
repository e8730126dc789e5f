/*
 * vm/interp.c - the interpreter's life cycle: start-up (runtime, builtins,
 * sys, __main__), compiling and running source, uncaught exceptions and
 * SystemExit at top level, import, and the final clean-up.
 *
 * import looks in sys.modules, then the built-in module table, then for
 * NAME.py in the directory of the main script (sys.path[0]); a module is
 * entered into sys.modules before its body runs, so circular imports see the
 * partially initialised module, as in CPython.
 */
#include "vm/frame.h"
#include "vm/frozen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static tpy_object_t *main_module;

void tpy_traceback_cache_source(const char *filename, const char *src, size_t len);
tpy_object_t *tpy_compile_ast_err(tpy_module_ast_t *mod, const char *filename, tpy_arena_t *arena,
                                  tpy_syntax_error_t *err, bool keep_literals);

tpy_object_t *tpy_interp_main_globals(void)
{
    return main_module ? TPY_MODULE_DICT(main_module) : NULL;
}

static tpy_object_t *compile_source(const char *src, size_t len, const char *filename,
                                    tpy_compile_mode_t mode, bool keep_literals)
{
    tpy_arena_t *arena = tpy_arena_new();
    if (arena == NULL) {
        return tpy_err_no_memory();
    }
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof err);
    tpy_parse_mode_t pm = mode == TPY_COMPILE_SINGLE ? TPY_PARSE_SINGLE
                          : mode == TPY_COMPILE_EVAL ? TPY_PARSE_EVAL
                                                     : TPY_PARSE_FILE;
    tpy_module_ast_t *mod = tpy_parse(src, len, pm, arena, &err);
    tpy_object_t *code = NULL;
    static const char bad_utf8[] = "(unicode error) 'utf-8' codec can't decode byte 0x";
    if (mod == NULL && filename[0] != '<' &&
        strncmp(err.msg, bad_utf8, sizeof bad_utf8 - 1) == 0) {
        // a source file that is not UTF-8: CPython's reading error, without a location
        char hex[3] = {err.msg[sizeof bad_utf8 - 1], err.msg[sizeof bad_utf8], '\0'};
        tpy_err_format(&tpy_exc_SyntaxError,
                       "Non-UTF-8 code starting with '\\x%s' in file %s on line %d, but no "
                       "encoding declared; see https://peps.python.org/pep-0263/ for details",
                       hex, filename, err.lineno);
    } else if (mod == NULL) {
        tpy_raise_syntax_error(&err, filename, src, len);
    } else {
        code = tpy_compile_ast_err(mod, filename, arena, &err, keep_literals);
        if (code == NULL && err.kind != TPY_SYNERR_NONE) {
            tpy_raise_syntax_error(&err, filename, src, len);
        }
    }
    tpy_arena_free(arena);
    return code;
}

tpy_object_t *tpy_compile_source(const char *src, size_t len, const char *filename,
                                 tpy_compile_mode_t mode)
{
    return compile_source(src, len, filename, mode, false);
}

tpy_object_t *tpy_compile_source_main(const char *src, size_t len, const char *filename,
                                      tpy_compile_mode_t mode)
{
    return compile_source(src, len, filename, mode, true);
}

tpy_object_t *tpy_compile_ast(tpy_module_ast_t *mod, const char *filename, const char *src,
                              size_t srclen)
{
    tpy_arena_t *arena = tpy_arena_new();
    if (arena == NULL) {
        return tpy_err_no_memory();
    }
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof err);
    tpy_object_t *code = tpy_compile_ast_err(mod, filename, arena, &err, false);
    if (code == NULL && err.kind != TPY_SYNERR_NONE) {
        tpy_raise_syntax_error(&err, filename, src, srclen);
    }
    tpy_arena_free(arena);
    return code;
}

/* ---- top-level errors ------------------------------------------------------------- */

/* SystemExit(code): None → 0, int → it, anything else printed to stderr → 1. */
static int system_exit_status(tpy_object_t *exc)
{
    tpy_object_t *code = ((tpy_exception_t *)exc)->extra;
    if (code == NULL || code == tpy_none) {
        return 0;
    }
    if (TPY_INT_CHECK(code)) {
        int overflow = 0;
        int64_t v = tpy_int_as_i64_overflow(code, &overflow);
        return overflow ? -1 : (int)v;
    }
    tpy_sys_flush_std();
    fflush(stdout);
    tpy_object_t *s = tpy_object_str(code);
    if (s != NULL) {
        fprintf(stderr, "%s\n", TPY_STR_DATA(s));
        TPY_DECREF(s);
    } else {
        tpy_err_clear();
    }
    return 1;
}

int tpy_handle_uncaught(void)
{
    tpy_object_t *exc = tpy_err_fetch();
    if (exc == NULL) {
        return 0;
    }
    int status;
    if (tpy_type_is_subtype(TPY_TYPE(exc), &tpy_exc_SystemExit)) {
        status = system_exit_status(exc);
    } else {
        tpy_print_exception(exc);
        status = tpy_type_is_subtype(TPY_TYPE(exc), &tpy_exc_KeyboardInterrupt) ? 130 : 1;
    }
    TPY_DECREF(exc);
    return status;
}

int tpy_run_source(const char *src, size_t len, const char *filename)
{
    if (filename[0] != '<') {
        tpy_traceback_cache_source(filename, src, len);
    }
    tpy_object_t *code = tpy_compile_source_main(src, len, filename, TPY_COMPILE_FILE);
    if (code == NULL) {
        return tpy_handle_uncaught();
    }
    tpy_object_t *globals = TPY_MODULE_DICT(main_module);
    if (filename[0] != '<') {
        tpy_object_t *fn = tpy_str_from_cstr(filename);
        if (fn != NULL) {
            tpy_dict_set_cstr(globals, "__file__", fn);
            TPY_DECREF(fn);
        }
    }
    tpy_object_t *r = tpy_eval_code(code, globals, globals);
    TPY_DECREF(code);
    if (r == NULL) {
        return tpy_handle_uncaught();
    }
    TPY_DECREF(r);
    return 0;
}

/* ---- import --------------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    size_t cap = 1 << 14, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (buf != NULL) {
        *len = n;
    }
    return buf;
}

static tpy_object_t *load_source_module(tpy_object_t *name, const char *path)
{
    size_t len = 0;
    char *src = read_file(path, &len);
    if (src == NULL) {
        return tpy_err_format(&tpy_exc_ImportError, "cannot read %s", path);
    }
    tpy_object_t *module = tpy_module_new(TPY_STR_DATA(name));
    if (module == NULL) {
        free(src);
        return NULL;
    }
    tpy_object_t *fn = tpy_str_from_cstr(path);
    if (fn == NULL || tpy_module_add_object(module, "__file__", fn) < 0 ||
        tpy_dict_set(tpy_ts.modules, name, module) < 0) {
        TPY_XDECREF(fn);
        TPY_DECREF(module);
        free(src);
        return NULL;
    }
    TPY_DECREF(fn);
    tpy_object_t *code = tpy_compile_source(src, len, path, TPY_COMPILE_FILE);
    free(src);
    ((tpy_module_t *)module)->initializing = true;
    tpy_object_t *r = code ? tpy_eval_code(code, TPY_MODULE_DICT(module), TPY_MODULE_DICT(module))
                           : NULL;
    ((tpy_module_t *)module)->initializing = false;
    TPY_XDECREF(code);
    if (r == NULL) {
        tpy_object_t *saved = tpy_err_fetch();
        tpy_dict_discard(tpy_ts.modules, name);
        tpy_err_restore(saved);
        TPY_DECREF(module);
        return NULL;
    }
    TPY_DECREF(r);
    return module;
}

/* Import one (possibly dotted) module name; new ref to that module. */
static tpy_object_t *import_one(tpy_object_t *name)
{
    tpy_object_t *m = tpy_dict_get_borrow(tpy_ts.modules, name);
    if (m != NULL) {
        return tpy_newref(m);
    }
    const char *cname = TPY_STR_DATA(name);
    tpy_module_init_fn init = tpy_builtin_module_find(cname);
    if (init != NULL) {
        m = init();
        if (m == NULL) {
            return NULL;
        }
        if (tpy_dict_set(tpy_ts.modules, name, m) < 0) {
            TPY_DECREF(m);
            return NULL;
        }
        return m;
    }
    if ((m = tpy_frozen_import(name)) != NULL || tpy_err_occurred()) {
        return m;
    }
    if (strchr(cname, '.') == NULL && tpy_ts.main_dir != NULL) {
        tpy_object_t *path = tpy_str_from_format("%U/%s.py", tpy_ts.main_dir, cname);
        if (path == NULL) {
            return NULL;
        }
        struct stat st;
        if (stat(TPY_STR_DATA(path), &st) == 0 && S_ISREG(st.st_mode)) {
            m = load_source_module(name, TPY_STR_DATA(path));
            TPY_DECREF(path);
            return m;
        }
        TPY_DECREF(path);
    }
    const char *dot = strrchr(cname, '.');
    if (dot != NULL) {
        // the parent was imported first (tpy_import): a module, never a package in tpy
        tpy_object_t *parent = tpy_str_from_utf8(cname, (size_t)(dot - cname));
        if (parent == NULL) {
            return NULL;
        }
        tpy_err_format(&tpy_exc_ModuleNotFoundError, "No module named '%U'; '%U' is not a package",
                       name, parent);
        TPY_DECREF(parent);
    } else {
        tpy_err_format(&tpy_exc_ModuleNotFoundError, "No module named '%U'", name);
    }
    tpy_exception_t *e = (tpy_exception_t *)tpy_err_occurred();
    if (e != NULL && TPY_TYPE(e) == &tpy_exc_ModuleNotFoundError) {
        // ImportError's (msg, name, path) fields (runtime/exceptions.c)
        tpy_object_t *info = tpy_tuple_pack(3, TPY_TUPLE_GET(e->args, 0), name, tpy_none);
        if (info != NULL) {
            TPY_SETREF(e->extra, info);
        } else {
            tpy_err_clear();
            tpy_err_no_memory();
        }
    }
    return NULL;
}

tpy_object_t *tpy_import(tpy_object_t *name, tpy_object_t *fromlist, int level)
{
    if (level > 0) {
        return tpy_err_format(&tpy_exc_ImportError,
                              "attempted relative import with no known parent package");
    }
    if (TPY_STR_LEN(name) == 0) {
        return tpy_err_format(&tpy_exc_ValueError, "Empty module name");
    }
    // import each prefix of a dotted name: a, a.b, a.b.c
    const char *s = TPY_STR_DATA(name);
    tpy_object_t *top = NULL, *last = NULL;
    for (const char *p = s;; p++) {
        if (*p == '.' || *p == '\0') {
            tpy_object_t *prefix = tpy_str_from_utf8(s, (size_t)(p - s));
            if (prefix == NULL) {
                TPY_XDECREF(top);
                TPY_XDECREF(last);
                return NULL;
            }
            tpy_object_t *m = import_one(prefix);
            TPY_DECREF(prefix);
            if (m == NULL) {
                TPY_XDECREF(top);
                TPY_XDECREF(last);
                return NULL;
            }
            if (top == NULL) {
                top = tpy_newref(m);
            }
            TPY_XDECREF(last);
            last = m;
            if (*p == '\0') {
                break;
            }
        }
    }
    bool want_leaf = fromlist != NULL && fromlist != tpy_none && TPY_TUPLE_CHECK(fromlist) &&
                     TPY_TUPLE_SIZE(fromlist) > 0;
    if (want_leaf) {
        TPY_DECREF(top);
        return last;
    }
    TPY_DECREF(last);
    return top;
}

static tpy_object_t *import_hook(tpy_object_t *name)
{
    return tpy_import(name, NULL, 0);
}

/* ---- life cycle -------------------------------------------------------------------- */

int tpy_interp_init(int argc, char **argv)
{
    if (tpy_runtime_init() < 0) {
        return -1;
    }
    tpy_eval_init();
    if (tpy_type_slots_installed(&tpy_function_type) < 0) {
        return -1;
    }
    tpy_ts.print_exception = tpy_print_exception;
    tpy_ts.import_module = import_hook;
    tpy_ts.modules = tpy_dict_new();
    if (tpy_ts.modules == NULL) {
        return -1;
    }
    tpy_object_t *bm = tpy_builtins_module_create();
    if (bm == NULL) {
        return -1;
    }
    tpy_ts.builtins = tpy_newref(TPY_MODULE_DICT(bm));
    int failed = tpy_dict_set_cstr(tpy_ts.modules, "builtins", bm);
    TPY_DECREF(bm); // sys.modules holds it (or start-up fails)
    if (failed < 0) {
        return -1;
    }
    tpy_object_t *sys = tpy_sys_module_create(argc, argv);
    if (sys == NULL) {
        return -1;
    }
    tpy_ts.sys = sys;
    if (tpy_dict_set_cstr(tpy_ts.modules, "sys", sys) < 0) {
        return -1;
    }
    main_module = tpy_module_new("__main__");
    if (main_module == NULL || tpy_dict_set_cstr(tpy_ts.modules, "__main__", main_module) < 0 ||
        tpy_dict_set_cstr(TPY_MODULE_DICT(main_module), "__builtins__", bm) < 0) {
        return -1;
    }
    return tpy_err_occurred() ? -1 : 0;
}

/* Set the values of module dict [d] to None the way CPython clears a module
 * at exit: names starting with a single underscore first, then every other
 * name but __builtins__, in insertion order. */
static void clear_module_dict(tpy_object_t *d)
{
    tpy_object_t *keys = tpy_dict_keys_list(d);
    if (keys == NULL) {
        tpy_err_clear();
        return;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (intptr_t i = 0; i < TPY_LIST_SIZE(keys); i++) {
            tpy_object_t *k = TPY_LIST_GET(keys, i);
            if (!TPY_STR_CHECK(k) || strcmp(TPY_STR_DATA(k), "__builtins__") == 0) {
                continue;
            }
            const char *name = TPY_STR_DATA(k);
            bool underscore = name[0] == '_' && name[1] != '_';
            if (pass == 0 ? !underscore : underscore) {
                continue;
            }
            if (tpy_dict_set(d, k, tpy_none) < 0) {
                tpy_err_clear();
            }
        }
    }
    TPY_DECREF(keys);
}

/*
 * Tear the program down so that every object dies and every __del__ runs:
 * __main__ first (its dict dies with the module unless functions keep it: a
 * collection then finds that cycle), then the other modules, newest import
 * first, each dict cleared as CPython does; a full collection after each
 * step frees what the clearing left in cycles.
 */
static void finalize_modules(void)
{
    if (tpy_ts.modules == NULL) {
        return;
    }
    tpy_object_t *saved = tpy_err_fetch();
    tpy_gc_collect(TPY_GC_NGEN - 1);
    if (tpy_dict_get_cstr_borrow(tpy_ts.modules, "__main__") == main_module &&
        main_module != NULL) {
        tpy_object_t *key = tpy_str_from_cstr("__main__");
        if (key == NULL || tpy_dict_del(tpy_ts.modules, key) < 0) {
            tpy_err_clear();
        }
        TPY_XDECREF(key);
    }
    TPY_CLEAR(main_module);
    tpy_gc_collect(TPY_GC_NGEN - 1);
    tpy_object_t *mods = tpy_list_new(0);
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    while (mods != NULL && tpy_dict_next(tpy_ts.modules, &pos, &k, &v)) {
        if (tpy_list_append(mods, v) < 0) {
            TPY_CLEAR(mods);
        }
    }
    if (mods != NULL) {
        for (intptr_t i = TPY_LIST_SIZE(mods); --i >= 0;) {
            tpy_object_t *m = TPY_LIST_GET(mods, i);
            if (TPY_MODULE_CHECK(m) && m != tpy_ts.sys && TPY_MODULE_DICT(m) != tpy_ts.builtins) {
                clear_module_dict(TPY_MODULE_DICT(m));
            }
        }
        TPY_DECREF(mods);
    }
    tpy_err_clear();
    tpy_gc_collect(TPY_GC_NGEN - 1);
    tpy_err_restore(saved);
}

/* After the program's objects: the interpreter's own.  The module table, sys
 * and builtins go, a last collection frees their cycles, then the runtime
 * frees the static types' dictionaries, the interned strings and the free
 * lists.  A debug build with TPY_MEM_LEAKS=1 then reports any block still
 * allocated (gc/alloc.c): each one is a leaked reference somewhere. */
static void free_runtime(void)
{
    tpy_gcmodule_fini(); // gc.garbage and gc.callbacks go; DEBUG_SAVEALL ends
    if (tpy_ts.modules != NULL) {
        tpy_dict_clear(tpy_ts.modules);
    }
    if (tpy_ts.sys != NULL) {
        tpy_dict_clear(TPY_MODULE_DICT(tpy_ts.sys));
    }
    if (tpy_ts.builtins != NULL) {
        tpy_dict_clear(tpy_ts.builtins);
    }
    TPY_CLEAR(tpy_ts.modules);
    TPY_CLEAR(tpy_ts.sys);
    TPY_CLEAR(tpy_ts.builtins);
    TPY_CLEAR(tpy_ts.argv);
    TPY_CLEAR(tpy_ts.main_dir);
    tpy_err_clear();
    tpy_gc_collect(TPY_GC_NGEN - 1);
    tpy_eval_fini();
    tpy_runtime_fini();
}

void tpy_interp_fini(void)
{
    tpy_weakref_run_atexit(); // weakref.finalize(..., atexit=True), before any teardown
    finalize_modules();
    // flush sys.stdout / sys.stderr
    if (tpy_ts.sys != NULL) {
        const char *names[] = {"stdout", "stderr"};
        for (int i = 0; i < 2; i++) {
            tpy_object_t *f = tpy_object_getattr_cstr(tpy_ts.sys, names[i]);
            if (f != NULL) {
                tpy_object_t *r = tpy_object_call_method(f, "flush", NULL, 0);
                TPY_XDECREF(r);
                TPY_DECREF(f);
            }
            tpy_err_clear();
        }
    }
    fflush(stdout);
    fflush(stderr);
    free_runtime();
}
