# int methods and attributes, bool, round(), and results too large to build.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


for v in (0, 1, -1, 7, -7, 255, 2 ** 64, -(2 ** 64), 2 ** 100 - 1):
    print(v, v.bit_length(), v.bit_count(), v.conjugate(), v.real, v.imag, v.numerator,
          v.denominator, v.as_integer_ratio(), abs(v), v.__trunc__(), v.__floor__(), v.__ceil__())
check("(5).bit_length(1)", lambda: (5).bit_length(1))
check("(5).bit_length(x=1)", lambda: (5).bit_length(x=1))
check("(5).conjugate(1)", lambda: (5).conjugate(1))
check("(5).__round__(1, 2)", lambda: (5).__round__(1, 2))
check("(5).__format__()", lambda: (5).__format__())
check("(5).__format__(1)", lambda: (5).__format__(1))
check("(5).__divmod__(3)", lambda: (5).__divmod__(3))
check("(5).__rdivmod__(17)", lambda: (5).__rdivmod__(17))
check("(5).__divmod__(1.5)", lambda: (5).__divmod__(1.5))
# __sizeof__ is sys.getsizeof's figure, at most CPython's 24 + 4 per 30-bit digit
import sys
for v in (5, 0, 10 ** 100, -(2 ** 64)):
    size = v.__sizeof__()
    print(type(size).__name__, size == sys.getsizeof(v),
          size <= 24 + 4 * max(1, -(-v.bit_length() // 30)))
check("(5).__sizeof__(1)", lambda: (5).__sizeof__(1))

# round() on ints: half to even at negative ndigits
for v in (1234, 1250, 1350, -1250, -1251, 5, 15, 25, -25, 10 ** 30 + 5 * 10 ** 9, 0):
    print(v, round(v), round(v, 2), round(v, -1), round(v, -2), round(v, -10), round(v, -40))
print(type(round(7)).__name__, type(round(7, 1)).__name__, round(True), type(round(True)).__name__)
check("round(5, 'a')", lambda: round(5, "a"))
check("round(5, 1.5)", lambda: round(5, 1.5))
check("round(5, None)", lambda: round(5, None))
check("round(5, 2**70)", lambda: round(5, 2 ** 70))

# bool
print(True, False, repr(True), str(False), int(True), float(False), True + True, True * 7)
print(True & False, True | False, True ^ True, type(True & True).__name__, True & 3, 2 | False)
print(-True, +True, ~True, ~False, True // True, True / True, True ** True, True << True)
print(divmod(True, True), abs(True), type(abs(True)).__name__, hash(True), hash(False))
print(bool(), bool(0), bool(1), bool(-1), bool(2 ** 100), bool(""), bool("x"), bool([]), bool([0]))
print(True == 1, False == 0, True == 1.0, True is True, isinstance(True, int), 1 in [True])
print(hash(1.0) == hash(1) == hash(True), {1: "a", True: "b", 1.0: "c"})
check("bool(x=1)", lambda: bool(x=1))
check("bool(1, 2)", lambda: bool(1, 2))
check("format(True, 'q')", lambda: format(True, "q"))

# results too large to build raise instead of exhausting memory
check("1 << 10 ** 12", lambda: 1 << 10 ** 12)
check("1 << 2 ** 62", lambda: 1 << 2 ** 62)
check("1 << 2 ** 64", lambda: 1 << 2 ** 64)
check("1 << 2 ** 70", lambda: 1 << 2 ** 70)
check("(-1) ** (2 ** 100 + 1)", lambda: (-1) ** (2 ** 100 + 1))
check("1 ** (2 ** 100)", lambda: 1 ** (2 ** 100))
check("0 ** (2 ** 100)", lambda: 0 ** (2 ** 100))
check("(2 ** 200) >> 2 ** 63", lambda: (2 ** 200) >> 2 ** 63)
x = 3 ** 100000
print(x.bit_length(), x % 1000003, hash(x), len(hex(x)))
y = x * x - 1
print(y.bit_length(), y % (2 ** 61 - 1), (y // (x + 1)) == x - 1, y % (x - 1))
