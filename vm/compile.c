/*
 * vm/compile.c - AST to code objects: code units, emission, assembly (label
 * patching and stack depth), name operations, and statements.
 *
 * Control flow mirrors CPython 3.11's compiler: exception handlers are blocks
 * pushed by SETUP_FINALLY / BEFORE_WITH / PUSH_EXC_INFO and popped by
 * POP_BLOCK; `finally` bodies are compiled once for the normal path, once for
 * the exceptional path, and inline wherever break/continue/return leaves
 * them.  An `except E as e:` body deletes `e` on every way out.
 */
#include "vm/compile_int.h"

#include <stdio.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------------------- */

void c_error(compiler_t *c, const char *msg, tpy_pos_t pos)
{
    if (c->failed) {
        return;
    }
    c->failed = true;
    c->err->kind = TPY_SYNERR_SYNTAX;
    snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
    c->err->lineno = pos.lineno;
    c->err->col = pos.col;
    c->err->end_lineno = pos.end_lineno;
    c->err->end_col = pos.end_col;
}

/* A construct tpy parses but does not run: a SyntaxError naming it.  [what]
 * carries its verb: "bytes literals are", "the match statement is". */
void c_unsupported(compiler_t *c, const char *what, tpy_pos_t pos)
{
    char msg[200];
    snprintf(msg, sizeof msg, "%s not supported by tpy", what);
    c_error(c, msg, pos);
}

static void c_nomem(compiler_t *c)
{
    if (!c->failed) {
        c->failed = true;
        c->err->kind = TPY_SYNERR_NONE; // a Python exception (MemoryError) is set
    }
}

/* A Python-level error occurred while compiling (e.g. MemoryError, or an
 * int literal's conversion error): keep it as the exception to report. */
static void c_pyerror(compiler_t *c)
{
    if (!c->failed) {
        c->failed = true;
        c->err->kind = TPY_SYNERR_NONE;
    }
}

/* ---- emission ---------------------------------------------------------------------- */

void c_set_pos(compiler_t *c, tpy_pos_t pos)
{
    c->u->curpos = pos;
}

void c_emit(compiler_t *c, int op, intptr_t arg)
{
    unit_t *u = c->u;
    if (c->failed) {
        return;
    }
    if (arg < 0 || (uintptr_t)arg > TPY_ARG_MAX) {
        c_error(c, "too many constants, names or instructions in one code object", u->curpos);
        return;
    }
    if (u->n == u->cap) {
        // Both arrays grow or neither does: they share one capacity.
        intptr_t nc = u->cap ? u->cap * 2 : 64;
        uint32_t *code = tpy_mem_alloc(sizeof(uint32_t) * (size_t)nc);
        tpy_codepos_t *pos = tpy_mem_alloc(sizeof(tpy_codepos_t) * (size_t)nc);
        if (code == NULL || pos == NULL) {
            tpy_mem_free(code, sizeof(uint32_t) * (size_t)nc);
            tpy_mem_free(pos, sizeof(tpy_codepos_t) * (size_t)nc);
            tpy_err_no_memory();
            c_nomem(c);
            return;
        }
        if (u->n > 0) {
            memcpy(code, u->code, sizeof(uint32_t) * (size_t)u->n);
            memcpy(pos, u->pos, sizeof(tpy_codepos_t) * (size_t)u->n);
        }
        tpy_mem_free(u->code, sizeof(uint32_t) * (size_t)u->cap);
        tpy_mem_free(u->pos, sizeof(tpy_codepos_t) * (size_t)u->cap);
        u->code = code;
        u->pos = pos;
        u->cap = nc;
    }
    u->code[u->n] = TPY_INSTR(op, arg);
    u->pos[u->n] = (tpy_codepos_t){u->curpos.lineno, u->curpos.end_lineno, u->curpos.col,
                                   u->curpos.end_col};
    u->n++;
}

int c_new_label(compiler_t *c)
{
    unit_t *u = c->u;
    if (u->nlabels == u->caplabels) {
        intptr_t nc = u->caplabels ? u->caplabels * 2 : 16;
        intptr_t *l = tpy_mem_realloc(u->labels, sizeof(intptr_t) * (size_t)u->caplabels,
                                      sizeof(intptr_t) * (size_t)nc);
        if (l == NULL) {
            tpy_err_no_memory();
            c_nomem(c);
            return 0;
        }
        u->labels = l;
        u->caplabels = nc;
    }
    u->labels[u->nlabels] = -1;
    return (int)u->nlabels++;
}

void c_place_label(compiler_t *c, int label)
{
    if (!c->failed) {
        c->u->labels[label] = c->u->n;
    }
}

/* Jumps carry the label until assembly turns it into an instruction index. */
void c_emit_jump(compiler_t *c, int op, int label)
{
    c_emit(c, op, label);
}

static bool is_jump(int op)
{
    switch (op) {
    case OP_JUMP:
    case OP_JUMP_BACKWARD:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER:
    case OP_SETUP_FINALLY:
    case OP_SEND:
        return true;
    default:
        return false;
    }
}

/* PUSH_EXC_INFO and BEFORE_WITH carry a handler label as well: they push the
 * block that protects what follows them. */
static bool has_handler_label(uint32_t w)
{
    int op = (int)TPY_OP(w);
    return op == OP_PUSH_EXC_INFO || op == OP_BEFORE_WITH;
}

/* ---- constants and names ------------------------------------------------------------ */

/* The key under which equal constants are shared: (type, value), with floats
 * keyed by their bits so that 0.0 and -0.0 stay distinct. */
static tpy_object_t *const_key(tpy_object_t *v)
{
    if (TPY_FLOAT_CHECK_EXACT(v)) {
        double d = TPY_FLOAT_VALUE(v);
        int64_t bits;
        memcpy(&bits, &d, sizeof bits);
        tpy_object_t *b = tpy_int_from_i64(bits);
        if (b == NULL) {
            return NULL;
        }
        tpy_object_t *k = tpy_tuple_pack(2, TPY_OBJ(TPY_TYPE(v)), b);
        TPY_DECREF(b);
        return k;
    }
    if (TPY_INT_CHECK(v) || TPY_STR_CHECK(v) || v == tpy_none || v == tpy_ellipsis) {
        return tpy_tuple_pack(2, TPY_OBJ(TPY_TYPE(v)), v);
    }
    if (TPY_TUPLE_CHECK_EXACT(v)) {
        // a tuple of shareable constants is shared too: keyed by its items' keys
        intptr_t n = TPY_TUPLE_SIZE(v);
        tpy_object_t *keys = tpy_tuple_new(n);
        if (keys == NULL) {
            return NULL;
        }
        for (intptr_t i = 0; i < n; i++) {
            tpy_object_t *k = const_key(TPY_TUPLE_GET(v, i));
            if (k == NULL) {
                TPY_DECREF(keys);
                return NULL;
            }
            TPY_TUPLE_ITEMS(keys)[i] = k;
        }
        tpy_object_t *key = tpy_tuple_pack(2, TPY_OBJ(&tpy_tuple_type), keys);
        TPY_DECREF(keys);
        return key;
    }
    return NULL; // code objects: not shared
}

intptr_t c_add_const(compiler_t *c, tpy_object_t *value)
{
    unit_t *u = c->u;
    if (value == NULL) {
        c_pyerror(c);
        return 0;
    }
    if (c->failed) {
        TPY_DECREF(value);
        return 0;
    }
    tpy_object_t *key = const_key(value);
    if (key != NULL) {
        tpy_object_t *shared = tpy_dict_get_borrow(c->const_cache, key);
        if (shared != NULL) {
            TPY_SETREF(value, tpy_newref(shared));
        } else if (tpy_dict_set(c->const_cache, key, value) < 0) {
            TPY_DECREF(key);
            TPY_DECREF(value);
            c_pyerror(c);
            return 0;
        }
        TPY_DECREF(key);
    } else if (tpy_err_occurred()) {
        TPY_DECREF(value);
        c_pyerror(c);
        return 0;
    }
    // reuse an identical entry of this unit
    intptr_t n = TPY_LIST_SIZE(u->consts);
    for (intptr_t i = 0; i < n; i++) {
        if (TPY_LIST_GET(u->consts, i) == value) {
            TPY_DECREF(value);
            return i;
        }
    }
    if (tpy_list_append_steal(u->consts, value) < 0) {
        c_pyerror(c);
        return 0;
    }
    return n;
}

intptr_t c_add_name(compiler_t *c, const char *name)
{
    unit_t *u = c->u;
    if (c->failed) {
        return 0;
    }
    tpy_object_t *s = tpy_str_intern_cstr(name);
    if (s == NULL) {
        c_pyerror(c);
        return 0;
    }
    tpy_object_t *idx = tpy_dict_get_str_borrow(u->names_index, s);
    if (idx != NULL) {
        TPY_DECREF(s);
        return (intptr_t)tpy_int_as_i64(idx);
    }
    intptr_t n = TPY_LIST_SIZE(u->names);
    tpy_object_t *i = tpy_int_from_i64(n);
    if (i == NULL || tpy_dict_set(u->names_index, s, i) < 0 ||
        tpy_list_append(u->names, s) < 0) {
        TPY_XDECREF(i);
        TPY_DECREF(s);
        c_pyerror(c);
        return 0;
    }
    TPY_DECREF(i);
    TPY_DECREF(s);
    return n;
}

