def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-2**70), abs(2**70))
print(type(abs(True)).__name__, abs(float("-inf")))


class A:
    def __abs__(self):
        return "absolute"


print(abs(A()))
check("abs('a')", lambda: abs("a"))
check("abs()", lambda: abs())
check("abs(1, 2)", lambda: abs(1, 2))

for x in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.7, -3.7, 1e20, 2.0**63 + 2048]:
    print(x, round(x), type(round(x)).__name__)
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(0.125, 2), round(-0.125, 2))
print(round(123.456, -1), round(123.456, -2), round(150.0, -2), round(250.0, -2))
print(round(250.0001, -2), round(999.9, -3), round(-999.9, -3), round(49.9, -2), round(50.0, -2))
print(round(0.1 + 0.2, 15), round(2.5e-8, 8), round(1.0000000000000002, 15), round(1e300, -300))
print(round(5e-324, 400), round(1.5, 2**70), round(1.5, -2**70), round(-0.4, 0), round(0.5, 0))
print(round(1.23456789e20, 2), round(float("inf"), 2), round(float("nan"), 1), round(-2.5, None))
print(round(7), round(7, 2), round(True), round(True, 1), type(round(True)).__name__)
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1))
print(round(25, -1), round(-25, -1), round(5, -1), round(4, -1), round(2**70, -20))


class R:
    def __round__(self, n=None):
        return ("rounded", n)


print(round(R()), round(R(), 3))
check("round()", lambda: round())
check("round('a')", lambda: round("a"))
check("round(1.5, 'a')", lambda: round(1.5, "a"))
check("round(float('inf'))", lambda: round(float("inf")))
check("round(float('nan'))", lambda: round(float("nan")))
check("round(1e308, -308)", lambda: round(1e308, -308))
check("round(1.7976931348623157e308, -308)", lambda: round(1.7976931348623157e308, -308))

print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7.5, 2))
print(divmod(-7.5, 2), divmod(7.5, -2), divmod(5, 2.5), divmod(True, 2), divmod(2**70, 7))


class D:
    def __divmod__(self, other):
        return ("divmod", other)

    def __rdivmod__(self, other):
        return ("rdivmod", other)


print(divmod(D(), 3), divmod(3, D()))
check("divmod(1)", lambda: divmod(1))
check("divmod(1, 0)", lambda: divmod(1, 0))
check("divmod(1.0, 0)", lambda: divmod(1.0, 0))
check("divmod(1, 0.0)", lambda: divmod(1, 0.0))
check("divmod('a', 1)", lambda: divmod("a", 1))

print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(2, 100), pow(-2, 3, 5), pow(3, 4, -5))
print(pow(5, 0, 1), pow(2, 10, 1000), pow(7, 2**70, 13), pow(2, -1, 5), pow(3, -2, 7))
print(pow(123456789, 987654321, 10**20 + 39), pow(base=2, exp=3, mod=5), pow(2, 3, None))
print(pow(-3, 3, 7), pow(10**30, 5, 97), pow(0, 0), pow(0, 0, 5))
check("pow(1)", lambda: pow(1))
check("pow(2, 3, 0)", lambda: pow(2, 3, 0))
check("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
check("pow(2, -1, 4)", lambda: pow(2, -1, 4))
check("pow(0, -1)", lambda: pow(0, -1))

print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(True))
print(hex(2**70), bin(2**65 + 1), oct(2**64))


class I:
    def __index__(self):
        return 42


print(hex(I()), oct(I()), bin(I()), chr(I()))
check("hex('a')", lambda: hex("a"))
check("hex(1.5)", lambda: hex(1.5))
check("bin()", lambda: bin())

print(ord("a"), ord("λ"), ord("€"), ord("😀"), ord("\n"), ord("\x00"))
print(repr(chr(97)), repr(chr(955)), repr(chr(0x1F600)), repr(chr(0)), repr(chr(10)))
print(all(ord(chr(i)) == i for i in range(0, 0xD800, 7)), all(ord(chr(i)) == i for i in range(0xE000, 0x110000, 97)))
check("ord('ab')", lambda: ord("ab"))
check("ord('')", lambda: ord(""))
check("ord(1)", lambda: ord(1))
check("chr(-1)", lambda: chr(-1))
check("chr(0x110000)", lambda: chr(0x110000))
check("chr('a')", lambda: chr("a"))
check("chr(2**70)", lambda: chr(2**70))
check("chr(2**40)", lambda: chr(2**40))

print(ascii("plain"), ascii("héllo"), ascii("€😀"), ascii(["é", 1]), ascii("\n"))
print(format(3.14159, ".2f"), format(42), format(42, "05d"), format("x", ">3"), format(255, "x"))
print(format(1234567, ","), format(0.5, "%"), format(True), format(None))
check("format(1, 2)", lambda: format(1, 2))
check("format(1, 'q')", lambda: format(1, "q"))
check("format()", lambda: format())

print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(-1))
print(hash(2**61 - 1), hash(2**61), hash(-2**61), hash(0.5), hash(True))
check("hash([])", lambda: hash([]))
check("hash({})", lambda: hash({}))
