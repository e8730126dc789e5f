/*
 * vm/opcodes.h - the instruction set, described once.
 *
 * An instruction is one 32-bit word: the opcode in the low 8 bits, the operand
 * in the high 24.  Each X(name, operand, effect, jump_effect) row names the
 * operand's meaning and the net stack effect when execution falls through and
 * when it takes the jump (for instructions that jump); `o` is the operand.
 * The compiler (stack depth), the disassembler and the eval loop's dispatch
 * table are all generated from this table.
 *
 * Stack pictures below list items bottom to top.  A call site is laid out as
 * [callable, self_or_NULL, arg1..argN]; LOAD_METHOD produces (function, self)
 * when it can skip creating a bound method, otherwise (attribute, NULL), and a
 * plain call pushes NULL after the callable.
 */
#ifndef TPY_VM_OPCODES_H
#define TPY_VM_OPCODES_H

#define TPY_OPCODES(X)                                                                            \
    X(NOP, none, 0, 0)                                                                            \
    X(POP_TOP, none, -1, 0)                    /* x ->                                        */  \
    X(PUSH_NULL, none, 1, 0)                   /* -> NULL                                     */  \
    X(COPY, depth, 1, 0)                       /* push a copy of the o-th item from the top   */  \
    X(SWAP, depth, 0, 0)                       /* swap TOS with the o-th item from the top    */  \
    X(LOAD_CONST, const, 1, 0)                                                                    \
    X(LOAD_FAST, local, 1, 0)                  /* UnboundLocalError when unset                */  \
    X(STORE_FAST, local, -1, 0)                                                                   \
    X(DELETE_FAST, local, 0, 0)                                                                   \
    X(LOAD_DEREF, local, 1, 0)                 /* contents of the cell in localsplus[o]       */  \
    X(STORE_DEREF, local, -1, 0)                                                                  \
    X(DELETE_DEREF, local, 0, 0)                                                                  \
    X(LOAD_CLASSDEREF, local, 1, 0)            /* class body: locals dict first, then cell    */  \
    X(LOAD_CLOSURE, local, 1, 0)               /* the cell object itself                      */  \
    X(MAKE_CELL, local, 0, 0)                  /* wrap localsplus[o] in a new cell            */  \
    X(COPY_FREE_VARS, count, 0, 0)             /* closure cells -> the last o localsplus      */  \
    X(LOAD_GLOBAL, name, 1, 0)                                                                    \
    X(STORE_GLOBAL, name, -1, 0)                                                                  \
    X(DELETE_GLOBAL, name, 0, 0)                                                                  \
    X(LOAD_NAME, name, 1, 0)                   /* locals dict, globals, builtins              */  \
    X(STORE_NAME, name, -1, 0)                                                                    \
    X(DELETE_NAME, name, 0, 0)                                                                    \
    X(LOAD_ATTR, name, 0, 0)                   /* obj -> obj.name                             */  \
    X(LOAD_METHOD, name, 1, 0)                 /* obj -> meth, self_or_NULL                   */  \
    X(STORE_ATTR, name, -2, 0)                 /* value, obj ->                               */  \
    X(DELETE_ATTR, name, -1, 0)                /* obj ->                                      */  \
    X(BINARY_SUBSCR, none, -1, 0)              /* obj, key -> obj[key]                        */  \
    X(STORE_SUBSCR, none, -3, 0)               /* value, obj, key ->                          */  \
    X(DELETE_SUBSCR, none, -2, 0)              /* obj, key ->                                 */  \
    X(BUILD_SLICE, count, 1 - (o), 0)          /* 2 or 3 items -> slice                       */  \
    X(BINARY_OP, binop, -1, 0)                 /* a, b -> a op b; o >= 16: in-place o - 16    */  \
    X(UNARY_NEGATIVE, none, 0, 0)                                                                 \
    X(UNARY_POSITIVE, none, 0, 0)                                                                 \
    X(UNARY_INVERT, none, 0, 0)                                                                   \
    X(UNARY_NOT, none, 0, 0)                                                                      \
    X(COMPARE_OP, cmp, -1, 0)                  /* a, b -> a cmp b (TPY_CMP_*)                 */  \
    X(IS_OP, invert, -1, 0)                                                                       \
    X(CONTAINS_OP, invert, -1, 0)              /* item, container -> bool                     */  \
    X(JUMP, target, 0, 0)                      /* forward jump                                */  \
    X(JUMP_BACKWARD, target, 0, 0)             /* loop back-edge: a safe point                */  \
    X(POP_JUMP_IF_FALSE, target, -1, -1)                                                          \
    X(POP_JUMP_IF_TRUE, target, -1, -1)                                                           \
    X(JUMP_IF_FALSE_OR_POP, target, -1, 0)                                                        \
    X(JUMP_IF_TRUE_OR_POP, target, -1, 0)                                                         \
    X(GET_ITER, none, 0, 0)                                                                       \
    X(FOR_ITER, target, 1, -1)                 /* it -> it, next | (exhausted: pop, jump)     */  \
    X(BUILD_TUPLE, count, 1 - (o), 0)                                                             \
    X(BUILD_LIST, count, 1 - (o), 0)                                                              \
    X(BUILD_SET, count, 1 - (o), 0)                                                               \
    X(BUILD_MAP, count, 1 - 2 * (o), 0)        /* k1, v1, ... kn, vn -> dict                  */  \
    X(BUILD_STRING, count, 1 - (o), 0)         /* concatenate o strs                          */  \
    X(LIST_APPEND, depth, -1, 0)               /* v -> ; sp[-o].append(v)                     */  \
    X(SET_ADD, depth, -1, 0)                                                                      \
    X(MAP_ADD, depth, -2, 0)                   /* k, v -> ; sp[-o][k] = v                     */  \
    X(LIST_EXTEND, depth, -1, 0)               /* it -> ; sp[-o].extend(it)                   */  \
    X(SET_UPDATE, depth, -1, 0)                                                                   \
    X(DICT_UPDATE, depth, -1, 0)               /* {**m} in displays                           */  \
    X(DICT_MERGE, depth, -1, 0)                /* f(**m): duplicate keys are an error         */  \
    X(LIST_TO_TUPLE, none, 0, 0)                                                                  \
    X(UNPACK_SEQUENCE, count, (o) - 1, 0)                                                         \
    X(UNPACK_EX, count, ((o) & 0xff) + ((o) >> 8), 0) /* o = before | after << 8            */  \
    X(CALL, count, -(o) - 1, 0)                /* callable, self|NULL, args -> result         */  \
    X(CALL_KW, count, -(o) - 2, 0)             /* ..., args, kwnames -> result (o counts all) */  \
    X(CALL_EX, flags, -2 - ((o) & 1), 0)       /* callable, NULL, tuple[, dict] -> result     */  \
    X(MAKE_FUNCTION, flags,                                                                       \
      -1 - ((o) & 1) - (((o) >> 1) & 1) - (((o) >> 2) & 1) - (((o) >> 3) & 1), 0)                 \
                                               /* [defaults][kwdefaults][closure] code qualname */\
    X(RETURN_VALUE, none, -1, 0)                                                                  \
    X(RAISE, count, -(o), 0)                   /* 0: re-raise; 1: exc; 2: exc, cause          */  \
    X(RERAISE, none, -1, 0)                                                                       \
    X(SETUP_FINALLY, target, 0, 1)             /* push a handler; it starts with exc pushed   */  \
    X(POP_BLOCK, none, 0, 0)                                                                      \
    X(PUSH_EXC_INFO, target, 1, 0)             /* exc -> prev, exc; pushes the cleanup block  */  \
    X(POP_EXCEPT, none, -1, 0)                 /* prev_handled -> (restores it)               */  \
    X(CHECK_EXC_MATCH, none, 0, 0)             /* exc, type -> exc, bool                      */  \
    X(LOAD_ASSERTION_ERROR, none, 1, 0)                                                           \
    X(BEFORE_WITH, target, 1, 0)               /* mgr -> exit, mgr.__enter__(); pushes block  */  \
    X(WITH_EXCEPT_START, none, 1, 0)           /* exit, prev, exc -> exit, prev, exc, result  */  \
    X(WITH_EXIT, none, -1, 0)                  /* exit -> (calls exit(None, None, None))      */  \
    X(FORMAT_VALUE, flags, -(((o) & 4) >> 2), 0) /* value[, spec] -> str; o&3: conversion     */  \
    X(PRINT_EXPR, none, -1, 0)                 /* the REPL's echo                             */  \
    X(IMPORT_NAME, name, -1, 0)                /* level, fromlist -> module                   */  \
    X(IMPORT_FROM, name, 1, 0)                 /* module -> module, module.name               */  \
    X(IMPORT_STAR, none, -1, 0)                                                                   \
    X(BUILD_CLASS, count, -1 - (o), 0)         /* body_func, name, bases... (o) -> class      */  \
    X(BUILD_CLASS_KW, count, -2 - (o), 0)      /* body, name, bases+kw values (o), kwnames -> cls */ \
    X(YIELD_VALUE, none, 0, 0)                 /* v -> sent value                             */  \
    X(GET_YIELD_FROM_ITER, none, 0, 0)                                                            \
    X(SEND, target, 0, -1)                     /* it, v -> it, yielded | (done: result, jump) */  \
    X(SETUP_ANNOTATIONS, none, 0, 0)                                                              \
    X(UNSUPPORTED, const, 0, 0)                /* raise NotImplementedError(consts[o])        */

