/*
 * vm/code.c - code objects: the compiled form of a module, class body,
 * function, lambda or comprehension.
 *
 * A code object owns its instruction array and the parallel array of source
 * positions (CPython 3.11's co_positions), its constants, names and the names
 * of its fast locals, cells and free variables (localsplus).  Code objects are
 * immutable and atomic (they can only refer to constants, never to mutable
 * containers), so they are not tracked by the cycle collector.  Building one
 * turns the first word of each frequent instruction pair into its
 * superinstruction (vm/opcodes.h), the only change made to the compiler's code.
 */
#include "vm/vm.h"

#include "vm/frame.h"
#include "vm/opcodes.h"

#include <string.h>

_Static_assert(OP__COUNT <= 256, "an opcode must fit the instruction's low byte");

static const uint8_t super_first[] = {
#define TPY_SUPER_FIRST(name, first, second) OP_##first,
    TPY_SUPERINSTRS(TPY_SUPER_FIRST)
#undef TPY_SUPER_FIRST
};

static const uint8_t super_second[] = {
#define TPY_SUPER_SECOND(name, first, second) OP_##second,
    TPY_SUPERINSTRS(TPY_SUPER_SECOND)
#undef TPY_SUPER_SECOND
};

#define NSUPER (sizeof super_first / sizeof super_first[0])

int tpy_code_base_op(int op)
{
    return op > OP__FIRST_SUPER && op < OP__COUNT ? super_first[op - OP__NBASE] : op;
}

// Rewrite the first word of every pair the table names; the second word stays.
static void fuse_pairs(uint32_t *code, intptr_t n)
{
    for (intptr_t i = 0; i + 1 < n; i++) {
        unsigned a = TPY_OP(code[i]), b = TPY_OP(code[i + 1]);
        for (size_t k = 0; k < NSUPER; k++) {
            if (super_first[k] == a && super_second[k] == b) {
                code[i] = TPY_INSTR(OP__NBASE + k, TPY_ARG(code[i]));
                break;
            }
        }
    }
}

tpy_object_t *tpy_code_build(uint32_t *code, tpy_codepos_t *pos, intptr_t n, tpy_object_t *consts,
                             tpy_object_t *names, tpy_object_t *localsplusnames,
                             int32_t *cell2arg, int nlocals, int ncells, int nfrees,
                             int argcount, int posonly, int kwonly, int flags, int stacksize,
                             int firstlineno, tpy_object_t *name, tpy_object_t *qualname,
                             const char *filename);

tpy_object_t *tpy_code_build(uint32_t *code, tpy_codepos_t *pos, intptr_t n, tpy_object_t *consts,
                             tpy_object_t *names, tpy_object_t *localsplusnames,
                             int32_t *cell2arg, int nlocals, int ncells, int nfrees,
                             int argcount, int posonly, int kwonly, int flags, int stacksize,
                             int firstlineno, tpy_object_t *name, tpy_object_t *qualname,
                             const char *filename)
{
    size_t nnames = (size_t)TPY_TUPLE_SIZE(names);
    tpy_code_t *co = (tpy_code_t *)tpy_obj_new(&tpy_code_type, sizeof(tpy_code_t));
    tpy_object_t *fn = tpy_str_from_cstr(filename);
    tpy_globalcache_t *gcache = tpy_mem_alloc(sizeof(tpy_globalcache_t) * (nnames ? nnames : 1));
    tpy_attrcache_t *acache = tpy_mem_alloc(sizeof(tpy_attrcache_t) * 2 * (nnames ? nnames : 1));
    if (co == NULL || fn == NULL || gcache == NULL || acache == NULL) {
        // nothing was handed over yet: release the arrays the caller passed us
        tpy_mem_free(code, sizeof(uint32_t) * (size_t)(n ? n : 1));
        tpy_mem_free(pos, sizeof(tpy_codepos_t) * (size_t)(n ? n : 1));
        tpy_mem_free(cell2arg, sizeof(int32_t) * (size_t)(TPY_TUPLE_SIZE(localsplusnames) + 1));
        tpy_mem_free(gcache, sizeof(tpy_globalcache_t) * (nnames ? nnames : 1));
        tpy_mem_free(acache, sizeof(tpy_attrcache_t) * 2 * (nnames ? nnames : 1));
        if (co != NULL) {
            TPY_REF_DEC_TOTAL();
            tpy_obj_free(TPY_OBJ(co), sizeof(tpy_code_t));
        }
        TPY_XDECREF(fn);
        return tpy_err_no_memory();
    }
    co->gcache = gcache;
    co->acache = acache;
    for (size_t i = 0; i < nnames; i++) {
        co->gcache[i] = (tpy_globalcache_t){NULL, NULL, -1, -1, NULL, NULL, 0, -1};
        co->acache[2 * i] = (tpy_attrcache_t){NULL, 0, TPY_AC_NONE, -1, -1, NULL};
        co->acache[2 * i + 1] = co->acache[2 * i];
    }
    fuse_pairs(code, n);
    co->code = code;
    co->positions = pos;
    co->ncode = n;
    co->consts = tpy_newref(consts);
    co->names = tpy_newref(names);
    co->localsplusnames = tpy_newref(localsplusnames);
    co->cell2arg = cell2arg;
    co->nlocals = nlocals;
    co->ncells = ncells;
    co->nfrees = nfrees;
    co->nlocalsplus = (int)TPY_TUPLE_SIZE(localsplusnames);
    co->argcount = argcount;
    co->posonlyargcount = posonly;
    co->kwonlyargcount = kwonly;
    co->flags = flags;
    co->stacksize = stacksize;
    co->firstlineno = firstlineno;
    co->plain_args =
        !(flags & (TPY_CO_VARARGS | TPY_CO_VARKEYWORDS | TPY_CO_GENERATOR)) && kwonly == 0;
    co->framesize = (sizeof(tpy_frame_t) +
                     sizeof(tpy_object_t *) * (size_t)(co->nlocalsplus + stacksize) + 15) &
                    ~(size_t)15;
    co->name = tpy_newref(name);
    co->qualname = tpy_newref(qualname);
    co->filename = fn;
    return TPY_OBJ(co);
}

