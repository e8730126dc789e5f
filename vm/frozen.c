/*
 * vm/frozen.c - the modules tpy carries as Python source: `weakref`
 * (vm/frozen/weakref.py).  CPython writes these in Python too; keeping them in
 * Python keeps their behaviour (generators, reprs, errors) close to CPython's.
 *
 * The Makefile turns vm/frozen/NAME.py into build/gen/frozen_NAME.c, which
 * defines the source text as the string tpy_frozen_NAME.  A frozen module is compiled when first imported; its code
 * objects name the file "<frozen NAME>", as CPython's frozen modules do.  Only
 * vm/ may compile source (runtime/ may not call the compiler), so this lives
 * here and import (vm/interp.c) asks it after the built-in module table.
 */
#include "vm/frozen.h"
#include "vm/vm.h"

#include <string.h>

extern const char tpy_frozen_weakref[]; // build/gen/frozen_weakref.c
extern const char tpy_frozen_typing[];   // build/gen/frozen_typing.c
extern const char tpy_frozen_psutil[];   // build/gen/frozen_psutil.c
extern const char tpy_frozen_objgraph[]; // build/gen/frozen_objgraph.c

typedef struct {
    const char *name;
    const char *source;
} frozen_module_t;

static const frozen_module_t frozen_modules[] = {
    {"weakref", tpy_frozen_weakref},
    {"typing", tpy_frozen_typing},
    {"psutil", tpy_frozen_psutil},
    {"objgraph", tpy_frozen_objgraph},
};

tpy_object_t *tpy_frozen_import(tpy_object_t *name)
{
    const frozen_module_t *fm = NULL;
    for (size_t i = 0; i < sizeof frozen_modules / sizeof frozen_modules[0]; i++) {
        if (tpy_str_eq_cstr(name, frozen_modules[i].name)) {
            fm = &frozen_modules[i];
        }
    }
    if (fm == NULL) {
        return NULL;
    }
    char filename[64];
    snprintf(filename, sizeof filename, "<frozen %s>", fm->name);
    tpy_object_t *module = tpy_module_new(fm->name);
    if (module == NULL) {
        return NULL;
    }
    if (tpy_dict_set(tpy_ts.modules, name, module) < 0) {
        TPY_DECREF(module);
        return NULL;
    }
    tpy_object_t *code =
        tpy_compile_source(fm->source, strlen(fm->source), filename, TPY_COMPILE_FILE);
    tpy_object_t *r = NULL;
    if (code != NULL) {
        r = tpy_eval_code(code, TPY_MODULE_DICT(module), TPY_MODULE_DICT(module));
        TPY_DECREF(code);
    }
    if (r == NULL) {
        // a module whose body failed is not left in sys.modules
        tpy_object_t *saved = tpy_err_fetch();
        tpy_dict_discard(tpy_ts.modules, name);
        tpy_err_restore(saved);
        TPY_DECREF(module);
        return NULL;
    }
    TPY_DECREF(r);
    return module;
}