/*
 * Superinstructions: the pairs (A, B) executed most often (counted over the
 * benchmark programs).  The compiler never emits them: when a code object is
 * built (vm/code.c) the first word of each such pair becomes A__B, which runs A
 * and then B's handler directly, without dispatching; the second word keeps
 * B and its operand, so a jump to it still runs B alone, and it may itself
 * start another pair.  `kind` is A's operand; the disassembler shows A.
 */
#define TPY_SUPERINSTRS(X)                                                                        \
    X(LOAD_FAST__LOAD_FAST, LOAD_FAST, LOAD_FAST)                                                 \
    X(LOAD_FAST__LOAD_CONST, LOAD_FAST, LOAD_CONST)                                               \
    X(LOAD_FAST__BINARY_OP, LOAD_FAST, BINARY_OP)                                                 \
    X(LOAD_FAST__LOAD_ATTR, LOAD_FAST, LOAD_ATTR)                                                 \
    X(LOAD_FAST__LOAD_METHOD, LOAD_FAST, LOAD_METHOD)                                             \
    X(LOAD_FAST__CALL, LOAD_FAST, CALL)                                                           \
    X(LOAD_CONST__BINARY_OP, LOAD_CONST, BINARY_OP)                                               \
    X(LOAD_CONST__COMPARE_OP, LOAD_CONST, COMPARE_OP)                                             \
    X(LOAD_CONST__BINARY_SUBSCR, LOAD_CONST, BINARY_SUBSCR)                                       \
    X(LOAD_CONST__RETURN_VALUE, LOAD_CONST, RETURN_VALUE)                                         \
    X(STORE_FAST__LOAD_FAST, STORE_FAST, LOAD_FAST)                                               \
    X(LOAD_GLOBAL__PUSH_NULL, LOAD_GLOBAL, PUSH_NULL)                                             \
    X(IS_OP__POP_JUMP_IF_FALSE, IS_OP, POP_JUMP_IF_FALSE)                                         \
    X(IS_OP__POP_JUMP_IF_TRUE, IS_OP, POP_JUMP_IF_TRUE)

