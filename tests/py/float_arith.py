# float arithmetic with floats and ints: signs of // and %, powers, errors.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


print(0.1 + 0.2, 1.5 * 4, 7.0 / 2, 7 / 2.0, 2 ** 0.5, 10 - 0.5, 1e308 * 10, -1e308 * 10)
for a in (7.0, -7.0, 7.5, -7.5, 0.0, -0.0, 1e300, 1e-300):
    for b in (2.0, -2.0, 0.75, -0.75, 3, -3, 1e300):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(5.5 // 1e-320, 1e308 // 1e-308, divmod(1e308, 1e-308), -1e-300 % 1e300, 1e-300 % -1e300)
check("1.0 / 0", lambda: 1.0 / 0)
check("1 / 0.0", lambda: 1 / 0.0)
check("1.0 // 0", lambda: 1.0 // 0)
check("7 // -0.0", lambda: 7 // -0.0)
check("1.0 % 0", lambda: 1.0 % 0)
check("divmod(1.0, 0)", lambda: divmod(1.0, 0))
check("divmod(1, 0.0)", lambda: divmod(1, 0.0))
check("10**400 * 1.0", lambda: 10 ** 400 * 1.0)
check("1.0 + 10**400", lambda: 1.0 + 10 ** 400)
check("10**400 // 1.0", lambda: 10 ** 400 // 1.0)
check("1.0 << 2", lambda: 1.0 << 2)
check("1.5 & 1", lambda: 1.5 & 1)
check("~1.5", lambda: ~1.5)

# powers
for a in (2.0, -2.0, 0.5, -0.5, 0.0, -0.0, 1.0, -1.0, float("inf"), float("-inf"), float("nan")):
    row = []
    for b in (0.0, 1.0, 2.0, 3.0, -1.0, -2.0, -3.0, 0.5, float("inf"), float("-inf"), float("nan")):
        try:
            r = a ** b
            # CPython returns a complex number here; tpy has no complex type
            row.append("complex" if type(r).__name__ == "complex" else repr(r))
        except NotImplementedError:
            row.append("complex")
        except Exception as e:
            row.append(type(e).__name__)
    print(a, row)
print((-8.0) ** 3.0, (-0.0) ** 3, 1e-200 ** 20, 0.5 ** 2000, 2 ** -1074, 10.0 ** -400)
check("0.0 ** -1", lambda: 0.0 ** -1)
check("0 ** -1.0", lambda: 0 ** -1.0)
check("(-0.0) ** -3", lambda: (-0.0) ** -3)
check("10.0 ** 400", lambda: 10.0 ** 400)
check("(-1e200) ** 3", lambda: (-1e200) ** 3)
check("2.0 ** 10000", lambda: 2.0 ** 10000)
check("pow(2.0, 3)", lambda: pow(2.0, 3))
check("pow(2.0, 3, 4)", lambda: pow(2.0, 3, 4))

# comparisons with ints are exact
print(2 ** 53 + 1 == float(2 ** 53), 2 ** 53 + 1 > float(2 ** 53), float(2 ** 53) < 2 ** 53 + 1)
print(10 ** 30 == 1e30, 10 ** 30 < 1e30, 10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"))
print(10 ** 400 > 1e308, 5 == float("nan"), 5 != float("nan"), 5 < float("nan"), 1 == 1.0)
print(2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 < 2.0 ** 63, -(2 ** 63) == -(2.0 ** 63), 3 > 2.5, -3 < -2.5)
print(0.1 < 0.2, 0.2 <= 0.2, float("nan") == float("nan"), float("inf") > 1e308, -0.0 == 0.0)
print(sorted([3, 1.5, 2 ** 60, -0.5, 2.0 ** 60 + 1, True]))

# hashes agree with ints for integral values
for v in (0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e20, 2.0 ** 61, 2.0 ** 100, 1e-300, 123.456, 1e308):
    print(v, hash(v), v == int(v) and hash(v) == hash(int(v)))
print(hash(float("inf")), hash(float("-inf")), hash(-1.0))

# unary, abs, bool, truth of NaN
print(-0.0, -(0.0), +(-0.0), abs(-0.0), abs(-2.5), bool(0.0), bool(-0.0), bool(float("nan")))
x = 0.5
x += 1
x *= 3
x /= 4
x //= 0.25
x %= 2.5
x **= 2
print(x)
