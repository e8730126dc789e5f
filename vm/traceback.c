/*
 * vm/traceback.c - traceback objects and printing exceptions the way
 * CPython 3.11 does.
 *
 * A traceback entry records (code, instruction index, frame serial); the
 * serial tells whether an exception already has an entry for the frame it is
 * passing through (bare `raise` keeps the original entry).  Printing follows
 * CPython: chained exceptions first ("The above exception was the direct cause
 * ..." / "During handling of the above exception ..."), "Traceback (most
 * recent call last):", each frame's file, line and function with its source
 * line and PEP 657 carets (~ for the operands of a binary operation or the
 * value of a subscript, ^ for the rest), runs of the same line collapsed into
 * "[Previous line repeated N more times]", then "Type: message" with
 * NameError/AttributeError suggestions.  Syntax errors print their file, line,
 * source text and a caret span.
 */
#include "vm/vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tpy_object_t ob;
    tpy_object_t *next;
    tpy_object_t *code;
    intptr_t index;
    uint64_t serial;
} traceback_t;

tpy_object_t *tpy_traceback_new(tpy_object_t *code, intptr_t index, uint64_t serial,
                                tpy_object_t *next)
{
    traceback_t *tb = (traceback_t *)tpy_gc_new(&tpy_traceback_type, sizeof(traceback_t));
    if (tb == NULL) {
        TPY_XDECREF(next);
        return NULL;
    }
    tb->next = next;
    tb->code = tpy_newref(code);
    tb->index = index;
    tb->serial = serial;
    tpy_gc_track(TPY_OBJ(tb));
    return TPY_OBJ(tb);
}

uint64_t tpy_traceback_serial(tpy_object_t *tb)
{
    return TPY_TYPE(tb) == &tpy_traceback_type ? ((traceback_t *)tb)->serial : 0;
}

static int tb_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    traceback_t *tb = (traceback_t *)self;
    int r = tb->next ? visit(tb->next, arg) : 0;
    if (r == 0 && tb->code) {
        r = visit(tb->code, arg);
    }
    return r;
}

static int tb_clear(tpy_object_t *self)
{
    traceback_t *tb = (traceback_t *)self;
    TPY_CLEAR(tb->next);
    TPY_CLEAR(tb->code);
    return 0;
}

static void tb_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    // release the chain iteratively: long recursions make long chains
    traceback_t *tb = (traceback_t *)self;
    tpy_object_t *next = tb->next;
    tb->next = NULL;
    TPY_CLEAR(tb->code);
    tpy_gc_free(self, sizeof(traceback_t));
    while (next != NULL && TPY_REFCNT(next) == 1 && TPY_TYPE(next) == &tpy_traceback_type) {
        traceback_t *n = (traceback_t *)next;
        tpy_object_t *after = n->next;
        n->next = NULL;
        TPY_DECREF(next);
        next = after;
    }
    TPY_XDECREF(next);
}

static int tb_lineno(traceback_t *tb)
{
    tpy_code_t *co = (tpy_code_t *)tb->code;
    if (tb->index >= 0 && tb->index < co->ncode) {
        return co->positions[tb->index].lineno;
    }
    return co->firstlineno;
}

static tpy_object_t *tb_get_next(tpy_object_t *self)
{
    tpy_object_t *n = ((traceback_t *)self)->next;
    return tpy_newref(n ? n : tpy_none);
}

static tpy_object_t *tb_get_lineno(tpy_object_t *self)
{
    return tpy_int_from_i64(tb_lineno((traceback_t *)self));
}

static tpy_object_t *tb_get_lasti(tpy_object_t *self)
{
    return tpy_int_from_i64(((traceback_t *)self)->index * 2);
}

static tpy_object_t *tb_get_code(tpy_object_t *self)
{
    return tpy_newref(((traceback_t *)self)->code);
}

