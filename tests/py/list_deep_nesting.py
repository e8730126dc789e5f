# Deeply nested containers: destruction must not overflow the C stack (CPython's
# trashcan), and repr/compare stop with RecursionError.
a = []
for i in range(300000):
    a = [a]
del a
print("list ok")
t = ()
for i in range(300000):
    t = (t,)
del t
print("tuple ok")
d = {}
for i in range(300000):
    d = {1: d}
del d
print("dict ok")
s = frozenset()
for i in range(100000):
    s = frozenset([s])
del s
print("frozenset ok")
m = []
for i in range(100000):
    m = [m, (m,), {1: m}]
del m
print("mixed ok")


class Node:
    def __init__(self, n):
        self.n = n


head = None
for i in range(100000):
    node = Node(i)
    node.next = head
    head = node
del head, node
print("instances ok")
a = []
for i in range(100000):
    a = [a]
try:
    repr(a)
except RecursionError as e:
    print("RecursionError", e)
b = []
for i in range(100000):
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError", e)
d = {}
for i in range(100000):
    d = {1: d}
try:
    str(d)
except RecursionError as e:
    print("RecursionError", e)
print("done")
