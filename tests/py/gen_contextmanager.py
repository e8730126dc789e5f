# A generator-based context manager (like contextlib.contextmanager, written
# out): __exit__ throws the with-block's exception into the generator.
import sys
class _GCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if val is None:
            val = typ()
        try:
            self.gen.throw(typ, val, tb)
        except StopIteration as exc:
            return exc is not val
        except RuntimeError as exc:
            if exc is val:
                return False
            if isinstance(val, StopIteration) and exc.__cause__ is val:
                return False
            raise
        except BaseException as exc:
            if exc is not val:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")
def contextmanager(f):
    def helper(*a, **k):
        return _GCM(f(*a, **k))
    return helper

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    except KeyError as e:
        print("tag swallowed", repr(e), sys.exc_info()[0].__name__)
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("inside", t)
with tag("b"):
    raise KeyError("kb")
print("after b", sys.exc_info())
try:
    with tag("c"):
        raise ValueError("vc")
except ValueError as e:
    print("outer caught", repr(e), repr(e.__context__))
try:
    raise IndexError("ctx")
except IndexError:
    with tag("d"):
        print("in d", repr(sys.exc_info()[1]))
    print("after d", repr(sys.exc_info()[1]))
@contextmanager
def suppress(*types):
    try:
        yield
    except types:
        pass
with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
@contextmanager
def converting():
    try:
        yield
    except KeyError as e:
        raise LookupError("converted") from e
try:
    with converting():
        {}["missing"]
except LookupError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
@contextmanager
def nested_yield():
    with tag("inner"):
        yield 42
with nested_yield() as v:
    print("v", v)
def with_in_gen():
    with tag("w"):
        yield 1
        yield 2
w = with_in_gen()
print(next(w))
w.close()
print("closed")
