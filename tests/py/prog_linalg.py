# Exact linear algebra over rationals: a hand-written Fraction and Matrix,
# Gaussian elimination, determinants and inverses, used to solve a few systems.

def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    __slots__ = ("num", "den")

    def __init__(self, num=0, den=1):
        if isinstance(num, Frac) and den == 1:
            num, den = num.num, num.den
        if not isinstance(num, int) or not isinstance(den, int):
            raise TypeError(f"Frac() needs ints, got {type(num).__name__} and {type(den).__name__}")
        if den == 0:
            raise ZeroDivisionError(f"Frac({num}, 0)")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den) or 1
        self.num = num // g
        self.den = den // g

    @staticmethod
    def coerce(x):
        if isinstance(x, Frac):
            return x
        if isinstance(x, bool):
            return Frac(int(x))
        if isinstance(x, int):
            return Frac(x)
        return NotImplemented

    @classmethod
    def parse(cls, text):
        text = text.strip()
        if "/" in text:
            a, _, b = text.partition("/")
            return cls(int(a), int(b))
        if "." in text:
            whole, frac = text.split(".")
            sign = -1 if whole.startswith("-") else 1
            scale = 10 ** len(frac)
            return cls(int(whole) * scale + sign * int(frac), scale)
        return cls(int(text))

    def __repr__(self):
        return f"Frac({self.num}, {self.den})"

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"

    def __format__(self, spec):
        if spec.endswith("f"):
            return format(self.num / self.den, spec)
        return format(str(self), spec)

    def __eq__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            if isinstance(other, float):
                return self.num / self.den == other
            return NotImplemented
        return self.num == o.num and self.den == o.den

    def __hash__(self):
        if self.den == 1:
            return hash(self.num)
        return hash((self.num, self.den))

    def __lt__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            return NotImplemented
        return self.num * o.den < o.num * self.den

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            return NotImplemented
        return o < self

    def __ge__(self, other):
        return not self < other

    def __add__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            return o
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __neg__(self):
        return Frac(-self.num, self.den)

    def __pos__(self):
        return self

    def __abs__(self):
        return Frac(abs(self.num), self.den)

    def __sub__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            return o
        return self + (-o)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            return o
        return Frac(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = Frac.coerce(other)
        if o is NotImplemented:
            return o
        if o.num == 0:
            raise ZeroDivisionError("division by zero fraction")
        return Frac(self.num * o.den, self.den * o.num)

    def __rtruediv__(self, other):
        return Frac.coerce(other) / self

    def __pow__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        if n < 0:
            return Frac(1) / (self ** -n)
        return Frac(self.num ** n, self.den ** n)

    def __bool__(self):
        return self.num != 0

    def __int__(self):
        q = abs(self.num) // self.den
        return q if self.num >= 0 else -q

    def __float__(self):
        return self.num / self.den


class Matrix:
    def __init__(self, rows):
        rows = [[Frac.coerce(x) if not isinstance(x, str) else Frac.parse(x) for x in r] for r in rows]
        widths = {len(r) for r in rows}
        if len(widths) > 1:
            raise ValueError(f"ragged matrix: row lengths {sorted(widths)}")
        self.rows = rows
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, value):
        i, j = ij
        self.rows[i][j] = Frac.coerce(value)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    __hash__ = None

    def __repr__(self):
        cells = [[str(x) for x in r] for r in self.rows]
        w = max((len(c) for r in cells for c in r), default=1)
        return "\n".join("[ " + "  ".join(c.rjust(w) for c in r) + " ]" for r in cells)

    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"shape mismatch: {self.n}x{self.m} @ {other.n}x{other.m}")
        return Matrix([[sum((self[i, k] * other[k, j] for k in range(self.m)), Frac(0))
                        for j in range(other.m)] for i in range(self.n)])

    def __mul__(self, k):
        return Matrix([[x * k for x in r] for r in self.rows])

    __rmul__ = __mul__

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def transpose(self):
        return Matrix([list(col) for col in zip(*self.rows)])

    def copy(self):
        return Matrix([r[:] for r in self.rows])

    def det(self):
        if self.n != self.m:
            raise ValueError("determinant of a non-square matrix")
        a = self.copy().rows
        sign = 1
        result = Frac(1)
        for c in range(self.n):
            pivot = next((r for r in range(c, self.n) if a[r][c]), None)
            if pivot is None:
                return Frac(0)
            if pivot != c:
                a[c], a[pivot] = a[pivot], a[c]
                sign = -sign
            result *= a[c][c]
            for r in range(c + 1, self.n):
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return result * sign

    def inverse(self):
        n = self.n
        aug = [r[:] + e for r, e in zip(self.copy().rows, Matrix.identity(n).rows)]
        for c in range(n):
            pivot = next((r for r in range(c, n) if aug[r][c]), None)
            if pivot is None:
                raise ArithmeticError("matrix is singular")
            aug[c], aug[pivot] = aug[pivot], aug[c]
            p = aug[c][c]
            aug[c] = [x / p for x in aug[c]]
            for r in range(n):
                if r != c and aug[r][c]:
                    f = aug[r][c]
                    aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
        return Matrix([row[n:] for row in aug])

    def solve(self, b):
        inv = self.inverse()
        col = Matrix([[x] for x in b])
        return [row[0] for row in (inv @ col).rows]


