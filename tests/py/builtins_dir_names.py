# dir() of objects of every kind lists the names CPython 3.11 lists, leaving out
# only features outside tpy's subset (pickling, annotations, generic aliases,
# bytes conversions, text signatures, frames).
import math
import gc
import time
import weakref

OUTSIDE = {"__getstate__", "__reduce__", "__reduce_ex__", "__setstate__", "__getnewargs__",
           "__text_signature__", "__class_getitem__", "from_bytes", "to_bytes", "__getformat__",
           "__annotations__", "__abstractmethods__", "gi_frame", "__loader__", "__spec__",
           "__package__", "__file__", "__cached__"}


class Plain:
    attr = 1

    def method(self):
        return self


class Child(Plain):
    def __init__(self):
        self.inst = 2


class Slotted:
    __slots__ = ("a", "b")


class Weak:
    __slots__ = ("__weakref__",)


class MyError(Exception):
    pass


def func(a, b=1, *args, **kw):
    pass


def gen():
    yield 1


objects = [
    ("object()", object()), ("object", object), ("int", int), ("bool", True), ("float", 1.5),
    ("str", "s"), ("list", [1]), ("tuple", (1,)), ("dict", {1: 2}), ("set", {1}),
    ("frozenset", frozenset()), ("range", range(3)), ("slice", slice(1, 2)), ("None", None),
    ("type", type), ("Ellipsis", ...), ("Plain", Plain), ("Plain()", Plain()),
    ("Child", Child), ("Child()", Child()), ("Slotted()", Slotted()), ("Weak()", Weak()),
    ("function", func), ("lambda", lambda: 0), ("generator", gen()), ("genexpr", (x for x in [])),
    ("bound method", Plain().method), ("builtin", len), ("builtin method", [].append),
    ("method descriptor", str.join), ("slot wrapper", int.__add__), ("method-wrapper", (1).__add__),
    ("classmethod descr", dict.__dict__["fromkeys"]), ("class method", dict.fromkeys),
    ("property", property(len)), ("staticmethod", staticmethod(func)),
    ("classmethod", classmethod(func)), ("super", super(Child, Child())),
    ("mappingproxy", Plain.__dict__), ("Exception", Exception("x")), ("MyError", MyError()),
    ("KeyError", KeyError(1)), ("StopIteration", StopIteration(1)), ("SystemExit", SystemExit(2)),
    ("OSError", OSError(2, "x")), ("SyntaxError", SyntaxError("x")),
    ("ImportError", ImportError("x")), ("list iterator", iter([])), ("tuple iterator", iter(())),
    ("str iterator", iter("")), ("range iterator", iter(range(1))), ("set iterator", iter(set())),
    ("dict iterator", iter({})), ("reversed", reversed((1, 2))), ("list reversed", reversed([])),
    ("enumerate", enumerate([])), ("zip", zip()), ("map", map(len, [])),
    ("filter", filter(None, [])), ("callable iterator", iter(list, 1)),
    ("weakref", weakref.ref(Plain)), ("cell", (lambda: func).__closure__),
]

for label, obj in objects:
    names = sorted(set(dir(obj)) - OUTSIDE)
    print(f"{label}: {len(names)} {names}")

for mod in (math, gc):
    print(mod.__name__, [n for n in dir(mod) if not n.startswith("_")])
