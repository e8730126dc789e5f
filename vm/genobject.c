/*
 * vm/genobject.c - generators: a suspended frame that next()/send()/throw()/
 * close() resume.
 *
 * The generator owns a heap frame; resuming pushes the sent value onto the
 * frame's stack (except on first start) and re-enters the eval loop, which
 * returns at YIELD_VALUE with frame->yielded set, or when the frame returns or
 * raises.  A StopIteration escaping the body becomes RuntimeError (PEP 479).
 * A generator collected while suspended is closed first so its finally
 * blocks run, as in CPython.
 */
#include "vm/frame.h"

#include <stddef.h>

typedef struct {
    tpy_object_t ob;
    tpy_frame_t *frame; // NULL once finished
    tpy_object_t *name, *qualname;
    tpy_object_t *weaklist;
    bool running;
    bool started;
} gen_t;

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
}

tpy_object_t *tpy_gen_send_ex(tpy_object_t *gen, tpy_object_t *value, bool throw_,
                              tpy_object_t **done_value)
{
    gen_t *g = (gen_t *)gen;
    *done_value = NULL;
    if (g->running) {
        return tpy_err_format(&tpy_exc_ValueError, "generator already executing");
    }
    if (g->frame == NULL) {
        if (throw_) {
            return NULL; // the exception to throw is already set
        }
        *done_value = NULL;
        return NULL; // exhausted: no exception means StopIteration
    }
    tpy_frame_t *f = g->frame;
    if (!g->started && !throw_ && value != NULL && value != tpy_none) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "can't send non-None value to a just-started generator");
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
    tpy_object_t *r = tpy_eval_frame(f);
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
            ((tpy_exception_t *)e)->suppress_context = false;
            tpy_exc_set_context(e, stop);
        } else {
            TPY_DECREF(stop);
        }
    }
    return NULL;
}

static tpy_object_t *gen_iternext(tpy_object_t *self)
{
    tpy_object_t *done;
    tpy_object_t *r = tpy_gen_send_ex(self, NULL, false, &done);
    if (done != NULL) {
        if (done != tpy_none) {
            tpy_err_set_object(&tpy_exc_StopIteration, done);
        }
        TPY_DECREF(done);
    }
    return r;
}

static tpy_object_t *stop_with(tpy_object_t *done)
{
    if (done == NULL) {
        if (!tpy_err_occurred()) {
            tpy_err_set_object(&tpy_exc_StopIteration, NULL);
        }
        return NULL;
    }
    tpy_err_set_object(&tpy_exc_StopIteration, done == tpy_none ? NULL : done);
    TPY_DECREF(done);
    return NULL;
}

static tpy_object_t *gen_send(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    if (tpy_arg_count("send", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    tpy_object_t *done;
    tpy_object_t *r = tpy_gen_send_ex(self, args[0], false, &done);
    return r ? r : stop_with(done);
}

static tpy_object_t *gen_throw_obj(tpy_object_t *self, tpy_object_t *typ, tpy_object_t *val)
{
    tpy_object_t *exc;
    if (tpy_exc_type_check(typ)) {
        exc = val && val != tpy_none ? (tpy_exc_check(val) ? tpy_newref(val)
                                                           : tpy_object_call1(typ, val))
                                     : tpy_object_call0(typ);
        if (exc == NULL) {
            return NULL;
        }
    } else if (tpy_exc_check(typ)) {
        if (val != NULL && val != tpy_none) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "instance exception may not have a separate value");
        }
        exc = tpy_newref(typ);
    } else {
        return tpy_err_format(&tpy_exc_TypeError,
                              "exceptions must be classes or instances deriving from "
                              "BaseException, not %T",
                              typ);
    }
    tpy_err_restore(exc);
    tpy_object_t *done;
    tpy_object_t *r = tpy_gen_send_ex(self, NULL, true, &done);
    return r ? r : stop_with(done);
}

static tpy_object_t *gen_throw(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    if (tpy_arg_count("throw", nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    return gen_throw_obj(self, args[0], nargs > 1 ? args[1] : NULL);
}

/* close(): throw GeneratorExit in; returning or raising GeneratorExit is fine. */
static int gen_close_impl(gen_t *g)
{
    if (g->frame == NULL) {
        return 0;
    }
    if (!g->started) {
        gen_finish(g);
        return 0;
    }
    tpy_object_t *r = gen_throw_obj(TPY_OBJ(g), TPY_OBJ(&tpy_exc_GeneratorExit), NULL);
    if (r != NULL) {
        TPY_DECREF(r);
        tpy_err_set_str(&tpy_exc_RuntimeError, "generator ignored GeneratorExit");
        return -1;
    }
    if (tpy_err_matches(&tpy_exc_GeneratorExit) || tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_err_clear();
        return 0;
    }
    return tpy_err_occurred() ? -1 : 0;
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

static int gen_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    gen_t *g = (gen_t *)self;
    int r;
    if (g->name && (r = visit(g->name, arg)) != 0) {
        return r;
    }
    if (g->qualname && (r = visit(g->qualname, arg)) != 0) {
        return r;
    }
    tpy_frame_t *f = g->frame;
    if (f == NULL || f->code == NULL) {
        return 0;
    }
    tpy_object_t *fields[] = {f->func, f->func ? NULL : f->globals, f->func ? NULL : f->builtins,
                              f->locals};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL && (r = visit(fields[i], arg)) != 0) {
            return r;
        }
    }
    for (tpy_object_t **p = f->localsplus; p < f->sp; p++) {
        if (*p != NULL && (r = visit(*p, arg)) != 0) {
            return r;
        }
    }
    return 0;
}

static int gen_clear(tpy_object_t *self)
{
    gen_t *g = (gen_t *)self;
    gen_finish(g);
    return 0;
}

static void gen_dealloc(tpy_object_t *self)
{
    gen_t *g = (gen_t *)self;
    tpy_gc_untrack(self);
    if (g->frame != NULL && g->started) {
        // run the generator's finally blocks, like CPython's finalizer
        self->refcnt = 1;
        tpy_object_t *saved = tpy_err_fetch();
        if (gen_close_impl(g) < 0) {
            tpy_err_write_unraisable(self);
        }
        tpy_err_restore(saved);
        if (--self->refcnt != 0) {
            tpy_gc_track(self);
            return; // resurrected
        }
    }
    gen_finish(g);
    TPY_CLEAR(g->name);
    TPY_CLEAR(g->qualname);
    tpy_gc_free(self, sizeof(gen_t));
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

static tpy_object_t *gen_get_qualname(tpy_object_t *self)
{
    return tpy_newref(((gen_t *)self)->qualname);
}

static tpy_object_t *gen_get_running(tpy_object_t *self)
{
    return tpy_bool_from(((gen_t *)self)->running);
}

static const tpy_getsetdef_t gen_getset[] = {
    {"__name__", gen_get_name, NULL},
    {"__qualname__", gen_get_qualname, NULL},
    {"gi_running", gen_get_running, NULL},
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
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_repr = gen_repr,
    .tp_iter = tpy_iter_self,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(gen_t, weaklist),
};
