/*
 * runtime/dictviews.c - dict_keys, dict_values and dict_items.
 *
 * A view holds only its dict: len, iteration and `in` read the live table.
 * keys and items views are set-like (CPython's collections.abc.Set
 * behaviour): comparisons with sets and views by containment, and & | - ^
 * returning new sets built exactly as CPython 3.11 builds them (so the
 * iteration order of the result matches).  values views are neither.
 * repr is "dict_keys(['a'])", "..." when a view is reached again while its
 * own repr is being built.  The iterators of dicts and views live here too:
 * one that meets a dict of another size than at its start raises
 * "dictionary changed size during iteration" (and stays exhausted).
 */
#include "runtime/runtime.h"
#include "runtime/setobject.h"

typedef struct {
    tpy_object_t ob;
    tpy_object_t *dict;
} dictview_t;

#define VIEW_DICT(op) (((dictview_t *)(op))->dict)
#define IS_KEYS_VIEW(op) (TPY_TYPE(op) == &tpy_dictkeys_type)
#define IS_ITEMS_VIEW(op) (TPY_TYPE(op) == &tpy_dictitems_type)
#define IS_SETLIKE_VIEW(op) (IS_KEYS_VIEW(op) || IS_ITEMS_VIEW(op))

tpy_object_t *tpy_dictview_new(tpy_object_t *d, tpy_type_t *type)
{
    dictview_t *v = (dictview_t *)tpy_gc_new(type, sizeof(dictview_t));
    if (v == NULL) {
        return tpy_err_no_memory();
    }
    v->dict = tpy_newref(d);
    tpy_gc_track(TPY_OBJ(v));
    return TPY_OBJ(v);
}

static void view_dealloc(tpy_object_t *op)
{
    tpy_gc_untrack(op);
    TPY_CLEAR(VIEW_DICT(op));
    tpy_gc_free(op, sizeof(dictview_t));
}

static int view_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    return VIEW_DICT(op) != NULL ? visit(VIEW_DICT(op), arg) : 0;
}

static int view_clear(tpy_object_t *op)
{
    TPY_CLEAR(VIEW_DICT(op));
    return 0;
}

static intptr_t view_len(tpy_object_t *op)
{
    return TPY_DICT_SIZE(VIEW_DICT(op));
}

static int view_kind(tpy_object_t *op)
{
    return IS_KEYS_VIEW(op) ? TPY_DICT_KEYS : IS_ITEMS_VIEW(op) ? TPY_DICT_ITEMS : TPY_DICT_VALUES;
}

static tpy_object_t *view_iter(tpy_object_t *op)
{
    return tpy_dictiter_new(VIEW_DICT(op), view_kind(op), false);
}

static tpy_object_t *view_reversed_meth(tpy_object_t *self, tpy_object_t *const *args,
                                        size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__reversed__", nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_dictiter_new(VIEW_DICT(self), view_kind(self), true);
}

static tpy_object_t *view_repr(tpy_object_t *op)
{
    int r = tpy_repr_enter(op);
    if (r != 0) {
        return r > 0 ? tpy_str_from_cstr("...") : NULL;
    }
    tpy_object_t *res = NULL;
    tpy_object_t *list = tpy_sequence_list(op);
    if (list != NULL) {
        res = tpy_str_from_format("%s(%R)", TPY_TYPE(op)->tp_name, list);
        TPY_DECREF(list);
    }
    tpy_repr_leave(op);
    return res;
}

static int keys_contains(tpy_object_t *op, tpy_object_t *key)
{
    return tpy_dict_contains(VIEW_DICT(op), key);
}

static int items_contains(tpy_object_t *op, tpy_object_t *item)
{
    if (!TPY_TUPLE_CHECK(item) || TPY_TUPLE_SIZE(item) != 2) {
        return 0;
    }
    tpy_object_t *v = tpy_dict_get_borrow(VIEW_DICT(op), TPY_TUPLE_GET(item, 0));
    if (v == NULL) {
        return tpy_err_occurred() ? -1 : 0;
    }
    TPY_INCREF(v);
    int r = tpy_object_richcompare_bool(v, TPY_TUPLE_GET(item, 1), TPY_CMP_EQ);
    TPY_DECREF(v);
    return r;
}

static int values_contains(tpy_object_t *op, tpy_object_t *x)
{
    tpy_object_t *it = view_iter(op);
    if (it == NULL) {
        return -1;
    }
    int r = 0;
    tpy_object_t *v;
    while (r == 0 && (v = TPY_TYPE(it)->tp_iternext(it)) != NULL) {
        r = tpy_object_richcompare_bool(v, x, TPY_CMP_EQ);
        TPY_DECREF(v);
    }
    if (r == 0 && tpy_err_occurred()) {
        r = -1;
    }
    TPY_DECREF(it);
    return r;
}

