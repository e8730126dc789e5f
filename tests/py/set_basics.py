# set and frozenset: construction, methods, errors, repr, iteration order of ints.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print({3, 1, 2}, set(), set([5, 4, 3, 2, 1] * 3), set(range(20, 0, -3)), set((1, 1.0, True)))
print(set(range(100, 0, -7)), {33, 65, 100, 5, 1000, 17, -5, -1}, {-1, -2, -3, 2 ** 61, 2 ** 61 - 1})
print(set([2 ** 64, 2 ** 64 + 1, 2 ** 61 - 1, 2 ** 61, -2 ** 61]), {1.5, 2.5, 0.1, -0.0, 0})
print(frozenset(), frozenset([3, 1]), frozenset(range(5)), {frozenset({1}), frozenset()})
print(set({1: "a", 2: "b"}), set(x * 2 for x in range(5)), set("aaa"), sorted(set("hello")))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([7, 8], (9,), {10})
s.update()
print(s, len(s), 3 in s, 4 in s, 4 not in s)
s.discard(7)
s.discard(700)
s.remove(8)
print(s)
t(lambda: s.remove(8))
t(lambda: s.remove((1, 2)))
t(lambda: set().pop())
t(lambda: s.add([]))
t(lambda: s.discard([]))
t(lambda: s.remove({}))
t(lambda: [] in s)
t(lambda: {[1]})
t(lambda: set([[1]]))
t(lambda: set(1))
t(lambda: set(1, 2))
t(lambda: set(a=1))
t(lambda: frozenset(a=1))
t(lambda: frozenset(1, 2))
t(lambda: set().add())
t(lambda: set().add(1, 2))
t(lambda: set().pop(1))
t(lambda: set().issubset())
t(lambda: set().issubset(1))
t(lambda: set().union(1))
t(lambda: {1}.isdisjoint(1))
t(lambda: hash(set()))
t(lambda: {1}.update(5))
print({frozenset({1})}.__contains__({1}), {1} in {frozenset({1})}, {frozenset()} - {frozenset()})
fs = {frozenset({1, 2})}
fs.remove({1, 2})
fs.add(frozenset({3}))
fs.discard({3})
print(fs)
p = set(range(10))
print([p.pop() for i in range(3)], p)
p.add(0)
print(p, p.pop(), p)
c = {1, 2, 3}
d = c.copy()
d.add(4)
print(c, d, c.clear(), c, len(c))
f = frozenset([1, 2])
print(f.copy() is f, frozenset(f) is f, type(f.copy()).__name__)
print(repr(set()), repr(frozenset()), str({1, 2}), repr(frozenset({1, 2})))


class S(set):
    pass


class F(frozenset):
    pass


print(S([1, 2]), repr(S()), F([3]), repr(F()), type(S([1]) | {2}).__name__, type(F([1]) | {2}).__name__)
print(type(frozenset([1]) | {3}).__name__, type({3} | frozenset([1])).__name__, type(S().copy()).__name__)
print(S([1]) == {1}, F([1]) == frozenset([1]), isinstance(S(), set), len(S("abc")))
a = {1, 2, 3}
try:
    for x in a:
        a.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
a = {1, 2, 3}
for x in a:
    a.discard(x)
    a.add(x + 100)
print(a)
it = iter({5, 6})
print(type(it).__name__, sorted(it), list(it))
a = {1, 2}
a.add(a.__len__())
print(a, a.__contains__(2))
print({1, 9}, end=" ")
s = {1, 9}
s.discard(1)
s.add(17)
print(s)
s = {1, 9, 25}
s.discard(9)
s.add(33)
print(s)
x = set(range(100))
for i in range(0, 100, 2):
    x.discard(i)
print(x)
print(x.copy())
for i in range(1, 90, 2):
    x.discard(i)
print(x, x.copy(), set(x), frozenset(x))