/* ---- units ------------------------------------------------------------------------- */

static intptr_t index_of(const char **names, intptr_t n, const char *name)
{
    for (intptr_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

// Index of [name] in the unit's co_varnames, or -1: its symbol keeps the slot
// (a hash lookup: functions with tens of thousands of locals compile in linear time).
static intptr_t varname_index(const unit_t *u, const char *name)
{
    tpy_symbol_t *sym = tpy_symtable_lookup(u->scope, name);
    return sym != NULL ? sym->slot : -1;
}

static bool add_varname(compiler_t *c, tpy_symbol_t *sym)
{
    unit_t *u = c->u;
    if (sym->slot >= 0) {
        return true;
    }
    if (u->nvarnames == u->capvarnames) {
        intptr_t nc = u->capvarnames ? u->capvarnames * 2 : 16;
        const char **v = tpy_arena_alloc(c->arena, sizeof(char *) * (size_t)nc);
        if (v == NULL) {
            tpy_err_no_memory();
            c_nomem(c);
            return false;
        }
        if (u->varnames) {
            memcpy(v, u->varnames, sizeof(char *) * (size_t)u->nvarnames);
        }
        u->varnames = v;
        u->capvarnames = nc;
    }
    sym->slot = u->nvarnames;
    u->varnames[u->nvarnames++] = sym->name;
    return true;
}

/* The qualified name of a new unit named [name] nested in the current unit. */
static tpy_object_t *make_qualname(compiler_t *c, const char *name)
{
    unit_t *p = c->u;
    if (p == NULL || p->scope->kind == BLOCK_MODULE) {
        return tpy_str_from_cstr(name);
    }
    tpy_symbol_t *sym = tpy_symtable_lookup(p->scope, name);
    if (sym != NULL && sym->scope == SCOPE_GLOBAL_EXPLICIT) {
        return tpy_str_from_cstr(name);
    }
    if (p->scope->kind == BLOCK_FUNCTION) {
        return tpy_str_from_format("%U.<locals>.%s", p->qualname, name);
    }
    return tpy_str_from_format("%U.%s", p->qualname, name);
}

static unit_t *enter_unit(compiler_t *c, tpy_scope_t *scope, const char *name, int firstlineno)
{
    unit_t *u = tpy_arena_alloc(c->arena, sizeof(unit_t));
    if (u == NULL) {
        tpy_err_no_memory();
        c_nomem(c);
        return NULL;
    }
    u->scope = scope;
    u->firstlineno = firstlineno;
    u->consts = tpy_list_new(0);
    u->names = tpy_list_new(0);
    u->names_index = tpy_dict_new();
    u->name = tpy_str_intern_cstr(name);
    u->qualname = make_qualname(c, name);
    u->curpos = (tpy_pos_t){firstlineno, 0, firstlineno, 0};
    u->parent = c->u;
    if (!u->consts || !u->names || !u->names_index || !u->name || !u->qualname) {
        TPY_XDECREF(u->consts);
        TPY_XDECREF(u->names);
        TPY_XDECREF(u->names_index);
        TPY_XDECREF(u->name);
        TPY_XDECREF(u->qualname);
        c_pyerror(c);
        return NULL;
    }
    c->u = u;
    return u;
}

static void free_unit(unit_t *u)
{
    tpy_mem_free(u->code, sizeof(uint32_t) * (size_t)u->cap);
    tpy_mem_free(u->pos, sizeof(tpy_codepos_t) * (size_t)u->cap);
    tpy_mem_free(u->labels, sizeof(intptr_t) * (size_t)u->caplabels);
    TPY_XDECREF(u->consts);
    TPY_XDECREF(u->names);
    TPY_XDECREF(u->names_index);
    TPY_XDECREF(u->name);
    TPY_XDECREF(u->qualname);
}

static void leave_unit(compiler_t *c)
{
    unit_t *u = c->u;
    c->u = u->parent;
    free_unit(u);
}

/* Decide the locals, cells and free variables of a unit from its scope. */
static void layout_locals(compiler_t *c)
{
    unit_t *u = c->u;
    tpy_scope_t *s = u->scope;
    for (intptr_t i = 0; i < s->nsyms; i++) {
        s->syms[i].slot = -1; // a scope may be compiled twice (a def in a finally body)
    }
    if (s->kind == BLOCK_FUNCTION) {
        for (intptr_t i = 0; i < s->nparams; i++) {
            tpy_symbol_t *sym = tpy_symtable_lookup(s, s->params[i]);
            if (sym == NULL) {
                c_error(c, "internal compiler error: a parameter without a symbol", u->curpos);
                return;
            }
            add_varname(c, sym);
        }
        for (intptr_t i = 0; i < s->nsyms; i++) {
            tpy_symbol_t *sym = &s->syms[i];
            if (sym->scope == SCOPE_LOCAL) {
                add_varname(c, sym);
            }
        }
    }
    intptr_t ncell = 0, nfree = 0;
    for (intptr_t i = 0; i < s->nsyms; i++) {
        tpy_symbol_t *sym = &s->syms[i];
        if (sym->scope == SCOPE_CELL) {
            ncell++;
        } else if (sym->scope == SCOPE_FREE || (sym->flags & SYM_DEF_FREE_CLASS)) {
            nfree++;
        }
    }
    u->cellvars = tpy_arena_alloc(c->arena, sizeof(char *) * (size_t)(ncell + 1));
    u->freevars = tpy_arena_alloc(c->arena, sizeof(char *) * (size_t)(nfree + 1));
    if (u->cellvars == NULL || u->freevars == NULL) {
        tpy_err_no_memory();
        c_nomem(c);
        return;
    }
    for (intptr_t i = 0; i < s->nsyms; i++) {
        tpy_symbol_t *sym = &s->syms[i];
        if (sym->scope == SCOPE_CELL) {
            u->cellvars[u->ncellvars++] = sym->name;
        } else if (sym->scope == SCOPE_FREE || (sym->flags & SYM_DEF_FREE_CLASS)) {
            u->freevars[u->nfreevars++] = sym->name;
        }
    }
}

/* localsplus index of a cell or free variable (cells that are parameters keep
 * the parameter's slot). */
static intptr_t deref_index(compiler_t *c, const char *name, bool *found)
{
    unit_t *u = c->u;
    *found = true;
    intptr_t i = index_of(u->cellvars, u->ncellvars, name);
    if (i >= 0) {
        intptr_t p = varname_index(u, name);
        if (p >= 0) {
            return p;
        }
        // cells that are not parameters come after the locals, in order
        intptr_t k = u->nvarnames;
        for (intptr_t j = 0; j < i; j++) {
            if (varname_index(u, u->cellvars[j]) < 0) {
                k++;
            }
        }
        return k;
    }
    i = index_of(u->freevars, u->nfreevars, name);
    if (i >= 0) {
        intptr_t k = u->nvarnames;
        for (intptr_t j = 0; j < u->ncellvars; j++) {
            if (varname_index(u, u->cellvars[j]) < 0) {
                k++;
            }
        }
        return k + i;
    }
    *found = false;
    return 0;
}

const char *c_mangle(compiler_t *c, const char *name)
{
    const char *m = tpy_symtable_mangle(c->arena, c->u->scope->private_name, name);
    if (m == NULL) {
        c_nomem(c);
        return name;
    }
    return m;
}

void c_nameop(compiler_t *c, const char *name, tpy_ast_ctx_t ctx, tpy_pos_t pos)
{
    name = c_mangle(c, name);
    unit_t *u = c->u;
    tpy_pos_t saved = u->curpos;
    u->curpos = pos;
    tpy_symbol_t *sym = tpy_symtable_lookup(u->scope, name);
    tpy_symscope_t scope = sym ? sym->scope : SCOPE_GLOBAL_IMPLICIT;
    tpy_blockkind_t kind = u->scope->kind;
    int op;
    intptr_t arg;
    bool found;
    if (kind == BLOCK_CLASS && sym != NULL && (sym->flags & SYM_DEF_FREE_CLASS)) {
        scope = SCOPE_LOCAL; // the class body keeps its own binding
    }
    switch (scope) {
    case SCOPE_FREE:
    case SCOPE_CELL:
        arg = deref_index(c, name, &found);
        if (kind == BLOCK_CLASS && ctx == AST_LOAD && scope == SCOPE_FREE) {
            op = OP_LOAD_CLASSDEREF;
        } else {
            op = ctx == AST_LOAD ? OP_LOAD_DEREF : ctx == AST_STORE ? OP_STORE_DEREF
                                                                    : OP_DELETE_DEREF;
        }
        break;
    case SCOPE_LOCAL:
        if (kind == BLOCK_FUNCTION) {
            arg = varname_index(u, name);
            op = ctx == AST_LOAD ? OP_LOAD_FAST : ctx == AST_STORE ? OP_STORE_FAST
                                                                   : OP_DELETE_FAST;
        } else {
            arg = c_add_name(c, name);
            op = ctx == AST_LOAD ? OP_LOAD_NAME : ctx == AST_STORE ? OP_STORE_NAME
                                                                   : OP_DELETE_NAME;
        }
        break;
    case SCOPE_GLOBAL_EXPLICIT:
        arg = c_add_name(c, name);
        op = ctx == AST_LOAD ? OP_LOAD_GLOBAL : ctx == AST_STORE ? OP_STORE_GLOBAL
                                                                 : OP_DELETE_GLOBAL;
        break;
    default:
        arg = c_add_name(c, name);
        if (kind == BLOCK_FUNCTION) {
            op = ctx == AST_LOAD ? OP_LOAD_GLOBAL : ctx == AST_STORE ? OP_STORE_GLOBAL
                                                                     : OP_DELETE_GLOBAL;
        } else {
            op = ctx == AST_LOAD ? OP_LOAD_NAME : ctx == AST_STORE ? OP_STORE_NAME
                                                                   : OP_DELETE_NAME;
        }
        break;
    }
    c_emit(c, op, arg);
    u->curpos = saved;
}

/* ---- assembly ---------------------------------------------------------------------- */

static int stack_effect(uint32_t w, bool jump)
{
    int o = (int)TPY_ARG(w);
    (void)o;
    switch ((int)TPY_OP(w)) {
#define TPY_EFFECT(name, kind, effect, jeffect)                                                   \
    case OP_##name:                                                                               \
        return jump ? (jeffect) : (effect);
        TPY_OPCODES(TPY_EFFECT)
#undef TPY_EFFECT
    default:
        return 0;
    }
}

/* Handler entry depth for the block-pushing forms of PUSH_EXC_INFO/BEFORE_WITH:
 * both leave (depth before) items below the pushed exception. */
static int handler_effect(uint32_t w)
{
    (void)w;
    return 1;
}

static bool falls_through(int op)
{
    return op != OP_JUMP && op != OP_JUMP_BACKWARD && op != OP_RETURN_VALUE && op != OP_RAISE &&
           op != OP_RERAISE;
}

/* Max stack depth by a worklist over instructions.  -1 on inconsistency. */
static int compute_stacksize(compiler_t *c)
{
    unit_t *u = c->u;
    intptr_t n = u->n;
    if (n == 0) {
        return 0;
    }
    int *depth = tpy_mem_alloc(sizeof(int) * (size_t)n);
    intptr_t *work = tpy_mem_alloc(sizeof(intptr_t) * (size_t)(n * 3 + 8));
    if (depth == NULL || work == NULL) {
        tpy_mem_free(depth, sizeof(int) * (size_t)n);
        tpy_mem_free(work, sizeof(intptr_t) * (size_t)(n * 3 + 8));
        tpy_err_no_memory();
        c_nomem(c);
        return 0;
    }
    for (intptr_t i = 0; i < n; i++) {
        depth[i] = -1;
    }
    intptr_t top = 0, maxwork = n * 3 + 8;
    int maxdepth = 0;
    depth[0] = 0;
    work[top++] = 0;
#define PUSH_TARGET(t, d)                                                                         \
    do {                                                                                          \
        intptr_t t_ = (t);                                                                        \
        int d_ = (d);                                                                             \
        if (t_ >= 0 && t_ < n && depth[t_] < d_ && top < maxwork) {                               \
            depth[t_] = d_;                                                                       \
            work[top++] = t_;                                                                     \
        }                                                                                         \
    } while (0)
    while (top > 0) {
        intptr_t i = work[--top];
        int d = depth[i];
        for (; i < n; i++) {
            if (depth[i] > d) {
                break; // already explored with a deeper stack
            }
            depth[i] = d;
            uint32_t w = u->code[i];
            int op = (int)TPY_OP(w);
            if (is_jump(op)) {
                PUSH_TARGET((intptr_t)TPY_ARG(w), d + stack_effect(w, true));
            }
            if (has_handler_label(w)) {
                PUSH_TARGET((intptr_t)TPY_ARG(w), d + handler_effect(w));
            }
            d += stack_effect(w, false);
            if (d > maxdepth) {
                maxdepth = d;
            }
            if (d < 0) {
                d = 0;
            }
            if (!falls_through(op)) {
                break;
            }
            if (i + 1 < n && depth[i + 1] >= d) {
                break;
            }
        }
    }
#undef PUSH_TARGET
    tpy_mem_free(depth, sizeof(int) * (size_t)n);
    tpy_mem_free(work, sizeof(intptr_t) * (size_t)(n * 3 + 8));
    return maxdepth + 2;
}

static tpy_object_t *names_tuple(const char **names, intptr_t n)
{
    tpy_object_t *t = tpy_tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        tpy_object_t *s = tpy_str_intern_cstr(names[i]);
        if (s == NULL) {
            TPY_DECREF(t);
            return NULL;
        }
        TPY_TUPLE_ITEMS(t)[i] = s;
    }
    tpy_tuple_maybe_untrack(t);
    return t;
}

tpy_object_t *tpy_code_new_from_unit(compiler_t *c);

/* Patch labels into instruction indexes and build the code object. */
static tpy_object_t *assemble(compiler_t *c)
{
    unit_t *u = c->u;
    if (c->failed) {
        return NULL;
    }
    for (intptr_t i = 0; i < u->n; i++) {
        uint32_t w = u->code[i];
        if (is_jump((int)TPY_OP(w)) || has_handler_label(w)) {
            intptr_t target = u->labels[TPY_ARG(w)];
            if (target < 0) {
                c_error(c, "internal compiler error: unplaced label", u->curpos);
                return NULL;
            }
            u->code[i] = TPY_INSTR(TPY_OP(w), target);
        }
    }
    return tpy_code_new_from_unit(c);
}

/* Build a code object from the finished unit (vm/code.c owns the type). */
tpy_object_t *tpy_code_build(uint32_t *code, tpy_codepos_t *pos, intptr_t n, tpy_object_t *consts,
                             tpy_object_t *names, tpy_object_t *localsplusnames,
                             int32_t *cell2arg, int nlocals, int ncells, int nfrees,
                             int argcount, int posonly, int kwonly, int flags, int stacksize,
                             int firstlineno, tpy_object_t *name, tpy_object_t *qualname,
                             const char *filename);

tpy_object_t *tpy_code_new_from_unit(compiler_t *c)
{
    unit_t *u = c->u;
    int stacksize = compute_stacksize(c);
    if (c->failed) {
        return NULL;
    }
    // localsplus: locals, then cells that are not parameters, then frees
    intptr_t extra_cells = 0;
    for (intptr_t j = 0; j < u->ncellvars; j++) {
        if (varname_index(u, u->cellvars[j]) < 0) {
            extra_cells++;
        }
    }
    intptr_t nplus = u->nvarnames + extra_cells + u->nfreevars;
    const char **plus = tpy_arena_alloc(c->arena, sizeof(char *) * (size_t)(nplus + 1));
    int32_t *cell2arg = tpy_mem_alloc(sizeof(int32_t) * (size_t)(nplus + 1));
    if (plus == NULL || cell2arg == NULL) {
        tpy_mem_free(cell2arg, sizeof(int32_t) * (size_t)(nplus + 1));
        tpy_err_no_memory();
        c_nomem(c);
        return NULL;
    }
    intptr_t k = 0;
    for (intptr_t i = 0; i < u->nvarnames; i++) {
        plus[k] = u->varnames[i];
        // 1 marks a local that is also a cell (MAKE_CELL wraps it in place)
        tpy_symbol_t *sym = tpy_symtable_lookup(u->scope, u->varnames[i]);
        cell2arg[k++] = sym != NULL && sym->scope == SCOPE_CELL ? 1 : 0;
    }
    for (intptr_t j = 0; j < u->ncellvars; j++) {
        if (varname_index(u, u->cellvars[j]) < 0) {
            plus[k] = u->cellvars[j];
            cell2arg[k++] = 1;
        }
    }
    for (intptr_t j = 0; j < u->nfreevars; j++) {
        plus[k] = u->freevars[j];
        cell2arg[k++] = 2;
    }
    tpy_object_t *lpn = names_tuple(plus, nplus);
    tpy_object_t *consts = lpn ? tpy_list_as_tuple(u->consts) : NULL;
    tpy_object_t *names = consts ? tpy_list_as_tuple(u->names) : NULL;
    if (names == NULL) {
        TPY_XDECREF(lpn);
        TPY_XDECREF(consts);
        tpy_mem_free(cell2arg, sizeof(int32_t) * (size_t)(nplus + 1));
        c_pyerror(c);
        return NULL;
    }
    int flags = u->flags;
    if (u->scope->kind == BLOCK_FUNCTION) {
        flags |= TPY_CO_OPTIMIZED | TPY_CO_NEWLOCALS;
        if (u->scope->is_generator) {
            flags |= TPY_CO_GENERATOR;
        }
    }
    if (u->nfreevars == 0 && u->ncellvars == 0) {
        flags |= TPY_CO_NOFREE;
    }
    // hand the instruction arrays over to the code object
    uint32_t *code = u->code;
    tpy_codepos_t *pos = u->pos;
    intptr_t n = u->n, cap = u->cap;
    u->code = NULL;
    u->pos = NULL;
    u->cap = 0;
    // shrink to fit so the code object can free them with its own size
    uint32_t *code2 = tpy_mem_realloc(code, sizeof(uint32_t) * (size_t)cap,
                                      sizeof(uint32_t) * (size_t)(n ? n : 1));
    tpy_codepos_t *pos2 = tpy_mem_realloc(pos, sizeof(tpy_codepos_t) * (size_t)cap,
                                          sizeof(tpy_codepos_t) * (size_t)(n ? n : 1));
    if (code2) {
        code = code2;
    }
    if (pos2) {
        pos = pos2;
    }
    if (code2 == NULL || pos2 == NULL) {
        tpy_mem_free(code, sizeof(uint32_t) * (size_t)(code2 ? (n ? n : 1) : cap));
        tpy_mem_free(pos, sizeof(tpy_codepos_t) * (size_t)(pos2 ? (n ? n : 1) : cap));
        TPY_DECREF(lpn);
        TPY_DECREF(consts);
        TPY_DECREF(names);
        tpy_mem_free(cell2arg, sizeof(int32_t) * (size_t)(nplus + 1));
        tpy_err_no_memory();
        c_nomem(c);
        return NULL;
    }
    tpy_object_t *co = tpy_code_build(code, pos, n, consts, names, lpn, cell2arg,
                                      (int)u->nvarnames, (int)extra_cells, (int)u->nfreevars,
                                      u->argcount, u->posonlyargcount, u->kwonlyargcount, flags,
                                      stacksize, u->firstlineno, u->name, u->qualname,
                                      c->filename);
    TPY_DECREF(lpn);
    TPY_DECREF(consts);
    TPY_DECREF(names);
    if (co == NULL) {
        c_pyerror(c);
    }
    return co;
}

/* ---- fblocks and unwinding ------------------------------------------------------------ */

static bool push_fblock(compiler_t *c, fblock_kind_t kind, int block, int exit, const void *datum,
                        tpy_pos_t pos)
{
    unit_t *u = c->u;
    if (u->nfblocks >= TPY_MAX_FBLOCKS) {
        c_error(c, "too many statically nested blocks", pos);
        return false;
    }
    u->fblocks[u->nfblocks++] = (fblock_t){kind, block, exit, datum};
    return true;
}

static void pop_fblock(compiler_t *c)
{
    c->u->nfblocks--;
}

static void c_stmts(compiler_t *c, tpy_seq_t body);

static void clear_except_name(compiler_t *c, const char *name, tpy_pos_t pos)
{
    c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
    c_nameop(c, name, AST_STORE, pos);
    c_nameop(c, name, AST_DEL, pos);
}

/* Leave fblock [fb] on the way out (break/continue/return); [preserve_tos]
 * keeps a return value on top of the stack. */
static void unwind_fblock(compiler_t *c, fblock_t *fb, bool preserve_tos)
{
    switch (fb->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPT_NAME:
        break;
    case FB_FOR_LOOP:
        if (preserve_tos) {
            c_emit(c, OP_SWAP, 2);
        }
        c_emit(c, OP_POP_TOP, 0);
        break;
    case FB_POP_VALUE:
        if (preserve_tos) {
            c_emit(c, OP_SWAP, 2);
        }
        c_emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_EXCEPT:
        c_emit(c, OP_POP_BLOCK, 0);
        break;
    case FB_FINALLY_TRY: {
        c_emit(c, OP_POP_BLOCK, 0);
        // run the finally body here, without this block on the fblock stack
        const tpy_seq_t *finalbody = fb->datum;
        fblock_t saved = *fb;
        int idx = (int)(fb - c->u->fblocks);
        int n = c->u->nfblocks;
        c->u->nfblocks = idx;
        if (preserve_tos) {
            push_fblock(c, FB_POP_VALUE, 0, 0, NULL, c->u->curpos);
        }
        c_stmts(c, *finalbody);
        c->u->nfblocks = n;
        c->u->fblocks[idx] = saved;
        break;
    }
    case FB_FINALLY_END:
        c_emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) {
            c_emit(c, OP_SWAP, 2);
        }
        c_emit(c, OP_POP_TOP, 0); // the exception
        if (preserve_tos) {
            c_emit(c, OP_SWAP, 2);
        }
        c_emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_WITH:
        c_emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) {
            c_emit(c, OP_SWAP, 2);
        }
        c_emit(c, OP_WITH_EXIT, 0);
        break;
    case FB_HANDLER_CLEANUP:
        if (fb->datum != NULL) {
            c_emit(c, OP_POP_BLOCK, 0); // the name-clearing block
            clear_except_name(c, fb->datum, c->u->curpos);
        }
        c_emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) {
            c_emit(c, OP_SWAP, 2);
        }
        c_emit(c, OP_POP_EXCEPT, 0);
        break;
    }
}

