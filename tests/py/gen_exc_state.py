# The exception being handled belongs to each generator: it is kept across
# yield, the caller's is restored at each suspension, and a generator with
# none of its own sees its caller's (sys.exc_info, bare raise, __context__).
import sys


def handled():
    e = sys.exc_info()[1]
    return repr(e)


def keeps_its_own():
    try:
        raise KeyError("in gen")
    except KeyError:
        print("gen before yield:", handled())
        yield 1
        print("gen after yield:", handled())
        yield 2
        try:
            raise
        except KeyError as e:
            print("bare raise in gen re-raised", repr(e))
    print("gen after except:", handled())
    yield 3


it = keeps_its_own()
print(next(it))
print("caller after first yield:", handled())
try:
    raise ValueError("caller")
except ValueError:
    print(next(it))
    print("caller still handling:", handled())
print(next(it))
print("caller at the end:", handled())


def sees_callers():
    print("sees:", handled())
    yield
    print("sees:", handled())
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("context of new error:", repr(e.__context__))
    yield


try:
    raise TypeError("first caller")
except TypeError:
    x = sees_callers()
    next(x)
try:
    raise IndexError("second caller")
except IndexError:
    next(x)


def raises_in_handler():
    try:
        raise KeyError(1)
    except KeyError:
        yield 5
        raise ValueError("from the generator")


z = raises_in_handler()
next(z)
try:
    raise IndexError(2)
except IndexError:
    try:
        next(z)
    except ValueError as e:
        ctx = e.__context__
        print("chained to the generator's own:", repr(ctx), repr(ctx.__context__))


def raises_plain():
    yield 1
    raise ValueError("plain")


w = raises_plain()
next(w)
try:
    raise IndexError(3)
except IndexError:
    try:
        next(w)
    except ValueError as e:
        print("chained to the caller's:", repr(e.__context__))


def catches_thrown():
    try:
        yield
    except Exception as e:
        print("thrown in, context:", repr(e), repr(e.__context__))
        yield "handled"


try:
    raise OSError("outer")
except OSError:
    y = catches_thrown()
    next(y)
    print(y.throw(ValueError("thrown")))


def thrown_inside_except():
    try:
        raise IndexError("own")
    except IndexError:
        yield


t = thrown_inside_except()
next(t)
try:
    t.throw(OSError)
except OSError as e:
    print("thrown inside except, context:", repr(e.__context__))


def reraises():
    try:
        yield
    except:
        print("reraising", sys.exc_info()[1])
        raise


w = reraises()
next(w)
try:
    raise IndexError(4)
except IndexError:
    try:
        w.throw(KeyError(5))
    except KeyError as e:
        print("thrown keeps no caller context:", repr(e.__context__))


def on_close():
    try:
        yield
    except GeneratorExit as e:
        print("GeneratorExit context:", repr(e.__context__))
        raise


c = on_close()
next(c)
try:
    raise KeyError(9)
except KeyError:
    c.close()


def finally_raises():
    try:
        yield
    finally:
        raise ValueError("in finally")


c = finally_raises()
next(c)
try:
    raise KeyError("while closing")
except KeyError:
    try:
        c.close()
    except ValueError as e:
        print("close chain:", repr(e.__context__), repr(e.__context__.__context__))


# nested generators, each with its own state
def inner():
    print("inner start:", handled())
    try:
        raise KeyError("inner")
    except KeyError:
        x = yield 1
        print("inner resumed with", x, handled())
        y = yield 2
        print("inner got", y, handled())
    print("inner after:", handled())
    return "inner-done"


def middle():
    try:
        raise ValueError("middle")
    except ValueError:
        r = yield from inner()
        print("middle r", r, handled())
    yield 3
    return 7


def outer():
    r = yield from middle()
    print("outer r", r, handled())


g = outer()
print(next(g))
try:
    raise IndexError("caller")
except IndexError:
    print(g.send("a"))
    print("caller:", handled())
print(g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)


# a function called by a generator shares the generator's state
def helper():
    try:
        raise LookupError("helper")
    except LookupError:
        return handled()


def uses_helper():
    try:
        raise KeyError("uh")
    except KeyError:
        print("helper saw:", helper())
        print("after helper:", handled())
        yield


try:
    raise OSError("top")
except OSError:
    next(uses_helper())
    print("top still:", handled())
print("nothing handled:", sys.exc_info())
