# Circular imports: while a module's body runs, other modules see it partially
# initialized, and missing names say so; once it has finished they do not.
import _circ_a

print(_circ_a.from_b(), _circ_a._circ_b._circ_a is _circ_a)
try:
    _circ_a.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _circ_a import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
