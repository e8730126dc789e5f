# Random object graphs (instances, lists, dicts, tuples, some with __del__,
# some resurrecting themselves) are built, partly dropped and collected; the
# survivors, the finalizer calls and the counts gc.collect() returns must be
# CPython's.  A deterministic generator drives it.
import gc
import weakref


class LCG:
    def __init__(self, s):
        self.s = s

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) % 2147483648
        return (self.s >> 16) % n


rng = LCG(77)
finalized = []
saved = []


class Plain:
    pass


class WithDel:
    def __del__(self):
        finalized.append(self.tag)


class Phoenix:
    def __del__(self):
        finalized.append("phoenix " + self.tag)
        if len(saved) < 3:
            saved.append(self)


def make(i):
    k = rng.next(6)
    if k == 0:
        o = Plain()
    elif k == 1:
        o = WithDel()
    elif k == 2:
        o = Phoenix()
    elif k == 3:
        return [i]
    elif k == 4:
        return {"i": i}
    else:
        o = Plain()
    o.tag = "n%d" % i
    o.refs = []
    return o


def link(a, b):
    if isinstance(a, list):
        a.append(b)
    elif isinstance(a, dict):
        a[len(a)] = b
    else:
        a.refs.append(b)


gc.disable()
for rnd in range(5):
    nodes = [make(i) for i in range(300)]
    for _ in range(330):
        link(nodes[rng.next(300)], nodes[rng.next(300)])
    refs = []
    for n in nodes:
        if not isinstance(n, (list, dict)):
            refs.append(weakref.ref(n))
    keep = [nodes[rng.next(300)] for _ in range(2)]
    del nodes
    found = gc.collect()
    alive = sum(1 for r in refs if r() is not None)
    print("round", rnd, "collected", found, "alive", alive, "finalized", len(finalized),
          "saved", len(saved))
    del keep
    saved.clear()
    print("  after dropping the rest:", gc.collect(), sum(1 for r in refs if r() is not None))
print(sorted(finalized)[:10], len(finalized))
gc.enable()
