# weakref.proxy: every operation goes to the referent; ReferenceError once dead.
import weakref
from _weakref_util import scrub, show, attempt


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)

    def __str__(self):
        return "<" + ",".join(str(x) for x in self.xs) + ">"

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __radd__(self, other):
        return "radd(%r)" % (other,)

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __iadd__(self, other):
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __invert__(self):
        return "inverted"

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return self.xs < other.xs

    __hash__ = None

    def __bool__(self):
        return any(self.xs)

    def __int__(self):
        return sum(self.xs)

    def __float__(self):
        return float(sum(self.xs))

    def __index__(self):
        return len(self.xs)

    def __call__(self, *args, **kw):
        return ("called", args, kw)

    def norm1(self):
        return sum(abs(x) for x in self.xs)


v = Vec(1, 2, 3)
p = weakref.proxy(v)
print(type(p), p is weakref.proxy(v), weakref.proxy(v, None) is p)
show(p)
print(str(p), len(p), p[1], p[-1], 2 in p, 9 in p, list(p), p.xs, p.norm1())
p[0] = 10
del p[2]
print(v, p.xs)
p.extra = "x"
print(v.extra, p.extra)
del p.extra
attempt(lambda: p.extra)
attempt(lambda: v.extra)
print(p + Vec(1, 1), Vec(1, 1) + p, p + p, 5 + p, p * 2)
print(-p, ~p, bool(p), int(p), float(p), [0, 1, 2, 3][p])
print(p == Vec(10, 2), p == v, p != v, p < Vec(11), Vec(11) < p)
print(p(1, k=2))
q = p
q += Vec(1, 1)
print(q is v, v)
del q
attempt(lambda: hash(p))
attempt(lambda: next(p))


# a proxy to a non-callable is a ProxyType; to a callable a CallableProxyType
class Plain:
    pass


pl = Plain()
pp = weakref.proxy(pl)
print(type(pp), type(p), isinstance(pp, weakref.ProxyTypes))
try:
    pp()
except TypeError:
    print("TypeError: not callable")
attempt(lambda: len(pp))
attempt(lambda: pp + 1)
attempt(lambda: pp[0])
attempt(lambda: iter(pp))
attempt(lambda: pp.missing)


def func(x):
    return x * 2


pf = weakref.proxy(func)
print(type(pf), pf(21), pf.__name__)

# proxies to built-in containers
s = {1, 2}
ps = weakref.proxy(s)
print(len(ps), 1 in ps, sorted(ps), ps | {3}, {3} | ps, ps - {1}, ps == {1, 2}, ps < {1, 2, 3})
ps.add(7)
print(sorted(s))
ps |= {5}
print(type(ps), sorted(ps))
ps = weakref.proxy(s)
ps &= {1, 5}
print(type(ps), ps)

# proxy of an iterator
class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


it = Counter()
pi = weakref.proxy(it)
print(next(pi), next(pi), list(pi))

# callbacks receive the proxy
got = []
w = Vec(1)
pc = weakref.proxy(w, got.append)
print(weakref.getweakrefcount(w), pc is not weakref.proxy(w))
del w
print(got[0] is pc)

# once dead: ReferenceError everywhere
del v
print("dead")
show(p)
for op in [lambda: p.xs, lambda: str(p), lambda: len(p), lambda: p[0], lambda: 1 in p,
           lambda: p + 1, lambda: 1 + p, lambda: -p, lambda: bool(p), lambda: p == 1,
           lambda: p(1), lambda: list(p), lambda: int(p), lambda: setattr(p, "a", 1)]:
    attempt(op)
try:
    p.xs
except ReferenceError as e:
    print(repr(e), isinstance(e, Exception))

# errors
attempt(lambda: weakref.proxy())
attempt(lambda: weakref.proxy(1))
attempt(lambda: weakref.proxy(Plain(), None, 1))
attempt(lambda: weakref.proxy(Plain(), callback=None))
attempt(lambda: weakref.ProxyType())
