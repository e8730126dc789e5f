/*
 * vm/eval.c - the eval loop: frames on the data stack, argument binding,
 * computed-goto dispatch, exception unwinding, and function calls.
 *
 * Invariants:
 *  - every stack slot between the frame's stack base and sp holds an owned
 *    reference (or NULL, the marker PUSH_NULL leaves for plain calls);
 *  - a Python-to-Python call pushes a frame and continues in the same C loop;
 *    only calls made from C (tp_call of a function) and generator resumption
 *    enter tpy_eval_frame recursively, and those frames are marked `entry`;
 *  - the error path adds a traceback entry for the frame where an exception
 *    passes, then unwinds the frame's block stack to the innermost handler.
 * Safe points (loop back-edges and calls) check for Ctrl-C.
 */
#include "vm/evalops.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

tpy_frame_t *tpy_current_frame;
static uint64_t frame_serial;

/* ---- the data stack -------------------------------------------------------------- */

#define CHUNK_SIZE ((size_t)1 << 20)

typedef struct chunk {
    struct chunk *prev;
    size_t size, top;
    char data[];
} chunk_t;

static chunk_t *chunk_cur;

static void *data_stack_push_slow(size_t size);

// [size] is a multiple of 16: a code object's framesize is rounded so.
static inline void *data_stack_push(size_t size)
{
    if (chunk_cur != NULL && chunk_cur->top + size <= chunk_cur->size) {
        void *p = chunk_cur->data + chunk_cur->top;
        chunk_cur->top += size;
        return p;
    }
    return data_stack_push_slow(size);
}

static void *data_stack_push_slow(size_t size)
{
    if (chunk_cur == NULL || chunk_cur->top + size > chunk_cur->size) {
        size_t want = size > CHUNK_SIZE / 2 ? size * 2 : CHUNK_SIZE;
        chunk_t *c = tpy_mem_alloc(sizeof(chunk_t) + want);
        if (c == NULL) {
            return NULL;
        }
        c->prev = chunk_cur;
        c->size = want;
        c->top = 0;
        chunk_cur = c;
    }
    void *p = chunk_cur->data + chunk_cur->top;
    chunk_cur->top += size;
    return p;
}

static inline void data_stack_pop(void *p, size_t size)
{
    chunk_cur->top -= size;
    (void)p;
    if (chunk_cur->top == 0 && chunk_cur->prev != NULL) {
        chunk_t *c = chunk_cur;
        chunk_cur = c->prev;
        tpy_mem_free(c, sizeof(chunk_t) + c->size);
    }
}

/* ---- C stack guard ---------------------------------------------------------------- */

static char *c_stack_base;
static size_t c_stack_limit = 6u << 20;

static bool c_stack_exhausted(void)
{
    char here;
    if (c_stack_base == NULL) {
        return false;
    }
    size_t used = (size_t)(c_stack_base > &here ? c_stack_base - &here : &here - c_stack_base);
    return used > c_stack_limit;
}

/* ---- frames ------------------------------------------------------------------------ */

static size_t frame_size(tpy_code_t *co)
{
    return co->framesize;
}

/*
 * A frame owns a reference to its function, which keeps the code, globals and
 * builtins alive: those three are borrowed then.  Module and class-body frames
 * (no function) own them directly.
 */
/* The fields every new frame starts with; references are the caller's job. */
static inline void frame_init_fields(tpy_frame_t *f, tpy_code_t *co, tpy_object_t *func,
                                     tpy_object_t *globals, tpy_object_t *builtins, size_t size)
{
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = NULL;
    f->previous = NULL;
    f->ip = co->code;
    f->sp = f->localsplus + co->nlocalsplus;
    f->gen = NULL;
    f->serial = 0; // numbered when it first appears in a traceback
    f->size = size;
    f->nblocks = 0;
    f->entry = false;
    f->throwflag = false;
    f->yielded = false;
    f->init_self = NULL;
}

static void frame_init(tpy_frame_t *f, tpy_code_t *co, tpy_object_t *func, tpy_object_t *globals,
                       tpy_object_t *builtins, tpy_object_t *locals, size_t size)
{
    frame_init_fields(f, co, func ? tpy_newref(func) : NULL, globals, builtins, size);
    if (func == NULL) {
        TPY_INCREF(co);
        TPY_INCREF(globals);
        TPY_INCREF(builtins);
    }
    f->locals = locals ? tpy_newref(locals) : NULL;
    for (int i = 0; i < co->nlocalsplus; i++) {
        f->localsplus[i] = NULL;
    }
}

void tpy_frame_clear(tpy_frame_t *f)
{
    tpy_object_t **base = TPY_FRAME_STACK_BASE(f);
    while (f->sp > base) {
        tpy_object_t *v = *--f->sp;
        TPY_XDECREF(v);
    }
    int n = f->code->nlocalsplus;
    for (int i = 0; i < n; i++) {
        TPY_CLEAR(f->localsplus[i]);
    }
    TPY_CLEAR(f->locals);
    TPY_CLEAR(f->init_self);
    if (f->func != NULL) {
        TPY_CLEAR(f->func);
        f->code = NULL;
        f->globals = NULL;
        f->builtins = NULL;
    } else {
        TPY_CLEAR(f->globals);
        TPY_CLEAR(f->builtins);
        TPY_CLEAR(f->code);
    }
}

