# OSError's errno, strerror, filename, filename2 and characters_written.
for args in [(2, "x", None), (2, "x", "f", None, "g"), (2, "x", None, None, "g"),
             (2, "x", "f", None, None), (2, "x", "f", 5), (1,), (1, 2, 3, 4, 5, 6),
             (13, "denied", "p"), (17, "exists", "q"), ()]:
    e = OSError(*args)
    print(type(e).__name__, args, repr(str(e)), e.args, e.filename, e.filename2, e.errno,
          e.strerror)
e = OSError()
try:
    e.characters_written
except AttributeError as x:
    print(repr(x))
e.characters_written = 5
print(e.characters_written)
try:
    e.characters_written = "x"
except TypeError as x:
    print(x)
del e.characters_written
try:
    del e.characters_written
except AttributeError as x:
    print(repr(x))
e.filename = "zz"
e.errno = 3
e.strerror = "s"
print(e, e.args)
e = OSError(2, "m")
e.filename2 = "q"
print(e)
e.filename = "p"
print(e)
del e.filename
print(e, e.filename)
print(SyntaxError("x").print_file_and_line)
try:
    open("/nonexistent/dir/file.txt")
except OSError as err:
    print(type(err).__name__, err.errno, err.filename, err.filename2, err.args, err)


class MyOS(OSError):
    def __init__(self, path):
        super().__init__(2, "custom", path)


try:
    raise MyOS("/p")
except OSError as err:
    print(type(err).__name__, err, err.filename, err.args)
err = FileNotFoundError("just a message")
print(err, err.errno, err.filename, err.args)
raise OSError(1, "Operation not permitted", "src.txt", None, "dst.txt")
