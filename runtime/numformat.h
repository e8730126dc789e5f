/*
 * runtime/numformat.h - the format-spec mini-language shared by int and float
 * (private to intobject.c and floatobject.c; str's format() reaches it through
 * tpy_int_format_spec / tpy_float_format_spec).
 *
 * A spec is [[fill]align][sign][z][#][0][width][grouping][.precision][type].
 * Parsing checks only what does not depend on the type of the value; the int
 * and float formatters check the rest and produce the number's text split
 * into sign, prefix, integer digits and the remainder, which
 * tpy_numspec_layout groups, pads and aligns.  The grouping option is
 * checked against the type here ("Cannot specify ',' with 'x'.").
 */
#ifndef TPY_RUNTIME_NUMFORMAT_H
#define TPY_RUNTIME_NUMFORMAT_H

#include "gc/gc.h"

typedef struct {
    uint32_t fill;      // fill code point (' ' unless given)
    char align;         // '<' '>' '=' '^', or 0 when not given
    char sign;          // '+' '-' ' ', or 0 when not given
    bool no_neg_zero;   // 'z'
    bool alternate;     // '#'
    intptr_t width;     // -1 when not given
    char grouping;      // ',' or '_', or 0
    intptr_t precision; // -1 when not given
    uint32_t type;      // presentation type code point, 0 when not given
} tpy_numspec_t;

// Parse [len] bytes of [spec] for a value whose type is called [tname]; 0, or
// -1 with ValueError set ("Invalid format specifier ...", "Format specifier
// missing precision", "Cannot specify both ',' and '_'.").
int tpy_numspec_parse(const char *spec, size_t len, const char *tname, tpy_numspec_t *out);
// Raise "Unknown format code 'q' for object of type 'int'". Returns NULL.
tpy_object_t *tpy_numspec_unknown(const tpy_numspec_t *spec, const char *tname);
// Raise "Cannot specify ',' with 'x'." for a grouping the type does not allow.
tpy_object_t *tpy_numspec_bad_grouping(const tpy_numspec_t *spec);
/*
 * Build the final text: [negative] selects '-', else the spec's sign option;
 * then [prefix] ("0x", may be ""), the integer digits [digits] grouped every
 * [group] digits with the spec's separator, then [rest] (fraction, exponent,
 * '%').  Fill, alignment (default right) and width apply to the whole; a '0'
 * fill with '=' alignment pads inside the digit grouping as CPython does.
 * New str, or NULL with MemoryError set.
 */
tpy_object_t *tpy_numspec_layout(const tpy_numspec_t *spec, bool negative, const char *prefix,
                                 const char *digits, size_t ndigits, const char *rest,
                                 size_t nrest, int group);

// The text [s] ([len] bytes of UTF-8) with every Unicode space turned into ' '
// and every decimal digit into its ASCII digit (other non-ASCII characters
// become '\x01'), NUL-terminated and malloc'd into *[result] (free() it),
// its length in *[rlen]: what int() and float() parse.  *[result] is NULL when
// [s] is pure ASCII (parse [s] as it is).  0, or -1 with MemoryError set.
int tpy_num_ascii_form(const char *s, size_t len, char **result, size_t *rlen);
// format() of the double [v] with a parsed spec, for float and for int's
// e/f/g/% types; [tname] names the value's type in messages (floatobject.c).
tpy_object_t *tpy_float_format_parsed(double v, const tpy_numspec_t *spec, const char *tname);

#endif
