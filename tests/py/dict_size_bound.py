# sys.getsizeof of a dict is never more than CPython 3.11's for the same dict.
# The bound is CPython's layout at the table size the dict has (read by
# _dictsize.table_rank, which dict_sizes and dict_fuzz_sizes check against
# CPython's): a 48-byte object and a 16-byte GC header; with a table, a
# 32-byte keys header, 2**k index slots of 1, 2, 4 or 8 bytes, and 2/3 of
# 2**k entries of 16 bytes when the table holds only str keys, else 24.
# Each line shows the table ranks over the counts and the counts whose dict
# exceeds the bound (none, under CPython as under tpy); getsizeof must also
# be __sizeof__ plus the GC header.
import sys
from _dictsize import table_rank


def bound(d, str_table):
    r = table_rank(d)
    if r == 0:
        return 64
    k = r + 2
    ix = 1 if k < 8 else 2 if k < 16 else 4 if k < 32 else 8
    return 64 + 32 + (ix << k) + ((2 << k) // 3) * (16 if str_table else 24)


def keys(kind, n):
    if kind == "str":
        return ["k%d" % i for i in range(n)]
    if kind == "int":
        return list(range(n))
    if kind == "mixed":
        return [("k%d" % i if i % 2 else i) for i in range(n)]
    return [(i, "t") for i in range(n)]


def kwargs(**kw):
    return kw


def popped(d):
    for i in range(len(d) // 3):
        d.popitem()
    return d


def halved(d, ks):
    for k in ks[: len(ks) // 2]:
        del d[k]
    return d


def build_all(ks):
    d = {}
    for k in ks:
        d[k] = 1
    e = {}
    e.update(d)
    cleared = dict(d)
    cleared.clear()
    return [
        ("assign", d),
        ("comprehension", {k: None for k in ks}),
        ("fromkeys", dict.fromkeys(ks)),
        ("fromkeys(dict)", dict.fromkeys(d)),
        ("dict(pairs)", dict(zip(ks, ks))),
        ("dict(d)", dict(d)),
        ("copy", d.copy()),
        ("{**d}", {**d}),
        ("update", e),
        ("d | {}", d | {}),
        ("del half", halved(dict(d), ks)),
        ("del half, copy", halved(dict(d), ks).copy()),
        ("popitem", popped(dict(d))),
        ("clear", cleared),
    ]


COUNTS = list(range(0, 70)) + [85, 86, 170, 171, 341, 342, 683, 684, 1365, 1366, 2000]
for kind in ["str", "int", "mixed", "tuple"]:
    results = {}
    for n in COUNTS:
        for name, d in build_all(keys(kind, n)):
            ranks, over = results.setdefault(name, ([], []))
            ranks.append(table_rank(d))
            if sys.getsizeof(d) > bound(d, kind == "str") or sys.getsizeof(d) != d.__sizeof__() + 16:
                over.append(n)
    for name, (ranks, over) in results.items():
        print(kind, name, "over:", over)
        print("   ", ranks)

# Tables that start with str keys and then take another kind of key.
for n in [1, 5, 6, 10, 11, 21, 22, 100]:
    ks = keys("str", n)
    d = dict.fromkeys(ks)
    d[n] = 1
    e = dict.fromkeys(ks)
    e[(n,)] = 1
    del e[(n,)]
    f = {**dict.fromkeys(ks), 1.5: 2}
    g = kwargs(**dict.fromkeys(ks))
    print(n, [table_rank(x) for x in (d, e, f, g)],
          [sys.getsizeof(x) <= bound(x, x is g) for x in (d, e, f, g)])

# Literal displays.
x = []
literals = [
    {},
    {"a": 1},
    {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5},
    {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6},
    {"a": x, "b": x, "c": x, "d": x, "e": x, "f": x, "g": x, "h": x, "i": x, "j": x, "k": x},
    {1: 1},
    {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6},
    {1: "a", "b": 2},
]
for d in literals:
    str_table = all(type(k) is str for k in d)
    print(len(d), table_rank(d), sys.getsizeof(d) <= bound(d, str_table))
