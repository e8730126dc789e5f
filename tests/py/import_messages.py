# Importing modules beside the script: star imports follow __all__, module
# attributes, and the messages of the failing forms.
import sys
import _import_probe
import _import_probe as probe
from _import_probe import *

print(pub, Thing(), "other" in dir(), "_priv" in dir(), probe is _import_probe)
print(_import_probe.__name__, _import_probe.__doc__, _import_probe.where())
print(sorted(k for k in vars(_import_probe) if not k.startswith("__")))
print("_import_probe" in sys.modules, type(_import_probe).__name__)
for stmt in ("missing_name", "sub", "nothing", "no_such_module_xyz"):
    try:
        if stmt == "missing_name":
            from _import_probe import missing_name
        elif stmt == "sub":
            import _import_probe.sub
        elif stmt == "nothing":
            import math.nothing
        else:
            import no_such_module_xyz
    except ImportError as e:
        print(type(e).__name__, "|", e, "|", e.name)
try:
    from math import nope
except ImportError as e:
    print(e)
from _import_probe import pub as p2, other
print(p2, other, __name__)
