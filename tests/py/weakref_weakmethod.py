# weakref.WeakMethod: a weak reference to a bound method.
import weakref
from _weakref_util import scrub, show, attempt


class Btn:
    def __init__(self, name):
        self.name = name

    def click(self):
        return "clicked " + self.name

    def other(self):
        return "other"


b = Btn("ok")
# a plain ref to a bound method dies at once: the method object is temporary
print(weakref.ref(b.click)())
wm = weakref.WeakMethod(b.click)
m = wm()
print(m(), m == b.click, type(m).__name__, isinstance(wm, weakref.ref), type(wm).__name__)
show(wm)
del m

# equality and hashing follow the method while alive
wm2 = weakref.WeakMethod(b.click)
wo = weakref.WeakMethod(b.other)
print(wm == wm2, wm != wm2, wm == wo, wm != wo, hash(wm) == hash(wm2), wm == 1, wm != 1)

# the callback runs once, when the object dies
events = []
wc = weakref.WeakMethod(b.click, lambda w: events.append(w is wc))
del b
print(wm(), wc(), events)
print(wm == wm2, wm == wm, wm != wm2)

# ...or when the function dies
def meth(self):
    return "meth"


class Holder:
    pass


Holder.meth = meth
h = Holder()
wf = weakref.WeakMethod(h.meth, lambda w: events.append("func died"))
print(wf()())
del Holder.meth, meth
print(wf(), events)

# errors
attempt(lambda: weakref.WeakMethod(len))
attempt(lambda: weakref.WeakMethod(1))
attempt(lambda: weakref.WeakMethod(Btn))
