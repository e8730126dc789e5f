/*
 * runtime/weakrefobject.h - weak references (weakref.ref) and weak proxies
 * (weakref.proxy), and the hooks every weakly referenceable type calls.
 *
 * A weak reference does not own its referent: the referent keeps the head of
 * a doubly linked list of the weak references to it (at tp_weaklistoffset;
 * type objects, which have no such field, in a side table), and its
 * tp_dealloc calls tpy_weakref_clear_refs() to make them all dead and run
 * their callbacks.  The list is ordered as CPython orders it, because
 * getweakrefs() and the order callbacks run in show it: the callback-less
 * `ref` first, then the callback-less proxy, then every other one newest
 * first.  A weakref or proxy is a GC container that owns only its callback.
 */
#ifndef TPY_RUNTIME_WEAKREFOBJECT_H
#define TPY_RUNTIME_WEAKREFOBJECT_H

#include "gc/gc.h"

typedef struct tpy_weakref {
    tpy_object_t ob;
    tpy_object_t *object;            // the referent (NOT owned); NULL once dead
    tpy_object_t *callback;          // owned; NULL when none (or already called)
    int64_t hash;                    // the referent's hash once computed, else -1
    struct tpy_weakref *prev, *next; // neighbours in the referent's list
    void *reserved;                  // unused: keeps CPython's size (sys.getsizeof 80)
} tpy_weakref_t;

extern tpy_type_t tpy_weakref_type;           // weakref.ReferenceType (weakref.ref)
extern tpy_type_t tpy_weakproxy_type;         // weakref.ProxyType
extern tpy_type_t tpy_weakcallableproxy_type; // weakref.CallableProxyType

#define TPY_WEAKREF_CHECK(op) TPY_ISINSTANCE(op, &tpy_weakref_type)
#define TPY_WEAKPROXY_CHECK(op)                                                                   \
    (TPY_TYPE(op) == &tpy_weakproxy_type || TPY_TYPE(op) == &tpy_weakcallableproxy_type)
// A ref, a ref subclass instance or a proxy: anything with the tpy_weakref_t layout.
#define TPY_ANY_WEAKREF_CHECK(op) (TPY_WEAKREF_CHECK(op) || TPY_WEAKPROXY_CHECK(op))

// Ready the three types (idempotent) and, unless gc/gcmodule.c already did,
// install the two collector hooks below into tpy_gc_hooks.  0 or -1.  The
// _weakref module and the constructors call it; no weakref exists before.
int tpy_weakref_init(void);

// Can [obj] be weakly referenced?  (Instances of classes, functions, bound
// methods, classes, sets, generators, modules; not int, str, list, ...)
bool tpy_weakref_supported(tpy_object_t *obj);

// weakref.ref(obj, callback): new reference.  [callback] may be NULL or None
// (no callback); a callback-less ref to [obj] is shared.  TypeError "cannot
// create weak reference to 'list' object" for unsupported objects.
tpy_object_t *tpy_weakref_new(tpy_object_t *obj, tpy_object_t *callback);
// weakref.proxy(obj, callback): a ProxyType, or CallableProxyType when [obj]
// is callable.  Same rules as tpy_weakref_new.
tpy_object_t *tpy_weakref_proxy(tpy_object_t *obj, tpy_object_t *callback);
// The referent of the weakref or proxy [wr] (borrowed), NULL when it is dead.
static inline tpy_object_t *tpy_weakref_get_borrow(tpy_object_t *wr)
{
    return ((tpy_weakref_t *)wr)->object;
}
// weakref.getweakrefcount(obj): how many weakrefs and proxies refer to [obj].
intptr_t tpy_weakref_count(tpy_object_t *obj);
// weakref.getweakrefs(obj): a new list of them, in list order.
tpy_object_t *tpy_weakref_list(tpy_object_t *obj);

/*
 * For the tp_dealloc of every weakly referenceable type, before it drops any
 * field: make every weak reference to [obj] dead, then call their callbacks
 * (newest first) with the dead weakref as the argument.  A callback that
 * raises is reported as unraisable ("Exception ignored in: <function ...>");
 * the current exception, if any, is kept.  Runs Python code; callbacks may
 * create or drop other weakrefs.  Cheap when there is no weakref.
 */
void tpy_weakref_clear_refs(tpy_object_t *obj);

/* ---- collector support (installed as tpy_gc_hooks.clear_weakrefs / call_weakref_callback) */

typedef void (*tpy_weakref_visit_fn)(tpy_object_t *wr, void *arg);
// Clear every weak reference and proxy to [obj] (they become dead: calling
// returns None) WITHOUT calling any callback; for each cleared one that has a
// callback, call with_callback(wr, arg) (the collector takes its own
// reference if it queues it).  If [obj] is itself a weakref or proxy, it is
// cleared too (unlinked from its referent, its callback dropped), so that it
// never fires while it is garbage.  Never runs Python code.
void tpy_weakref_clear_for_gc(tpy_object_t *obj, tpy_weakref_visit_fn with_callback, void *arg);
// Call [wr]'s callback (taken out of [wr]) with wr as the argument; an
// exception goes to the unraisable hook ("Exception ignored in: <callback
// repr>").  Nothing happens when [wr] has no callback.  Runs Python code.
void tpy_weakref_call_callback(tpy_object_t *wr);

/* ---- the _weakref module (runtime/weakrefmodule.c) ------------------------------------ */

// Create the built-in module `_weakref` (readies the types).  New reference or NULL.
tpy_object_t *tpy_weakref_module_create(void);
// Call the functions registered with _weakref._atexit_register (weakref.finalize's
// atexit hook), newest first, printing any exception's traceback; then forget them.
// Called once by the VM at interpreter exit, before anything is torn down.  Keeps the
// current exception.  Runs Python code.
void tpy_weakref_run_atexit(void);

#endif
