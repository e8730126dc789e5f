# BaseException.add_note (3.11): notes live in __notes__ and are printed after
# the exception line of a traceback, also inside a chain.
e = ValueError("bad value")
e.add_note("first note")
e.add_note("second\nmulti-line note")
print(e.__notes__, sorted(vars(e)))
try:
    e.add_note(5)
except TypeError as x:
    print("TypeError:", x)
try:
    e.add_note()
except TypeError as x:
    print("TypeError:", x)
try:
    e.add_note("a", "b")
except TypeError as x:
    print("TypeError:", x)
k = KeyError("k")
k.__notes__ = "not a list"
try:
    k.add_note("x")
except TypeError as x:
    print("TypeError:", x)
t = TypeError("t")
t.__notes__ = ["plain", 42, ("tuple", "note")]


class Boom:
    def __str__(self):
        raise RuntimeError("no str")


r = RuntimeError("r")
r.__notes__ = [Boom(), "after the failed one"]


def inner():
    try:
        raise t
    except TypeError as exc:
        raise r from exc


def outer():
    try:
        inner()
    except RuntimeError:
        raise e


outer()
