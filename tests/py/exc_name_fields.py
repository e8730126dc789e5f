# AttributeError.name / .obj and NameError.name: filled by failing lookups
# (including errors raised by __getattr__ and properties, when still unset),
# settable by keyword, None otherwise; "Did you mean" uses them.
class Box:
    size = 3

    def __init__(self):
        self.value = 1

    @property
    def broken(self):
        raise AttributeError("broken inside")


class Proxy:
    def __init__(self):
        self.value = 2

    def __getattr__(self, name):
        raise AttributeError(f"proxy has no {name}")


def show(f):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e, "| name:", e.name, "| obj:", type(e.obj).__name__)
    except NameError as e:
        print(type(e).__name__, e, "| name:", e.name)


show(lambda: Box().valu)
show(lambda: Box.sise)
show(lambda: Box().broken)
show(lambda: Proxy().other)
show(lambda: getattr(Proxy(), "x"))
show(lambda: undefined_name)
show(lambda: (1).nope)


class Custom(Proxy):
    def __getattr__(self, name):
        raise AttributeError("kept", name="given", obj=None)


show(lambda: Custom().anything)
e = AttributeError("m")
print(e.name, e.obj, e.args)
e = AttributeError("m", name="n", obj=[1])
print(e.name, e.obj, e.args)
e.name = "other"
e.obj = None
print(e.name, e.obj)
n = NameError("x", name="y")
print(n.name, n.args)
n.name = "z"
print(n.name, NameError().name)
for bad in (lambda: AttributeError(foo=1), lambda: NameError(obj=1)):
    try:
        bad()
    except TypeError as err:
        print("TypeError", err)
print(Proxy().valeu)
