# CPython 3.11's wording for unbound locals and free variables, the !a
# conversion in f-strings, and ImportError's name/path for a missing name.
def f():
    print(x)
    x = 1


def g():
    def h():
        return y
    h()
    y = 2


for fn in (f, g):
    try:
        fn()
    except NameError as e:
        print(type(e).__name__, "-", e)
try:
    from math import nope
except ImportError as e:
    print(e, "|", e.name, e.path)
print(f"{'é'!a} {'x'!r} {'y'!s} {[1, 'ü']!a}")
f()
