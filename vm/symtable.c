/*
 * vm/symtable.c - building scopes and resolving names (see symtable.h).
 *
 * Pass one walks the AST, opening a scope for each module, class, function,
 * lambda and comprehension and recording each name's uses and bindings.
 * Pass two resolves names top-down, passing the set of names bound by
 * enclosing function scopes; names a nested scope needs from an outer
 * function become CELL there and FREE in every scope in between.  Errors use
 * CPython's SyntaxError messages.
 */
#include "vm/symtable.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    tpy_symtable_t *st;
    tpy_scope_t *cur;
    bool failed;
    int depth; // expression nesting: CPython's limit raises RecursionError
    // where each `global` and `nonlocal` statement is: errors about a name's
    // first declaration span that whole statement
    tpy_pos_t *nonlocals;
    intptr_t nnonlocals, capnonlocals;
    // `from __future__ import annotations`: annotations are never evaluated
    bool future_annotations;
} builder_t;

#define MAX_VISIT_DEPTH 3000

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    while (*s) {
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    }
    return h;
}

static bool grow(tpy_arena_t *a, void **items, intptr_t *cap, intptr_t n, size_t elem)
{
    if (n < *cap) {
        return true;
    }
    intptr_t nc = *cap ? *cap * 2 : 8;
    void *p = tpy_arena_alloc(a, elem * (size_t)nc);
    if (p == NULL) {
        return false;
    }
    if (*items != NULL) {
        memcpy(p, *items, elem * (size_t)n);
    }
    *items = p;
    *cap = nc;
    return true;
}

static void set_error_span(builder_t *b, const char *msg, tpy_pos_t pos)
{
    if (b->failed) {
        return;
    }
    b->failed = true;
    tpy_syntax_error_t *e = b->st->err;
    e->kind = TPY_SYNERR_SYNTAX;
    snprintf(e->msg, sizeof e->msg, "%s", msg);
    e->lineno = pos.lineno;
    e->col = pos.col;
    e->end_lineno = pos.end_lineno;
    e->end_col = pos.end_col;
}

static void set_error(builder_t *b, const char *msg, int lineno, int col)
{
    set_error_span(b, msg, (tpy_pos_t){lineno, col, lineno, col + 1});
}

static void nomem(builder_t *b)
{
    if (!b->failed) {
        b->failed = true;
        b->st->err->kind = TPY_SYNERR_NOMEM;
        snprintf(b->st->err->msg, sizeof b->st->err->msg, "out of memory");
    }
}

tpy_symbol_t *tpy_symtable_lookup(tpy_scope_t *scope, const char *name)
{
    if (scope->hashcap == 0) {
        return NULL;
    }
    intptr_t mask = scope->hashcap - 1;
    for (intptr_t i = (intptr_t)(name_hash(name) & (uint64_t)mask);; i = (i + 1) & mask) {
        int k = scope->hash[i];
        if (k < 0) {
            return NULL;
        }
        if (strcmp(scope->syms[k].name, name) == 0) {
            return &scope->syms[k];
        }
    }
}

static bool rehash(tpy_arena_t *a, tpy_scope_t *s, intptr_t cap)
{
    int *h = tpy_arena_alloc(a, sizeof(int) * (size_t)cap);
    if (h == NULL) {
        return false;
    }
    for (intptr_t i = 0; i < cap; i++) {
        h[i] = -1;
    }
    for (intptr_t k = 0; k < s->nsyms; k++) {
        intptr_t i = (intptr_t)(name_hash(s->syms[k].name) & (uint64_t)(cap - 1));
        while (h[i] >= 0) {
            i = (i + 1) & (cap - 1);
        }
        h[i] = (int)k;
    }
    s->hash = h;
    s->hashcap = cap;
    return true;
}

static tpy_symbol_t *add_symbol(builder_t *b, tpy_scope_t *s, const char *name, int flags,
                                int lineno, int col)
{
    tpy_symbol_t *sym = tpy_symtable_lookup(s, name);
    if (sym != NULL) {
        sym->flags |= flags;
        return sym;
    }
    tpy_arena_t *a = b->st->arena;
    if (!grow(a, (void **)&s->syms, &s->capsyms, s->nsyms, sizeof(tpy_symbol_t))) {
        nomem(b);
        return NULL;
    }
    if ((s->nsyms + 1) * 2 > s->hashcap && !rehash(a, s, s->hashcap ? s->hashcap * 2 : 16)) {
        nomem(b);
        return NULL;
    }
    sym = &s->syms[s->nsyms];
    sym->name = name;
    sym->flags = flags;
    sym->scope = SCOPE_UNRESOLVED;
    sym->lineno = lineno;
    sym->col = col;
    sym->slot = -1;
    intptr_t i = (intptr_t)(name_hash(name) & (uint64_t)(s->hashcap - 1));
    while (s->hash[i] >= 0) {
        i = (i + 1) & (s->hashcap - 1);
    }
    s->hash[i] = (int)s->nsyms;
    s->nsyms++;
    return sym;
}

