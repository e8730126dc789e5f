# Assigning obj.__class__: allowed between classes with the same layout
# (instance dict, same __slots__), refused for built-in types, with CPython's messages.
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class L(list): pass
class L2(list): pass
class D(dict): pass
a = A(); a.p = 1; a.q = 2
a.__class__ = B
print(a.who(), a.p, a.q, vars(a), type(a).__name__, isinstance(a, B), isinstance(a, A))
a.r = 3; print(sorted(vars(a)))
a.__class__ = A; print(a.who(), a.r)
def t(f):
    try: f(); print("ok")
    except TypeError as e: print("TypeError:", e)
s = S1()
t(lambda: setattr(s, "__class__", S2))
t(lambda: setattr(s, "__class__", A))
l = L([1]); t(lambda: setattr(l, "__class__", L2)); print(type(l).__name__, l)
t(lambda: setattr(l, "__class__", D))
t(lambda: setattr(l, "__class__", list))
t(lambda: setattr(a, "__class__", 5))
t(lambda: delattr(a, "__class__"))
t(lambda: setattr(A, "__class__", B))
t(lambda: setattr(1, "__class__", bool))
import weakref
w = weakref.ref(a); a.__class__ = B; print(w() is a)
class E1(Exception): pass
class E2(Exception): pass
e = E1("m"); e.__class__ = E2; print(repr(e), type(e).__name__)
try:
    raise e
except E2 as x:
    print("caught as E2", x)
