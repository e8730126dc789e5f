/*
 * runtime/weakrefobject.c - weakref.ref, weakref.proxy and the per-referent
 * lists of weak references (CPython 3.11's Objects/weakrefobject.c behaviour).
 *
 * Invariants:
 *  - A live weakref (object != NULL) is linked into its referent's list; a dead
 *    one is linked nowhere.  The list never owns its members: a weakref's
 *    dealloc unlinks it, so every member has a positive refcount.
 *  - List order: the shared callback-less `ref` (exact type) first, then the
 *    shared callback-less proxy, then all others newest first.  Callbacks run
 *    in list order, so the newest runs first, as in CPython.
 *  - Making weakrefs dead never runs Python code; only calling the callbacks
 *    does, after every weakref to the referent is already dead (so no callback
 *    can reach the dying object).
 *  - Type objects have no weaklist field (tpy_type_t is gc/'s struct): their
 *    list heads live in a small pointer-keyed side table, one entry per type
 *    that currently has weakrefs.
 */
#include "runtime/runtime.h"

#include <string.h>

#define WR(op) ((tpy_weakref_t *)(op))

/* ---- the side table of list heads for type objects ------------------------ */

typedef struct {
    tpy_object_t *key;  // the type; NULL for an empty slot
    tpy_object_t *head; // first weakref to it
} side_entry_t;

static side_entry_t *side_table;
static size_t side_cap; // 0 or a power of two
static size_t side_used;

static size_t side_hash(tpy_object_t *key, size_t mask)
{
    uintptr_t h = (uintptr_t)key >> 4;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h >> 7) & mask;
}

static side_entry_t *side_find(tpy_object_t *key)
{
    if (side_cap == 0) {
        return NULL;
    }
    size_t mask = side_cap - 1;
    for (size_t i = side_hash(key, mask);; i = (i + 1) & mask) {
        if (side_table[i].key == key) {
            return &side_table[i];
        }
        if (side_table[i].key == NULL) {
            return NULL;
        }
    }
}

static int side_grow(void)
{
    size_t cap = side_cap ? side_cap * 2 : 8;
    side_entry_t *t = tpy_mem_alloc(cap * sizeof *t);
    if (t == NULL) {
        return -1;
    }
    memset(t, 0, cap * sizeof *t);
    for (size_t j = 0; j < side_cap; j++) {
        if (side_table[j].key != NULL) {
            size_t i = side_hash(side_table[j].key, cap - 1);
            while (t[i].key != NULL) {
                i = (i + 1) & (cap - 1);
            }
            t[i] = side_table[j];
        }
    }
    tpy_mem_free(side_table, side_cap * sizeof *side_table);
    side_table = t;
    side_cap = cap;
    return 0;
}

static side_entry_t *side_insert(tpy_object_t *key)
{
    if ((side_used + 1) * 2 > side_cap && side_grow() < 0) {
        return NULL;
    }
    size_t mask = side_cap - 1;
    size_t i = side_hash(key, mask);
    while (side_table[i].key != NULL) {
        i = (i + 1) & mask;
    }
    side_table[i].key = key;
    side_table[i].head = NULL;
    side_used++;
    return &side_table[i];
}

/* Remove [key]'s entry, shifting the following run back (no tombstones). */
static void side_remove(tpy_object_t *key)
{
    side_entry_t *e = side_find(key);
    if (e == NULL) {
        return;
    }
    size_t mask = side_cap - 1;
    size_t hole = (size_t)(e - side_table);
    for (size_t i = (hole + 1) & mask; side_table[i].key != NULL; i = (i + 1) & mask) {
        size_t home = side_hash(side_table[i].key, mask);
        // move i into the hole unless its home lies cyclically in (hole, i]
        bool stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
        if (!stays) {
            side_table[hole] = side_table[i];
            hole = i;
        }
    }
    side_table[hole].key = NULL;
    side_table[hole].head = NULL;
    if (--side_used == 0) {
        tpy_mem_free(side_table, side_cap * sizeof *side_table);
        side_table = NULL;
        side_cap = 0;
    }
}

