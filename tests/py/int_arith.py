# Arbitrary-precision int arithmetic: CPython 3.11's results and messages.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


big = 2 ** 100
print(big, -big, big + 1, big - 1, big * big, big * -3)
print(2 ** 63, -(2 ** 63), 2 ** 63 - 1, -(2 ** 63) - 1, 2 ** 64, (2 ** 63) * 2)
print(9223372036854775807 + 1, -9223372036854775807 - 2, 4611686018427387904 * 2)
print(3 ** 200)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(10 ** 30 // -7, 10 ** 30 % -7, divmod(-(10 ** 40), 12345678901234567890))
print(divmod(10 ** 50 + 12345, -(10 ** 20) - 3), divmod(-(2 ** 130), -(2 ** 65) + 1))
for a in (7, -7, 2 ** 70 + 5, -(2 ** 70) - 5):
    for b in (2, -2, 3 ** 41, -(3 ** 41)):
        print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)

# true division is correctly rounded
print(10 ** 30 / 7, 1 / 3, 2 ** 53 / 3, (2 ** 53 + 1) / 1, 10 ** 400 / 10 ** 399)
print(3 / 10 ** 400, -(10 ** 300) / 7 ** 200, (2 ** 1100 + 1) / 2 ** 100)
print(123456789012345678901234567890 / 987654321, 7 / -2, -7 / 2, 0 / -5)
check("10**400 / 3", lambda: 10 ** 400 / 3)
check("1/0", lambda: 1 / 0)
check("1//0", lambda: 1 // 0)
check("1%0", lambda: 1 % 0)
check("divmod(1, 0)", lambda: divmod(1, 0))
check("2**100 // 0", lambda: 2 ** 100 // 0)
check("2**100 % 0", lambda: 2 ** 100 % 0)

# powers
print(2 ** 0, 0 ** 0, (-3) ** 3, (-3) ** 4, 7 ** 50, (-2) ** 127)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -5, 4 ** -0.5)
check("0 ** -1", lambda: 0 ** -1)
check("(10**400) ** -1", lambda: (10 ** 400) ** -1)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(-3, -1, 7), pow(2, 0, 1), pow(2, 0, -1))
print(pow(3, 10 ** 30, 10 ** 20 + 7), pow(12345678901234567890, 98765, 2 ** 89 - 1))
print(pow(2, -1, 2 ** 61 - 1), pow(7, -3, 1000003), pow(5, 2 ** 70, -97))
check("pow(2, 3, 0)", lambda: pow(2, 3, 0))
check("pow(2, -1, 4)", lambda: pow(2, -1, 4))
check("pow(0, -1, 5)", lambda: pow(0, -1, 5))
check("pow(2.0, 3, 4)", lambda: pow(2.0, 3, 4))
check("pow(2, 3.0, 4)", lambda: pow(2, 3.0, 4))

# shifts and bitwise operators (two's complement on negative values)
print(1 << 100, -1 << 100, 5 << 0, (2 ** 100) >> 90, -(2 ** 100) >> 90, -1 >> 1000)
print(-5 >> 1, -5 >> 2, -(2 ** 70 + 1) >> 3, (2 ** 70 + 1) >> 3, 12345 >> 64, -12345 >> 64)
print(5 >> 2 ** 100, -5 >> 2 ** 100, 0 << 2 ** 100)
check("1 << -1", lambda: 1 << -1)
check("1 >> -1", lambda: 1 >> -1)
for a in (12, -12, 2 ** 70 + 6, -(2 ** 70) - 6, -(2 ** 64)):
    for b in (10, -10, 2 ** 66 - 1, -(2 ** 66)):
        print(a & b, a | b, a ^ b, ~a)
print(-(2 ** 63) & -(2 ** 63), (-(2 ** 63) + 1) & -2, ~(2 ** 63 - 1))

# comparisons and hashing
print(2 ** 64 > 2 ** 63, -(2 ** 64) < -(2 ** 63), 2 ** 100 == 2 ** 100, 2 ** 100 != 2 ** 100 + 1)
print(-(2 ** 63) == -9223372036854775808, 10 ** 20 >= 10 ** 20, -(10 ** 20) <= -(10 ** 20) - 1)
print(hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
print(hash(-(2 ** 100)), hash(10 ** 40 + 7), hash(2 ** 63), hash(-(2 ** 63)), hash(12345))

# unary operators, abs, bool
print(-(2 ** 63), +(2 ** 100), ~(2 ** 100), abs(-(2 ** 100)), abs(-7), bool(2 ** 100), bool(0))

# small ints are shared, larger results are not
a = 200
b = a + 56
c = 256
m = -5
print(b is c, (a + 57) is (c + 1), m is (a - 205))

# augmented assignment keeps working past 64 bits
x = 1
for i in range(70):
    x *= 3
    x += i
print(x)
x -= 3 ** 70
print(x)
