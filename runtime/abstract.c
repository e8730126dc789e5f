/*
 * runtime/abstract.c - the generic object protocol: attribute access, repr and
 * str, hashing, rich comparison, truth, calls, operators, subscripts and
 * iteration, for any object, through its type's slots.
 *
 * Dispatch rules are CPython 3.11's: a binary operator tries the left
 * operand's slot, then the right's (the right first when its type is a proper
 * subclass of the left's), and raises "unsupported operand type(s)"; a rich
 * comparison tries the reflected operation on the right operand, and ==/!=
 * fall back to identity.  The singletons None, NotImplemented and Ellipsis
 * live here as well.
 */
#include "runtime/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- None, NotImplemented, Ellipsis ------------------------------------------------ */

static tpy_object_t *none_repr(tpy_object_t *self)
{
    (void)self;
    return tpy_str_intern_cstr("None");
}

static int none_bool(tpy_object_t *self)
{
    (void)self;
    return 0;
}

static tpy_object_t *singleton_new_none(tpy_type_t *type, tpy_object_t *const *args, size_t nargs,
                                        tpy_object_t *kwnames)
{
    (void)type;
    (void)args;
    if (nargs || tpy_kwcount(kwnames)) {
        return tpy_err_format(&tpy_exc_TypeError, "NoneType takes no arguments");
    }
    TPY_RETURN_NONE;
}

static void singleton_dealloc(tpy_object_t *self)
{
    // Never freed: a count reaching zero is a reference-counting bug.
    fprintf(stderr, "tpy: fatal: deallocating %s\n", TPY_TYPE(self)->tp_name);
    abort();
}

static int64_t none_hash(tpy_object_t *self)
{
    return tpy_hash_pointer(self);
}

tpy_type_t tpy_none_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(tpy_object_t),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_bool = none_bool,
    .tp_hash = none_hash,
    .tp_new = singleton_new_none,
};
tpy_object_t tpy_none_struct = TPY_STATIC_OB(&tpy_none_type);

static tpy_object_t *notimpl_repr(tpy_object_t *self)
{
    (void)self;
    return tpy_str_from_cstr("NotImplemented");
}

tpy_type_t tpy_notimpl_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(tpy_object_t),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimpl_repr,
};
tpy_object_t tpy_notimpl_struct = TPY_STATIC_OB(&tpy_notimpl_type);

static tpy_object_t *ellipsis_repr(tpy_object_t *self)
{
    (void)self;
    return tpy_str_from_cstr("Ellipsis");
}

tpy_type_t tpy_ellipsis_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(tpy_object_t),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
};
tpy_object_t tpy_ellipsis_struct = TPY_STATIC_OB(&tpy_ellipsis_type);

/* ---- attributes ------------------------------------------------------------------ */

tpy_object_t *tpy_err_no_attribute(tpy_object_t *op, tpy_object_t *name)
{
    if (TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_TYPE_SUBCLASS)) {
        tpy_err_format(&tpy_exc_AttributeError, "type object '%s' has no attribute '%U'",
                       tpy_type_name((tpy_type_t *)op), name);
    } else if (TPY_MODULE_CHECK(op)) {
        tpy_object_t *mn = ((tpy_module_t *)op)->name;
        tpy_err_format(&tpy_exc_AttributeError, "module '%U' has no attribute '%U'", mn, name);
    } else {
        tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '%U'", op, name);
    }
    // (name, obj), like CPython's AttributeError.name/.obj: "Did you mean" uses them
    tpy_exception_t *e = (tpy_exception_t *)tpy_err_occurred();
    if (e != NULL && TPY_TYPE(e) == &tpy_exc_AttributeError) {
        tpy_object_t *info = tpy_tuple_pack(2, name, op);
        if (info != NULL) {
            TPY_SETREF(e->extra, info);
        } else {
            tpy_err_restore(tpy_newref(TPY_OBJ(e)));
        }
    }
    return NULL;
}

