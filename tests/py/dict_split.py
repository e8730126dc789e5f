# The __dict__ of an instance (vars(obj), obj.__dict__) behaves as any dict
# whatever tpy keeps behind it (a split dict sharing the class's names while
# it can), and sys.getsizeof finds it no bigger than CPython 3.11 does: the
# numbers below are CPython's for the same dicts.
import gc
import sys


def make_class(nattrs):
    names = ["a%d" % i for i in range(nattrs)]

    class C:
        def __init__(self):
            for i, name in enumerate(names):
                setattr(self, name, i)

    return C


# Sizes of fresh instance dicts, and of copies of them: CPython's (vars(o),
# o.__dict__, vars(o).copy()) for n attributes.
CPYTHON = {0: (280, 280, 64), 1: (280, 280, 280), 3: (280, 280, 280), 5: (280, 280, 280),
           6: (280, 280, 280), 10: (280, 280, 280), 11: (280, 280, 280), 12: (280, 280, 280),
           20: (280, 280, 280), 21: (280, 280, 280), 22: (280, 280, 280), 27: (288, 288, 288),
           28: (296, 296, 296), 29: (296, 296, 296)}
for n, (dsize, esize, csize) in CPYTHON.items():
    C = make_class(n)
    objs = [C() for i in range(3)]
    d = vars(objs[0])
    e = objs[1].__dict__
    print(n, len(d), sys.getsizeof(d) <= dsize, sys.getsizeof(e) <= esize,
          sys.getsizeof(d.copy()) <= csize, d == e, list(d)[-2:])

# Attribute and dict access agree after the dict exists.
C = make_class(12)
o = C()
d = vars(o)
print(d["a3"], o.a3, "a11" in d, "zz" in d, d.get("zz", "none"), len(d))
o.a3 = 33
d["a4"] = 44
print(d["a3"], o.a4, list(d.items())[2:6])
o.new = "n"
d["newer"] = "nn"
print(o.newer, d["new"], list(d)[-3:], sys.getsizeof(d) <= 296)
del o.a0
del d["a1"]
print(list(d)[:3], hasattr(o, "a0"), hasattr(o, "a1"), len(d))
try:
    del d["a1"]
except KeyError as exc:
    print("KeyError", exc)
try:
    o.a0
except AttributeError as exc:
    print("AttributeError", exc)
# a deleted key comes back last
d["a0"] = "back"
print(list(d)[-2:], o.a0)
o.a2 = "replaced"
print(list(d)[:2], d.pop("a2"), d.pop("a2", "gone"), d.setdefault("a5", 0), d.setdefault("s", 1))
print(list(d)[-3:], len(d))

# Iteration, views, reversal, mutation during iteration.
C = make_class(6)
o = C()
d = vars(o)
print(list(d.keys()), list(d.values()), list(d.items())[:2], list(reversed(d))[:3])
print(list(reversed(d.items()))[:2], "a2" in d.keys(), ("a2", 2) in d.items(), 2 in d.values())
print(d.keys() & {"a1", "zz"}, sorted(d.keys() - {"a0", "a1", "a2"}), d.items() & {("a5", 5)})
for k in d:
    d[k] = d[k] * 10
print(d)
try:
    for k in d:
        d["extra"] = 1
except RuntimeError as exc:
    print("RuntimeError", exc)
try:
    for k in d:
        del d["a0"]
except RuntimeError as exc:
    print("RuntimeError", exc)
print(len(d), list(d)[:2])

# Keys of other kinds: they end sharing, the dict keeps every item in order.
C = make_class(8)
o = C()
d = vars(o)
d[1] = "one"
print(list(d.items())[-2:], o.a7, d[1], sys.getsizeof(d) > 0)
o.after = "x"
print(list(d)[-3:], getattr(o, "after"))


class Key:
    def __hash__(self):
        return hash("a3")

    def __eq__(self, other):
        return other == "a3"


class S(str):
    pass


o = make_class(5)()
d = vars(o)
print(d[Key()], Key() in d, d.get(S("a4")), S("a2") in d)
d[Key()] = "via key"
d[S("a1")] = "via str subclass"
print(o.a3, o.a1, len(d), list(d)[:5])

# popitem, clear, update, equality, copies outliving their instance and class.
C = make_class(15)
o = C()
d = vars(o)
print(d.popitem(), d.popitem(), len(d), list(d)[-1])
d.update({"a0": "u"}, a1="v", fresh="w")
print(list(d.items())[:2], list(d)[-1], d == dict(d), dict(d) == d)
c = vars(C()).copy()
c2 = dict(vars(C()))
del C
del o
gc.collect()
print(len(c), list(c)[:3], c == c2, sorted(c)[:3])
d.clear()
print(d, len(d), sys.getsizeof(d) <= 64)
o = make_class(3)()
vars(o).clear()
o.a1 = "again"
print(vars(o), o.a1)

# Tracking: a dict of atomic values stays untracked until it holds a container.
C = make_class(4)
o = C()
d = vars(o)
print(gc.is_tracked(d))
o.lst = []
print(gc.is_tracked(d), sorted(map(repr, gc.get_referents(d))))

# Instances that set their attributes in different orders.
class P:
    pass


p, q = P(), P()
for name in ["x", "y", "z"]:
    setattr(p, name, name)
for name in ["z", "y", "x", "w"]:
    setattr(q, name, name.upper())
print(vars(p), vars(q))
vp = vars(p)
vp["w"] = "pw"
print(vars(p), vars(q), p.w)

# More names than a shared table takes.
C = make_class(40)
o = C()
d = vars(o)
print(len(d), list(d)[-2:], d["a39"], o.a0)

# Attributes set out of the class's order, or deleted and set again: CPython's
# split dict keeps an order of its own (280 bytes for these); tpy turns such a
# dict into an ordinary table, no bigger up to 10 attributes.
for n in [1, 3, 5, 8, 10]:
    class R:
        pass

    names = ["a%d" % i for i in range(n)]
    p, q, r = R(), R(), R()
    for name in names:
        setattr(p, name, 1)
        setattr(r, name, 2)
    for name in reversed(names):
        setattr(q, name, 3)
    delattr(r, "a0")
    r.a0 = 4
    print(n, list(vars(q))[:2], list(vars(r))[-2:], sys.getsizeof(vars(q)) <= 280,
          sys.getsizeof(vars(r)) <= 280)
