# Weakref callbacks: when they run, in which order, with what argument, and
# what happens when they raise, create or drop other weakrefs.
import weakref
import sys


class C:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "C(%s)" % self.name


class Callback:
    # a callable with a fixed repr (unraisable reports print the callback)
    def __init__(self, label, fail=False):
        self.label = label
        self.fail = fail

    def __call__(self, wr):
        print("callback", self.label, "dead:", wr() is None)
        if self.fail:
            raise ValueError("callback " + self.label + " failed")

    def __repr__(self):
        return "<Callback %s>" % self.label


# newest first, each receives its own (dead) weakref
c = C("a")
seen = []
refs = [weakref.ref(c, lambda w, i=i: seen.append((i, w() is None))) for i in range(4)]
del c
print(seen)

# the weakref handed to the callback is the one that was created
c = C("b")
holder = []
r = weakref.ref(c, holder.append)
del c
print(holder[0] is r, r(), r.__callback__)

# __del__ runs before the callbacks
class D:
    def __del__(self):
        print("__del__, ref alive:", rd() is self)


d = D()
rd = weakref.ref(d, Callback("after __del__"))
del d

# a weakref that dies first never calls back
c = C("c")
r = weakref.ref(c, Callback("never"))
del r
del c
print("no callback above")

# a raising callback is reported and the others still run
c = C("d")
r1 = weakref.ref(c, Callback("one"))
r2 = weakref.ref(c, Callback("two", fail=True))
r3 = weakref.ref(c, Callback("three"))
del c
print("program continues")

# callbacks may create new weakrefs (to other objects) and drop others
keep = C("keep")
made = []
other = C("other")


def make_more(wr):
    made.append(weakref.ref(keep, Callback("made")))
    made.append(weakref.ref(C("temp"), Callback("temp died")))
    global r_pending
    del r_pending
    print("made", len(made))


c = C("e")
r_pending = weakref.ref(c, Callback("pending"))
r_make = weakref.ref(c, make_more)
del c
print(weakref.getweakrefcount(keep))
del made[:]
print(weakref.getweakrefcount(keep))

# a callback that drops the last reference to its own weakref
c = C("f")
box = {}


def drop_self(wr):
    del box["r"]
    print("dropped own ref", wr() is None)


box["r"] = weakref.ref(c, drop_self)
del c

# the referent dies on rebinding, on container clearing, on function return
x = C("g")
rx = weakref.ref(x, Callback("rebinding"))
x = None
lst = [C("h")]
rl = weakref.ref(lst[0], Callback("list clear"))
lst.clear()


def local():
    y = C("i")
    global ry
    ry = weakref.ref(y, Callback("return"))
    print("in function")


local()
print("after function")

# a callback sees a live exception state untouched
c = C("j")
rc = weakref.ref(c, Callback("during except"))
try:
    raise KeyError("k")
except KeyError as e:
    del c
    print("still handling", repr(sys.exc_info()[1]))

# weakrefs to members of a long chain: callbacks run as the chain unwinds
head = None
chain_refs = []
for i in range(2000):
    node = C(i)
    node.next = head
    head = node
    chain_refs.append(weakref.ref(node))
del node
died = []
watch = weakref.ref(head, lambda w: died.append("head"))
head = None
print(died, sum(1 for w in chain_refs if w() is None))

# many weakrefs with callbacks
count = [0]


def bump(wr):
    count[0] += 1


objs = [C(i) for i in range(100000)]
wrs = [weakref.ref(o, bump) for o in objs]
print(count[0])
del objs
print(count[0], all(w() is None for w in wrs))

# many callbacks on one object, each making a new weakref to a survivor
survivor = C("s")
target = C("t")
kept = []
wrs = [weakref.ref(target, lambda w: kept.append(weakref.ref(survivor, bump)))
       for i in range(1000)]
del target
print(len(kept), weakref.getweakrefcount(survivor))
del kept
print(weakref.getweakrefcount(survivor))