/* Push a frame for calling [func]; NULL with an exception set on failure. */
static tpy_frame_t *push_frame(tpy_function_t *func, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    tpy_code_t *co = (tpy_code_t *)func->code;
    if (tpy_ts.depth >= tpy_ts.recursion_limit) {
        tpy_err_set_str(&tpy_exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    size_t size = frame_size(co);
    tpy_frame_t *f = data_stack_push(size);
    if (f == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    frame_init(f, co, TPY_OBJ(func), func->globals, func->builtins, NULL, size);
    // fast path: exact positional call, no defaults needed, no */** parameters
    if (kwnames == NULL && nargs == (size_t)co->argcount &&
        !(co->flags & (TPY_CO_VARARGS | TPY_CO_VARKEYWORDS)) && co->kwonlyargcount == 0) {
        for (size_t i = 0; i < nargs; i++) {
            f->localsplus[i] = tpy_newref(args[i]);
        }
    } else if (tpy_callargs_bind(f, func, args, nargs, kwnames) < 0) {
        tpy_frame_clear(f);
        data_stack_pop(f, size);
        return NULL;
    }
    tpy_ts.depth++;
    return f;
}

/*
 * The eval loop's call of a plain function with exactly its positional
 * arguments: the frame takes over the references held by the caller's stack
 * ([args] and [func]), so no count changes hands.  NULL (nothing stolen) when
 * the fast path does not apply or the frame cannot be made.
 */
static tpy_frame_t *push_frame_steal(tpy_function_t *func, tpy_object_t **args, size_t nargs)
{
    tpy_code_t *co = (tpy_code_t *)func->code;
    if (nargs != (size_t)co->argcount || !co->plain_args ||
        tpy_ts.depth >= tpy_ts.recursion_limit) {
        return NULL;
    }
    size_t size = frame_size(co);
    tpy_frame_t *f = data_stack_push(size);
    if (f == NULL) {
        return NULL;
    }
    frame_init_fields(f, co, TPY_OBJ(func), func->globals, func->builtins, size);
    // a few words each: plain loops beat calls into libc here (the Makefile
    // keeps gcc from turning them back into memcpy/memset)
    for (size_t i = 0; i < nargs; i++) {
        f->localsplus[i] = args[i];
    }
    for (size_t i = nargs; i < (size_t)co->nlocalsplus; i++) {
        f->localsplus[i] = NULL;
    }
    tpy_ts.depth++;
    return f;
}

static void pop_frame(tpy_frame_t *f)
{
    tpy_frame_clear(f);
    tpy_ts.depth--;
    data_stack_pop(f, f->size);
}

tpy_frame_t *tpy_frame_new_heap(tpy_object_t *funcobj, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    tpy_function_t *func = (tpy_function_t *)funcobj;
    tpy_code_t *co = (tpy_code_t *)func->code;
    size_t size = frame_size(co);
    tpy_frame_t *f = tpy_mem_alloc(size);
    if (f == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    frame_init(f, co, funcobj, func->globals, func->builtins, NULL, size);
    if (tpy_callargs_bind(f, func, args, nargs, kwnames) < 0) {
        tpy_frame_clear(f);
        tpy_mem_free(f, size);
        return NULL;
    }
    return f;
}

void tpy_frame_free_heap(tpy_frame_t *f)
{
    size_t size = f->size;
    if (f->code != NULL) {
        tpy_frame_clear(f);
    }
    tpy_mem_free(f, size);
}

/* A function called from C: generators get a generator; others run here. */
static tpy_object_t *function_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    tpy_function_t *func = (tpy_function_t *)callable;
    tpy_code_t *co = (tpy_code_t *)func->code;
    if (co->flags & TPY_CO_GENERATOR) {
        tpy_frame_t *f = tpy_frame_new_heap(callable, args, nargs, kwnames);
        if (f == NULL) {
            return NULL;
        }
        return tpy_gen_new(f, func->name, func->qualname);
    }
    tpy_frame_t *f = push_frame(func, args, nargs, kwnames);
    if (f == NULL) {
        return NULL;
    }
    f->entry = true;
    return tpy_eval_frame(f);
}

static tpy_object_t *build_class(tpy_object_t *body, tpy_object_t *name, tpy_object_t *const *bases,
                                 size_t nbases, tpy_object_t *kwnames)
{
    tpy_function_t *func = (tpy_function_t *)body;
    tpy_object_t *ns = tpy_dict_new();
    tpy_object_t *bt = tpy_tuple_from_array(bases, (intptr_t)nbases);
    if (ns == NULL || bt == NULL) {
        TPY_XDECREF(ns);
        TPY_XDECREF(bt);
        return NULL;
    }
    tpy_code_t *co = (tpy_code_t *)func->code;
    size_t size = frame_size(co);
    tpy_frame_t *f = NULL;
    if (tpy_ts.depth >= tpy_ts.recursion_limit) {
        tpy_err_set_str(&tpy_exc_RecursionError, "maximum recursion depth exceeded");
    } else {
        f = data_stack_push(size);
        if (f == NULL) {
            tpy_err_no_memory();
        }
    }
    if (f == NULL) {
        TPY_DECREF(ns);
        TPY_DECREF(bt);
        return NULL;
    }
    frame_init(f, co, body, func->globals, func->builtins, ns, size);
    tpy_ts.depth++;
    f->entry = true;
    tpy_object_t *r = tpy_eval_frame(f);
    if (r == NULL) {
        TPY_DECREF(ns);
        TPY_DECREF(bt);
        return NULL;
    }
    TPY_DECREF(r);
    tpy_object_t *cell = tpy_dict_get_cstr_borrow(ns, "__classcell__");
    if (cell != NULL) {
        TPY_INCREF(cell);
        tpy_object_t *key = tpy_str_intern_cstr("__classcell__");
        if (key == NULL || tpy_dict_del(ns, key) < 0) {
            TPY_XDECREF(key);
            TPY_DECREF(cell);
            TPY_DECREF(ns);
            TPY_DECREF(bt);
            return NULL;
        }
        TPY_DECREF(key);
    }
    tpy_object_t *cls = tpy_type_new_class_kw(name, bt, ns, bases + nbases, kwnames);
    if (cls != NULL && cell != NULL && TPY_TYPE(cell) == &tpy_cell_type) {
        TPY_SETREF(((tpy_cell_t *)cell)->ref, tpy_newref(cls));
    }
    TPY_XDECREF(cell);
    TPY_DECREF(ns);
    TPY_DECREF(bt);
    return cls;
}

/* Work due at a safe point (call, return, backward jump): a scheduled cycle
 * collection, then a pending Ctrl-C.  -1 with KeyboardInterrupt set, else 0. */
#define SAFE_POINT_DUE() ((tpy_ts.interrupted | tpy_gc_pending) != 0)

static int run_safe_point(void)
{
    if (tpy_gc_pending) {
        tpy_gc_collect_pending();
    }
    if (tpy_ts.interrupted) {
        tpy_ts.interrupted = 0;
        tpy_err_set_object(&tpy_exc_KeyboardInterrupt, NULL);
        return -1;
    }
    return 0;
}

/* Ctrl-C arrived: raise KeyboardInterrupt at the next safe point. */
static void on_sigint(int sig)
{
    (void)sig;
    tpy_ts.interrupted = 1;
}

/* Pop a finished call's slots [stop, sp) (callable, self or NULL, arguments,
 * keyword values) and its keyword names; returns the new stack pointer. */
static inline tpy_object_t **release_call(tpy_object_t **sp, tpy_object_t **stop,
                                          tpy_object_t *kwnames)
{
    while (sp > stop) {
        tpy_object_t *x = *--sp;
        TPY_XDECREF(x);
    }
    TPY_XDECREF(kwnames);
    return stop;
}

/* ---- the loop ------------------------------------------------------------------------- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(intptr_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define INSTR_INDEX() ((intptr_t)(ip - co->code) - 1)

#define LOAD_FRAME()                                                                              \
    do {                                                                                          \
        co = frame->code;                                                                         \
        ip = frame->ip;                                                                           \
        sp = frame->sp;                                                                           \
        localsplus = frame->localsplus;                                                           \
        consts = TPY_TUPLE_ITEMS(co->consts);                                                     \
        names = TPY_TUPLE_ITEMS(co->names);                                                       \
        stack_base = TPY_FRAME_STACK_BASE(frame);                                                 \
    } while (0)
#define SAVE_FRAME()                                                                              \
    do {                                                                                          \
        frame->ip = ip;                                                                           \
        frame->sp = sp;                                                                           \
    } while (0)

#define DISPATCH()                                                                                \
    do {                                                                                          \
        word = *ip++;                                                                             \
        oparg = TPY_ARG(word);                                                                    \
        goto *dispatch_table[TPY_OP(word)];                                                       \
    } while (0)

#define TARGET(name) L_##name:

// Go on with instruction B, the second half of a superinstruction.
#define THEN(B)                                                                                   \
    do {                                                                                          \
        word = *ip++;                                                                             \
        oparg = TPY_ARG(word);                                                                    \
        goto L_##B;                                                                               \
    } while (0)

// The bodies of the instructions that start superinstructions.
#define DO_LOAD_CONST()                                                                           \
    do {                                                                                          \
        tpy_object_t *v_ = consts[oparg];                                                         \
        TPY_INCREF(v_);                                                                           \
        PUSH(v_);                                                                                 \
    } while (0)

#define DO_LOAD_FAST()                                                                            \
    do {                                                                                          \
        tpy_object_t *v_ = localsplus[oparg];                                                     \
        if (v_ == NULL) {                                                                         \
            tpy_evalops_unbound_local(co, (int)oparg);                                            \
            goto error_tb;                                                                        \
        }                                                                                         \
        TPY_INCREF(v_);                                                                           \
        PUSH(v_);                                                                                 \
    } while (0)

#define DO_STORE_FAST()                                                                           \
    do {                                                                                          \
        tpy_object_t *v_ = POP();                                                                 \
        tpy_object_t *old_ = localsplus[oparg];                                                   \
        localsplus[oparg] = v_;                                                                   \
        TPY_XDECREF(old_);                                                                        \
    } while (0)

// LOAD_GLOBAL through its inline cache (globals, then builtins).
#define DO_LOAD_GLOBAL()                                                                          \
    do {                                                                                          \
        tpy_object_t *name_ = names[oparg];                                                       \
        tpy_globalcache_t *gc_ = &co->gcache[oparg];                                              \
        tpy_dict_t *g_ = (tpy_dict_t *)frame->globals;                                            \
        tpy_object_t *v_;                                                                         \
        if (g_->table == gc_->gtable && g_->capacity == gc_->gcap &&                              \
            gc_->gentry->key == name_) {                                                          \
            v_ = gc_->gentry->value;                                                              \
        } else {                                                                                  \
            tpy_dict_t *b_ = (tpy_dict_t *)frame->builtins;                                       \
            if (g_->nentries == gc_->absent_nentries && gc_->absent_tag != 0 &&                   \
                tpy_dict_keys_tag(frame->globals) == gc_->absent_tag &&                           \
                b_->table == gc_->btable && b_->capacity == gc_->bcap &&                          \
                gc_->bentry->key == name_) {                                                      \
                v_ = gc_->bentry->value;                                                          \
            } else {                                                                              \
                v_ = tpy_evalops_load_global_slow(gc_, frame->globals, frame->builtins, name_);   \
                if (v_ == NULL) {                                                                 \
                    tpy_evalops_name_error(name_);                                                \
                    goto error_tb;                                                                \
                }                                                                                 \
            }                                                                                     \
        }                                                                                         \
        TPY_INCREF(v_);                                                                           \
        PUSH(v_);                                                                                 \
    } while (0)

tpy_object_t *tpy_eval_frame(tpy_frame_t *entry_frame)
{
    static void *const dispatch_table[OP__COUNT] = {
#define TPY_LABEL(name, kind, effect, jeffect) &&L_##name,
        TPY_OPCODES(TPY_LABEL)
#undef TPY_LABEL
#define TPY_SUPER_LABEL(name, first, second) &&L_##name,
        TPY_SUPERINSTRS(TPY_SUPER_LABEL)
#undef TPY_SUPER_LABEL
    };
    tpy_frame_t *frame = entry_frame;
    tpy_code_t *co;
    uint32_t *ip;
    tpy_object_t **sp, **localsplus, **stack_base;
    tpy_object_t *const *consts;
    tpy_object_t *const *names;
    uint32_t word, oparg;
    bool add_tb;
    tpy_object_t *retval = NULL;
    size_t call_nargs;             // CALL and CALL_KW share one body (BUILD_CLASS[_KW] too)
    tpy_object_t *call_kwnames;
    tpy_frame_t *new_frame;        // a pushed callee, entered at enter_frame

    if (c_stack_exhausted()) {
        tpy_err_set_str(&tpy_exc_RecursionError, "maximum recursion depth exceeded");
        // the caller owns the frame: clear it as a failed call would
        frame->previous = tpy_current_frame;
        tpy_current_frame = frame;
        LOAD_FRAME();
        add_tb = false;
        goto error;
    }
    frame->previous = tpy_current_frame;
    tpy_current_frame = frame;
    LOAD_FRAME();
    if (frame->throwflag) {
        // gen.throw(): raise the current exception where the generator is
        // suspended (its __context__ is the generator's business, set already);
        // a generator that never ran raises it at its `def` line (a NOP)
        frame->throwflag = false;
        if (ip == co->code && TPY_OP(*ip) == OP_NOP) {
            ip++;
        }
        goto error_add_tb;
    }
    DISPATCH();

    TARGET(NOP)
    {
        DISPATCH();
    }
    TARGET(POP_TOP)
    {
        tpy_object_t *v = POP();
        TPY_XDECREF(v);
        DISPATCH();
    }
    TARGET(PUSH_NULL)
    {
        PUSH(NULL);
        DISPATCH();
    }
    TARGET(COPY)
    {
        tpy_object_t *v = PEEK(oparg);
        TPY_XINCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP)
    {
        tpy_object_t *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST)
    {
        DO_LOAD_CONST();
        DISPATCH();
    }
    TARGET(LOAD_FAST)
    {
        DO_LOAD_FAST();
        DISPATCH();
    }
    TARGET(STORE_FAST)
    {
        DO_STORE_FAST();
        DISPATCH();
    }
    // superinstructions (vm/opcodes.h): the first half here, then the second
    // instruction's own handler with its operand
    TARGET(LOAD_FAST__LOAD_FAST)
    {
        DO_LOAD_FAST();
        THEN(LOAD_FAST);
    }
    TARGET(LOAD_FAST__LOAD_CONST)
    {
        DO_LOAD_FAST();
        THEN(LOAD_CONST);
    }
    TARGET(LOAD_FAST__BINARY_OP)
    {
        DO_LOAD_FAST();
        THEN(BINARY_OP);
    }
    TARGET(LOAD_FAST__LOAD_ATTR)
    {
        DO_LOAD_FAST();
        THEN(LOAD_ATTR);
    }
    TARGET(LOAD_FAST__LOAD_METHOD)
    {
        DO_LOAD_FAST();
        THEN(LOAD_METHOD);
    }
    TARGET(LOAD_FAST__CALL)
    {
        DO_LOAD_FAST();
        THEN(CALL);
    }
    TARGET(LOAD_CONST__BINARY_OP)
    {
        DO_LOAD_CONST();
        THEN(BINARY_OP);
    }
    TARGET(LOAD_CONST__COMPARE_OP)
    {
        DO_LOAD_CONST();
        THEN(COMPARE_OP);
    }
    TARGET(LOAD_CONST__BINARY_SUBSCR)
    {
        DO_LOAD_CONST();
        THEN(BINARY_SUBSCR);
    }
    TARGET(LOAD_CONST__RETURN_VALUE)
    {
        DO_LOAD_CONST();
        THEN(RETURN_VALUE);
    }
    TARGET(STORE_FAST__LOAD_FAST)
    {
        DO_STORE_FAST();
        THEN(LOAD_FAST);
    }
    TARGET(DELETE_FAST)
    {
        tpy_object_t *old = localsplus[oparg];
        if (old == NULL) {
            tpy_evalops_unbound_local(co, (int)oparg);
            goto error_tb;
        }
        localsplus[oparg] = NULL;
        TPY_DECREF(old);
        DISPATCH();
    }
    TARGET(MAKE_CELL)
    {
        tpy_object_t *cell = tpy_cell_new(localsplus[oparg]);
        if (cell == NULL) {
            goto error_tb;
        }
        TPY_XDECREF(localsplus[oparg]);
        localsplus[oparg] = cell;
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS)
    {
        tpy_object_t *closure = ((tpy_function_t *)frame->func)->closure;
        int start = co->nlocalsplus - (int)oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            localsplus[start + (int)i] = tpy_newref(TPY_TUPLE_GET(closure, i));
        }
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE)
    {
        tpy_object_t *cell = localsplus[oparg];
        TPY_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }
    TARGET(LOAD_DEREF)
    {
        tpy_object_t *v = ((tpy_cell_t *)localsplus[oparg])->ref;
        if (v == NULL) {
            if ((int)oparg >= co->nlocalsplus - co->nfrees) {
                tpy_err_format(&tpy_exc_NameError,
                               "cannot access free variable '%U' where it is not associated "
                               "with a value in enclosing scope",
                               TPY_TUPLE_GET(co->localsplusnames, oparg));
            } else {
                tpy_evalops_unbound_local(co, (int)oparg);
            }
            goto error_tb;
        }
        TPY_INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF)
    {
        tpy_object_t *name = TPY_TUPLE_GET(co->localsplusnames, oparg);
        tpy_object_t *v = frame->locals ? tpy_dict_get_str_borrow(frame->locals, name) : NULL;
        if (v == NULL) {
            v = ((tpy_cell_t *)localsplus[oparg])->ref;
            if (v == NULL) {
                tpy_err_format(&tpy_exc_NameError,
                               "cannot access free variable '%U' where it is not associated "
                               "with a value in enclosing scope",
                               name);
                goto error_tb;
            }
        }
        TPY_INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF)
    {
        tpy_object_t *v = POP();
        tpy_cell_t *cell = (tpy_cell_t *)localsplus[oparg];
        TPY_SETREF(cell->ref, v);
        DISPATCH();
    }
    TARGET(DELETE_DEREF)
    {
        tpy_cell_t *cell = (tpy_cell_t *)localsplus[oparg];
        if (cell->ref == NULL) {
            tpy_evalops_unbound_local(co, (int)oparg);
            goto error_tb;
        }
        TPY_CLEAR(cell->ref);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL)
    {
        DO_LOAD_GLOBAL();
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL__PUSH_NULL)
    {
        DO_LOAD_GLOBAL();
        ip++;
        PUSH(NULL);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL)
    {
        tpy_object_t *v = POP();
        int r = tpy_dict_set(frame->globals, names[oparg], v);
        TPY_DECREF(v);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL)
    {
        int r = tpy_dict_discard(frame->globals, names[oparg]);
        if (r <= 0) {
            if (r == 0) {
                tpy_evalops_name_error(names[oparg]);
            }
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME)
    {
        tpy_object_t *name = names[oparg];
        tpy_object_t *v = NULL;
        if (frame->locals != NULL) {
            v = tpy_dict_get_str_borrow(frame->locals, name);
        }
        if (v == NULL) {
            v = tpy_dict_get_str_borrow(frame->globals, name);
        }
        if (v == NULL) {
            v = tpy_dict_get_str_borrow(frame->builtins, name);
        }
        if (v == NULL) {
            tpy_evalops_name_error(name);
            goto error_tb;
        }
        TPY_INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME)
    {
        tpy_object_t *v = POP();
        tpy_object_t *ns = frame->locals ? frame->locals : frame->globals;
        int r = tpy_dict_set(ns, names[oparg], v);
        TPY_DECREF(v);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(DELETE_NAME)
    {
        tpy_object_t *ns = frame->locals ? frame->locals : frame->globals;
        int r = tpy_dict_discard(ns, names[oparg]);
        if (r <= 0) {
            if (r == 0) {
                tpy_evalops_name_error(names[oparg]);
            }
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(LOAD_ATTR)
    {
        tpy_object_t *obj = TOP();
        tpy_attrcache_t *ac = &co->acache[2 * oparg];
        ac += ac->type != TPY_TYPE(obj); // two classes per instruction
        if (ac->type == TPY_TYPE(obj) && ac->epoch == tpy_type_epoch &&
            ac->kind == TPY_AC_INSTANCE) {
            tpy_object_t *d = *(tpy_object_t **)((char *)obj + ac->type->tp_dictoffset);
            tpy_values_t *vals = tpy_slot_values(d);
            tpy_object_t *v = NULL;
            if (vals != NULL) {
                intptr_t i = ac->vindex;
                v = i >= 0 && i < vals->cap ? vals->items[i] : NULL;
            } else if (d != NULL) {
                v = tpy_dict_get_str_hinted(d, names[oparg], &ac->hint);
            }
            if (v != NULL) {
                TPY_INCREF(v);
                SET_TOP(v);
                TPY_DECREF(obj);
                DISPATCH();
            }
        }
        tpy_object_t *v = tpy_object_getattr(obj, names[oparg]);
        if (v != NULL) {
            tpy_evalops_fill_attrcache(&co->acache[2 * oparg], obj, names[oparg], false);
        }
        TPY_DECREF(obj);
        SET_TOP(v);
        if (v == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(LOAD_METHOD)
    {
        tpy_object_t *obj = TOP();
        tpy_attrcache_t *ac = &co->acache[2 * oparg];
        ac += ac->type != TPY_TYPE(obj); // two classes per instruction
        if (ac->type == TPY_TYPE(obj) && ac->epoch == tpy_type_epoch &&
            ac->kind == TPY_AC_METHOD) {
            // the class's function, unless the instance dict shadows the name
            tpy_object_t *d = *(tpy_object_t **)((char *)obj + ac->type->tp_dictoffset);
            tpy_values_t *vals = tpy_slot_values(d);
            bool shadowed;
            if (vals != NULL) {
                intptr_t i = ac->vindex;
                shadowed = i >= 0 && i < vals->cap && vals->items[i] != NULL;
            } else {
                shadowed = d != NULL && tpy_dict_get_str_borrow(d, names[oparg]) != NULL;
            }
            if (!shadowed) {
                SET_TOP(tpy_newref(ac->method));
                PUSH(obj);
                DISPATCH();
            }
        }
        tpy_evalops_fill_attrcache(&co->acache[2 * oparg], obj, names[oparg], true);
        bool unbound;
        tpy_object_t *m = tpy_object_get_method(obj, names[oparg], &unbound);
        if (m == NULL) {
            goto error_tb;
        }
        if (unbound) {
            SET_TOP(m);
            PUSH(obj); // the reference moves to the self slot
        } else {
            SET_TOP(m);
            TPY_DECREF(obj);
            PUSH(NULL);
        }
        DISPATCH();
    }
    TARGET(STORE_ATTR)
    {
        tpy_object_t *obj = POP();
        tpy_object_t *v = POP();
        tpy_attrcache_t *ac = &co->acache[2 * oparg];
        int r;
        ac += ac->type != TPY_TYPE(obj);
        if (ac->type == TPY_TYPE(obj) && ac->epoch == tpy_type_epoch &&
            ac->kind == TPY_AC_INSTANCE) {
            tpy_object_t *d = *(tpy_object_t **)((char *)obj + ac->type->tp_dictoffset);
            tpy_values_t *vals = tpy_slot_values(d);
            intptr_t i = ac->vindex;
            if (vals != NULL && i >= 0 && i < vals->cap && vals->items[i] != NULL) {
                // replacing a present attribute keeps the insertion order
                tpy_object_t *old = vals->items[i];
                vals->items[i] = v;
                TPY_DECREF(old);
                TPY_DECREF(obj);
                DISPATCH();
            }
            if (i >= 0 && (vals != NULL || d == NULL)) {
                // a new attribute (self.x = x in __init__)
                r = tpy_values_store_new(obj, i, v);
                if (r != 0) {
                    TPY_DECREF(v);
                    TPY_DECREF(obj);
                    if (r < 0) {
                        goto error_tb;
                    }
                    DISPATCH();
                }
            }
            if (vals == NULL && d != NULL) {
                r = tpy_dict_set(d, names[oparg], v);
                TPY_DECREF(v);
                TPY_DECREF(obj);
                if (r < 0) {
                    goto error_tb;
                }
                DISPATCH();
            }
        }
        r = tpy_object_setattr(obj, names[oparg], v);
        if (r == 0) {
            tpy_evalops_fill_attrcache(&co->acache[2 * oparg], obj, names[oparg], false);
        }
        TPY_DECREF(v);
        TPY_DECREF(obj);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(DELETE_ATTR)
    {
        tpy_object_t *obj = POP();
        int r = tpy_object_delattr(obj, names[oparg]);
        TPY_DECREF(obj);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR)
    {
        tpy_object_t *key = POP();
        tpy_object_t *obj = TOP();
        tpy_object_t *v;
        if (TPY_TYPE(obj) == &tpy_list_type && TPY_TYPE(key) == &tpy_int_type &&
            tpy_int_is_small(key)) {
            int64_t i = ((tpy_int_t *)key)->v;
            intptr_t n = TPY_LIST_SIZE(obj);
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                v = tpy_newref(TPY_LIST_GET(obj, i));
                goto subscr_done;
            }
        } else if (TPY_TYPE(obj) == &tpy_tuple_type && TPY_TYPE(key) == &tpy_int_type &&
                   tpy_int_is_small(key)) {
            int64_t i = ((tpy_int_t *)key)->v;
            intptr_t n = TPY_TUPLE_SIZE(obj);
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                v = tpy_newref(TPY_TUPLE_GET(obj, i));
                goto subscr_done;
            }
        }
        v = tpy_object_getitem(obj, key);
    subscr_done:
        TPY_DECREF(key);
        TPY_DECREF(obj);
        SET_TOP(v);
        if (v == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(STORE_SUBSCR)
    {
        tpy_object_t *key = POP();
        tpy_object_t *obj = POP();
        tpy_object_t *v = POP();
        int r;
        if (TPY_TYPE(obj) == &tpy_list_type && TPY_TYPE(key) == &tpy_int_type &&
            tpy_int_is_small(key)) {
            int64_t i = ((tpy_int_t *)key)->v;
            intptr_t n = TPY_LIST_SIZE(obj);
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                tpy_object_t *old = TPY_LIST_ITEMS(obj)[i];
                TPY_LIST_ITEMS(obj)[i] = v;
                TPY_DECREF(old);
                TPY_DECREF(key);
                TPY_DECREF(obj);
                DISPATCH();
            }
        }
        r = tpy_object_setitem(obj, key, v);
        TPY_DECREF(v);
        TPY_DECREF(key);
        TPY_DECREF(obj);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR)
    {
        tpy_object_t *key = POP();
        tpy_object_t *obj = POP();
        int r = tpy_object_delitem(obj, key);
        TPY_DECREF(key);
        TPY_DECREF(obj);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(BUILD_SLICE)
    {
        tpy_object_t *step = oparg == 3 ? POP() : NULL;
        tpy_object_t *stop = POP();
        tpy_object_t *start = TOP();
        tpy_object_t *s = tpy_slice_new(start, stop, step);
        TPY_DECREF(start);
        TPY_DECREF(stop);
        TPY_XDECREF(step);
        SET_TOP(s);
        if (s == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(BINARY_OP)
    {
        tpy_object_t *b = POP();
        tpy_object_t *a = TOP();
        tpy_object_t *r;
        int64_t z;
        double fz;
        int op = (int)(oparg & 15);
        if (TPY_TYPE(a) == &tpy_int_type && TPY_TYPE(b) == &tpy_int_type) {
            int64_t x = ((tpy_int_t *)a)->v, y = ((tpy_int_t *)b)->v;
            if (tpy_int_fits_small(x) && tpy_int_fits_small(y)) {
                switch (op) {
                case TPY_BINOP_ADD:
                    if (!__builtin_add_overflow(x, y, &z) && tpy_int_fits_small(z)) {
                        goto int_result;
                    }
                    break;
                case TPY_BINOP_SUB:
                    if (!__builtin_sub_overflow(x, y, &z) && tpy_int_fits_small(z)) {
                        goto int_result;
                    }
                    break;
                case TPY_BINOP_MUL:
                    if (!__builtin_mul_overflow(x, y, &z) && tpy_int_fits_small(z)) {
                        goto int_result;
                    }
                    break;
                case TPY_BINOP_FLOORDIV:
                    if (y > 0 && x >= 0) {
                        z = x / y;
                        goto int_result;
                    }
                    break;
                case TPY_BINOP_MOD:
                    if (y > 0 && x >= 0) {
                        z = x % y;
                        goto int_result;
                    }
                    break;
                case TPY_BINOP_AND:
                    z = x & y;
                    goto int_result;
                case TPY_BINOP_OR:
                    z = x | y;
                    goto int_result;
                case TPY_BINOP_XOR:
                    z = x ^ y;
                    goto int_result;
                default:
                    break;
                }
            }
        } else if ((TPY_TYPE(a) == &tpy_float_type || TPY_TYPE(a) == &tpy_int_type) &&
                   (TPY_TYPE(b) == &tpy_float_type || TPY_TYPE(b) == &tpy_int_type)) {
            // at least one float (int-int was handled above); small ints convert
            // exactly as float(int) does (round to nearest)
            double x, y;
            if (TPY_TYPE(a) == &tpy_float_type) {
                x = TPY_FLOAT_VALUE(a);
            } else if (tpy_int_is_small(a)) {
                x = (double)((tpy_int_t *)a)->v;
            } else {
                goto slow_binop;
            }
            if (TPY_TYPE(b) == &tpy_float_type) {
                y = TPY_FLOAT_VALUE(b);
            } else if (tpy_int_is_small(b)) {
                y = (double)((tpy_int_t *)b)->v;
            } else {
                goto slow_binop;
            }
            switch (op) {
            case TPY_BINOP_ADD:
                fz = x + y;
                goto float_result;
            case TPY_BINOP_SUB:
                fz = x - y;
                goto float_result;
            case TPY_BINOP_MUL:
                fz = x * y;
                goto float_result;
            case TPY_BINOP_TRUEDIV:
                if (y != 0.0) {
                    fz = x / y;
                    goto float_result;
                }
                break;
            case TPY_BINOP_POW:
                // a positive finite base: float ** is C's pow (the rest, and
                // overflow, go to float's own method)
                if (x > 0.0 && isfinite(x) && isfinite(y)) {
                    fz = pow(x, y);
                    if (isfinite(fz)) {
                        goto float_result;
                    }
                }
                break;
            default:
                break;
            }
            goto slow_binop;
        float_result:
            // an operand only the stack holds is dead after this: reuse it
            if (TPY_TYPE(a) == &tpy_float_type && TPY_REFCNT(a) == 1) {
                TPY_FLOAT_VALUE(a) = fz;
                TPY_DECREF(b);
                DISPATCH();
            }
            if (TPY_TYPE(b) == &tpy_float_type && TPY_REFCNT(b) == 1) {
                TPY_FLOAT_VALUE(b) = fz;
                TPY_DECREF(a);
                SET_TOP(b);
                DISPATCH();
            }
            r = tpy_float_from_double(fz);
            goto binop_done;
        }
        if (op == TPY_BINOP_ADD && TPY_TYPE(a) == &tpy_str_type &&
            TPY_TYPE(b) == &tpy_str_type) {
            // s = s + t / s += t on strs: the local gives up its reference so
            // that a sole owner grows in place (no quadratic loops)
            uint32_t next = *ip;
            if ((TPY_OP(next) == OP_STORE_FAST || TPY_OP(next) == OP_STORE_FAST__LOAD_FAST) &&
                localsplus[TPY_ARG(next)] == a) {
                localsplus[TPY_ARG(next)] = NULL;
                TPY_DECREF(a); // the stack still holds it
                r = a;
                if (tpy_str_append_inplace(&r, b) < 0) {
                    TPY_DECREF(b);
                    sp--;
                    goto error_tb;
                }
                TPY_DECREF(b);
                SET_TOP(r);
                DISPATCH();
            }
            r = tpy_str_concat(a, b);
            goto binop_done;
        }
        goto slow_binop;
    int_result:
        // the same for ints, never for the pooled small ones: they keep their value
        if ((z < TPY_SMALLINT_MIN || z > TPY_SMALLINT_MAX) && tpy_int_fits_small(z)) {
            int64_t av = ((tpy_int_t *)a)->v, bv = ((tpy_int_t *)b)->v;
            if (TPY_REFCNT(a) == 1 && (av < TPY_SMALLINT_MIN || av > TPY_SMALLINT_MAX)) {
                ((tpy_int_t *)a)->v = z;
                TPY_DECREF(b);
                DISPATCH();
            }
            if (TPY_REFCNT(b) == 1 && (bv < TPY_SMALLINT_MIN || bv > TPY_SMALLINT_MAX)) {
                ((tpy_int_t *)b)->v = z;
                TPY_DECREF(a);
                SET_TOP(b);
                DISPATCH();
            }
        }
        r = tpy_int_from_small(z);
        goto binop_done;
    slow_binop:
        r = oparg >= 16 ? tpy_number_inplace(a, b, op) : tpy_number_binop(a, b, op);
    binop_done:
        TPY_DECREF(a);
        TPY_DECREF(b);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE)
    {
        tpy_object_t *a = TOP();
        tpy_object_t *r = tpy_number_unop(a, TPY_UNOP_NEG);
        TPY_DECREF(a);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE)
    {
        tpy_object_t *a = TOP();
        tpy_object_t *r = tpy_number_unop(a, TPY_UNOP_POS);
        TPY_DECREF(a);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(UNARY_INVERT)
    {
        tpy_object_t *a = TOP();
        tpy_object_t *r = tpy_number_unop(a, TPY_UNOP_INVERT);
        TPY_DECREF(a);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(UNARY_NOT)
    {
        tpy_object_t *a = TOP();
        int t = tpy_object_is_true(a);
        TPY_DECREF(a);
        if (t < 0) {
            sp--;
            goto error_tb;
        }
        SET_TOP(tpy_newref(t ? tpy_false : tpy_true));
        DISPATCH();
    }
    TARGET(COMPARE_OP)
    {
        tpy_object_t *b = POP();
        tpy_object_t *a = TOP();
        tpy_object_t *r;
        if (TPY_TYPE(a) == &tpy_int_type && TPY_TYPE(b) == &tpy_int_type &&
            tpy_int_is_small(a) && tpy_int_is_small(b)) {
            int64_t x = ((tpy_int_t *)a)->v, y = ((tpy_int_t *)b)->v;
            bool t = tpy_cmp_ints(x, y, (int)oparg);
            // a comparison feeding a conditional jump: branch without a bool
            uint32_t next = *ip;
            if (TPY_OP(next) == OP_POP_JUMP_IF_FALSE || TPY_OP(next) == OP_POP_JUMP_IF_TRUE) {
                TPY_DECREF(a);
                TPY_DECREF(b);
                sp--;
                ip++;
                if (t == (TPY_OP(next) == OP_POP_JUMP_IF_TRUE)) {
                    ip = co->code + TPY_ARG(next);
                }
                DISPATCH();
            }
            r = tpy_newref(t ? tpy_true : tpy_false);
        } else {
            r = tpy_object_richcompare(a, b, (int)oparg);
        }
        TPY_DECREF(a);
        TPY_DECREF(b);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(IS_OP)
    {
        tpy_object_t *b = POP();
        tpy_object_t *a = TOP();
        bool t = (a == b) ^ (oparg != 0);
        TPY_DECREF(a);
        TPY_DECREF(b);
        SET_TOP(tpy_newref(t ? tpy_true : tpy_false));
        DISPATCH();
    }
    // `x is y` deciding a branch: no bool in between
#define IS_OP_JUMP(jump_when)                                                                     \
    do {                                                                                          \
        tpy_object_t *b_ = POP();                                                                 \
        tpy_object_t *a_ = POP();                                                                 \
        bool t_ = (a_ == b_) ^ (oparg != 0);                                                      \
        TPY_DECREF(a_);                                                                           \
        TPY_DECREF(b_);                                                                           \
        word = *ip++;                                                                             \
        if (t_ == (jump_when)) {                                                                  \
            ip = co->code + TPY_ARG(word);                                                        \
        }                                                                                         \
    } while (0)
    TARGET(IS_OP__POP_JUMP_IF_FALSE)
    {
        IS_OP_JUMP(false);
        DISPATCH();
    }
    TARGET(IS_OP__POP_JUMP_IF_TRUE)
    {
        IS_OP_JUMP(true);
        DISPATCH();
    }
#undef IS_OP_JUMP
    TARGET(CONTAINS_OP)
    {
        tpy_object_t *container = POP();
        tpy_object_t *item = TOP();
        int t = tpy_object_contains(container, item);
        TPY_DECREF(container);
        TPY_DECREF(item);
        if (t < 0) {
            sp--;
            goto error_tb;
        }
        SET_TOP(tpy_newref((t ^ (oparg != 0)) ? tpy_true : tpy_false));
        DISPATCH();
    }
    TARGET(JUMP)
    {
        ip = co->code + oparg;
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD)
    {
        ip = co->code + oparg;
        if (SAFE_POINT_DUE() && run_safe_point() < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE)
    {
        tpy_object_t *v = POP();
        int t;
        if (v == tpy_true) {
            t = 1;
        } else if (v == tpy_false) {
            t = 0;
        } else {
            t = tpy_object_is_true(v);
        }
        TPY_DECREF(v);
        if (t < 0) {
            goto error_tb;
        }
        if (!t) {
            ip = co->code + oparg;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE)
    {
        tpy_object_t *v = POP();
        int t;
        if (v == tpy_true) {
            t = 1;
        } else if (v == tpy_false) {
            t = 0;
        } else {
            t = tpy_object_is_true(v);
        }
        TPY_DECREF(v);
        if (t < 0) {
            goto error_tb;
        }
        if (t) {
            ip = co->code + oparg;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP)
    {
        int t = tpy_object_is_true(TOP());
        if (t < 0) {
            goto error_tb;
        }
        if (!t) {
            ip = co->code + oparg;
        } else {
            tpy_object_t *v = POP();
            TPY_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP)
    {
        int t = tpy_object_is_true(TOP());
        if (t < 0) {
            goto error_tb;
        }
        if (t) {
            ip = co->code + oparg;
        } else {
            tpy_object_t *v = POP();
            TPY_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(GET_ITER)
    {
        tpy_object_t *v = TOP();
        tpy_object_t *it = tpy_object_getiter(v);
        TPY_DECREF(v);
        SET_TOP(it);
        if (it == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(FOR_ITER)
    {
        tpy_object_t *it = TOP();
        tpy_object_t *v = TPY_TYPE(it)->tp_iternext(it);
        if (v != NULL) {
            PUSH(v);
            DISPATCH();
        }
        if (tpy_err_occurred()) {
            if (!tpy_err_matches(&tpy_exc_StopIteration)) {
                goto error_tb;
            }
            tpy_err_clear();
        }
        sp--;
        TPY_DECREF(it);
        ip = co->code + oparg;
        DISPATCH();
    }
    TARGET(BUILD_TUPLE)
    {
        tpy_object_t *t = tpy_tuple_from_array_steal(sp - oparg, (intptr_t)oparg);
        sp -= oparg;
        if (t == NULL) {
            goto error_tb;
        }
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST)
    {
        tpy_object_t *l = tpy_list_new((intptr_t)oparg);
        if (l == NULL) {
            goto error_tb;
        }
        for (uint32_t i = 0; i < oparg; i++) {
            TPY_LIST_ITEMS(l)[i] = sp[(intptr_t)i - (intptr_t)oparg];
        }
        sp -= oparg;
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET)
    {
        tpy_object_t *s = tpy_set_new(NULL);
        int err = s == NULL;
        for (uint32_t i = 0; i < oparg; i++) {
            tpy_object_t *item = sp[(intptr_t)i - (intptr_t)oparg];
            if (!err && tpy_set_add(s, item) < 0) {
                err = 1;
            }
            TPY_DECREF(item);
        }
        sp -= oparg;
        if (err) {
            TPY_XDECREF(s);
            goto error_tb;
        }
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP)
    {
        tpy_object_t *d = tpy_dict_new();
        int err = d == NULL;
        for (uint32_t i = 0; i < oparg; i++) {
            tpy_object_t *k = sp[2 * ((intptr_t)i - (intptr_t)oparg)];
            tpy_object_t *v = sp[2 * ((intptr_t)i - (intptr_t)oparg) + 1];
            if (!err && tpy_dict_set(d, k, v) < 0) {
                err = 1;
            }
        }
        for (uint32_t i = 0; i < 2 * oparg; i++) {
            tpy_object_t *x = POP();
            TPY_DECREF(x);
        }
        if (err) {
            TPY_XDECREF(d);
            goto error_tb;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_STRING)
    {
        tpy_strbuf_t b;
        tpy_strbuf_init(&b);
        for (uint32_t i = 0; i < oparg; i++) {
            tpy_strbuf_append_str(&b, sp[(intptr_t)i - (intptr_t)oparg]);
        }
        for (uint32_t i = 0; i < oparg; i++) {
            tpy_object_t *x = POP();
            TPY_DECREF(x);
        }
        tpy_object_t *s = tpy_strbuf_finish(&b);
        if (s == NULL) {
            goto error_tb;
        }
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND)
    {
        tpy_object_t *v = POP();
        if (tpy_list_append_steal(PEEK(oparg), v) < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(SET_ADD)
    {
        tpy_object_t *v = POP();
        int r = tpy_set_add(PEEK(oparg), v);
        TPY_DECREF(v);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(MAP_ADD)
    {
        tpy_object_t *v = POP();
        tpy_object_t *k = POP();
        int r = tpy_dict_set(PEEK(oparg), k, v);
        TPY_DECREF(k);
        TPY_DECREF(v);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(LIST_EXTEND)
    {
        tpy_object_t *it = POP();
        uint32_t depth = oparg & ~(uint32_t)TPY_EXTEND_CALL;
        int r = tpy_list_extend(PEEK(depth), it);
        if (r < 0 && tpy_err_matches(&tpy_exc_TypeError) && TPY_TYPE(it)->tp_iter == NULL &&
            TPY_TYPE(it)->tp_getitem == NULL) {
            tpy_err_clear();
            if (oparg & TPY_EXTEND_CALL) {
                // [callable, self|NULL, list]
                tpy_evalops_call_unpack_error(PEEK(depth + 2), it, false);
            } else {
                tpy_err_format(&tpy_exc_TypeError, "Value after * must be an iterable, not %T",
                               it);
            }
        }
        TPY_DECREF(it);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(SET_UPDATE)
    {
        tpy_object_t *it = POP();
        int r = tpy_set_update(PEEK(oparg), it);
        TPY_DECREF(it);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(DICT_UPDATE)
    {
        tpy_object_t *m = POP();
        int r = tpy_dict_update(PEEK(oparg), m);
        if (r < 0 && tpy_err_matches(&tpy_exc_TypeError) && !TPY_DICT_CHECK(m)) {
            tpy_err_clear();
            tpy_err_format(&tpy_exc_TypeError, "'%T' object is not a mapping", m);
        }
        TPY_DECREF(m);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(DICT_MERGE)
    {
        tpy_object_t *m = POP();
        int r = tpy_dict_merge(PEEK(oparg), m, false);
        if (r < 0) {
            tpy_evalops_merge_error(PEEK(oparg + 3), m);
        }
        TPY_DECREF(m);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE)
    {
        tpy_object_t *l = TOP();
        tpy_object_t *t = tpy_list_as_tuple(l);
        TPY_DECREF(l);
        SET_TOP(t);
        if (t == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE)
    {
        tpy_object_t *v = POP();
        intptr_t n = (intptr_t)oparg;
        if ((TPY_TUPLE_CHECK_EXACT(v) && TPY_TUPLE_SIZE(v) == n) ||
            (TPY_LIST_CHECK_EXACT(v) && TPY_LIST_SIZE(v) == n)) {
            tpy_object_t **items = TPY_TUPLE_CHECK_EXACT(v) ? TPY_TUPLE_ITEMS(v)
                                                            : TPY_LIST_ITEMS(v);
            for (intptr_t i = n - 1; i >= 0; i--) {
                PUSH(tpy_newref(items[i]));
            }
            TPY_DECREF(v);
            DISPATCH();
        }
        if (tpy_evalops_unpack(v, (int)n, -1, sp + n) < 0) {
            TPY_DECREF(v);
            goto error_tb;
        }
        sp += n;
        TPY_DECREF(v);
        DISPATCH();
    }
    TARGET(UNPACK_EX)
    {
        tpy_object_t *v = POP();
        int before = (int)(oparg & 0xff), after = (int)(oparg >> 8);
        if (tpy_evalops_unpack(v, before, after, sp + before + 1 + after) < 0) {
            TPY_DECREF(v);
            goto error_tb;
        }
        sp += before + 1 + after;
        TPY_DECREF(v);
        DISPATCH();
    }
    TARGET(CALL)
    {
        call_nargs = oparg;
        call_kwnames = NULL;
        goto do_call;
    }
    TARGET(CALL_KW)
    {
        call_kwnames = POP();
        call_nargs = oparg - (size_t)TPY_TUPLE_SIZE(call_kwnames);
        goto do_call;
    }
    do_call:
    {
        // [callable, self_or_NULL, args..., kw values...]; kwnames popped already
        size_t nargs = call_nargs;
        tpy_object_t *kwnames = call_kwnames;
        tpy_object_t **args;
        tpy_object_t *callable, *res;
        {
            size_t total = nargs + tpy_kwcount(kwnames);
            args = sp - total;
            callable = args[-2];
            tpy_object_t *self = args[-1];
            if (self != NULL) {
                args--;
                nargs++;
            } else if (TPY_TYPE(callable) == &tpy_method_type) {
                // unpack a bound method into (function, self)
                tpy_method_t *m = (tpy_method_t *)callable;
                args[-1] = tpy_newref(m->self);
                args[-2] = tpy_newref(m->func);
                TPY_DECREF(callable);
                callable = args[-2];
                args--;
                nargs++;
            }
            if (TPY_TYPE(callable) == &tpy_function_type &&
                !(((tpy_code_t *)((tpy_function_t *)callable)->code)->flags &
                  TPY_CO_GENERATOR)) {
                tpy_frame_t *nf = kwnames == NULL
                                      ? push_frame_steal((tpy_function_t *)callable, args, nargs)
                                      : NULL;
                if (nf != NULL) {
                    // the frame now owns the arguments and the function
                    sp = args - (args[-1] == callable ? 1 : 2);
                    new_frame = nf;
                    goto enter_frame;
                }
                nf = push_frame((tpy_function_t *)callable, args, nargs, kwnames);
                // release the arguments, the self slot and the callable
                sp = release_call(sp, args - (args[-1] == callable ? 1 : 2), kwnames);
                if (nf == NULL) {
                    goto error_tb;
                }
                new_frame = nf;
                goto enter_frame;
            }
            if (TPY_TYPE(callable) == &tpy_type_type && args[-1] == NULL) {
                tpy_object_t *init = tpy_type_python_init_borrow((tpy_type_t *)callable);
                if (init != NULL &&
                    !(((tpy_code_t *)((tpy_function_t *)init)->code)->flags & TPY_CO_GENERATOR)) {
                    // instance = object.__new__(cls); then __init__(instance, ...) as a
                    // frame of this loop whose return value is the instance
                    tpy_object_t *inst = tpy_type_generic_alloc((tpy_type_t *)callable, 0);
                    if (inst == NULL) {
                        while (sp > args - 2) {
                            tpy_object_t *x = *--sp;
                            TPY_XDECREF(x);
                        }
                        TPY_XDECREF(kwnames);
                        goto error_tb;
                    }
                    tpy_gc_track(inst);
                    // the self slot is free (a class is never called as a method)
                    args[-1] = inst;
                    tpy_frame_t *nf = push_frame((tpy_function_t *)init, args - 1, nargs + 1,
                                                 kwnames);
                    sp = release_call(sp, args - 2, kwnames);
                    if (nf == NULL) {
                        goto error_tb;
                    }
                    nf->init_self = tpy_newref(inst);
                    new_frame = nf;
                    goto enter_frame;
                }
            }
            SAVE_FRAME();
            res = tpy_object_call(callable, args, nargs, kwnames);
            sp = release_call(sp, args - (args[-1] == callable ? 1 : 2), kwnames);
            if (res == NULL) {
                goto error_tb;
            }
            PUSH(res);
            DISPATCH();
        }
    }
    TARGET(CALL_EX)
    {
        tpy_object_t *kwargs = (oparg & 1) ? POP() : NULL;
        tpy_object_t *args = POP();
        tpy_object_t *null = POP();
        tpy_object_t *callable = TOP();
        (void)null;
        if (kwargs != NULL && !TPY_DICT_CHECK(kwargs)) {
            tpy_object_t *d = tpy_dict_new();
            if (d == NULL || tpy_dict_merge(d, kwargs, false) < 0) {
                TPY_XDECREF(d);
                TPY_DECREF(kwargs);
                TPY_DECREF(args);
                TPY_DECREF(callable);
                sp--;
                goto error_tb;
            }
            TPY_SETREF(kwargs, d);
        }
        SAVE_FRAME();
        tpy_object_t *r = tpy_object_call_tuple_dict(callable, args, kwargs);
        TPY_XDECREF(kwargs);
        TPY_DECREF(args);
        TPY_DECREF(callable);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION)
    {
        tpy_object_t *qualname = POP();
        tpy_code_t *code = (tpy_code_t *)POP();
        tpy_object_t *closure = (oparg & TPY_MKFN_CLOSURE) ? POP() : NULL;
        tpy_object_t *annotations = (oparg & TPY_MKFN_ANNOTATIONS) ? POP() : NULL;
        tpy_object_t *kwdefaults = (oparg & TPY_MKFN_KWDEFAULTS) ? POP() : NULL;
        tpy_object_t *defaults = (oparg & TPY_MKFN_DEFAULTS) ? POP() : NULL;
        tpy_object_t *f = tpy_function_new(TPY_OBJ(code), frame->globals, code->name, qualname);
        TPY_DECREF(qualname);
        tpy_object_t *ann = NULL;
        if (f != NULL && annotations != NULL) {
            // (name, value, ...) -> {name: value}
            ann = tpy_dict_new();
            for (intptr_t i = 0; ann != NULL && i + 1 < TPY_TUPLE_SIZE(annotations); i += 2) {
                if (tpy_dict_set(ann, TPY_TUPLE_GET(annotations, i),
                                 TPY_TUPLE_GET(annotations, i + 1)) < 0) {
                    TPY_CLEAR(ann);
                }
            }
            if (ann == NULL) {
                TPY_CLEAR(f);
            }
        }
        TPY_XDECREF(annotations);
        if (f == NULL) {
            TPY_DECREF(code);
            TPY_XDECREF(closure);
            TPY_XDECREF(kwdefaults);
            TPY_XDECREF(defaults);
            goto error_tb;
        }
        if (ann != NULL) {
            tpy_function_set_annotations(f, ann);
        }
        tpy_function_t *fn = (tpy_function_t *)f;
        fn->closure = closure;
        fn->kwdefaults = kwdefaults;
        fn->defaults = defaults;
        if ((code->flags & TPY_CO_OPTIMIZED) && TPY_TUPLE_SIZE(code->consts) > 0 &&
            TPY_STR_CHECK(TPY_TUPLE_GET(code->consts, 0))) {
            fn->doc = tpy_newref(TPY_TUPLE_GET(code->consts, 0));
        }
        TPY_DECREF(code);
        PUSH(f);
        DISPATCH();
    }
    TARGET(RETURN_VALUE)
    {
        retval = POP();
        if (frame->init_self != NULL) {
            // a class call's __init__ run by the loop: the call yields the instance
            if (retval != tpy_none) {
                tpy_err_format(&tpy_exc_TypeError, "__init__() should return None, not '%T'",
                               retval);
                TPY_DECREF(retval);
                retval = NULL;
                goto error_tb;
            }
            TPY_DECREF(retval);
            retval = frame->init_self;
            frame->init_self = NULL;
        }
        if (frame->entry) {
            goto exit_frame;
        }
        tpy_frame_t *prev = frame->previous;
        if (sp == stack_base && frame->func != NULL && frame->locals == NULL) {
            // the common case, inline: release locals and the function
            for (int i = co->nlocalsplus - 1; i >= 0; i--) {
                tpy_object_t *x = localsplus[i];
                TPY_XDECREF(x);
            }
            tpy_object_t *fn = frame->func;
            TPY_DECREF(fn);
            tpy_ts.depth--;
            data_stack_pop(frame, frame->size);
        } else {
            SAVE_FRAME();
            pop_frame(frame);
        }
        frame = prev;
        tpy_current_frame = frame;
        LOAD_FRAME();
        PUSH(retval);
        retval = NULL;
        if (SAFE_POINT_DUE() && run_safe_point() < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(RAISE)
    {
        if (oparg == 0) {
            if (tpy_ts.handled == NULL) {
                tpy_err_set_str(&tpy_exc_RuntimeError, "No active exception to reraise");
                goto error_tb;
            }
            tpy_err_restore(tpy_newref(tpy_ts.handled));
            add_tb = false;
            goto error;
        }
        tpy_object_t *cause = oparg == 2 ? POP() : NULL;
        tpy_object_t *exc = POP();
        tpy_evalops_raise(exc, cause);
        TPY_DECREF(exc);
        TPY_XDECREF(cause);
        if (tpy_err_occurred()) {
            tpy_evalops_set_context(tpy_err_occurred(), true);
        }
        add_tb = true;
        goto error;
    }
    TARGET(RERAISE)
    {
        tpy_object_t *exc = POP();
        tpy_err_restore(exc);
        add_tb = false;
        goto error;
    }
    TARGET(SETUP_FINALLY)
    {
        if (frame->nblocks >= TPY_MAX_BLOCKS) {
            tpy_err_set_str(&tpy_exc_SystemError, "block stack overflow");
            goto error_tb;
        }
        frame->blocks[frame->nblocks++] = (tpy_block_t){oparg, (int32_t)(sp - stack_base)};
        DISPATCH();
    }
    TARGET(POP_BLOCK)
    {
        frame->nblocks--;
        DISPATCH();
    }
    TARGET(PUSH_EXC_INFO)
    {
        tpy_object_t *exc = TOP();
        SET_TOP(tpy_exc_info_push(exc));
        if (frame->nblocks >= TPY_MAX_BLOCKS) {
            PUSH(exc);
            tpy_err_set_str(&tpy_exc_SystemError, "block stack overflow");
            goto error_tb;
        }
        frame->blocks[frame->nblocks++] = (tpy_block_t){oparg, (int32_t)(sp - stack_base)};
        PUSH(exc);
        DISPATCH();
    }
    TARGET(POP_EXCEPT)
    {
        tpy_exc_info_pop(POP());
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH)
    {
        tpy_object_t *type = POP();
        if (tpy_evalops_check_except_type(type) < 0) {
            TPY_DECREF(type);
            goto error_tb;
        }
        bool m = tpy_evalops_exc_match(TOP(), type);
        TPY_DECREF(type);
        PUSH(tpy_newref(m ? tpy_true : tpy_false));
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR)
    {
        PUSH(tpy_newref(TPY_OBJ(&tpy_exc_AssertionError)));
        DISPATCH();
    }
    TARGET(BEFORE_WITH)
    {
        tpy_object_t *mgr = TOP();
        bool missing_enter, missing_exit;
        tpy_object_t *enter = tpy_evalops_special_lookup(mgr, "__enter__", &missing_enter);
        if (enter == NULL) {
            if (missing_enter) {
                tpy_err_format(&tpy_exc_TypeError,
                               "'%T' object does not support the context manager protocol", mgr);
            }
            goto error_tb;
        }
        tpy_object_t *exit = tpy_evalops_special_lookup(mgr, "__exit__", &missing_exit);
        if (exit == NULL) {
            if (missing_exit) {
                tpy_err_format(&tpy_exc_TypeError,
                               "'%T' object does not support the context manager protocol "
                               "(missed __exit__ method)",
                               mgr);
            }
            TPY_DECREF(enter);
            goto error_tb;
        }
        SET_TOP(exit);
        TPY_DECREF(mgr);
        SAVE_FRAME();
        tpy_object_t *res = tpy_object_call0(enter);
        TPY_DECREF(enter);
        if (res == NULL) {
            goto error_tb;
        }
        if (frame->nblocks >= TPY_MAX_BLOCKS) {
            TPY_DECREF(res);
            tpy_err_set_str(&tpy_exc_SystemError, "block stack overflow");
            goto error_tb;
        }
        frame->blocks[frame->nblocks++] = (tpy_block_t){oparg, (int32_t)(sp - stack_base)};
        PUSH(res);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START)
    {
        tpy_object_t *exc = TOP();
        tpy_object_t *exit = PEEK(3);
        tpy_exception_t *e = (tpy_exception_t *)exc;
        tpy_object_t *args[3] = {TPY_OBJ(TPY_TYPE(exc)), exc,
                                 e->traceback ? e->traceback : tpy_none};
        SAVE_FRAME();
        tpy_object_t *r = tpy_object_call(exit, args, 3, NULL);
        if (r == NULL) {
            goto error_tb;
        }
        PUSH(r);
        DISPATCH();
    }
    TARGET(WITH_EXIT)
    {
        tpy_object_t *exit = POP();
        tpy_object_t *args[3] = {tpy_none, tpy_none, tpy_none};
        SAVE_FRAME();
        tpy_object_t *r = tpy_object_call(exit, args, 3, NULL);
        TPY_DECREF(exit);
        if (r == NULL) {
            goto error_tb;
        }
        TPY_DECREF(r);
        DISPATCH();
    }
    TARGET(FORMAT_VALUE)
    {
        tpy_object_t *spec = (oparg & TPY_FMT_HAVE_SPEC) ? POP() : NULL;
        tpy_object_t *v = TOP();
        tpy_object_t *r = tpy_evalops_format_value(v, (int)oparg, spec);
        TPY_XDECREF(spec);
        TPY_DECREF(v);
        SET_TOP(r);
        if (r == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(PRINT_EXPR)
    {
        tpy_object_t *v = POP();
        int r = tpy_evalops_print_expr(v);
        TPY_DECREF(v);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(IMPORT_NAME)
    {
        tpy_object_t *fromlist = POP();
        tpy_object_t *level = TOP();
        SAVE_FRAME();
        int lv = (int)tpy_int_as_i64(level);
        tpy_object_t *m = tpy_import(names[oparg], fromlist, lv);
        TPY_DECREF(fromlist);
        TPY_DECREF(level);
        SET_TOP(m);
        if (m == NULL) {
            sp--;
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(IMPORT_FROM)
    {
        tpy_object_t *v = tpy_evalops_import_from(TOP(), names[oparg]);
        if (v == NULL) {
            goto error_tb;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR)
    {
        tpy_object_t *m = POP();
        tpy_object_t *ns = frame->locals ? frame->locals : frame->globals;
        int r = tpy_evalops_import_star(ns, m);
        TPY_DECREF(m);
        if (r < 0) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(BUILD_CLASS)
    {
        call_kwnames = NULL;
        goto build_class;
    }
    TARGET(BUILD_CLASS_KW)
    {
        // oparg counts the bases and the keyword values; kwnames names the latter
        call_kwnames = POP();
        goto build_class;
    }
    build_class:
    {
        tpy_object_t *kwnames = call_kwnames;
        tpy_object_t **bases = sp - oparg;
        tpy_object_t *name = bases[-1];
        tpy_object_t *body = bases[-2];
        SAVE_FRAME();
        tpy_object_t *cls = build_class(body, name, bases, oparg - tpy_kwcount(kwnames), kwnames);
        TPY_XDECREF(kwnames);
        for (uint32_t i = 0; i < oparg + 2; i++) {
            tpy_object_t *x = POP();
            TPY_DECREF(x);
        }
        if (cls == NULL) {
            goto error_tb;
        }
        PUSH(cls);
        DISPATCH();
    }
    TARGET(YIELD_VALUE)
    {
        retval = POP();
        frame->yielded = true;
        SAVE_FRAME();
        tpy_current_frame = frame->previous;
        return retval;
    }
    TARGET(GET_YIELD_FROM_ITER)
    {
        tpy_object_t *v = TOP();
        if (TPY_TYPE(v) != &tpy_gen_type) {
            tpy_object_t *it = tpy_object_getiter(v);
            TPY_DECREF(v);
            SET_TOP(it);
            if (it == NULL) {
                sp--;
                goto error_tb;
            }
        }
        DISPATCH();
    }
    TARGET(SEND)
    {
        tpy_object_t *v = POP();
        tpy_object_t *it = TOP();
        tpy_object_t *done;
        SAVE_FRAME();
        tpy_object_t *r = TPY_TYPE(it) == &tpy_gen_type ? tpy_gen_send_ex(it, v, false, &done)
                                                         : tpy_evalops_send(it, v, &done);
        TPY_DECREF(v);
        if (r != NULL) {
            PUSH(r);
            DISPATCH();
        }
        if (done != NULL) {
            TPY_DECREF(it);
            SET_TOP(done);
            ip = co->code + oparg;
            DISPATCH();
        }
        goto error_tb;
    }
    TARGET(SETUP_ANNOTATIONS)
    {
        // a module or class body with annotations gets __annotations__ = {}
        tpy_object_t *locals = frame->locals ? frame->locals : frame->globals;
        tpy_object_t *key = tpy_str_intern_cstr("__annotations__");
        if (key == NULL) {
            goto error_tb;
        }
        tpy_object_t *have = tpy_dict_get_borrow(locals, key);
        if (have == NULL && !tpy_err_occurred()) {
            tpy_object_t *d = tpy_dict_new();
            int r = d ? tpy_dict_set(locals, key, d) : -1;
            TPY_XDECREF(d);
            if (r < 0) {
                TPY_DECREF(key);
                goto error_tb;
            }
        }
        TPY_DECREF(key);
        if (tpy_err_occurred()) {
            goto error_tb;
        }
        DISPATCH();
    }
    TARGET(UNSUPPORTED)
    {
        tpy_err_set_object(&tpy_exc_NotImplementedError, consts[oparg]);
        goto error_tb;
    }

enter_frame:
    // switch to the callee [new_frame]: a call is a safe point (Ctrl-C)
    SAVE_FRAME();
    new_frame->previous = frame;
    frame = new_frame;
    tpy_current_frame = frame;
    LOAD_FRAME();
    if (SAFE_POINT_DUE() && run_safe_point() < 0) {
        goto error_tb;
    }
    DISPATCH();

error_tb:
    add_tb = true;
error:
    {
        tpy_object_t *exc = tpy_err_occurred();
        if (exc == NULL) {
            tpy_err_set_str(&tpy_exc_SystemError, "error return without exception set");
            exc = tpy_err_occurred();
        }
        tpy_exception_t *e = (tpy_exception_t *)exc;
        if (frame->serial == 0) {
            frame->serial = ++frame_serial;
        }
        if (!add_tb && e->traceback != NULL &&
            tpy_traceback_serial(e->traceback) == frame->serial) {
            goto error_unwind; // a re-raise: this frame is in the traceback already
        }
        if (e->traceback == NULL) {
            tpy_evalops_set_context(exc, false);
        }
    }
error_add_tb:
    {
        tpy_exception_t *e = (tpy_exception_t *)tpy_err_occurred();
        if (frame->serial == 0) {
            frame->serial = ++frame_serial;
        }
        tpy_object_t *tb = tpy_traceback_new(TPY_OBJ(co), INSTR_INDEX(), frame->serial,
                                             e->traceback ? tpy_newref(e->traceback) : NULL);
        if (tb != NULL) {
            tpy_exc_set_traceback(TPY_OBJ(e), tb);
        }
    }
error_unwind:
    {
        add_tb = false;
        // unwind to the innermost handler of this frame
        if (frame->nblocks > 0) {
            tpy_block_t b = frame->blocks[--frame->nblocks];
            while (sp > stack_base + b.level) {
                tpy_object_t *x = POP();
                TPY_XDECREF(x);
            }
            PUSH(tpy_err_fetch());
            ip = co->code + b.handler;
            DISPATCH();
        }
        // no handler: leave the frame
        SAVE_FRAME();
        if (frame->entry) {
            retval = NULL;
            goto exit_frame;
        }
        tpy_frame_t *prev = frame->previous;
        pop_frame(frame);
        frame = prev;
        tpy_current_frame = frame;
        LOAD_FRAME();
        goto error;
    }

exit_frame:
    SAVE_FRAME();
    tpy_current_frame = frame->previous;
    if (frame->gen == NULL) {
        pop_frame(frame);
    } else {
        frame->yielded = false;
        tpy_frame_clear(frame);
    }
    return retval;
}

/* ---- running module code ---------------------------------------------------------------- */

tpy_object_t *tpy_eval_code(tpy_object_t *code, tpy_object_t *globals, tpy_object_t *locals)
{
    tpy_code_t *co = (tpy_code_t *)code;
    if (tpy_dict_get_cstr_borrow(globals, "__builtins__") == NULL) {
        tpy_object_t *bm = tpy_dict_get_cstr_borrow(tpy_ts.modules, "builtins");
        if (bm != NULL && tpy_dict_set_cstr(globals, "__builtins__", bm) < 0) {
            return NULL;
        }
    }
    if (tpy_ts.depth >= tpy_ts.recursion_limit) {
        return tpy_err_format(&tpy_exc_RecursionError, "maximum recursion depth exceeded");
    }
    size_t size = frame_size(co);
    tpy_frame_t *f = data_stack_push(size);
    if (f == NULL) {
        return tpy_err_no_memory();
    }
    frame_init(f, co, NULL, globals, tpy_ts.builtins, locals, size);
    f->entry = true;
    tpy_ts.depth++;
    return tpy_eval_frame(f);
}

void tpy_eval_init(void)
{
    char here;
    c_stack_base = &here;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        size_t lim = (size_t)rl.rlim_cur;
        c_stack_limit = lim > (1u << 20) ? lim - (lim / 4) : lim / 2;
    }
    // the first data-stack chunk lives as long as the interpreter
    void *first = data_stack_push(16);
    if (first != NULL) {
        data_stack_pop(first, 16);
    }
    tpy_function_type.tp_call = function_call;
    tpy_evalops_install_hooks();
    signal(SIGINT, on_sigint);
    tpy_type_ready(&tpy_code_type);
    tpy_type_ready(&tpy_traceback_type);
    tpy_type_ready(&tpy_gen_type);
}

void tpy_eval_fini(void)
{
    while (chunk_cur != NULL) {
        chunk_t *c = chunk_cur;
        chunk_cur = c->prev;
        tpy_mem_free(c, sizeof(chunk_t) + c->size);
    }
}
