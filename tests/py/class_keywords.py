# Keyword arguments in a class statement go to __init_subclass__ (metaclass=
# is outside tpy's subset); type(name, bases, ns, **kw) passes them too.
class Base:
    registry = []

    def __init_subclass__(cls, flag=0, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
        Base.registry.append((cls.__name__, flag, sorted(kw)))


class A(Base, flag=1):
    pass


class B(A):
    pass


def make(n):
    for i in range(n):
        for j in range(2):
            class K(Base, flag=i * 10 + j):
                value = [i, j]
            yield K.flag, K.value


print(A.flag, B.flag, list(make(2)))
X = type("X", (Base,), {"y": 2}, flag=7)
print(X.flag, X.y, Base.registry)


class Strict:
    def __init_subclass__(cls, *, required):
        cls.required = required


class S(Strict, required="yes"):
    pass


print(S.required)
for src in ("class Bad(flag=1): pass", "class Bad2(Strict): pass",
            "class Bad3(Strict, required=1, extra=2): pass"):
    try:
        if src.startswith("class Bad("):
            class Bad(flag=1):
                pass
        elif src.startswith("class Bad2"):
            class Bad2(Strict):
                pass
        else:
            class Bad3(Strict, required=1, extra=2):
                pass
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("Y", (), {}, q=5)
except TypeError as e:
    print(e)
