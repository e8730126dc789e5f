/*
 * tests/unit/test_typeobject.c - classes made at run time: C3 MRO, instance
 * layout, attribute lookup, the dunder <-> slot bridge, and the exception
 * hierarchy's str/repr rules.
 */
#include "tests/unit/support.h"

#include <string.h>

TPY_TEST_SUITE(typeobject);
TPY_TEST_SUITE(exceptions);

static tpy_object_t *make_class(const char *name, int nbases, tpy_object_t **bases)
{
    tpy_object_t *n = tpy_str_from_cstr(name);
    tpy_object_t *b = tpy_tuple_from_array(bases, nbases);
    tpy_object_t *ns = tpy_dict_new();
    cr_assert(n && b && ns);
    tpy_object_t *cls = tpy_type_new_class(n, b, ns);
    TPY_DECREF(n);
    TPY_DECREF(b);
    TPY_DECREF(ns);
    return cls;
}

/* Break the class's self-reference (its MRO contains it) so it can be freed
 * without the cycle collector. */
static void drop_class(tpy_object_t *cls)
{
    TPY_TYPE(cls)->tp_clear(cls);
    TPY_DECREF(cls);
}

Test(typeobject, diamond_mro_is_the_c3_linearization)
{
    tpy_object_t *a = make_class("A", 0, NULL);
    tpy_object_t *b = make_class("B", 1, &a);
    tpy_object_t *c = make_class("C", 1, &a);
    tpy_object_t *bc[2] = {b, c};
    tpy_object_t *d = make_class("D", 2, bc);
    cr_assert_not_null(d);
    tpy_object_t *mro = ((tpy_type_t *)d)->tp_mro;
    cr_assert_eq(TPY_TUPLE_SIZE(mro), 5);
    cr_assert_eq(TPY_TUPLE_GET(mro, 0), d);
    cr_assert_eq(TPY_TUPLE_GET(mro, 1), b);
    cr_assert_eq(TPY_TUPLE_GET(mro, 2), c);
    cr_assert_eq(TPY_TUPLE_GET(mro, 3), a);
    cr_assert_eq(TPY_TUPLE_GET(mro, 4), TPY_OBJ(&tpy_object_type));
    drop_class(d);
    drop_class(c);
    drop_class(b);
    drop_class(a);
}

Test(typeobject, inconsistent_bases_raise_type_error)
{
    tpy_object_t *a = make_class("A", 0, NULL);
    tpy_object_t *b = make_class("B", 1, &a);
    tpy_object_t *ab[2] = {a, b};
    tpy_object_t *bad = make_class("X", 2, ab);
    cr_assert_null(bad);
    cr_assert(tpy_err_matches(&tpy_exc_TypeError));
    tpy_err_clear();
    drop_class(b);
    drop_class(a);
}

Test(typeobject, instances_store_attributes_in_their_dict)
{
    tpy_object_t *a = make_class("A", 0, NULL);
    tpy_object_t *obj = tpy_object_call0(a);
    cr_assert_not_null(obj);
    tpy_object_t *v = tpy_int_from_i64(1000);
    cr_assert_eq(tpy_object_setattr_cstr(obj, "x", v), 0);
    tpy_object_t *got = tpy_object_getattr_cstr(obj, "x");
    cr_assert_eq(got, v);
    TPY_DECREF(got);
    tpy_object_t *missing = tpy_object_getattr_cstr(obj, "y");
    cr_assert_null(missing);
    cr_assert(tpy_err_matches(&tpy_exc_AttributeError));
    tpy_err_clear();
    TPY_DECREF(v);
    TPY_DECREF(obj);
    drop_class(a);
}

Test(typeobject, bool_is_not_an_acceptable_base)
{
    tpy_object_t *base = TPY_OBJ(&tpy_bool_type);
    tpy_object_t *cls = make_class("B", 1, &base);
    cr_assert_null(cls);
    cr_assert(tpy_err_matches(&tpy_exc_TypeError));
    tpy_err_clear();
}

Test(exceptions, keyerror_str_is_the_repr_of_its_key)
{
    tpy_object_t *key = tpy_str_from_cstr("k");
    tpy_object_t *args = tpy_tuple_pack(1, key);
    tpy_object_t *exc = tpy_exc_new(&tpy_exc_KeyError, args);
    tpy_object_t *s = tpy_object_str(exc);
    cr_assert_str_eq(TPY_STR_DATA(s), "'k'");
    TPY_DECREF(s);
    TPY_DECREF(exc);
    TPY_DECREF(args);
    TPY_DECREF(key);
}

Test(exceptions, repr_names_the_type_and_arguments)
{
    tpy_err_set_str(&tpy_exc_ValueError, "bad");
    tpy_object_t *exc = tpy_err_fetch();
    tpy_object_t *r = tpy_object_repr(exc);
    cr_assert_str_eq(TPY_STR_DATA(r), "ValueError('bad')");
    TPY_DECREF(r);
    TPY_DECREF(exc);
}

Test(exceptions, format_understands_type_and_repr_conversions)
{
    tpy_object_t *s = tpy_str_from_cstr("x");
    tpy_err_format(&tpy_exc_TypeError, "'%T' object %R %d", s, s, 7);
    tpy_object_t *exc = tpy_err_fetch();
    tpy_object_t *msg = tpy_object_str(exc);
    cr_assert_str_eq(TPY_STR_DATA(msg), "'str' object 'x' 7");
    TPY_DECREF(msg);
    TPY_DECREF(exc);
    TPY_DECREF(s);
}

Test(exceptions, hierarchy_matches_cpython)
{
    cr_assert(tpy_type_is_subtype(&tpy_exc_ZeroDivisionError, &tpy_exc_ArithmeticError));
    cr_assert(tpy_type_is_subtype(&tpy_exc_ModuleNotFoundError, &tpy_exc_ImportError));
    cr_assert(tpy_type_is_subtype(&tpy_exc_RecursionError, &tpy_exc_RuntimeError));
    cr_assert(tpy_type_is_subtype(&tpy_exc_TabError, &tpy_exc_SyntaxError));
    cr_assert(tpy_type_is_subtype(&tpy_exc_KeyError, &tpy_exc_LookupError));
    cr_assert_not(tpy_type_is_subtype(&tpy_exc_SystemExit, &tpy_exc_Exception));
}