// 1 when every item of [a] is in [b], 0 if not, -1 on error.
static int all_contained_in(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *it = tpy_object_getiter(a);
    if (it == NULL) {
        return -1;
    }
    int ok = 1;
    tpy_object_t *x;
    while (ok == 1 && (x = tpy_iter_next(it)) != NULL) {
        ok = tpy_object_contains(b, x);
        TPY_DECREF(x);
    }
    if (ok == 1 && tpy_err_occurred()) {
        ok = -1;
    }
    TPY_DECREF(it);
    return ok;
}

static tpy_object_t *view_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (!IS_SETLIKE_VIEW(a) || (!TPY_ANYSET_CHECK(b) && !IS_SETLIKE_VIEW(b))) {
        TPY_RETURN_NOTIMPL;
    }
    intptr_t la = tpy_object_len(a), lb = tpy_object_len(b);
    if (la < 0 || lb < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case TPY_CMP_EQ:
    case TPY_CMP_NE:
        if (la == lb) {
            ok = all_contained_in(a, b);
        }
        if (op == TPY_CMP_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case TPY_CMP_LT:
        ok = la < lb ? all_contained_in(a, b) : 0;
        break;
    case TPY_CMP_LE:
        ok = la <= lb ? all_contained_in(a, b) : 0;
        break;
    case TPY_CMP_GT:
        ok = la > lb ? all_contained_in(b, a) : 0;
        break;
    default:
        ok = la >= lb ? all_contained_in(b, a) : 0;
        break;
    }
    if (ok < 0) {
        return NULL;
    }
    return tpy_bool_from(ok);
}

// set(left) for the set operations; a keys view of an exact dict copies the dict's keys.
static tpy_object_t *view_to_set(tpy_object_t *left)
{
    if (IS_KEYS_VIEW(left) && TPY_DICT_CHECK_EXACT(VIEW_DICT(left))) {
        left = VIEW_DICT(left);
    }
    return tpy_set_new(left);
}

static bool view_binop_applies(tpy_object_t *a, tpy_object_t *b)
{
    return IS_SETLIKE_VIEW(a) || IS_SETLIKE_VIEW(b);
}

