# Instance attributes live in a values array shared-keyed by the class until
# __dict__ is needed; every observable behaviour must stay CPython's:
# insertion order per instance, deletion, re-insertion, vars(), __dict__
# writes, many attributes, getattr with names built at run time, gc counts.
import gc


class C:
    pass


x = C()
x.a = 1
x.b = 2
y = C()
y.b = 1
y.a = 2
print(vars(x), vars(y))
z = C()
z.a = 1
z.b = 2
del z.a
z.a = 3
print(vars(z))
w = C()
w.b = 5
del w.b
w.b = 6
print(vars(w), w.b)
try:
    del w.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(w.a)
except AttributeError as e:
    print("AttributeError:", e)
name = "".join(["b"])
print(getattr(w, name), hasattr(w, "q" + "q"))
setattr(w, "d" + "yn", 7)
print(w.dyn, vars(w))
w.__dict__["k"] = 9
print(w.k, w.__dict__)
many = C()
for i in range(40):
    setattr(many, "attr%d" % i, i)
print(len(vars(many)), many.attr0, many.attr39, list(vars(many))[:3])


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


pts = [P(i, i + 1) for i in range(5)]
print([p.norm() for p in pts])
pts[0].norm = lambda: "shadowed"
print(pts[0].norm(), pts[1].norm())
print(gc.get_referents(P(3, 4))[:2])


class Q(P):
    pass


q = Q(1, 2)
q.z = 3
print(vars(q), q.norm())
a = C()
b = C()
a.other = b
b.other = a
del a, b
print("collected:", gc.collect())
