# Subclasses of int and float: construction, arithmetic results, overridden dunders.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


class MyInt(int):
    pass


class Tagged(int):
    def __new__(cls, value, tag):
        self = super().__new__(cls, value)
        self.tag = tag
        return self

    def __repr__(self):
        return "Tagged(%d, %r)" % (int(self), self.tag)


class MyFloat(float):
    pass


a = MyInt(5)
b = MyInt(2 ** 100)
c = MyInt("ff", 16)
print(a, b, c, type(a).__name__, type(a + 1).__name__, type(-a).__name__, type(+b).__name__)
print(a + b, b * 3, b // a, b % 7, a ** 3, b >> 90, -b, abs(MyInt(-3)), a == 5, hash(b) == hash(2 ** 100))
print(isinstance(a, int), int(a), type(int(b)).__name__, str(b), repr(a), bool(MyInt(0)))
t = Tagged(42, "answer")
print(t, t + 1, t.tag, int(t) * 2, format(t, "x"), "%d" % t)
big = Tagged(-(3 ** 90), "big")
print(big, big.tag, big + 3 ** 90, big < 0, big.bit_length())
f = MyFloat(2.5)
print(f, type(f).__name__, f + 1, type(f * 2).__name__, MyFloat("1e3"), MyFloat(), round(f), f.real)


class Index:
    def __index__(self):
        return 7


class IntLike:
    def __int__(self):
        return 12


class FloatLike:
    def __float__(self):
        return 0.25


class BadInt:
    def __int__(self):
        return "x"


print(int(Index()), int(IntLike()), float(FloatLike()), float(Index()), hex(Index()), bin(Index()))
print([10, 20, 30, 40, 50, 60, 70, 80][Index()], round(2.5, Index()))
check("int(BadInt())", lambda: int(BadInt()))
check("float(IntLike())", lambda: float(IntLike()))
check("int(FloatLike())", lambda: int(FloatLike()))
check("class B(bool)", lambda: type("B", (bool,), {}))