/* ---- the per-referent list ------------------------------------------------ */

static bool is_type_object(tpy_object_t *obj)
{
    return TPY_TYPE_HAS_FLAG(TPY_TYPE(obj), TPY_TPFLAGS_TYPE_SUBCLASS);
}

bool tpy_weakref_supported(tpy_object_t *obj)
{
    return TPY_TYPE(obj)->tp_weaklistoffset > 0 || is_type_object(obj);
}

/* Where [obj]'s list head lives, or NULL when it has none.  For a type the
 * slot is in the side table: created when [create] (NULL on exhaustion), and
 * valid only until the side table next changes. */
static tpy_object_t **head_slot(tpy_object_t *obj, bool create)
{
    intptr_t off = TPY_TYPE(obj)->tp_weaklistoffset;
    if (off > 0) {
        return (tpy_object_t **)((char *)obj + off);
    }
    if (!is_type_object(obj)) {
        return NULL;
    }
    side_entry_t *e = side_find(obj);
    if (e == NULL && create) {
        e = side_insert(obj);
    }
    return e ? &e->head : NULL;
}

static tpy_object_t *first_ref(tpy_object_t *obj)
{
    tpy_object_t **head = head_slot(obj, false);
    return head ? *head : NULL;
}

/* The shared callback-less ref and proxy at the front of a list, if any. */
static void basic_refs(tpy_object_t *first, tpy_weakref_t **ref, tpy_weakref_t **proxy)
{
    tpy_weakref_t *w = WR(first);
    *ref = *proxy = NULL;
    if (w != NULL && TPY_TYPE(w) == &tpy_weakref_type && w->callback == NULL) {
        *ref = w;
        w = w->next;
    }
    if (w != NULL && TPY_WEAKPROXY_CHECK(w) && w->callback == NULL) {
        *proxy = w;
    }
}

static void insert_head(tpy_weakref_t *wr, tpy_object_t **head)
{
    tpy_weakref_t *next = WR(*head);
    wr->prev = NULL;
    wr->next = next;
    if (next != NULL) {
        next->prev = wr;
    }
    *head = TPY_OBJ(wr);
}

static void insert_after(tpy_weakref_t *wr, tpy_weakref_t *prev)
{
    wr->prev = prev;
    wr->next = prev->next;
    if (prev->next != NULL) {
        prev->next->prev = wr;
    }
    prev->next = wr;
}

/* Make the live weakref [wr] dead: unlink it from its referent's list. */
static void kill(tpy_weakref_t *wr)
{
    tpy_object_t *obj = wr->object;
    if (wr->prev != NULL) {
        wr->prev->next = wr->next;
    } else {
        tpy_object_t **head = head_slot(obj, false);
        *head = TPY_OBJ(wr->next);
        if (*head == NULL && TPY_TYPE(obj)->tp_weaklistoffset <= 0) {
            side_remove(obj);
        }
    }
    if (wr->next != NULL) {
        wr->next->prev = wr->prev;
    }
    wr->object = NULL;
    wr->prev = wr->next = NULL;
}

/* Detach [obj]'s whole list (leaving it empty) and return its first member;
 * the members are still linked to each other and still point at [obj]. */
static tpy_weakref_t *detach_list(tpy_object_t *obj)
{
    tpy_object_t **head = head_slot(obj, false);
    if (head == NULL || *head == NULL) {
        return NULL;
    }
    tpy_weakref_t *first = WR(*head);
    *head = NULL;
    if (TPY_TYPE(obj)->tp_weaklistoffset <= 0) {
        side_remove(obj);
    }
    return first;
}

intptr_t tpy_weakref_count(tpy_object_t *obj)
{
    intptr_t n = 0;
    for (tpy_weakref_t *w = WR(first_ref(obj)); w != NULL; w = w->next) {
        n++;
    }
    return n;
}