static tpy_object_t *view_call_set_method(tpy_object_t *a, tpy_object_t *b, const char *method)
{
    tpy_object_t *res = view_to_set(a);
    if (res == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_call_method(res, method, &b, 1);
    if (r == NULL) {
        TPY_DECREF(res);
        return NULL;
    }
    TPY_DECREF(r);
    return res;
}

static tpy_object_t *view_sub(tpy_object_t *a, tpy_object_t *b)
{
    if (!view_binop_applies(a, b)) {
        TPY_RETURN_NOTIMPL;
    }
    return view_call_set_method(a, b, "difference_update");
}

static tpy_object_t *view_or(tpy_object_t *a, tpy_object_t *b)
{
    if (!view_binop_applies(a, b)) {
        TPY_RETURN_NOTIMPL;
    }
    return view_call_set_method(a, b, "update");
}

/* items ^ items: the pairs present in exactly one of the dicts. */
static tpy_object_t *items_xor(tpy_object_t *a, tpy_object_t *b)
{
    tpy_object_t *tmp = tpy_dict_copy(VIEW_DICT(a));
    tpy_object_t *res = tmp != NULL ? tpy_set_new(NULL) : NULL;
    tpy_object_t *d2 = VIEW_DICT(b);
    if (res == NULL) {
        goto error;
    }
    intptr_t pos = 0;
    tpy_object_t *key, *val2;
    int64_t hash;
    while (tpy_dict_next_hash(d2, &pos, &key, &val2, &hash)) {
        TPY_INCREF(key);
        TPY_INCREF(val2);
        int to_delete = 0, err = 0;
        tpy_object_t *val1 = tpy_dict_get_hash_borrow(tmp, key, hash);
        if (val1 != NULL) {
            TPY_INCREF(val1);
            to_delete = tpy_object_richcompare_bool(val1, val2, TPY_CMP_EQ);
            TPY_DECREF(val1);
        } else if (tpy_err_occurred()) {
            to_delete = -1;
        }
        if (to_delete < 0) {
            err = -1;
        } else if (to_delete) {
            err = tpy_dict_discard_hash(tmp, key, hash) < 0 ? -1 : 0;
        } else {
            tpy_object_t *pair = tpy_tuple_pack(2, key, val2);
            err = pair == NULL ? -1 : tpy_set_add(res, pair);
            TPY_XDECREF(pair);
        }
        TPY_DECREF(key);
        TPY_DECREF(val2);
        if (err < 0) {
            goto error;
        }
    }
    tpy_object_t *rest = tpy_dictview_new(tmp, &tpy_dictitems_type);
    if (rest == NULL) {
        goto error;
    }
    int err = tpy_set_update(res, rest);
    TPY_DECREF(rest);
    if (err < 0) {
        goto error;
    }
    TPY_DECREF(tmp);
    return res;
error:
    TPY_XDECREF(tmp);
    TPY_XDECREF(res);
    return NULL;
}

static tpy_object_t *view_xor(tpy_object_t *a, tpy_object_t *b)
{
    if (!view_binop_applies(a, b)) {
        TPY_RETURN_NOTIMPL;
    }
    if (IS_ITEMS_VIEW(a) && IS_ITEMS_VIEW(b)) {
        return items_xor(a, b);
    }
    return view_call_set_method(a, b, "symmetric_difference_update");
}

static tpy_object_t *view_and(tpy_object_t *self, tpy_object_t *other)
{
    if (!view_binop_applies(self, other)) {
        TPY_RETURN_NOTIMPL;
    }
    if (!IS_SETLIKE_VIEW(self)) {
        tpy_object_t *t = self;
        self = other;
        other = t;
    }
    intptr_t len_self = view_len(self);
    if (TPY_TYPE(other) == &tpy_set_type && len_self <= tpy_set_size(other)) {
        return tpy_object_call_method(other, "intersection", &self, 1);
    }
    if (IS_SETLIKE_VIEW(other) && view_len(other) > len_self) {
        tpy_object_t *t = self;
        self = other;
        other = t;
    }
    tpy_object_t *res = tpy_set_new(NULL);
    if (res == NULL) {
        return NULL;
    }
    tpy_object_t *it = tpy_object_getiter(other);
    if (it == NULL) {
        TPY_DECREF(res);
        return NULL;
    }
    int (*contains)(tpy_object_t *, tpy_object_t *) =
        IS_KEYS_VIEW(self) ? keys_contains : items_contains;
    tpy_object_t *x;
    while ((x = tpy_iter_next(it)) != NULL) {
        int k = contains(self, x);
        if (k > 0) {
            k = tpy_set_add(res, x);
        }
        TPY_DECREF(x);
        if (k < 0) {
            TPY_DECREF(it);
            TPY_DECREF(res);
            return NULL;
        }
    }
    TPY_DECREF(it);
    if (tpy_err_occurred()) {
        TPY_DECREF(res);
        return NULL;
    }
    return res;
}

static tpy_object_t *view_isdisjoint(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    if (tpy_check_one_arg("isdisjoint", nargs, kwnames) < 0) {
        return NULL;
    }
    tpy_object_t *other = args[0];
    if (other == self) {
        return tpy_bool_from(view_len(self) == 0);
    }
    if (TPY_ANYSET_CHECK(other) || IS_SETLIKE_VIEW(other)) {
        intptr_t lo = tpy_object_len(other);
        if (lo < 0) {
            return NULL;
        }
        if (lo > view_len(self)) {
            tpy_object_t *t = self;
            self = other;
            other = t;
        }
    }
    tpy_object_t *it = tpy_object_getiter(other);
    if (it == NULL) {
        return NULL;
    }
    int found = 0;
    tpy_object_t *x;
    while (found == 0 && (x = tpy_iter_next(it)) != NULL) {
        found = tpy_object_contains(self, x);
        TPY_DECREF(x);
    }
    TPY_DECREF(it);
    if (found < 0 || (found == 0 && tpy_err_occurred())) {
        return NULL;
    }
    return tpy_bool_from(found == 0);
}

static const tpy_methoddef_t setview_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, NULL},
    {"__reversed__", view_reversed_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const tpy_methoddef_t valuesview_methods[] = {
    {"__reversed__", view_reversed_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

#define SETVIEW_BINOPS                                                                            \
    {                                                                                             \
        [TPY_BINOP_SUB] = view_sub, [TPY_BINOP_AND] = view_and, [TPY_BINOP_OR] = view_or,         \
        [TPY_BINOP_XOR] = view_xor                                                                \
    }

tpy_type_t tpy_dictkeys_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(dictview_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_traverse = view_traverse,
    .tp_clear = view_clear,
    .tp_iter = view_iter,
    .tp_binop = TPY_BINOP_TABLE SETVIEW_BINOPS,
    .tp_len = view_len,
    .tp_contains = keys_contains,
    .tp_methods = setview_methods,
};

tpy_type_t tpy_dictitems_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(dictview_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_traverse = view_traverse,
    .tp_clear = view_clear,
    .tp_iter = view_iter,
    .tp_binop = TPY_BINOP_TABLE SETVIEW_BINOPS,
    .tp_len = view_len,
    .tp_contains = items_contains,
    .tp_methods = setview_methods,
};

tpy_type_t tpy_dictvalues_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(dictview_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_traverse = view_traverse,
    .tp_clear = view_clear,
    .tp_iter = view_iter,
    .tp_len = view_len,
    .tp_contains = values_contains,
    .tp_methods = valuesview_methods,
};

/* ---- iterators ---------------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *dict;   // NULL once exhausted
    intptr_t used;        // d->used when created: any change is an error
    intptr_t pos;         // next entry to look at (reverse: the entry before it)
    intptr_t len;         // items still expected
    tpy_object_t *result; // items iterators: a 2-tuple recycled when unshared
} dictiter_t;

static tpy_type_t dictvalueiter_type, dictitemiter_type;
static tpy_type_t dictrevkeyiter_type, dictrevvalueiter_type, dictrevitemiter_type;

tpy_object_t *tpy_dictiter_new(tpy_object_t *d, int kind, bool reverse)
{
    static tpy_type_t *const types[2][3] = {
        {&tpy_dictiter_type, &dictvalueiter_type, &dictitemiter_type},
        {&dictrevkeyiter_type, &dictrevvalueiter_type, &dictrevitemiter_type},
    };
    tpy_object_t *result = NULL;
    if (kind == TPY_DICT_ITEMS) {
        result = tpy_tuple_pack(2, tpy_none, tpy_none);
        if (result == NULL) {
            return NULL;
        }
    }
    dictiter_t *it = (dictiter_t *)tpy_gc_new(types[reverse][kind], sizeof(dictiter_t));
    if (it == NULL) {
        TPY_XDECREF(result);
        return tpy_err_no_memory();
    }
    it->result = result;
    it->dict = tpy_newref(d);
    it->used = TPY_DICT_SIZE(d);
    it->len = it->used;
    it->pos = reverse ? ((tpy_dict_t *)d)->nentries - 1 : 0;
    tpy_gc_track(TPY_OBJ(it));
    return TPY_OBJ(it);
}

static void dictiter_dealloc(tpy_object_t *op)
{
    dictiter_t *it = (dictiter_t *)op;
    tpy_gc_untrack(op);
    TPY_CLEAR(it->dict);
    TPY_CLEAR(it->result);
    tpy_gc_free(op, sizeof(dictiter_t));
}

static int dictiter_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg)
{
    dictiter_t *it = (dictiter_t *)op;
    int r = it->dict != NULL ? visit(it->dict, arg) : 0;
    if (r == 0 && it->result != NULL) {
        r = visit(it->result, arg);
    }
    return r;
}

static int dictiter_clear(tpy_object_t *op)
{
    dictiter_t *it = (dictiter_t *)op;
    TPY_CLEAR(it->dict);
    TPY_CLEAR(it->result);
    return 0;
}

/* Advance [it]: true with the item to yield in *[key], *[value] (borrowed),
 * false when exhausted or on error (exception set; the iterator stays in an
 * error state). */
static bool dictiter_advance(dictiter_t *it, bool reverse, tpy_object_t **key,
                             tpy_object_t **value)
{
    tpy_object_t *d = it->dict;
    if (d == NULL) {
        return false;
    }
    if (it->used != TPY_DICT_SIZE(d)) {
        tpy_err_format(&tpy_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1; // stay in error
        return false;
    }
    intptr_t i = it->pos, n = ((tpy_dict_t *)d)->nentries;
    if (reverse) {
        if (i >= n) {
            i = n - 1;
        }
        while (i >= 0 && !tpy_dict_item_at(d, i, key, value)) {
            i--;
        }
        if (i < 0) {
            goto exhausted;
        }
        it->pos = i - 1;
    } else {
        while (i < n && !tpy_dict_item_at(d, i, key, value)) {
            i++;
        }
        if (i >= n) {
            goto exhausted;
        }
        it->pos = i + 1;
    }
    if (it->len == 0) {
        tpy_err_format(&tpy_exc_RuntimeError, "dictionary keys changed during iteration");
        goto exhausted;
    }
    it->len--;
    return true;
exhausted:
    it->dict = NULL;
    TPY_DECREF(d);
    return false;
}

static tpy_object_t *dictiter_next_key(tpy_object_t *op)
{
    tpy_object_t *k, *v;
    return dictiter_advance((dictiter_t *)op, false, &k, &v) ? tpy_newref(k) : NULL;
}

static tpy_object_t *dictiter_next_value(tpy_object_t *op)
{
    tpy_object_t *k, *v;
    return dictiter_advance((dictiter_t *)op, false, &k, &v) ? tpy_newref(v) : NULL;
}

static tpy_object_t *item_result(dictiter_t *it, tpy_object_t *k, tpy_object_t *v)
{
    tpy_object_t *key = tpy_newref(k), *value = tpy_newref(v);
    tpy_object_t *r = it->result;
    if (TPY_REFCNT(r) == 1) {
        tpy_object_t *oldk = TPY_TUPLE_GET(r, 0), *oldv = TPY_TUPLE_GET(r, 1);
        TPY_TUPLE_ITEMS(r)[0] = key;
        TPY_TUPLE_ITEMS(r)[1] = value;
        TPY_INCREF(r);
        TPY_DECREF(oldk);
        TPY_DECREF(oldv);
        tpy_gc_track(r); // the collector may have untracked it
        return r;
    }
    tpy_object_t *items[2] = {key, value};
    return tpy_tuple_from_array_steal(items, 2);
}

static tpy_object_t *dictiter_next_item(tpy_object_t *op)
{
    tpy_object_t *k, *v;
    return dictiter_advance((dictiter_t *)op, false, &k, &v) ? item_result((dictiter_t *)op, k, v)
                                                             : NULL;
}

static tpy_object_t *dictreviter_next_key(tpy_object_t *op)
{
    tpy_object_t *k, *v;
    return dictiter_advance((dictiter_t *)op, true, &k, &v) ? tpy_newref(k) : NULL;
}

static tpy_object_t *dictreviter_next_value(tpy_object_t *op)
{
    tpy_object_t *k, *v;
    return dictiter_advance((dictiter_t *)op, true, &k, &v) ? tpy_newref(v) : NULL;
}

static tpy_object_t *dictreviter_next_item(tpy_object_t *op)
{
    tpy_object_t *k, *v;
    return dictiter_advance((dictiter_t *)op, true, &k, &v) ? item_result((dictiter_t *)op, k, v)
                                                            : NULL;
}

static tpy_object_t *dictiter_length_hint(tpy_object_t *op, tpy_object_t *const *args,
                                          size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_check_no_args("__length_hint__", nargs, kwnames) < 0) {
        return NULL;
    }
    dictiter_t *it = (dictiter_t *)op;
    intptr_t n = 0;
    if (it->dict != NULL && it->used == TPY_DICT_SIZE(it->dict)) {
        n = it->len;
    }
    return tpy_int_from_i64(n);
}

static const tpy_methoddef_t dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(pyname, nextfn)                                                             \
    {                                                                                             \
        .ob = TPY_STATIC_TYPE_OB, .tp_name = pyname, .tp_basicsize = sizeof(dictiter_t),          \
        .tp_flags = TPY_TPFLAGS_HAVE_GC, .tp_dealloc = dictiter_dealloc,                          \
        .tp_traverse = dictiter_traverse, .tp_clear = dictiter_clear, .tp_iter = tpy_iter_self,   \
        .tp_iternext = nextfn, .tp_methods = dictiter_methods,                                    \
    }

tpy_type_t tpy_dictiter_type = DICTITER_TYPE("dict_keyiterator", dictiter_next_key);
static tpy_type_t dictvalueiter_type = DICTITER_TYPE("dict_valueiterator", dictiter_next_value);
static tpy_type_t dictitemiter_type = DICTITER_TYPE("dict_itemiterator", dictiter_next_item);
static tpy_type_t dictrevkeyiter_type =
    DICTITER_TYPE("dict_reversekeyiterator", dictreviter_next_key);
static tpy_type_t dictrevvalueiter_type =
    DICTITER_TYPE("dict_reversevalueiterator", dictreviter_next_value);
static tpy_type_t dictrevitemiter_type =
    DICTITER_TYPE("dict_reverseitemiterator", dictreviter_next_item);

void tpy_dictviews_init(void)
{
    tpy_type_t *types[] = {
        &tpy_dictkeys_type,   &tpy_dictvalues_type,   &tpy_dictitems_type,
        &tpy_dictiter_type,   &dictvalueiter_type,    &dictitemiter_type,
        &dictrevkeyiter_type, &dictrevvalueiter_type, &dictrevitemiter_type,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        tpy_type_ready(types[i]);
    }
}
