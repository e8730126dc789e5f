# A rational-number class with full operator overloading (reflected and
# in-place forms, NotImplemented fallbacks, hashing consistent with int and
# float), used for exact Gaussian elimination and a continued-fraction demo.
import math


def _gcd(a, b):
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
        g = _gcd(num, den) or 1
        self.num = num // g
        self.den = den // g

    @classmethod
    def parse(cls, text):
        text = text.strip()
        if "/" in text:
            a, _, b = text.partition("/")
            return cls(int(a), int(b))
        if "." in text:
            whole, _, frac = text.partition(".")
            sign = -1 if whole.startswith("-") else 1
            scale = 10 ** len(frac)
            return cls(int(whole) * scale + sign * int(frac or "0"), scale)
        return cls(int(text))

    def __repr__(self):
        return f"Frac({self.num}, {self.den})"

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"

    def __format__(self, spec):
        if spec.endswith("f"):
            return format(self.num / self.den, spec)
        return format(str(self), spec)

    @staticmethod
    def _coerce(other):
        if isinstance(other, Frac):
            return other
        if isinstance(other, int):
            return Frac(other)
        return NotImplemented

    def __add__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __sub__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return o - self

    def __mul__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return Frac(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        if o.num == 0:
            raise ZeroDivisionError("division by zero fraction")
        return Frac(self.num * o.den, self.den * o.num)

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return o / self

    def __pow__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        if n < 0:
            return Frac(self.den ** -n, self.num ** -n)
        return Frac(self.num ** n, self.den ** n)

    def __neg__(self):
        return Frac(-self.num, self.den)

    def __abs__(self):
        return Frac(abs(self.num), self.den)

    def __bool__(self):
        return self.num != 0

    def __eq__(self, other):
        if isinstance(other, float):
            return self.num / self.den == other
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return self.num == o.num and self.den == o.den

    def __lt__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return self.num * o.den < o.num * self.den

    def __gt__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return o < self

    def __le__(self, other):
        return self == other or self < other

    def __hash__(self):
        if self.den == 1:
            return hash(self.num)
        return hash((self.num, self.den))

    def __float__(self):
        return self.num / self.den

    def __int__(self):
        return int(self.num / self.den)


def solve(matrix, rhs):
    n = len(matrix)
    rows = [[Frac(v) for v in row] + [Frac(b)] for row, b in zip(matrix, rhs)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if rows[r][col]), None)
        if pivot is None:
            raise ValueError(f"singular matrix at column {col}")
        rows[col], rows[pivot] = rows[pivot], rows[col]
        p = rows[col][col]
        rows[col] = [v / p for v in rows[col]]
        for r in range(n):
            if r != col and rows[r][col]:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return [row[-1] for row in rows]


def continued_fraction(f, limit=10):
    terms = []
    while limit and f.den != 0:
        q = f.num // f.den
        terms.append(q)
        rest = f - q
        if not rest:
            break
        f = 1 / rest
        limit -= 1
    return terms


half = Frac(1, 2)
third = Frac(1, 3)
print(half + third, half - third, half * third, half / third, repr(-half))
print(1 + half, 1 - half, 2 * third, 1 / third, half ** 3, half ** -2, abs(Frac(-3, 4)))
acc = Frac()
for k in range(1, 6):
    acc += Frac(1, k)
print("H5 =", acc, f"{acc:.4f}", f"[{acc:>8}]", float(acc), int(acc))
print(half == Frac(2, 4), half == 0.5, half != third, Frac(4, 2) == 2, 2 == Frac(4, 2))
print(sorted([Frac(3, 4), half, Frac(-1, 5), 1, third]), max(half, third), min([Frac(7, 3), 2]))
print(len({Frac(2, 1), 2, 2.0, Frac(4, 2)}), {half: "half"}[Frac(3, 6)])
print(half <= third, half <= Frac(1, 2), third < 1, 0 < half)
for bad in (lambda: half + 0.5, lambda: "x" * half, lambda: half < "a", lambda: Frac(1, 0),
            lambda: Frac(1.5), lambda: half / Frac(0), lambda: half ** half):
    try:
        print("unexpected", bad())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
for text in ["3/4", " -6/8 ", "2.25", "-0.5", "7", "1/-3"]:
    f = Frac.parse(text)
    print(f"{text!r:>9} -> {f!s:>6} {f!r}")
try:
    Frac.parse("x/2")
except ValueError as e:
    print("parse error:", e)
sol = solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3])
print("solution:", ", ".join(map(str, sol)))
sol = solve([[1, 2], [3, 4]], [Frac(1, 2), Frac(1, 3)])
print("solution:", sol, [format(s, ".3f") for s in sol])
try:
    solve([[1, 2], [2, 4]], [1, 2])
except ValueError as e:
    print("error:", e)
print(continued_fraction(Frac(415, 93)), continued_fraction(Frac(355, 113)))
approx = Frac(0)
for i, t in enumerate(reversed([3, 7, 15, 1])):
    approx = t + (1 / approx if approx else 0)
print("pi ~", approx, f"{float(approx):.7f}", abs(float(approx) - math.pi) < 1e-6)
big = Frac(2 ** 100 + 1, 3 ** 50)
print(big, big.num.bit_length(), f"{big:.3e}" if False else round(float(big), 3))
try:
    big.extra = 1
except AttributeError as e:
    print("AttributeError:", e)
