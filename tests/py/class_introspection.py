# What classes and callables tell about themselves: the read-only mappingproxy
# behind C.__dict__, __subclasses__, __weakref__, the attributes staticmethod,
# classmethod and property carry, method-wrappers and other built-in method
# objects, super's attributes.
import sys
import weakref


class Base:
    "A documented base."
    x = 1

    def m(self):
        return "m"


class Left(Base):
    pass


class Right(Base):
    y = 2


class Both(Left, Right):
    pass


# ---- mappingproxy --------------------------------------------------------
d = Base.__dict__
print(type(d).__name__, d["x"], "m" in d, "zz" in d, d.get("x"), d.get("zz", 5), len(d) == len(dict(d)))
print(list(d), sorted(Right.__dict__))
for action in ("set", "del", "ior"):
    try:
        if action == "set":
            d["x"] = 2
        elif action == "del":
            del d["x"]
        else:
            d |= {}
    except TypeError as e:
        print(action, "TypeError:", e)
try:
    hash(d)
except TypeError as e:
    print("TypeError:", e)
print(d | {"z": 1} == {**dict(d), "z": 1}, type(d | {}).__name__, type({} | d).__name__)
print(sorted(d.keys())[:3], type(d.items()).__name__, d.copy() == dict(d), d == dict(d))
print(list(reversed(d))[0], str(Base.__dict__)[:30], repr(Base.__dict__)[:30])
Base.added = 3
print("added" in d, d["added"], vars(Base) == d, type(vars(Base)).__name__)
proxy_type = type(d)
print(proxy_type({"k": 1}), proxy_type({"k": 1})["k"])
try:
    proxy_type([1, 2])
except TypeError as e:
    print("TypeError:", e)

# ---- subclasses and weak references ----------------------------------------
print(Base.__subclasses__(), Left.__subclasses__(), Both.__subclasses__())
del Both
import gc
gc.collect()
print(Left.__subclasses__(), Right.__subclasses__(), bool.__subclasses__())
obj = Base()
print(obj.__weakref__, Base.__dict__["__weakref__"])
r = weakref.ref(obj)
print(obj.__weakref__ is r)
try:
    obj.__weakref__ = None
except AttributeError as e:
    print("AttributeError:", e)
print(type.__prepare__("X", ()), Base.__flags__ & (1 << 9) != 0, int.__flags__ & (1 << 9) != 0)


# ---- staticmethod / classmethod / property -----------------------------------
def helper(a):
    "helper doc"
    return a


s, c = staticmethod(helper), classmethod(helper)
print(s.__name__, s.__qualname__, s.__doc__, s.__module__, s.__wrapped__ is helper, s.__func__ is helper)
print(c.__name__, c.__doc__, c.__wrapped__ is helper, s(7), s.__isabstractmethod__)
print(repr(s).startswith("<staticmethod(<function helper"), repr(c).startswith("<classmethod(<function helper"))
s.extra = 1
print(s.extra, staticmethod(len).__name__, sorted(vars(staticmethod(len))))
helper.__isabstractmethod__ = True
print(staticmethod(helper).__isabstractmethod__, property(helper).__isabstractmethod__,
      property(None, None, helper).__isabstractmethod__, property(len).__isabstractmethod__)


class Props:
    @property
    def a(self):
        "old doc"
        return 1

    @a.getter
    def a(self):
        "new doc"
        return 2

    b = property(lambda self: 3, doc="explicit")

    @b.getter
    def b(self):
        "ignored"
        return 4

    c = a
    keep = a.setter(None)


print(Props.a.__doc__, Props().a, Props.b.__doc__, Props().b, Props.keep.fget is Props.a.fget)
for name in ("a", "c", "keep"):
    try:
        setattr(Props(), name, 0)
    except AttributeError as e:
        print("AttributeError:", e)
late = property(lambda self: 0)
Props.late = late
try:
    Props().late = 1
except AttributeError as e:
    print("AttributeError:", e)
late.__set_name__(Props, "renamed")
try:
    del Props().late
except AttributeError as e:
    print("AttributeError:", e)
try:
    late.__set_name__(Props)
except TypeError as e:
    print("TypeError:", e)

# ---- built-in method objects ---------------------------------------------------
w = (5).__add__
print(type(w).__name__, w(1), w.__self__, w.__name__, w.__qualname__, w.__objclass__, w == (5).__add__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__, type(int.__add__).__name__)
print(str.join.__name__, str.join.__qualname__, str.join.__objclass__, type(str.join).__name__)
fk = dict.__dict__["fromkeys"]
print(type(fk).__name__, fk.__qualname__, fk(dict, "ab"), type(dict.fromkeys).__name__, dict.fromkeys.__self__)
for args in [("x",), (), (int, "a")]:
    try:
        fk(*args)
    except TypeError as e:
        print("TypeError:", e)


class MyDict(dict):
    pass


print(type(MyDict.fromkeys("a")).__name__, MyDict.fromkeys.__qualname__, float.fromhex.__qualname__)
print([].append.__qualname__, [].append.__module__, len.__module__, len.__qualname__, sys.getrefcount.__module__)
print(object.__subclasshook__(), object.__subclasshook__.__qualname__, hasattr("a", "__radd__"), hasattr([], "__radd__"), hasattr(1, "__radd__"))


def plain():
    return 42


print(plain.__call__(), type(plain.__call__).__name__, plain.__builtins__["len"] is len)
print(object().__sizeof__(), (1.5).__sizeof__(), (1, 2).__sizeof__() - ().__sizeof__())


# ---- super ---------------------------------------------------------------------
class Sub(Base):
    def __init__(self):
        self.v = 1

    def info(self):
        sup = super()
        return (sup.__thisclass__.__name__, sup.__self__ is self, sup.__self_class__.__name__,
                sup.__get__(None, Sub) is sup, sup.m())


print(Sub().info())
it = reversed((1, 2, 3))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