static const tpy_getsetdef_t tb_getset[] = {
    {"tb_next", tb_get_next, NULL},
    {"tb_lineno", tb_get_lineno, NULL},
    {"tb_lasti", tb_get_lasti, NULL},
    {"tb_code", tb_get_code, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_traceback_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(traceback_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_getset = tb_getset,
};

/* ---- source lines ------------------------------------------------------------------ */

/* One cached source file (tracebacks usually come from one file). */
static char *cache_name;
static char *cache_text;
static size_t cache_len;

/* Register the text of a file run from memory (stdin programs have none). */
void tpy_traceback_cache_source(const char *filename, const char *src, size_t len);
void tpy_traceback_cache_source(const char *filename, const char *src, size_t len)
{
    free(cache_name);
    free(cache_text);
    cache_name = strdup(filename);
    cache_text = malloc(len + 1);
    if (cache_name == NULL || cache_text == NULL) {
        free(cache_name);
        free(cache_text);
        cache_name = cache_text = NULL;
        return;
    }
    memcpy(cache_text, src, len);
    cache_text[len] = '\0';
    cache_len = len;
}

static bool load_source(const char *filename)
{
    if (cache_name != NULL && strcmp(cache_name, filename) == 0) {
        return true;
    }
    if (filename[0] == '<') {
        return false;
    }
    FILE *fp = fopen(filename, "rb");
    if (fp == NULL) {
        return false;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (buf == NULL) {
        return false;
    }
    buf[len < cap ? len : cap - 1] = '\0';
    free(cache_name);
    free(cache_text);
    cache_name = strdup(filename);
    cache_text = buf;
    cache_len = len;
    return cache_name != NULL;
}

/* Line [lineno] of [filename] into [out] (without the newline). */
static bool source_line(const char *filename, int lineno, char *out, size_t outsize)
{
    if (lineno < 1 || !load_source(filename)) {
        return false;
    }
    const char *p = cache_text, *end = cache_text + cache_len;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return false;
        }
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (len > 0 && p[len - 1] == '\r') {
        len--;
    }
    if (len >= outsize) {
        len = outsize - 1;
    }
    memcpy(out, p, len);
    out[len] = '\0';
    return true;
}

/* ---- printing ---------------------------------------------------------------------- */

static size_t utf8_chars(const char *s, size_t nbytes)
{
    size_t n = 0;
    for (size_t i = 0; i < nbytes && s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* CPython's anchors for a binary operation or subscript spanning [seg]. */
static bool find_anchors(const char *seg, size_t len, int *left, int *right)
{
    tpy_arena_t *arena = tpy_arena_new();
    if (arena == NULL) {
        return false;
    }
    tpy_syntax_error_t err;
    tpy_module_ast_t *m = tpy_parse(seg, len, TPY_PARSE_EVAL, arena, &err);
    bool found = false;
    if (m != NULL && m->expr != NULL) {
        tpy_expr_t *e = m->expr;
        if (e->kind == EXPR_BINOP && e->u.binop.left->pos.end_lineno == 1) {
            int l = e->u.binop.left->pos.end_col;
            int r = e->u.binop.right->pos.col;
            // skip whitespace and closing parens between the left operand and the operator
            while (l < r && (seg[l] == ' ' || seg[l] == ')' || seg[l] == '\t' || seg[l] == '#')) {
                l++;
            }
            int rr = l + 1;
            if (rr < r && seg[rr] != ' ' && seg[rr] != '\t' && seg[rr] != '(') {
                rr++; // two-character operators: // ** << >>
            }
            *left = (int)utf8_chars(seg, (size_t)l);
            *right = (int)utf8_chars(seg, (size_t)rr);
            found = true;
        } else if (e->kind == EXPR_SUBSCRIPT && e->u.subscript.value->pos.end_lineno == 1) {
            int l = e->u.subscript.value->pos.end_col;
            while ((size_t)l < len && seg[l] != '[') {
                l++;
            }
            int r = e->u.subscript.slice->pos.end_col;
            while ((size_t)r < len && seg[r] != ']') {
                r++;
            }
            if ((size_t)r < len) {
                r++;
            }
            *left = (int)utf8_chars(seg, (size_t)l);
            *right = (int)utf8_chars(seg, (size_t)r);
            found = true;
        }
    }
    tpy_arena_free(arena);
    return found;
}

static void print_source_line(FILE *out, const char *filename, tpy_codepos_t *pos)
{
    char line[4096];
    if (!source_line(filename, pos->lineno, line, sizeof line)) {
        return;
    }
    size_t len = strlen(line);
    size_t strip = 0;
    while (strip < len && (line[strip] == ' ' || line[strip] == '\t' || line[strip] == '\f')) {
        strip++;
    }
    // CPython prints the line without its indentation but with any trailing
    // whitespace; a span over several lines ends at the last non-blank
    size_t rlen = len;
    while (rlen > strip && (line[rlen - 1] == ' ' || line[rlen - 1] == '\t' ||
                            line[rlen - 1] == '\f' || line[rlen - 1] == '\v')) {
        rlen--;
    }
    if (rlen <= strip) {
        return;
    }
    fprintf(out, "    %.*s\n", (int)(len - strip), line + strip);
    if (pos->col < 0 || pos->end_col < 0 || pos->lineno <= 0) {
        return;
    }
    size_t start = (size_t)pos->col;
    size_t end = pos->end_lineno == pos->lineno ? (size_t)pos->end_col : rlen;
    if (end > len) {
        end = len;
    }
    if (start < strip || start >= end) {
        return;
    }
    size_t cstart = utf8_chars(line, start) - utf8_chars(line, strip);
    size_t cend = utf8_chars(line, end) - utf8_chars(line, strip);
    size_t cline = utf8_chars(line + strip, len - strip);
    int left = 0, right = 0;
    bool anchors = pos->end_lineno == pos->lineno &&
                   find_anchors(line + start, end - start, &left, &right);
    // carets that would cover the whole line say nothing: CPython omits them
    if (cend - cstart >= cline && !(anchors && right - left > 0)) {
        return;
    }
    fprintf(out, "    ");
    for (size_t i = 0; i < cstart; i++) {
        fputc(' ', out);
    }
    size_t width = cend - cstart;
    for (size_t i = 0; i < width; i++) {
        if (anchors) {
            fputc((int)i >= left && (int)i < right ? '^' : '~', out);
        } else {
            fputc('^', out);
        }
    }
    fputc('\n', out);
}

static void print_tb(FILE *out, tpy_object_t *tbobj)
{
    const char *last_file = NULL;
    int last_line = -1;
    tpy_object_t *last_name = NULL;
    long cnt = 0;
    fprintf(out, "Traceback (most recent call last):\n");
    for (traceback_t *tb = (traceback_t *)tbobj; tb != NULL; tb = (traceback_t *)tb->next) {
        tpy_code_t *co = (tpy_code_t *)tb->code;
        const char *file = TPY_STR_DATA(co->filename);
        int line = tb_lineno(tb);
        if (last_file != NULL && strcmp(file, last_file) == 0 && line == last_line &&
            last_name == co->name) {
            cnt++;
            if (cnt > 3) {
                continue;
            }
        } else {
            if (cnt > 3) {
                fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - 3,
                        cnt - 3 > 1 ? "s" : "");
            }
            cnt = 1;
            last_file = file;
            last_line = line;
            last_name = co->name;
        }
        fprintf(out, "  File \"%s\", line %d, in %s\n", file, line, TPY_STR_DATA(co->name));
        if (tb->index >= 0 && tb->index < co->ncode) {
            print_source_line(out, file, &co->positions[tb->index]);
        }
    }
    if (cnt > 3) {
        fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - 3,
                cnt - 3 > 1 ? "s" : "");
    }
}

/* "module.Name" unless the class lives in builtins or __main__. */
static void print_type_name(FILE *out, tpy_type_t *t)
{
    if (t->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        tpy_object_t *mod = tpy_dict_get_cstr_borrow(t->tp_dict, "__module__");
        if (mod != NULL && TPY_STR_CHECK(mod) && !tpy_str_eq_cstr(mod, "builtins") &&
            !tpy_str_eq_cstr(mod, "__main__")) {
            fprintf(out, "%s.", TPY_STR_DATA(mod));
        }
        fprintf(out, "%s", TPY_STR_DATA(t->tp_ht_qualname));
        return;
    }
    fprintf(out, "%s", tpy_type_name(t));
}

static void print_syntax_error_body(FILE *out, tpy_exception_t *e)
{
    tpy_object_t *args = e->args;
    if (args == NULL || TPY_TUPLE_SIZE(args) != 2 || !TPY_TUPLE_CHECK(TPY_TUPLE_GET(args, 1))) {
        return;
    }
    tpy_object_t *info = TPY_TUPLE_GET(args, 1);
    if (TPY_TUPLE_SIZE(info) < 4) {
        return;
    }
    tpy_object_t *fn = TPY_TUPLE_GET(info, 0), *ln = TPY_TUPLE_GET(info, 1);
    tpy_object_t *off = TPY_TUPLE_GET(info, 2), *text = TPY_TUPLE_GET(info, 3);
    if (TPY_STR_CHECK(fn) && TPY_INT_CHECK(ln)) {
        fprintf(out, "  File \"%s\", line %lld\n", TPY_STR_DATA(fn),
                (long long)tpy_int_as_i64(ln));
    }
    if (!TPY_STR_CHECK(text)) {
        return;
    }
    const char *t = TPY_STR_DATA(text);
    size_t len = (size_t)TPY_STR_LEN(text);
    while (len > 0 && (t[len - 1] == '\n' || t[len - 1] == '\r')) {
        len--;
    }
    size_t strip = 0;
    while (strip < len && (t[strip] == ' ' || t[strip] == '\t' || t[strip] == '\f')) {
        strip++;
    }
    fprintf(out, "    %.*s\n", (int)(len - strip), t + strip);
    if (!TPY_INT_CHECK(off)) {
        return;
    }
    long long offset = tpy_int_as_i64(off); // 1-based, in characters
    long long end_offset = offset + 1;
    if (TPY_TUPLE_SIZE(info) >= 6 && TPY_INT_CHECK(TPY_TUPLE_GET(info, 5)) &&
        TPY_INT_CHECK(TPY_TUPLE_GET(info, 4)) && TPY_INT_CHECK(ln)) {
        long long end_lineno = tpy_int_as_i64(TPY_TUPLE_GET(info, 4));
        if (end_lineno == tpy_int_as_i64(ln)) {
            end_offset = tpy_int_as_i64(TPY_TUPLE_GET(info, 5));
            if (end_offset == -1) {
                return; // an error at the end of input: CPython prints no caret
            }
        } else if (end_lineno > tpy_int_as_i64(ln)) {
            // a span over several lines: CPython marks the first line to its end
            end_offset = (long long)utf8_chars(t, (size_t)TPY_STR_LEN(text));
        }
    }
    long long cstrip = (long long)utf8_chars(t, strip);
    long long col = offset - 1 - cstrip;
    if (col < 0) {
        return; // the caret would point into the stripped indentation: CPython omits it
    }
    long long nchars = (long long)utf8_chars(t + strip, len - strip);
    if (col > nchars) {
        col = nchars;
    }
    long long width = end_offset - offset;
    if (width < 1 || tpy_type_is_subtype(TPY_TYPE(e), &tpy_exc_IndentationError)) {
        width = 1; // CPython marks indentation errors with a single caret
    }
    if (col + width > nchars + 1) {
        width = nchars + 1 - col;
        if (width < 1) {
            width = 1;
        }
    }
    fprintf(out, "    %*s", (int)col, "");
    for (long long i = 0; i < width; i++) {
        fputc('^', out);
    }
    fputc('\n', out);
}

/* Levenshtein-style distance with CPython's costs, for "Did you mean". */
static size_t edit_distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) {
        return max + 1;
    }
    size_t row[41];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j * 2;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i * 2;
        size_t best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost;
            if (a[i - 1] == b[j - 1]) {
                cost = 0;
            } else if ((a[i - 1] | 32) == (b[j - 1] | 32)) {
                cost = 1; // case change
            } else {
                cost = 2;
            }
            size_t v = prev + cost;
            if (row[j] + 2 < v) {
                v = row[j] + 2;
            }
            if (row[j - 1] + 2 < v) {
                v = row[j - 1] + 2;
            }
            prev = row[j];
            row[j] = v;
            if (v < best) {
                best = v;
            }
        }
        if (best > max) {
            return max + 1;
        }
    }
    return row[lb];
}