tpy_object_t *tpy_object_generic_getattr(tpy_object_t *op, tpy_object_t *name)
{
    tpy_type_t *type = TPY_TYPE(op);
    tpy_object_t *descr = tpy_type_lookup_borrow(type, name);
    tpy_descrget_fn get = NULL;
    if (descr != NULL) {
        get = TPY_TYPE(descr)->tp_descr_get;
        if (get != NULL && TPY_TYPE(descr)->tp_descr_set != NULL) {
            return get(descr, op, type); // data descriptor wins
        }
    }
    if (type->tp_dictoffset != 0) {
        tpy_object_t *dict = *tpy_object_dict_slot(op);
        tpy_values_t *vals = tpy_slot_values(dict);
        if (vals != NULL) {
            tpy_object_t *v = TPY_STR_CHECK_EXACT(name) ? tpy_values_get(type, vals, name) : NULL;
            if (v != NULL) {
                return tpy_newref(v);
            }
        } else if (dict != NULL) {
            tpy_object_t *v = TPY_STR_CHECK_EXACT(name) ? tpy_dict_get_str_borrow(dict, name)
                                                        : tpy_dict_get_borrow(dict, name);
            if (v != NULL) {
                return tpy_newref(v);
            }
        }
    }
    if (descr != NULL) {
        if (get != NULL) {
            return get(descr, op, type);
        }
        return tpy_newref(descr);
    }
    return tpy_err_no_attribute(op, name);
}

int tpy_object_generic_setattr(tpy_object_t *op, tpy_object_t *name, tpy_object_t *value)
{
    tpy_type_t *type = TPY_TYPE(op);
    tpy_object_t *descr = tpy_type_lookup_borrow(type, name);
    if (descr != NULL && TPY_TYPE(descr)->tp_descr_set != NULL) {
        return TPY_TYPE(descr)->tp_descr_set(descr, op, value);
    }
    if ((type->tp_flags & TPY_TPFLAGS_INLINE_VALUES) && TPY_STR_CHECK_EXACT(name)) {
        tpy_object_t *slot = *tpy_object_dict_slot(op);
        if (slot == NULL || tpy_slot_values(slot) != NULL) {
            int r = tpy_values_setattr(op, name, value);
            if (r != 0) {
                return r < 0 ? -1 : 0;
            }
        }
    }
    tpy_object_t **dp = tpy_object_dict_ptr(op);
    if (dp == NULL && tpy_err_occurred()) {
        return -1;
    }
    if (dp == NULL) {
        if (descr == NULL) {
            tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '%U'", op, name);
        } else {
            tpy_err_format(&tpy_exc_AttributeError, "'%T' object attribute '%U' is read-only", op,
                           name);
        }
        return -1;
    }
    if (value == NULL) {
        if (*dp != NULL) {
            int r = tpy_dict_discard(*dp, name);
            if (r != 0) {
                return r < 0 ? -1 : 0;
            }
        }
        tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '%U'", op, name);
        return -1;
    }
    if (*dp == NULL) {
        *dp = tpy_dict_new();
        if (*dp == NULL) {
            return -1;
        }
    }
    return tpy_dict_set(*dp, name, value);
}

tpy_object_t *tpy_object_getattr(tpy_object_t *op, tpy_object_t *name)
{
    tpy_getattr_fn f = TPY_TYPE(op)->tp_getattro;
    if (f == NULL) {
        return tpy_err_no_attribute(op, name);
    }
    tpy_object_t *r = f(op, name);
    if (r == NULL) {
        tpy_exc_attribute_context(name, op);
    }
    return r;
}

