/*
 * runtime/state.h - the interpreter state: the one thread's current exception,
 * recursion depth, the builtins and sys.modules dicts, and hooks that vm/
 * installs so runtime/ can reach the eval loop without including it.
 */
#ifndef TPY_RUNTIME_STATE_H
#define TPY_RUNTIME_STATE_H

#include "gc/gc.h"

typedef struct tpy_state {
    tpy_object_t *exc;           // current exception (owned) or NULL
    tpy_object_t *handled;       // exception being handled (sys.exc_info), owned
    int depth;                   // current Python call depth
    int recursion_limit;         // sys.getrecursionlimit(), default 1000
    int c_depth;                 // nesting of C-level recursion (repr, compare)
    tpy_object_t *builtins;      // dict of the builtins module
    tpy_object_t *modules;       // sys.modules
    tpy_object_t *sys;           // the sys module
    tpy_object_t *argv;          // list for sys.argv
    tpy_object_t *main_dir;      // directory of the main script (str) or NULL
    volatile int interrupted;    // SIGINT arrived (checked at safe points)
    bool interactive;            // running the REPL

    /* hooks installed by vm/ at start-up */
    // Traceback of the frames currently running, appended to [exc] as it
    // propagates out of C code called from Python is done by vm itself.
    // Import module [name] (new ref) — used by runtime modules that import.
    tpy_object_t *(*import_module)(tpy_object_t *name);
    // Print [exc] with its traceback to stderr in CPython's format.
    void (*print_exception)(tpy_object_t *exc);
    // Return (new ref) the globals dict of the innermost Python frame, or NULL.
    tpy_object_t *(*current_globals)(void);
    // Return (new ref) a dict of the innermost frame's locals (for vars()/locals()).
    tpy_object_t *(*current_locals)(void);
} tpy_state_t;

extern tpy_state_t tpy_ts;

#define TPY_DEFAULT_RECURSION_LIMIT 1000

#endif
