# weakref.ref: calling, death, sharing, hashing, equality, repr, errors.
import weakref
import sys
from _weakref_util import scrub, show, attempt


class C:
    pass


def f():
    pass


# calling gives the object while it lives, None once it is gone
c = C()
r = weakref.ref(c)
print(r() is c, type(r).__name__, type(r))
del c
print(r())
show(r)

# a callback-less ref is shared; None as callback means none
c = C()
r1 = weakref.ref(c)
print(weakref.ref(c) is r1, weakref.ref(c, None) is r1, r1.__callback__)
r2 = weakref.ref(c, lambda w: None)
print(r2 is r1, r2.__callback__ is not None, r1 == r2)

# a weakref is not a reference: refcounts are unchanged
base = sys.getrefcount(c)
refs = [weakref.ref(c, lambda w: None) for i in range(5)]
print(sys.getrefcount(c) - base)

# counting and listing: shared ref, shared proxy, then the rest newest first
d = C()
a = weakref.ref(d, lambda w: 1)
b = weakref.ref(d, lambda w: 2)
p = weakref.proxy(d)
rr = weakref.ref(d)
p2 = weakref.proxy(d, lambda w: 3)
print(weakref.getweakrefcount(d))
order = weakref.getweakrefs(d)
print([x is y for x, y in zip(order, [rr, p, p2, b, a])])
print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
del a, b, p, rr, p2, order
print(weakref.getweakrefcount(d), weakref.getweakrefs(d) == [])

# what can be weakly referenced
def gen():
    yield 1


class L(list):
    pass


class I(int):
    pass


things = [C(), f, C, int, set(), frozenset([1]), gen(), C().__init__ if False else f,
          sys, L(), I(3), 1, "s", (1,), [], {}, 1.5, None, True, object(), range(3),
          ValueError("x"), iter([])]
for t in things:
    try:
        weakref.ref(t)
        print("ok", type(t).__name__)
    except TypeError as e:
        print(e)
m = C()
def meth(self):
    return 42
C.meth = meth
bound = m.meth
wb = weakref.ref(bound)
print(wb() is bound, wb()())
del bound
print(wb())

# repr
c = C()
r = weakref.ref(c)
show(r)
show(weakref.ref(f))
show(weakref.ref(C))
show(weakref.ref(sys))
del c
show(r)

# hashing: the referent's hash, remembered after death
class H:
    def __hash__(self):
        return 12345


h = H()
rh = weakref.ref(h)
print(hash(rh), hash(rh) == hash(h))
del h
print(hash(rh))
c = C()
r = weakref.ref(c)
del c
attempt(lambda: hash(r))

# equality: referents compared while both live, identity after
class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("E.__eq__")
        return self.v == other.v

    __hash__ = None


e1, e2, e3 = E(1), E(1), E(2)
w1, w2, w3 = weakref.ref(e1), weakref.ref(e2), weakref.ref(e3)
print(w1 == w2, w1 != w2, w1 == w3, w1 == w1)
print(w1 == 1, w1 != 1)
del e1
print(w1 == w2, w1 == w1, w1 != w2)
d = {}
k1, k2 = C(), C()
d[weakref.ref(k1)] = "one"
d[weakref.ref(k2)] = "two"
print(d[weakref.ref(k1)], d[weakref.ref(k2)])

# argument errors
attempt(lambda: weakref.ref())
attempt(lambda: weakref.ref(C(), None, 3))
attempt(lambda: weakref.ref(C(), callback=None))
attempt(lambda: weakref.getweakrefcount())
attempt(lambda: weakref.getweakrefs(1, 2))
keep = C()
r = weakref.ref(keep)
attempt(lambda: r(1))
attempt(lambda: r(x=1))
attempt(lambda: weakref.ref(r))
attempt(lambda: weakref.ref.__init__(r, keep, 1, 2))

# the types
print(weakref.ref is weakref.ReferenceType, weakref.ReferenceType.__name__,
      weakref.ReferenceType.__module__, weakref.ref.__qualname__)
print(weakref.ProxyType, weakref.CallableProxyType, weakref.ProxyTypes)
print(weakref.ReferenceType.__call__, weakref.ReferenceType.__hash__)
print(type(weakref.proxy(keep)) in weakref.ProxyTypes)
print(sorted(weakref.__all__))