const char *tpy_symtable_mangle(tpy_arena_t *arena, const char *private_name, const char *name)
{
    if (private_name == NULL || name == NULL || name[0] != '_' || name[1] != '_') {
        return name;
    }
    size_t n = strlen(name);
    if ((n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.') != NULL) {
        return name;
    }
    while (*private_name == '_') {
        private_name++;
    }
    if (*private_name == '\0') {
        return name;
    }
    size_t p = strlen(private_name);
    char *m = tpy_arena_alloc(arena, 1 + p + n + 1);
    if (m == NULL) {
        return NULL;
    }
    m[0] = '_';
    memcpy(m + 1, private_name, p);
    memcpy(m + 1 + p, name, n + 1);
    return m;
}

// [name] mangled for the scope being built (see tpy_symtable_mangle).
static const char *mangle(builder_t *b, const char *name)
{
    const char *m = tpy_symtable_mangle(b->st->arena, b->cur->private_name, name);
    if (m == NULL) {
        nomem(b);
        return name;
    }
    return m;
}

static tpy_scope_t *open_scope(builder_t *b, tpy_blockkind_t kind, const char *name,
                               const void *node, int lineno)
{
    tpy_scope_t *s = tpy_arena_alloc(b->st->arena, sizeof(tpy_scope_t));
    if (s == NULL) {
        nomem(b);
        return NULL;
    }
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = b->cur;
    s->lineno = lineno;
    s->private_name = kind == BLOCK_CLASS ? name : b->cur != NULL ? b->cur->private_name : NULL;
    if (b->cur != NULL) {
        tpy_scope_t *p = b->cur;
        if (!grow(b->st->arena, (void **)&p->children, &p->capchildren, p->nchildren,
                  sizeof(tpy_scope_t *))) {
            nomem(b);
            return NULL;
        }
        p->children[p->nchildren++] = s;
    }
    b->cur = s;
    return s;
}

static void close_scope(builder_t *b)
{
    b->cur = b->cur->parent;
}

tpy_scope_t *tpy_symtable_child(tpy_scope_t *parent, const void *node)
{
    for (intptr_t i = 0; i < parent->nchildren; i++) {
        if (parent->children[i]->node == node) {
            return parent->children[i];
        }
    }
    return NULL;
}

static void add_param(builder_t *b, const char *name, int lineno, int col)
{
    name = mangle(b, name);
    tpy_scope_t *s = b->cur;
    tpy_symbol_t *existing = tpy_symtable_lookup(s, name);
    if (existing != NULL && (existing->flags & SYM_DEF_PARAM)) {
        char msg[200];
        snprintf(msg, sizeof msg, "duplicate argument '%s' in function definition", name);
        set_error(b, msg, lineno, col);
        return;
    }
    add_symbol(b, s, name, SYM_DEF_PARAM, lineno, col);
    // the array's capacity is implicit: 8, then doubled whenever nparams reaches
    // a power of two (a def with 20000 parameters must not cost quadratic memory)
    intptr_t n = s->nparams;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        intptr_t cap = n == 0 ? 8 : n * 2;
        const char **np = tpy_arena_alloc(b->st->arena, sizeof(char *) * (size_t)cap);
        if (np == NULL) {
            nomem(b);
            return;
        }
        if (n > 0) {
            memcpy(np, s->params, sizeof(char *) * (size_t)n);
        }
        s->params = np;
    }
    s->params[n] = name;
    s->nparams = n + 1;
}

static void visit_expr(builder_t *b, tpy_expr_t *e);
static void visit_stmts(builder_t *b, tpy_seq_t body);

static void visit_exprs(builder_t *b, tpy_seq_t seq)
{
    for (intptr_t i = 0; i < seq.n; i++) {
        if (seq.items[i] != NULL) {
            visit_expr(b, seq.items[i]);
        }
    }
}

static void use_name(builder_t *b, const char *name, int flags, tpy_pos_t pos)
{
    name = mangle(b, name);
    tpy_scope_t *s = b->cur;
    tpy_symbol_t *sym = tpy_symtable_lookup(s, name);
    if (sym != NULL && (flags & SYM_DEF_LOCAL) && (sym->flags & SYM_DEF_GLOBAL) == 0 &&
        (sym->flags & SYM_DEF_NONLOCAL) == 0) {
        sym->flags |= flags;
        return;
    }
    add_symbol(b, s, name, flags, pos.lineno, pos.col);
    if (s->kind == BLOCK_FUNCTION && (strcmp(name, "super") == 0) && (flags & SYM_USE)) {
        s->uses_class_cell = true;
    }
    if (strcmp(name, "__class__") == 0 && s->kind == BLOCK_FUNCTION) {
        s->uses_class_cell = true;
    }
}