tpy_object_t *tpy_object_getattr_cstr(tpy_object_t *op, const char *name)
{
    tpy_object_t *n = tpy_str_intern_cstr(name);
    if (n == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_getattr(op, n);
    TPY_DECREF(n);
    return r;
}

tpy_object_t *tpy_object_getattr_opt(tpy_object_t *op, tpy_object_t *name)
{
    tpy_object_t *r = tpy_object_getattr(op, name);
    if (r == NULL && tpy_err_matches(&tpy_exc_AttributeError)) {
        tpy_err_clear();
    }
    return r;
}

int tpy_object_setattr(tpy_object_t *op, tpy_object_t *name, tpy_object_t *value)
{
    tpy_setattr_fn f = TPY_TYPE(op)->tp_setattro;
    if (f == NULL) {
        tpy_err_format(&tpy_exc_AttributeError, "'%T' object has no attribute '%U'", op, name);
        return -1;
    }
    return f(op, name, value);
}

int tpy_object_setattr_cstr(tpy_object_t *op, const char *name, tpy_object_t *value)
{
    tpy_object_t *n = tpy_str_intern_cstr(name);
    if (n == NULL) {
        return -1;
    }
    int r = tpy_object_setattr(op, n, value);
    TPY_DECREF(n);
    return r;
}

int tpy_object_delattr(tpy_object_t *op, tpy_object_t *name)
{
    return tpy_object_setattr(op, name, NULL);
}

tpy_object_t *tpy_object_get_method(tpy_object_t *op, tpy_object_t *name, bool *unbound)
{
    tpy_type_t *type = TPY_TYPE(op);
    *unbound = false;
    if (type->tp_getattro != tpy_object_generic_getattr) {
        return tpy_object_getattr(op, name);
    }
    tpy_object_t *descr = tpy_type_lookup_borrow(type, name);
    if (descr != NULL && TPY_TYPE_HAS_FLAG(TPY_TYPE(descr), TPY_TPFLAGS_METHOD_DESCR)) {
        // a plain method: unless the instance dict shadows it, skip binding
        if (type->tp_dictoffset != 0) {
            tpy_object_t *dict = *tpy_object_dict_slot(op);
            tpy_values_t *vals = tpy_slot_values(dict);
            if (vals != NULL) {
                tpy_object_t *v = tpy_values_get(type, vals, name);
                if (v != NULL) {
                    return tpy_newref(v);
                }
            } else if (dict != NULL) {
                tpy_object_t *v = tpy_dict_get_str_borrow(dict, name);
                if (v != NULL) {
                    return tpy_newref(v);
                }
            }
        }
        *unbound = true;
        return tpy_newref(descr);
    }
    return tpy_object_generic_getattr(op, name);
}

/* ---- repr, str, hash ----------------------------------------------------------- */

tpy_object_t *tpy_object_default_repr(tpy_object_t *op)
{
    tpy_type_t *t = TPY_TYPE(op);
    if (t->tp_flags & TPY_TPFLAGS_HEAPTYPE) {
        tpy_object_t *mod = tpy_dict_get_cstr_borrow(t->tp_dict, "__module__");
        if (mod != NULL && TPY_STR_CHECK(mod) && !tpy_str_eq_cstr(mod, "builtins")) {
            return tpy_str_from_format("<%U.%U object at %p>", mod, t->tp_ht_qualname, (void *)op);
        }
    }
    return tpy_str_from_format("<%s object at %p>", tpy_type_name(t), (void *)op);
}

tpy_object_t *tpy_object_repr(tpy_object_t *op)
{
    tpy_unary_fn f = TPY_TYPE(op)->tp_repr;
    if (f == NULL) {
        return tpy_object_default_repr(op);
    }
    if (tpy_enter_recursive_call(" while getting the repr of an object") < 0) {
        return NULL;
    }
    tpy_object_t *r = f(op);
    tpy_leave_recursive_call();
    if (r != NULL && !TPY_STR_CHECK(r)) {
        tpy_err_format(&tpy_exc_TypeError, "__repr__ returned non-string (type %T)", r);
        TPY_DECREF(r);
        return NULL;
    }
    return r;
}

tpy_object_t *tpy_object_str(tpy_object_t *op)
{
    if (TPY_STR_CHECK_EXACT(op)) {
        return tpy_newref(op);
    }
    tpy_unary_fn f = TPY_TYPE(op)->tp_str;
    if (f == NULL) {
        return tpy_object_repr(op);
    }
    if (tpy_enter_recursive_call(" while getting the str of an object") < 0) {
        return NULL;
    }
    tpy_object_t *r = f(op);
    tpy_leave_recursive_call();
    if (r != NULL && !TPY_STR_CHECK(r)) {
        tpy_err_format(&tpy_exc_TypeError, "__str__ returned non-string (type %T)", r);
        TPY_DECREF(r);
        return NULL;
    }
    return r;
}

int64_t tpy_hash_pointer(const void *p)
{
    // rotate by 4 to spread the always-zero low bits, like CPython
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

int64_t tpy_hash_unhashable(tpy_object_t *op)
{
    tpy_err_format(&tpy_exc_TypeError, "unhashable type: '%T'", op);
    return -1;
}

int64_t tpy_object_hash(tpy_object_t *op)
{
    tpy_hash_fn f = TPY_TYPE(op)->tp_hash;
    if (f == NULL) {
        return tpy_hash_unhashable(op);
    }
    return f(op);
}

/* ---- comparison and truth --------------------------------------------------------- */

static const int swapped_op[] = {TPY_CMP_GT, TPY_CMP_GE, TPY_CMP_EQ, TPY_CMP_NE, TPY_CMP_LT,
                                 TPY_CMP_LE};

const char *tpy_cmp_symbol(int op)
{
    static const char *const sym[] = {"<", "<=", "==", "!=", ">", ">="};
    return sym[op];
}

static tpy_object_t *do_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_type_t *ta = TPY_TYPE(a), *tb = TPY_TYPE(b);
    bool checked_reverse = false;
    tpy_object_t *r;
    if (ta != tb && tb->tp_richcompare != NULL && tpy_type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    if (ta->tp_richcompare != NULL) {
        r = ta->tp_richcompare(a, b, op);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    if (!checked_reverse && tb->tp_richcompare != NULL) {
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    if (op == TPY_CMP_EQ) {
        return tpy_bool_from(a == b);
    }
    if (op == TPY_CMP_NE) {
        return tpy_bool_from(a != b);
    }
    return tpy_err_format(&tpy_exc_TypeError,
                          "'%s' not supported between instances of '%s' and '%s'",
                          tpy_cmp_symbol(op), tpy_type_name(ta), tpy_type_name(tb));
}

tpy_object_t *tpy_object_richcompare(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (tpy_enter_recursive_call(" in comparison") < 0) {
        return NULL;
    }
    tpy_object_t *r = do_richcompare(a, b, op);
    tpy_leave_recursive_call();
    return r;
}

int tpy_object_richcompare_bool(tpy_object_t *a, tpy_object_t *b, int op)
{
    if (a == b) {
        if (op == TPY_CMP_EQ) {
            return 1;
        }
        if (op == TPY_CMP_NE) {
            return 0;
        }
    }
    tpy_object_t *r = tpy_object_richcompare(a, b, op);
    if (r == NULL) {
        return -1;
    }
    int t;
    if (r == tpy_true) {
        t = 1;
    } else if (r == tpy_false) {
        t = 0;
    } else {
        t = tpy_object_is_true(r);
    }
    TPY_DECREF(r);
    return t;
}

int tpy_object_is_true(tpy_object_t *op)
{
    if (op == tpy_true) {
        return 1;
    }
    if (op == tpy_false || op == tpy_none) {
        return 0;
    }
    tpy_type_t *t = TPY_TYPE(op);
    if (t->tp_bool != NULL) {
        return t->tp_bool(op);
    }
    if (t->tp_len != NULL) {
        intptr_t n = t->tp_len(op);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- calls ------------------------------------------------------------------------ */

tpy_object_t *tpy_object_call(tpy_object_t *callable, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    tpy_call_fn f = TPY_TYPE(callable)->tp_call;
    if (f == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not callable", callable);
    }
    return f(callable, args, nargs, kwnames);
}

tpy_object_t *tpy_object_call0(tpy_object_t *callable)
{
    return tpy_object_call(callable, NULL, 0, NULL);
}

tpy_object_t *tpy_object_call1(tpy_object_t *callable, tpy_object_t *arg)
{
    return tpy_object_call(callable, &arg, 1, NULL);
}

tpy_object_t *tpy_object_call_tuple_dict(tpy_object_t *callable, tpy_object_t *args,
                                         tpy_object_t *kwargs)
{
    intptr_t np = TPY_TUPLE_SIZE(args);
    intptr_t nk = kwargs ? TPY_DICT_SIZE(kwargs) : 0;
    if (nk == 0) {
        return tpy_object_call(callable, TPY_TUPLE_ITEMS(args), (size_t)np, NULL);
    }
    tpy_object_t **stack = tpy_mem_alloc(sizeof(tpy_object_t *) * (size_t)(np + nk));
    tpy_object_t *kwnames = tpy_tuple_new(nk);
    if (stack == NULL || kwnames == NULL) {
        tpy_mem_free(stack, sizeof(tpy_object_t *) * (size_t)(np + nk));
        TPY_XDECREF(kwnames);
        return tpy_err_no_memory();
    }
    for (intptr_t i = 0; i < np; i++) {
        stack[i] = TPY_TUPLE_GET(args, i);
    }
    intptr_t pos = 0, i = 0;
    tpy_object_t *k, *v;
    while (tpy_dict_next(kwargs, &pos, &k, &v)) {
        if (!TPY_STR_CHECK(k)) {
            tpy_mem_free(stack, sizeof(tpy_object_t *) * (size_t)(np + nk));
            TPY_DECREF(kwnames); // the unfilled items are NULL, which dealloc tolerates
            return tpy_err_format(&tpy_exc_TypeError, "keywords must be strings");
        }
        TPY_TUPLE_ITEMS(kwnames)[i] = tpy_newref(k);
        stack[np + i] = v;
        i++;
    }
    tpy_object_t *r = tpy_object_call(callable, stack, (size_t)np, kwnames);
    tpy_mem_free(stack, sizeof(tpy_object_t *) * (size_t)(np + nk));
    TPY_DECREF(kwnames);
    return r;
}

tpy_object_t *tpy_object_call_method(tpy_object_t *self, const char *name,
                                     tpy_object_t *const *args, size_t nargs)
{
    tpy_object_t *n = tpy_str_intern_cstr(name);
    if (n == NULL) {
        return NULL;
    }
    bool unbound;
    tpy_object_t *f = tpy_object_get_method(self, n, &unbound);
    TPY_DECREF(n);
    if (f == NULL) {
        return NULL;
    }
    tpy_object_t *r;
    if (unbound) {
        tpy_object_t *small[8];
        tpy_object_t **stack = small;
        if (nargs + 1 > 8) {
            stack = tpy_mem_alloc(sizeof(tpy_object_t *) * (nargs + 1));
            if (stack == NULL) {
                TPY_DECREF(f);
                return tpy_err_no_memory();
            }
        }
        stack[0] = self;
        for (size_t i = 0; i < nargs; i++) {
            stack[i + 1] = args[i];
        }
        r = tpy_object_call(f, stack, nargs + 1, NULL);
        if (stack != small) {
            tpy_mem_free(stack, sizeof(tpy_object_t *) * (nargs + 1));
        }
    } else {
        r = tpy_object_call(f, args, nargs, NULL);
    }
    TPY_DECREF(f);
    return r;
}

bool tpy_callable_check(tpy_object_t *op)
{
    return TPY_TYPE(op)->tp_call != NULL;
}

/* ---- numbers ---------------------------------------------------------------------- */

static const char *const binop_syms[TPY_BINOP_COUNT] = {
#define BINOP_SYM(name, sym, d, r, i) sym,
    TPY_BINOPS(BINOP_SYM)
#undef BINOP_SYM
};

const char *tpy_binop_symbol(int op)
{
    return binop_syms[op];
}

/* Try both operands' slots; NotImplemented (new ref) when neither handles it. */
static tpy_object_t *binop_try(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_binary_fn fa = tpy_type_binop(TPY_TYPE(a), op);
    tpy_binary_fn fb = tpy_type_binop(TPY_TYPE(b), op);
    tpy_object_t *r;
    if (fb == fa) {
        fb = NULL;
    }
    if (fa != NULL) {
        if (fb != NULL && tpy_type_is_subtype(TPY_TYPE(b), TPY_TYPE(a))) {
            r = fb(a, b);
            if (r != tpy_not_implemented) {
                return r;
            }
            TPY_DECREF(r);
            fb = NULL;
        }
        r = fa(a, b);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    if (fb != NULL) {
        return fb(a, b);
    }
    TPY_RETURN_NOTIMPL;
}

static tpy_object_t *binop_type_error(tpy_object_t *a, tpy_object_t *b, int op, bool inplace)
{
    if (op == TPY_BINOP_POW && !inplace) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "unsupported operand type(s) for ** or pow(): '%T' and '%T'", a, b);
    }
    return tpy_err_format(&tpy_exc_TypeError, "unsupported operand type(s) for %s%s: '%T' and '%T'",
                          binop_syms[op], inplace ? "=" : "", a, b);
}

tpy_object_t *tpy_number_binop(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_object_t *r = binop_try(a, b, op);
    if (r == tpy_not_implemented) {
        TPY_DECREF(r);
        if (op == TPY_BINOP_ADD && TPY_STR_CHECK(a)) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "can only concatenate str (not \"%T\") to str", b);
        }
        if (op == TPY_BINOP_ADD && TPY_LIST_CHECK(a)) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "can only concatenate list (not \"%T\") to list", b);
        }
        if (op == TPY_BINOP_ADD && TPY_TUPLE_CHECK(a)) {
            return tpy_err_format(&tpy_exc_TypeError,
                                  "can only concatenate tuple (not \"%T\") to tuple", b);
        }
        if (op == TPY_BINOP_MUL && (TPY_STR_CHECK(a) || TPY_LIST_CHECK(a) || TPY_TUPLE_CHECK(a) ||
                                    TPY_STR_CHECK(b) || TPY_LIST_CHECK(b) || TPY_TUPLE_CHECK(b))) {
            tpy_object_t *n = TPY_STR_CHECK(a) || TPY_LIST_CHECK(a) || TPY_TUPLE_CHECK(a) ? b : a;
            return tpy_err_format(&tpy_exc_TypeError,
                                  "can't multiply sequence by non-int of type '%T'", n);
        }
        return binop_type_error(a, b, op, false);
    }
    return r;
}

tpy_object_t *tpy_number_inplace(tpy_object_t *a, tpy_object_t *b, int op)
{
    tpy_binary_fn fi = tpy_type_inplace(TPY_TYPE(a), op);
    if (fi != NULL) {
        tpy_object_t *r = fi(a, b);
        if (r != tpy_not_implemented) {
            return r;
        }
        TPY_DECREF(r);
    }
    tpy_object_t *r = binop_try(a, b, op);
    if (r == tpy_not_implemented) {
        TPY_DECREF(r);
        if (op == TPY_BINOP_ADD && (TPY_STR_CHECK(a) || TPY_LIST_CHECK(a) || TPY_TUPLE_CHECK(a))) {
            return tpy_number_binop(a, b, op); // same messages as the plain operator
        }
        if (op == TPY_BINOP_MUL) {
            return tpy_number_binop(a, b, op);
        }
        return binop_type_error(a, b, op, true);
    }
    return r;
}

tpy_object_t *tpy_number_unop(tpy_object_t *a, int op)
{
    tpy_unary_fn f = TPY_TYPE(a)->tp_unop[op];
    if (f == NULL) {
        static const char *const names[] = {"unary -", "unary +", "unary ~"};
        return tpy_err_format(&tpy_exc_TypeError, "bad operand type for %s: '%T'", names[op], a);
    }
    return f(a);
}

tpy_object_t *tpy_number_index(tpy_object_t *op)
{
    if (TPY_INT_CHECK(op)) {
        return tpy_newref(op);
    }
    tpy_unary_fn f = TPY_TYPE(op)->tp_index;
    if (f == NULL) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "'%T' object cannot be interpreted as an integer", op);
    }
    return f(op);
}

