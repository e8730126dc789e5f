/*
 * runtime/longarith.h - magnitude arithmetic on arrays of 32-bit digits
 * (private to intobject.c and floatobject.c).
 *
 * A magnitude is a little-endian array of uint32_t digits plus a count; the
 * count may include leading zero digits unless a function says it returns a
 * normalized length (no leading zeros; zero has length 0).  Nothing here knows
 * about objects or exceptions: functions that need scratch memory return false
 * when it cannot be had, and the caller raises MemoryError.  Outputs never
 * alias inputs unless a function says so.
 */
#ifndef TPY_RUNTIME_LONGARITH_H
#define TPY_RUNTIME_LONGARITH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gc/gc.h"

typedef uint32_t la_digit_t;
#define LA_SHIFT 32
#define LA_BASE ((uint64_t)1 << LA_SHIFT)

// The largest digit count an int may have (2**33 bits, 1 GiB of digits):
// bigger results raise MemoryError before anything is allocated.
#define LA_MAX_DIGITS ((size_t)1 << 28)

// Length of [a] ([n] digits) without its leading zero digits.
size_t la_normalize(const la_digit_t *a, size_t n);
// Bits needed for the magnitude [a] (0 for zero).
uint64_t la_bit_length(const la_digit_t *a, size_t n);
// Compare two normalized magnitudes: <0, 0, >0.
int la_cmp(const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn);
// [r] = [a] + [b]; [r] has room for max(an, bn) + 1 digits and may alias [a]
// or [b].  Returns the normalized length.
size_t la_add(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn);
// [r] = [a] - [b] where a >= b; [r] has room for [an] digits and may alias [a].
// Returns the normalized length.
size_t la_sub(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn);
// [r] = [a] * [b]; [r] (no alias) receives exactly an + bn digits.  Uses
// Karatsuba for long operands; false when its scratch memory is unavailable.
bool la_mul(la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b, size_t bn);
// [q] = [a] / [d], returns the remainder; [q] has [n] digits and may alias [a].
la_digit_t la_divrem1(la_digit_t *q, const la_digit_t *a, size_t n, la_digit_t d);
// [a] = [a] * [m] + [add] in place over [n] digits; returns the carry out.
la_digit_t la_muladd1(la_digit_t *a, size_t n, la_digit_t m, la_digit_t add);
/*
 * Long division of normalized [a] by normalized [b] (bn >= 1, a >= b):
 * [q] receives an - bn + 1 digits (may be NULL), [r] receives bn digits (may
 * be NULL).  False when scratch memory is unavailable.
 */
bool la_divmod(la_digit_t *q, la_digit_t *r, const la_digit_t *a, size_t an, const la_digit_t *b,
               size_t bn);
// [r] = [a] << [bits]; [r] has room for an + bits/32 + 1 digits (no alias).
// Returns the digit count written (an + bits/32 + 1, not normalized).
size_t la_lshift(la_digit_t *r, const la_digit_t *a, size_t an, uint64_t bits);
// [r] = [a] >> [bits]; [r] has room for [an] digits and may alias [a].
// Returns the normalized length.  Sets *[lost] when a one bit was shifted out.
size_t la_rshift(la_digit_t *r, const la_digit_t *a, size_t an, uint64_t bits, bool *lost);
// True when any of the low [bits] bits of [a] is set.
bool la_low_bits_nonzero(const la_digit_t *a, size_t an, uint64_t bits);

/* ---- int internals (intobject.c) -------------------------------------------- */

// Sign and magnitude of an int, whichever its form.  [d] may point into [buf]:
// never copy a view by value.
typedef struct {
    const la_digit_t *d;
    size_t n; // normalized digit count
    int sign; // -1, 0, 1
    la_digit_t buf[2];
} la_view_t;
// Fill [w] from the int (or int subclass) [op], which must outlive the view.
void tpy_int_view(la_view_t *w, tpy_object_t *op);
// A new exact int equal to [sign] * d[0..n) (n may count leading zeros);
// MemoryError past LA_MAX_DIGITS.
tpy_object_t *tpy_int_from_digits(int sign, const la_digit_t *d, size_t n);

#endif
