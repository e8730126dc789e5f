# Reference cycles are freed only by the collector; __del__ in a cycle runs
# exactly once (PEP 442) and gc.garbage stays empty.
import gc


class Node:
    alive = 0

    def __init__(self, name):
        self.name = name
        self.next = None
        self.prev = None
        Node.alive += 1

    def __del__(self):
        Node.alive -= 1
        print("del", self.name)


def make_pair():
    a = Node("a")
    b = Node("b")
    a.next = b
    b.prev = a
    a.prev = b
    b.next = a


gc.collect()
make_pair()
print("after return, alive:", Node.alive)
gc.collect()
print("after collect, alive:", Node.alive)
print("garbage:", gc.garbage)

# a list that contains itself
l = []
l.append(l)
del l
print("self-list:", gc.collect())

# a dict cycle
d = {}
d["me"] = d
del d
print("self-dict:", gc.collect())

# three lists in a ring
x, y, z = [], [], []
x.append(y)
y.append(z)
z.append(x)
del x, y, z
print("ring:", gc.collect())

# reachable from outside: nothing is collected
keep = []
keep.append(keep)
print("kept:", gc.collect(), len(keep))

# a cycle hanging off a cycle
r1 = []
r2 = [r1]
r1.append(r2)
r1.append([[], [], {}])
del r1, r2
print("cycle with tail:", gc.collect())


# finalizer runs once even when the object is resurrected
class Phoenix:
    saved = []
    count = 0

    def __del__(self):
        Phoenix.count += 1
        Phoenix.saved.append(self)


p = Phoenix()
p.self = p
del p
gc.collect()
print("resurrected:", len(Phoenix.saved), "finalized", Phoenix.count,
      gc.is_finalized(Phoenix.saved[0]))
Phoenix.saved.clear()
gc.collect()
print("after second death, __del__ ran", Phoenix.count, "time(s)")


# generations: a survivor moves up
gc.collect()
survivor = [[]]
print(any(o is survivor for o in gc.get_objects(0)))
gc.collect(0)
print(any(o is survivor for o in gc.get_objects(1)))
gc.collect(1)
print(any(o is survivor for o in gc.get_objects(2)))
