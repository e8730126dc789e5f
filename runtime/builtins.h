/*
 * runtime/builtins.h - the builtins module (builtins.c), the sys module
 * (sysmodule.c) and the other built-in modules (math, time, os: their own
 * files), plus small helpers the built-in functions share.
 */
#ifndef TPY_RUNTIME_BUILTINS_H
#define TPY_RUNTIME_BUILTINS_H

#include "gc/gc.h"
#include "runtime/moduleobject.h"

// The builtins module (new ref). Creates its dict on first call.
tpy_object_t *tpy_builtins_module_create(void);
// Make the builtins module's own types ready (at start-up).  0 or -1.
int tpy_builtins_init(void);
// The sys module (new ref); sys.argv from [argv] (argc entries).
tpy_object_t *tpy_sys_module_create(int argc, char **argv);
// Write [s] to sys.stdout / sys.stderr (through the file objects). 0 or -1.
int tpy_sys_write_stdout(tpy_object_t *s);
// print(*args, sep=, end=, file=, flush=) core, used by the REPL echo as well.
tpy_object_t *tpy_builtin_print(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames);

/*
 * Keyword arguments of a built-in whose keywords are all optional: [kwvalues]
 * are the values after the positional arguments of a vectorcall, [names] a
 * NULL-terminated list of accepted names; out[i] receives the borrowed value
 * for names[i] (entries for absent keywords are left as they were).  An
 * unknown name raises TypeError "'x' is an invalid keyword argument for f()"
 * ([fname] without parentheses) and returns -1; 0 otherwise.
 */
int tpy_builtin_kwargs(const char *fname, tpy_object_t *const *kwvalues, tpy_object_t *kwnames,
                       const char *const *names, tpy_object_t **out);

// The attribute [name] of type(op) found along its MRO (borrowed; NULL when
// absent, no exception): how special methods (__round__, __abs__) are found.
tpy_object_t *tpy_builtin_lookup_special_borrow(tpy_object_t *op, const char *name);

// Module init functions (each returns a new module object, NULL on error).
tpy_object_t *tpy_math_module_create(void);
tpy_object_t *tpy_time_module_create(void);
tpy_object_t *tpy_os_module_create(void);
// Ready the os module's own types (os._Environ) at start-up. 0 or -1.
int tpy_os_init(void);
// os.path (named "posixpath", as in CPython); `import os.path` gives os's own.
tpy_object_t *tpy_ospath_module_create(void);

// Flush sys.stdout then sys.stderr (the C-level file objects; errors are
// ignored).  The VM calls it before printing a traceback and at exit;
// an atexit handler calls it too.
void tpy_sys_flush_std(void);

#endif