tpy_object_t *tpy_weakref_list(tpy_object_t *obj)
{
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    for (tpy_weakref_t *w = WR(first_ref(obj)); w != NULL; w = w->next) {
        if (tpy_list_append(list, TPY_OBJ(w)) < 0) {
            TPY_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* ---- clearing: at the referent's death, and for the collector -------------- */

/* Call the callback taken out of [wr], reporting an error as unraisable. */
static void fire(tpy_weakref_t *wr)
{
    tpy_object_t *cb = wr->callback;
    if (cb == NULL) {
        return;
    }
    wr->callback = NULL;
    tpy_object_t *r = tpy_object_call1(cb, TPY_OBJ(wr));
    if (r == NULL) {
        tpy_err_write_unraisable(cb);
    } else {
        TPY_DECREF(r);
    }
    TPY_DECREF(cb);
}

void tpy_weakref_clear_refs(tpy_object_t *obj)
{
    tpy_weakref_t *w = detach_list(obj);
    if (w == NULL) {
        return;
    }
    // Kill them all first; chain the ones with a callback through their (now
    // unused) next links, holding a reference to each.
    tpy_weakref_t *pending = NULL, *tail = NULL;
    while (w != NULL) {
        tpy_weakref_t *next = w->next;
        w->object = NULL;
        w->prev = w->next = NULL;
        if (w->callback != NULL && TPY_REFCNT(w) > 0) {
            TPY_INCREF(w);
            if (tail == NULL) {
                pending = w;
            } else {
                tail->next = w;
            }
            tail = w;
        }
        w = next;
    }
    if (pending == NULL) {
        return;
    }
    tpy_object_t *saved = tpy_err_fetch();
    while (pending != NULL) {
        tpy_weakref_t *next = pending->next;
        pending->next = NULL;
        fire(pending);
        TPY_DECREF(pending);
        pending = next;
    }
    tpy_err_restore(saved);
}

void tpy_weakref_clear_for_gc(tpy_object_t *obj, tpy_weakref_visit_fn with_callback, void *arg)
{
    if (TPY_ANY_WEAKREF_CHECK(obj) && WR(obj)->object != NULL) {
        kill(WR(obj));
    }
    tpy_weakref_t *w = detach_list(obj);
    while (w != NULL) {
        tpy_weakref_t *next = w->next;
        w->object = NULL;
        w->prev = w->next = NULL;
        if (w->callback != NULL && with_callback != NULL) {
            with_callback(TPY_OBJ(w), arg);
        }
        w = next;
    }
}

void tpy_weakref_call_callback(tpy_object_t *wr)
{
    if (WR(wr)->callback == NULL) {
        return;
    }
    TPY_INCREF(wr);
    tpy_object_t *saved = tpy_err_fetch();
    fire(WR(wr));
    tpy_err_restore(saved);
    TPY_DECREF(wr);
}

/* ---- creation ------------------------------------------------------------- */

static tpy_object_t *cannot_create(tpy_object_t *obj)
{
    return tpy_err_format(&tpy_exc_TypeError, "cannot create weak reference to '%s' object",
                          TPY_TYPE(obj)->tp_name);
}

/* A new weakref of [type] to [obj], linked after [prev] (or at the head when
 * [prev] is NULL), tracked.  [callback] NULL or a callable (borrowed). */
static tpy_object_t *make_ref(tpy_type_t *type, tpy_object_t *obj, tpy_object_t *callback,
                              bool at_head_or_after_ref)
{
    tpy_weakref_t *wr = (tpy_weakref_t *)tpy_type_generic_alloc(type, 0);
    if (wr == NULL) {
        return NULL;
    }
    tpy_object_t **head = head_slot(obj, true);
    if (head == NULL) {
        TPY_DECREF(wr);
        return tpy_err_no_memory();
    }
    wr->object = obj;
    wr->callback = callback ? tpy_newref(callback) : NULL;
    wr->hash = -1;
    tpy_weakref_t *ref, *proxy;
    basic_refs(*head, &ref, &proxy);
    tpy_weakref_t *prev;
    if (at_head_or_after_ref) {
        // the shared ref goes first; the shared proxy right after the ref
        prev = type == &tpy_weakref_type ? NULL : ref;
    } else {
        prev = proxy != NULL ? proxy : ref;
    }
    if (prev == NULL) {
        insert_head(wr, head);
    } else {
        insert_after(wr, prev);
    }
    tpy_gc_track(TPY_OBJ(wr));
    return TPY_OBJ(wr);
}

/* ref(obj, callback) for [type] (weakref.ref or a subclass). */
static tpy_object_t *new_ref(tpy_type_t *type, tpy_object_t *obj, tpy_object_t *callback)
{
    if (!tpy_weakref_supported(obj)) {
        return cannot_create(obj);
    }
    if (callback == tpy_none) {
        callback = NULL;
    }
    if (!(type->tp_flags & TPY_TPFLAGS_READY) && tpy_weakref_init() < 0) {
        return NULL;
    }
    bool shared = callback == NULL && type == &tpy_weakref_type;
    if (shared) {
        tpy_weakref_t *ref, *proxy;
        basic_refs(first_ref(obj), &ref, &proxy);
        if (ref != NULL) {
            return tpy_newref(TPY_OBJ(ref));
        }
    }
    return make_ref(type, obj, callback, shared);
}

tpy_object_t *tpy_weakref_new(tpy_object_t *obj, tpy_object_t *callback)
{
    return new_ref(&tpy_weakref_type, obj, callback);
}

tpy_object_t *tpy_weakref_proxy(tpy_object_t *obj, tpy_object_t *callback)
{
    if (!tpy_weakref_supported(obj)) {
        return cannot_create(obj);
    }
    if (callback == tpy_none) {
        callback = NULL;
    }
    if (callback == NULL) {
        tpy_weakref_t *ref, *proxy;
        basic_refs(first_ref(obj), &ref, &proxy);
        if (proxy != NULL) {
            return tpy_newref(TPY_OBJ(proxy));
        }
    }
    if (!(tpy_weakproxy_type.tp_flags & TPY_TPFLAGS_READY) && tpy_weakref_init() < 0) {
        return NULL;
    }
    tpy_type_t *type = tpy_callable_check(obj) ? &tpy_weakcallableproxy_type : &tpy_weakproxy_type;
    return make_ref(type, obj, callback, callback == NULL);
}

/* ---- slots shared by refs and proxies ------------------------------------- */

static void weakref_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    if (WR(self)->object != NULL) {
        kill(WR(self));
    }
    TPY_CLEAR(WR(self)->callback);
    tpy_gc_free(self, TPY_TYPE(self)->tp_basicsize);
}

static int weakref_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    return WR(self)->callback ? visit(WR(self)->callback, arg) : 0;
}

static int weakref_clear(tpy_object_t *self)
{
    if (WR(self)->object != NULL) {
        kill(WR(self));
    }
    TPY_CLEAR(WR(self)->callback);
    return 0;
}

static tpy_object_t *weakref_get_callback(tpy_object_t *self)
{
    return tpy_newref(WR(self)->callback ? WR(self)->callback : tpy_none);
}

static const tpy_getsetdef_t weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL},
    {NULL, NULL, NULL},
};

