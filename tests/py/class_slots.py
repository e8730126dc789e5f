# __slots__: fixed-offset attributes with member descriptors, no __dict__ or
# __weakref__ unless listed, name mangling, and CPython's errors for bad
# names, class-variable conflicts, layout conflicts and variable-size bases.
class P:
    __slots__ = ('a', '__b')
p = P()
try: p.a
except AttributeError as e: print(e)
try: del p.a
except AttributeError as e: print(e)
try: p.c = 1
except AttributeError as e: print(e)
print(P.a, P._P__b, P.__slots__)
try: P.__dict__['a'].__get__(1)
except TypeError as e: print(e)
class Q(P): pass
q = Q(); q.z = 1; print(q.__dict__)
class R:
    __slots__ = ('x',)
try:
    class S(P, R): pass
except TypeError as e: print(e)
try:
    class T(int): __slots__ = ('a',)
except TypeError as e: print(e)
try:
    class U: 
        __slots__ = ('a',)
        a = 1
except ValueError as e: print(e)
try:
    class V: __slots__ = (1,)
except TypeError as e: print(e)
try:
    class W: __slots__ = ('1a',)
except TypeError as e: print(e)
class X: __slots__ = 'abc'
print(X.abc, hasattr(X(), '__dict__'), hasattr(P(), '__weakref__'))
p.a = 5; p._P__b = [p]; print(p.a, len(p._P__b))
class Y(P):
    __slots__ = ('c', '__dict__')
y = Y(); y.a = 1; y.c = 2; y.d = 3; print(y.a, y.c, y.__dict__)
import gc
del p
print(gc.collect())
import gc as _gc
y2 = Y()
y2.c = "slot c"
y2.extra = "in dict"
print(_gc.get_referents(y2))