/* Unwind every fblock up to (not including) the innermost loop, for
 * break/continue; returns that loop or NULL. */
static fblock_t *unwind_to_loop(compiler_t *c)
{
    unit_t *u = c->u;
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        fblock_t *fb = &u->fblocks[i];
        if (fb->kind == FB_WHILE_LOOP || fb->kind == FB_FOR_LOOP) {
            return fb;
        }
        unwind_fblock(c, fb, false);
    }
    return NULL;
}

/* ---- statements ---------------------------------------------------------------------- */

static void c_funcdef(compiler_t *c, tpy_stmt_t *s);
/* x: T [= v] as CPython 3.11: the value is stored first; a module or class
 * body then evaluates T (unless annotations are postponed) and records it in
 * __annotations__ for a simple name; a function body never evaluates it.  An
 * attribute or subscript target without a value still evaluates its object. */
static void c_annassign(compiler_t *c, tpy_stmt_t *s)
{
    tpy_expr_t *t = s->u.annassign.target;
    bool evaluates = c->u->scope->kind != BLOCK_FUNCTION && !c->future_annotations;
    if (s->u.annassign.value != NULL) {
        c_expr(c, s->u.annassign.value);
        c_store_target(c, t);
    } else if (t->kind == EXPR_ATTRIBUTE) {
        c_expr(c, t->u.attribute.value);
        c_emit(c, OP_POP_TOP, 0);
    } else if (t->kind == EXPR_SUBSCRIPT) {
        c_expr(c, t->u.subscript.value);
        c_emit(c, OP_POP_TOP, 0);
        c_expr(c, t->u.subscript.slice);
        c_emit(c, OP_POP_TOP, 0);
    }
    if (!evaluates) {
        return;
    }
    c_expr(c, s->u.annassign.annotation);
    if (s->u.annassign.simple && t->kind == EXPR_NAME) {
        c_set_pos(c, s->pos);
        c_nameop(c, "__annotations__", AST_LOAD, s->pos);
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_intern_cstr(c_mangle(c, t->u.name.id))));
        c_emit(c, OP_STORE_SUBSCR, 0);
    } else {
        c_emit(c, OP_POP_TOP, 0);
    }
}