/* Keep candidate [k] if it is the closest name to [name] so far. */
static void consider_one(tpy_object_t *k, const char *name, const char **best, size_t *best_dist)
{
    if (!TPY_STR_CHECK(k) || strcmp(TPY_STR_DATA(k), name) == 0) {
        return;
    }
    size_t nlen = strlen(name), klen = (size_t)TPY_STR_LEN(k);
    size_t max = (nlen + klen + 3) * 2 / 6; // CPython's bound: both lengths count
    if (max > 0) {
        size_t d = edit_distance(name, TPY_STR_DATA(k), *best_dist < max ? *best_dist : max);
        if (d <= max && d < *best_dist) {
            *best_dist = d;
            *best = TPY_STR_DATA(k);
        }
    }
}

/* The keys of dict [candidates] (or the items of a tuple of names). */
static void consider(tpy_object_t *candidates, const char *name, const char **best,
                     size_t *best_dist)
{
    if (candidates == NULL || candidates == tpy_none) {
        return; // a NameError made by the program: no frame's names
    }
    if (TPY_TUPLE_CHECK(candidates)) {
        for (intptr_t i = 0; i < TPY_TUPLE_SIZE(candidates); i++) {
            consider_one(TPY_TUPLE_GET(candidates, i), name, best, best_dist);
        }
        return;
    }
    intptr_t pos = 0;
    tpy_object_t *k, *v;
    while (tpy_dict_next(candidates, &pos, &k, &v)) {
        consider_one(k, name, best, best_dist);
    }
}

