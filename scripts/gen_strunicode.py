#!/usr/bin/env python3
"""Generate runtime/strunicode.c: the character database of str.

Run with CPython 3.11 (its Unicode 14.0.0 database is the oracle):

    python3 scripts/gen_strunicode.py > runtime/strunicode.c

Every table is derived from what python3's own str methods answer for each
code point, so tpy's str methods agree with CPython's one character at a
time.  The only context-dependent rule (Greek final sigma in lower()) is
coded by hand in strmethods.c and uses the `cased` and `case_ignorable`
tables generated here.
"""
import sys
import unicodedata

MAX = 0x110000


def ranges(pred, start=0x80):
    out, lo = [], None
    for cp in range(start, MAX):
        ok = pred(cp)
        if ok and lo is None:
            lo = cp
        elif not ok and lo is not None:
            out.append((lo, cp - 1))
            lo = None
    if lo is not None:
        out.append((lo, MAX - 1))
    return out


def ch(cp):
    return chr(cp)


def emit_ranges(name, rs, comment):
    print(f"// {comment} ({len(rs)} ranges)")
    print(f"static const uint32_t {name}[][2] = {{")
    line = "   "
    for lo, hi in rs:
        item = f" {{0x{lo:X}, 0x{hi:X}}},"
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    if line.strip():
        print(line)
    print("};")
    print()


def mapping_tables(kind, fn):
    """Runs {lo, hi, stride, delta} for one-character results, and a list of
    (cp, text) for longer ones."""
    single, multi = {}, []
    for cp in range(MAX):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        r = fn(ch(cp))
        if r == ch(cp):
            continue
        if len(r) == 1:
            single[cp] = ord(r) - cp
        else:
            multi.append((cp, r))
    keys = sorted(single)
    runs = []
    i = 0
    while i < len(keys):
        lo = keys[i]
        d = single[lo]
        # Try stride 1, then stride 2 (alternating upper/lower pairs).
        best = (lo, 1, 1)
        for stride in (1, 2):
            hi = lo
            while True:
                nxt = hi + stride
                if single.get(nxt) != d:
                    break
                # a stride-2 run must not skip over a mapped code point
                if stride == 2 and (hi + 1) in single:
                    break
                hi = nxt
            n = (hi - lo) // stride + 1
            if n > best[2]:
                best = (hi, stride, n)
        hi, stride, n = best
        runs.append((lo, hi, stride, d))
        i += 1
        while i < len(keys) and keys[i] <= hi:
            if (keys[i] - lo) % stride != 0:
                raise SystemExit("overlapping run")
            i += 1
    return runs, multi


def emit_mapping(kind, fn):
    runs, multi = mapping_tables(kind, fn)
    print(f"// {kind}: one-character results as runs {{lo, hi, stride, delta}} ({len(runs)})")
    print(f"static const casemap_run_t {kind}_runs[] = {{")
    line = "   "
    for lo, hi, stride, d in runs:
        item = f" {{0x{lo:X}, 0x{hi:X}, {stride}, {d}}},"
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    if line.strip():
        print(line)
    print("};")
    print(f"// {kind}: longer results, UTF-8 ({len(multi)})")
    print(f"static const casemap_full_t {kind}_full[] = {{")
    line = "   "
    for cp, r in multi:
        if len(r) > 3:
            raise SystemExit("mapping longer than 3 code points")
        enc = "".join(f"\\x{b:02x}" for b in r.encode("utf-8"))
        item = f' {{0x{cp:X}, "{enc}"}},'
        if len(line) + len(item) > 99:
            print(line)
            line = "   "
        line += item
    if line.strip():
        print(line)
    print("};")
    print()


def case_ignorable(cp):
    cat = unicodedata.category(ch(cp))
    if cat in ("Mn", "Me", "Cf", "Lm", "Sk"):
        return True
    # Word_Break MidLetter, MidNumLet and Single_Quote
    return cp in (0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024,
                  0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A)


def main():
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("run with CPython 3.11")
    print(HEADER)
    emit_ranges("alpha_table", ranges(lambda c: ch(c).isalpha()), "isalpha()")
    emit_ranges("decimal_table", ranges(lambda c: ch(c).isdecimal()), "isdecimal()")
    emit_ranges("digit_table", ranges(lambda c: ch(c).isdigit()), "isdigit()")
    emit_ranges("numeric_table", ranges(lambda c: ch(c).isnumeric()), "isnumeric()")
    emit_ranges("nonprint_table", ranges(lambda c: not ch(c).isprintable()),
                "not isprintable()")
    emit_ranges("upper_table", ranges(lambda c: ch(c).isupper()), "isupper()")
    emit_ranges("lower_table", ranges(lambda c: ch(c).islower()), "islower()")
    emit_ranges("title_table",
                ranges(lambda c: unicodedata.category(ch(c)) == "Lt"), "titlecase letters (Lt)")
    emit_ranges("idstart_table", ranges(lambda c: ch(c).isidentifier()),
                "may start an identifier")
    emit_ranges("idcontinue_table", ranges(lambda c: ("a" + ch(c)).isidentifier()),
                "may continue an identifier")
    emit_ranges("ignorable_table", ranges(case_ignorable, start=0), "case-ignorable")
    emit_mapping("upper", str.upper)
    emit_mapping("lower", str.lower)
    emit_mapping("title", str.title)
    emit_mapping("fold", str.casefold)
    print(FOOTER)