static void visit_args_defaults(builder_t *b, tpy_arguments_t *a)
{
    if (a == NULL) {
        return;
    }
    visit_exprs(b, a->defaults);
    visit_exprs(b, a->kw_defaults);
}

// A def's parameter and return annotations, evaluated where the def runs.
static void visit_args_annotations(builder_t *b, tpy_arguments_t *a, tpy_expr_t *returns)
{
    if (a == NULL || b->future_annotations) {
        return;
    }
    const tpy_seq_t *lists[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int l = 0; l < 3; l++) {
        for (intptr_t i = 0; i < lists[l]->n; i++) {
            tpy_keyword_t *k = lists[l]->items[i];
            visit_expr(b, k->value);
        }
    }
    if (a->vararg != NULL) {
        visit_expr(b, a->vararg->value);
    }
    if (a->kwarg != NULL) {
        visit_expr(b, a->kwarg->value);
    }
    visit_expr(b, returns);
}

static void declare_params(builder_t *b, tpy_arguments_t *a)
{
    if (a == NULL) {
        return;
    }
    for (intptr_t i = 0; i < a->posonlyargs.n; i++) {
        tpy_keyword_t *k = a->posonlyargs.items[i];
        add_param(b, k->arg, k->pos.lineno, k->pos.col);
    }
    for (intptr_t i = 0; i < a->args.n; i++) {
        tpy_keyword_t *k = a->args.items[i];
        add_param(b, k->arg, k->pos.lineno, k->pos.col);
    }
    for (intptr_t i = 0; i < a->kwonlyargs.n; i++) {
        tpy_keyword_t *k = a->kwonlyargs.items[i];
        add_param(b, k->arg, k->pos.lineno, k->pos.col);
    }
    if (a->vararg) {
        add_param(b, a->vararg->arg, a->vararg->pos.lineno, a->vararg->pos.col);
        b->cur->has_varargs = true;
    }
    if (a->kwarg) {
        add_param(b, a->kwarg->arg, a->kwarg->pos.lineno, a->kwarg->pos.col);
        b->cur->has_varkw = true;
    }
}

static void visit_comprehension(builder_t *b, tpy_expr_t *e)
{
    tpy_seq_t gens = e->u.comp.generators;
    tpy_comprehension_t *first = gens.items[0];
    // the outermost iterable is evaluated in the enclosing scope
    visit_expr(b, first->iter);
    const char *name = e->kind == EXPR_LISTCOMP   ? "<listcomp>"
                       : e->kind == EXPR_SETCOMP  ? "<setcomp>"
                       : e->kind == EXPR_DICTCOMP ? "<dictcomp>"
                                                  : "<genexpr>";
    tpy_scope_t *s = open_scope(b, BLOCK_FUNCTION, name, e, e->pos.lineno);
    if (s == NULL) {
        return;
    }
    s->is_comprehension = true;
    s->is_generator = e->kind == EXPR_GENEXP;
    add_param(b, ".0", e->pos.lineno, e->pos.col);
    for (intptr_t i = 0; i < gens.n; i++) {
        tpy_comprehension_t *g = gens.items[i];
        if (i > 0) {
            visit_expr(b, g->iter);
        }
        visit_expr(b, g->target);
        visit_exprs(b, g->ifs);
    }
    visit_expr(b, e->u.comp.elt);
    if (e->u.comp.value) {
        visit_expr(b, e->u.comp.value);
    }
    close_scope(b);
}

static void visit_expr_inner(builder_t *b, tpy_expr_t *e);

static void visit_expr(builder_t *b, tpy_expr_t *e)
{
    if (e == NULL || b->failed) {
        return;
    }
    if (b->depth >= MAX_VISIT_DEPTH) {
        // reported as a Python RecursionError, like CPython's compiler
        b->failed = true;
        b->st->err->kind = TPY_SYNERR_TOODEEP;
        snprintf(b->st->err->msg, sizeof b->st->err->msg,
                 "maximum recursion depth exceeded during compilation");
        return;
    }
    b->depth++;
    visit_expr_inner(b, e);
    b->depth--;
}

