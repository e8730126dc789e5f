# Number crunching: matrices, big integers, floats, bases, math module.
import math


class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"shape mismatch {self.shape} @ {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __mul__(self, k):
        return Matrix([[k * x for x in r] for r in self.rows])

    __rmul__ = __mul__

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def det(self):
        n, m = self.shape
        if n != m:
            raise ValueError("not square")
        if n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(n):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]) if n > 1 else None
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total

    def __repr__(self):
        width = max(len(repr(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(f"{x!r:>{width}}" for x in r) + "]" for r in self.rows)


fibm = Matrix([[1, 1], [1, 0]])
print(fibm ** 10)
print((fibm ** 300)[0, 1])
a = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
print(a.det(), a.transpose() == a, (a @ Matrix.identity(3)) == a)
print(0.5 * a)
print(a + a * 2)
b = Matrix([[1.5, 2.25], [0.1, 0.2]])
print(b @ b)
print(b.det())
try:
    a @ b
except ValueError as e:
    print(e)
try:
    Matrix([[1, 2], [3]])
except ValueError as e:
    print(e)
m = Matrix.identity(2)
m[0, 1] = 7
print(m, m.shape)

# big integers
f100 = math.factorial(100)
print(f100)
print(len(str(f100)), sum(int(d) for d in str(f100)), f100 % (10**9 + 7), f100.bit_length())
print(2**64 - 1, -(2**63), (2**64) // 3, -(2**64) // 3, (2**64) % -7, divmod(-(10**20), 7), divmod(10**20, -7))
big = 123456789012345678901234567890
print(big * big, big // 12345, big % 12345, -big // 12345, -big % 12345, big >> 33, big << 17)
print(big & 0xFFFFFFFF, big | 1, big ^ (big >> 1), ~big, -big & 0xFFFF, abs(-big))
print(pow(3, 200, 10**9), pow(2, 10), pow(2, -2), pow(-8, 3), 7 ** 0, 0 ** 0, (-2) ** 63)
print(hex(big), oct(big), bin(255), hex(-255), oct(-8), bin(-5), hex(0))
print(int("ff", 16), int("0x1F", 16), int("-0b101", 0), int("777", 8), int("z", 36), int(" 42 "), int("1_000"))
print(int(3.99), int(-3.99), int(True), int("10", base=2), int(1e20), int(-0.5))
print(format(255, "x"), format(255, "08b"), format(-42, "+d"), format(big, ","), format(3, "^5"))
print(math.gcd(big, 10**20), math.isqrt(10**30) if hasattr(math, "isqrt") else 10**15, math.comb(50, 25) if hasattr(math, "comb") else 126410606437752)
n = 600851475143
factors = []
d = 2
while d * d <= n:
    while n % d == 0:
        factors.append(d)
        n //= d
    d += 1
if n > 1:
    factors.append(n)
print(factors)


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0:2] = [False, False]
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i, p in enumerate(sieve) if p]


ps = primes(200)
print(len(ps), ps[-5:], sum(ps))

# floats
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e17, 1.5e-7, 123456789.123, 1e22, 1e23, 5e-324, 1.7976931348623157e308]
print(vals)
print([round(v, 2) for v in vals[:5]], round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(1234.5678, -2))
print(float("inf"), -float("inf"), float("nan"), float("1e500"), float("-0"), float(" 3.25 "), float("1_0.5"))
print(math.inf > 1e308, math.isnan(float("nan")), float("nan") == float("nan"), math.isinf(-math.inf))
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2), 2.0 ** 0.5, (-8) ** (1 / 3) if False else 0)
print(math.sqrt(16), math.floor(-0.5), math.ceil(0.5), math.trunc(-3.7), math.fabs(-2), math.pow(2, 10), math.exp(1))
print(math.log(100, 10), math.log10(1000), math.log2(1024), math.sin(0), math.cos(math.pi), math.atan2(1, 1), math.degrees(math.pi))
print(math.radians(180), math.hypot(5, 12), math.copysign(3, -0.0), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]) if hasattr(math, "prod") else 24)
print(math.isclose(0.1 + 0.2, 0.3), abs(-3.5), abs(-7), 3.0 == 3, hash(3.0) == hash(3), hash(-1), hash(2**61), 1.0.is_integer())
print((2.5).as_integer_ratio(), float.fromhex("0x1.8p1"), (0.1).hex(), 1e300 * 1e10, -1e300 * 1e10, 2**0.5 * 2**0.5 == 2)
print(f"{math.pi:.10f} {math.e:12.4e} {1e6:g} {1e16:g} {123.456:08.2f} {-0.0:+.1f} {1/7:.20f}")
print(str(1e16), repr(1.0), str(-1.5e-10), 10 / 2, 10 // 2, 3 * 1.1, 1.1 + 2.2, 100 * 1.1)
print(min(3, 1.5, 2), max([1, 2.5, -3]), sum([1, 2, 3], 0.5), sum(range(101)), 2 < 2.5 < 3, 10**20 > 1e19, 2**53 + 1 == float(2**53 + 1))
print(True + True, True * 3, -True, ~True if False else -2, 5 / True, bool(0.0), bool(-0.0), bool(1e-300))

for expr, fn in [
    ("1/0", lambda: 1 / 0),
    ("1//0", lambda: 1 // 0),
    ("1%0", lambda: 1 % 0),
    ("1.0/0", lambda: 1.0 / 0),
    ("divmod(1,0)", lambda: divmod(1, 0)),
    ("2.0**10000", lambda: 2.0 ** 10000),
    ("int('abc')", lambda: int("abc")),
    ("int('12', 1)", lambda: int("12", 1)),
    ("int(2.5, 10)", lambda: int(2.5, 10)),
    ("float('x')", lambda: float("x")),
    ("int(nan)", lambda: int(float("nan"))),
    ("int(inf)", lambda: int(float("inf"))),
    ("math.sqrt(-1)", lambda: math.sqrt(-1)),
    ("math.log(0)", lambda: math.log(0)),
    ("pow(2, -1, 5)", lambda: pow(2, -1, 5)),
    ("pow(2, 1, 0)", lambda: pow(2, 1, 0)),
    ("1 << -1", lambda: 1 << -1),
    ("10**400 * 1.0", lambda: 10**400 * 1.0),
    ("float(10**400)", lambda: float(10**400)),
    ("hex(1.5)", lambda: hex(1.5)),
    ("round(1.5, 'x')", lambda: round(1.5, "x")),
    ("math.factorial(2.5)", lambda: math.factorial(2.5)),
    ("'a' * 2.0", lambda: "a" * 2.0),
    ("[] + ()", lambda: [] + ()),
    ("-'x'", lambda: -"x"),
    ("abs('x')", lambda: abs("x")),
    ("1 < 'x'", lambda: 1 < "x"),
]:
    try:
        print(expr, "->", fn())
    except (ArithmeticError, ValueError, TypeError) as e:
        print(expr, "->", type(e).__name__ + ":", e)

print(int("9" * 50) + 1 == 10**50, str(10**50)[:5], int(str(-(10**30))) == -(10**30), 10**18 * 10**18)
print(math.floor(1e20), math.ceil(-1e20), round(1e20), int(1.5e20), float(2**1000) == 2.0**1000)
x = 10**25
x += 1
x -= 10**25
x *= -3
x //= 2
x **= 3
print(x, -x >> 1, x << 100 >> 100)
total = 0
for i in range(1, 30):
    total += 1 / i ** 2
print(total, math.sqrt(total * 6))
print(1 / (10**400))


def safe_ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        raise OverflowError("ratio %d/%d is unbounded" % (a, b))


print(safe_ratio(2 ** 70, 2 ** 69))
matrix_det = Matrix([[1, 2], [2, 4]]).det()
print("singular det", matrix_det)
safe_ratio(10 ** 20, matrix_det)
