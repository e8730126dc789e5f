# list: methods, operators, comparisons, errors (CPython 3.11 messages).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.extend((7,))
a.extend(range(8, 10))
a.extend(x for x in "ab")
a.extend({"k": 1})
print(a, len(a))
a.insert(0, "first")
a.insert(-1, "before last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3))
print(a)
a.remove("first")
print(a, a.index(4), a.index(4, 2), a.index(4, -9), a.count(1), a.count(99))
b = [1, 2, 1, 2, 1]
print(b.index(1, 1), b.index(1, 3, 5), b.index(2, -4, -2))
t(lambda: b.index(2, 4))
t(lambda: b.index(7))
t(lambda: b.index("x"))
t(lambda: b.index())
t(lambda: b.index(1, 1.5))
t(lambda: [].remove(1))
t(lambda: [1].remove())
t(lambda: [].pop())
t(lambda: [1].pop(1))
t(lambda: [1].pop(-2))
t(lambda: [1].pop("a"))
t(lambda: [1].pop(1, 2))
t(lambda: [1].pop(2 ** 100))
t(lambda: [].append())
t(lambda: [].append(1, 2))
t(lambda: [].append(x=1))
t(lambda: [].extend())
t(lambda: [].extend(5))
t(lambda: [].insert(1))
t(lambda: [].insert("a", 1))
t(lambda: [].count())
t(lambda: [].copy(1))
t(lambda: [].clear(1))
t(lambda: [].reverse(1))
c = [1, 2, 3]
d = c.copy()
d.append(4)
c.reverse()
print(c, d, c.clear(), c)
print([1, 2] + [3], [1] * 3, 2 * [0, 1], [1, 2] * 0, [1] * -5, [] * 9)
t(lambda: [1] + (2,))
t(lambda: [1] + "ab")
t(lambda: [1] * 2.0)
t(lambda: 2.0 * [1])
t(lambda: [1] * [2])
t(lambda: [1] * 2 ** 100)
t(lambda: 5 + [1])
e = [1]
e += (2, 3)
e += "ab"
e += range(2)
print(e)
e *= 2
print(e)
e *= 0
print(e)
f = [1, 2]
g = f
f += [3]
f *= 2
print(g, f is g)


def iadd_bad():
    h = [1]
    h += 5


t(iadd_bad)


def imul_bad():
    h = [1]
    h *= 1.5


t(imul_bad)
print(1 in [1, 2], 3 in [1, 2], [] in [[], 1], "a" not in ["b"])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 3], [2] > [1, 5], [1, 2] == [1, 2], [1] != [1.0])
print([] < [0], [1, [2]] == [1, [2]], [1, 2] <= [1, 2], [3] >= [2, 9])
t(lambda: [1, 2] < [1, "a"])
t(lambda: [1] < (1,))
t(lambda: [] < None)
print([1, 2] == (1, 2), [1] != "1")
print(list(), list([1, 2]), list((1, 2)), list("xy"), list(range(3)), list({1: 2}))
t(lambda: list(1))
t(lambda: list(1, 2))
t(lambda: list(x=1))
t(lambda: hash([]))
t(lambda: [][0])
t(lambda: [1][1])
t(lambda: [1][-2])
k0 = "0"
kn = None
t(lambda: [1][k0])
t(lambda: [1][kn])
t(lambda: [1][2 ** 100])


def setbad():
    x = [1]
    x[1] = 2


t(setbad)


def delbad():
    x = [1]
    del x[-2]


t(delbad)


def setstr():
    x = [1]
    x["a"] = 2


t(setstr)
x = [0, 1, 2, 3]
x[0] = "zero"
x[-1] = "three"
del x[1]
print(x)
x[True] = "one"
print(x, x[False])
s = [1, 2]
s.append(s)
print(s, [s, [s]])
r = []
r.append(r)
print(r, str(r))
print(repr([1, "a", 2.5, None, (1,), [], {}]))
it = iter([1, 2, 3])
print(type(it).__name__, next(it), list(it), list(it))
ri = reversed([1, 2, 3])
print(type(ri).__name__, list(ri), list(reversed([])))
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.append(4)
print(list(it))
lst = [1, 2, 3, 4]
ri = reversed(lst)
next(ri)
lst.pop()
lst.pop()
print(list(ri))
print(list.__name__, type([]) is list, isinstance([], list))
print([i * 2 for i in range(5) if i != 2], [[j for j in range(i)] for i in range(3)])
print(len([None] * 1000), [[]] * 2)
print([1, 2, 3].__len__(), [1, 2].__getitem__(1), [5].__contains__(5))


class L(list):
    pass


m = L([3, 1, 2])
m.sort()
print(m, type(m).__name__, len(m), type(m + m).__name__, type(m[:]).__name__, m == [1, 2, 3])
