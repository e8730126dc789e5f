/*
 * vm/genobject.c - generators: a suspended frame that next()/send()/throw()/
 * close() resume.
 *
 * The generator owns a heap frame; resuming pushes the sent value onto the
 * frame's stack (except on first start) and re-enters the eval loop, which
 * returns at YIELD_VALUE with frame->yielded set, or when the frame returns or
 * raises.  A StopIteration escaping the body becomes RuntimeError (PEP 479).
 *
 * While it runs, a generator's own "exception being handled" is the innermost
 * one (tpy_excstate_top, see vm/frame.h); it is kept across yields and the
 * caller's is restored at each suspension.  Suspended inside `yield from`
 * (the frame stopped right after the YIELD_VALUE that follows a SEND, with the
 * subiterator on top of its stack), throw() and close() go to the
 * subiterator first, as CPython 3.11 does.  A suspended generator that dies
 * is closed first (tp_finalize, once: PEP 442) so its finally blocks run;
 * errors there are printed as "Exception ignored in: <generator ...>".
 */
#include "vm/evalops.h"

#include <stddef.h>

typedef struct {
    tpy_object_t ob;
    tpy_frame_t *frame; // NULL once finished
    tpy_object_t *name, *qualname;
    tpy_object_t *weaklist;
    tpy_object_t *code; // gi_code (owned; outlives the frame)
    tpy_excstate_t exc; // its own exception being handled, kept across yields
    bool running;
    bool started;
} gen_t;

tpy_excstate_t *tpy_excstate_top;

tpy_object_t *tpy_gen_new(tpy_frame_t *frame, tpy_object_t *name, tpy_object_t *qualname)
{
    gen_t *g = (gen_t *)tpy_gc_new(&tpy_gen_type, sizeof(gen_t));
    if (g == NULL) {
        tpy_frame_free_heap(frame);
        return tpy_err_no_memory();
    }
    g->frame = frame;
    frame->gen = TPY_OBJ(g);
    frame->entry = true; // resumed from C: its return leaves tpy_eval_frame
    g->name = tpy_newref(name);
    g->qualname = tpy_newref(qualname);
    g->code = tpy_newref(TPY_OBJ(frame->code));
    tpy_gc_track(TPY_OBJ(g));
    return TPY_OBJ(g);
}

static void gen_finish(gen_t *g)
{
    if (g->frame != NULL) {
        tpy_frame_t *f = g->frame;
        g->frame = NULL;
        tpy_frame_free_heap(f);
    }
    TPY_CLEAR(g->exc.handled);
}

/*
 * Run the frame until it yields (the value, new ref), returns (NULL with
 * *done_value set), or raises (NULL with the exception set).  [value] is the
 * value sent (borrowed; NULL means None); with [throw_] the current exception
 * is raised at the suspension point instead.
 */
static tpy_object_t *gen_resume(gen_t *g, tpy_object_t *value, bool throw_,
                                tpy_object_t **done_value)
{
    *done_value = NULL;
    tpy_frame_t *f = g->frame;
    if (!g->started && f != NULL && !throw_ && value != NULL && value != tpy_none) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "can't send non-None value to a just-started generator");
    }
    if (g->running) {
        return tpy_err_format(&tpy_exc_ValueError, "generator already executing");
    }
    if (f == NULL) {
        if (throw_) {
            return NULL; // finished: the exception to throw simply propagates
        }
        *done_value = tpy_newref(tpy_none); // exhausted: StopIteration
        return NULL;
    }
    if (tpy_ts.depth >= tpy_ts.recursion_limit) {
        return tpy_err_format(&tpy_exc_RecursionError, "maximum recursion depth exceeded");
    }
    if (throw_) {
        f->throwflag = true;
    } else if (g->started) {
        *f->sp++ = tpy_newref(value ? value : tpy_none);
    }
    g->started = true;
    g->running = true;
    tpy_ts.depth++;
    TPY_INCREF(g);
    // enter the generator's exception state (see vm/frame.h)
    tpy_excstate_t *outer_state = tpy_excstate_top;
    g->exc.outer = tpy_ts.handled;
    if (g->exc.handled != NULL) {
        tpy_ts.handled = tpy_newref(g->exc.handled);
    } else if (g->exc.outer != NULL) {
        TPY_INCREF(g->exc.outer);
    }
    tpy_excstate_top = &g->exc;
    if (throw_ && g->exc.handled != NULL) {
        // raised inside an except block of the generator: chained to its exception
        tpy_evalops_set_context(tpy_err_occurred(), true);
    }
    tpy_object_t *r = tpy_eval_frame(f);
    tpy_excstate_top = outer_state;
    TPY_XDECREF(tpy_ts.handled);
    tpy_ts.handled = g->exc.outer;
    g->exc.outer = NULL;
    tpy_ts.depth--;
    g->running = false;
    if (f->yielded) {
        f->yielded = false;
        TPY_DECREF(g);
        return r;
    }
    gen_finish(g);
    TPY_DECREF(g);
    if (r != NULL) {
        *done_value = r;
        return NULL;
    }
    if (tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_object_t *stop = tpy_err_fetch();
        tpy_err_set_str(&tpy_exc_RuntimeError, "generator raised StopIteration");
        tpy_object_t *e = tpy_err_occurred();
        if (e != NULL) {
            tpy_exc_set_cause(e, tpy_newref(stop));
            tpy_exc_set_context(e, stop);
        } else {
            TPY_DECREF(stop);
        }
    }
    return NULL;
}

