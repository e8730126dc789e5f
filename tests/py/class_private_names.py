# Private names (__x) inside a class are mangled to _Class__x everywhere a
# name appears: attributes, class variables, methods, parameters, slots,
# annotations, imports, global declarations, nested functions and lambdas.
class A:
    __y = 2
    def __init__(self): self.__x = 1
    def get(self): return self.__x, self.__y, A.__y
    def __priv(self): return "priv"
    def call(self): return self.__priv()
class B(A):
    def __init__(self):
        super().__init__()
        self.__x = 20
    def b(self): return self.__x
b = B()
print(A().__dict__, A().get(), "_A__y" in A.__dict__, sorted(b.__dict__), b.get(), b.b(), b.call())
class _Under:
    def __init__(self): self.__z = 3
print(_Under().__dict__)
class ___:
    def __init__(self): self.__w = 4
print(___().__dict__)
class C:
    __slots__ = ("__s",)
    def __init__(self): self.__s = 5
    def s(self): return self.__s
print(C().s(), hasattr(C, "_C__s"))
class D:
    def m(self, __p, *, __k=1):
        return __p, __k
    def n(self, __q: int) -> None: pass
    __a: int = 7
    x = [__a for _ in range(2)]
    def lam(self): return (lambda __v: __v)(9)
print(D().m(1), D.n.__annotations__, D.__annotations__, D.x, D().lam(), D.m.__kwdefaults__)
def outer():
    __t = 1
    class E:
        def f(self):
            try:
                return __t
            except NameError as e:
                return str(e)
    return E().f()
print(outer())
class F:
    global __g
    __g = 10
print(__g if "__g" in globals() else globals().get("_F__g"))
import sys as __sys
print(__sys.version_info[0])
class G:
    import math as __m
    def r(self): return self.__m.floor(2.5)
print(G().r(), hasattr(G, "_G__m"))
try:
    A().__x
except AttributeError as e:
    print(e)