static void visit_expr_inner(builder_t *b, tpy_expr_t *e)
{
    switch (e->kind) {
    case EXPR_NAME:
        use_name(b, e->u.name.id, e->u.name.ctx == AST_LOAD ? SYM_USE | SYM_READ : SYM_DEF_LOCAL,
                 e->pos);
        break;
    case EXPR_FSTRING:
        visit_exprs(b, e->u.fstring.values);
        break;
    case EXPR_FORMATTED:
        visit_expr(b, e->u.formatted.value);
        visit_expr(b, e->u.formatted.format_spec);
        break;
    case EXPR_BINOP:
        visit_expr(b, e->u.binop.left);
        visit_expr(b, e->u.binop.right);
        break;
    case EXPR_UNARYOP:
        visit_expr(b, e->u.unaryop.operand);
        break;
    case EXPR_BOOLOP:
        visit_exprs(b, e->u.boolop.values);
        break;
    case EXPR_COMPARE:
        visit_expr(b, e->u.compare.left);
        visit_exprs(b, e->u.compare.comparators);
        break;
    case EXPR_IFEXP:
        visit_expr(b, e->u.ifexp.test);
        visit_expr(b, e->u.ifexp.body);
        visit_expr(b, e->u.ifexp.orelse);
        break;
    case EXPR_LAMBDA: {
        visit_args_defaults(b, e->u.lambda.args);
        tpy_scope_t *s = open_scope(b, BLOCK_FUNCTION, "<lambda>", e, e->pos.lineno);
        if (s == NULL) {
            return;
        }
        s->is_lambda = true;
        declare_params(b, e->u.lambda.args);
        visit_expr(b, e->u.lambda.body);
        close_scope(b);
        break;
    }
    case EXPR_CALL:
        visit_expr(b, e->u.call.func);
        visit_exprs(b, e->u.call.args);
        for (intptr_t i = 0; i < e->u.call.keywords.n; i++) {
            tpy_keyword_t *k = e->u.call.keywords.items[i];
            visit_expr(b, k->value);
        }
        break;
    case EXPR_ATTRIBUTE:
        visit_expr(b, e->u.attribute.value);
        break;
    case EXPR_SUBSCRIPT:
        visit_expr(b, e->u.subscript.value);
        visit_expr(b, e->u.subscript.slice);
        break;
    case EXPR_SLICE:
        visit_expr(b, e->u.slice.lower);
        visit_expr(b, e->u.slice.upper);
        visit_expr(b, e->u.slice.step);
        break;
    case EXPR_STARRED:
        visit_expr(b, e->u.starred.value);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
    case EXPR_SET:
        visit_exprs(b, e->u.seq.elts);
        break;
    case EXPR_DICT:
        visit_exprs(b, e->u.dict.keys);
        visit_exprs(b, e->u.dict.values);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENEXP:
        visit_comprehension(b, e);
        break;
    case EXPR_YIELD:
    case EXPR_YIELD_FROM:
    case EXPR_AWAIT:
        if (b->cur->kind != BLOCK_FUNCTION) {
            set_error_span(b, e->kind == EXPR_AWAIT ? "'await' outside function"
                                                    : "'yield' outside function",
                           e->pos);
            return;
        }
        if (b->cur->is_comprehension && e->kind != EXPR_AWAIT) {
            set_error(b, b->cur->is_generator
                             ? "'yield' inside generator expression"
                             : (strcmp(b->cur->name, "<listcomp>") == 0
                                    ? "'yield' inside list comprehension"
                                    : strcmp(b->cur->name, "<setcomp>") == 0
                                          ? "'yield' inside set comprehension"
                                          : "'yield' inside dict comprehension"),
                      e->pos.lineno, e->pos.col);
            return;
        }
        b->cur->is_generator = true;
        visit_expr(b, e->u.yield.value);
        break;
    case EXPR_NAMEDEXPR:
        visit_expr(b, e->u.namedexpr.value);
        visit_expr(b, e->u.namedexpr.target);
        break;
    default:
        break;
    }
}

// The span of the global/nonlocal statement that first declared [sym], else [dflt].
static tpy_pos_t declaration_pos(builder_t *b, tpy_symbol_t *sym, tpy_pos_t dflt)
{
    for (intptr_t k = 0; k < b->nnonlocals; k++) {
        if (b->nonlocals[k].lineno == sym->lineno && b->nonlocals[k].col == sym->col) {
            return b->nonlocals[k];
        }
    }
    return dflt;
}