/* The attribute names of [obj]: its own dict, then its class's MRO (a
 * class's or module's own namespace for those). */
static void consider_attributes(tpy_object_t *obj, const char *name, const char **best,
                                size_t *best_dist)
{
    tpy_object_t **dp = tpy_object_dict_ptr(obj);
    if (dp != NULL && *dp != NULL && TPY_DICT_CHECK(*dp)) {
        consider(*dp, name, best, best_dist);
    }
    if (TPY_MODULE_CHECK(obj)) {
        return;
    }
    tpy_type_t *t = TPY_TYPE_HAS_FLAG(TPY_TYPE(obj), TPY_TPFLAGS_TYPE_SUBCLASS)
                        ? (tpy_type_t *)obj
                        : TPY_TYPE(obj);
    tpy_object_t *mro = t->tp_mro;
    for (intptr_t i = 0; mro != NULL && i < TPY_TUPLE_SIZE(mro); i++) {
        consider(((tpy_type_t *)TPY_TUPLE_GET(mro, i))->tp_dict, name, best, best_dist);
    }
}

static void print_suggestion(FILE *out, tpy_exception_t *e)
{
    tpy_type_t *t = TPY_TYPE(e);
    const char *best = NULL;
    size_t best_dist = (size_t)-1;
    if (t == &tpy_exc_AttributeError && e->extra != NULL && TPY_TUPLE_CHECK(e->extra) &&
        TPY_TUPLE_SIZE(e->extra) == 2 && TPY_STR_CHECK(TPY_TUPLE_GET(e->extra, 0))) {
        consider_attributes(TPY_TUPLE_GET(e->extra, 1), TPY_STR_DATA(TPY_TUPLE_GET(e->extra, 0)),
                            &best, &best_dist);
        if (best != NULL) {
            fprintf(out, ". Did you mean: '%s'?", best);
        }
        return;
    }
    // NameError: (name, local names or None, globals) from the frame that raised
    if (!tpy_type_is_subtype(t, &tpy_exc_NameError) || e->extra == NULL ||
        !TPY_TUPLE_CHECK(e->extra) || TPY_TUPLE_SIZE(e->extra) != 3 ||
        !TPY_STR_CHECK(TPY_TUPLE_GET(e->extra, 0))) {
        return;
    }
    const char *name = TPY_STR_DATA(TPY_TUPLE_GET(e->extra, 0));
    tpy_object_t *locals = TPY_TUPLE_GET(e->extra, 1);
    if (locals != tpy_none) {
        consider(locals, name, &best, &best_dist);
    }
    consider(TPY_TUPLE_GET(e->extra, 2), name, &best, &best_dist);
    consider(tpy_ts.builtins, name, &best, &best_dist);
    if (best != NULL) {
        fprintf(out, ". Did you mean: '%s'?", best);
    }
}