tpy_object_t *tpy_gen_send_ex(tpy_object_t *gen, tpy_object_t *value, bool throw_,
                              tpy_object_t **done_value)
{
    return gen_resume((gen_t *)gen, value, throw_, done_value);
}

static tpy_object_t *gen_iternext(tpy_object_t *self)
{
    tpy_object_t *done;
    tpy_object_t *r = gen_resume((gen_t *)self, NULL, false, &done);
    if (done != NULL) {
        if (done != tpy_none) {
            tpy_err_set_object(&tpy_exc_StopIteration, done);
        }
        TPY_DECREF(done);
    }
    return r;
}

/* A finished run as the Python methods report it: StopIteration(value). */
static tpy_object_t *stop_with(tpy_object_t *done)
{
    if (done != NULL) {
        tpy_err_set_object(&tpy_exc_StopIteration, done == tpy_none ? NULL : done);
        TPY_DECREF(done);
    }
    return NULL;
}

static tpy_object_t *gen_send(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    if (tpy_arg_count("send", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    tpy_object_t *done;
    tpy_object_t *r = gen_resume((gen_t *)self, args[0], false, &done);
    return r ? r : stop_with(done);
}

/* The subiterator of the `yield from` [g] is suspended in (borrowed), or NULL.
 * The loop is SEND, YIELD_VALUE, JUMP_BACKWARD: suspended there, the frame's
 * next instruction follows a YIELD_VALUE that follows a SEND. */
static tpy_object_t *gen_yf(gen_t *g)
{
    tpy_frame_t *f = g->frame;
    if (f == NULL || !g->started || g->running || f->code == NULL || f->ip - f->code->code < 2) {
        return NULL;
    }
    if (TPY_OP(f->ip[-1]) != OP_YIELD_VALUE || TPY_OP(f->ip[-2]) != OP_SEND) {
        return NULL;
    }
    return f->sp[-1];
}

/* The subiterator of [g]'s `yield from` finished while thrown into: pop it and
 * move past the loop, where the frame resumes with the value of the
 * `yield from` (the StopIteration's value) or raises the current exception. */
static tpy_object_t *gen_leave_yield_from(gen_t *g, tpy_object_t **done_value)
{
    tpy_frame_t *f = g->frame;
    tpy_object_t *sub = *--f->sp;
    TPY_DECREF(sub);
    f->ip = f->code->code + TPY_ARG(f->ip[-2]);
    if (tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_object_t *stop = tpy_err_fetch();
        tpy_object_t *val = ((tpy_exception_t *)stop)->extra;
        tpy_object_t *r = gen_resume(g, val ? val : tpy_none, false, done_value);
        TPY_DECREF(stop);
        return r;
    }
    return gen_resume(g, NULL, true, done_value);
}

static int gen_close_impl(gen_t *g);

/* Close the subiterator [yf] of a `yield from`: its close() if it has one. */
static int gen_close_iter(tpy_object_t *yf)
{
    if (TPY_TYPE(yf) == &tpy_gen_type) {
        return gen_close_impl((gen_t *)yf);
    }
    tpy_object_t *name = tpy_str_intern_cstr("close");
    tpy_object_t *meth = name ? tpy_object_getattr_opt(yf, name) : NULL;
    TPY_XDECREF(name);
    if (meth == NULL) {
        if (tpy_err_occurred()) {
            tpy_err_write_unraisable(yf);
        }
        return 0;
    }
    tpy_object_t *r = tpy_object_call0(meth);
    TPY_DECREF(meth);
    if (r == NULL) {
        return -1;
    }
    TPY_DECREF(r);
    return 0;
}

/* Set the exception gen.throw(typ[, val[, tb]]) raises: CPython's forms. */
static int throw_set_exception(tpy_object_t *typ, tpy_object_t *val, tpy_object_t *tb)
{
    if (tb == tpy_none) {
        tb = NULL;
    } else if (tb != NULL && TPY_TYPE(tb) != &tpy_traceback_type) {
        tpy_err_format(&tpy_exc_TypeError, "throw() third argument must be a traceback object");
        return -1;
    }
    tpy_object_t *exc;
    if (tpy_exc_type_check(typ)) {
        if (val != NULL && TPY_ISINSTANCE(val, (tpy_type_t *)typ)) {
            exc = tpy_newref(val);
        } else if (val == NULL || val == tpy_none) {
            exc = tpy_object_call0(typ);
        } else if (TPY_TUPLE_CHECK(val)) {
            exc = tpy_object_call_tuple_dict(typ, val, NULL);
        } else {
            exc = tpy_object_call1(typ, val);
        }
        if (exc == NULL) {
            return -1;
        }
        if (!tpy_exc_check(exc)) {
            tpy_err_format(&tpy_exc_TypeError,
                           "calling %R should have returned an instance of BaseException, "
                           "not %T",
                           typ, exc);
            TPY_DECREF(exc);
            return -1;
        }
    } else if (tpy_exc_check(typ)) {
        if (val != NULL && val != tpy_none) {
            tpy_err_format(&tpy_exc_TypeError, "instance exception may not have a separate value");
            return -1;
        }
        exc = tpy_newref(typ);
    } else {
        tpy_err_format(&tpy_exc_TypeError,
                       "exceptions must be classes or instances deriving from BaseException, "
                       "not %T",
                       typ);
        return -1;
    }
    if (tb != NULL) {
        tpy_exc_set_traceback(exc, tpy_newref(tb));
    }
    tpy_err_restore(exc);
    return 0;
}

/* Does throw()'s first argument (a class or an instance) mean GeneratorExit? */
static bool is_generator_exit(tpy_object_t *typ)
{
    tpy_type_t *t = tpy_exc_type_check(typ) ? (tpy_type_t *)typ : TPY_TYPE(typ);
    return tpy_type_is_subtype(t, &tpy_exc_GeneratorExit);
}

/*
 * gen.throw(typ, val, tb) with [nargs] of them given (val and tb NULL when
 * not): delegated to the subiterator of a `yield from` first.  The result is
 * gen_resume's.
 */
static tpy_object_t *gen_throw_ex(gen_t *g, tpy_object_t *const *args, size_t nargs,
                                  tpy_object_t **done_value)
{
    tpy_object_t *typ = args[0];
    tpy_object_t *val = nargs > 1 ? args[1] : NULL;
    tpy_object_t *tb = nargs > 2 ? args[2] : NULL;
    *done_value = NULL;
    tpy_object_t *yf = gen_yf(g);
    if (yf != NULL) {
        tpy_object_t *r;
        TPY_INCREF(yf);
        TPY_INCREF(g);
        if (is_generator_exit(typ)) {
            // close the subiterator, then raise GeneratorExit here (or what
            // closing it raised)
            g->running = true;
            int err = gen_close_iter(yf);
            g->running = false;
            TPY_DECREF(yf);
            if (err < 0) {
                r = gen_resume(g, NULL, true, done_value);
                TPY_DECREF(g);
                return r;
            }
            TPY_DECREF(g);
            goto throw_here;
        }
        g->running = true;
        if (TPY_TYPE(yf) == &tpy_gen_type) {
            tpy_object_t *sub_done;
            r = gen_throw_ex((gen_t *)yf, args, nargs, &sub_done);
            if (sub_done != NULL) {
                // the subgenerator returned: its value ends the `yield from`
                tpy_err_set_object(&tpy_exc_StopIteration, sub_done == tpy_none ? NULL : sub_done);
                TPY_DECREF(sub_done);
            }
        } else {
            tpy_object_t *name = tpy_str_intern_cstr("throw");
            tpy_object_t *meth = name ? tpy_object_getattr_opt(yf, name) : NULL;
            TPY_XDECREF(name);
            if (meth == NULL) {
                g->running = false;
                TPY_DECREF(yf);
                TPY_DECREF(g);
                if (tpy_err_occurred()) {
                    return NULL;
                }
                goto throw_here; // no throw(): raise it in the generator itself
            }
            r = tpy_object_call(meth, args, nargs, NULL);
            TPY_DECREF(meth);
        }
        g->running = false;
        if (r == NULL && g->frame != NULL && gen_yf(g) == yf) {
            r = gen_leave_yield_from(g, done_value);
        }
        TPY_DECREF(yf);
        TPY_DECREF(g);
        return r;
    }
throw_here:
    if (throw_set_exception(typ, val, tb) < 0) {
        return NULL;
    }
    return gen_resume(g, NULL, true, done_value);
}

static tpy_object_t *gen_throw(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    if (tpy_arg_count("throw", nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    tpy_object_t *done;
    tpy_object_t *r = gen_throw_ex((gen_t *)self, args, nargs, &done);
    return r ? r : stop_with(done);
}

/* close(): close a `yield from` subiterator, then raise GeneratorExit inside;
 * finishing or raising GeneratorExit (or StopIteration) is fine, yielding is
 * an error.  0, or -1 with an exception set. */
static int gen_close_impl(gen_t *g)
{
    if (g->frame == NULL) {
        return 0;
    }
    if (!g->started) {
        gen_finish(g); // never ran: GeneratorExit would end it at once
        return 0;
    }
    tpy_object_t *yf = gen_yf(g);
    int err = 0;
    if (yf != NULL) {
        TPY_INCREF(yf);
        g->running = true;
        err = gen_close_iter(yf);
        g->running = false;
        TPY_DECREF(yf);
    }
    if (err == 0) {
        // a new exception: chained to the one the caller is handling
        tpy_err_set_object(&tpy_exc_GeneratorExit, NULL);
        tpy_object_t *exc = tpy_err_occurred();
        if (exc != NULL) {
            tpy_evalops_set_context(exc, false);
        }
    }
    tpy_object_t *done;
    tpy_object_t *r = gen_resume(g, NULL, true, &done);
    if (r != NULL) {
        TPY_DECREF(r);
        tpy_err_set_str(&tpy_exc_RuntimeError, "generator ignored GeneratorExit");
        return -1;
    }
    if (done != NULL) {
        TPY_DECREF(done);
        return 0;
    }
    if (tpy_err_matches(&tpy_exc_GeneratorExit) || tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_err_clear();
        return 0;
    }
    return -1;
}

static tpy_object_t *gen_close(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("close", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    if (gen_close_impl((gen_t *)self) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

/* A suspended generator about to die is closed so its finally blocks run. */
static void gen_finalize(tpy_object_t *self)
{
    gen_t *g = (gen_t *)self;
    if (g->frame == NULL || !g->started) {
        return;
    }
    tpy_object_t *saved = tpy_err_fetch();
    if (gen_close_impl(g) < 0) {
        tpy_err_write_unraisable(self);
    }
    tpy_err_restore(saved);
}

/* Every reference the generator owns: its names, code and own handled
 * exception, and the suspended frame's function, locals and stack.  A running
 * generator's frame belongs to the C stack running it (its stack pointer is
 * not even saved): it is left out, which only keeps what it holds alive. */
static int gen_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    gen_t *g = (gen_t *)self;
    tpy_object_t *fields[] = {g->name, g->qualname, g->code, g->exc.handled};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        int r;
        if (fields[i] != NULL && (r = visit(fields[i], arg)) != 0) {
            return r;
        }
    }
    tpy_frame_t *f = g->frame;
    if (f == NULL || f->code == NULL || g->running) {
        return 0;
    }
    // a frame with a function borrows its code, globals and builtins from it
    tpy_object_t *owned[] = {f->func,
                             f->locals,
                             f->init_self,
                             f->func ? NULL : TPY_OBJ(f->code),
                             f->func ? NULL : f->globals,
                             f->func ? NULL : f->builtins};
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) {
        int r;
        if (owned[i] != NULL && (r = visit(owned[i], arg)) != 0) {
            return r;
        }
    }
    for (tpy_object_t **p = f->localsplus; p < f->sp; p++) {
        int r;
        if (*p != NULL && (r = visit(*p, arg)) != 0) {
            return r;
        }
    }
    return 0;
}

static int gen_clear(tpy_object_t *self)
{
    gen_t *g = (gen_t *)self;
    if (!g->running) {
        gen_finish(g);
    }
    return 0;
}

static void gen_dealloc(tpy_object_t *self)
{
    gen_t *g = (gen_t *)self;
    tpy_gc_untrack(self);
    if (g->weaklist != NULL) {
        tpy_weakref_clear_refs(self);
    }
    if (g->frame != NULL && g->started && !tpy_gc_is_finalized(self)) {
        // run the generator's finally blocks (once), like CPython's finalizer
        tpy_gc_set_finalized(self);
        self->refcnt = 1;
        gen_finalize(self);
        if (--self->refcnt != 0) {
            tpy_gc_track(self);
            return; // resurrected
        }
    }
    gen_finish(g);
    TPY_CLEAR(g->name);
    TPY_CLEAR(g->qualname);
    TPY_CLEAR(g->code);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

static tpy_object_t *gen_repr(tpy_object_t *self)
{
    return tpy_str_from_format("<generator object %U at %p>", ((gen_t *)self)->qualname,
                               (void *)self);
}

static tpy_object_t *gen_get_name(tpy_object_t *self)
{
    return tpy_newref(((gen_t *)self)->name);
}

static int gen_set_name(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL || !TPY_STR_CHECK(value)) {
        tpy_err_format(&tpy_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    TPY_SETREF(((gen_t *)self)->name, tpy_newref(value));
    return 0;
}

static tpy_object_t *gen_get_qualname(tpy_object_t *self)
{
    return tpy_newref(((gen_t *)self)->qualname);
}

static int gen_set_qualname(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL || !TPY_STR_CHECK(value)) {
        tpy_err_format(&tpy_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    TPY_SETREF(((gen_t *)self)->qualname, tpy_newref(value));
    return 0;
}

static tpy_object_t *gen_get_running(tpy_object_t *self)
{
    return tpy_bool_from(((gen_t *)self)->running);
}

static tpy_object_t *gen_get_suspended(tpy_object_t *self)
{
    gen_t *g = (gen_t *)self;
    return tpy_bool_from(g->frame != NULL && g->started && !g->running);
}

static tpy_object_t *gen_get_yieldfrom(tpy_object_t *self)
{
    tpy_object_t *yf = gen_yf((gen_t *)self);
    return tpy_newref(yf ? yf : tpy_none);
}

static tpy_object_t *gen_get_code(tpy_object_t *self)
{
    return tpy_newref(((gen_t *)self)->code);
}

static const tpy_getsetdef_t gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {"gi_running", gen_get_running, NULL},
    {"gi_suspended", gen_get_suspended, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {"gi_code", gen_get_code, NULL},
    {NULL, NULL, NULL},
};

static const tpy_methoddef_t gen_methods[] = {
    {"send", gen_send, 0, NULL},
    {"throw", gen_throw, 0, NULL},
    {"close", gen_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

tpy_type_t tpy_gen_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "generator",
    .tp_basicsize = sizeof(gen_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = gen_dealloc,
    .tp_finalize = gen_finalize,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_repr = gen_repr,
    .tp_iter = tpy_iter_self,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(gen_t, weaklist),
};
