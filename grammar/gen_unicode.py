# grammar/gen_unicode.py - writes grammar/unicode.c from the Unicode database of
# the python3 running it (3.11: Unicode 14.0):  python3 grammar/gen_unicode.py > grammar/unicode.c
import sys, unicodedata
def ranges(pred):
    r = []; s = None
    for c in range(0x80, 0x110000):
        ok = not (0xD800 <= c <= 0xDFFF) and pred(chr(c))
        if ok and s is None: s = c
        if not ok and s is not None: r.append((s, c - 1)); s = None
    if s is not None: r.append((s, 0x10FFFF))
    return r
tables = [
    ("id_start", ranges(lambda ch: ch.isidentifier())),
    ("id_continue", ranges(lambda ch: ('a' + ch).isidentifier())),
    ("nonprintable", ranges(lambda ch: not ch.isprintable())),
]
out = []
out.append('''/*
 * grammar/unicode.c - the three Unicode properties the lexer needs for
 * non-ASCII source: may a code point start an identifier (XID_Start), continue
 * one (XID_Continue), and is it printable (for CPython's "invalid character"
 * versus "invalid non-printable character" messages).
 *
 * GENERATED from Unicode %s (the database of Python 3.11) by
 *   python3 grammar/gen_unicode.py > grammar/unicode.c
 * which builds sorted [lo, hi] ranges of code points >= 0x80 from
 *   str.isidentifier(), ('a' + ch).isidentifier() and not str.isprintable().
 * Do not edit the tables by hand.  Identifiers are not NFKC-normalised.
 */
#include "grammar/parser_int.h"
''' % unicodedata.unidata_version)
for name, rs in tables:
    out.append('static const uint32_t %s[][2] = {' % name)
    line = '   '
    for lo, hi in rs:
        item = ' {0x%X, 0x%X},' % (lo, hi)
        if len(line) + len(item) > 99:
            out.append(line); line = '   '
        line += item
    out.append(line)
    out.append('};')
    out.append('')
out.append('''static bool in_table(const uint32_t (*t)[2], size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < t[mid][0]) {
            hi = mid;
        } else if (c > t[mid][1]) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

bool tpy_uni_is_id_start(uint32_t c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
    return in_table(id_start, COUNT(id_start), c);
}

bool tpy_uni_is_id_continue(uint32_t c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }
    return in_table(id_continue, COUNT(id_continue), c);
}

bool tpy_uni_is_printable(uint32_t c)
{
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7F;
    }
    return !in_table(nonprintable, COUNT(nonprintable), c);
}''')
print('\n'.join(out))
