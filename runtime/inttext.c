/*
 * runtime/inttext.c - ints as text: str()/repr()/hex() in any base, int(s, base)
 * and format(int, spec).
 *
 * Mirrors CPython 3.11: base 10 conversions of more than 4300 digits raise
 * ValueError in both directions (sys.set_int_max_str_digits changes the
 * limit; power-of-two bases are exempt); int() accepts surrounding whitespace,
 * a sign, the 0x/0o/0b prefixes matching the base (base 0 takes them from the
 * text and rejects other leading zeros), single underscores between digits,
 * and Unicode spaces and digits.  Decimal output divides by 10**9 per step, so
 * a conversion is quadratic in the length like CPython's.
 */
#include "runtime/intobject.h"

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/longarith.h"
#include "runtime/numformat.h"
#include "runtime/strobject.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT_THRESHOLD 640 // the smallest non-zero limit sys.set_int_max_str_digits takes

static int max_str_digits = 4300;

static const char lower_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char upper_digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

int tpy_int_get_max_str_digits(void)
{
    return max_str_digits;
}

int tpy_int_set_max_str_digits(int64_t n)
{
    if (n != 0 && (n < LIMIT_THRESHOLD || n > INT32_MAX)) {
        tpy_err_format(&tpy_exc_ValueError, "maxdigits must be 0 or larger than %d",
                       LIMIT_THRESHOLD);
        return -1;
    }
    max_str_digits = (int)n;
    return 0;
}

static void *no_memory(void)
{
    tpy_err_no_memory();
    return NULL;
}

