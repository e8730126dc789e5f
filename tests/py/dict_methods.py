# dict: construction, methods, operators, errors (CPython 3.11 messages).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


d = {"a": 1, "b": 2}
print(d, len(d), d["a"], d.get("b"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
d["c"] = 3
d["a"] = 10
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("a", 99), d.setdefault("n"), d.setdefault("m", []), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
print(d.popitem(), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("p", 0), ["q", 1]])
d.update(k=5)
d.update()
print(d)
e = d.copy()
e["new"] = 1
print(d == e, len(d), len(e), d.clear(), d)
print(dict(), dict(a=1), dict({"a": 1}, b=2), dict([(1, 2), (3, 4)]), dict(zip("ab", (1, 2))))
print(dict([("a", 1)], a=2), dict(((i, i * i) for i in range(4))), dict(["ab", "cd"]))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []), {}.fromkeys((1,)))
print(dict.fromkeys({1: "x", 2: "y"}), dict.fromkeys({3}), dict.fromkeys(""))
t(lambda: {}["missing"])
t(lambda: {}[(1, 2)])
t(lambda: {}[()])
t(lambda: {1: 2}[[1]])
t(lambda: {[]: 1})
t(lambda: {}.pop("k"))
t(lambda: {}.popitem())
t(lambda: {}.get())
t(lambda: {}.get(1, 2, 3))
t(lambda: {}.pop())
t(lambda: {}.pop(1, 2, 3))
t(lambda: {}.setdefault())
t(lambda: {}.setdefault([], 1))
t(lambda: {}.keys(1))
t(lambda: {}.copy(1))
t(lambda: {}.popitem(1))
t(lambda: {}.update({}, {}))
t(lambda: {}.update(1))
t(lambda: {}.update([1]))
t(lambda: {}.update([[1]]))
t(lambda: {}.update(["abc"]))
t(lambda: {}.update([(1, 2), (3,)]))
t(lambda: dict(1))
t(lambda: dict({}, {}))
t(lambda: dict([(1,)]))
t(lambda: dict.fromkeys())
t(lambda: dict.fromkeys(1))
t(lambda: dict.fromkeys([[]]))
t(lambda: hash({}))
t(lambda: {} < {})
try:
    {}[(1, 2)]
except KeyError as err:
    print(err.args, repr(err), str(err))
try:
    {}["quote's"]
except KeyError as err:
    print(err)
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {}, {1: 2} == [1])
print({"a": 1} | {"a": 2, "b": 3}, {1: 1} | {}, {} | {2: 2})
t(lambda: {1: 2} | [(3, 4)])
t(lambda: {1: 2} | 5)
f = {"x": 1}
f |= {"y": 2}
f |= [("z", 3)]
print(f)


def ior_bad():
    g = {}
    g |= 5


t(ior_bad)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "t", 2.5: "f", None: "n", -1: "m"})
k = {}
for w in "the cat and the hat and the end".split():
    k[w] = k.get(w, 0) + 1
print(k, sorted(k.items(), key=lambda kv: (-kv[1], kv[0])))
del k["the"]
k["the"] = 0
print(k)
t(lambda: k.__delitem__("nope"))
h = {}
h[1] = h
print(h, {"a": [1, {"b": (2, "c")}]}, {1: {}}, {1: []})
print(repr({}), str({"k": "v"}), {1: None})
big = {i: str(i) for i in range(100)}
for i in range(0, 100, 3):
    del big[i]
print(len(big), list(big)[:10], big[98], 99 in big, 3 in big)
for i in range(200, 260):
    big[i] = i
print(len(big), list(big)[60:70])


class D(dict):
    def __missing__(self, key):
        return "missing:" + str(key)


dd = D(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), type(dd).__name__, dd, "zz" in dd, dd == {"a": 1})
print(type(dd.copy()).__name__, type(dd | {}).__name__)


class E(dict):
    pass


t(lambda: E()["q"])
print(E(b=2), E([(1, 2)]), len(E(x=1, y=2)))
m = {"one": 1}
print(m.__len__(), m.__getitem__("one"), m.__contains__("one"))
m.__setitem__("two", 2)
m.__delitem__("one")
print(m)
