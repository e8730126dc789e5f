# Weak references alive when the program ends: finalize(atexit=True) runs
# newest first before anything is torn down; the containers and callbacks
# that die during teardown do so quietly.
import weakref


class Res:
    def __init__(self, name):
        self.name = name


a, b, c = Res("a"), Res("b"), Res("c")
weakref.finalize(a, print, "exit: a")
fb = weakref.finalize(b, print, "not at exit: b")
fb.atexit = False
weakref.finalize(c, print, "exit: c, kwargs", sep="|", end="!\n")
wvd = weakref.WeakValueDictionary(a=a, b=b, c=c)
wkd = weakref.WeakKeyDictionary({a: 1, b: 2})
ws = weakref.WeakSet([a, b, c])
refs = [weakref.ref(x) for x in (a, b, c)]


def later():
    print("a finalizer made during exit runs too")


def newest():
    print("exit: made last, so runs first")
    weakref.finalize(c, later)


weakref.finalize(b, newest)
print("end of program", len(wvd), len(wkd), len(ws))