static void declare_global(builder_t *b, tpy_stmt_t *s, bool nonlocal)
{
    tpy_scope_t *sc = b->cur;
    if (!grow(b->st->arena, (void **)&b->nonlocals, &b->capnonlocals, b->nnonlocals,
              sizeof(tpy_pos_t))) {
        nomem(b);
        return;
    }
    b->nonlocals[b->nnonlocals++] = s->pos;
    for (intptr_t i = 0; i < s->u.global.names.n; i++) {
        const char *name = mangle(b, s->u.global.names.items[i]);
        char msg[256];
        if (nonlocal && sc->kind == BLOCK_MODULE) {
            set_error_span(b, "nonlocal declaration not allowed at module level", s->pos);
            return;
        }
        tpy_symbol_t *sym = tpy_symtable_lookup(sc, name);
        if (sym != NULL) {
            // CPython's order: parameter, read, annotated, assigned (an
            // augmented assignment counts as assigned)
            const char *kw = nonlocal ? "nonlocal" : "global";
            const char *fmt = NULL;
            if (sym->flags & SYM_DEF_PARAM) {
                fmt = "name '%s' is parameter and %s";
            } else if (sym->flags & SYM_READ) {
                fmt = "name '%s' is used prior to %s declaration";
            } else if (sym->flags & SYM_DEF_ANNOT) {
                fmt = "annotated name '%s' can't be %s";
            } else if (sym->flags & (SYM_DEF_LOCAL | SYM_USE)) {
                fmt = "name '%s' is assigned to before %s declaration";
            }
            if (fmt != NULL) {
                snprintf(msg, sizeof msg, fmt, name, kw);
                set_error_span(b, msg, s->pos);
                return;
            }
            if ((nonlocal && (sym->flags & SYM_DEF_GLOBAL)) ||
                (!nonlocal && (sym->flags & SYM_DEF_NONLOCAL))) {
                // CPython points at the first of the two declarations
                snprintf(msg, sizeof msg, "name '%s' is nonlocal and global", name);
                set_error_span(b, msg, declaration_pos(b, sym, s->pos));
                return;
            }
        }
        add_symbol(b, sc, name, nonlocal ? SYM_DEF_NONLOCAL : SYM_DEF_GLOBAL, s->pos.lineno,
                   s->pos.col);
    }
}

static void bind_import_name(builder_t *b, tpy_alias_t *a, bool from)
{
    const char *name = a->asname;
    if (name == NULL) {
        name = a->name;
        if (!from) {
            // `import a.b` binds `a`
            const char *dot = strchr(name, '.');
            if (dot != NULL) {
                name = tpy_arena_strndup(b->st->arena, name, (size_t)(dot - name));
                if (name == NULL) {
                    nomem(b);
                    return;
                }
            }
        }
    }
    if (strcmp(name, "*") == 0) {
        if (b->cur->kind != BLOCK_MODULE) {
            set_error(b, "import * only allowed at module level", a->pos.lineno, a->pos.col);
        }
        return;
    }
    use_name(b, name, SYM_DEF_LOCAL, a->pos);
}

