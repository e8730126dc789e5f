# weakref.WeakSet: a set whose members vanish when they die.
import weakref
from _weakref_util import scrub, show, attempt


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "O%d" % self.n


def names(ws):
    return sorted(o.n for o in ws)


a, b, c, d = O(1), O(2), O(3), O(4)
ws = weakref.WeakSet([a, b, c])
print(len(ws), names(ws), a in ws, d in ws, 1 in ws, [] in ws)
del b
print(len(ws), names(ws))
ws.add(d)
ws.add(d)
print(len(ws), names(ws))
ws.discard(a)
ws.discard(O(9))
print(names(ws))
ws.remove(c)
attempt(lambda: ws.remove(c))
attempt(lambda: ws.add(1))
print(type(ws), type(ws).__name__, type(ws).__module__)
print(scrub(repr(weakref.WeakSet([d]))), repr(weakref.WeakSet()))
print(bool(weakref.WeakSet()), bool(ws))

# pop and clear
p = weakref.WeakSet([a, c])
got = p.pop()
print(got in (a, c), len(p))
p.pop()
attempt(lambda: p.pop())
q = weakref.WeakSet([a, c, d])
q.clear()
print(len(q), list(q))

# iteration while members die: no "changed size" error, dead ones skipped
objs = [O(i) for i in range(10)]
ws = weakref.WeakSet(objs)
seen = []
for o in ws:
    seen.append(o.n)
    if len(seen) == 3:
        del objs[:]
        o = None
print(len(seen) <= 10, len(ws))
objs = [O(i) for i in range(10)]
ws = weakref.WeakSet(objs)
it = iter(ws)
first = next(it)
del objs[:]
print(len(ws))
del first
del it
print(len(ws))

# the algebra
x1, x2, x3, x4 = O(1), O(2), O(3), O(4)
s12 = weakref.WeakSet([x1, x2])
s23 = weakref.WeakSet([x2, x3])
print(names(s12 | s23), names(s12 & s23), names(s12 - s23), names(s12 ^ s23))
print(names(s12.union([x4])), names(s12.intersection([x2, x4])),
      names(s12.difference([x1])), names(s12.symmetric_difference([x2, x4])))
print(type(s12 | s23).__name__, s12.isdisjoint(s23), s12.isdisjoint([x4]))
print(s12 <= s23, s12 <= weakref.WeakSet([x1, x2, x3]), s12 < weakref.WeakSet([x1, x2]),
      s12 >= weakref.WeakSet([x1]), s12 > weakref.WeakSet([x1]),
      s12.issubset([x1, x2, x4]), s12.issuperset([x2]))
print(s12 == weakref.WeakSet([x2, x1]), s12 != s23, s12 == {x1, x2}, s12 == s23)
u = weakref.WeakSet([x1])
u |= [x2]
u.update([x3])
print(names(u))
u &= [x1, x2, x4]
print(names(u))
u -= [x1]
print(names(u))
u ^= [x2, x3]
print(names(u))
u.intersection_update([x3])
u.difference_update([x4])
u.symmetric_difference_update([x1])
print(names(u))
u -= u
print(len(u))
v = weakref.WeakSet([x1, x2])
v ^= v
print(len(v))
cp = s12.copy()
print(type(cp).__name__, names(cp), cp is s12)
attempt(lambda: hash(s12))


# subclasses keep their class through the algebra
class MySet(weakref.WeakSet):
    pass


m = MySet([x1]) | [x2]
print(type(m).__name__, names(m))

# sets of functions and classes
def f():
    pass


class K:
    pass


fs = weakref.WeakSet([f, K])
print(len(fs))
del f, K
print(len(fs))

# many members, all dying at once
many = [O(i) for i in range(50000)]
big = weakref.WeakSet(many)
print(len(big))
del many
print(len(big))
