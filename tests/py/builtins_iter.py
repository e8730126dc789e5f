def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


print(list(enumerate("abc")))
print(list(enumerate("abc", 10)), list(enumerate("ab", start=-1)))
print(list(enumerate([], 5)))
print(list(enumerate("ab", 2**64)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "done"))
print(type(e).__name__, isinstance(e, enumerate), iter(e) is e)

print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3], (True, False))))
print(dict(zip("abc", range(3))))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in [([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1]), ([1], [1, 2], [1, 2]), ([1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as ex:
        print("ValueError:", ex)
a, b = zip(*[(1, "a"), (2, "b")])
print(a, b)

print(list(map(str, [1, 2, 3])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])))
print(list(map(len, ["", "ab", "abc"])))
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, None))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 3])))

print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("héllo")))
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
print(list(reversed({"a": 1, "b": 2})))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 10


class Rev:
    def __reversed__(self):
        return iter("zyx")


print(list(reversed(Seq())), list(reversed(Rev())))
lst = [1, 2, 3, 4]
r = reversed(lst)
print(next(r))
lst.clear()
print(list(r))

it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as ex:
    print("StopIteration", repr(ex), ex.args)


def gen():
    yield 1
    return "result"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as ex:
    print("value:", ex.value)

data = [5, 4, 3, 2, 1]
print(list(iter(data.pop, 2)))
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 4)))
print(list(iter(Seq().__len__, 3)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), next(Countdown(0), "empty"))

check('enumerate()', lambda: enumerate())
check('enumerate(1)', lambda: enumerate(1))
check("enumerate([], 'a')", lambda: enumerate([], 'a'))
check('enumerate([], x=1)', lambda: enumerate([], x=1))
check('enumerate([], 1, 2)', lambda: enumerate([], 1, 2))
check('zip(1)', lambda: zip(1))
check('zip([1], 2)', lambda: zip([1], 2))
check('zip(x=1)', lambda: zip(x=1))
check('map()', lambda: map())
check('map(len)', lambda: map(len))
check('map(len, 1)', lambda: map(len, 1))
check('filter()', lambda: filter())
check('filter(len)', lambda: filter(len))
check('filter(len, 1)', lambda: filter(len, 1))
check('reversed()', lambda: reversed())
check('reversed(1)', lambda: reversed(1))
check('reversed({1})', lambda: reversed({1}))
check('reversed([], [])', lambda: reversed([], []))
check('reversed(seq=[])', lambda: reversed(seq=[]))
check('iter()', lambda: iter())
check('iter(1)', lambda: iter(1))
check('iter(1, 2)', lambda: iter(1, 2))
check('next()', lambda: next())
check('next([])', lambda: next([]))
check('next(1)', lambda: next(1))
check('next(iter([]), default=1)', lambda: next(iter([]), default=1))
check('map(func=len)', lambda: map(func=len))