static void visit_stmt(builder_t *b, tpy_stmt_t *s)
{
    if (b->failed) {
        return;
    }
    switch (s->kind) {
    case STMT_EXPR:
        visit_expr(b, s->u.expr.value);
        break;
    case STMT_ASSIGN:
        visit_expr(b, s->u.assign.value);
        visit_exprs(b, s->u.assign.targets);
        break;
    case STMT_AUGASSIGN:
        visit_expr(b, s->u.augassign.value);
        visit_expr(b, s->u.augassign.target);
        if (s->u.augassign.target->kind == EXPR_NAME) {
            use_name(b, s->u.augassign.target->u.name.id, SYM_USE, s->u.augassign.target->pos);
        }
        break;
    case STMT_ANNASSIGN:
        if (s->u.annassign.value) {
            visit_expr(b, s->u.annassign.value);
        }
        // module and class bodies evaluate the annotation; functions do not
        if (b->cur->kind != BLOCK_FUNCTION && !b->future_annotations) {
            visit_expr(b, s->u.annassign.annotation);
        }
        if (s->u.annassign.simple && s->u.annassign.target->kind == EXPR_NAME) {
            // x: T names x for the scope; a global or nonlocal x cannot be annotated
            const char *name = mangle(b, s->u.annassign.target->u.name.id);
            tpy_symbol_t *sym = tpy_symtable_lookup(b->cur, name);
            if (sym != NULL && (sym->flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL))) {
                char msg[256];
                snprintf(msg, sizeof msg, "annotated name '%s' can't be %s", name,
                         (sym->flags & SYM_DEF_GLOBAL) ? "global" : "nonlocal");
                set_error_span(b, msg, s->pos);
                return;
            }
            use_name(b, name, SYM_DEF_ANNOT | SYM_DEF_LOCAL, s->u.annassign.target->pos);
            break;
        }
        visit_expr(b, s->u.annassign.target);
        break;
    case STMT_DEL:
        visit_exprs(b, s->u.del.targets);
        break;
    case STMT_RETURN:
        if (b->cur->kind != BLOCK_FUNCTION) {
            set_error_span(b, "'return' outside function", s->pos);
            return;
        }
        visit_expr(b, s->u.ret.value);
        break;
    case STMT_RAISE:
        visit_expr(b, s->u.raise.exc);
        visit_expr(b, s->u.raise.cause);
        break;
    case STMT_GLOBAL:
        declare_global(b, s, false);
        break;
    case STMT_NONLOCAL:
        declare_global(b, s, true);
        break;
    case STMT_IF:
        visit_expr(b, s->u.if_.test);
        visit_stmts(b, s->u.if_.body);
        visit_stmts(b, s->u.if_.orelse);
        break;
    case STMT_WHILE:
        visit_expr(b, s->u.while_.test);
        visit_stmts(b, s->u.while_.body);
        visit_stmts(b, s->u.while_.orelse);
        break;
    case STMT_FOR:
        visit_expr(b, s->u.for_.iter);
        visit_expr(b, s->u.for_.target);
        visit_stmts(b, s->u.for_.body);
        visit_stmts(b, s->u.for_.orelse);
        break;
    case STMT_TRY:
        visit_stmts(b, s->u.try_.body);
        for (intptr_t i = 0; i < s->u.try_.handlers.n; i++) {
            tpy_excepthandler_t *h = s->u.try_.handlers.items[i];
            visit_expr(b, h->type);
            if (h->name) {
                use_name(b, h->name, SYM_DEF_LOCAL, h->pos);
            }
            visit_stmts(b, h->body);
        }
        visit_stmts(b, s->u.try_.orelse);
        visit_stmts(b, s->u.try_.finalbody);
        break;
    case STMT_WITH:
        for (intptr_t i = 0; i < s->u.with.items.n; i++) {
            tpy_withitem_t *w = s->u.with.items.items[i];
            visit_expr(b, w->context_expr);
            visit_expr(b, w->optional_vars);
        }
        visit_stmts(b, s->u.with.body);
        break;
    case STMT_FUNCTIONDEF: {
        visit_exprs(b, s->u.funcdef.decorators);
        visit_args_defaults(b, s->u.funcdef.args);
        visit_args_annotations(b, s->u.funcdef.args, s->u.funcdef.returns);
        use_name(b, s->u.funcdef.name, SYM_DEF_LOCAL, s->pos);
        tpy_scope_t *sc = open_scope(b, BLOCK_FUNCTION, s->u.funcdef.name, s, s->pos.lineno);
        if (sc == NULL) {
            return;
        }
        declare_params(b, s->u.funcdef.args);
        visit_stmts(b, s->u.funcdef.body);
        close_scope(b);
        break;
    }
    case STMT_CLASSDEF: {
        visit_exprs(b, s->u.classdef.decorators);
        visit_exprs(b, s->u.classdef.bases);
        for (intptr_t i = 0; i < s->u.classdef.keywords.n; i++) {
            tpy_keyword_t *k = s->u.classdef.keywords.items[i];
            visit_expr(b, k->value);
        }
        use_name(b, s->u.classdef.name, SYM_DEF_LOCAL, s->pos);
        tpy_scope_t *sc = open_scope(b, BLOCK_CLASS, s->u.classdef.name, s, s->pos.lineno);
        if (sc == NULL) {
            return;
        }
        visit_stmts(b, s->u.classdef.body);
        close_scope(b);
        break;
    }
    case STMT_IMPORT:
        for (intptr_t i = 0; i < s->u.import.names.n; i++) {
            bind_import_name(b, s->u.import.names.items[i], false);
        }
        break;
    case STMT_IMPORTFROM:
        if (s->u.importfrom.level == 0 && s->u.importfrom.module != NULL &&
            strcmp(s->u.importfrom.module, "__future__") == 0) {
            for (intptr_t i = 0; i < s->u.importfrom.names.n; i++) {
                tpy_alias_t *a = s->u.importfrom.names.items[i];
                if (strcmp(a->name, "annotations") == 0) {
                    b->future_annotations = true;
                }
            }
        }
        for (intptr_t i = 0; i < s->u.importfrom.names.n; i++) {
            bind_import_name(b, s->u.importfrom.names.items[i], true);
        }
        break;
    case STMT_ASSERT:
        visit_expr(b, s->u.assert_.test);
        visit_expr(b, s->u.assert_.msg);
        break;
    default:
        break;
    }
}

static void visit_stmts(builder_t *b, tpy_seq_t body)
{
    for (intptr_t i = 0; i < body.n && !b->failed; i++) {
        visit_stmt(b, body.items[i]);
    }
}

