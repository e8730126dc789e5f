def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


class P:
    cls_attr = "class"

    def __init__(self):
        self.x = 1

    def method(self):
        return "m"


p = P()
print(getattr(p, "x"), getattr(p, "cls_attr"), getattr(p, "nope", "default"), getattr(p, "method")())
setattr(p, "y", 2)
print(p.y, hasattr(p, "y"), hasattr(p, "z"), hasattr(P, "method"))
delattr(p, "y")
print(hasattr(p, "y"), getattr(p, "y", None))
check("getattr(1)", lambda: getattr(1))
check("getattr(1, 2)", lambda: getattr(1, 2))
check("getattr(1, 'x')", lambda: getattr(1, "x"))
check("getattr(p, 'nope')", lambda: getattr(p, "nope"))
check("setattr(1, 'x', 2)", lambda: setattr(1, "x", 2))
check("setattr(1, 2, 3)", lambda: setattr(1, 2, 3))
check("hasattr(1, 2)", lambda: hasattr(1, 2))
check("delattr(p, 'nope')", lambda: delattr(p, "nope"))
check("delattr(1, 2)", lambda: delattr(1, 2))


class Prop:
    @property
    def boom(self):
        raise ValueError("inside property")


check("hasattr(Prop(), 'boom')", lambda: hasattr(Prop(), "boom"))
check("getattr(Prop(), 'boom', 1)", lambda: getattr(Prop(), "boom", 1))


class Base:
    pass


class Child(Base):
    pass


print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", str))
print(isinstance(1, (str, int)), isinstance([], (tuple, dict)), isinstance(Child(), Base))
print(isinstance(True, (str, (int,))), isinstance(1, (int, 1)), isinstance(1, ()))
print(issubclass(bool, int), issubclass(int, bool), issubclass(Child, (str, (Base,))))
print(issubclass(Child, Child), issubclass(Base, object), issubclass(ValueError, Exception))
check("isinstance(1)", lambda: isinstance(1))
check("isinstance(1, 1)", lambda: isinstance(1, 1))
check("isinstance(1, (str, 1))", lambda: isinstance(1, (str, 1)))
check("issubclass(1, int)", lambda: issubclass(1, int))
check("issubclass(int, 1)", lambda: issubclass(int, 1))
check("issubclass(int, (1,))", lambda: issubclass(int, (1,)))

print(callable(len), callable(P), callable(p), callable(p.method), callable(1), callable(lambda: 0))


class C:
    def __call__(self):
        return 1


print(callable(C()))
check("callable()", lambda: callable())

print(vars(p), vars(P)["cls_attr"])
check("vars(1)", lambda: vars(1))
check("vars(1, 2)", lambda: vars(1, 2))
print([n for n in dir(p) if not n.startswith("__")])
print([n for n in dir(P) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
import math
print([n for n in dir(math) if n in ("pi", "sqrt", "floor")])
print("cls_attr" in dir(p), "__init__" in dir(p), dir([]) == dir(list))


class Custom:
    def __dir__(self):
        return ["b", "a", "c"]


print(dir(Custom()))
check("dir(1, 2)", lambda: dir(1, 2))


def scope():
    local_a = 1
    local_b = 2
    print(dir())
    print(sorted(locals().items()))
    print(vars() == locals())


scope()
g = globals()
print(type(g).__name__, g["P"] is P, "scope" in g, g["__name__"])
check("globals(1)", lambda: globals(1))
check("locals(1)", lambda: locals(1))

x = [1, 2]
y = x
print(id(x) == id(y), id(x) == id([1, 2]), type(id(x)).__name__)
print(repr("a'b"), repr([1, "x"]), repr(None), repr(1.5))
check("repr()", lambda: repr())
check("id()", lambda: id())

import builtins
print(builtins.__name__, builtins.len is len, builtins.int is int, type(builtins).__name__)
for name in ["int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset", "type",
             "object", "range", "enumerate", "zip", "map", "filter", "reversed", "super",
             "staticmethod", "classmethod", "property", "slice"]:
    print(name, getattr(builtins, name), isinstance(getattr(builtins, name), type))
print(NotImplemented, Ellipsis, ..., getattr(builtins, "None") is None)
print(ValueError, builtins.FileNotFoundError.__mro__)
print(issubclass(FileNotFoundError, OSError), issubclass(EOFError, Exception))
print(repr(len), repr(print), repr(open), type(len).__name__)
