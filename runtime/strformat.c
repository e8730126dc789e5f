/*
 * runtime/strformat.c - string formatting: printf-style `fmt % args`,
 * str.format / str.format_map, the format-spec mini-language for str, and
 * tpy_object_format (the format() builtin, f-strings), which dispatches to
 * __format__.
 *
 * Everything mirrors CPython 3.11, errors included: `%` fetches the argument
 * before it validates the conversion character (so '%y' % () complains about
 * missing arguments), str.format numbers fields automatically or manually but
 * never both, expands nested fields in a spec only when the spec contains a
 * '{' (two levels at most), and looks up attributes and items lazily, in the
 * order they appear.  ints and floats format themselves through the numbers
 * code (tpy_int_format_spec, tpy_float_format_spec).
 */
#include "runtime/runtime.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

// Exported by the numbers code (intobject.c / floatobject.c).
extern tpy_object_t *tpy_int_format_spec(tpy_object_t *v, const char *spec, size_t len);
extern tpy_object_t *tpy_float_format_spec(tpy_object_t *v, const char *spec, size_t len);

static tpy_object_t *empty_str(void)
{
    return tpy_str_from_utf8("", 0);
}

// The first code point of [s] (which holds at least one).
static uint32_t first_cp(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    return tpy_utf8_decode(&p);
}

/* ---- the format-spec mini-language for str ---------------------------------------- */

typedef struct {
    uint32_t fill;
    char align; // '<', '>', '^', '=' or 0 (default)
    char sign;  // '+', '-', ' ' or 0
    bool no_neg_zero, alternate;
    char grouping;             // ',', '_' or 0
    intptr_t width, precision; // -1 when absent
    char type;                 // 0 when absent
    uint32_t type_cp;
} spec_t;

