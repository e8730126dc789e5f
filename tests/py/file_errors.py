import os

NAME = "_tmp_file_errors.txt"


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


try:
    open("nope.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.strerror, e.filename)
try:
    open("nope.txt")
except OSError as e:
    print("as OSError:", e)
check("open('.')", lambda: open("."))
check("open('no/such/dir.txt', 'w')", lambda: open("no/such/dir.txt", "w"))
check("open()", lambda: open())
check("open(NAME, 'z')", lambda: open(NAME, "z"))
check("open(NAME, 'rw')", lambda: open(NAME, "rw"))
check("open(NAME, 'rr')", lambda: open(NAME, "rr"))
check("open(NAME, 'rtb')", lambda: open(NAME, "rtb"))
check("open(1.5)", lambda: open(1.5))
check("open(NAME, 1)", lambda: open(NAME, 1))

f = open(NAME, "w")
f.write("data\n")
check("f.read()", lambda: f.read())
check("f.readline()", lambda: f.readline())
check("f.write(1)", lambda: f.write(1))
check("f.writelines([1])", lambda: f.writelines([1]))
f.close()
check("closed f.write('x')", lambda: f.write("x"))
check("closed f.read()", lambda: f.read())
check("closed f.flush()", lambda: f.flush())
check("closed iter(f)", lambda: iter(f))
check("closed f.readable()", lambda: f.readable())
check("closed f.close()", lambda: f.close())


def enter_closed():
    with f:
        pass


check("with closed", enter_closed)

r = open(NAME)
check("r.write('x')", lambda: r.write("x"))
try:
    r.write("x")
except ValueError as e:
    print("UnsupportedOperation is a ValueError:", e)
try:
    r.write("x")
except OSError as e:
    print("and an OSError:", type(e).__name__)
check("r.read('a')", lambda: r.read("a"))
check("r.read(1, 2)", lambda: r.read(1, 2))
check("r.seek(1, 1)", lambda: r.seek(1, 1))
r.close()

check("open(NAME, 'x')", lambda: open(NAME, "x"))
os.remove(NAME)
check("os.remove(NAME)", lambda: os.remove(NAME))
with open(NAME, "x") as f:
    f.write("exclusive")
with open(NAME) as f:
    print(f.read())
os.remove(NAME)