static void write_str(FILE *out, tpy_object_t *s)
{
    fwrite(TPY_STR_DATA(s), 1, (size_t)TPY_STR_LEN(s), out);
}

/* The notes add_note() attached, after the exception line: each note of a
 * sequence on its own line (str() of a non-str note), or the repr of a
 * __notes__ that is not a sequence, with no newline -- as CPython 3.11. */
static void print_notes(FILE *out, tpy_object_t *exc)
{
    tpy_object_t **dp = tpy_object_dict_ptr(exc);
    if (dp == NULL || *dp == NULL || tpy_dict_get_cstr_borrow(*dp, "__notes__") == NULL) {
        tpy_err_clear();
        return; // the common case: no notes (and no Python code runs)
    }
    tpy_object_t *notes = tpy_object_getattr_cstr(exc, "__notes__");
    if (notes == NULL) {
        tpy_err_clear();
        return;
    }
    tpy_type_t *t = TPY_TYPE(notes);
    bool sequence = t->tp_getitem != NULL && !TPY_STR_CHECK(notes) &&
                    !TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_DICT_SUBCLASS);
    if (!sequence) {
        tpy_object_t *r = tpy_object_repr(notes);
        if (r == NULL) {
            tpy_err_clear();
            fprintf(out, "<__notes__ repr() failed>");
        } else {
            write_str(out, r);
            TPY_DECREF(r);
        }
        TPY_DECREF(notes);
        return;
    }
    intptr_t n = tpy_object_len(notes);
    for (intptr_t i = 0; i < n; i++) {
        tpy_object_t *idx = tpy_int_from_i64(i);
        tpy_object_t *note = idx ? tpy_object_getitem(notes, idx) : NULL;
        TPY_XDECREF(idx);
        if (note == NULL) {
            break;
        }
        tpy_object_t *s = TPY_STR_CHECK(note) ? tpy_newref(note) : tpy_object_str(note);
        if (s == NULL) {
            tpy_err_clear();
            fprintf(out, "<note str() failed>");
        } else {
            write_str(out, s);
            TPY_DECREF(s);
        }
        fputc('\n', out);
        TPY_DECREF(note);
    }
    tpy_err_clear();
    TPY_DECREF(notes);
}

