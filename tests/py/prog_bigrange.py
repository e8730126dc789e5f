# Number theory on big integers: ranges beyond 64 bits, Miller-Rabin,
# modular arithmetic, digit manipulation, and the errors on the way.
import math

TWO64 = 2 ** 64


def is_probable_prime(n, bases=(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
    if n < 2:
        return False
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def primes_in(r):
    return [n for n in r if is_probable_prime(n)]


window = range(TWO64, TWO64 + 200)
print(window, len(window), window[0], window[-1], window[100:103])
found = primes_in(window)
print(len(found), found[:3], [hex(p) for p in found[:2]])
odds = range(10 ** 20 + 1, 10 ** 20 + 400, 2)
print(odds, len(odds), odds.index(10 ** 20 + 41), (10 ** 20 + 42) in odds, odds.count(10 ** 20 + 3))
print(primes_in(odds)[:4])
print(list(reversed(range(TWO64 - 2, TWO64 + 2))), list(range(TWO64 + 3, TWO64 - 3, -2)))
print(range(TWO64)[::TWO64 // 4], range(-TWO64, TWO64, TWO64 // 2)[1:3], range(TWO64)[-3:])

huge = range(0, 10 ** 30, 7)
print(huge[10 ** 25], huge[-1], 10 ** 29 - (10 ** 29 % 7) in huge, huge.index(7 * 10 ** 20))
try:
    print(len(huge))
except OverflowError as e:
    print("OverflowError:", e)
print(bool(range(TWO64, 0)), range(TWO64, 0) == range(0), range(0, 1, TWO64) == range(1))
print(sum(range(TWO64, TWO64 + 10)), max(range(TWO64, TWO64 + 10)), sorted(range(TWO64 + 2, TWO64, -1)))
it = iter(range(TWO64, TWO64 * 2, TWO64 // 3))
print(type(it).__name__, next(it), next(it), list(it))


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


for start in (27, TWO64 + 1, 10 ** 25 + 7):
    print(start, collatz_steps(start))


def digits(n, base=10):
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(r)
    return out[::-1] or [0]


f60 = math.factorial(60)
print(f60, digits(f60, 1000)[:4], sum(digits(f60)), len(digits(f60, 2)) == f60.bit_length())
print(int("".join(map(str, digits(f60))), 10) == f60, int(bin(f60), 0) == f60, int(hex(-f60), 16) == -f60)
print(math.gcd(f60, 2 ** 100), math.lcm(TWO64, 10 ** 10) if hasattr(math, "lcm") else 0, math.isqrt(f60))
print(pow(3, -1, 10 ** 9 + 7), pow(2, TWO64, 10 ** 9 + 7), (-f60) // 10 ** 40, (-f60) % 10 ** 40)
print(f"{f60:,}"[:20], f"{TWO64:#x}", f"{TWO64:_b}"[:12], f"{-TWO64:+,}", "%d|%x|%o" % (TWO64, TWO64, TWO64))
print(float(TWO64), TWO64 / 3, TWO64 // 3, round(TWO64 / 7, 3), TWO64 * 1.5, int(1e30), 10 ** 30 == 1e30)
print((TWO64 - 1) & 0xFFFF_0000, TWO64 >> 60, 1 << 100, ~TWO64, -TWO64 >> 3, TWO64 ^ (TWO64 - 1))
for bad in (lambda: range(TWO64)[TWO64], lambda: range(1, TWO64, 0), lambda: huge[::0],
            lambda: range(TWO64).index(-1), lambda: pow(2, -1, 4), lambda: math.factorial(-TWO64),
            lambda: 1 << -TWO64, lambda: float(10 ** 400), lambda: range(2.5)):
    try:
        print(bad())
    except (IndexError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(range(10 ** 20)[10 ** 40])