typedef enum {
#define TPY_OP_ENUM(name, kind, effect, jeffect) OP_##name,
    TPY_OPCODES(TPY_OP_ENUM)
#undef TPY_OP_ENUM
        OP__NBASE,
    OP__FIRST_SUPER = OP__NBASE - 1,
#define TPY_SUPER_ENUM(name, first, second) OP_##name,
    TPY_SUPERINSTRS(TPY_SUPER_ENUM)
#undef TPY_SUPER_ENUM
        OP__COUNT
} tpy_opcode_t;

#define TPY_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define TPY_OP(w) ((w) & 0xffu)
#define TPY_ARG(w) ((w) >> 8)
#define TPY_ARG_MAX 0xffffffu

/* MAKE_FUNCTION flags */
#define TPY_MKFN_DEFAULTS 1
#define TPY_MKFN_KWDEFAULTS 2
#define TPY_MKFN_CLOSURE 4
#define TPY_MKFN_ANNOTATIONS 8 // a tuple (name, value, ...) under the closure

/* LIST_EXTEND flag: the lone *x of a call f(*x), whose errors name f */
#define TPY_EXTEND_CALL 0x100

/* FORMAT_VALUE flags: conversion in the low 2 bits, 4 = a spec is on the stack */
#define TPY_FMT_NONE 0
#define TPY_FMT_STR 1
#define TPY_FMT_REPR 2
#define TPY_FMT_ASCII 3
#define TPY_FMT_HAVE_SPEC 4

#endif
