# sys.getsizeof of lists follows CPython 3.11's over-allocation.
import sys

g = sys.getsizeof
a = []
sizes = []
for i in range(40):
    a.append(i)
    sizes.append(g(a))
print(sizes)
print(g([]), g(list(range(10))), g([0] * 10), g([i for i in range(10)]), g(list((1, 2, 3))))
a = list(range(10))
a.extend(range(3))
print(g(a))
a = list(range(10))
a.extend([1, 2, 3])
print(g(a))
a = list(range(100))
for i in range(90):
    a.pop()
print(g(a))
a = list((1, 2, 3))
a.insert(0, 1)
print(g(a))
a = list((1, 2, 3)) * 5
print(g(a))
a *= 3
print(g(a))
print(g(a[:]), g(a.copy()), g(a + a))
print(g(list(x for x in range(3))), g(list(range(3))), g(list(iter([1, 2, 3]))))
print(g(list({1: 2, 3: 4})), g(list("abc")))
a = list((1, 2, 3))
a.extend(x for x in range(3))
print(g(a))
a = []
a += (1, 2, 3)
print(g(a))
a = list(range(20))
del a[5:]
print(g(a))
a.clear()
print(g(a), g(()), g((1, 2)), g(tuple(range(10))))
