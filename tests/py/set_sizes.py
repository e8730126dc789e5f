# sys.getsizeof of sets follows CPython 3.11's table growth.
import sys

g = sys.getsizeof
s = set()
sizes = []
for i in range(50):
    s.add(i)
    sizes.append(g(s))
print(sizes)
s = set(range(100))
print(g(s), g(s.copy()), g(frozenset(s)), g(set(s)), g(s | s), g(s & s), g(s - {1}))
for i in range(90):
    s.discard(i)
print(g(s), g(s.copy()), s.copy())
print(g(set()), g(frozenset()), g({1}), g(set(range(5))), g(set(range(4))))
s = set(range(1000))
s.clear()
print(g(s))
