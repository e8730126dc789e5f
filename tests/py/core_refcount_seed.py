import sys

a = []
print(sys.getrefcount(a))


def func(a):
    print(sys.getrefcount(a))


func(a)
print(sys.getrefcount(a))

b = a
print(sys.getrefcount(a))
c = b
d = b
e = c
f = e
g = d
print(sys.getrefcount(a))
del c, d
print(sys.getrefcount(a))
e = f = g = None
print(sys.getrefcount(a))
b = 1
print(sys.getrefcount(a))
print(sys.getrefcount([]))
