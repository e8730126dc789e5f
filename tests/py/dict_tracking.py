# gc.is_tracked for dicts follows CPython 3.11: untracked until a container is stored.
import gc

d = {}
print(gc.is_tracked(d))
d[1] = "str"
d["k"] = 2.5
d[None] = 7
print(gc.is_tracked(d))
d[2] = []
print(gc.is_tracked(d))
e = {"a": 1}
e["b"] = {}
print(gc.is_tracked(e))
f = dict(a=1, b="x")
print(gc.is_tracked(f), gc.is_tracked(f.copy()), gc.is_tracked(dict(f)))
g = {"lst": [1]}
print(gc.is_tracked(g), gc.is_tracked(g.copy()), gc.is_tracked({**g}))
t = tuple([1, [2]])
h = {}
h[0] = t
print(gc.is_tracked(h))


class C:
    pass


i = {}
i["obj"] = C()
print(gc.is_tracked(i))
j = {}
j[frozenset([1])] = 1
print(gc.is_tracked(j))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(slice(1, 2)), gc.is_tracked(range(3)))
print(gc.is_tracked(iter([])), gc.is_tracked({}.keys()), gc.is_tracked(iter(range(2))))
