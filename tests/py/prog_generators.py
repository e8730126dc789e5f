# Generators: send/throw/close, yield from, generator expressions, iterators.
def gen():
    try:
        x = yield 1
        print("recv", x)
        while True:
            try:
                x = yield x * 2
            except ValueError as e:
                print("caught", e)
                x = -1
    finally:
        print("cleanup")

g = gen()
print(next(g))
print(g.send(5))
print(g.throw(ValueError("boom")))
print(g.send(7))
g.close()
print(g.close())
try:
    next(g)
except StopIteration as e:
    print("stopped", repr(e), e.value)

def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "done"

def outer():
    r = yield from counter(3)
    print("inner returned", r)
    yield from "ab"
    return r * 2

o = outer()
print(list(o))
o = outer()
print(next(o), o.send(2), next(o), next(o))
try:
    next(o)
except StopIteration as e:
    print("value", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out

print(take(10, fib()))
print(take(5, (x for x in fib() if x % 2)))
g = (x * x for x in range(4))
print(g.__next__(), list(g), type(g).__name__)
def gen_exc():
    yield 1
    raise KeyError("inside")
try:
    for v in gen_exc():
        print(v)
except KeyError as e:
    print("KeyError", e)
def g3():
    yield 1
    return 2
print(list(g3()), sum(g3()), max(g3()), sorted(g3()), tuple(g3()), set(g3()), dict.fromkeys(g3()), [*g3()])
def ctx_gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit!")
        raise
c = ctx_gen()
next(c)
del c
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError", e)
def stopper():
    yield 1
    raise StopIteration("x")
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
gg = (i for i in range(3))
try:
    gg.send(1)
except TypeError as e:
    print("TypeError", e)
print(next(iter([]), "default"), next(fib()))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), [x for x in Count(2)], sum(Count(4)), 3 in Count(5), 9 in Count(5))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), list(reversed([1,2,3])))
for i, (a, b) in enumerate(zip(fib(), "xyz")):
    print(i, a, b)
def g4():
    x = yield
    while x:
        x = yield x.upper()
w = g4()
next(w)
print(w.send("a"), w.send("bc"))
try:
    w.send("")
except StopIteration:
    print("finished")
print(g4.__name__, type(w).__name__, repr(gen_exc())[:24])
def thrower():
    try:
        yield 1
    except ValueError:
        yield "handled"
t = thrower()
next(t)
print(t.throw(ValueError))
try:
    t.throw(TypeError("unhandled"))
except TypeError as e:
    print("propagated", e)
gen_in_gen = ((i, j) for i in range(3) for j in range(i))
print(list(gen_in_gen))
x = 10
lazy = (x + i for i in range(3))
x = 100
print(list(lazy))
def returns_value():
    yield "a"
    yield "b"
    return "the value"


def delegate():
    result = yield from returns_value()
    yield result.upper()
    return len(result)


print(list(delegate()), "".join(returns_value()), list(enumerate(returns_value())))
print(sorted(returns_value(), reverse=True), [*returns_value(), *delegate()], list(zip(returns_value(), delegate())))

def fg():
    yield from fg_inner()
def fg_inner():
    yield 1
    raise ValueError("deep")
list(fg())

