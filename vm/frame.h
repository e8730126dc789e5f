/*
 * vm/frame.h - frames and generators (private to vm/).
 *
 * A frame is a header followed by localsplus (fast locals, cells, free
 * variables) and then the value stack, in one block.  Frames of ordinary calls
 * live on a contiguous data stack owned by the interpreter and are pushed and
 * popped without touching the allocator; a generator's frame lives in its own
 * heap block owned by the generator.  A Python-to-Python call never recurses
 * in C: the eval loop switches to the new frame.  Exception handlers form a
 * small block stack in each frame (SETUP_FINALLY / PUSH_EXC_INFO / BEFORE_WITH
 * push, POP_BLOCK pops).
 */
#ifndef TPY_VM_FRAME_H
#define TPY_VM_FRAME_H

#include "vm/vm.h"

#define TPY_MAX_BLOCKS 24

typedef struct {
    uint32_t handler; // instruction index of the handler
    int32_t level;    // value-stack depth to unwind to
} tpy_block_t;

typedef struct tpy_frame {
    tpy_code_t *code;          // owned
    tpy_object_t *func;        // owned, NULL for module and class-body frames
    tpy_object_t *globals;     // owned
    tpy_object_t *builtins;    // owned
    tpy_object_t *locals;      // owned dict (module and class bodies) or NULL
    struct tpy_frame *previous;
    uint32_t *ip;              // next instruction, saved while another frame runs
    tpy_object_t **sp;         // stack pointer, saved likewise
    tpy_object_t *gen;         // the generator that owns this frame (borrowed) or NULL
    uint64_t serial;           // unique per activation: traceback identity
    size_t size;               // bytes of this frame (header + localsplus + stack)
    int nblocks;
    bool entry;                // returning from this frame leaves tpy_eval_frame
    bool throwflag;            // resume by raising the current exception
    bool yielded;              // suspended at a yield (generators)
    tpy_object_t *init_self;   // an __init__ frame run by the loop: the instance it returns
    tpy_block_t blocks[TPY_MAX_BLOCKS];
    tpy_object_t *localsplus[];
} tpy_frame_t;

#define TPY_FRAME_STACK_BASE(f) ((f)->localsplus + (f)->code->nlocalsplus)

// The innermost running frame, or NULL.
extern tpy_frame_t *tpy_current_frame;

// Run [frame] until it returns (new ref), yields (frame->yielded), or raises (NULL).
tpy_object_t *tpy_eval_frame(tpy_frame_t *frame);
// Release everything [frame] holds (locals, stack, references).
void tpy_frame_clear(tpy_frame_t *frame);

/*
 * The exception being handled, per generator (CPython's exc_info chain).
 * Code outside any generator has one "handled" state; each running generator
 * has its own, saved with it across yields, and every frame it calls shares
 * it.  tpy_ts.handled always holds what sys.exc_info() shows: the innermost
 * running generator's own exception, or when it has none, what its caller
 * showed (CPython's "topmost" exception).  PUSH_EXC_INFO / POP_EXCEPT change
 * the innermost state through tpy_exc_info_push / tpy_exc_info_pop.
 */
typedef struct tpy_excstate {
    tpy_object_t *handled; // the generator's own exception being handled (owned) or NULL
    tpy_object_t *outer;   // while it runs: its caller's tpy_ts.handled (owned) or NULL
} tpy_excstate_t;

// The state of the innermost running generator, or NULL outside generators.
extern tpy_excstate_t *tpy_excstate_top;

// PUSH_EXC_INFO: [exc] (borrowed) becomes the exception being handled; returns
// the previous one of the innermost state (new ref; None for none).
static inline tpy_object_t *tpy_exc_info_push(tpy_object_t *exc)
{
    tpy_excstate_t *es = tpy_excstate_top;
    tpy_object_t *prev;
    if (es == NULL) {
        prev = tpy_ts.handled;
    } else {
        prev = es->handled;
        es->handled = tpy_newref(exc);
        TPY_XDECREF(tpy_ts.handled);
    }
    tpy_ts.handled = tpy_newref(exc);
    return prev != NULL ? prev : tpy_newref(tpy_none);
}

// POP_EXCEPT: restore [prev] (stolen; None for none) as the innermost state.
static inline void tpy_exc_info_pop(tpy_object_t *prev)
{
    tpy_excstate_t *es = tpy_excstate_top;
    if (prev == tpy_none) {
        TPY_DECREF(prev);
        prev = NULL;
    }
    tpy_object_t *cur = tpy_ts.handled;
    if (es == NULL) {
        tpy_ts.handled = prev;
    } else {
        TPY_XDECREF(es->handled);
        es->handled = prev;
        tpy_object_t *shown = prev != NULL ? prev : es->outer;
        TPY_XINCREF(shown);
        tpy_ts.handled = shown;
    }
    TPY_XDECREF(cur);
}

/* generators (vm/genobject.c) */
extern tpy_type_t tpy_gen_type;
// A generator running [frame] (a heap frame; the generator takes it over).
tpy_object_t *tpy_gen_new(tpy_frame_t *frame, tpy_object_t *name, tpy_object_t *qualname);
// Resume with [value] (borrowed; NULL for next()).  Returns the yielded value,
// or NULL: with *done_value set (new ref) when the generator returned, or with
// an exception set.
tpy_object_t *tpy_gen_send_ex(tpy_object_t *gen, tpy_object_t *value, bool throw_,
                              tpy_object_t **done_value);
// Allocate a frame for [func] on the heap (for generators) and bind arguments.
tpy_frame_t *tpy_frame_new_heap(tpy_object_t *func, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames);
void tpy_frame_free_heap(tpy_frame_t *frame);

#endif
