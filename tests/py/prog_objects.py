# The object model: descriptors and __set_name__, super, reflected operators,
# conversion hooks, attribute hooks, containers, finalizers.
class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)
class UsesDesc:
    attr = Desc()
u = UsesDesc()
print(u.attr)
u.attr = 5
print(u.attr, u._attr, type(UsesDesc.attr).__name__)
class Base:
    @classmethod
    def make(cls):
        return cls.__name__
    @staticmethod
    def util():
        return "util"
class Child(Base):
    @classmethod
    def make(cls):
        return "child:" + super().make()
    def inst(self):
        return super(Child, self).make(), super().util()
print(Child.make(), Child().inst(), Child().make())
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Eq) and self.v == o.v
print(Eq(1) != Eq(1), Eq(1) != Eq(2), Eq(1) == 1, 1 == Eq(1), Eq.__hash__ is None)
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Lt({self.v})"
print(Lt(1) > Lt(0), Lt(2) > Lt(5), sorted([Lt(3), Lt(1)]), max(Lt(1), Lt(9)))
class L:
    def __len__(self): return 0
class C2:
    def __iter__(self): return iter([1, 2, 3])
print(bool(L()), 2 in C2(), 5 in C2(), list(C2()))
class BadLen:
    def __len__(self): return "x"
class NegLen:
    def __len__(self): return -1
for o in (BadLen(), NegLen()):
    try:
        len(o)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(e)
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v + 100
    def __float__(self): return 1.5
    def __round__(self, n=None): return "rounded %s" % n
    def __abs__(self): return "abs"
    def __neg__(self): return "neg"
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __repr__(self): return "Num(%d)" % self.v
n = Num(3)
print([0, 1, 2, 3, 4][n], hex(n), int(n), float(n), round(n), round(n, 2), abs(n), -n, bin(n), "ab"[Num(1)], range(n))
n += 2
print(n, n + n, n + 1)
try:
    1 + n
except TypeError as e:
    print(e)
class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(e)
try:
    NI() < NI()
except TypeError as e:
    print(e)
class BaseR:
    def __add__(self, o): return "base add"
    def __radd__(self, o): return "base radd"
class SubR(BaseR):
    def __radd__(self, o): return "sub radd"
print(BaseR() + SubR(), SubR() + BaseR())
class InitRet:
    def __init__(self): return 5
try:
    InitRet()
except TypeError as e:
    print(e)
class NewOther:
    def __new__(cls): return 42
    def __init__(self): print("never")
print(NewOther())
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class OnlyRepr:
    def __repr__(self): return "only repr"
print(str(OnlyRepr()), f"{OnlyRepr()}", "%s" % OnlyRepr())
try:
    format(OnlyRepr(), "x")
except TypeError as e:
    print(e)
class Cls:
    pass
class Ga:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
g = Ga()
print(g.real, g.auto_x, getattr(g, "auto_y"), hasattr(g, "other"))
try:
    g.other
except AttributeError as e:
    print(e)
class Sa:
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 10 if isinstance(value, int) else value)
sa = Sa()
sa.x = 2
sa.s = "s"
print(sa.x, sa.s, sa.__dict__)
class Callable:
    def __call__(self, x, *, y=1): return x + y
c = Callable()
print(c(1), c(1, y=5))
try:
    c()
except TypeError as e:
    print(e)
class GetItemSlice:
    def __getitem__(self, k): return k
gi = GetItemSlice()
print(gi[1], gi[1:2], gi[::2], gi[1, 2], gi[..., 1], gi["k"], gi[1:2, 3])
class SetDel:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
sd = SetDel()
sd[1] = "a"; sd[(2, 3)] = "b"
del sd[1]
print(sd.d)
class Dying:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x1 = Dying(1)
x1 = Dying(2)
lst = [Dying(3)]
del lst
print("end of program")
keep = Dying(4)


class Validated:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        if not name.islower():
            raise ValueError(f"field names must be lower case, not {name!r}")
        self.name = name

    def __get__(self, obj, objtype=None):
        return self if obj is None else obj.__dict__.get(self.name)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value


class Record:
    name = Validated(str)
    age = Validated(int)

    def __init__(self, name, age):
        self.name, self.age = name, age


r = Record("ann", 31)
print(r.name, r.age, Record.name.name, vars(r))
try:
    r.age = "old"
except TypeError as e:
    print("TypeError:", e)


class Broken:
    Title = Validated(str)