// Read a decimal number at [*pos]; -1 when none, -2 (ValueError set) on overflow.
static intptr_t read_number(const char *s, size_t n, size_t *pos)
{
    size_t i = *pos;
    intptr_t v = 0;
    if (i >= n || s[i] < '0' || s[i] > '9') {
        return -1;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (v > (INTPTR_MAX - 9) / 10) {
            tpy_err_format(&tpy_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (s[i] - '0');
        i++;
    }
    *pos = i;
    return v;
}

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

// Parse [s] (n bytes) for an object of type [tname]. 0, or -1 with ValueError.
static int parse_spec(const char *s, size_t n, const char *tname, spec_t *out)
{
    memset(out, 0, sizeof(*out));
    out->fill = ' ';
    out->width = out->precision = -1;
    size_t pos = 0;
    bool fill_given = false;
    // [[fill]align]: the fill is any one code point.
    if (n > 0) {
        const unsigned char *p = (const unsigned char *)s;
        uint32_t c = tpy_utf8_decode(&p);
        size_t k = (size_t)((const char *)p - s);
        if (k < n && is_align(s[k])) {
            out->fill = c;
            out->align = s[k];
            fill_given = true;
            pos = k + 1;
        } else if (is_align(s[0])) {
            out->align = s[0];
            pos = 1;
        }
    }
    if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) {
        out->sign = s[pos++];
    }
    if (pos < n && s[pos] == 'z') {
        out->no_neg_zero = true;
        pos++;
    }
    if (pos < n && s[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    if (pos < n && s[pos] == '0') {
        // A leading zero: pad with zeros (numbers also pad after the sign).
        if (!fill_given) {
            out->fill = '0';
            if (out->align == 0) {
                out->align = '0';
            }
        }
        pos++;
    }
    intptr_t w = read_number(s, n, &pos);
    if (w == -2) {
        return -1;
    }
    out->width = w;
    if (pos < n && (s[pos] == ',' || s[pos] == '_')) {
        out->grouping = s[pos++];
        // The same separator twice is read as the type (and refused later).
        if (pos < n && (s[pos] == ',' || s[pos] == '_') && s[pos] != out->grouping) {
            tpy_err_format(&tpy_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (pos < n && s[pos] == '.') {
        pos++;
        intptr_t p = read_number(s, n, &pos);
        if (p == -2) {
            return -1;
        }
        if (p == -1) {
            tpy_err_format(&tpy_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        out->precision = p;
    }
    if (pos < n) {
        const unsigned char *p = (const unsigned char *)s + pos;
        uint32_t c = tpy_utf8_decode(&p);
        if ((size_t)((const char *)p - s) != n) {
            tpy_object_t *whole = tpy_str_from_utf8(s, n);
            if (whole != NULL) {
                tpy_err_format(&tpy_exc_ValueError,
                               "Invalid format specifier '%U' for object of type '%s'", whole,
                               tname);
                TPY_DECREF(whole);
            }
            return -1;
        }
        out->type_cp = c;
        out->type = c < 0x80 ? (char)c : '?';
    }
    return 0;
}

static tpy_object_t *unknown_code(const spec_t *sp, const char *tname)
{
    if (sp->type_cp > 32 && sp->type_cp < 127) {
        return tpy_err_format(&tpy_exc_ValueError,
                              "Unknown format code '%c' for object of type '%s'", (int)sp->type_cp,
                              tname);
    }
    return tpy_err_format(&tpy_exc_ValueError,
                          "Unknown format code '\\x%x' for object of type '%s'",
                          (unsigned)sp->type_cp, tname);
}

tpy_object_t *tpy_str_format_spec(tpy_object_t *self, const char *spec, size_t len)
{
    if (len == 0) {
        return tpy_object_str(self);
    }
    spec_t sp;
    if (parse_spec(spec, len, "str", &sp) < 0) {
        return NULL;
    }
    uint32_t type = sp.type ? sp.type_cp : 's';
    if (sp.grouping) {
        // Grouping is checked against the type first, as CPython's parser does.
        bool allowed = (type < 0x80 && type != 0 && strchr("defgEFG%", (int)type) != NULL) ||
                       (sp.grouping == '_' && type < 0x80 && strchr("boxX", (int)type) != NULL);
        if (!allowed) {
            if (type > 32 && type < 127) {
                return tpy_err_format(&tpy_exc_ValueError, "Cannot specify '%c' with '%c'.",
                                      sp.grouping, (int)type);
            }
            return tpy_err_format(&tpy_exc_ValueError, "Cannot specify '%c' with '\\x%x'.",
                                  sp.grouping, (unsigned)type);
        }
    }
    if (type != 's') {
        return unknown_code(&sp, "str");
    }
    if (sp.sign == ' ') {
        return tpy_err_format(&tpy_exc_ValueError, "Space not allowed in string format specifier");
    }
    if (sp.sign) {
        return tpy_err_format(&tpy_exc_ValueError, "Sign not allowed in string format specifier");
    }
    if (sp.no_neg_zero) {
        return tpy_err_format(&tpy_exc_ValueError,
                              "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (sp.alternate) {
        return tpy_err_format(&tpy_exc_ValueError,
                              "Alternate form (#) not allowed in string format specifier");
    }
    if (sp.align == '=') {
        return tpy_err_format(&tpy_exc_ValueError,
                              "'=' alignment not allowed in string format specifier");
    }
    intptr_t cplen = TPY_STR_CPLEN(self);
    intptr_t nbytes = TPY_STR_LEN(self);
    if (sp.precision >= 0 && sp.precision < cplen) {
        cplen = sp.precision;
        nbytes = tpy_str_byte_offset(self, cplen);
    }
    intptr_t padding = sp.width > cplen ? sp.width - cplen : 0;
    if (padding == 0 && nbytes == TPY_STR_LEN(self)) {
        return tpy_object_str(self);
    }
    intptr_t left = 0;
    if (sp.align == '>') {
        left = padding;
    } else if (sp.align == '^') {
        left = padding / 2;
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    tpy_strbuf_append_fill(&b, sp.fill, (size_t)left);
    tpy_strbuf_append(&b, TPY_STR_DATA(self), (size_t)nbytes);
    tpy_strbuf_append_fill(&b, sp.fill, (size_t)(padding - left));
    return tpy_strbuf_finish(&b);
}

/* ---- format() / __format__ dispatch ------------------------------------------------- */

// A user class's own __format__ (first heap type in the MRO defining one), borrowed.
static tpy_object_t *user_format_method(tpy_type_t *type)
{
    if (!TPY_TYPE_HAS_FLAG(type, TPY_TPFLAGS_HEAPTYPE) || type->tp_mro == NULL) {
        return NULL;
    }
    tpy_object_t *mro = type->tp_mro;
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(mro); i++) {
        tpy_type_t *t = (tpy_type_t *)TPY_TUPLE_GET(mro, i);
        if (!TPY_TYPE_HAS_FLAG(t, TPY_TPFLAGS_HEAPTYPE)) {
            return NULL;
        }
        if (t->tp_dict != NULL) {
            tpy_object_t *f = tpy_dict_get_cstr_borrow(t->tp_dict, "__format__");
            if (f != NULL) {
                return f;
            }
        }
    }
    return NULL;
}

tpy_object_t *tpy_object_format(tpy_object_t *value, tpy_object_t *spec)
{
    if (spec != NULL && !TPY_STR_CHECK(spec)) {
        return tpy_err_format(&tpy_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    }
    const char *s = spec ? TPY_STR_DATA(spec) : "";
    size_t n = spec ? (size_t)TPY_STR_LEN(spec) : 0;
    tpy_type_t *type = TPY_TYPE(value);
    if (n == 0 && (type == &tpy_str_type || type == &tpy_int_type)) {
        if (type == &tpy_str_type) {
            return tpy_newref(value);
        }
        if (tpy_int_is_small(value)) {
            return tpy_str_from_i64(((tpy_int_t *)value)->v);
        }
        return tpy_object_str(value);
    }
    tpy_object_t *f = user_format_method(type);
    if (f != NULL) {
        tpy_object_t *spec_obj = spec ? tpy_newref(spec) : empty_str();
        if (spec_obj == NULL) {
            return NULL;
        }
        tpy_object_t *r;
        tpy_descrget_fn get = TPY_TYPE(f)->tp_descr_get;
        if (get != NULL) {
            tpy_object_t *bound = get(f, value, type);
            r = bound ? tpy_object_call(bound, &spec_obj, 1, NULL) : NULL;
            TPY_XDECREF(bound);
        } else {
            r = tpy_object_call(f, &spec_obj, 1, NULL);
        }
        TPY_DECREF(spec_obj);
        if (r != NULL && !TPY_STR_CHECK(r)) {
            tpy_err_format(&tpy_exc_TypeError, "__format__ must return a str, not %T", r);
            TPY_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (n == 0) {
        return tpy_object_str(value);
    }
    if (TPY_STR_CHECK(value)) {
        return tpy_str_format_spec(value, s, n);
    }
    if (TPY_INT_CHECK(value)) {
        return tpy_int_format_spec(value, s, n);
    }
    if (TPY_FLOAT_CHECK(value)) {
        return tpy_float_format_spec(value, s, n);
    }
    return tpy_err_format(&tpy_exc_TypeError, "unsupported format string passed to %s.__format__",
                          tpy_type_name(type));
}

/* ---- printf-style formatting ------------------------------------------------------- */

typedef struct {
    bool left, plus, space, alt, zero;
    intptr_t width, prec; // -1 when absent
} pflags_t;

// Append [body] (already signed/prefixed parts given separately) padded to the width.
static void emit_padded(tpy_strbuf_t *b, const pflags_t *f, const char *sign, const char *prefix,
                        const char *body, size_t body_len, size_t body_cps, bool zero_ok)
{
    size_t sl = strlen(sign), pl = strlen(prefix);
    size_t total = sl + pl + body_cps;
    size_t pad = f->width > 0 && (size_t)f->width > total ? (size_t)f->width - total : 0;
    if (pad > 0 && !f->left && !(f->zero && zero_ok)) {
        tpy_strbuf_append_fill(b, ' ', pad);
    }
    if (sl > 0) {
        tpy_strbuf_append_ascii(b, sign, sl);
    }
    if (pl > 0) {
        tpy_strbuf_append_ascii(b, prefix, pl);
    }
    if (pad > 0 && !f->left && f->zero && zero_ok) {
        tpy_strbuf_append_fill(b, '0', pad);
    }
    if (body_len == body_cps) {
        tpy_strbuf_append_ascii(b, body, body_len);
    } else {
        tpy_strbuf_append(b, body, body_len);
    }
    if (pad > 0 && f->left) {
        tpy_strbuf_append_fill(b, ' ', pad);
    }
}

// Append text [s] ([cps] code points, [len] bytes) with precision and width.
static void emit_text(tpy_strbuf_t *b, const pflags_t *f, tpy_object_t *s)
{
    size_t len = (size_t)TPY_STR_LEN(s), cps = (size_t)TPY_STR_CPLEN(s);
    if (f->prec >= 0 && (size_t)f->prec < cps) {
        cps = (size_t)f->prec;
        len = (size_t)tpy_str_byte_offset(s, f->prec);
    }
    if (f->width <= 0 && len == (size_t)TPY_STR_LEN(s)) {
        tpy_strbuf_append_str(b, s);
        return;
    }
    emit_padded(b, f, "", "", TPY_STR_DATA(s), len, cps, false);
}

// Digits of |v| in [base] written backwards ending at [end]; returns the start.
static char *u64_digits(uint64_t v, int base, bool upper, char *end)
{
    char *p = end;
    if (base == 10) {
        return tpy_u64_to_dec(v, end);
    }
    const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned shift = base == 16 ? 4 : 3, mask = (unsigned)base - 1;
    do {
        *--p = digs[v & mask];
        v >>= shift;
    } while (v != 0);
    return p;
}

// %d %i %u %x %X %o of the int [v].
static int format_int(tpy_strbuf_t *b, const pflags_t *f, tpy_object_t *v, char conv)
{
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    bool upper = conv == 'X';
    char buf[72];
    const char *digits;
    size_t nd;
    bool neg;
    tpy_object_t *big = NULL;
    int overflow = 0;
    int64_t sv = tpy_int_as_i64_overflow(v, &overflow);
    if (!overflow) {
        neg = sv < 0;
        uint64_t mag = neg ? (uint64_t)0 - (uint64_t)sv : (uint64_t)sv;
        digits = u64_digits(mag, base, upper, buf + sizeof(buf));
        nd = (size_t)(buf + sizeof(buf) - digits);
    } else {
        big = tpy_int_to_string(v, base, false);
        if (big == NULL) {
            return -1;
        }
        digits = TPY_STR_DATA(big);
        nd = (size_t)TPY_STR_LEN(big);
        neg = digits[0] == '-';
        if (neg) {
            digits++;
            nd--;
        }
        if (upper) {
            // A private copy to uppercase in place (fresh and unshared).
            tpy_object_t *copy = tpy_str_from_utf8(digits, nd);
            TPY_DECREF(big);
            if (copy == NULL) {
                return -1;
            }
            big = copy;
            char *w = TPY_STR_DATA(big);
            for (size_t i = 0; i < nd; i++) {
                if (w[i] >= 'a' && w[i] <= 'f') {
                    w[i] = (char)(w[i] - 32);
                }
            }
            digits = w;
        }
    }
    const char *sign = neg ? "-" : f->plus ? "+" : f->space ? " " : "";
    const char *prefix = "";
    if (f->alt && base != 10) {
        prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : "0o";
    }
    if (f->prec > 0 && (size_t)f->prec > nd) {
        // Precision pads the digits with zeros first.
        tpy_strbuf_t tmp;
        tpy_strbuf_init(&tmp);
        tpy_strbuf_append_fill(&tmp, '0', (size_t)f->prec - nd);
        tpy_strbuf_append(&tmp, digits, nd);
        if (!tmp.failed) {
            emit_padded(b, f, sign, prefix, tmp.data, tmp.len, tmp.len, true);
        } else {
            b->failed = true;
        }
        tpy_strbuf_release(&tmp);
    } else {
        emit_padded(b, f, sign, prefix, digits, nd, nd, true);
    }
    TPY_XDECREF(big);
    return 0;
}

// %e %E %f %F %g %G of the double [x].
static int format_float(tpy_strbuf_t *b, const pflags_t *f, double x, char conv)
{
    bool upper = conv == 'E' || conv == 'F' || conv == 'G';
    const char *sign;
    if (isnan(x)) {
        sign = f->plus ? "+" : f->space ? " " : "";
        emit_padded(b, f, sign, "", upper ? "NAN" : "nan", 3, 3, true);
        return 0;
    }
    sign = signbit(x) ? "-" : f->plus ? "+" : f->space ? " " : "";
    if (isinf(x)) {
        emit_padded(b, f, sign, "", upper ? "INF" : "inf", 3, 3, true);
        return 0;
    }
    int prec = f->prec < 0 ? 6 : (int)f->prec;
    char cfmt[8];
    snprintf(cfmt, sizeof cfmt, "%%%s.*%c", f->alt ? "#" : "", conv);
    char small[128];
    int need = snprintf(small, sizeof small, cfmt, prec, fabs(x));
    if (need < 0) {
        return 0;
    }
    if ((size_t)need < sizeof small) {
        emit_padded(b, f, sign, "", small, (size_t)need, (size_t)need, true);
        return 0;
    }
    char *big = tpy_mem_alloc((size_t)need + 1);
    if (big == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    snprintf(big, (size_t)need + 1, cfmt, prec, fabs(x));
    emit_padded(b, f, sign, "", big, (size_t)need, (size_t)need, true);
    tpy_mem_free(big, (size_t)need + 1);
    return 0;
}

// The argument source of one `fmt % args` evaluation.
typedef struct {
    tpy_object_t *const *items;
    intptr_t n, next;
    tpy_object_t *mapping; // args when it is a mapping (and not a tuple or str), else NULL
} pargs_t;

static tpy_object_t *next_arg(pargs_t *a)
{
    if (a->next >= a->n) {
        return tpy_err_format(&tpy_exc_TypeError, "not enough arguments for format string");
    }
    return a->items[a->next++];
}

// '*' in a width ([is_width]: any ssize_t) or a precision (a C int): the next
// argument, which must be an int.
static int star_arg(pargs_t *a, intptr_t *out, bool is_width)
{
    tpy_object_t *v = next_arg(a);
    if (v == NULL) {
        return -1;
    }
    if (!TPY_INT_CHECK(v)) {
        tpy_err_format(&tpy_exc_TypeError, "* wants int");
        return -1;
    }
    int overflow = 0;
    int64_t x = tpy_int_as_i64_overflow(v, &overflow);
    if (overflow) {
        tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C %s",
                       is_width ? "ssize_t" : "int");
        return -1;
    }
    if (!is_width && (x > INT32_MAX || x < INT32_MIN)) {
        tpy_err_format(&tpy_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (intptr_t)x;
    return 0;
}

// A literal width or precision; ValueError "width too big" past [limit].
static int percent_number(const char *s, size_t n, size_t *pos, intptr_t *out, const char *what,
                          intptr_t limit)
{
    intptr_t v = 0;
    while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9') {
        int d = s[*pos] - '0';
        if (v > (limit - d) / 10) {
            tpy_err_format(&tpy_exc_ValueError, "%s too big", what);
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
    }
    *out = v;
    return 0;
}

// One conversion of [v] by [conv]; -1 with an exception set.
static int convert_one(tpy_strbuf_t *b, const pflags_t *f, tpy_object_t *v, uint32_t conv,
                       const char *fmt, size_t conv_pos)
{
    tpy_object_t *t;
    switch (conv) {
    case 's':
        if (TPY_STR_CHECK_EXACT(v)) {
            emit_text(b, f, v);
            return 0;
        }
        t = tpy_object_str(v);
        goto text;
    case 'r':
        t = tpy_object_repr(v);
        goto text;
    case 'a':
        t = tpy_object_ascii(v);
    text:
        if (t == NULL) {
            return -1;
        }
        emit_text(b, f, t);
        TPY_DECREF(t);
        return 0;
    case 'c': {
        uint32_t cp;
        if (TPY_STR_CHECK(v)) {
            if (TPY_STR_CPLEN(v) != 1) {
                tpy_err_format(&tpy_exc_TypeError, "%%c requires int or char");
                return -1;
            }
            cp = first_cp(TPY_STR_DATA(v));
        } else if (TPY_INT_CHECK(v) || TPY_TYPE(v)->tp_index != NULL) {
            tpy_object_t *idx = tpy_number_index(v);
            if (idx == NULL) {
                return -1;
            }
            int overflow = 0;
            int64_t x = tpy_int_as_i64_overflow(idx, &overflow);
            TPY_DECREF(idx);
            if (overflow || x < 0 || x > 0x10FFFF) {
                tpy_err_format(&tpy_exc_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            cp = (uint32_t)x;
        } else {
            tpy_err_format(&tpy_exc_TypeError, "%%c requires int or char");
            return -1;
        }
        char enc[4];
        int k = tpy_utf8_encode(cp, enc);
        pflags_t g = *f;
        g.prec = -1;
        emit_padded(b, &g, "", "", enc, (size_t)k, 1, false);
        return 0;
    }
    case 'd':
    case 'i':
    case 'u': {
        tpy_object_t *iv;
        if (TPY_INT_CHECK(v)) {
            return format_int(b, f, v, 'd');
        }
        if (TPY_FLOAT_CHECK(v)) {
            iv = tpy_int_from_double(TPY_FLOAT_VALUE(v));
        } else if (TPY_TYPE(v)->tp_index != NULL || TPY_TYPE(v)->tp_int != NULL ||
                   TPY_TYPE(v)->tp_float != NULL) {
            iv = tpy_int_from_object(v);
        } else {
            tpy_err_format(&tpy_exc_TypeError, "%%%c format: a real number is required, not %T",
                           (int)conv, v);
            return -1;
        }
        if (iv == NULL) {
            return -1;
        }
        int rc = format_int(b, f, iv, 'd');
        TPY_DECREF(iv);
        return rc;
    }
    case 'x':
    case 'X':
    case 'o': {
        if (TPY_INT_CHECK(v)) {
            return format_int(b, f, v, (char)conv);
        }
        if (TPY_TYPE(v)->tp_index == NULL) {
            tpy_err_format(&tpy_exc_TypeError, "%%%c format: an integer is required, not %T",
                           (int)conv, v);
            return -1;
        }
        tpy_object_t *iv = tpy_number_index(v);
        if (iv == NULL) {
            return -1;
        }
        int rc = format_int(b, f, iv, (char)conv);
        TPY_DECREF(iv);
        return rc;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double x;
        if (TPY_FLOAT_CHECK(v)) {
            x = TPY_FLOAT_VALUE(v);
        } else if (TPY_INT_CHECK(v) || TPY_TYPE(v)->tp_float != NULL ||
                   TPY_TYPE(v)->tp_index != NULL) {
            x = tpy_float_as_double(v);
            if (x == -1.0 && tpy_err_occurred()) {
                return -1;
            }
        } else {
            tpy_err_format(&tpy_exc_TypeError, "must be real number, not %T", v);
            return -1;
        }
        return format_float(b, f, x, (char)conv);
    }
    default: {
        size_t index = tpy_utf8_count(fmt, conv_pos);
        tpy_err_format(&tpy_exc_ValueError,
                       "unsupported format character '%c' (0x%x) at index %zu",
                       conv >= 32 && conv < 127 ? (int)conv : '?', (unsigned)conv, index);
        return -1;
    }
    }
}

// Literal text of a format string ([ascii]: the whole format string is ASCII).
static inline void append_literal(tpy_strbuf_t *b, const char *s, size_t n, bool ascii)
{
    if (ascii) {
        tpy_strbuf_append_ascii(b, s, n);
    } else {
        tpy_strbuf_append(b, s, n);
    }
}

tpy_object_t *tpy_str_mod_format(tpy_object_t *fmtobj, tpy_object_t *args)
{
    const char *s = TPY_STR_DATA(fmtobj);
    size_t n = (size_t)TPY_STR_LEN(fmtobj);
    bool ascii = TPY_STR_IS_ASCII(fmtobj);
    pargs_t a = {NULL, 0, 0, NULL};
    if (TPY_TUPLE_CHECK(args)) {
        a.items = TPY_TUPLE_ITEMS(args);
        a.n = TPY_TUPLE_SIZE(args);
    } else {
        a.items = &args;
        a.n = 1;
        if (TPY_TYPE(args)->tp_getitem != NULL && !TPY_STR_CHECK(args)) {
            a.mapping = args;
        }
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    size_t pos = 0;
    while (pos < n) {
        // Literal text up to the next '%' (format strings are short: a plain
        // loop beats a call to memchr).
        size_t at = pos;
        while (at < n && s[at] != '%') {
            at++;
        }
        append_literal(&b, s + pos, at - pos, ascii);
        if (at >= n) {
            break;
        }
        pos = at + 1;
        if (pos < n && s[pos] == '%') {
            tpy_strbuf_append_char(&b, '%');
            pos++;
            continue;
        }
        // The everyday '%s' of a str and '%d' of a machine int, with no flags.
        if (pos < n && a.next < a.n && a.mapping == NULL) {
            tpy_object_t *v = a.items[a.next];
            if (s[pos] == 'd' && TPY_INT_CHECK_EXACT(v) && tpy_int_is_small(v)) {
                tpy_strbuf_append_i64(&b, ((tpy_int_t *)v)->v);
                a.next++;
                pos++;
                continue;
            }
            if (s[pos] == 's' && TPY_STR_CHECK_EXACT(v)) {
                tpy_strbuf_append_str(&b, v);
                a.next++;
                pos++;
                continue;
            }
        }
        tpy_object_t *value = NULL, *keyed = NULL;
        if (pos < n && s[pos] == '(') {
            if (a.mapping == NULL) {
                tpy_err_format(&tpy_exc_TypeError, "format requires a mapping");
                goto error;
            }
            size_t kstart = ++pos;
            int level = 1;
            while (pos < n && level > 0) {
                level += s[pos] == '(' ? 1 : s[pos] == ')' ? -1 : 0;
                pos++;
            }
            if (level > 0) {
                tpy_err_format(&tpy_exc_ValueError, "incomplete format key");
                goto error;
            }
            tpy_object_t *key = tpy_str_from_utf8(s + kstart, pos - 1 - kstart);
            if (key == NULL) {
                goto error;
            }
            keyed = tpy_object_getitem(a.mapping, key);
            TPY_DECREF(key);
            if (keyed == NULL) {
                goto error;
            }
            // With a key, the remaining arguments are not consumed positionally.
            a.n = 0;
            a.next = 0;
            value = keyed;
        }
        pflags_t f = {false, false, false, false, false, -1, -1};
        for (; pos < n; pos++) {
            char c = s[pos];
            if (c == '-') {
                f.left = true;
            } else if (c == '+') {
                f.plus = true;
            } else if (c == ' ') {
                f.space = true;
            } else if (c == '#') {
                f.alt = true;
            } else if (c == '0') {
                f.zero = true;
            } else {
                break;
            }
        }
        if (pos < n && s[pos] == '*') {
            pos++;
            if (star_arg(&a, &f.width, true) < 0) {
                goto error_keyed;
            }
            if (f.width < 0) {
                // A negative width means left alignment (INT64_MIN: none at all).
                f.left = true;
                f.width = f.width == INTPTR_MIN ? 0 : -f.width;
            }
        } else if (percent_number(s, n, &pos, &f.width, "width", INTPTR_MAX) < 0) {
            goto error_keyed;
        }
        if (pos < n && s[pos] == '.') {
            pos++;
            if (pos < n && s[pos] == '*') {
                pos++;
                if (star_arg(&a, &f.prec, false) < 0) {
                    goto error_keyed;
                }
                if (f.prec < 0) {
                    f.prec = 0;
                }
            } else if (percent_number(s, n, &pos, &f.prec, "precision", INT32_MAX) < 0) {
                goto error_keyed;
            }
        }
        while (pos < n && (s[pos] == 'h' || s[pos] == 'l' || s[pos] == 'L')) {
            pos++;
        }
        if (pos >= n) {
            tpy_err_format(&tpy_exc_ValueError, "incomplete format");
            goto error_keyed;
        }
        size_t conv_pos = pos;
        const unsigned char *cp = (const unsigned char *)s + pos;
        uint32_t conv = tpy_utf8_decode(&cp);
        pos = (size_t)((const char *)cp - s);
        if (value == NULL) {
            value = next_arg(&a);
            if (value == NULL) {
                goto error;
            }
        }
        // A '%' here (after flags or a width) is not the '%%' escape: the
        // default case of convert_one reports it as unsupported.
        int rc = convert_one(&b, &f, value, conv, s, conv_pos);
        TPY_XDECREF(keyed);
        if (rc < 0) {
            goto error;
        }
        if (b.failed) {
            // A huge width: fail now, as CPython does, not at the end.
            tpy_err_no_memory();
            goto error;
        }
        continue;
    error_keyed:
        TPY_XDECREF(keyed);
        goto error;
    }
    if (a.mapping == NULL && a.next < a.n) {
        tpy_err_format(&tpy_exc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    return tpy_strbuf_finish(&b);
error:
    tpy_strbuf_release(&b);
    return NULL;
}

/* ---- str.format --------------------------------------------------------------------- */

typedef struct {
    tpy_object_t *const *args; // positional arguments
    size_t nargs;
    tpy_object_t *kwnames; // keyword names (tuple) or NULL
    tpy_object_t *const *kwvals;
    tpy_object_t *mapping; // format_map: keywords come from here
    int numbering;         // 0 undecided, 1 automatic, 2 manual
    intptr_t auto_next;
    bool ascii; // the format string is ASCII (so is every spec in it)
} fctx_t;

static int render(fctx_t *ctx, const char *s, size_t n, int depth, tpy_strbuf_t *out);

static int value_error(const char *msg)
{
    tpy_err_format(&tpy_exc_ValueError, "%s", msg);
    return -1;
}

// Decimal digits only?  Returns the value, -1 if not all digits (or empty),
// -2 with ValueError on overflow.
static intptr_t parse_index(const char *s, size_t n)
{
    if (n == 0) {
        return -1;
    }
    intptr_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        if (v > (INTPTR_MAX - 9) / 10) {
            value_error("Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static tpy_object_t *positional(fctx_t *ctx, intptr_t index)
{
    if (ctx->mapping != NULL) {
        value_error("Format string contains positional fields");
        return NULL;
    }
    if ((size_t)index >= ctx->nargs) {
        return tpy_err_format(&tpy_exc_IndexError,
                              "Replacement index %zd out of range for positional args tuple",
                              index);
    }
    return tpy_newref(ctx->args[index]);
}

static tpy_object_t *keyword(fctx_t *ctx, const char *name, size_t len)
{
    tpy_object_t *key = tpy_str_from_utf8(name, len);
    if (key == NULL) {
        return NULL;
    }
    tpy_object_t *r = NULL;
    if (ctx->mapping != NULL) {
        r = tpy_object_getitem(ctx->mapping, key);
    } else {
        size_t nkw = tpy_kwcount(ctx->kwnames);
        for (size_t k = 0; k < nkw; k++) {
            if (tpy_str_eq(TPY_TUPLE_GET(ctx->kwnames, k), key)) {
                r = tpy_newref(ctx->kwvals[k]);
                break;
            }
        }
        if (r == NULL) {
            tpy_err_key(key);
        }
    }
    TPY_DECREF(key);
    return r;
}

// Resolve a field name "first(.attr|[key])*" to a new reference.
static tpy_object_t *field_value(fctx_t *ctx, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') {
        i++;
    }
    tpy_object_t *obj;
    if (i == 0) {
        if (ctx->numbering == 2) {
            value_error("cannot switch from manual field specification to automatic field "
                        "numbering");
            return NULL;
        }
        ctx->numbering = 1;
        obj = positional(ctx, ctx->auto_next++);
    } else {
        intptr_t index = parse_index(s, i);
        if (index == -2) {
            return NULL;
        }
        if (index >= 0) {
            if (ctx->numbering == 1) {
                value_error("cannot switch from automatic field numbering to manual field "
                            "specification");
                return NULL;
            }
            ctx->numbering = 2;
            obj = positional(ctx, index);
        } else {
            obj = keyword(ctx, s, i);
        }
    }
    // Accessors, resolved one at a time (errors in later ones surface late).
    while (obj != NULL && i < n) {
        tpy_object_t *next;
        if (s[i] == '.') {
            size_t start = ++i;
            while (i < n && s[i] != '.' && s[i] != '[') {
                i++;
            }
            if (i == start) {
                value_error("Empty attribute in format string");
                TPY_DECREF(obj);
                return NULL;
            }
            tpy_object_t *name = tpy_str_from_utf8(s + start, i - start);
            next = name ? tpy_object_getattr(obj, name) : NULL;
            TPY_XDECREF(name);
        } else if (s[i] == '[') {
            size_t start = ++i;
            while (i < n && s[i] != ']') {
                i++;
            }
            size_t klen = i - start;
            i++; // past ']' (the scanner guaranteed it)
            if (klen == 0) {
                value_error("Empty attribute in format string");
                TPY_DECREF(obj);
                return NULL;
            }
            if (i < n && s[i] != '.' && s[i] != '[') {
                value_error("Only '.' or '[' may follow ']' in format field specifier");
                TPY_DECREF(obj);
                return NULL;
            }
            intptr_t index = parse_index(s + start, klen);
            if (index == -2) {
                TPY_DECREF(obj);
                return NULL;
            }
            tpy_object_t *key =
                index >= 0 ? tpy_int_from_i64(index) : tpy_str_from_utf8(s + start, klen);
            next = key ? tpy_object_getitem(obj, key) : NULL;
            TPY_XDECREF(key);
        } else {
            value_error("Only '.' or '[' may follow ']' in format field specifier");
            TPY_DECREF(obj);
            return NULL;
        }
        TPY_DECREF(obj);
        obj = next;
    }
    return obj;
}

// Format one field whose parts have been located; appends to [out].
static int render_field(fctx_t *ctx, const char *name, size_t nlen, uint32_t conv,
                        const char *spec, size_t slen, bool spec_nested, int depth,
                        tpy_strbuf_t *out)
{
    tpy_object_t *obj = field_value(ctx, name, nlen);
    if (obj == NULL) {
        return -1;
    }
    if (conv != 0) {
        tpy_object_t *c;
        if (conv == 'r') {
            c = tpy_object_repr(obj);
        } else if (conv == 's') {
            c = tpy_object_str(obj);
        } else if (conv == 'a') {
            c = tpy_object_ascii(obj);
        } else {
            TPY_DECREF(obj);
            if (conv > 32 && conv < 127) {
                tpy_err_format(&tpy_exc_ValueError, "Unknown conversion specifier %c", (int)conv);
            } else {
                tpy_err_format(&tpy_exc_ValueError, "Unknown conversion specifier \\x%x",
                               (unsigned)conv);
            }
            return -1;
        }
        TPY_DECREF(obj);
        if (c == NULL) {
            return -1;
        }
        obj = c;
    }
    if (slen == 0) {
        // The common "{}" field: no spec object needed for str and int.
        int rc = 0;
        if (TPY_STR_CHECK_EXACT(obj)) {
            tpy_strbuf_append_str(out, obj);
        } else if (TPY_INT_CHECK_EXACT(obj) && tpy_int_is_small(obj)) {
            tpy_strbuf_append_i64(out, ((tpy_int_t *)obj)->v);
        } else {
            tpy_object_t *r = tpy_object_format(obj, NULL);
            if (r == NULL) {
                rc = -1;
            } else {
                tpy_strbuf_append_str(out, r);
                TPY_DECREF(r);
            }
        }
        TPY_DECREF(obj);
        return rc;
    }
    tpy_object_t *spec_obj;
    if (spec_nested) {
        tpy_strbuf_t sb;
        tpy_strbuf_init(&sb);
        if (render(ctx, spec, slen, depth - 1, &sb) < 0) {
            tpy_strbuf_release(&sb);
            TPY_DECREF(obj);
            return -1;
        }
        spec_obj = tpy_strbuf_finish(&sb);
    } else {
        spec_obj = tpy_str_from_utf8(spec, slen);
    }
    if (spec_obj == NULL) {
        TPY_DECREF(obj);
        return -1;
    }
    tpy_object_t *r = tpy_object_format(obj, spec_obj);
    TPY_DECREF(spec_obj);
    TPY_DECREF(obj);
    if (r == NULL) {
        return -1;
    }
    tpy_strbuf_append_str(out, r);
    TPY_DECREF(r);
    return 0;
}

static int render(fctx_t *ctx, const char *s, size_t n, int depth, tpy_strbuf_t *out)
{
    if (depth <= 0) {
        return value_error("Max string recursion exceeded");
    }
    size_t pos = 0;
    while (pos < n) {
        // Literal text up to the next brace.
        size_t start = pos;
        while (pos < n && s[pos] != '{' && s[pos] != '}') {
            pos++;
        }
        append_literal(out, s + start, pos - start, ctx->ascii);
        if (pos >= n) {
            break;
        }
        char c = s[pos++];
        if (c == '}') {
            if (pos < n && s[pos] == '}') {
                tpy_strbuf_append_char(out, '}');
                pos++;
                continue;
            }
            return value_error("Single '}' encountered in format string");
        }
        if (pos < n && s[pos] == '{') {
            tpy_strbuf_append_char(out, '{');
            pos++;
            continue;
        }
        if (pos >= n) {
            return value_error("Single '{' encountered in format string");
        }
        // A replacement field: the name (brackets protect any character) ...
        size_t name_start = pos;
        while (pos < n) {
            char d = s[pos];
            if (d == '[') {
                while (pos < n && s[pos] != ']') {
                    pos++;
                }
                if (pos < n) {
                    pos++;
                }
                continue;
            }
            if (d == '{') {
                return value_error("unexpected '{' in field name");
            }
            if (d == '}' || d == ':' || d == '!') {
                break;
            }
            pos++;
        }
        if (pos >= n) {
            return value_error("expected '}' before end of string");
        }
        size_t name_len = pos - name_start;
        // ... an optional conversion ...
        uint32_t conv = 0;
        if (s[pos] == '!') {
            pos++;
            if (pos >= n) {
                return value_error("end of string while looking for conversion specifier");
            }
            const unsigned char *p = (const unsigned char *)s + pos;
            conv = tpy_utf8_decode(&p);
            pos = (size_t)((const char *)p - s);
            if (pos >= n) {
                return value_error("unmatched '{' in format spec");
            }
            if (s[pos] != ':' && s[pos] != '}') {
                return value_error("expected ':' after conversion specifier");
            }
        }
        // ... and an optional spec with balanced braces.
        const char *spec = s + pos;
        size_t spec_len = 0;
        bool nested = false;
        if (s[pos] == ':') {
            size_t spec_start = ++pos;
            int level = 1;
            while (pos < n) {
                if (s[pos] == '{') {
                    nested = true;
                    level++;
                } else if (s[pos] == '}' && --level == 0) {
                    break;
                }
                pos++;
            }
            if (pos >= n) {
                return value_error("unmatched '{' in format spec");
            }
            spec = s + spec_start;
            spec_len = pos - spec_start;
        }
        pos++; // the closing '}'
        if (render_field(ctx, s + name_start, name_len, conv, spec, spec_len, nested, depth, out) <
            0) {
            return -1;
        }
    }
    return 0;
}

static tpy_object_t *format_with(fctx_t *ctx, tpy_object_t *self)
{
    ctx->ascii = TPY_STR_IS_ASCII(self);
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    if (render(ctx, TPY_STR_DATA(self), (size_t)TPY_STR_LEN(self), 2, &b) < 0) {
        tpy_strbuf_release(&b);
        return NULL;
    }
    return tpy_strbuf_finish(&b);
}

tpy_object_t *tpy_str_format_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    fctx_t ctx = {args, nargs, kwnames, args + nargs, NULL, 0, 0, false};
    return format_with(&ctx, self);
}

tpy_object_t *tpy_str_format_map(tpy_object_t *self, tpy_object_t *mapping)
{
    fctx_t ctx = {NULL, 0, NULL, NULL, mapping, 0, 0, false};
    return format_with(&ctx, self);
}
