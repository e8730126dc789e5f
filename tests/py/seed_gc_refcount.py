# The seed articles' sys.getrefcount, gc-module, small-int and interning
# examples (articles 000, 001, 004), as scripts: every value printed is one
# CPython 3.11 prints too.  Raw id() values are replaced by comparisons.
import gc
import sys
from sys import getrefcount

# --- article 000: a list seen from module level and from a call
a = []
print(sys.getrefcount(a))          # 2: a, getrefcount's argument


def func(a):
    print(sys.getrefcount(a))


func(a)
print(sys.getrefcount(a))          # 2 again: the call's references are gone

b = a
print(sys.getrefcount(a))          # 3
c = b
d = b
e = c
f = e
g = d
print(sys.getrefcount(a))          # 8: a..g all name one object

# --- article 004: containers and rebinding
a = [1, 2, 3]
print(getrefcount(a))
b = a
print(getrefcount(b))

a = [1, 2, 3]
print(getrefcount(a))
b = [a, a]
print(getrefcount(a))              # 4: a and two slots of b
print(getrefcount(b))

a = []
a.append(a)
print(getrefcount(a))              # 3: a refers to itself

a = [1, 2, 3]
b = a
print(getrefcount(b))
del a
print(getrefcount(b))              # 2 after del

a = [1, 2, 3]
b = a
print(getrefcount(b))
a = 1
print(getrefcount(b))              # 2 after a is rebound

# --- article 004: the cached small int 1 is shared by the whole interpreter,
# so its count is large (the article saw 601; CPython 3.11 and tpy start the
# pooled ints at a huge count so they can never be freed)
a = 1
print(getrefcount(a) > 600, getrefcount(a) - getrefcount(1))
a = 1000
print(getrefcount(a) < 10)

# --- the reference ring, freed only by the collector
gc.collect()
a = []
b = [a]
a.append(b)
del a
del b
print("ring collected:", gc.collect())

# --- article 001/004: thresholds and the generation-0 counter
print(gc.get_threshold())
gc.set_threshold(700, 10, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)


class A():
    pass


before = gc.get_count()[0]
a = A()
after_new = gc.get_count()[0]
del a
after_del = gc.get_count()[0]
print("count delta after A():", after_new - before, "after del:", after_del - before)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(len(gc.get_objects()) > 0)

# --- gc.DEBUG_SAVEALL keeps what the collector freed in gc.garbage
gc.set_debug(gc.DEBUG_SAVEALL)
ring = []
ring.append(ring)
del ring
gc.collect()
print(gc.garbage)
gc.set_debug(0)
gc.garbage.clear()

# --- article 001, 4.6/4.7: ClassA cycles with gc disabled, a few rounds


class ClassA():
    born = 0

    def __init__(self):
        ClassA.born += 1
        print('object born, number %s' % str(ClassA.born))


def f2(rounds, collect):
    for _ in range(rounds):
        c1 = ClassA()
        c2 = ClassA()
        c1.t = c2
        c2.t = c1
        del c1
        del c2
        if collect:
            print("collected:", gc.collect())


gc.disable()
f2(2, False)
print("left for the collector:", gc.collect())
f2(2, True)
gc.enable()

# --- article 001, 5.1: the small-int cache [-5, 256]; each big int computed
# at run time is a new object (ids shown as comparisons)
a = 1
b = 1
print(id(a) == id(b), a is b, type(a))
print(int("256") is int("256"), int("257") is int("257"))
print(int("-5") is int("-5"), int("-6") is int("-6"))
a = 1000
b = int("1000")
print(a == b, a is b)

# --- 5.2: interning.  Literals that look like identifiers are interned, so
# strings built at run time compare identical only after sys.intern.
x = 'ab'
abcd = 'abcd'
print((x + 'cd') is abcd, sys.intern(x + 'cd') is abcd)
a = 'abcd'
b = 'abcd'
print(id(a) == id(b))

# In a script both "hello world" literals are one constant of the module's
# code (the article's False comes from the interactive prompt, where each
# line is compiled on its own).
a = 'hello world'
b = 'hello world'
print(a is b)
a = "it is a very good day"
b = "it is a very good day"
print(a is b)
a = []
b = []
print(a is b)
a1, a2 = [], []
print(a1 == a2, a1 is a2)

# --- immutable values: a new object on every change
a = 1
old = id(a)
a += 1
print(id(a) == old)
b = 'abcd'
old = id(b)
b = 'abcd' + 'efg'
print(id(b) == old, b)