intptr_t tpy_number_as_ssize(tpy_object_t *op, tpy_type_t *overflow_exc)
{
    tpy_object_t *i = tpy_number_index(op);
    if (i == NULL) {
        return -1;
    }
    int overflow = 0;
    int64_t v = tpy_int_as_i64_overflow(i, &overflow);
    if (overflow) {
        if (overflow_exc != NULL) {
            tpy_err_format(overflow_exc, "cannot fit '%T' into an index-sized integer", op);
            TPY_DECREF(i);
            return -1;
        }
        v = tpy_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    TPY_DECREF(i);
    return (intptr_t)v;
}

/* ---- containers -------------------------------------------------------------------- */

tpy_object_t *tpy_object_getitem(tpy_object_t *op, tpy_object_t *key)
{
    tpy_binary_fn f = TPY_TYPE(op)->tp_getitem;
    if (f == NULL) {
        if (TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_TYPE_SUBCLASS)) {
            if (op == TPY_OBJ(&tpy_type_type)) {
                return tpy_newref(op);
            }
            return tpy_err_format(&tpy_exc_TypeError, "type '%s' is not subscriptable",
                                  tpy_type_name((tpy_type_t *)op));
        }
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not subscriptable", op);
    }
    return f(op, key);
}

int tpy_object_setitem(tpy_object_t *op, tpy_object_t *key, tpy_object_t *value)
{
    tpy_setitem_fn f = TPY_TYPE(op)->tp_setitem;
    if (f == NULL) {
        tpy_err_format(&tpy_exc_TypeError, "'%T' object does not support item assignment", op);
        return -1;
    }
    return f(op, key, value);
}

