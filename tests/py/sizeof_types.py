# sys.getsizeof of type objects: never above CPython 3.11's figures (424 bytes
# for a built-in type, 1688 for a class).  Each line is True under both.
import sys


class C:
    pass


class D(C):
    def __add__(self, other):
        return 1


for t in (int, bool, float, str, list, tuple, dict, set, frozenset, range, slice,
          object, type, BaseException, ValueError, KeyError, StopIteration):
    print(t.__name__, sys.getsizeof(t) <= 424)
for t in (C, D):
    print(t.__name__, sys.getsizeof(t) <= 1688)
print(D() + D(), sys.getsizeof(int) <= sys.getsizeof(C))
