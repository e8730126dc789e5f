# Exceptions: try/except/else/finally, chaining, user exceptions, messages.
def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            raise ValueError("one")
        return "other"
    except ValueError as e:
        return "caught %s" % e
    else:
        print("else runs")
    finally:
        print("finally", n)
print(f(0), f(1), f(2))
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("no break")
    return i
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    try:
        raise KeyError("x")
    finally:
        return "swallowed"
print(k())
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraiser():
    try:
        {}["a"]
    except KeyError:
        print("handling")
        raise
try:
    reraiser()
except KeyError as e:
    print("re-raised", e)
e = None
try:
    raise OSError(2, "No such file", "x.txt")
except OSError as err:
    print(err, err.errno, err.strerror, err.filename, err.args)
try:
    print(err)
except NameError as ne:
    print("NameError:", ne)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
try:
    raise MyErr(404, "not found")
except Exception as ex:
    print(ex, repr(ex), ex.args, ex.code, isinstance(ex, MyErr))
print(repr(Exception()), str(Exception()), repr(Exception(1, 2)), str(Exception(1, 2)), str(KeyError("k")), str(KeyError()), repr(KeyError("k", 1)))
print(repr(ValueError("x")), BaseException.__subclasses__ if False else "", issubclass(FileNotFoundError, OSError), issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError))
try:
    raise ValueError
except ValueError as ve:
    print(repr(ve), ve.args)
try:
    raise 42
except TypeError as te:
    print(te)
try:
    raise ValueError("a") from 3
except TypeError as te:
    print(te)
try:
    assert 1 == 2, "math broke"
except AssertionError as ae:
    print(repr(ae))
try:
    assert False
except AssertionError as ae:
    print(repr(ae))
try:
    x = undefined_name
except NameError as ne:
    print(ne, repr(ne))
try:
    int.nope
except AttributeError as ae:
    print(ae)
try:
    (1).nope
except AttributeError as ae:
    print(ae)
try:
    None.x
except AttributeError as ae:
    print(ae)
try:
    len(5)
except TypeError as te:
    print(te)
f5 = 5
try:
    f5()
except TypeError as te:
    print(te)
lst = [1, 2]
try:
    lst["a"]
except TypeError as te:
    print(te)
try:
    {}[[]]
except TypeError as te:
    print(te)
try:
    "a" < 1
except TypeError as te:
    print(te)
try:
    import sys
    sys.exit("bye")
except SystemExit as se:
    print("SystemExit", se.code, repr(se))
try:
    exit(3)
except SystemExit as se:
    print("exit", se.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as be:
    print("base", type(be).__name__)
def nested():
    try:
        raise ValueError("inner")
    except ValueError:
        try:
            raise TypeError("middle")
        except TypeError as t:
            raise KeyError("outer") from None
try:
    nested()
except KeyError as ke:
    print(repr(ke), repr(ke.__context__), ke.__suppress_context__, ke.__cause__)


class Resource:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("closing after", et.__name__ if et else None)
        return False
def level3(d):
    return d["key"]
def level2(d):
    with Resource():
        return level3(d)
def level1():
    try:
        level2({})
    except KeyError as e:
        raise LookupError("wrapped") from e
def top():
    try:
        level1()
    except LookupError:
        cleanup = None
        cleanup.close()
top()
