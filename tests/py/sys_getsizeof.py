# sys.getsizeof reports what a value really occupies in tpy (its allocations,
# the GC header of a container included, as CPython counts).  For each value
# below that is at most what CPython 3.11 reports, the number written next to
# it, so every line prints True under both (int_sizeof, dict_size_bound and
# sizeof_types check whole families).
import sys

g = sys.getsizeof


class Sized:
    def __sizeof__(self):
        return 100


class Broken:
    def __sizeof__(self):
        return -1


class Plain:
    pass


def f():
    pass


cases = [
    ("", 49), ("a", 50), ("hello", 54), ("é", 74), ("é" * 10, 83), ("ā", 76), ("€uro", 82),
    ("😀", 80), ("a😀", 84), ("ÿ", 74), ("x" * 1000, 1049),
    (0, 28), (1, 28), (-1, 28), (2**30, 32), (2**62, 36), (-2**63 + 1, 36), (2**3000, 428),
    (10**1000, 468), (True, 28), (False, 28),
    ((), 40), ((1,), 48), ((1, 2, 3), 64), (tuple(range(100)), 840), (1.5, 24), (None, 16),
    ([], 56), ([1, 2, 3], 88), (list(range(100)), 856),
    ({}, 64), ({1: 1}, 232), (dict.fromkeys(range(100)), 4688),
    (set(), 216), ({1, 2, 3}, 216), (set(range(100)), 8408), (frozenset({1}), 216),
    (Plain(), 56), (Plain, 1688), (f, 152), (len, 72), (range(3), 48), (iter([]), 48),
    (slice(1), 56), ([].append, 72), (ValueError("x"), 88), (object(), 16),
    (Sized(), 132), (2**63, 36), (2**64, 36), (2**100, 40), (-2**70, 36), (2**1000, 160),
    ({"a": 1}, 184), (dict.fromkeys("abcdef"), 272), (int, 424), (type, 424), (dict, 424),
    (object().__init__, 48),
]
for value, cpython in cases:
    print(type(value).__name__, ascii(value)[:30] if type(value) in (str, int) else "",
          g(value) <= cpython)

# What both count the same way: one byte per ASCII character, eight per item.
print(g("hello") - g(""), g("x" * 1000) - g("x"), g((1, 2, 3)) - g(()), g([1, 2, 3]) - g([]))
print(g(10**1000) > g(2**100) > g(1), g(Sized()) >= 100)
try:
    g(Broken())
except ValueError as e:
    print("ValueError:", e)
print(g(Sized(), 7) <= 132, g(1, 7) <= 28)