static void *str_limit_error(void)
{
    tpy_err_format(&tpy_exc_ValueError,
                   "Exceeds the limit (%d digits) for integer string conversion; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   max_str_digits);
    return NULL;
}

/* ---- int -> text ------------------------------------------------------------- */

/*
 * The digits of |op| in [base] (2..36), malloc'd and NUL-terminated, their
 * count in *len.  Base 10 enforces the digit limit.  NULL with an exception.
 */
static char *int_digits(tpy_object_t *op, int base, bool upper, size_t *len)
{
    const char *chars = upper ? upper_digits : lower_digits;
    la_view_t w;
    tpy_int_view(&w, op);
    uint64_t bits = la_bit_length(w.d, w.n);
    if ((base & (base - 1)) == 0) {
        unsigned bpd = (unsigned)__builtin_ctz((unsigned)base);
        size_t nd = bits == 0 ? 1 : (size_t)((bits + bpd - 1) / bpd);
        char *buf = malloc(nd + 1);
        if (buf == NULL) {
            return no_memory();
        }
        for (size_t i = 0; i < nd; i++) {
            uint64_t pos = (uint64_t)i * bpd;
            size_t word = (size_t)(pos / LA_SHIFT);
            unsigned off = (unsigned)(pos % LA_SHIFT);
            uint64_t v = word < w.n ? (uint64_t)w.d[word] >> off : 0;
            if (off + bpd > LA_SHIFT && word + 1 < w.n) {
                v |= (uint64_t)w.d[word + 1] << (LA_SHIFT - off);
            }
            buf[nd - 1 - i] = chars[v & (uint64_t)(base - 1)];
        }
        buf[nd] = '\0';
        *len = nd;
        return buf;
    }
    // A value of b bits has at least floor((b - 1) * log10(2)) + 1 digits:
    // refuse hopeless cases before the quadratic conversion.
    if (base == 10 && max_str_digits > 0 && bits > 0 &&
        (uint64_t)((double)(bits - 1) * 0.30102999) + 1 > (uint64_t)max_str_digits) {
        return str_limit_error();
    }
    // Peel off chunks of k digits: chunk = base**k is the largest power below 2**32.
    uint32_t chunk = (uint32_t)base;
    size_t k = 1;
    while ((uint64_t)chunk * (uint64_t)base <= UINT32_MAX) {
        chunk *= (uint32_t)base;
        k++;
    }
    size_t maxchunks = (size_t)(bits / 26) + 2; // chunk > 2**32 / 36 > 2**26
    la_digit_t *t = malloc((w.n + 1) * sizeof(la_digit_t));
    uint32_t *chunks = malloc(maxchunks * sizeof(uint32_t));
    char *buf = NULL;
    if (t == NULL || chunks == NULL) {
        no_memory();
        goto done;
    }
    memcpy(t, w.d, w.n * sizeof(la_digit_t));
    size_t n = w.n, nc = 0;
    do {
        chunks[nc++] = la_divrem1(t, t, n, chunk);
        n = la_normalize(t, n);
    } while (n > 0);
    size_t top = 0;
    for (uint32_t c = chunks[nc - 1]; c > 0; c /= (uint32_t)base) {
        top++;
    }
    if (top == 0) {
        top = 1;
    }
    size_t nd = (nc - 1) * k + top;
    if (base == 10 && max_str_digits > 0 && nd > (size_t)max_str_digits) {
        str_limit_error();
        goto done;
    }
    buf = malloc(nd + 1);
    if (buf == NULL) {
        no_memory();
        goto done;
    }
    size_t pos = nd;
    for (size_t i = 0; i < nc; i++) {
        uint32_t c = chunks[i];
        size_t count = i + 1 == nc ? top : k;
        for (size_t j = 0; j < count; j++) {
            buf[--pos] = chars[c % (uint32_t)base];
            c /= (uint32_t)base;
        }
    }
    buf[nd] = '\0';
    *len = nd;
done:
    free(t);
    free(chunks);
    return buf;
}

tpy_object_t *tpy_int_to_string(tpy_object_t *op, int base, bool prefix)
{
    int64_t v = ((tpy_int_t *)op)->v;
    if (base == 10 && tpy_int_fits_small(v)) {
        char buf[24], *end = buf + sizeof buf, *p = end;
        uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m != 0);
        if (v < 0) {
            *--p = '-';
        }
        return tpy_str_from_utf8(p, (size_t)(end - p));
    }
    size_t nd;
    char *digits = int_digits(op, base, false, &nd);
    if (digits == NULL) {
        return NULL;
    }
    const char *pre = !prefix ? "" : base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    bool neg = tpy_int_sign(op) < 0;
    size_t np = strlen(pre), len = neg + np + nd;
    tpy_object_t *s = tpy_str_new_raw(len, len);
    if (s != NULL) {
        char *out = TPY_STR_DATA(s);
        if (neg) {
            *out++ = '-';
        }
        memcpy(out, pre, np);
        memcpy(out + np, digits, nd);
    }
    free(digits);
    return s;
}

/* ---- text -> int ------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

/* The value of the [ndig] digits in [start, stop) (underscores skipped). */
static tpy_object_t *digits_to_int(const char *start, const char *stop, int base, size_t ndig,
                                   int sign)
{
    if (base == 10 && ndig <= 18) {
        int64_t acc = 0;
        for (const char *p = start; p < stop; p++) {
            if (*p != '_') {
                acc = acc * 10 + (*p - '0');
            }
        }
        return tpy_int_from_small(sign * acc);
    }
    la_digit_t *acc;
    size_t n = 0;
    if ((base & (base - 1)) == 0) {
        unsigned bpd = (unsigned)__builtin_ctz((unsigned)base);
        uint64_t bits = (uint64_t)ndig * bpd;
        size_t words = (size_t)(bits / LA_SHIFT) + 2;
        if (words > LA_MAX_DIGITS + 2 || (acc = calloc(words, sizeof(la_digit_t))) == NULL) {
            return no_memory();
        }
        uint64_t pos = 0;
        for (const char *p = stop; p-- > start;) {
            if (*p == '_') {
                continue;
            }
            uint64_t v = (uint64_t)digit_value(*p);
            size_t word = (size_t)(pos / LA_SHIFT);
            unsigned off = (unsigned)(pos % LA_SHIFT);
            acc[word] |= (la_digit_t)(v << off);
            if (off + bpd > LA_SHIFT) {
                acc[word + 1] |= (la_digit_t)(v >> (LA_SHIFT - off));
            }
            pos += bpd;
        }
        n = words;
    } else {
        size_t words = (size_t)((double)ndig * log2((double)base) / LA_SHIFT) + 2;
        if (words > LA_MAX_DIGITS + 2 || (acc = calloc(words, sizeof(la_digit_t))) == NULL) {
            return no_memory();
        }
        uint32_t cv = 0, cm = 1;
        for (const char *p = start; p <= stop; p++) {
            bool flush = p == stop || (uint64_t)cm * (uint64_t)base > UINT32_MAX;
            if (flush && cm > 1) {
                la_digit_t carry = la_muladd1(acc, n, cm, cv);
                if (carry != 0) {
                    acc[n++] = carry;
                }
                cv = 0;
                cm = 1;
            }
            if (p == stop) {
                break;
            }
            if (*p != '_') {
                cv = cv * (uint32_t)base + (uint32_t)digit_value(*p);
                cm *= (uint32_t)base;
            }
        }
    }
    tpy_object_t *r = tpy_int_from_digits(sign, acc, n);
    free(acc);
    return r;
}

