/*
 * vm/vm.h - the public header of the VM layer: code objects, compiling source
 * to code, running code, tracebacks, the interpreter's life cycle.
 */
#ifndef TPY_VM_VM_H
#define TPY_VM_VM_H

#include <stdio.h>

#include "grammar/grammar.h"
#include "runtime/runtime.h"
#include "vm/opcodes.h"

/* code flags */
enum {
    TPY_CO_OPTIMIZED = 1 << 0,  // fast locals (functions)
    TPY_CO_NEWLOCALS = 1 << 1,
    TPY_CO_VARARGS = 1 << 2,
    TPY_CO_VARKEYWORDS = 1 << 3,
    TPY_CO_NESTED = 1 << 4,
    TPY_CO_GENERATOR = 1 << 5,
    TPY_CO_NOFREE = 1 << 6,
};

/* Source range of one instruction, for tracebacks (CPython 3.11's positions). */
typedef struct {
    int32_t lineno, end_lineno, col, end_col;
} tpy_codepos_t;

/* The inline cache of one global name (LOAD_GLOBAL), shared by every use of
 * the name in a code object. */
typedef struct {
    void *gtable, *btable;               // tables the entries below point into
    intptr_t gcap, bcap;                 // their capacities (fix the layout)
    tpy_dict_entry_t *gentry, *bentry;   // where the name was found
    uint64_t absent_tag;                 // globals' key-set tag when the name was absent
    intptr_t absent_nentries;            // ... and its entry count (new keys append)
} tpy_globalcache_t;

/* The inline cache of one attribute name (LOAD_ATTR / LOAD_METHOD /
 * STORE_ATTR on instances of one class), valid while tpy_type_epoch holds. */
typedef struct {
    tpy_type_t *type;        // the instances' class (borrowed; the epoch guards it)
    uint32_t epoch;
    uint8_t kind;            // TPY_AC_*
    intptr_t hint;           // entry index of the name in instance dicts
    intptr_t vindex;         // index of the name in the class's shared attribute table, or -1
    tpy_object_t *method;    // TPY_AC_METHOD: the function found on the class (borrowed)
} tpy_attrcache_t;

enum {
    TPY_AC_NONE,       // nothing cached
    TPY_AC_INSTANCE,   // the class has no attribute of that name: read/write the dict
    TPY_AC_METHOD,     // a plain function on the class (method call without binding)
};

typedef struct {
    tpy_object_t ob;
    uint32_t *code;
    intptr_t ncode;
    tpy_codepos_t *positions;      // one per instruction
    tpy_object_t *consts;          // tuple
    tpy_object_t *names;           // tuple of interned str (globals, attributes)
    tpy_object_t *localsplusnames; // tuple: locals (params first), cells, frees
    tpy_object_t *name, *qualname, *filename;
    int32_t *cell2arg;             // for each cell: the parameter it starts from, or -1
    tpy_globalcache_t *gcache;     // one per name (for LOAD_GLOBAL)
    tpy_attrcache_t *acache;       // two per name (attribute instructions): two classes each
    int nlocals, ncells, nfrees, nlocalsplus;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;
    int stacksize;
    int firstlineno;
    bool plain_args;               // positional parameters only (no *args, **kw, kw-only),
                                   // not a generator: a call may push its frame directly
    size_t framesize;              // bytes of a frame running this code, 16-byte multiple
    // a main program's literals (tpy_compile_source_main), released with it
    tpy_object_t **literals;
    intptr_t nliterals, capliterals;
} tpy_code_t;

extern tpy_type_t tpy_code_type;
// The instruction a superinstruction starts with; any other opcode unchanged.
int tpy_code_base_op(int op);
#define TPY_CODE_CHECK(op) (TPY_TYPE(op) == &tpy_code_type)

/* ---- compiling ------------------------------------------------------------------ */

typedef enum { TPY_COMPILE_FILE, TPY_COMPILE_SINGLE, TPY_COMPILE_EVAL } tpy_compile_mode_t;

// Parse and compile [len] bytes of [src] named [filename] into a code object.
// On a syntax error raises SyntaxError/IndentationError/TabError (with
// filename, line, offset, text) and returns NULL.
tpy_object_t *tpy_compile_source(const char *src, size_t len, const char *filename,
                                 tpy_compile_mode_t mode);
// The same for a main program (a script, -c, stdin, a REPL input): the code
// object also keeps a reference to each literal of the source, as CPython's
// syntax tree does while the program runs (sys.getrefcount counts it).
tpy_object_t *tpy_compile_source_main(const char *src, size_t len, const char *filename,
                                      tpy_compile_mode_t mode);
// Compile an already parsed module.  SyntaxError (e.g. 'return' outside
// function) on failure.
tpy_object_t *tpy_compile_ast(tpy_module_ast_t *mod, const char *filename, const char *src,
                              size_t srclen);

/* ---- running ---------------------------------------------------------------------- */

// Run a module-level code object with [globals] as its namespace.  New ref.
tpy_object_t *tpy_eval_code(tpy_object_t *code, tpy_object_t *globals, tpy_object_t *locals);
// Install the function call slot and the runtime hooks.
void tpy_eval_init(void);
void tpy_eval_fini(void);

/* ---- tracebacks --------------------------------------------------------------------- */

extern tpy_type_t tpy_traceback_type;
// A traceback entry for instruction [index] of [code] in the frame numbered
// [serial], in front of [next] (stolen, may be NULL).
tpy_object_t *tpy_traceback_new(tpy_object_t *code, intptr_t index, uint64_t serial,
                                tpy_object_t *next);
uint64_t tpy_traceback_serial(tpy_object_t *tb);
// Print [exc] (with its chain) to stderr in CPython's format.
void tpy_print_exception(tpy_object_t *exc);
// A SyntaxError for a parse error, set as the current exception.
void tpy_raise_syntax_error(const tpy_syntax_error_t *err, const char *filename, const char *src,
                            size_t len);

/* ---- disassembler ------------------------------------------------------------------- */

// Print the bytecode of [code] and of every code object among its constants.
void tpy_dis(tpy_object_t *code, FILE *out);

/* ---- the interpreter ---------------------------------------------------------------- */

// Bring up the runtime, builtins, sys (with argv). 0 or -1.
int tpy_interp_init(int argc, char **argv);
// Final clean-up: flush files, release modules and the runtime.
void tpy_interp_fini(void);
// The __main__ module's globals (borrowed).
tpy_object_t *tpy_interp_main_globals(void);
// Run [src] as __main__ named [filename]: 0 success, else the process exit
// status (1 after printing an uncaught exception; SystemExit's code).
int tpy_run_source(const char *src, size_t len, const char *filename);
// Handle the current exception at top level: SystemExit → its exit status;
// anything else: print it, return 1.
int tpy_handle_uncaught(void);
// The interactive loop on stdin. Returns the exit status.
int tpy_repl(void);

/* ---- import --------------------------------------------------------------------------- */

// import [name] (dotted names allowed) — new ref to the top-level module
// when [fromlist] is empty, else to the named module.
tpy_object_t *tpy_import(tpy_object_t *name, tpy_object_t *fromlist, int level);

#endif
