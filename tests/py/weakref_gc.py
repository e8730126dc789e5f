# Weak references and the cycle collector: weakrefs to garbage are cleared
# before any __del__ runs, callbacks run only for weakrefs that outlive the
# garbage, resurrection is safe, and weakrefs are invisible to the collector.
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __repr__(self):
        return "Node(%s)" % self.name


# (automatic collections are off where the test shows garbage still alive)
gc.disable()

# a two-object cycle: both callbacks run, after the collection found them
died = []
a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, lambda w: died.append(("a", w() is None)))
rb = weakref.ref(b, lambda w: died.append(("b", w() is None)))
del a, b
print(ra() is not None, died)
print(gc.collect() >= 2, sorted(died), ra(), rb())


# __del__ of a collected object sees its weakrefs already dead
class D:
    def __del__(self):
        print("__del__ sees", rd(), "proxy dead:", not alive(pd))


def alive(p):
    try:
        p.__class__
        return True
    except ReferenceError:
        return False


d = D()
d.self = d
rd = weakref.ref(d, lambda w: print("d callback"))
pd = weakref.proxy(d)
del d
gc.collect()


# a weakref that is garbage itself never calls back
class E:
    pass


e = E()
e.self = e
e.wr = weakref.ref(e, lambda w: print("never printed"))
f = E()
f.self = f
keep = E()
f.wr = weakref.ref(keep, lambda w: print("never printed either"))
del e, f
gc.collect()
del keep
print("no garbage callbacks")

# a finalizer that resurrects its object: the weakref stays dead
saved = []


class R:
    def __del__(self):
        saved.append(self)


r = R()
r.self = r
wr = weakref.ref(r, lambda w: print("r callback"))
del r
gc.collect()
print(len(saved), wr(), weakref.getweakrefcount(saved[0]))
nwr = weakref.ref(saved[0])
print(nwr() is saved[0])
saved.clear()
gc.collect()
print(nwr())

# a callback that revives something from the garbage through another path
kept = []


class Holder:
    pass


h = Holder()
h.self = h
h.payload = Node("payload")
rh = weakref.ref(h, lambda w: kept.append("called"))
rp = weakref.ref(h.payload)
del h
gc.collect()
print(kept, rh(), rp())

# 100 000 objects in cycles, each with a callback
count = [0]


def bump(w):
    count[0] += 1


refs = []
for i in range(100000):
    n = Node(i)
    n.other = n
    refs.append(weakref.ref(n, bump))
del n
gc.collect()
print(count[0], all(w() is None for w in refs))
del refs

# callbacks that create new weakrefs while the collector runs them
survivor = Node("survivor")
made = []
for i in range(100):
    n = Node(i)
    n.other = n
    n.wr = None
    made.append(weakref.ref(n, lambda w: made.append(weakref.ref(survivor))))
del n
gc.collect()
print(len(made), weakref.getweakrefcount(survivor))

# weak containers forget collected members
ws = weakref.WeakSet()
wvd = weakref.WeakValueDictionary()
wkd = weakref.WeakKeyDictionary()
for i in range(10):
    n = Node(i)
    n.other = n
    ws.add(n)
    wvd[i] = n
    wkd[n] = i
del n
print(len(ws), len(wvd), len(wkd))
gc.collect()
print(len(ws), len(wvd), len(wkd))
gc.enable()


# classes and functions in cycles
class K:
    pass


def fn():
    return fn


wk = weakref.ref(K, lambda w: print("class collected"))
wf = weakref.ref(fn)
del K, fn
gc.collect()
print(wk(), wf())

# weakrefs are not references: referents, referrers and refcounts unchanged
x = Node("x")
before = sys.getrefcount(x)
w = weakref.ref(x, bump)
p = weakref.proxy(x)
print(sys.getrefcount(x) - before, gc.get_referents(w) == [bump], gc.get_referents(p) == [],
      len(gc.get_referrers(x)))
print(gc.is_tracked(w), gc.is_tracked(p))


# a finalize whose object is collected
class Res:
    pass


res = Res()
res.self = res
fin = weakref.finalize(res, print, "finalized by the collector")
del res
gc.collect()
print(fin.alive)