HEADER = '''/*
 * runtime/strunicode.c - the character database of str: the properties behind
 * isalpha/isdigit/.../isprintable (and so repr) and the full case mappings
 * behind upper/lower/title/capitalize/swapcase/casefold.
 *
 * GENERATED from Unicode 14.0.0 (the database of Python 3.11) by
 *   python3 scripts/gen_strunicode.py > runtime/strunicode.c
 * which asks python3's own str methods about every code point.  Do not edit
 * the tables by hand.  ASCII never reaches them (callers test it inline).
 */
#include "runtime/runtime.h"

typedef struct {
    uint32_t lo, hi;
    uint8_t stride;
    int32_t delta;
} casemap_run_t;

typedef struct {
    uint32_t cp;
    const char *text;
} casemap_full_t;
'''

FOOTER = '''static bool in_table(const uint32_t (*t)[2], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < t[mid][0]) {
            hi = mid;
        } else if (cp > t[mid][1]) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}
#define IN_TABLE(t, cp) in_table((t), sizeof(t) / sizeof((t)[0]), (cp))

bool tpy_unicode_isprintable(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return !IN_TABLE(nonprint_table, cp);
}

bool tpy_unicode_isspace(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    }
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool tpy_unicode_islinebreak(uint32_t cp)
{
    return cp == '\\n' || cp == '\\r' || cp == 0x0B || cp == 0x0C || (cp >= 0x1C && cp <= 0x1E) ||
           cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool tpy_unicode_isalpha(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    return IN_TABLE(alpha_table, cp);
}

bool tpy_unicode_isdecimal(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9';
    }
    return IN_TABLE(decimal_table, cp);
}

bool tpy_unicode_isdigit(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9';
    }
    return IN_TABLE(digit_table, cp);
}

bool tpy_unicode_isnumeric(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9';
    }
    return IN_TABLE(numeric_table, cp);
}

bool tpy_unicode_isupper(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z';
    }
    return IN_TABLE(upper_table, cp);
}

bool tpy_unicode_islower(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'a' && cp <= 'z';
    }
    return IN_TABLE(lower_table, cp);
}

bool tpy_unicode_istitle(uint32_t cp)
{
    return cp >= 0x80 && IN_TABLE(title_table, cp);
}

bool tpy_unicode_iscased(uint32_t cp)
{
    return tpy_unicode_isupper(cp) || tpy_unicode_islower(cp) || tpy_unicode_istitle(cp);
}

bool tpy_unicode_iscaseignorable(uint32_t cp)
{
    return IN_TABLE(ignorable_table, cp);
}

bool tpy_unicode_isidstart(uint32_t cp)
{
    if (cp < 0x80) {
        return cp == '_' || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    }
    return IN_TABLE(idstart_table, cp);
}

bool tpy_unicode_isidcontinue(uint32_t cp)
{
    if (cp < 0x80) {
        return cp == '_' || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    }
    return IN_TABLE(idcontinue_table, cp);
}

// Map [cp] through one mapping: the result's code points go to [out] (room
// for 3), the count is returned.
static int map_cp(const casemap_run_t *runs, size_t nruns, const casemap_full_t *full,
                  size_t nfull, uint32_t cp, uint32_t *out)
{
    size_t lo = 0, hi = nruns;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < runs[mid].lo) {
            hi = mid;
        } else if (cp > runs[mid].hi) {
            lo = mid + 1;
        } else {
            if ((cp - runs[mid].lo) % runs[mid].stride == 0) {
                out[0] = (uint32_t)((int32_t)cp + runs[mid].delta);
                return 1;
            }
            break;
        }
    }
    lo = 0;
    hi = nfull;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < full[mid].cp) {
            hi = mid;
        } else if (cp > full[mid].cp) {
            lo = mid + 1;
        } else {
            const unsigned char *p = (const unsigned char *)full[mid].text;
            int n = 0;
            while (*p != 0 && n < 3) {
                out[n++] = tpy_utf8_decode(&p);
            }
            return n;
        }
    }
    out[0] = cp;
    return 1;
}
#define MAP(kind, cp, out)                                                                        \\
    map_cp(kind##_runs, sizeof(kind##_runs) / sizeof(kind##_runs[0]), kind##_full,               \\
           sizeof(kind##_full) / sizeof(kind##_full[0]), (cp), (out))

int tpy_unicode_toupper(uint32_t cp, uint32_t *out)
{
    if (cp < 0x80) {
        out[0] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
        return 1;
    }
    return MAP(upper, cp, out);
}

int tpy_unicode_tolower(uint32_t cp, uint32_t *out)
{
    if (cp < 0x80) {
        out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        return 1;
    }
    return MAP(lower, cp, out);
}

int tpy_unicode_totitle(uint32_t cp, uint32_t *out)
{
    if (cp < 0x80) {
        out[0] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
        return 1;
    }
    return MAP(title, cp, out);
}

int tpy_unicode_tofolded(uint32_t cp, uint32_t *out)
{
    if (cp < 0x80) {
        out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        return 1;
    }
    return MAP(fold, cp, out);
}'''

main()