/* ---- weakref.ref ----------------------------------------------------------- */

static tpy_object_t *ref_tp_new(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    if (tpy_arg_no_kw("ref", kwnames) < 0 || tpy_arg_count("__new__", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    return new_ref(type, args[0], nargs > 1 ? args[1] : NULL);
}

static int ref_init(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                    tpy_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (tpy_arg_no_kw("ref", kwnames) < 0 || tpy_arg_count("__init__", nargs, NULL, 1, 2) < 0) {
        return -1;
    }
    return 0;
}

static tpy_object_t *ref_call(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("weakref", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    tpy_object_t *obj = WR(self)->object;
    return tpy_newref(obj ? obj : tpy_none);
}

static int64_t ref_hash(tpy_object_t *self)
{
    tpy_weakref_t *wr = WR(self);
    if (wr->hash != -1) {
        return wr->hash;
    }
    if (wr->object == NULL) {
        tpy_err_format(&tpy_exc_TypeError, "weak object has gone away");
        return -1;
    }
    tpy_object_t *obj = tpy_newref(wr->object);
    int64_t h = tpy_object_hash(obj);
    TPY_DECREF(obj);
    wr->hash = h;
    return h;
}

static tpy_object_t *ref_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if ((op != TPY_CMP_EQ && op != TPY_CMP_NE) || !TPY_WEAKREF_CHECK(a) || !TPY_WEAKREF_CHECK(b)) {
        TPY_RETURN_NOTIMPL;
    }
    tpy_object_t *x = WR(a)->object, *y = WR(b)->object;
    if (x == NULL || y == NULL) {
        return tpy_bool_from((a == b) == (op == TPY_CMP_EQ));
    }
    TPY_INCREF(x);
    TPY_INCREF(y);
    tpy_object_t *r = tpy_object_richcompare(x, y, op);
    TPY_DECREF(x);
    TPY_DECREF(y);
    return r;
}

/* obj.__name__ (new reference), or NULL: absent (no exception) or an error. */
static tpy_object_t *name_of(tpy_object_t *obj)
{
    tpy_object_t *key = tpy_str_intern_cstr("__name__");
    if (key == NULL) {
        return NULL;
    }
    tpy_object_t *name = tpy_object_getattr_opt(obj, key);
    TPY_DECREF(key);
    return name;
}

static tpy_object_t *ref_repr(tpy_object_t *self)
{
    tpy_object_t *obj = WR(self)->object;
    if (obj == NULL) {
        return tpy_str_from_format("<weakref at %p; dead>", (void *)self);
    }
    TPY_INCREF(obj);
    tpy_object_t *r = NULL;
    tpy_object_t *name = name_of(obj);
    if (name == NULL && tpy_err_occurred()) {
        goto done;
    }
    if (name != NULL && TPY_STR_CHECK(name)) {
        r = tpy_str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                                TPY_TYPE(obj)->tp_name, (void *)obj, name);
    } else {
        r = tpy_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                                TPY_TYPE(obj)->tp_name, (void *)obj);
    }
done:
    TPY_XDECREF(name);
    TPY_DECREF(obj);
    return r;
}