// Does a module or class body hold an annotated assignment (outside nested
// defs and classes)?  Then it starts with SETUP_ANNOTATIONS.
static bool find_ann(tpy_seq_t body)
{
    for (intptr_t i = 0; i < body.n; i++) {
        tpy_stmt_t *s = body.items[i];
        switch (s->kind) {
        case STMT_ANNASSIGN:
            return true;
        case STMT_IF:
            if (find_ann(s->u.if_.body) || find_ann(s->u.if_.orelse)) {
                return true;
            }
            break;
        case STMT_WHILE:
            if (find_ann(s->u.while_.body) || find_ann(s->u.while_.orelse)) {
                return true;
            }
            break;
        case STMT_FOR:
            if (find_ann(s->u.for_.body) || find_ann(s->u.for_.orelse)) {
                return true;
            }
            break;
        case STMT_WITH:
            if (find_ann(s->u.with.body)) {
                return true;
            }
            break;
        case STMT_TRY:
            if (find_ann(s->u.try_.body) || find_ann(s->u.try_.orelse) ||
                find_ann(s->u.try_.finalbody)) {
                return true;
            }
            for (intptr_t h = 0; h < s->u.try_.handlers.n; h++) {
                tpy_excepthandler_t *eh = s->u.try_.handlers.items[h];
                if (find_ann(eh->body)) {
                    return true;
                }
            }
            break;
        default:
            break;
        }
    }
    return false;
}

static void c_classdef(compiler_t *c, tpy_stmt_t *s);

static void c_assign(compiler_t *c, tpy_stmt_t *s)
{
    c_expr(c, s->u.assign.value);
    intptr_t n = s->u.assign.targets.n;
    for (intptr_t i = 0; i < n; i++) {
        if (i < n - 1) {
            c_emit(c, OP_COPY, 1);
        }
        c_store_target(c, s->u.assign.targets.items[i]);
    }
}