static void print_one(FILE *out, tpy_object_t *exc)
{
    tpy_exception_t *e = (tpy_exception_t *)exc;
    if (e->traceback != NULL) {
        print_tb(out, e->traceback);
    }
    bool is_syntax = tpy_type_is_subtype(TPY_TYPE(exc), &tpy_exc_SyntaxError);
    if (is_syntax) {
        print_syntax_error_body(out, e);
    }
    print_type_name(out, TPY_TYPE(exc));
    tpy_object_t *s;
    if (is_syntax && e->args && TPY_TUPLE_SIZE(e->args) >= 1) {
        s = tpy_object_str(TPY_TUPLE_GET(e->args, 0));
    } else {
        s = tpy_object_str(exc);
    }
    if (s == NULL) {
        tpy_err_clear();
        fprintf(out, ": <exception str() failed>\n");
        return;
    }
    if (TPY_STR_LEN(s) > 0) {
        fprintf(out, ": ");
        fwrite(TPY_STR_DATA(s), 1, (size_t)TPY_STR_LEN(s), out);
    }
    TPY_DECREF(s);
    print_suggestion(out, e);
    fputc('\n', out);
    print_notes(out, exc);
}

static void print_chain(FILE *out, tpy_object_t *exc, int depth)
{
    tpy_exception_t *e = (tpy_exception_t *)exc;
    if (depth < 100) {
        if (e->cause != NULL && tpy_exc_check(e->cause)) {
            print_chain(out, e->cause, depth + 1);
            fprintf(out, "\nThe above exception was the direct cause of the following "
                         "exception:\n\n");
        } else if (e->context != NULL && !e->suppress_context && tpy_exc_check(e->context)) {
            print_chain(out, e->context, depth + 1);
            fprintf(out, "\nDuring handling of the above exception, another exception "
                         "occurred:\n\n");
        }
    }
    print_one(out, exc);
}

void tpy_print_exception(tpy_object_t *exc)
{
    tpy_sys_flush_std(); // sys.stdout has its own buffer: keep output in order
    fflush(stdout);
    tpy_object_t *saved = tpy_err_fetch();
    TPY_INCREF(exc);
    print_chain(stderr, exc, 0);
    TPY_DECREF(exc);
    fflush(stderr);
    tpy_err_restore(saved);
}

/* ---- syntax warnings ---------------------------------------------------------------- */

/* What CPython's warnings module prints for a SyntaxWarning the compiler
 * raises: "FILE:LINE: SyntaxWarning: MSG" and the stripped source line. */
void tpy_traceback_syntax_warning(const char *filename, int lineno, const char *msg);
void tpy_traceback_syntax_warning(const char *filename, int lineno, const char *msg)
{
    tpy_sys_flush_std();
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", filename, lineno, msg);
    char line[1024];
    if (source_line(filename, lineno, line, sizeof line)) {
        const char *p = line, *q = line + strlen(line);
        while (*p == ' ' || *p == '\t' || *p == '\f') {
            p++;
        }
        while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\f' || q[-1] == '\r')) {
            q--;
        }
        if (q > p) {
            fprintf(stderr, "  %.*s\n", (int)(q - p), p);
        }
    }
    fflush(stderr);
}