/* Parse ASCII [s]; NULL with *bad set when it is not an int literal (the
 * caller raises), NULL with an exception and *bad clear on other errors. */
static tpy_object_t *parse_ascii(const char *s, size_t len, int base, bool *bad)
{
    const char *p = s, *end = s + len;
    *bad = true;
    while (p < end && is_space(*p)) {
        p++;
    }
    int sign = 1;
    if (p < end && (*p == '+' || *p == '-')) {
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    int b = base;
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        if ((c == 'x' && (b == 0 || b == 16)) || (c == 'o' && (b == 0 || b == 8)) ||
            (c == 'b' && (b == 0 || b == 2))) {
            b = c == 'x' ? 16 : c == 'o' ? 8 : 2;
            p += 2;
            prefixed = true;
        }
    }
    bool literal_rules = b == 0; // base 0 without a prefix: no leading zeros
    if (b == 0) {
        b = 10;
    }
    const char *start = p;
    size_t ndig = 0;
    bool prev_underscore = false, leading_zero = false, nonzero = false;
    while (p < end) {
        if (*p == '_') {
            if (prev_underscore || (ndig == 0 && !prefixed)) {
                break;
            }
            prev_underscore = true;
            p++;
            continue;
        }
        int v = digit_value(*p);
        if (v >= b) {
            break;
        }
        if (ndig == 0 && v == 0) {
            leading_zero = true;
        }
        nonzero |= v != 0;
        ndig++;
        prev_underscore = false;
        p++;
    }
    const char *stop = p;
    if (ndig == 0 || prev_underscore) {
        return NULL;
    }
    if ((b & (b - 1)) != 0 && max_str_digits > 0 && ndig > (size_t)max_str_digits) {
        *bad = false;
        return tpy_err_format(&tpy_exc_ValueError,
                              "Exceeds the limit (%d digits) for integer string conversion: "
                              "value has %zu digits; use sys.set_int_max_str_digits() to "
                              "increase the limit",
                              max_str_digits, ndig);
    }
    while (p < end && is_space(*p)) {
        p++;
    }
    if (p != end || (literal_rules && leading_zero && nonzero)) {
        return NULL;
    }
    *bad = false;
    return digits_to_int(start, stop, b, ndig, sign);
}

/* ValueError "invalid literal for int() with base 10: 'x'", the repr cut to
 * 200 characters. */