static void c_augassign(compiler_t *c, tpy_stmt_t *s)
{
    tpy_expr_t *t = s->u.augassign.target;
    int op = 16 + (int)s->u.augassign.op; // in-place variants are offset by 16
    switch (t->kind) {
    case EXPR_NAME:
        c_nameop(c, t->u.name.id, AST_LOAD, t->pos);
        c_expr(c, s->u.augassign.value);
        c_set_pos(c, s->pos);
        c_emit(c, OP_BINARY_OP, op);
        c_nameop(c, t->u.name.id, AST_STORE, t->pos);
        break;
    case EXPR_ATTRIBUTE:
        c_expr(c, t->u.attribute.value);
        c_emit(c, OP_COPY, 1);
        c_set_pos(c, t->pos);
        c_emit(c, OP_LOAD_ATTR, c_add_name(c, c_mangle(c, t->u.attribute.attr)));
        c_expr(c, s->u.augassign.value);
        c_set_pos(c, s->pos);
        c_emit(c, OP_BINARY_OP, op);
        c_emit(c, OP_SWAP, 2);
        c_set_pos(c, t->pos);
        c_emit(c, OP_STORE_ATTR, c_add_name(c, c_mangle(c, t->u.attribute.attr)));
        break;
    case EXPR_SUBSCRIPT:
        c_expr(c, t->u.subscript.value);
        c_expr(c, t->u.subscript.slice);
        c_emit(c, OP_COPY, 2);
        c_emit(c, OP_COPY, 2);
        c_set_pos(c, t->pos);
        c_emit(c, OP_BINARY_SUBSCR, 0);
        c_expr(c, s->u.augassign.value);
        c_set_pos(c, s->pos);
        c_emit(c, OP_BINARY_OP, op);
        c_emit(c, OP_SWAP, 3);
        c_emit(c, OP_SWAP, 2);
        c_set_pos(c, t->pos);
        c_emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        c_error(c, "'expression' is an illegal expression for augmented assignment", t->pos);
        break;
    }
}

static void c_if(compiler_t *c, tpy_stmt_t *s)
{
    int end = c_new_label(c);
    int orelse = s->u.if_.orelse.n ? c_new_label(c) : end;
    c_jump_if(c, s->u.if_.test, false, orelse);
    c_stmts(c, s->u.if_.body);
    if (s->u.if_.orelse.n) {
        c_emit_jump(c, OP_JUMP, end);
        c_place_label(c, orelse);
        c_stmts(c, s->u.if_.orelse);
    }
    c_place_label(c, end);
}

static void c_while(compiler_t *c, tpy_stmt_t *s)
{
    int head = c_new_label(c), orelse = c_new_label(c), exit = c_new_label(c);
    c_place_label(c, head);
    c_jump_if(c, s->u.while_.test, false, orelse);
    if (!push_fblock(c, FB_WHILE_LOOP, head, exit, NULL, s->pos)) {
        return;
    }
    c_stmts(c, s->u.while_.body);
    pop_fblock(c);
    c_set_pos(c, s->pos);
    c_emit_jump(c, OP_JUMP_BACKWARD, head);
    c_place_label(c, orelse);
    c_stmts(c, s->u.while_.orelse);
    c_place_label(c, exit);
}

static void c_for(compiler_t *c, tpy_stmt_t *s)
{
    int head = c_new_label(c), orelse = c_new_label(c), exit = c_new_label(c);
    c_expr(c, s->u.for_.iter);
    // errors of iter() and next() point at the whole statement (no carets), as CPython's
    c_set_pos(c, s->pos);
    c_emit(c, OP_GET_ITER, 0);
    c_place_label(c, head);
    c_emit_jump(c, OP_FOR_ITER, orelse);
    c_store_target(c, s->u.for_.target);
    if (!push_fblock(c, FB_FOR_LOOP, head, exit, NULL, s->pos)) {
        return;
    }
    c_stmts(c, s->u.for_.body);
    pop_fblock(c);
    c_set_pos(c, s->pos);
    c_emit_jump(c, OP_JUMP_BACKWARD, head);
    c_place_label(c, orelse);
    c_stmts(c, s->u.for_.orelse);
    c_place_label(c, exit);
}

static void c_return(compiler_t *c, tpy_stmt_t *s)
{
    unit_t *u = c->u;
    if (s->u.ret.value != NULL) {
        c_expr(c, s->u.ret.value);
    } else {
        c_set_pos(c, s->pos);
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
    }
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        unwind_fblock(c, &u->fblocks[i], true);
    }
    c_set_pos(c, s->pos);
    c_emit(c, OP_RETURN_VALUE, 0);
}

static void c_break_continue(compiler_t *c, tpy_stmt_t *s, bool is_break)
{
    unit_t *u = c->u;
    int saved = u->nfblocks;
    fblock_t saved_blocks[TPY_MAX_FBLOCKS];
    memcpy(saved_blocks, u->fblocks, sizeof saved_blocks);
    c_set_pos(c, s->pos);
    fblock_t *loop = unwind_to_loop(c);
    if (loop == NULL) {
        c_error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop", s->pos);
        return;
    }
    c_set_pos(c, s->pos);
    if (is_break) {
        unwind_fblock(c, loop, false);
        c_emit_jump(c, OP_JUMP, loop->exit);
    } else {
        c_emit_jump(c, OP_JUMP_BACKWARD, loop->block);
    }
    u->nfblocks = saved;
    memcpy(u->fblocks, saved_blocks, sizeof saved_blocks);
}

static void c_raise(compiler_t *c, tpy_stmt_t *s)
{
    int n = 0;
    if (s->u.raise.exc != NULL) {
        c_expr(c, s->u.raise.exc);
        n = 1;
        if (s->u.raise.cause != NULL) {
            c_expr(c, s->u.raise.cause);
            n = 2;
        }
    }
    c_set_pos(c, s->pos);
    c_emit(c, OP_RAISE, n);
}

/* try: ... except ...: ... [else: ...] — see the file comment for the layout. */
static void c_try_except(compiler_t *c, tpy_stmt_t *s)
{
    int handler = c_new_label(c), end = c_new_label(c), cleanup = c_new_label(c);
    c_set_pos(c, s->pos);
    c_emit_jump(c, OP_SETUP_FINALLY, handler);
    if (!push_fblock(c, FB_TRY_EXCEPT, handler, 0, NULL, s->pos)) {
        return;
    }
    c_stmts(c, s->u.try_.body);
    pop_fblock(c);
    c_emit(c, OP_POP_BLOCK, 0);
    c_stmts(c, s->u.try_.orelse);
    c_emit_jump(c, OP_JUMP, end);

    c_place_label(c, handler);
    tpy_excepthandler_t *first = s->u.try_.handlers.items[0];
    c_set_pos(c, first->pos);
    c_emit_jump(c, OP_PUSH_EXC_INFO, cleanup);
    intptr_t nh = s->u.try_.handlers.n;
    for (intptr_t i = 0; i < nh; i++) {
        tpy_excepthandler_t *h = s->u.try_.handlers.items[i];
        c_set_pos(c, h->pos);
        if (h->type == NULL && i < nh - 1) {
            c_error(c, "default 'except:' must be last", h->pos);
            return;
        }
        int next = c_new_label(c);
        if (h->type != NULL) {
            c_expr(c, h->type);
            c_set_pos(c, h->pos);
            c_emit(c, OP_CHECK_EXC_MATCH, 0);
            c_emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        int name_cleanup = 0;
        if (h->name != NULL) {
            c_nameop(c, h->name, AST_STORE, h->pos);
            name_cleanup = c_new_label(c);
            c_emit_jump(c, OP_SETUP_FINALLY, name_cleanup);
        } else {
            c_emit(c, OP_POP_TOP, 0);
        }
        if (!push_fblock(c, FB_HANDLER_CLEANUP, 0, 0, h->name, h->pos)) {
            return;
        }
        c_stmts(c, h->body);
        pop_fblock(c);
        c_set_pos(c, h->pos);
        if (h->name != NULL) {
            c_emit(c, OP_POP_BLOCK, 0);
            clear_except_name(c, h->name, h->pos);
        }
        c_emit(c, OP_POP_BLOCK, 0);
        c_emit(c, OP_POP_EXCEPT, 0);
        c_emit_jump(c, OP_JUMP, end);
        if (h->name != NULL) {
            // an exception inside the body: clear the name, re-raise
            c_place_label(c, name_cleanup);
            clear_except_name(c, h->name, h->pos);
            c_emit(c, OP_RERAISE, 0);
        }
        c_place_label(c, next);
    }
    // no handler matched: [prev, exc]
    c_emit(c, OP_RERAISE, 0);
    c_place_label(c, cleanup);
    // [prev, new exception]: restore the handled exception and propagate
    c_emit(c, OP_COPY, 2);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_RERAISE, 0);
    c_place_label(c, end);
}

