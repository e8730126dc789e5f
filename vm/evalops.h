/*
 * vm/evalops.h - private to vm/: helpers the eval loop calls for its slower
 * instructions (vm/evalops.c) and argument binding (vm/callargs.c).
 */
#ifndef TPY_VM_EVALOPS_H
#define TPY_VM_EVALOPS_H

#include "vm/frame.h"

// Bind a call's arguments (borrowed) into the fresh frame [f]. 0 or -1.
int tpy_callargs_bind(tpy_frame_t *f, tpy_function_t *func, tpy_object_t *const *args,
                      size_t nargs, tpy_object_t *kwnames);

// UnboundLocalError for local slot [i]. Returns NULL.
tpy_object_t *tpy_evalops_unbound_local(tpy_code_t *co, int i);
// NameError "name 'x' is not defined" (remembering the name for suggestions). NULL.
tpy_object_t *tpy_evalops_name_error(tpy_object_t *name);
// Unpack iterable [v] into the slots ending at [top] (first item at top[-1]);
// [after] < 0: exactly [before] items; else before, a list, after. 0 or -1.
int tpy_evalops_unpack(tpy_object_t *v, int before, int after, tpy_object_t **top);
// Does exception [exc] match the except clause's [type] (a class or tuple)?
bool tpy_evalops_exc_match(tpy_object_t *exc, tpy_object_t *type);
// TypeError unless [type] is an exception class or a tuple of them. 0 or -1.
int tpy_evalops_check_except_type(tpy_object_t *type);
// raise [exc] [from cause]: sets the current exception.
void tpy_evalops_raise(tpy_object_t *exc, tpy_object_t *cause);
// Chain the exception being handled (tpy_ts.handled) as __context__ of [exc],
// cutting a cycle through its context chain.  An [exc] that has a context
// already keeps it unless [replace] (`raise` replaces it, as CPython does; an
// exception made in C with an explicit context keeps it).
void tpy_evalops_set_context(tpy_object_t *exc, bool replace);
// One step of `yield from` over [it], not a generator: next(it) when [v] is
// None, else it.send(v).  The value produced (new ref); or NULL with *done
// (new ref) the value of the `yield from` when the iterator is exhausted
// (StopIteration's value); or NULL with *done NULL and an exception set.
tpy_object_t *tpy_evalops_send(tpy_object_t *it, tpy_object_t *v, tpy_object_t **done);
// A special method looked up on the type and bound (new ref); *missing when absent.
tpy_object_t *tpy_evalops_special_lookup(tpy_object_t *obj, const char *name, bool *missing);
// from module import name (new ref)
tpy_object_t *tpy_evalops_import_from(tpy_object_t *module, tpy_object_t *name);
// from module import * into [locals]. 0 or -1.
int tpy_evalops_import_star(tpy_object_t *locals, tpy_object_t *module);
// The REPL echo of an expression statement (sets builtins._). 0 or -1.
int tpy_evalops_print_expr(tpy_object_t *v);
// FORMAT_VALUE: conversion flags and an optional spec (borrowed). New str.
tpy_object_t *tpy_evalops_format_value(tpy_object_t *v, int flags, tpy_object_t *spec);
// LOAD_GLOBAL's full lookup, refilling the cache. Borrowed value or NULL (absent).
tpy_object_t *tpy_evalops_load_global_slow(tpy_globalcache_t *gc, tpy_object_t *globals,
                                           tpy_object_t *builtins, tpy_object_t *name);
// f(**a, **b) with a duplicate key: prefix the TypeError with the callee's name.
void tpy_evalops_name_call_error(tpy_object_t *callable);
// f(*x) / f(**x) with an x that is no iterable / mapping: CPython's TypeError
// naming the callable ("__main__.f() argument after * must be an iterable, not int").
void tpy_evalops_call_unpack_error(tpy_object_t *callable, tpy_object_t *value, bool mapping);
// The error of DICT_MERGE (f(**m)) made CPython's: not a mapping, or a keyword
// given twice, both naming the callable.
void tpy_evalops_merge_error(tpy_object_t *callable, tpy_object_t *m);
// Remember how [name] resolves on instances of [obj]'s class in the inline
// cache pair [ac] (two classes per instruction): an instance attribute, or
// (for [method]) a plain function.
void tpy_evalops_fill_attrcache(tpy_attrcache_t *ac, tpy_object_t *obj, tpy_object_t *name,
                                bool method);
// Install tpy_ts.current_globals/current_locals and the super() context hook.
void tpy_evalops_install_hooks(void);

#endif
