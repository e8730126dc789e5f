print(len("hello"), len([1, 2]), len((1,)), len({"a": 1}), len(""), len(range(7)))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__)
print(type(()).__name__, type({}).__name__, type(None).__name__, type(True).__name__)
print(type(1), type("x"), type(len))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", str))
print(isinstance(1, (str, int)), isinstance([], (tuple, dict)))
x = [1, 2]
y = x
print(id(x) == id(y), id(x) == id([1, 2]), id(x) == id(x))
print(abs(-3), abs(3), abs(-2.5), abs(0))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max("abc"), min(2.5, 1))
print(max([1, 5, 3], key=lambda v: -v), min(["bb", "a", "ccc"], key=len))
print(sum([1, 2, 3]), sum([]), sum([0.5, 0.25]), sum(range(5), 100))
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted({"b": 1, "a": 2}))
print(list(enumerate("abc")), list(enumerate([10, 20], 1)))
for i, ch in enumerate("xy"):
    print(i, ch)
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], [3])), list(zip()))
for a, b in zip(range(3), range(10, 13)):
    print(a + b, end=" ")
print()
print(repr(len), repr(print))
