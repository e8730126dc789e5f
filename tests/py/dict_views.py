# dict views: len, iteration, `in`, repr, set operations, comparisons.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


d = {1: "a", 2: "b", 3: "c"}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
print(type(reversed(d)).__name__, type(reversed(k)).__name__, type(reversed(v)).__name__,
      type(reversed(it)).__name__)
print(list(reversed(d)), list(reversed(v)), list(reversed(it)), list(reversed({})))
d[4] = "d"
print(k, v, it)
print(2 in k, 9 in k, "b" in v, "z" in v, (2, "b") in it, (2, "x") in it, 2 in it, [1, 2] in it)
t(lambda: [] in k)
t(lambda: ([], 1) in it)
print(k == {1, 2, 3, 4}, k == {1, 2}, k != {1}, k == [1, 2, 3, 4], v == v, it == {(1, "a")})
print(k < {1, 2, 3, 4, 5}, k <= {1, 2, 3, 4}, k > {1}, k >= {9}, {1: 0}.keys() == {1: 5}.keys())
print(it == {(1, "a"), (2, "b"), (3, "c"), (4, "d")}, d.items() == d.items())
print(k & {2, 3, 9}, k | {0}, k - {1, 2}, k ^ {1, 10}, {2, 3, 9} & k, {0} | k, {1, 2, 7} - k)
print([3, 4, 5] & k, [3, 10] | k, [1, 9] - k, [1, 9] ^ k, k & [1, 4], k - (3,))
print(k & d.keys(), k - {}.keys(), it & {(1, "a"), (5, "e")}, sorted(it - {(1, "a")}))
print({1: 2, 3: 4, 5: 6}.items() ^ {1: 2, 3: 5}.items())
print(sorted(it | {(9, "z")}), it ^ {(1, "a")} == {(2, "b"), (3, "c"), (4, "d")})
print(k.isdisjoint({7, 8}), k.isdisjoint([4]), it.isdisjoint([(1, "a")]), k.isdisjoint(k),
      {}.keys().isdisjoint({}.keys()))
t(lambda: v | {1})
t(lambda: v - v)
t(lambda: k | 1)
t(lambda: k < [1])
t(lambda: hash(k))
t(lambda: hash(it))
print(type(hash(v)).__name__)
print({}.keys(), {}.values(), {}.items())
e = {}
e[1] = e.values()
print(e)
e = {}
e[1] = e.keys()
print(e)
e = {}
e["x"] = e.items()
print(e)
print(list({"a": 1, "b": 2}.items()), dict({"a": 1}.items()), set({5: 0}), sorted({3: 0, 1: 0}))
for key, val in {"p": 1, "q": 2}.items():
    print(key, val)
pairs = list({i: i * i for i in range(5)}.items())
print(pairs)
