# A built-in slot bound to an instance is a method-wrapper (obj.__init__,
# (1).__add__, [].__len__): its repr, attributes, calls, equality, hashing.
import sys
import weakref


class C:
    pass


c = C()
m = c.__init__
print(type(m).__name__, m.__name__, m.__qualname__, m.__self__ is c, m.__objclass__)
print(repr(m).startswith("<method-wrapper '__init__' of C object at 0x"))
print(m(), (1).__add__(2), (5).__sub__(7), [1, 2].__len__(), "ab".__add__("cd"))
print((1).__add__("x"), c.__eq__(c), c.__ne__(c), c.__eq__(1))
print(c.__init__ == c.__init__, c.__init__ != C().__init__, hash(m) == hash(c.__init__))
print(c.__repr__() == repr(c), c.__str__() == str(c), c.__hash__() == hash(c))
print(object.__init__.__name__, object.__init__.__qualname__, int.__add__.__objclass__)
print(repr(int.__add__))
print(sys.getsizeof(m) <= 48)
try:
    weakref.ref(m)
except TypeError as e:
    print(e)
try:
    (1).__add__()
except TypeError as e:
    print(e)
try:
    m(1)
except TypeError as e:
    print(e)
holder = [c.__repr__]
c.me = c.__repr__      # a cycle through the wrapper's __self__
del c
import gc
print(gc.collect() >= 1, holder[0]().startswith("<__main__.C object"))
