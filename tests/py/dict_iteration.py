# dict iteration order, mutation during iteration, deletion holes, keys with __eq__.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


d = {}
for i in [5, 3, 9, 1]:
    d[i] = i
d[3] = "three"
del d[9]
d[9] = "again"
print(d, list(d))
d = {1: 1, 2: 2}
try:
    for key in d:
        d[key + 10] = 1
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for key in d:
        del d[key]
        d[key + 10] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
d = {1: 1, 2: 2, 3: 3}
it = iter(d)
print(next(it))
d.pop(3)
t(lambda: next(it))
t(lambda: next(it))
d = {1: 1}
it = iter(d.items())
next(it)
t(lambda: next(it))
d[2] = 2
t(lambda: next(it))
d = {"a": 1, "b": 2}
vals = iter(d.values())
d["a"] = 100
print(list(vals))
d = dict.fromkeys(range(10))
for i in range(0, 10, 2):
    del d[i]
print(list(d), list(reversed(d)), d.popitem(), list(d))
while d:
    d.popitem()
print(d, len(d))
d[1] = 1
print(d)
it = iter({1: 2, 3: 4}.items())
a = next(it)
b = next(it)
print(a, b, a is not b)
saved = []
for pair in {1: 2, 3: 4}.items():
    saved.append(pair)
print(saved)


class Key:
    def __init__(self, v, h):
        self.v = v
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v

    def __repr__(self):
        return "Key(%r)" % self.v


e = {Key(1, 7): "one", Key(2, 7): "two"}
print(e[Key(2, 7)])
print(Key(3, 7) in e, len(e))
e[Key(1, 7)] = "uno"
print(e)


class Evil:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        return False

    def __repr__(self):
        return "Evil(%d)" % self.v


target = {}
target[Evil(1, target)] = 1
target[Evil(2, target)] = 2
print(len(target))
t(lambda: target[Evil(3, target)])


class NoEq:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("no comparing")


f = {NoEq(): 1}
t(lambda: f[NoEq()])
t(lambda: NoEq() in f)


def set_one():
    f[1] = "hash 1 int"


t(set_one)
f[2] = "hash 2 int"
print(len(f), f[2])
print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b"}[True])
