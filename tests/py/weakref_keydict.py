# weakref.WeakKeyDictionary: entries vanish when their keys die.
import weakref
from _weakref_util import scrub, show, attempt


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "K%d" % self.n


def keys_of(d):
    return sorted(k.n for k in d)


a, b, c = K(1), K(2), K(3)
d = weakref.WeakKeyDictionary({a: "a", b: "b"})
d[c] = "c"
print(len(d), keys_of(d), d[a], d.get(b), d.get(K(9)), d.get(K(9), 0), c in d, K(9) in d, 1 in d)
print(sorted(d.values()), sorted((k.n, v) for k, v in d.items()))
del b
print(len(d), keys_of(d))
missing = K(7)
attempt(lambda: d[missing])
attempt(lambda: d[1])
attempt(lambda: d.__setitem__(1, 2))
attempt(lambda: d.get(1))
d[a] = "A"
print(d[a], len(d))
del d[a]
attempt(lambda: d.__delitem__(a))
print(scrub(repr(d)), type(d).__name__, type(d).__module__)
show(d.items())

# pop, popitem, setdefault, update, copy, keyrefs
d = weakref.WeakKeyDictionary()
e, f = K(5), K(6)
d[e] = 5
print(d.pop(e), d.pop(e, "none"), len(d))
attempt(lambda: d.pop(e))
d[f] = 6
print(d.popitem(), len(d))
attempt(lambda: d.popitem())
print(d.setdefault(e, []), d.setdefault(e, "x"), len(d))
d.update({f: 6})
d.update([(a, 1)])
print(sorted((k.n, v) for k, v in d.items()))
cp = d.copy()
print(type(cp).__name__, keys_of(cp), cp is d)
refs = d.keyrefs()
print(len(refs), sorted(r().n for r in refs))
del refs
del f
print(keys_of(d), keys_of(cp))

# iteration while keys die
objs = [K(i) for i in range(10)]
d = weakref.WeakKeyDictionary((o, o.n) for o in objs)
seen = []
for k, v in d.items():
    seen.append(v)
    if len(seen) == 3:
        del objs[4:]
        k = None
print(seen, len(d))
it = iter(d)
first = next(it)
del objs[:]
print(len(d))
del first, it
print(len(d), len(d.data))

# equality, the | operators, clear
k1, k2 = K(1), K(2)
d1 = weakref.WeakKeyDictionary({k1: 1})
print(d1 == weakref.WeakKeyDictionary({k1: 1}), d1 == {k1: 1}, d1 == {k2: 1}, d1 == [])
attempt(lambda: hash(d1))
u = d1 | {k2: 2}
print(type(u).__name__, sorted((k.n, v) for k, v in u.items()))
d1 |= {k2: 3}
print(sorted((k.n, v) for k, v in d1.items()))
d1.clear()
print(len(d1))

# keys that are classes and functions (metadata kept beside them)
def g():
    pass


meta = weakref.WeakKeyDictionary()
meta[g] = "function g"
print(meta[g], len(meta))
del g
print(len(meta))

# many keys dying together
many = [K(i) for i in range(50000)]
big = weakref.WeakKeyDictionary((k, k.n) for k in many)
print(len(big))
del many
print(len(big))