static void c_try_finally(compiler_t *c, tpy_stmt_t *s)
{
    int handler = c_new_label(c), end = c_new_label(c), cleanup = c_new_label(c);
    tpy_seq_t *finalbody = &s->u.try_.finalbody;
    c_set_pos(c, s->pos);
    c_emit_jump(c, OP_SETUP_FINALLY, handler);
    if (!push_fblock(c, FB_FINALLY_TRY, handler, 0, finalbody, s->pos)) {
        return;
    }
    if (s->u.try_.handlers.n > 0) {
        c_try_except(c, s);
    } else {
        c_stmts(c, s->u.try_.body);
    }
    pop_fblock(c);
    c_emit(c, OP_POP_BLOCK, 0);
    c_stmts(c, *finalbody);
    c_emit_jump(c, OP_JUMP, end);

    c_place_label(c, handler);
    c_emit_jump(c, OP_PUSH_EXC_INFO, cleanup);
    if (!push_fblock(c, FB_FINALLY_END, handler, 0, NULL, s->pos)) {
        return;
    }
    c_stmts(c, *finalbody);
    pop_fblock(c);
    c_emit(c, OP_RERAISE, 0);
    c_place_label(c, cleanup);
    c_emit(c, OP_COPY, 2);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_RERAISE, 0);
    c_place_label(c, end);
}

static void c_with_items(compiler_t *c, tpy_stmt_t *s, intptr_t i)
{
    tpy_withitem_t *item = s->u.with.items.items[i];
    int handler = c_new_label(c), end = c_new_label(c), cleanup = c_new_label(c);
    int suppress = c_new_label(c);
    c_expr(c, item->context_expr);
    c_set_pos(c, item->context_expr->pos);
    c_emit_jump(c, OP_BEFORE_WITH, handler);
    if (!push_fblock(c, FB_WITH, handler, 0, NULL, s->pos)) {
        return;
    }
    if (item->optional_vars != NULL) {
        c_store_target(c, item->optional_vars);
    } else {
        c_emit(c, OP_POP_TOP, 0);
    }
    if (i + 1 < s->u.with.items.n) {
        c_with_items(c, s, i + 1);
    } else {
        c_stmts(c, s->u.with.body);
    }
    pop_fblock(c);
    // __exit__ runs at the whole statement (CPython 3.11's location)
    c_set_pos(c, s->pos);
    c_emit(c, OP_POP_BLOCK, 0);
    c_emit(c, OP_WITH_EXIT, 0);
    c_emit_jump(c, OP_JUMP, end);

    c_place_label(c, handler); // [exit, exc]
    c_set_pos(c, s->pos);
    c_emit_jump(c, OP_PUSH_EXC_INFO, cleanup); // [exit, prev, exc]
    c_emit(c, OP_WITH_EXCEPT_START, 0);          // [exit, prev, exc, res]
    c_emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    c_emit(c, OP_RERAISE, 0);
    c_place_label(c, suppress); // [exit, prev, exc]
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, OP_POP_BLOCK, 0);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_POP_TOP, 0);
    c_emit_jump(c, OP_JUMP, end);
    c_place_label(c, cleanup); // [exit, prev, new]
    c_emit(c, OP_COPY, 2);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_RERAISE, 0);
    c_place_label(c, end);
}

void tpy_traceback_syntax_warning(const char *filename, int lineno, const char *msg);

static void c_assert(compiler_t *c, tpy_stmt_t *s)
{
    tpy_expr_t *test = s->u.assert_.test;
    if (test->kind == EXPR_TUPLE && test->u.seq.elts.n > 0) {
        // CPython's compile-time warning (vm/traceback.c prints it)
        tpy_traceback_syntax_warning(c->filename, s->pos.lineno,
                                     "assertion is always true, perhaps remove parentheses?");
    }
    int end = c_new_label(c);
    c_jump_if(c, s->u.assert_.test, true, end);
    // CPython 3.11 reports a failed assert at its test when that is a comparison
    // (under any `not`s), else at the whole statement
    while (test->kind == EXPR_UNARYOP && test->u.unaryop.op == AST_NOT) {
        test = test->u.unaryop.operand;
    }
    tpy_pos_t at = test->kind == EXPR_COMPARE ? test->pos : s->pos;
    c_set_pos(c, at);
    c_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->u.assert_.msg != NULL) {
        c_emit(c, OP_PUSH_NULL, 0);
        c_expr(c, s->u.assert_.msg);
        c_set_pos(c, at);
        c_emit(c, OP_CALL, 1);
    }
    c_emit(c, OP_RAISE, 1);
    c_place_label(c, end);
}

static void c_import(compiler_t *c, tpy_stmt_t *s)
{
    for (intptr_t i = 0; i < s->u.import.names.n; i++) {
        tpy_alias_t *a = s->u.import.names.items[i];
        c_set_pos(c, s->pos);
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_int_from_i64(0)));
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
        c_emit(c, OP_IMPORT_NAME, c_add_name(c, a->name));
        if (a->asname != NULL) {
            // `import a.b.c as x` binds the submodule a.b.c
            const char *p = strchr(a->name, '.');
            while (p != NULL) {
                const char *q = strchr(p + 1, '.');
                size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
                char *part = tpy_arena_strndup(c->arena, p + 1, len);
                if (part == NULL) {
                    tpy_err_no_memory();
                    c_nomem(c);
                    return;
                }
                c_emit(c, OP_IMPORT_FROM, c_add_name(c, part));
                c_emit(c, OP_SWAP, 2);
                c_emit(c, OP_POP_TOP, 0);
                p = q;
            }
            c_nameop(c, a->asname, AST_STORE, a->pos);
        } else {
            const char *dot = strchr(a->name, '.');
            const char *top = dot ? tpy_arena_strndup(c->arena, a->name, (size_t)(dot - a->name))
                                  : a->name;
            if (top == NULL) {
                tpy_err_no_memory();
                c_nomem(c);
                return;
            }
            c_nameop(c, top, AST_STORE, a->pos);
        }
    }
}

/* `from __future__ import X`: every feature CPython 3.11 knows is already the
 * behaviour of tpy (annotations are ignored), so the statement compiles to
 * nothing (the feature name is not bound).  CPython's compile-time errors are
 * kept: unknown features, and a future import after other statements. */
static bool is_future_import(const tpy_stmt_t *s)
{
    return s->kind == STMT_IMPORTFROM && s->u.importfrom.level == 0 &&
           s->u.importfrom.module != NULL && strcmp(s->u.importfrom.module, "__future__") == 0;
}

static void c_future(compiler_t *c, tpy_stmt_t *s)
{
    static const char *const features[] = {
        "nested_scopes", "generators",     "division",       "absolute_import", "with_statement",
        "print_function", "unicode_literals", "generator_stop", "annotations",     NULL,
    };
    for (intptr_t i = 0; i < s->u.importfrom.names.n; i++) {
        tpy_alias_t *a = s->u.importfrom.names.items[i];
        char msg[200];
        bool known = false;
        for (int k = 0; features[k] != NULL; k++) {
            known = known || strcmp(a->name, features[k]) == 0;
        }
        if (strcmp(a->name, "braces") == 0) {
            c_error(c, "not a chance", (tpy_pos_t){s->pos.lineno, s->pos.col, s->pos.lineno,
                                                   s->pos.col + 1});
            return;
        }
        if (strcmp(a->name, "barry_as_FLUFL") == 0) {
            c_unsupported(c, "from __future__ import barry_as_FLUFL is", s->pos);
            return;
        }
        if (!known) {
            snprintf(msg, sizeof msg, "future feature %s is not defined", a->name);
            c_error(c, msg, (tpy_pos_t){s->pos.lineno, s->pos.col, s->pos.lineno, s->pos.col + 1});
            return;
        }
    }
    // only a docstring and other future imports may come first in the file
    const tpy_module_ast_t *mod = c->st.top->node;
    bool first = false;
    if (c->u->scope == c->st.top && mod != NULL) {
        for (intptr_t i = 0; i < mod->body.n; i++) {
            tpy_stmt_t *t = mod->body.items[i];
            if (t == s) {
                first = true;
                break;
            }
            bool doc = i == 0 && t->kind == STMT_EXPR && t->u.expr.value->kind == EXPR_STR;
            if (!doc && !is_future_import(t)) {
                break;
            }
        }
    }
    if (!first) {
        c_error(c, "from __future__ imports must occur at the beginning of the file", s->pos);
    }
}

static void c_importfrom(compiler_t *c, tpy_stmt_t *s)
{
    if (is_future_import(s)) {
        c_future(c, s);
        return;
    }
    intptr_t n = s->u.importfrom.names.n;
    c_set_pos(c, s->pos);
    c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_int_from_i64(s->u.importfrom.level)));
    tpy_object_t *fromlist = tpy_tuple_new(n);
    if (fromlist == NULL) {
        c_pyerror(c);
        return;
    }
    for (intptr_t i = 0; i < n; i++) {
        tpy_alias_t *a = s->u.importfrom.names.items[i];
        tpy_object_t *nm = tpy_str_intern_cstr(a->name);
        if (nm == NULL) {
            TPY_DECREF(fromlist);
            c_pyerror(c);
            return;
        }
        TPY_TUPLE_ITEMS(fromlist)[i] = nm;
    }
    c_emit(c, OP_LOAD_CONST, c_add_const(c, fromlist));
    c_emit(c, OP_IMPORT_NAME, c_add_name(c, s->u.importfrom.module ? s->u.importfrom.module : ""));
    tpy_alias_t *first = n ? s->u.importfrom.names.items[0] : NULL;
    if (first != NULL && strcmp(first->name, "*") == 0) {
        c_emit(c, OP_IMPORT_STAR, 0);
        return;
    }
    for (intptr_t i = 0; i < n; i++) {
        tpy_alias_t *a = s->u.importfrom.names.items[i];
        // CPython 3.11 reports a failed name at the whole statement (no carets)
        c_set_pos(c, s->pos);
        c_emit(c, OP_IMPORT_FROM, c_add_name(c, a->name));
        c_nameop(c, a->asname ? a->asname : a->name, AST_STORE, a->pos);
    }
    c_emit(c, OP_POP_TOP, 0);
}

