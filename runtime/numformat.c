/*
 * runtime/numformat.c - parsing of number format specs and the final layout
 * (sign, grouping, fill, alignment) shared by int and float formatting.
 *
 * Mirrors CPython 3.11's format(): fill is any code point, given only with an
 * alignment; a '0' before the width means fill '0' and align '=' unless those
 * were given; with '0' fill, '=' alignment and a grouping option the padding
 * zeros are grouped too ('-0,001,234'), and a separator never leads.
 * Also here: the ASCII form of numeric text that int() and float() parse
 * (Unicode spaces and decimal digits of every script are accepted).
 */
#include "runtime/numformat.h"

#include "runtime/errors.h"
#include "runtime/strobject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decode one UTF-8 code point at [p] (< end); returns its byte length. */
static size_t decode_cp(const char *p, const char *end, uint32_t *cp)
{
    unsigned char c = (unsigned char)p[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if ((size_t)(end - p) < n) {
        n = 1;
    }
    uint32_t v = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t i = 1; i < n; i++) {
        v = (v << 6) | ((unsigned char)p[i] & 0x3F);
    }
    *cp = v;
    return n;
}

/* Code points of the digit zero of every Unicode decimal-digit run (Nd). */
static const uint32_t digit_zeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

static bool is_unicode_space(uint32_t cp)
{
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

int tpy_num_ascii_form(const char *s, size_t len, char **result, size_t *rlen)
{
    *result = NULL;
    *rlen = len;
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80) {
        i++;
    }
    if (i == len) {
        return 0;
    }
    char *out = malloc(len + 1);
    if (out == NULL) {
        tpy_err_no_memory();
        return -1;
    }
    size_t o = 0;
    const char *p = s, *end = s + len;
    while (p < end) {
        uint32_t cp;
        p += decode_cp(p, end, &cp);
        char c = '\x01'; // matches nothing the parsers accept
        if (cp < 0x80) {
            c = (char)cp;
        } else if (is_unicode_space(cp)) {
            c = ' ';
        } else {
            for (size_t k = 0; k < sizeof digit_zeros / sizeof digit_zeros[0]; k++) {
                if (cp >= digit_zeros[k] && cp < digit_zeros[k] + 10) {
                    c = (char)('0' + (cp - digit_zeros[k]));
                    break;
                }
            }
        }
        out[o++] = c;
    }
    out[o] = '\0';
    *result = out;
    *rlen = o;
    return 0;
}

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Parse a run of decimal digits; -1 with ValueError when it overflows. */
static int parse_count(const char **pp, const char *end, intptr_t *out)
{
    const char *p = *pp;
    intptr_t v = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (v > (INTPTR_MAX - 9) / 10) {
            tpy_err_set_str(&tpy_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (*p - '0');
        p++;
    }
    *out = p == *pp ? -1 : v;
    *pp = p;
    return 0;
}

int tpy_numspec_parse(const char *spec, size_t len, const char *tname, tpy_numspec_t *out)
{
    const char *p = spec, *end = spec + len;
    *out = (tpy_numspec_t){.fill = ' ', .width = -1, .precision = -1};
    bool fill_given = false;
    if (p < end) {
        uint32_t cp;
        size_t n = decode_cp(p, end, &cp);
        if (p + n < end && is_align(p[n])) {
            out->fill = cp;
            fill_given = true;
            out->align = p[n];
            p += n + 1;
        } else if (is_align(*p)) {
            out->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) {
        out->sign = *p++;
    }
    if (p < end && *p == 'z') {
        out->no_neg_zero = true;
        p++;
    }
    if (p < end && *p == '#') {
        out->alternate = true;
        p++;
    }
    if (p < end && *p == '0') {
        if (!fill_given) {
            out->fill = '0';
        }
        if (out->align == 0) {
            out->align = '=';
        }
        p++;
    }
    if (parse_count(&p, end, &out->width) < 0) {
        return -1;
    }
    if (p < end && (*p == ',' || *p == '_')) {
        out->grouping = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            if (*p == out->grouping) {
                tpy_err_format(&tpy_exc_ValueError, "Cannot specify '%c' with '%c'.", *p, *p);
            } else {
                tpy_err_set_str(&tpy_exc_ValueError, "Cannot specify both ',' and '_'.");
            }
            return -1;
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (parse_count(&p, end, &out->precision) < 0) {
            return -1;
        }
        if (out->precision < 0) {
            tpy_err_set_str(&tpy_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (p < end) {
        uint32_t cp;
        size_t n = decode_cp(p, end, &cp);
        if (p + n != end) {
            tpy_object_t *s = tpy_str_from_utf8(spec, len);
            if (s != NULL) {
                tpy_err_format(&tpy_exc_ValueError,
                               "Invalid format specifier '%U' for object of type '%s'", s, tname);
                TPY_DECREF(s);
            }
            return -1;
        }
        out->type = cp;
    }
    if (out->grouping) {
        switch (out->type) {
        case 0:
        case 'd':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%':
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (out->grouping == '_') {
                break;
            }
            tpy_numspec_bad_grouping(out);
            return -1;
        default:
            tpy_numspec_bad_grouping(out);
            return -1;
        }
    }
    return 0;
}

/* The type code as CPython quotes it in messages: 'x', or '\x20'. */
static void type_text(uint32_t type, char *buf, size_t size)
{
    if (type > 32 && type < 128) {
        snprintf(buf, size, "%c", (char)type);
    } else {
        snprintf(buf, size, "\\x%x", (unsigned)type);
    }
}

tpy_object_t *tpy_numspec_unknown(const tpy_numspec_t *spec, const char *tname)
{
    char t[16];
    type_text(spec->type, t, sizeof t);
    return tpy_err_format(&tpy_exc_ValueError, "Unknown format code '%s' for object of type '%s'",
                          t, tname);
}

tpy_object_t *tpy_numspec_bad_grouping(const tpy_numspec_t *spec)
{
    char t[16];
    type_text(spec->type, t, sizeof t);
    return tpy_err_format(&tpy_exc_ValueError, "Cannot specify '%c' with '%s'.", spec->grouping,
                          t);
}

static void append_fill(tpy_strbuf_t *b, uint32_t fill, size_t count)
{
    tpy_strbuf_append_fill(b, fill, count); // one reservation: a huge width fails at once
}

tpy_object_t *tpy_numspec_layout(const tpy_numspec_t *spec, bool negative, const char *prefix,
                                 const char *digits, size_t ndigits, const char *rest,
                                 size_t nrest, int group)
{
    char signc = negative ? '-' : spec->sign == '+' ? '+' : spec->sign == ' ' ? ' ' : 0;
    size_t nsign = signc != 0, nprefix = strlen(prefix);
    size_t width = spec->width < 0 ? 0 : (size_t)spec->width;
    char align = spec->align ? spec->align : '>';
    char sep = spec->grouping;

    // How many digits (real ones plus leading zeros) to print, and their width.
    size_t ntotal = ndigits;
    if (sep && ndigits > 0 && spec->fill == '0' && align == '=') {
        size_t fixed = nsign + nprefix + nrest;
        size_t minw = width > fixed ? width - fixed : 0;
        while (ntotal + (ntotal - 1) / (size_t)group < minw) {
            ntotal++;
        }
    }
    size_t ngrouped = sep && ntotal > 0 ? ntotal + (ntotal - 1) / (size_t)group : ntotal;
    size_t rest_chars = 0; // [rest] may hold a non-ASCII character ('c' format)
    for (size_t i = 0; i < nrest; i++) {
        rest_chars += ((unsigned char)rest[i] & 0xC0) != 0x80;
    }
    size_t len = nsign + nprefix + ngrouped + rest_chars;
    size_t pad = width > len ? width - len : 0;

    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    size_t left = 0, right = 0, inner = 0;
    switch (align) {
    case '<':
        right = pad;
        break;
    case '^':
        left = pad / 2;
        right = pad - left;
        break;
    case '=':
        inner = pad;
        break;
    default:
        left = pad;
        break;
    }
    append_fill(&b, spec->fill, left);
    if (signc) {
        tpy_strbuf_append_char(&b, signc);
    }
    tpy_strbuf_append(&b, prefix, nprefix);
    append_fill(&b, spec->fill, inner);
    for (size_t i = 0; i < ntotal; i++) {
        size_t from_right = ntotal - i; // position counted from the last digit, 1-based
        char c = i < ntotal - ndigits ? '0' : digits[i - (ntotal - ndigits)];
        tpy_strbuf_append_char(&b, c);
        if (sep && from_right > 1 && (from_right - 1) % (size_t)group == 0) {
            tpy_strbuf_append_char(&b, sep);
        }
    }
    tpy_strbuf_append(&b, rest, nrest);
    append_fill(&b, spec->fill, right);
    return tpy_strbuf_finish(&b);
}