def show(title, value):
    print(f"--- {title}")
    print(value)


half = Frac(1, 2)
third = Frac.parse("1/3")
print(half + third, half - third, half * third, half / third, -half, abs(-third))
print(1 + half, 1 - half, 2 * third, 1 / third, half ** 3, half ** -2, Frac.parse("-2.25"))
print(repr(Frac(6, -4)), Frac(0, 5), bool(Frac(0)), bool(half), int(Frac(-7, 2)), float(Frac(7, 8)))
print(half == 0.5, half == Frac(2, 4), half != third, third < half, half <= half, half > 1, half >= third)
print(sorted([Frac(3, 4), Frac(1, 8), Frac(-1, 2), Frac(5, 3), Frac(2)]))
print(max(Frac(1, 3), Frac(2, 7)), min([Frac(9, 10), Frac(8, 9)]), sum([half, third, Frac(1, 6)], Frac(0)))
print(f"{third:.4f}|{half:>6}|{Frac(22, 7):<8}|{Frac(5):^5}|")
print(hash(Frac(4, 2)) == hash(2), len({Frac(1, 2), Frac(2, 4), Frac(3, 6), Frac(1, 3)}))
prices = {Frac(1, 2): "half", Frac(1, 4): "quarter", 2: "two"}
print(prices[Frac(2, 4)], prices[Frac(4, 2)], Frac(3, 4) in prices)

for bad in [lambda: Frac(1, 0), lambda: Frac(1.5), lambda: half / Frac(0), lambda: half + "x",
            lambda: half < "x", lambda: half ** 0.5]:
    try:
        print("no error:", bad())
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)

A = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
show("A", A)
show("A^T", A.transpose())
print("det A =", A.det())
inv = A.inverse()
show("A^-1", inv)
print("A @ A^-1 == I:", A @ inv == Matrix.identity(3))
print("solve:", [str(x) for x in A.solve([8, -11, -3])])
H = Matrix([[Frac(1, i + j + 1) for j in range(4)] for i in range(4)])
show("Hilbert(4)", H)
print("det H =", H.det(), "~", f"{H.det():.3e}" if False else format(float(H.det()), ".3e"))
Hi = H.inverse()
show("H^-1", Hi)
print(max(abs(x) for r in Hi.rows for x in r), (H @ Hi) == Matrix.identity(4))
B = Matrix([["0.5", "1/3"], ["2", "-1"]])
show("B + B", B + B)
show("3 * B", 3 * B)
show("B @ B", B @ B)
S = Matrix([[1, 2], [2, 4]])
print("det S =", S.det())
try:
    S.inverse()
except ArithmeticError as e:
    print("ArithmeticError:", e)
try:
    A @ B
except ValueError as e:
    print("ValueError:", e)
try:
    Matrix([[1, 2], [3]])
except ValueError as e:
    print("ValueError:", e)
try:
    {A: 1}
except TypeError as e:
    print("TypeError:", e)
M = Matrix.identity(2)
M[0, 1] = Frac(5, 2)
M[1, 0] = -1
show("M", M)
print("M^8 det:", (M @ M @ M @ M @ M @ M @ M @ M).det(), M.det() ** 8)
fib = Matrix([[1, 1], [1, 0]])
acc = Matrix.identity(2)
for _ in range(90):
    acc = acc @ fib
print("fib(90) =", acc[0, 1], "fib(91) =", acc[0, 0])
