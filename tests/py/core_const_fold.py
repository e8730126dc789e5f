# Constant folding as CPython 3.11 does it (binary operations on constants,
# within its size limits; errors are left to run time), shared equal
# constants, and the reference a main program's literals hold while it runs.
import sys
a = 1.5 * 2
print(sys.getrefcount(a), 2**9 is 2**9, 2**100 is 2**100, 2**200 is 2**200, (1+2, 3), "ab" * 3 is "ab" * 3)
b = "x" * 5000
print(len(b), 7 // 2, -7 % 3, 1 << 100, 2 ** -1, "%s" % 5, (1, 2) * 3, 10 / 4)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def f():
    return 60 * 60 * 24
print(f(), f.__code__.co_consts)
x = 3
print(x * 2 * 3, 2 * 3 * x, (x, 1 + 1))
print(sys.getrefcount((1, 2)), "a" "b" + "c")
