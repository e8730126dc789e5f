# gc.get_referents / gc.get_referrers walk tp_traverse: each owned reference
# once; atomic objects have no referents; the result list never lists itself.
import gc

a = [1, "two", 3.0]
print(gc.get_referents(a))
d = {"k": [1], "j": (2, 3)}
print(sorted(map(repr, gc.get_referents(d))))
t = (a, d)
print(len(gc.get_referents(t)), gc.get_referents(t)[0] is a)
print(gc.get_referents(1, "s", None))
print(len(gc.get_referents(a, t)))
s = {1, 2}
print(sorted(gc.get_referents(s)))

target = [42]
h1 = [target]
h2 = {"x": target}
h3 = (target,)
refs = gc.get_referrers(target)
print(any(r is h1 for r in refs), any(r is h2 for r in refs), any(r is h3 for r in refs))
print(len([r for r in refs if r is h1 or r is h2 or r is h3]))


class Box:
    def __init__(self, v):
        self.v = v


b = Box(target)
print(any(r is b.__dict__ or r is b for r in gc.get_referrers(target)))
print(gc.get_referrers())
print(gc.get_referents())


def outer():
    x = [7]

    def inner():
        return x
    return inner


f = outer()
cells = [r for r in gc.get_referents(f) if type(r).__name__ == "tuple"]
print(len(cells))