tpy_type_t tpy_weakref_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(tpy_weakref_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_WEAKREF,
    .tp_dealloc = weakref_dealloc,
    .tp_repr = ref_repr,
    .tp_hash = ref_hash,
    .tp_richcompare = ref_richcompare,
    .tp_call = ref_call,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_new = ref_tp_new,
    .tp_init = ref_init,
    .tp_getset = weakref_getset,
};

/* ---- weakref.proxy: every operation forwarded to the referent --------------- */

/* The referent of proxy [p] (new reference), or NULL with ReferenceError. */
static tpy_object_t *unwrap(tpy_object_t *p)
{
    tpy_object_t *obj = WR(p)->object;
    if (obj == NULL) {
        return tpy_err_format(&tpy_exc_ReferenceError,
                              "weakly-referenced object no longer exists");
    }
    return tpy_newref(obj);
}

/* [o] itself, or its referent when it is a proxy (new reference either way). */
static tpy_object_t *unwrap_any(tpy_object_t *o)
{
    return TPY_WEAKPROXY_CHECK(o) ? unwrap(o) : tpy_newref(o);
}

static int64_t proxy_hash(tpy_object_t *self)
{
    tpy_err_format(&tpy_exc_TypeError, "unhashable type: '%s'", TPY_TYPE(self)->tp_name);
    return -1;
}

