# Dict tables grow, shrink and get copied exactly as CPython 3.11's: the table
# size (read from sys.getsizeof by _dictsize.table_rank) after each operation.
from _dictsize import table_rank as g

d = {}
sizes = []
for i in range(50):
    d[i] = i
    sizes.append(g(d))
print(sizes)
d = {}
sizes = []
for i in range(50):
    d["k%d" % i] = i
    sizes.append(g(d))
print(sizes)
print(g({}), g({"a": 1}), g({1: 1}), g(dict(a=1, b=2)), g(dict([(1, 2)])), g(dict({1: 2})))
print(g({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}), g({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}))
d = {"a": 1}
d[1] = 2
print(g(d))
d = {1: 1}
d["a"] = 2
print(g(d))
d = dict.fromkeys(range(22))
del d[0]
print(len(d), g(d), g({**d}), g(d.copy()), g(dict(d)))
for n in [5, 6, 10, 11, 20, 21, 22, 42, 43]:
    d = dict.fromkeys(range(n))
    e = {}
    e.update(d)
    print(n, g(d), g(e), g(dict(d)), g(d.copy()), g({**d}), g(dict.fromkeys(set(d))))
d = {}
for i in range(10):
    d[i] = i
for i in range(9):
    d.popitem()
print(g(d))
d[100] = 1
print(g(d))
d = {}
for i in range(10):
    d[i] = i
for k in range(5):
    d.popitem()
    d[100 + k] = 1
    print(g(d), end=" ")
print()
d = dict.fromkeys(range(8))
for i in range(8):
    del d[i]
print(g(d), len(d))
d[1] = 1
print(g(d))
d.clear()
print(g(d), g({i: i for i in range(6)}), g({str(i): i for i in range(6)}))
