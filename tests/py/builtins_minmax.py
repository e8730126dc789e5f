def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max("abc"), min(2.5, 1), max(1, 2.5))
print(min("bca"), max([[1, 2], [1, 3]]), min((5,)), max(range(10)))
print(max([1, 5, 3], key=lambda v: -v), min(["bb", "a", "ccc"], key=len))
print(max(["bb", "a", "cc"], key=len), min(["bb", "a", "cc", "d"], key=len))
print(max([], default=None), min([], default="none"), max([2], default=0))
print(min([3, 1], key=None), max(1, 2, key=lambda x: -x))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]))
check('min()', lambda: min())
check('min([])', lambda: min([]))
check('max([])', lambda: max([]))
check('min(1)', lambda: min(1))
check('max(1, key=1)', lambda: max(1, key=1))
check('max(1, 2, default=3)', lambda: max(1, 2, default=3))
check('max(x=1)', lambda: max(x=1))
check('min(1, 2, x=3)', lambda: min(1, 2, x=3))
check("max([1, 'a'])", lambda: max([1, 'a']))
check("min([1, 'a'])", lambda: min([1, 'a']))
check('max(default=1)', lambda: max(default=1))

print(sum([1, 2, 3]), sum([]), sum([0.5, 0.25]), sum(range(5), 100), sum([1], start=10))
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([2**62, 2**62, 2**62]), sum([-2**63, -1]))
print(sum([True, True, 1]), sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum([1.5, 2**70]), sum([2**70, 0.5]), sum(x * x for x in range(4)))


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return V(self.v + (other.v if isinstance(other, V) else other))

    def __radd__(self, other):
        return V(other + self.v)


print(sum([V(1), V(2)]).v, sum([V(1)], V(10)).v)
check('sum()', lambda: sum())
check('sum(1)', lambda: sum(1))
check("sum(['a'])", lambda: sum(['a']))
check("sum([], '')", lambda: sum([], ''))
check("sum(['a'], 'b')", lambda: sum(['a'], 'b'))
check('sum([1], 1, 2)', lambda: sum([1], 1, 2))
check('sum([1], strat=1)', lambda: sum([1], strat=1))
check("sum([1.5, 'a'])", lambda: sum([1.5, 'a']))
check('sum([[1]])', lambda: sum([[1]]))

print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted([]))
print(sorted(["bb", "a", "ccc"], key=len), sorted({"b": 1, "a": 2}), sorted((2, 1)))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([3, 1, 2], key=None, reverse=1))
print(sorted(["B", "a", "C"], key=str.lower), sorted({3, 1, 2}))
pairs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
orig = [3, 1, 2]
s = sorted(orig)
print(orig, s, s is orig)
check('sorted()', lambda: sorted())
check('sorted(1)', lambda: sorted(1))
check('sorted([], 1)', lambda: sorted([], 1))
check('sorted([], k=1)', lambda: sorted([], k=1))
check("sorted([1, 'a'])", lambda: sorted([1, 'a']))
check('sorted(iterable=[1])', lambda: sorted(iterable=[1]))
check("sorted([], reverse='x')", lambda: sorted([], reverse='x'))

print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), any("a"), all(""))


def noisy(v):
    print("check", v)
    return v


print(any(noisy(v) for v in [0, 1, 2]), all(noisy(v) for v in [1, 0, 2]))
check('any()', lambda: any())
check('any(1)', lambda: any(1))
check('all(1)', lambda: all(1))
check('all([], [])', lambda: all([], []))
print(len("hello"), len([1, 2]), len((1,)), len({"a": 1}), len(""), len(range(7)), len({1, 2}))
check('len()', lambda: len())
check('len(1)', lambda: len(1))
check('len(1, 2)', lambda: len(1, 2))
check('len(x=1)', lambda: len(x=1))