/* ---- pass two: resolution --------------------------------------------------------- */

/* A set of names in arena memory: the names in insertion order plus an
 * open-addressing index into them, both grown by doubling, so that a function
 * with tens of thousands of locals resolves in linear time.  A set is never
 * shared: nameset_copy makes the children's view of the enclosing names. */
typedef struct {
    const char **names;
    intptr_t n, cap;
    intptr_t *index; // -1 or a position in names; tcap slots, a power of two
    intptr_t tcap;
} nameset_t;

static bool nameset_has(const nameset_t *s, const char *name)
{
    if (s->tcap == 0) {
        return false;
    }
    intptr_t mask = s->tcap - 1;
    for (intptr_t i = (intptr_t)(name_hash(name) & (uint64_t)mask);; i = (i + 1) & mask) {
        if (s->index[i] < 0) {
            return false;
        }
        if (strcmp(s->names[s->index[i]], name) == 0) {
            return true;
        }
    }
}

static void nameset_index(nameset_t *s, intptr_t k)
{
    intptr_t mask = s->tcap - 1;
    intptr_t i = (intptr_t)(name_hash(s->names[k]) & (uint64_t)mask);
    while (s->index[i] >= 0) {
        i = (i + 1) & mask;
    }
    s->index[i] = k;
}

static bool nameset_add(tpy_arena_t *a, nameset_t *s, const char *name)
{
    if (nameset_has(s, name)) {
        return true;
    }
    if (s->n == s->cap) {
        intptr_t nc = s->cap ? s->cap * 2 : 8;
        const char **nn = tpy_arena_alloc(a, sizeof(char *) * (size_t)nc);
        if (nn == NULL) {
            return false;
        }
        if (s->n) {
            memcpy(nn, s->names, sizeof(char *) * (size_t)s->n);
        }
        s->names = nn;
        s->cap = nc;
    }
    s->names[s->n++] = name;
    if (s->n * 2 > s->tcap) {
        intptr_t tc = s->tcap ? s->tcap * 2 : 16;
        intptr_t *t = tpy_arena_alloc(a, sizeof(intptr_t) * (size_t)tc);
        if (t == NULL) {
            return false;
        }
        memset(t, 0xff, sizeof(intptr_t) * (size_t)tc); // all -1
        s->index = t;
        s->tcap = tc;
        for (intptr_t k = 0; k < s->n; k++) {
            nameset_index(s, k);
        }
    } else {
        nameset_index(s, s->n - 1);
    }
    return true;
}

// [dst] = a new set holding the names of [src].
static bool nameset_copy(tpy_arena_t *a, nameset_t *dst, const nameset_t *src)
{
    *dst = (nameset_t){NULL, 0, 0, NULL, 0};
    for (intptr_t i = 0; i < src->n; i++) {
        if (!nameset_add(a, dst, src->names[i])) {
            return false;
        }
    }
    return true;
}

/*
 * Resolve [s] given the names bound in enclosing function scopes ([bound]).
 * Adds to [free_out] the names [s] (or its children) need from outside.
 */
