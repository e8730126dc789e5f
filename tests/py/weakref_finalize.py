# weakref.finalize: a callback run once, when the object dies, when called,
# or at interpreter exit.
import weakref
from _weakref_util import scrub, show, attempt


class Res:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Res(%s)" % self.name


def report(*args, **kwargs):
    print("finalizer:", args, kwargs)
    return "result"


# runs when the object dies
r = Res("a")
f = weakref.finalize(r, report, "a", 1, key="v")
print(f.alive, f.atexit, scrub(repr(f)))
del r
print(f.alive, scrub(repr(f)), f(), f.peek(), f.detach())

# calling it runs it once, and the object's death later does nothing
r = Res("b")
f = weakref.finalize(r, report, "b")
print(f(), f(), f.alive)
del r
print("b gone")

# peek and detach
r = Res("c")
f = weakref.finalize(r, report, "c", x=1)
obj, func, args, kwargs = f.peek()
print(obj, func is report, args, kwargs, f.alive)
del obj
print(f.detach()[0], f.alive, f.detach(), f.peek())
del r
print("c detached, nothing ran")
r = Res("d")
f = weakref.finalize(r, report)
print(f.peek()[2:], f.detach()[2:])

# atexit can be switched off; the value is a bool
r = Res("e")
f = weakref.finalize(r, report, "e")
f.atexit = 0
print(f.atexit)
f.atexit = "yes"
print(f.atexit)
f()
print(f.atexit)
f.atexit = True
print(f.atexit)

# errors
attempt(lambda: weakref.finalize(1, report))
attempt(lambda: weakref.finalize(Res("x")))
attempt(lambda: weakref.finalize())

# a finalizer may be any callable; finalizers of one object run newest first
r = Res("f")
weakref.finalize(r, print, "first registered")
weakref.finalize(r, print, "second registered")
del r

# left alive at exit: run newest first, except those with atexit False
keep1, keep2, keep3 = Res("x1"), Res("x2"), Res("x3")
weakref.finalize(keep1, print, "at exit: x1")
quiet = weakref.finalize(keep2, print, "never printed: x2")
quiet.atexit = False
weakref.finalize(keep3, print, "at exit: x3")
print("end of program")