static tpy_object_t *proxy_repr(tpy_object_t *self)
{
    tpy_object_t *obj = WR(self)->object ? WR(self)->object : tpy_none;
    return tpy_str_from_format("<weakproxy at %p to %s at %p>", (void *)self,
                               TPY_TYPE(obj)->tp_name, (void *)obj);
}

// One forwarding slot per unary operation: unwrap, apply, release.
#define PROXY_UNARY(name, expr)                                                                   \
    static tpy_object_t *proxy_##name(tpy_object_t *self)                                         \
    {                                                                                             \
        tpy_object_t *o = unwrap(self);                                                           \
        if (o == NULL) {                                                                          \
            return NULL;                                                                          \
        }                                                                                         \
        tpy_object_t *r = (expr);                                                                 \
        TPY_DECREF(o);                                                                            \
        return r;                                                                                 \
    }

PROXY_UNARY(str, tpy_object_str(o))
PROXY_UNARY(iter, tpy_object_getiter(o))
PROXY_UNARY(neg, tpy_number_unop(o, TPY_UNOP_NEG))
PROXY_UNARY(pos, tpy_number_unop(o, TPY_UNOP_POS))
PROXY_UNARY(invert, tpy_number_unop(o, TPY_UNOP_INVERT))
PROXY_UNARY(int, tpy_object_call1(TPY_OBJ(&tpy_int_type), o))
PROXY_UNARY(float, tpy_object_call1(TPY_OBJ(&tpy_float_type), o))
PROXY_UNARY(index, tpy_number_index(o))

static tpy_object_t *proxy_iternext(tpy_object_t *self)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    tpy_object_t *r = NULL;
    if (TPY_TYPE(o)->tp_iternext == NULL) {
        tpy_err_format(&tpy_exc_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                       TPY_TYPE(o)->tp_name);
    } else {
        r = tpy_iter_next(o);
    }
    TPY_DECREF(o);
    return r;
}

static tpy_object_t *proxy_getattr(tpy_object_t *self, tpy_object_t *name)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_getattr(o, name);
    TPY_DECREF(o);
    return r;
}

static int proxy_setattr(tpy_object_t *self, tpy_object_t *name, tpy_object_t *value)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = value ? tpy_object_setattr(o, name, value) : tpy_object_delattr(o, name);
    TPY_DECREF(o);
    return r;
}

static tpy_object_t *proxy_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_object_t *x = unwrap_any(a);
    if (x == NULL) {
        return NULL;
    }
    tpy_object_t *y = unwrap_any(b);
    if (y == NULL) {
        TPY_DECREF(x);
        return NULL;
    }
    tpy_object_t *r = tpy_object_richcompare(x, y, op);
    TPY_DECREF(x);
    TPY_DECREF(y);
    return r;
}

static tpy_object_t *binop_unwrapped(tpy_object_t *a, tpy_object_t *b, int op, bool inplace)
{
    tpy_object_t *x = unwrap_any(a);
    if (x == NULL) {
        return NULL;
    }
    tpy_object_t *y = unwrap_any(b);
    if (y == NULL) {
        TPY_DECREF(x);
        return NULL;
    }
    tpy_object_t *r = inplace ? tpy_number_inplace(x, y, op) : tpy_number_binop(x, y, op);
    TPY_DECREF(x);
    TPY_DECREF(y);
    return r;
}

#define PROXY_BINOP(name, sym, d, r, i)                                                           \
    static tpy_object_t *proxy_binop_##name(tpy_object_t *a, tpy_object_t *b)                     \
    {                                                                                             \
        return binop_unwrapped(a, b, TPY_BINOP_##name, false);                                    \
    }                                                                                             \
    static tpy_object_t *proxy_inplace_##name(tpy_object_t *a, tpy_object_t *b)                   \
    {                                                                                             \
        return binop_unwrapped(a, b, TPY_BINOP_##name, true);                                     \
    }
TPY_BINOPS(PROXY_BINOP)
#undef PROXY_BINOP

static int proxy_bool(tpy_object_t *self)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = tpy_object_is_true(o);
    TPY_DECREF(o);
    return r;
}

static intptr_t proxy_len(tpy_object_t *self)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    intptr_t r = tpy_object_len(o);
    TPY_DECREF(o);
    return r;
}

