# Exception objects: str/repr/args of the built-in types, OSError's errno subclasses, attributes.
cases = [KeyError(), KeyError(1), KeyError("a", "b"), KeyError((1, 2)), ValueError(""), ValueError(None), OSError(), OSError(5),
         OSError(2, "msg"), OSError(2, "msg", "file"), OSError(2, "msg", "file", None, "file2") if False else OSError(1, 2, 3, 4),
         FileNotFoundError(2, "No such"), StopIteration(), StopIteration(5), SystemExit(), SystemExit(3, 4), SyntaxError("bad"),
         SyntaxError("bad", ("f.py", 1, 2, "text", 1, 3)), UnicodeError("u"), AssertionError(), RecursionError("deep"),
         Exception(Exception("inner")), ArithmeticError(1.5), NameError("n"), AttributeError("a"), ImportError("i")]
for e in cases:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
e = OSError(2, "msg", "file")
print(e.errno, e.strerror, e.filename, type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__ if False else "")
s = SyntaxError("bad", ("f.py", 1, 2, "text", 1, 3))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code, SystemExit(3, 4).code)
class MyErr(ValueError):
    def __str__(self):
        return "custom: " + super().__str__()
print(str(MyErr("x")), repr(MyErr("x")), MyErr("x").args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("m")))
try:
    raise MyErr("boom")
except ValueError as err:
    print(err, err.__traceback__ is not None, err.__traceback__.tb_lineno)
e1 = ValueError("x")
e1.args = ("y", 2)
print(e1, e1.args)
e2 = Exception()
e2.extra = 5
print(e2.extra, vars(e2))
raise MyErr("at the end")
