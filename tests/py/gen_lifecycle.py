# Generators as iterators, generator expressions, and what happens to a
# generator that is dropped before it finishes (its finally blocks run, at
# once when the last reference goes, or when the cycle collector finds it).
import gc


def gen():
    yield 1
    return 5


g = gen()
print(g.__next__(), type(g), isinstance(g, type(gen())))
try:
    g.__next__()
except StopIteration as e:
    print("value", e.value, e.args)
print(iter(g) is g, g.__iter__() is g)
print(next(gen(), "d"), next(iter(()), "d"))
try:
    (x for x in 5)
except TypeError as e:
    print(e)


def bad():
    yield next(iter([]))


try:
    list(x for x in bad())
except RuntimeError as e:
    print("PEP 479:", e)
try:
    list(next(iter([])) for _ in range(3))
except RuntimeError as e:
    print("PEP 479 in a genexp:", e, type(e.__cause__).__name__)


def fin():
    try:
        for i in range(10):
            yield i
    finally:
        print("fin closed")


for v in fin():
    if v == 2:
        break
print("after break")


def f2():
    try:
        yield 1
    finally:
        print("f2 finally")


x = f2()
next(x)
x = None
print("rebound")
print(sum(x * x for x in range(10)), max(x for x in [3, 1, 2]), sorted(x for x in "cab"))
print(dict((k, v) for k, v in zip("ab", range(2))), set(x % 3 for x in range(10)))
print(list(zip(gen(), gen())), list(map(lambda t: t + 1, gen())), list(enumerate(gen())))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)))
a, b = (i for i in range(2))
print(a, b)
print(*(i for i in range(3)))


def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd is not None:
            n += cmd


c = counter()
next(c)
print(c.send(5), c.send(2), c.send("reset"), next(c))


class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)

    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k


t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t))


def gen_with_args(a, *rest, k=2, **kw):
    yield a
    yield from rest
    yield k
    yield from sorted(kw.items())


print(list(gen_with_args(1, 2, 3, k=4, z=5, y=6)))


def closure():
    total = 0

    def add():
        nonlocal total
        while True:
            total += yield total
    return add


ad = closure()()
next(ad)
ad.send(3)
print(ad.send(4))
print(gen.__name__, gen().__name__, (lambda: (yield))().__qualname__)


class C:
    def m(self):
        yield


print(C().m().__qualname__, (x for x in []).__name__, (x for x in []).__qualname__)
gg = gen()
gg.__name__ = "renamed"
print(gg.__name__, gg.__qualname__, gg.gi_code.co_name)
try:
    gg.__name__ = 5
except TypeError as e:
    print(e)
print(type(gg).__name__)
try:
    type(gg)()
except TypeError as e:
    print(e)


def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)


print(list(deep(500)))


def inf(n):
    yield from inf(n + 1)


try:
    next(inf(0))
except RecursionError as e:
    print("RecursionError:", e)


def r():
    try:
        yield 1
    finally:
        return "swallowed"


y = r()
next(y)
print(y.close())


def yf():
    try:
        yield 1
    finally:
        yield 2


z = yf()
next(z)
try:
    z.close()
except RuntimeError as e:
    print(e)
print(z.gi_suspended)


def br():
    for i in range(5):
        try:
            if i == 3:
                break
            yield i
        finally:
            print("fin", i)
    yield "end"


print(list(br()))
print("--- cycles")


def g1():
    try:
        yield 1
    finally:
        print("g1 finally")


class A:
    pass


def h(a):
    try:
        yield a
    finally:
        print("h finally", type(a).__name__)


a = A()
a.g = g1()
next(a.g)
a.h = h(a)
next(a.h)
del a
print("collect")
gc.collect()
print("collected")


def selfish():
    me = yield
    try:
        yield me
    finally:
        print("selfish finally")


s = selfish()
next(s)
s.send(s)
del s
gc.collect()


def hold():
    try:
        raise KeyError("held")
    except KeyError as e:
        yield e


x = hold()
e = next(x)
e.gen = x
del x, e
gc.collect()
print("held exception collected")


def at_exit():
    try:
        yield 1
    finally:
        print("finally at exit")


keep = at_exit()
next(keep)
print("end of script")
