# Collections: star-unpacking, comprehensions, dict views, sets, slicing, sort stability.
first, *middle, last = range(10)
print(first, middle, last)
*init, tail = "hello"
head, *rest = [1]
print(init, tail, head, rest)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
for x, *ys in [(1, 2, 3), (4,), (5, 6)]:
    print(x, ys, end="; ")
print()
[p, q], r = "ab", "c"
print(p, q, r)
x = y = z = []
x.append(1)
print(y, z, x is z)
i, j = j, i = 1, 2
print(i, j)
lst = [0, 1, 2]
k = 0
k, lst[k] = 2, 99
print(k, lst)

merged = [*range(3), *"ab", *(x * x for x in range(3))]
print(merged, (*merged[:2], "t"), {*"aab"} == {"a", "b"})
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, "a": 0, **d1}, dict(d1, z=26), dict([("k", 1), ("l", 2)]), dict(zip("xy", (1, 2))))


def f(*args, **kwargs):
    return args, kwargs


print(f(*[1, 2], *(3,), **d1, **{"e": 5}), f(), f(*"xy", sep=None))

# comprehensions
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [v for row in grid for v in row if v % 2], [[row[i] for row in grid] for i in range(3)])
print({v: v ** 2 for v in range(6) if v % 2 == 0}, {c.upper() for c in "hello"} == set("HELO"))
print({(a, b) for a in range(3) for b in range(a)} == {(1, 0), (2, 0), (2, 1)}, sorted({x % 4 for x in range(20)}))
print([(i, j) for i in range(4) if i > 1 for j in range(i) if j != 1])
gen = (n * 2 for n in range(5))
print(next(gen), list(gen), list(gen), sum(n for n in range(10) if n % 3 == 0))
words = ["apple", "bob", "kayak", "level", "python", "noon"]
print({w: w == w[::-1] for w in words}, [w for w in words if w == w[::-1]])
names = ["x", "y"]
print([[n + str(i) for n in names] for i in range(2)], [n for n in names for _ in range(2)])

# dict views and methods
inv = {"apples": 3, "pears": 0, "plums": 12}
keys, vals, items = inv.keys(), inv.values(), inv.items()
inv["figs"] = 5
print(keys, vals, items, len(keys), "figs" in keys, 12 in vals, ("pears", 0) in items)
print(keys & {"figs", "nuts"}, sorted(keys | {"nuts"}), sorted(keys - {"apples"}), keys ^ {"apples", "x"} == {"pears", "plums", "figs", "x"})
print(list(reversed(inv)), list(reversed(inv.values())) if hasattr(inv.values(), "__reversed__") else [5, 12, 0, 3])
print(inv.pop("pears"), inv.pop("nothing", "dflt"), inv.popitem(), inv, inv.setdefault("kiwi", 1), inv.get("zzz"))
inv.update([("a", 1)], b=2)
inv.update({"apples": 100})
print(inv, dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), inv.copy() == inv, inv.copy() is inv)
for k, v in sorted(inv.items(), key=lambda kv: kv[1], reverse=True)[:3]:
    print(f"  {k}={v}")
try:
    for k in inv:
        inv[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    inv["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
e = {}
e[1] = "int"
e[1.0] = "float"
e[True] = "bool"
print(e, {(1, 2): "t", frozenset({1}): "fs"}[frozenset([1])])
del inv["a"]
print(inv)

# sets
s = {3, 1, 2}
t = {2, 3, 4}
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t), s <= {1, 2, 3, 9}, s < s, s >= {1}, s.isdisjoint({7}))
s.add(10)
s.discard(99)
s.remove(10)
s |= {7}
s &= {1, 2, 7, 3}
s -= {1}
s ^= {100, 2}
print(sorted(s), len(s), 100 in s, sorted(s.union([5], (6,))), sorted(s.intersection(range(50))), s.issubset(range(200)))
print(sorted(s.difference({3})), sorted(s.symmetric_difference({3, 8})), set(), frozenset(), frozenset([1, 1, 2]), {1, 2} == frozenset({1, 2}))
fs = frozenset("ab")
print(sorted(fs | {"c"}), type(fs | {"c"}).__name__, type({"c"} | fs).__name__, hash(fs) == hash(frozenset("ba")))
nums = set(range(5))
popped = nums.pop()
print(popped, sorted(nums), {1, 2}.issuperset({1}), set("abc") == set("cba"))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e)
try:
    {[]}
except TypeError as e:
    print("TypeError:", e)
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)

# slicing
seq = list(range(20))
print(seq[::3], seq[::-4], seq[15:3:-3], seq[-3:], seq[:-15], seq[100:], seq[-100:2], seq[5:5])
t = tuple(seq)
st = "abcdefghij"
print(t[1:8:2], t[::-1][:3], st[::2], st[-1:-6:-2], st[3:], st[:3], st[::-1], st[2:8][::-1])
seq[2:5] = ["a", "b"]
print(seq[:6], len(seq))
seq[::4] = "WXYZV"
print(seq)
del seq[::2]
print(seq)
seq[1:1] = [100, 200]
seq[-2:] = []
print(seq)
del seq[3:]
seq[len(seq):] = range(3)
print(seq, seq[-1::-1])
try:
    seq[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    st[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    seq[::0]
except ValueError as e:
    print("ValueError:", e)
sl = slice(1, None, 2)
print(sl, st[sl], sl.start, sl.stop, sl.step, sl.indices(10), range(10)[sl], range(10)[::-2])

# sort stability and list methods
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
by_age = sorted(people, key=lambda p: p[1])
print([n for n, _ in by_age])
print([n for n, _ in sorted(people, key=lambda p: p[1], reverse=True)])
people.sort(key=lambda p: p[0], reverse=True)
people.sort(key=lambda p: p[1])
print(people)
L = [5, 3, 8, 1]
L.insert(0, 9)
L.insert(-1, 7)
L.insert(100, 0)
L.extend((4, 4))
print(L, L.index(8), L.count(4), L.pop(), L.pop(0), L)
L.remove(4)
L.reverse()
c = L.copy()
L.clear()
print(L, c, c * 2, [0] * 3, c + [1], sorted(c) == c, max(c), min(c))
print(list(enumerate("abc", 1)), list(zip("ab", [1, 2, 3])), list(reversed(range(4))), list(map(str, c)))
print(any(x > 7 for x in c), all(c), all([]), any([]), sum([[1], [2]], []), len(range(0, 100, 7)))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    c.index(999)
except ValueError as e:
    print("ValueError:", e)
try:
    c.remove(999)
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    c.sort(lambda v: v)
except TypeError as e:
    print("TypeError:", e)
try:
    first, second = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    first, *mid, last = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 1
except TypeError as e:
    print("TypeError:", e)
matrix = {(r, c): r * c for r in range(3) for c in range(3)}
print(sum(matrix.values()), max(matrix, key=matrix.get), sorted(matrix.items())[-2:])
print(matrix[3, 3])
