/*
 * runtime/intobject.h - int and bool.
 *
 * An int is 24 bytes when v holds its value: { header, int64 v } with v in
 * [TPY_INT_SMALL_MIN, INT64_MAX], the small form.  The 2**32 int64 values below
 * TPY_INT_SMALL_MIN never hold a value: they tag the arbitrary-precision form,
 * whose sign and digit count v encodes and whose 32-bit magnitude digits follow
 * (see intobject.c), so a big int takes 24 + 4 * digits bytes, less than
 * CPython's 24 + 4 * ceil(bits / 30).  Every operation has a fast path for the
 * small form.  -5..256 are a static pool: every result in
 * that range is the pooled object (n + 56 is n + 56 for n = 200).
 * bool is a subclass of int with exactly two instances.
 */
#ifndef TPY_RUNTIME_INTOBJECT_H
#define TPY_RUNTIME_INTOBJECT_H

#include "gc/gc.h"

typedef struct {
    tpy_object_t ob;
    int64_t v; // the value when >= TPY_INT_SMALL_MIN, else the big form's tag
} tpy_int_t;

// The least value of the small form; v below it tags the big form.
#define TPY_INT_SMALL_MIN (INT64_MIN + (INT64_C(1) << 32))
#define TPY_SMALLINT_MIN (-5)
#define TPY_SMALLINT_MAX 256

extern tpy_type_t tpy_int_type;
extern tpy_type_t tpy_bool_type;
extern tpy_int_t tpy_smallints[TPY_SMALLINT_MAX - TPY_SMALLINT_MIN + 1];
extern tpy_int_t tpy_true_struct, tpy_false_struct;
#define tpy_true (TPY_OBJ(&tpy_true_struct))
#define tpy_false (TPY_OBJ(&tpy_false_struct))
#define TPY_RETURN_BOOL(c) return tpy_newref((c) ? tpy_true : tpy_false)
static inline tpy_object_t *tpy_bool_from(bool c)
{
    return tpy_newref(c ? tpy_true : tpy_false);
}

#define TPY_INT_CHECK(op) TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_INT_SUBCLASS)
#define TPY_INT_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_int_type)
// True when the int64 [v] is held in the small form (false for the 2**32
// values next to INT64_MIN that the representation reserves as tags; the VM's
// fast paths check their results with it before storing them into an int).
static inline bool tpy_int_fits_small(int64_t v)
{
    return v >= TPY_INT_SMALL_MIN;
}

// True for an int (or bool) in the small form: its v is its value.
static inline bool tpy_int_is_small(tpy_object_t *op)
{
    return tpy_int_fits_small(((tpy_int_t *)op)->v);
}

// A new int (the pooled object for -5..256) for any int64 [v], in the big form
// when v is below TPY_INT_SMALL_MIN.  NULL with MemoryError on exhaustion.
tpy_object_t *tpy_int_from_i64(int64_t v);
static inline tpy_object_t *tpy_int_from_small(int64_t v)
{
    if (v >= TPY_SMALLINT_MIN && v <= TPY_SMALLINT_MAX) {
        return tpy_newref(TPY_OBJ(&tpy_smallints[v - TPY_SMALLINT_MIN]));
    }
    return tpy_int_from_i64(v);
}
tpy_object_t *tpy_int_from_u64(uint64_t v);
tpy_object_t *tpy_int_from_double(double d); // int(3.7) → 3; OverflowError/ValueError
// Parse [len] bytes of [s] in [base] (0 = literal rules, prefixes allowed,
// underscores allowed) into an int; ValueError with CPython's message
// "invalid literal for int() with base 10: 'x'" on bad input.
tpy_object_t *tpy_int_from_string(const char *s, size_t len, int base);
// The value as int64; -1 with OverflowError set when it does not fit
// (check tpy_err_occurred()).  [op] must be an int.
int64_t tpy_int_as_i64(tpy_object_t *op);
// Like tpy_int_as_i64 but sets *overflow instead of raising.
int64_t tpy_int_as_i64_overflow(tpy_object_t *op, int *overflow);
double tpy_int_as_double(tpy_object_t *op); // OverflowError "int too large to convert to float"
// -1, 0 or 1.
int tpy_int_sign(tpy_object_t *op);
// The bytes int (or subclass instance) [op] occupies, its GC header aside:
// tp_basicsize, plus 4 per digit in the big form.  What int.__sizeof__ returns.
size_t tpy_int_sizeof(tpy_object_t *op);
// repr in [base] 2, 8, 10, 16 with Python's prefix ("0x..") when [prefix].
tpy_object_t *tpy_int_to_string(tpy_object_t *op, int base, bool prefix);
// Exact comparison of two ints: <0, 0, >0.
int tpy_int_compare(tpy_object_t *a, tpy_object_t *b);
int64_t tpy_int_hash(tpy_object_t *op);
// Number-protocol helpers used by float and the VM's fast paths.
tpy_object_t *tpy_int_binop(tpy_object_t *a, tpy_object_t *b, int op);
// int(x[, base]) semantics of the builtin, for any object.
tpy_object_t *tpy_int_from_object(tpy_object_t *op);

/* Additions for the builtins, float, and the str helper's format(). */
// int(s, base) for a str object [s]: like tpy_int_from_string, with [s]'s
// repr (cut to 200 characters) in the ValueError message.
tpy_object_t *tpy_int_from_str_object(tpy_object_t *s, int base);
// Exact comparison of int [a] with double [d]: -1, 0, 1; 2 when [d] is NaN
// (unordered); -2 with MemoryError set.
int tpy_int_compare_double(tpy_object_t *a, double d);
// round(v[, ndigits]) for an int [v]: [ndigits] NULL or None returns int(v);
// negative ndigits rounds half to even.  TypeError for a non-integer ndigits.
tpy_object_t *tpy_int_round(tpy_object_t *v, tpy_object_t *ndigits);
// pow(a, b, m): TypeError unless all three are ints; ValueError when m == 0 or
// b < 0 and a has no inverse modulo m.  The result has the sign of m.
tpy_object_t *tpy_int_pow3(tpy_object_t *a, tpy_object_t *b, tpy_object_t *m);
// divmod(a, b) as a tuple (q, r) when both are ints, else NotImplemented.
tpy_object_t *tpy_int_divmod(tpy_object_t *a, tpy_object_t *b);
// abs() of an int (an exact int).
tpy_object_t *tpy_int_abs(tpy_object_t *a);
// format(v, spec) for an int (or bool) [v]: the whole format-spec
// mini-language ([[fill]align][sign][z][#][0][width][,_][.prec][type]);
// ValueError with CPython's messages for bad specs.  [spec] is UTF-8.
tpy_object_t *tpy_int_format_spec(tpy_object_t *v, const char *spec, size_t len);
// sys.get_int_max_str_digits() / set_int_max_str_digits(): 0 means no limit;
// the setter returns -1 with ValueError for 0 < n < 640.
int tpy_int_get_max_str_digits(void);
int tpy_int_set_max_str_digits(int64_t n);

void tpy_int_init(void);
void tpy_int_fini(void); // empties the free list

#endif
