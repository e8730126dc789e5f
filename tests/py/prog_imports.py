# Modules beside the script: import forms, caching, circular imports, errors.
import sys
import _prog_geometry
import _prog_geometry as geo
from _prog_geometry import Circle, Rect as Rectangle, area_sum
import _prog_registry
from _prog_registry import plugins
import math, os.path
import os

print(__name__, _prog_geometry.__name__, geo is _prog_geometry, geo.__doc__)
print("_prog_geometry" in sys.modules, sys.modules["_prog_geometry"] is geo, type(geo).__name__)
print(sorted(k for k in vars(geo) if not k.startswith("__")))
print(geo.__all__, geo.UNIT, geo._created)

shapes = [Circle(1), Rectangle(2, 3), Circle(0.5), geo.Rect(1, 1)]
for s in shapes:
    print(" ", s, "->", s.describe())
print("total area %.4f" % area_sum(shapes), "created", geo.created(), geo._created)
print(isinstance(shapes[0], geo.Shape), issubclass(Rectangle, _prog_geometry.Shape), Rectangle.__module__)
print(Circle.__qualname__, Circle.area.__qualname__, repr(area_sum)[:22])

# module attributes can be changed from outside
geo.UNIT = 2.5
from _prog_geometry import UNIT
print(UNIT, _prog_geometry.UNIT)
geo.new_attr = "added"
print(hasattr(_prog_geometry, "new_attr"), getattr(geo, "missing", "none"))

# importing again does not re-run the module
import _prog_geometry
import _prog_geometry as again
print(again is geo, again.created())

# circular imports
print("plugins:", sorted(plugins), plugins["upper"]("abc"), plugins["reverse"]("abc"), plugins["double"]("ab"))
import _prog_plugins
print(_prog_plugins._prog_registry is _prog_registry, _prog_plugins.register is _prog_registry.register)

# imports inside functions are local bindings
def use_math():
    import math as m2
    from math import sqrt, floor as fl
    return m2.pi > 3, sqrt(16), fl(-1.5)

print(use_math(), "m2" in globals(), "sqrt" in globals())
print(math.sqrt(2) == math.sqrt(2), os.path.join("x", "y"), os.path.exists("prog_imports.py"))


class Loader:
    def __init__(self, names):
        self.names = names

    def load_all(self):
        loaded, failed = [], []
        for n in self.names:
            try:
                mod = __import__(n) if False else sys.modules.get(n)
                if mod is None:
                    raise ModuleNotFoundError(f"No module named {n!r}", name=n)
                loaded.append(mod.__name__)
            except ImportError as e:
                failed.append((type(e).__name__, e.name, str(e)))
        return loaded, failed


print(Loader(["math", "_prog_geometry", "nope"]).load_all())

# errors
try:
    import _prog_does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path, repr(e), isinstance(e, ImportError))
try:
    import _prog_does_not_exist.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from _prog_geometry import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    from math import no_such_function
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
e = ImportError("custom", name="mod", path="/x/y.py")
print(e, e.msg, e.name, e.path, e.args, repr(e))
e2 = ImportError()
print(repr(e2), e2.msg, e2.name, str(e2) == "")
e3 = ImportError(1, 2)
print(e3, e3.msg)
try:
    ImportError("x", color="red")
except TypeError as te:
    print("TypeError:", te)
try:
    Rectangle(1)
except TypeError as te:
    print("TypeError:", te)
try:
    geo.Shape("blob").describe()
except NotImplementedError as ne:
    print("NotImplementedError:", ne)
try:
    geo.missing_function()
except AttributeError as ae:
    print("AttributeError:", ae)


def main():
    print("main: running as", __name__)
    geo.broken(Circle(2))


if __name__ == "__main__":
    main()
