# weakref.WeakValueDictionary: entries vanish when their values die.
import weakref
from _weakref_util import scrub, show, attempt


class V:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "V%d" % self.n


a, b, c = V(1), V(2), V(3)
d = weakref.WeakValueDictionary({"a": a, "b": b}, c=c)
print(len(d), sorted(d), d["a"], d.get("b"), d.get("zz"), d.get("zz", 0), "c" in d, "q" in d)
print(sorted(d.keys()), sorted(d.values(), key=lambda v: v.n), sorted(d.items()))
del b
print(len(d), sorted(d), "b" in d, d.get("b", "gone"))
attempt(lambda: d["b"])
attempt(lambda: d[[]])
d["x"] = a
print(sorted(d.items()))
del d["x"]
attempt(lambda: d.__delitem__("x"))
print(scrub(repr(d)), type(d).__name__, type(d).__module__)
attempt(lambda: d.__setitem__("n", 5))
print(show(d.keys()))

# pop, popitem, setdefault, update, copy
print(d.pop("a"), d.pop("a", "default"), len(d))
attempt(lambda: d.pop("a"))
k, v = d.popitem()
print(k, v, len(d))
attempt(lambda: d.popitem())
e = V(5)
print(d.setdefault("e", e) is e, d.setdefault("e", V(6)) is e)
f = V(6)
d.update({"f": f})
d.update([("g", f)])
d.update(h=e)
print(sorted(d.items()))
cp = d.copy()
print(type(cp).__name__, sorted(cp.items()), cp is d)
del e
print(sorted(d), sorted(cp))
refs = d.valuerefs()
print(len(refs), all(isinstance(r, weakref.KeyedRef) for r in refs), sorted(r.key for r in refs))
print(sorted(r.key for r in d.itervaluerefs()))
del refs

# iteration while values die: no error; the dead are skipped and removed after
vals = [V(i) for i in range(10)]
d = weakref.WeakValueDictionary((i, v) for i, v in enumerate(vals))
seen = []
for k in d:
    seen.append(k)
    if len(seen) == 2:
        del vals[5:]
print(seen == sorted(seen), len(seen), len(d), sorted(d))
gen = d.items()
print(next(gen))
del vals[:]
print(sorted(d.data.keys()) == list(range(5)))
del gen
print(len(d), dict(d.data))

# a dict of classes and functions
def fn():
    pass


reg = weakref.WeakValueDictionary()
reg["fn"] = fn
print(list(reg))
del fn
print(list(reg))

# equality, clear, the | operators
v1, v2 = V(1), V(2)
d1 = weakref.WeakValueDictionary(a=v1)
d2 = weakref.WeakValueDictionary(a=v1)
print(d1 == d2, d1 == {"a": v1}, d1 != {"a": v2}, d1 == 1)
attempt(lambda: hash(d1))
u = d1 | {"b": v2}
print(type(u).__name__, sorted(u.items()))
u2 = {"c": v2} | d1
print(type(u2).__name__, sorted(u2.items()))
d1 |= {"z": v2}
print(sorted(d1.items()))
d1.clear()
print(len(d1))
attempt(lambda: d1 | 1)

# many values dying together
many = [V(i) for i in range(50000)]
big = weakref.WeakValueDictionary(enumerate(many))
print(len(big))
del many[::2]
print(len(big))
del many
print(len(big))
