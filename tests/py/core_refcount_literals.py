# sys.getrefcount of constants in a main program gives CPython 3.11's
# numbers: the name, the code object's constants, the argument, and the
# reference CPython's syntax tree keeps to each literal while the module runs.
# Equal constants are one object (tuples too); a function's constants count.
import sys

a = "hello world"
print(sys.getrefcount(a))
b = "hello world"
print(sys.getrefcount(a), a is b)
n = 1000
m = 1000
print(sys.getrefcount(n), n is m)
f1 = 2.5
f2 = 2.5
print(sys.getrefcount(f1))
t1 = (1, 2)
t2 = (1, 2)
print(sys.getrefcount(t1), t1 is t2)
neg = -300
print(sys.getrefcount(neg))
folded = 1.5 * 2
print(sys.getrefcount(folded))


def f():
    s = "zz top"
    return sys.getrefcount(s)


print(f())
x = 5
computed = x * 1000
print(sys.getrefcount(computed))
lst = []
print(sys.getrefcount(lst), sys.getrefcount([]))
