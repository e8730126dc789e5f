# Classes: MRO, dunder methods, properties, descriptors, hooks.
from __future__ import annotations

class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        Base.registry.append(cls.__name__)
class A(Base):
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], Base.registry, D.mro() == list(D.__mro__))
class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k): return Vec(self.x // k, self.y // k)
    def __mod__(self, k): return Vec(self.x % k, self.y % k)
    def __pow__(self, k): return Vec(self.x ** k, self.y ** k)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return Vec(self.y, self.x)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return abs(self) < abs(o)
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __radd__(self, o): return "radd %r" % (o,)
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
    def __bool__(self): return bool(self.x or self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, *a, **k): return ("called", a, k)
    def __format__(self, spec): return f"<{self.x:{spec}},{self.y:{spec}}>"
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 3 * v, w / 2, w // 2, w % 3, v ** 2, -v, +v, abs(w), ~v, v @ w)
print(v & w, v | w, v ^ w, v << w, v >> w, 5 + v, sum([v, w], Vec(0, 0)))
print(v == Vec(1, 2), v != w, v < w, w > v, v <= w if hasattr(Vec, "__le__") and False else "", sorted([w, v]), max(v, w))
u = v
u += w
print(u, v, u is v, bool(Vec(0, 0)), len(v), v[1], list(v), 4 in v, v(1, k=2), f"{v:03d}", format(w, ">3"))
print({v: 1}[Vec(4, 6)], {Vec(1, 1), Vec(1, 1)})
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append("get " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._target, name)
class Plain: pass
t = Plain()
p = Proxy(t)
p.a = 1
print(p.a, t.a, p.log)
del p.a
print(hasattr(t, "a"), p.log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15: raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self): print("deleting"); self._c = None
    @property
    def fahrenheit(self): return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c): return c * 9 / 5 + 32
    @classmethod
    def boiling(cls):
        t = cls(); t.celsius = 100; return t
tt = Temp.boiling()
print(tt.celsius, tt.fahrenheit, Temp.convert(37), tt.convert(0), type(Temp.__dict__["convert"]).__name__)
del tt.celsius
print(tt.celsius)
try:
    tt.fahrenheit = 5
except AttributeError as e:
    print(e)
try:
    tt.celsius = -300
except ValueError as e:
    print(e)
print(Temp.celsius.fget.__name__, isinstance(Temp.celsius, property), Temp.celsius.__doc__)
class Res:
    def __init__(self, name): self.name = name; print("open", name)
    def __enter__(self): print("enter", self.name); return self
    def __exit__(self, *exc): print("exit", self.name, exc[0].__name__ if exc[0] else None); return False
    def __del__(self): print("del", self.name)
with Res("a") as r1, Res("b") as r2:
    print("body", r1.name, r2.name)
try:
    with Res("c"):
        raise KeyError("k")
except KeyError:
    print("propagated")
del r1, r2
def f():
    x = Res("local")
    return 1
f()
print("after f")
class Cnt:
    count = 0
    def __new__(cls, *a):
        cls.count += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
print(Cnt(1).v, Cnt(2).v, Cnt.count)
class Meta_less:
    __slots__ = ()
print(type(Cnt(3)), type(type), type(None).__name__, Cnt.__name__, Cnt.__qualname__, Cnt.__module__)
print(isinstance(3, (str, int)), issubclass(bool, int), issubclass(D, (C, str)), isinstance(D(), A), callable(D), callable(D()))
try:
    isinstance(3, 4)
except TypeError as e:
    print(e)
try:
    issubclass(3, int)
except TypeError as e:
    print(e)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
try:
    hash(Eq(1))
except TypeError as e:
    print(e)
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq.__hash__)
class Ordered:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "O%d" % self.v
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max([Ordered(3), Ordered(5)]), Ordered(1) > Ordered(0))
try:
    Ordered(1) <= Ordered(2)
except TypeError as e:
    print(e)
class Str:
    def __str__(self): return "str!"
print(Str(), str(Str()), repr(Str())[:13], f"{Str()}", "%s" % Str(), [Str()][0].__str__())
class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
try:
    object.__new__(3)
except TypeError as e:
    print(e)
class Abstract:
    def area(self): raise NotImplementedError("subclass must implement")
try:
    Abstract().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(dir(Vec(1, 2))[-3:], sorted(vars(Vec(1, 2))), Vec.__dict__["__add__"].__name__, getattr(Vec, "__doc__"))

class P:
    subs = []
    def __init_subclass__(cls):
        super().__init_subclass__()
        P.subs.append(cls.__name__)
        cls.tag = cls.__name__.lower()
class Q(P): pass
class R(Q):
    def __init_subclass__(cls):
        print("R hook", cls.__name__)
class S(R): pass
print(P.subs, Q.tag, R.tag, hasattr(S, "tag") and S.tag)
class Bad:
    def __init_subclass__(cls):
        raise TypeError("no subclasses of " + cls.__mro__[1].__name__)
try:
    class Sub(Bad): pass
except TypeError as e:
    print(e)
class T:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("explicit classmethod", cls.__name__, kw)
class U(T): pass

class Outer:
    class Inner:
        @property
        def ro(self) -> int:
            return 1
        wo = property(None, lambda self, v: None)
        alias = property(lambda self: 2)
o = Outer.Inner()
for action in ("set", "del", "get wo"):
    try:
        if action == "set":
            o.ro = 5
        elif action == "del":
            del o.alias
        else:
            o.wo
    except AttributeError as e:
        print("AttributeError:", e)
class Point:
    """A point."""
    def __init__(self, x: float, y: float = 0.0) -> None:
        self.x, self.y = x, y
    def norm(self) -> float:
        "Length."
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(p.norm(), Point.__doc__, Point.norm.__doc__, p.norm.__doc__, Point.__init__.__doc__)


class Plugin:
    registry = {}

    def __init_subclass__(cls):
        super().__init_subclass__()
        key = cls.__name__.lower()
        try:
            Plugin.registry[key].append(cls)
        except KeyError:
            raise TypeError(f"unknown plugin family {key!r}") from None


Plugin.registry["csv"] = []


class Csv(Plugin):
    pass


print({k: [c.__name__ for c in v] for k, v in Plugin.registry.items()})


class Json(Plugin):
    pass