static void analyze(builder_t *b, tpy_scope_t *s, const nameset_t *bound, nameset_t *free_out)
{
    tpy_arena_t *a = b->st->arena;
    nameset_t local = {NULL, 0, 0, NULL, 0};
    // resolve own symbols first (except FREE which depends on bound)
    for (intptr_t i = 0; i < s->nsyms; i++) {
        tpy_symbol_t *sym = &s->syms[i];
        if (sym->flags & SYM_DEF_GLOBAL) {
            sym->scope = SCOPE_GLOBAL_EXPLICIT;
        } else if (sym->flags & SYM_DEF_NONLOCAL) {
            if (!nameset_has(bound, sym->name)) {
                char msg[256];
                snprintf(msg, sizeof msg, "no binding for nonlocal '%s' found", sym->name);
                tpy_pos_t pos = {sym->lineno, sym->col, sym->lineno, sym->col + 1};
                set_error_span(b, msg, declaration_pos(b, sym, pos));
                return;
            }
            sym->scope = SCOPE_FREE;
        } else if (sym->flags & (SYM_DEF_LOCAL | SYM_DEF_PARAM)) {
            sym->scope = s->kind == BLOCK_MODULE ? SCOPE_GLOBAL_IMPLICIT : SCOPE_LOCAL;
            if (s->kind == BLOCK_FUNCTION && !nameset_add(a, &local, sym->name)) {
                nomem(b);
                return;
            }
        } else if (s->kind != BLOCK_MODULE && nameset_has(bound, sym->name)) {
            sym->scope = SCOPE_FREE;
        } else {
            sym->scope = SCOPE_GLOBAL_IMPLICIT;
        }
    }
    // the names children may see: bound ∪ this function's locals (classes add nothing)
    nameset_t newbound = *bound; // shared until something is added
    if ((s->kind == BLOCK_FUNCTION && local.n > 0) || s->kind == BLOCK_CLASS) {
        if (!nameset_copy(a, &newbound, bound)) {
            nomem(b);
            return;
        }
    }
    if (s->kind == BLOCK_FUNCTION) {
        for (intptr_t i = 0; i < local.n; i++) {
            if (!nameset_add(a, &newbound, local.names[i])) {
                nomem(b);
                return;
            }
        }
        // nonlocal names stay visible to nested scopes
    }
    if (s->kind == BLOCK_CLASS) {
        // __class__ is a cell of the class body, visible to its methods
        if (!nameset_add(a, &newbound, "__class__")) {
            nomem(b);
            return;
        }
    }
    nameset_t child_free = {NULL, 0, 0, NULL, 0};
    for (intptr_t c = 0; c < s->nchildren && !b->failed; c++) {
        tpy_scope_t *ch = s->children[c];
        if (ch->uses_class_cell && s->kind == BLOCK_CLASS) {
            s->needs_class_cell = true;
            add_symbol(b, ch, "__class__", SYM_USE, ch->lineno, 0);
        } else if (ch->uses_class_cell && s->kind == BLOCK_FUNCTION) {
            // nested function inside a method: the method must pass __class__ on
            s->uses_class_cell = true;
            add_symbol(b, ch, "__class__", SYM_USE, ch->lineno, 0);
            add_symbol(b, s, "__class__", SYM_USE, s->lineno, 0);
            tpy_symbol_t *cs = tpy_symtable_lookup(s, "__class__");
            if (cs != NULL && cs->scope == SCOPE_UNRESOLVED) {
                cs->scope = nameset_has(bound, "__class__") ? SCOPE_FREE : SCOPE_GLOBAL_IMPLICIT;
            }
        }
        analyze(b, ch, &newbound, &child_free);
    }
    if (b->failed) {
        return;
    }
    // names children need: cells here if local, otherwise free here too
    for (intptr_t i = 0; i < child_free.n; i++) {
        const char *name = child_free.names[i];
        tpy_symbol_t *sym = tpy_symtable_lookup(s, name);
        if (s->kind == BLOCK_FUNCTION && sym != NULL && sym->scope == SCOPE_LOCAL) {
            sym->scope = SCOPE_CELL;
            continue;
        }
        if (s->kind == BLOCK_CLASS && strcmp(name, "__class__") == 0) {
            sym = add_symbol(b, s, "__class__", 0, s->lineno, 0);
            if (sym != NULL) {
                sym->scope = SCOPE_CELL;
            }
            continue;
        }
        if (sym != NULL && (sym->scope == SCOPE_GLOBAL_EXPLICIT)) {
            continue;
        }
        if (sym == NULL) {
            sym = add_symbol(b, s, name, 0, s->lineno, 0);
            if (sym == NULL) {
                return;
            }
            sym->scope = SCOPE_FREE;
        } else if (s->kind == BLOCK_CLASS) {
            // bound in the class body and free in a method: the method still sees
            // the enclosing function's binding; the class keeps its own local.
            sym->flags |= SYM_DEF_FREE_CLASS;
        } else if (sym->scope != SCOPE_FREE) {
            sym->scope = SCOPE_FREE;
        }
        if (!nameset_add(a, free_out, name)) {
            nomem(b);
            return;
        }
    }
    for (intptr_t i = 0; i < s->nsyms; i++) {
        if (s->syms[i].scope == SCOPE_FREE && !nameset_add(a, free_out, s->syms[i].name)) {
            nomem(b);
            return;
        }
    }
}

int tpy_symtable_build(tpy_symtable_t *st, tpy_module_ast_t *mod, tpy_arena_t *arena,
                       tpy_syntax_error_t *err)
{
    st->arena = arena;
    st->err = err;
    builder_t b = {st, NULL, false, 0, NULL, 0, 0, false};
    st->top = open_scope(&b, BLOCK_MODULE, "<module>", mod, 1);
    if (st->top == NULL) {
        return -1;
    }
    if (mod->mode == TPY_PARSE_EVAL) {
        visit_expr(&b, mod->expr);
    } else {
        visit_stmts(&b, mod->body);
    }
    if (b.failed) {
        return -1;
    }
    nameset_t bound = {NULL, 0, 0, NULL, 0}, free_out = {NULL, 0, 0, NULL, 0};
    analyze(&b, st->top, &bound, &free_out);
    return b.failed ? -1 : 0;
}
