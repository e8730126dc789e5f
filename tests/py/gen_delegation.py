# send(), throw() and close() through `yield from`, StopIteration values,
# throw()'s argument forms, and the errors generators raise.
def sub():
    try:
        x = yield 1
        print("sub got", x)
        yield 2
    except ValueError as e:
        print("sub caught", repr(e))
        yield "sub-handled"
    finally:
        print("sub finally")
    return "subret"


def outer():
    try:
        r = yield from sub()
        print("outer got", r)
        yield "after"
    except ValueError as e:
        print("outer caught", repr(e))
    finally:
        print("outer finally")


g = outer()
print(next(g))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(g.send("hello"))
print(g.throw(ValueError("v1")))
print(next(g))
print(g.gi_yieldfrom)
g.close()
print("---")
g = outer()
next(g)
print(g.close())
print("---")
g = outer()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("caller got", repr(e))
print("--- iterators")


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration(42)
        return self.n


class ItT(It):
    def throw(self, *a):
        print("ItT.throw", a)
        return "thrown-value"

    def close(self):
        print("ItT.close")


def o2(it):
    try:
        r = yield from it
        print("o2 result", r)
    finally:
        print("o2 finally")


print(list(o2(It())))
g = o2(It())
next(g)
try:
    g.throw(IndexError("ix"))
except IndexError as e:
    print("propagated", repr(e))
g = o2(ItT())
next(g)
print(g.throw(IndexError("ix2")))
g.close()


def sup6():
    yield from [1, 2, 3]


g = sup6()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print(repr(e))
print("--- closing chains")


def sub2():
    try:
        yield 1
        yield 2
    finally:
        print("sub2 finally")


def sup2():
    try:
        yield from sub2()
    finally:
        print("sup2 finally")


g = sup2()
next(g)
g.close()
print(g.gi_suspended)
g = sup2()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated")


def sub3():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"


def sup3():
    try:
        yield from sub3()
    except RuntimeError as e:
        print("sup3 got", repr(e))
        yield "sup3 yielded"


g = sup3()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("close raised", repr(e))


def sub4():
    try:
        yield 1
    finally:
        raise ValueError("sub4 finally")


def sup4():
    try:
        yield from sub4()
    except ValueError as e:
        print("sup4 caught", repr(e), repr(e.__context__))
        raise


g = sup4()
next(g)
try:
    g.close()
except ValueError as e:
    print("close", repr(e))


def sub5():
    try:
        yield 1
    except KeyError:
        return "recovered"


def sup5():
    r = yield from sub5()
    print("sup5 r", r)
    yield "sup5 next"


g = sup5()
next(g)
print(g.throw(KeyError))


def deep(n):
    if n == 0:
        try:
            v = yield "bottom"
            print("bottom got", v)
            yield "bottom again"
        except ArithmeticError as e:
            print("bottom caught", repr(e))
            return "from bottom"
    else:
        r = yield from deep(n - 1)
        return "%d:%s" % (n, r)


g = deep(30)
print(next(g), g.send("x"))
try:
    g.throw(ZeroDivisionError("deep throw"))
except StopIteration as e:
    print("chain result", e.value)
print("--- errors")


def selfref():
    yield gg.send(None)


gg = selfref()
try:
    next(gg)
except ValueError as e:
    print(repr(e))


def sup7():
    yield from g7


def g7f():
    yield 1
    yield next(outer7)


g7 = g7f()
outer7 = sup7()
next(outer7)
try:
    next(outer7)
except ValueError as e:
    print(repr(e))


def r2():
    print("running inside:", gr.gi_running, gr.gi_suspended)
    yield 1


gr = r2()
print(gr.gi_running, gr.gi_suspended)
next(gr)
print(gr.gi_running, gr.gi_suspended)
try:
    outer().send(5)
except TypeError as e:
    print(repr(e))


def stopper():
    yield 1
    raise StopIteration("x")


try:
    list(stopper())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)


def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ign()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(repr(e))
print("--- throw forms")


def tf():
    while True:
        try:
            yield
        except Exception as e:
            print("tf got", type(e).__name__, e.args)


g = tf()
next(g)
g.throw(ValueError)
g.throw(ValueError, "msg")
g.throw(ValueError, ValueError("inst"))
g.throw(ValueError, ("a", "b"))
g.throw(LookupError, KeyError("sub-instance"))
g.throw(ValueError("x"), None)
for args in [(ValueError("x"), 1), (1,), (ValueError, None, 5), ()]:
    try:
        g.throw(*args)
    except TypeError as e:
        print(repr(e))


def make_error():
    try:
        int("x")
    except ValueError as e:
        return e


e = make_error()
g = tf()
next(g)
g.throw(type(e), e, e.__traceback__)
print("--- finished generators")


def one():
    yield 1


g = one()
list(g)
try:
    g.throw(KeyError("after"))
except KeyError as e:
    print("finished throw", repr(e))
print(g.close())
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
try:
    g.send(1)
except StopIteration:
    print("send on finished: StopIteration")
g = one()
g.close()
try:
    g.send(1)
except StopIteration:
    print("send after close before start: StopIteration")
g = one()
try:
    g.throw(KeyError("unstarted"))
except KeyError as e:
    print("unstarted throw", repr(e), g.gi_suspended)
print(next(g, "exhausted"))
