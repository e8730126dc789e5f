# list.sort / sorted: stability, key=, reverse=, errors, mutation during sort.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = [5, 3, 9, 1, 7, 3, 0, -2, 8]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["pear", "Apple", "fig", "banana", "kiwi", "apple", "Fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True), sorted(words, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (0, "q")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: -p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3.5, -1.0, 2.25, float("inf"), -0.5]), sorted([2, 1.5, True, 0]))
print(sorted([[2, 1], [1, 5], [1, 2, 3], [], [1]]), sorted(["b", "a", "ab", "", "ba"]))
print(sorted([2 ** 70, -2 ** 65, 5, 2 ** 64, -1]), sorted(["é", "z", "a", "ß", "A"]))
print(sorted(range(20), key=lambda x: x % 3), sorted(range(10), key=lambda x: -x))
print(sorted([]), sorted([1]), sorted((3, 2, 1)), sorted("hello"), sorted({3: 1, 1: 2}))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(s), len(s))
print(sorted(big, key=lambda x: (x % 10, x))[:12])
stab = [(i % 5, i) for i in range(60)]
print(sorted(stab, key=lambda p: p[0])[:15])
print(sorted(stab, key=lambda p: p[0], reverse=True)[:15])
runs = list(range(50)) + list(range(100, 50, -1)) + list(range(50, 100))
print(sorted(runs)[45:60], len(runs))
print(sorted([(1, 2), (1, 1.5), (0, 9), (1, 2, 0)]), sorted([(1.5, 1), (0.5, 2), (1.5, 0)]))
print(sorted([("b", 1), ("a", 2), ("b", 0)]))
n = float("nan")
print(sorted([(n, 1), (1.0, 2)])[1], sorted([3, 1, 2], key=lambda x: (x, n)))


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "K(%d)" % self.v


print(sorted([K(3), K(1), K(2), K(1)]))
t(lambda: sorted([3, 1, "a"]))
t(lambda: sorted([1, None]))
t(lambda: sorted([{}, {}]))
t(lambda: [].sort(1))
t(lambda: [].sort(foo=1))
t(lambda: [].sort(key=None, reverse=False, foo=1))
t(lambda: [3, 1].sort(reverse=None))
t(lambda: [3, 1].sort(reverse=1.5))
t(lambda: [3, 1].sort(key=1))
t(lambda: sorted([1, 2], key=lambda x: 1 / 0))
x = [3, 1, 2]
x.sort(key=None)
print(x)
x.sort(reverse=0)
print(x)
x.sort(reverse=5)
print(x)


class Boom:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 7 or other.v == 7:
            raise ValueError("boom")
        return self.v < other.v


b = [Boom(i) for i in [5, 9, 1, 7, 3, 8, 2, 6, 4, 0]]
try:
    b.sort()
except ValueError as e:
    print("ValueError", e, sorted(o.v for o in b))
c = [3, 2, 1]


def key_that_appends(v):
    c.append(0)
    return v


try:
    c.sort(key=key_that_appends)
except ValueError as e:
    print("ValueError", e, c)
d = [3, 2, 1]


def key_that_clears(v):
    d.clear()
    return v


try:
    d.sort(key=key_that_clears)
    print("no error", d)
except ValueError as e:
    print("ValueError", e, d)
e = [3, 2, 1]
try:
    e.sort(key=lambda v: 1 / (v - 2))
except ZeroDivisionError as err:
    print("ZeroDivisionError", err, e)
seen = []


def key_that_reads(v):
    seen.append(len(f))
    return v


f = [3, 1, 2]
f.sort(key=key_that_reads)
print(f, seen)
g = [5, 2, 8]
print(g.sort(), g, sorted(g, reverse=True), g)
