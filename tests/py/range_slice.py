# slice objects: construction, attributes, repr, equality, indices().
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, 2), slice("a", [1], None), s.start, s.stop, s.step)
print(slice(3).start, slice(3).stop, slice(3).step, type(s).__name__)
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(a=1))
t(lambda: hash(slice(1, 2)))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) != slice(1, 2, None))
print(slice(1, 2) < slice(1, 3), slice(2) > slice(1), slice(1, 2) == (1, 2))
t(lambda: slice(1) < slice("a"))
print(slice(1, 10, 2).indices(5), slice(None).indices(10), slice(-100, 100, -1).indices(10))
print(slice(None, None, -1).indices(5), slice(-3, None).indices(5), slice(2, -2).indices(3), slice(0).indices(0))
print(slice(2 ** 70).indices(5), slice(-2 ** 70, None).indices(5), slice(None, None, 2 ** 70).indices(5))
print(slice(True, False).indices(3), slice(1).indices(2 ** 40))
t(lambda: slice(1, 10, 2).indices(-5))
t(lambda: slice(1).indices("a"))
t(lambda: slice(1).indices())
t(lambda: slice(None, None, 0).indices(5))
t(lambda: slice("a").indices(5))
a = list(range(10))
print(a[slice(2, 8, 3)], a[slice(None, None, -4)], "abcdef"[slice(1, 5)], (1, 2, 3)[slice(-2, None)])
t(lambda: a[slice("a", None)])
t(lambda: (1, 2, 3)[slice(None, "b")])
t(lambda: range(10)[1.5:])
t(lambda: a[slice(None, None, 0)])


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(a[Idx(2):Idx(5)], a[Idx(-1)], range(10)[Idx(3)], (1, 2)[Idx(1)], a[:Idx(2):Idx(1)])
print(slice(Idx(1), Idx(3)).indices(10), list(range(Idx(3))), [1, 2, 3, 4].index(3, Idx(1)))
print(a[1:3].__class__.__name__, slice(1, 2, 3).__class__.__name__)