int tpy_object_delitem(tpy_object_t *op, tpy_object_t *key)
{
    tpy_type_t *t = TPY_TYPE(op);
    tpy_setitem_fn f = t->tp_setitem;
    if (f == NULL) {
        // CPython words it by path: an index into something with a sequence
        // face (len or `in`; every class) "doesn't", anything else "does not"
        bool seq = t->tp_len != NULL || t->tp_contains != NULL ||
                   TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_HEAPTYPE);
        tpy_err_format(&tpy_exc_TypeError,
                       seq && TPY_TYPE(key)->tp_index != NULL
                           ? "'%T' object doesn't support item deletion"
                           : "'%T' object does not support item deletion",
                       op);
        return -1;
    }
    return f(op, key, NULL);
}

intptr_t tpy_object_len(tpy_object_t *op)
{
    tpy_len_fn f = TPY_TYPE(op)->tp_len;
    if (f == NULL) {
        tpy_err_format(&tpy_exc_TypeError, "object of type '%T' has no len()", op);
        return -1;
    }
    return f(op);
}

int tpy_object_contains(tpy_object_t *container, tpy_object_t *item)
{
    tpy_contains_fn f = TPY_TYPE(container)->tp_contains;
    if (f != NULL) {
        return f(container, item);
    }
    tpy_object_t *it = TPY_TYPE(container)->tp_iter || TPY_TYPE(container)->tp_getitem
                           ? tpy_object_getiter(container)
                           : NULL;
    if (it == NULL) {
        if (!tpy_err_occurred()) {
            tpy_err_format(&tpy_exc_TypeError, "argument of type '%T' is not iterable", container);
        }
        return -1;
    }
    tpy_object_t *x;
    while ((x = tpy_iter_next(it)) != NULL) {
        int eq = tpy_object_richcompare_bool(x, item, TPY_CMP_EQ);
        TPY_DECREF(x);
        if (eq != 0) {
            TPY_DECREF(it);
            return eq;
        }
    }
    TPY_DECREF(it);
    return tpy_err_occurred() ? -1 : 0;
}

