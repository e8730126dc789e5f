class A:
    def m(self): return "method"
    def get(self): return self.v
def run(objs):
    out = []
    for o in objs:
        out.append(o.m())
        try:
            out.append(o.get())
        except AttributeError as e:
            out.append(str(e))
    return out
a, b = A(), A()
a.v = 1
print(run([a, b, a]))
b.m = lambda: "shadow"
print(run([a, b]))
A.v = property(lambda self: "prop")
print(run([a, b]))
del A.v
def setv(o, x):
    o.v = x
for i in range(3):
    setv(a, i)
print(a.v)
A.v = property(lambda self: 7, lambda self, x: print("setter", x))
setv(a, 42)
print(a.v, a.__dict__)
class B(A):
    def m(self): return "B"
print(run([B(), a]))
A.m = lambda self: "patched"
print(run([a]))