static void c_stmt(compiler_t *c, tpy_stmt_t *s)
{
    if (c->failed) {
        return;
    }
    c_set_pos(c, s->pos);
    switch (s->kind) {
    case STMT_EXPR:
        c_expr(c, s->u.expr.value);
        c_set_pos(c, s->u.expr.value->pos);
        if (c->interactive && c->u->scope->kind == BLOCK_MODULE) {
            c_emit(c, OP_PRINT_EXPR, 0);
        } else {
            c_emit(c, OP_POP_TOP, 0);
        }
        break;
    case STMT_ASSIGN:
        c_assign(c, s);
        break;
    case STMT_AUGASSIGN:
        c_augassign(c, s);
        break;
    case STMT_ANNASSIGN:
        c_annassign(c, s);
        break;
    case STMT_DEL:
        for (intptr_t i = 0; i < s->u.del.targets.n; i++) {
            c_del_target(c, s->u.del.targets.items[i]);
        }
        break;
    case STMT_PASS:
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        break;
    case STMT_BREAK:
        c_break_continue(c, s, true);
        break;
    case STMT_CONTINUE:
        c_break_continue(c, s, false);
        break;
    case STMT_RETURN:
        c_return(c, s);
        break;
    case STMT_RAISE:
        c_raise(c, s);
        break;
    case STMT_IF:
        c_if(c, s);
        break;
    case STMT_WHILE:
        c_while(c, s);
        break;
    case STMT_FOR:
        c_for(c, s);
        break;
    case STMT_TRY:
        if (s->u.try_.finalbody.n > 0) {
            c_try_finally(c, s);
        } else {
            c_try_except(c, s);
        }
        break;
    case STMT_WITH:
        c_with_items(c, s, 0);
        break;
    case STMT_FUNCTIONDEF:
        c_funcdef(c, s);
        break;
    case STMT_CLASSDEF:
        c_classdef(c, s);
        break;
    case STMT_IMPORT:
        c_import(c, s);
        break;
    case STMT_IMPORTFROM:
        c_importfrom(c, s);
        break;
    case STMT_ASSERT:
        c_assert(c, s);
        break;
    case STMT_ASYNC:
        c_unsupported(c, "async def, async for and async with are", s->pos);
        break;
    case STMT_MATCH:
        c_unsupported(c, "the match statement is", s->pos);
        break;
    }
}

static void c_stmts(compiler_t *c, tpy_seq_t body)
{
    for (intptr_t i = 0; i < body.n && !c->failed; i++) {
        c_stmt(c, body.items[i]);
    }
}

/* ---- functions and classes -------------------------------------------------------- */

static bool is_docstring(tpy_seq_t *body)
{
    if (body == NULL || body->n == 0) {
        return false;
    }
    tpy_stmt_t *s = body->items[0];
    return s->kind == STMT_EXPR && s->u.expr.value->kind == EXPR_STR;
}

/* Emit the prologue that turns cell slots into cells and copies free vars.
 * A generator's starts with a NOP at its first line: gen.throw() before the
 * first next() raises there, and CPython's traceback shows the `def` line. */
static void emit_prologue(compiler_t *c)
{
    unit_t *u = c->u;
    c_set_pos(c, (tpy_pos_t){u->firstlineno, 0, u->firstlineno, 0});
    if (u->scope->is_generator) {
        c_emit(c, OP_NOP, 0);
    }
    for (intptr_t j = 0; j < u->ncellvars; j++) {
        bool found;
        intptr_t idx = deref_index(c, u->cellvars[j], &found);
        c_emit(c, OP_MAKE_CELL, idx);
    }
    if (u->nfreevars > 0) {
        c_emit(c, OP_COPY_FREE_VARS, u->nfreevars);
    }
}

tpy_object_t *c_compile_scope_body(compiler_t *c, const void *node, const char *name,
                                   tpy_arguments_t *args, tpy_seq_t *body, tpy_expr_t *expr,
                                   int firstlineno)
{
    tpy_scope_t *scope = tpy_symtable_child(c->u->scope, node);
    if (scope == NULL) {
        c_error(c, "internal compiler error: missing scope", c->u->curpos);
        return NULL;
    }
    unit_t *u = enter_unit(c, scope, name, firstlineno);
    if (u == NULL) {
        return NULL;
    }
    if (args != NULL) {
        u->argcount = (int)(args->posonlyargs.n + args->args.n);
        u->posonlyargcount = (int)args->posonlyargs.n;
        u->kwonlyargcount = (int)args->kwonlyargs.n;
        if (args->vararg) {
            u->flags |= TPY_CO_VARARGS;
        }
        if (args->kwarg) {
            u->flags |= TPY_CO_VARKEYWORDS;
        }
    }
    if (scope->is_comprehension) {
        u->argcount = 1;
    }
    layout_locals(c);
    if (scope->kind == BLOCK_FUNCTION && !scope->is_comprehension) {
        // consts[0] is the docstring or None, as in CPython
        if (body != NULL && is_docstring(body)) {
            tpy_stmt_t *d = body->items[0];
            c_add_const(c, tpy_str_from_utf8(d->u.expr.value->u.str.s, d->u.expr.value->u.str.len));
        } else {
            c_add_const(c, tpy_newref(tpy_none));
        }
    }
    emit_prologue(c);
    if (scope->kind == BLOCK_CLASS) {
        tpy_pos_t p = {firstlineno, 0, firstlineno, 0};
        c_set_pos(c, p);
        c_nameop(c, "__name__", AST_LOAD, p);
        c_emit(c, OP_STORE_NAME, c_add_name(c, "__module__"));
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(u->qualname)));
        c_emit(c, OP_STORE_NAME, c_add_name(c, "__qualname__"));
        if (body != NULL && !c->future_annotations && find_ann(*body)) {
            c_emit(c, OP_SETUP_ANNOTATIONS, 0);
        }
        if (body != NULL && is_docstring(body)) {
            tpy_stmt_t *d = body->items[0];
            c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_from_utf8(d->u.expr.value->u.str.s,
                                                                     d->u.expr.value->u.str.len)));
            c_emit(c, OP_STORE_NAME, c_add_name(c, "__doc__"));
        }
        // without a docstring the class gets __doc__ = None when it is made
    }
    if (expr != NULL) {
        if (scope->is_comprehension) {
            c_comprehension_body(c, expr, 0);
        } else {
            c_expr(c, expr); // lambda body
            c_set_pos(c, expr->pos);
            c_emit(c, OP_RETURN_VALUE, 0);
        }
    } else if (body != NULL) {
        c_stmts(c, *body);
        tpy_pos_t endpos = c->u->curpos;
        if (body->n > 0) {
            tpy_stmt_t *last = body->items[body->n - 1];
            endpos = last->pos;
            endpos.lineno = endpos.end_lineno;
        }
        c_set_pos(c, endpos);
        if (scope->kind == BLOCK_CLASS && scope->needs_class_cell) {
            bool found;
            c_emit(c, OP_LOAD_CLOSURE, deref_index(c, "__class__", &found));
            c_emit(c, OP_STORE_NAME, c_add_name(c, "__classcell__"));
        }
        c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_newref(tpy_none)));
        c_emit(c, OP_RETURN_VALUE, 0);
    }
    tpy_object_t *code = assemble(c);
    leave_unit(c);
    return code;
}

/* Emit LOAD_CLOSURE for each free variable of [code] (as seen from the current
 * unit), BUILD_TUPLE; returns false when there are none. */
static bool emit_closure(compiler_t *c, tpy_object_t *code)
{
    tpy_code_t *co = (tpy_code_t *)code;
    if (co->nfrees == 0) {
        return false;
    }
    intptr_t start = co->nlocalsplus - co->nfrees;
    for (intptr_t i = 0; i < co->nfrees; i++) {
        tpy_object_t *nm = TPY_TUPLE_GET(co->localsplusnames, start + i);
        bool found;
        intptr_t idx = deref_index(c, TPY_STR_DATA(nm), &found);
        if (!found) {
            char msg[200];
            snprintf(msg, sizeof msg, "internal compiler error: no cell for '%s'",
                     TPY_STR_DATA(nm));
            c_error(c, msg, c->u->curpos);
            return false;
        }
        c_emit(c, OP_LOAD_CLOSURE, idx);
    }
    c_emit(c, OP_BUILD_TUPLE, co->nfrees);
    return true;
}

