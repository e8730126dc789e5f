import sys

g = sys.getsizeof
print(g(""), g("a"), g("hello"), g("é"), g("é" * 10), g("ā"), g("€uro"), g("😀"), g("a😀"), g("ÿ"))
print(g(0), g(1), g(-1), g(2**30), g(2**100), g(True), g(False))
print(g(()), g((1,)), g((1, 2, 3)), g(1.5), g(None))
print(g([]), g({}), g({"a": 1}), g(set()), g({1, 2, 3}))


class Sized:
    def __sizeof__(self):
        return 100


class Broken:
    def __sizeof__(self):
        return -1


class Plain:
    pass


print(g(Sized()), g(Plain()))
try:
    g(Broken())
except ValueError as e:
    print("ValueError:", e)
print(g(Sized(), 7), g(1, 7))
