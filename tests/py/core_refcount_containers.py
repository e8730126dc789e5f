from sys import getrefcount

a = [1, 2, 3]
print(getrefcount(a))
b = [a, a]
print(getrefcount(a))
print(getrefcount(b))
t = (a,)
print(getrefcount(a))
d = {"k": a}
print(getrefcount(a))
del t
del d["k"]
print(getrefcount(a))
b = None
print(getrefcount(a))

s = []
s.append(s)
print(getrefcount(s))


class Box:
    pass


box = Box()
box.item = a
print(getrefcount(a))
box = None
print(getrefcount(a))


def local_refs():
    z = []
    print(getrefcount(z))
    w = z
    print(getrefcount(z))
    del w
    print(getrefcount(z))


local_refs()