/* ---- iteration --------------------------------------------------------------------- */

typedef struct {
    tpy_object_t ob;
    tpy_object_t *seq; // NULL once exhausted
    intptr_t index;
} seqiter_t;

tpy_object_t *tpy_iter_self(tpy_object_t *op)
{
    return tpy_newref(op);
}

static tpy_object_t *seqiter_next(tpy_object_t *self)
{
    seqiter_t *it = (seqiter_t *)self;
    if (it->seq == NULL) {
        return NULL;
    }
    tpy_object_t *idx = tpy_int_from_i64(it->index);
    if (idx == NULL) {
        return NULL;
    }
    tpy_object_t *r = tpy_object_getitem(it->seq, idx);
    TPY_DECREF(idx);
    if (r == NULL) {
        if (tpy_err_matches(&tpy_exc_IndexError) || tpy_err_matches(&tpy_exc_StopIteration)) {
            tpy_err_clear();
            TPY_CLEAR(it->seq);
        }
        return NULL;
    }
    it->index++;
    return r;
}

static int seqiter_traverse(tpy_object_t *self, tpy_visit_fn visit, void *arg)
{
    seqiter_t *it = (seqiter_t *)self;
    return it->seq ? visit(it->seq, arg) : 0;
}

static int seqiter_clear(tpy_object_t *self)
{
    TPY_CLEAR(((seqiter_t *)self)->seq);
    return 0;
}