static void code_dealloc(tpy_object_t *self)
{
    tpy_code_t *co = (tpy_code_t *)self;
    size_t n = (size_t)(co->ncode ? co->ncode : 1);
    tpy_mem_free(co->code, sizeof(uint32_t) * n);
    tpy_mem_free(co->positions, sizeof(tpy_codepos_t) * n);
    tpy_mem_free(co->cell2arg, sizeof(int32_t) * (size_t)(co->nlocalsplus + 1));
    size_t nnames = (size_t)TPY_TUPLE_SIZE(co->names);
    tpy_mem_free(co->gcache, sizeof(tpy_globalcache_t) * (nnames ? nnames : 1));
    tpy_mem_free(co->acache, sizeof(tpy_attrcache_t) * 2 * (nnames ? nnames : 1));
    for (intptr_t i = 0; i < co->nliterals; i++) {
        TPY_DECREF(co->literals[i]);
    }
    tpy_mem_free(co->literals, (size_t)co->capliterals * sizeof *co->literals);
    TPY_CLEAR(co->consts);
    TPY_CLEAR(co->names);
    TPY_CLEAR(co->localsplusnames);
    TPY_CLEAR(co->name);
    TPY_CLEAR(co->qualname);
    TPY_CLEAR(co->filename);
    tpy_obj_free(self, sizeof(tpy_code_t));
}

static tpy_object_t *code_repr(tpy_object_t *self)
{
    tpy_code_t *co = (tpy_code_t *)self;
    return tpy_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name,
                               (void *)self, co->filename, co->firstlineno);
}

static tpy_object_t *code_get_name(tpy_object_t *self)
{
    return tpy_newref(((tpy_code_t *)self)->name);
}

static tpy_object_t *code_get_qualname(tpy_object_t *self)
{
    return tpy_newref(((tpy_code_t *)self)->qualname);
}

static tpy_object_t *code_get_filename(tpy_object_t *self)
{
    return tpy_newref(((tpy_code_t *)self)->filename);
}

static tpy_object_t *code_get_firstlineno(tpy_object_t *self)
{
    return tpy_int_from_i64(((tpy_code_t *)self)->firstlineno);
}

static tpy_object_t *code_get_argcount(tpy_object_t *self)
{
    return tpy_int_from_i64(((tpy_code_t *)self)->argcount);
}

static tpy_object_t *code_get_posonlyargcount(tpy_object_t *self)
{
    return tpy_int_from_i64(((tpy_code_t *)self)->posonlyargcount);
}

static tpy_object_t *code_get_kwonlyargcount(tpy_object_t *self)
{
    return tpy_int_from_i64(((tpy_code_t *)self)->kwonlyargcount);
}

static tpy_object_t *code_get_nlocals(tpy_object_t *self)
{
    return tpy_int_from_i64(((tpy_code_t *)self)->nlocals);
}

static tpy_object_t *code_get_consts(tpy_object_t *self)
{
    return tpy_newref(((tpy_code_t *)self)->consts);
}

static tpy_object_t *code_get_names(tpy_object_t *self)
{
    return tpy_newref(((tpy_code_t *)self)->names);
}

static tpy_object_t *code_get_varnames(tpy_object_t *self)
{
    tpy_code_t *co = (tpy_code_t *)self;
    return tpy_tuple_slice(co->localsplusnames, 0, co->nlocals);
}

static tpy_object_t *code_get_flags(tpy_object_t *self)
{
    // TPY_CO_NOFREE is tpy's own (CPython 3.11 has no such flag)
    return tpy_int_from_i64(((tpy_code_t *)self)->flags & ~TPY_CO_NOFREE);
}

static const tpy_getsetdef_t code_getset[] = {
    {"co_name", code_get_name, NULL},
    {"co_qualname", code_get_qualname, NULL},
    {"co_filename", code_get_filename, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL},
    {"co_argcount", code_get_argcount, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL},
    {"co_nlocals", code_get_nlocals, NULL},
    {"co_consts", code_get_consts, NULL},
    {"co_names", code_get_names, NULL},
    {"co_varnames", code_get_varnames, NULL},
    {"co_flags", code_get_flags, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_code_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "code",
    .tp_basicsize = sizeof(tpy_code_t),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getset = code_getset,
};
