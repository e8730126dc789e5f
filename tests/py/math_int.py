import math


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


print(math.floor(1.5), math.floor(-1.5), math.ceil(1.5), math.ceil(-1.5), math.trunc(-1.5))
print(math.floor(2**70), math.ceil(True), math.trunc(7), math.floor(1e20), math.ceil(-0.5))
print(type(math.floor(1.5)).__name__, type(math.ceil(True)).__name__, math.floor(-1e-300))


class Fl:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


print(math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()))
check("math.floor('a')", lambda: math.floor("a"))
check("math.trunc('a')", lambda: math.trunc("a"))
check("math.floor(math.inf)", lambda: math.floor(math.inf))
check("math.ceil(math.nan)", lambda: math.ceil(math.nan))

print([math.factorial(n) for n in range(8)], math.factorial(25), math.factorial(True))
print(math.factorial(100))
print(len(str(math.factorial(1000))), math.factorial(30) // math.factorial(28))
check("math.factorial(-1)", lambda: math.factorial(-1))
check("math.factorial(1.0)", lambda: math.factorial(1.0))
check("math.factorial('a')", lambda: math.factorial("a"))

print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(12, 18, -24), math.gcd(0, 0), math.gcd(-4, 0))
print(math.gcd(2**100, 2**80 * 3), math.gcd(3**50, 3**40 * 2), math.gcd(10**30 + 1, 10**15))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 0), math.lcm(-4, 6), math.lcm(2**70, 3))
check("math.gcd(1.5)", lambda: math.gcd(1.5))
check("math.lcm(1, 'a')", lambda: math.lcm(1, "a"))

print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100]], math.isqrt(10**40))
print(math.isqrt(2**64 - 1), math.isqrt(2**63), math.isqrt(10**41), math.isqrt(3**101))
print(all(math.isqrt(n * n) == n and math.isqrt(n * n - 1) == n - 1 for n in range(1, 2000, 13)))
print(all(math.isqrt(k * k + 2 * k) == k for k in [2**31, 2**32 + 5, 10**20, 3**70]))
check("math.isqrt(-1)", lambda: math.isqrt(-1))
check("math.isqrt(1.5)", lambda: math.isqrt(1.5))

print(math.comb(5, 2), math.comb(5, 0), math.comb(5, 5), math.comb(5, 7), math.comb(60, 30))
print(math.comb(100, 50), math.comb(1000, 3), math.comb(10**20, 2))
print(math.perm(5), math.perm(5, 2), math.perm(3, 5), math.perm(10, 0), math.perm(20, 10))
check("math.comb(5)", lambda: math.comb(5))
check("math.comb(-1, 2)", lambda: math.comb(-1, 2))
check("math.comb(5, -1)", lambda: math.comb(5, -1))
check("math.perm(-1)", lambda: math.perm(-1))
check("math.perm(5, -1)", lambda: math.perm(5, -1))
check("math.comb(5.0, 2)", lambda: math.comb(5.0, 2))