static void literal_error(const char *s, size_t len, int base, tpy_object_t *orig)
{
    tpy_object_t *str = orig != NULL ? tpy_newref(orig) : tpy_str_decode_utf8(s, len);
    if (str == NULL) {
        return;
    }
    tpy_object_t *r = tpy_object_repr(str);
    TPY_DECREF(str);
    if (r == NULL) {
        return;
    }
    const char *d = TPY_STR_DATA(r);
    size_t n = (size_t)TPY_STR_LEN(r), cut = n, chars = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)d[i] & 0xC0) != 0x80 && chars++ == 200) {
            cut = i;
            break;
        }
    }
    tpy_object_t *shown = cut == n ? tpy_newref(r) : tpy_str_from_utf8(d, cut);
    TPY_DECREF(r);
    if (shown != NULL) {
        tpy_err_format(&tpy_exc_ValueError, "invalid literal for int() with base %d: %U", base,
                       shown);
        TPY_DECREF(shown);
    }
}

static tpy_object_t *int_from_text(const char *s, size_t len, int base, tpy_object_t *orig)
{
    char *ascii;
    size_t alen;
    if (tpy_num_ascii_form(s, len, &ascii, &alen) < 0) {
        return NULL;
    }
    bool bad;
    tpy_object_t *r = parse_ascii(ascii != NULL ? ascii : s, alen, base, &bad);
    free(ascii);
    if (r == NULL && bad) {
        literal_error(s, len, base, orig);
    }
    return r;
}

tpy_object_t *tpy_int_from_string(const char *s, size_t len, int base)
{
    return int_from_text(s, len, base, NULL);
}

tpy_object_t *tpy_int_from_str_object(tpy_object_t *s, int base)
{
    return int_from_text(TPY_STR_DATA(s), (size_t)TPY_STR_LEN(s), base, s);
}

/* ---- format(int, spec) ---------------------------------------------------------- */

static size_t encode_utf8(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

tpy_object_t *tpy_int_format_spec(tpy_object_t *v, const char *spec, size_t len)
{
    if (len == 0) {
        return tpy_object_str(v);
    }
    const char *tname = tpy_type_name(TPY_TYPE(v));
    tpy_numspec_t f;
    if (tpy_numspec_parse(spec, len, tname, &f) < 0) {
        return NULL;
    }
    uint32_t type = f.type ? f.type : 'd';
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double d = tpy_int_as_double(v);
        if (d == -1.0 && tpy_err_occurred()) {
            return NULL;
        }
        return tpy_float_format_parsed(d, &f, tname);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'n':
    case 'o':
    case 'x':
    case 'X':
        break;
    default:
        return tpy_numspec_unknown(&f, tname);
    }
    if (f.precision >= 0) {
        return tpy_err_format(&tpy_exc_ValueError,
                              "Precision not allowed in integer format specifier");
    }
    if (f.no_neg_zero) {
        return tpy_err_format(
            &tpy_exc_ValueError,
            "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (type == 'c') {
        if (f.sign) {
            return tpy_err_format(&tpy_exc_ValueError,
                                  "Sign not allowed with integer format specifier 'c'");
        }
        if (f.alternate) {
            return tpy_err_format(
                &tpy_exc_ValueError,
                "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        int overflow;
        int64_t cp = tpy_int_as_i64_overflow(v, &overflow);
        if (overflow || cp < 0 || cp > 0x10FFFF) {
            return tpy_err_format(&tpy_exc_OverflowError, "%%c arg not in range(0x110000)");
        }
        char enc[4];
        size_t n = encode_utf8((uint32_t)cp, enc);
        return tpy_numspec_layout(&f, false, "", "", 0, enc, n, 3);
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    size_t nd;
    char *digits = int_digits(v, base, type == 'X', &nd);
    if (digits == NULL) {
        return NULL;
    }
    const char *prefix = "";
    if (f.alternate) {
        prefix = type == 'b'   ? "0b"
                 : type == 'o' ? "0o"
                 : type == 'x' ? "0x"
                 : type == 'X' ? "0X"
                               : "";
    }
    tpy_object_t *r =
        tpy_numspec_layout(&f, tpy_int_sign(v) < 0, prefix, digits, nd, "", 0, base == 10 ? 3 : 4);
    free(digits);
    return r;
}