static void seqiter_dealloc(tpy_object_t *self)
{
    tpy_gc_untrack(self);
    seqiter_clear(self);
    tpy_gc_free(self, sizeof(seqiter_t));
}

tpy_type_t tpy_seqiter_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiter_t),
    .tp_flags = TPY_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_clear = seqiter_clear,
    .tp_iter = tpy_iter_self,
    .tp_iternext = seqiter_next,
};

tpy_object_t *tpy_object_getiter(tpy_object_t *op)
{
    tpy_type_t *t = TPY_TYPE(op);
    if (t->tp_iter != NULL) {
        tpy_object_t *it = t->tp_iter(op);
        if (it != NULL && TPY_TYPE(it)->tp_iternext == NULL) {
            tpy_err_format(&tpy_exc_TypeError, "iter() returned non-iterator of type '%T'", it);
            TPY_DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->tp_getitem != NULL && !TPY_DICT_CHECK(op)) {
        seqiter_t *it = (seqiter_t *)tpy_gc_new(&tpy_seqiter_type, sizeof(seqiter_t));
        if (it == NULL) {
            return tpy_err_no_memory();
        }
        it->seq = tpy_newref(op);
        tpy_gc_track(TPY_OBJ(it));
        return TPY_OBJ(it);
    }
    return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not iterable", op);
}

tpy_object_t *tpy_iter_next(tpy_object_t *it)
{
    tpy_iternext_fn f = TPY_TYPE(it)->tp_iternext;
    if (f == NULL) {
        return tpy_err_format(&tpy_exc_TypeError, "'%T' object is not an iterator", it);
    }
    tpy_object_t *r = f(it);
    if (r == NULL && tpy_err_matches(&tpy_exc_StopIteration)) {
        tpy_err_clear();
    }
    return r;
}

tpy_object_t *tpy_sequence_list(tpy_object_t *iterable)
{
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    if (tpy_list_extend(list, iterable) < 0) {
        TPY_DECREF(list);
        return NULL;
    }
    return list;
}

tpy_object_t *tpy_sequence_tuple(tpy_object_t *iterable)
{
    if (TPY_TUPLE_CHECK_EXACT(iterable)) {
        return tpy_newref(iterable);
    }
    if (TPY_LIST_CHECK(iterable)) {
        return tpy_list_as_tuple(iterable);
    }
    tpy_object_t *list = tpy_sequence_list(iterable);
    if (list == NULL) {
        return NULL;
    }
    tpy_object_t *t = tpy_list_as_tuple(list);
    TPY_DECREF(list);
    return t;
}

/* ---- recursion guards -------------------------------------------------------------- */

int tpy_enter_recursive_call(const char *where)
{
    if (++tpy_ts.c_depth > tpy_ts.recursion_limit + 50 ||
        tpy_ts.depth + tpy_ts.c_depth > 2 * tpy_ts.recursion_limit + 100) {
        --tpy_ts.c_depth;
        tpy_err_format(&tpy_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void tpy_leave_recursive_call(void)
{
    --tpy_ts.c_depth;
}

/* Objects whose repr is in progress, innermost last (self-referencing containers
 * print as [...] / {...}). */
#define REPR_STACK_MAX 1024
static tpy_object_t *repr_stack[REPR_STACK_MAX];
static int repr_depth;

int tpy_repr_enter(tpy_object_t *op)
{
    for (int i = 0; i < repr_depth && i < REPR_STACK_MAX; i++) {
        if (repr_stack[i] == op) {
            return 1;
        }
    }
    if (repr_depth < REPR_STACK_MAX) {
        repr_stack[repr_depth] = op;
    }
    repr_depth++;
    return 0;
}

void tpy_repr_leave(tpy_object_t *op)
{
    (void)op;
    if (repr_depth > 0) {
        repr_depth--;
    }
}

void tpy_abstract_init(void)
{
    tpy_type_ready(&tpy_none_type);
    tpy_type_ready(&tpy_notimpl_type);
    tpy_type_ready(&tpy_ellipsis_type);
    tpy_type_ready(&tpy_seqiter_type);
}
