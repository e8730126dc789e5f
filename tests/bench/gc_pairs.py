# Issue 5 figure (b): collecting 100 000 two-object garbage cycles (instances
# pointing at each other).  Prints the time of the one collection.
import gc
import time


class Node:
    pass


def make(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


gc.disable()
make(100000)
t = time.perf_counter()
n = gc.collect()
assert n >= 200000, n
print("%.6f" % (time.perf_counter() - t))
