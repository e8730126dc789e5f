/*
 * runtime/floatobject.h - float: an IEEE double in 24 bytes.
 *
 * repr is the shortest string that round-trips (0.1 + 0.2 prints
 * 0.30000000000000004), with CPython's exponent and special-value forms
 * (1e+20, 1e-05, inf, nan).  A bounded free list recycles dead floats.
 */
#ifndef TPY_RUNTIME_FLOATOBJECT_H
#define TPY_RUNTIME_FLOATOBJECT_H

#include "gc/gc.h"

typedef struct {
    tpy_object_t ob;
    double v;
} tpy_float_t;

extern tpy_type_t tpy_float_type;
#define TPY_FLOAT_CHECK(op) TPY_ISINSTANCE(op, &tpy_float_type)
#define TPY_FLOAT_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_float_type)
#define TPY_FLOAT_VALUE(op) (((tpy_float_t *)(op))->v)

tpy_object_t *tpy_float_from_double(double v);
// float(x) for ints, floats, strings ("inf", " 1e3 ") and objects with __float__.
tpy_object_t *tpy_float_from_object(tpy_object_t *op);
// The value of an int or float as a double; -1.0 with TypeError/OverflowError set
// on failure (check tpy_err_occurred()).
double tpy_float_as_double(tpy_object_t *op);
// Shortest round-trip repr of [v] into [buf] (at least 32 bytes): "0.1", "1e+20".
void tpy_float_repr_buf(double v, char *buf, size_t size);
// Format [v] per a format-spec type and precision ('f', 'e', 'g', 'E', 'F', 'G',
// '%', 'r' for repr, 0 for the '' type: repr when [precision] < 0, else 'g'-like
// with a ".0" kept); [precision] < 0 means the type's default (6).  Includes
// the '-' sign; no padding.  New str, NULL with MemoryError.
tpy_object_t *tpy_float_format(double v, char type, int precision, bool alternate);
int64_t tpy_float_hash_double(double v); // equal to int hash for integral values
tpy_object_t *tpy_float_binop(tpy_object_t *a, tpy_object_t *b, int op);

/* Additions for the builtins, math and the str helper's format(). */
// format(v, spec) for a float [v]: the whole format-spec mini-language (see
// tpy_int_format_spec); ValueError with CPython's messages.  [spec] is UTF-8.
tpy_object_t *tpy_float_format_spec(tpy_object_t *v, const char *spec, size_t len);
// round(v[, ndigits]) for a float [v]: [ndigits] NULL or None gives an int
// (half to even; OverflowError/ValueError for inf/nan), otherwise a float
// correctly rounded to [ndigits] decimal places (half to even on exact ties).
tpy_object_t *tpy_float_round(tpy_object_t *v, tpy_object_t *ndigits);
// divmod(a, b) when a and b are floats or ints (one a float): a tuple of
// floats; NotImplemented for other types; ZeroDivisionError "float divmod()".
tpy_object_t *tpy_float_divmod(tpy_object_t *a, tpy_object_t *b);
// math.floor / math.ceil of a double as an int (OverflowError for inf,
// ValueError for nan).
tpy_object_t *tpy_float_floor(double v);
tpy_object_t *tpy_float_ceil(double v);

void tpy_float_init(void);
void tpy_float_fini(void); // empties the free list

#endif