static tpy_object_t *proxy_getitem(tpy_object_t *self, tpy_object_t *key)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_getitem(o, key);
    TPY_DECREF(o);
    return r;
}

static int proxy_setitem(tpy_object_t *self, tpy_object_t *key, tpy_object_t *value)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = value ? tpy_object_setitem(o, key, value) : tpy_object_delitem(o, key);
    TPY_DECREF(o);
    return r;
}

static int proxy_contains(tpy_object_t *self, tpy_object_t *item)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = tpy_object_contains(o, item);
    TPY_DECREF(o);
    return r;
}

static tpy_object_t *proxy_call(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    tpy_object_t *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_call(o, args, nargs, kwnames);
    TPY_DECREF(o);
    return r;
}

#define PROXY_SLOTS                                                                               \
    .tp_basicsize = sizeof(tpy_weakref_t), .tp_flags = TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_WEAKREF,                       \
    .tp_dealloc = weakref_dealloc, .tp_repr = proxy_repr, .tp_str = proxy_str,                    \
    .tp_hash = proxy_hash, .tp_richcompare = proxy_richcompare, .tp_getattro = proxy_getattr,     \
    .tp_setattro = proxy_setattr, .tp_traverse = weakref_traverse, .tp_clear = weakref_clear,     \
    .tp_iter = proxy_iter, .tp_iternext = proxy_iternext, .tp_bool = proxy_bool,                  \
    .tp_int = proxy_int, .tp_float = proxy_float, .tp_index = proxy_index, .tp_len = proxy_len,   \
    .tp_getitem = proxy_getitem, .tp_setitem = proxy_setitem, .tp_contains = proxy_contains,      \
    .tp_unop = {proxy_neg, proxy_pos, proxy_invert}

#define PROXY_BINOP_SLOT(name, sym, d, r, i) [TPY_BINOP_##name] = proxy_binop_##name,
#define PROXY_INPLACE_SLOT(name, sym, d, r, i) [TPY_BINOP_##name] = proxy_inplace_##name,

tpy_type_t tpy_weakproxy_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "weakref.ProxyType",
    PROXY_SLOTS,
    .tp_binop = TPY_BINOP_TABLE{TPY_BINOPS(PROXY_BINOP_SLOT)},
    .tp_inplace = TPY_BINOP_TABLE{TPY_BINOPS(PROXY_INPLACE_SLOT)},
};

tpy_type_t tpy_weakcallableproxy_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "weakref.CallableProxyType",
    PROXY_SLOTS,
    .tp_call = proxy_call,
    .tp_binop = TPY_BINOP_TABLE{TPY_BINOPS(PROXY_BINOP_SLOT)},
    .tp_inplace = TPY_BINOP_TABLE{TPY_BINOPS(PROXY_INPLACE_SLOT)},
};

/* ---- start-up ------------------------------------------------------------- */

int tpy_weakref_init(void)
{
    // No weak reference exists before the types are ready, so the collector
    // needs these hooks from now on (gc/gcmodule.c may have installed them).
    if (tpy_gc_hooks.clear_weakrefs == NULL) {
        tpy_gc_hooks.clear_weakrefs = tpy_weakref_clear_for_gc;
    }
    if (tpy_gc_hooks.call_weakref_callback == NULL) {
        tpy_gc_hooks.call_weakref_callback = tpy_weakref_call_callback;
    }
    tpy_type_t *types[] = {&tpy_weakref_type, &tpy_weakproxy_type, &tpy_weakcallableproxy_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (!(types[i]->tp_flags & TPY_TPFLAGS_READY) && tpy_type_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