void c_make_closure(compiler_t *c, tpy_object_t *code, int flags)
{
    if (code == NULL) {
        c_pyerror(c);
        return;
    }
    if (emit_closure(c, code)) {
        flags |= TPY_MKFN_CLOSURE;
    }
    tpy_object_t *qualname = tpy_newref(((tpy_code_t *)code)->qualname);
    c_emit(c, OP_LOAD_CONST, c_add_const(c, code));
    c_emit(c, OP_LOAD_CONST, c_add_const(c, qualname));
    c_emit(c, OP_MAKE_FUNCTION, flags);
}

static void c_decorators(compiler_t *c, tpy_seq_t decorators)
{
    for (intptr_t i = 0; i < decorators.n; i++) {
        c_expr(c, decorators.items[i]);
        c_emit(c, OP_PUSH_NULL, 0);
    }
}

static void c_apply_decorators(compiler_t *c, tpy_seq_t decorators)
{
    for (intptr_t i = decorators.n - 1; i >= 0; i--) {
        tpy_expr_t *d = decorators.items[i];
        c_set_pos(c, d->pos);
        c_emit(c, OP_CALL, 1);
    }
}

static void c_funcdef(compiler_t *c, tpy_stmt_t *s)
{
    c_decorators(c, s->u.funcdef.decorators);
    int flags = 0;
    c_visit_arguments_defaults(c, s->u.funcdef.args, &flags);
    if (c_visit_annotations(c, s->u.funcdef.args, s->u.funcdef.returns)) {
        flags |= TPY_MKFN_ANNOTATIONS;
    }
    int firstlineno = s->pos.lineno;
    if (s->u.funcdef.decorators.n > 0) {
        tpy_expr_t *d = s->u.funcdef.decorators.items[0];
        firstlineno = d->pos.lineno;
    }
    tpy_object_t *code = c_compile_scope_body(c, s, s->u.funcdef.name, s->u.funcdef.args,
                                              &s->u.funcdef.body, NULL, firstlineno);
    c_set_pos(c, s->pos);
    c_make_closure(c, code, flags);
    c_apply_decorators(c, s->u.funcdef.decorators);
    c_nameop(c, s->u.funcdef.name, AST_STORE, s->pos);
}

static void c_classdef(compiler_t *c, tpy_stmt_t *s)
{
    // keywords go to __init_subclass__; metaclass= and **mapping are not in tpy
    for (intptr_t i = 0; i < s->u.classdef.keywords.n; i++) {
        tpy_keyword_t *k = s->u.classdef.keywords.items[i];
        if (k->arg == NULL || strcmp(k->arg, "metaclass") == 0) {
            c_unsupported(c, k->arg ? "metaclasses (metaclass=...) are"
                                    : "** in a class's keyword arguments is",
                          k->pos);
            return;
        }
    }
    for (intptr_t i = 0; i < s->u.classdef.bases.n; i++) {
        tpy_expr_t *b = s->u.classdef.bases.items[i];
        if (b->kind == EXPR_STARRED) {
            c_unsupported(c, "starred base classes are", b->pos);
            return;
        }
    }
    c_decorators(c, s->u.classdef.decorators);
    int firstlineno = s->pos.lineno;
    if (s->u.classdef.decorators.n > 0) {
        tpy_expr_t *d = s->u.classdef.decorators.items[0];
        firstlineno = d->pos.lineno;
    }
    tpy_object_t *code = c_compile_scope_body(c, s, s->u.classdef.name, NULL,
                                              &s->u.classdef.body, NULL, firstlineno);
    c_set_pos(c, s->pos);
    c_make_closure(c, code, 0);
    c_emit(c, OP_LOAD_CONST, c_add_const(c, tpy_str_from_cstr(s->u.classdef.name)));
    for (intptr_t i = 0; i < s->u.classdef.bases.n; i++) {
        c_expr(c, s->u.classdef.bases.items[i]);
    }
    intptr_t nkw = s->u.classdef.keywords.n;
    if (nkw == 0) {
        c_set_pos(c, s->pos);
        c_emit(c, OP_BUILD_CLASS, s->u.classdef.bases.n);
    } else {
        tpy_object_t *kwnames = tpy_tuple_new(nkw);
        if (kwnames == NULL) {
            c_pyerror(c);
            return;
        }
        for (intptr_t i = 0; i < nkw; i++) {
            tpy_keyword_t *k = s->u.classdef.keywords.items[i];
            c_expr(c, k->value);
            TPY_TUPLE_ITEMS(kwnames)[i] = tpy_str_intern_cstr(k->arg);
            if (TPY_TUPLE_ITEMS(kwnames)[i] == NULL) {
                TPY_DECREF(kwnames);
                c_pyerror(c);
                return;
            }
        }
        tpy_tuple_maybe_untrack(kwnames);
        c_set_pos(c, s->pos);
        c_emit(c, OP_LOAD_CONST, c_add_const(c, kwnames));
        c_emit(c, OP_BUILD_CLASS_KW, s->u.classdef.bases.n + nkw);
    }
    c_apply_decorators(c, s->u.classdef.decorators);
    c_nameop(c, s->u.classdef.name, AST_STORE, s->pos);
}

/* ---- entry points -------------------------------------------------------------------- */

tpy_object_t *tpy_compile_ast_err(tpy_module_ast_t *mod, const char *filename, tpy_arena_t *arena,
                                  tpy_syntax_error_t *err, bool keep_literals);

static void free_literals(compiler_t *c)
{
    for (intptr_t i = 0; i < c->nliterals; i++) {
        TPY_DECREF(c->literals[i]);
    }
    tpy_mem_free(c->literals, (size_t)c->capliterals * sizeof *c->literals);
    c->literals = NULL;
    c->nliterals = c->capliterals = 0;
}

tpy_object_t *tpy_compile_ast_err(tpy_module_ast_t *mod, const char *filename, tpy_arena_t *arena,
                                  tpy_syntax_error_t *err, bool keep_literals)
{
    compiler_t c;
    memset(&c, 0, sizeof c);
    c.keep_literals = keep_literals;
    c.filename = filename;
    c.arena = arena;
    c.err = err;
    c.interactive = mod->mode == TPY_PARSE_SINGLE;
    err->kind = TPY_SYNERR_NONE;
    if (tpy_symtable_build(&c.st, mod, arena, err) < 0) {
        if (err->kind == TPY_SYNERR_NOMEM) {
            tpy_err_no_memory();
            err->kind = TPY_SYNERR_NONE;
        } else if (err->kind == TPY_SYNERR_TOODEEP) {
            tpy_err_set_str(&tpy_exc_RecursionError, err->msg);
            err->kind = TPY_SYNERR_NONE;
        }
        return NULL;
    }
    c.const_cache = tpy_dict_new();
    if (c.const_cache == NULL) {
        return NULL;
    }
    unit_t *u = enter_unit(&c, c.st.top, "<module>", 1);
    if (u == NULL) {
        TPY_DECREF(c.const_cache);
        return NULL;
    }
    layout_locals(&c);
    tpy_object_t *code = NULL;
    if (mod->mode == TPY_PARSE_EVAL) {
        c_expr(&c, mod->expr);
        c_emit(&c, OP_RETURN_VALUE, 0);
    } else {
        tpy_seq_t body = mod->body;
        for (intptr_t i = 0; i < body.n; i++) {
            tpy_stmt_t *s = body.items[i];
            if (is_future_import(s)) {
                for (intptr_t k = 0; k < s->u.importfrom.names.n; k++) {
                    tpy_alias_t *a = s->u.importfrom.names.items[k];
                    c.future_annotations |= strcmp(a->name, "annotations") == 0;
                }
            }
        }
        if (!c.future_annotations && find_ann(body)) {
            c_set_pos(&c, ((tpy_stmt_t *)body.items[0])->pos);
            c_emit(&c, OP_SETUP_ANNOTATIONS, 0);
        }
        if (!c.interactive && is_docstring(&body)) {
            // a module's docstring becomes its __doc__ (the statement itself is dropped)
            tpy_stmt_t *d = body.items[0];
            c_set_pos(&c, d->pos);
            c_emit(&c, OP_LOAD_CONST, c_add_const(&c, tpy_str_from_utf8(d->u.expr.value->u.str.s,
                                                                        d->u.expr.value->u.str.len)));
            c_emit(&c, OP_STORE_NAME, c_add_name(&c, "__doc__"));
            body.items++;
            body.n--;
        }
        c_stmts(&c, body);
        c_emit(&c, OP_LOAD_CONST, c_add_const(&c, tpy_newref(tpy_none)));
        c_emit(&c, OP_RETURN_VALUE, 0);
    }
    code = assemble(&c);
    // a failure may leave nested units entered
    while (c.u != NULL) {
        leave_unit(&c);
    }
    TPY_DECREF(c.const_cache);
    if (c.failed || code == NULL) {
        TPY_XDECREF(code);
        free_literals(&c);
        return NULL;
    }
    tpy_code_t *co = (tpy_code_t *)code;
    co->literals = c.literals; // the code object releases them
    co->nliterals = c.nliterals;
    co->capliterals = c.capliterals;
    return code;
}