/* ---- syntax errors ------------------------------------------------------------------ */

void tpy_raise_syntax_error(const tpy_syntax_error_t *err, const char *filename, const char *src,
                            size_t len)
{
    if (err->kind == TPY_SYNERR_NOMEM) {
        tpy_err_no_memory();
        return;
    }
    tpy_type_t *type = err->kind == TPY_SYNERR_INDENT ? &tpy_exc_IndentationError
                       : err->kind == TPY_SYNERR_TAB  ? &tpy_exc_TabError
                                                      : &tpy_exc_SyntaxError;
    // the offending line's text
    const char *p = src, *end = src + len;
    for (int l = 1; l < err->lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            p = end;
            break;
        }
        p = nl + 1;
    }
    const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
    size_t linelen = p < end ? (nl ? (size_t)(nl - p + 1) : (size_t)(end - p)) : 0;
    if (linelen > 8192) {
        linelen = 8192;
    }
    tpy_object_t *text = linelen > 0 ? tpy_str_decode_utf8(p, linelen) : NULL;
    if (text == NULL) {
        tpy_err_clear();
        text = tpy_newref(tpy_none);
    }
    long offset = -1, end_offset = -1;
    bool no_end = err->end_col == -1 && err->end_lineno == err->lineno;
    if (err->col >= 0 && p < end) {
        size_t c = (size_t)err->col < linelen ? (size_t)err->col : linelen;
        offset = (long)utf8_chars(p, c) + 1;
        size_t ec = err->end_lineno == err->lineno && err->end_col >= 0
                        ? ((size_t)err->end_col < linelen ? (size_t)err->end_col : linelen)
                        : c + 1;
        end_offset = (long)utf8_chars(p, ec) + 1;
        if (err->end_lineno == err->lineno && (size_t)err->end_col > linelen) {
            end_offset = (long)utf8_chars(p, linelen) + 1 + (long)((size_t)err->end_col - linelen);
        }
        if (err->end_lineno > err->lineno && err->end_col >= 0) {
            // the end column counts characters of the span's last line
            const char *q = nl != NULL ? nl + 1 : end;
            for (int l = err->lineno + 1; l < err->end_lineno && q < end; l++) {
                const char *qn = memchr(q, '\n', (size_t)(end - q));
                q = qn != NULL ? qn + 1 : end;
            }
            size_t qlen = (size_t)(end - q);
            size_t qc = (size_t)err->end_col < qlen ? (size_t)err->end_col : qlen;
            end_offset = (long)utf8_chars(q, qc) + 1;
        } else if (end_offset <= offset) {
            end_offset = offset + 1;
        }
    }
    if (no_end) {
        end_offset = -1;
    }
    tpy_object_t *msg = tpy_str_from_cstr(err->msg);
    tpy_object_t *fn = tpy_str_from_cstr(filename);
    tpy_object_t *ln = tpy_int_from_i64(err->lineno);
    tpy_object_t *off = offset >= 0 ? tpy_int_from_i64(offset) : tpy_newref(tpy_none);
    tpy_object_t *eln = tpy_int_from_i64(err->end_lineno > 0 ? err->end_lineno : err->lineno);
    tpy_object_t *eoff = end_offset >= 0 || no_end ? tpy_int_from_i64(end_offset)
                                                    : tpy_newref(tpy_none);
    tpy_object_t *info = NULL, *args = NULL;
    if (msg && fn && ln && off && eln && eoff) {
        info = tpy_tuple_pack(6, fn, ln, off, text, eln, eoff);
    }
    if (info != NULL) {
        args = tpy_tuple_pack(2, msg, info);
    }
    if (args != NULL) {
        tpy_object_t *exc = tpy_exc_new(type, args);
        if (exc != NULL) {
            tpy_err_restore(exc);
        }
    }
    TPY_XDECREF(msg);
    TPY_XDECREF(fn);
    TPY_XDECREF(ln);
    TPY_XDECREF(off);
    TPY_XDECREF(eln);
    TPY_XDECREF(eoff);
    TPY_XDECREF(info);
    TPY_XDECREF(args);
    TPY_DECREF(text);
}
