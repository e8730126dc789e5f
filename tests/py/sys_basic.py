import sys


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(sys.version.startswith("3.11"), sys.version_info[:2], sys.version_info >= (3, 8))
print(sys.version_info[0], sys.version_info[3], len(sys.version_info), tuple(sys.version_info)[:2])
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.platform, sys.byteorder)
print(type(sys.path).__name__, type(sys.path[0]).__name__, type(sys.executable).__name__)
print(type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
import math
print(sys.modules["math"] is math, sys.getdefaultencoding())
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
check("sys.setrecursionlimit(0)", lambda: sys.setrecursionlimit(0))
check("sys.setrecursionlimit('a')", lambda: sys.setrecursionlimit("a"))
check("sys.setrecursionlimit(1.5)", lambda: sys.setrecursionlimit(1.5))
check("sys.getrecursionlimit(1)", lambda: sys.getrecursionlimit(1))

a = "".join(["inter", "ned"])
b = sys.intern(a)
c = sys.intern("".join(["inter", "ned"]))
print(b == a, b is c)
check("sys.intern(1)", lambda: sys.intern(1))
check("sys.intern()", lambda: sys.intern())

x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
check("sys.getrefcount()", lambda: sys.getrefcount())

print(type(sys.getsizeof(1)).__name__, sys.getsizeof([]) < sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof("") < sys.getsizeof("a" * 100), sys.getsizeof((1, 2)) > sys.getsizeof(()))


class Sized:
    def __sizeof__(self):
        return 1000


print(sys.getsizeof(Sized()) >= 1000)
check("sys.getsizeof()", lambda: sys.getsizeof())

print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb is not None)
print(sys.exc_info())

n = sys.stdout.write("direct write\n")
print(n, sys.stdout.writable(), sys.stdin.readable())
sys.stdout.flush()
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
print(repr(sys.stdout), repr(sys.stderr))
sys.stderr.write("to stderr\n")
print("after stderr")
print(sys.__stdout__ is sys.stdout)


class Capture:
    def __init__(self):
        self.data = []

    def write(self, s):
        self.data.append(s)


old = sys.stdout
sys.stdout = Capture()
print("captured", 1)
cap = sys.stdout
sys.stdout = old
print(cap.data)
