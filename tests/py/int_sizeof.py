# sys.getsizeof of ints never exceeds CPython 3.11's figure, 24 + 4 bytes per
# 30-bit digit (one digit at least), and int.__sizeof__ agrees with it.  Each
# band of values prints whether every value in it stays within the formula,
# then the values (if any) that do not: under CPython both lines are exact.
import math
import sys


def cpython_size(v):
    return 24 + 4 * max(1, -(-v.bit_length() // 30))


def band(name, values):
    values = list(values)
    over = [v for v in values if sys.getsizeof(v) > cpython_size(v)]
    differ = [v for v in values if v.__sizeof__() != sys.getsizeof(v)]
    print(name, len(values), not over, not differ)
    if over:
        print("  larger than CPython:", [(v, sys.getsizeof(v), cpython_size(v)) for v in over[:8]])
    if differ:
        print("  __sizeof__ differs:", [(v, v.__sizeof__(), sys.getsizeof(v)) for v in differ[:8]])


def signed(values):
    for v in values:
        yield v
        yield -v


band("zero and one", [0, 1, -1, True, False])
band("pooled", range(-5, 257))
band("powers of two", signed(2 ** k for k in range(0, 5001)))
band("below powers of two", signed(2 ** k - 1 for k in range(1, 5001)))
band("above powers of two", signed(2 ** k + 1 for k in range(0, 5001)))
band("int64 edges", signed(2 ** 63 + d for d in range(-300, 301)))
band("62-bit edges", signed(2 ** 62 + d for d in range(-300, 301)))
band("32-bit edges", signed(2 ** 32 + d for d in range(-300, 301)))
band("near -2**63 + 2**32", (-(2 ** 63) + 2 ** 32 + d for d in range(-300, 301)))
band("digit edges", signed(2 ** (30 * k) + d for k in range(1, 40) for d in (-1, 0, 1)))
band("powers of ten", signed(10 ** k for k in range(0, 1300)))
band("powers of three", signed(3 ** k for k in range(0, 3000, 7)))
band("factorials", signed(math.factorial(k) for k in range(0, 400, 3)))

# Results of arithmetic: sums and differences that shrink back to small
# values, products, quotients, remainders, shifts and bitwise results.
seed = 12345


def rand(bits):
    global seed
    r = 0
    for _ in range(0, bits, 31):
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        r = (r << 31) | seed
    return r >> (-bits % 31) if bits % 31 else r


pairs = []
for i in range(400):
    a = rand(1 + i % 190) * (-1) ** i
    b = rand(1 + (i * 7) % 130) * (-1) ** (i // 2)
    pairs.append((a, b))
band("sums", (a + b for a, b in pairs))
band("differences", (a - b for a, b in pairs))
band("shrinking", ((a + 2 ** 200 + b) - 2 ** 200 - a for a, b in pairs))
band("products", (a * b for a, b in pairs))
band("quotients", (a // b for a, b in pairs if b))
band("remainders", (a % b for a, b in pairs if b))
band("divmod", (q for a, b in pairs if b for q in divmod(a, b)))
band("left shifts", (a << (i % 97) for i, (a, b) in enumerate(pairs)))
band("right shifts", (a >> (i % 97) for i, (a, b) in enumerate(pairs)))
band("bitwise", (r for a, b in pairs for r in (a & b, a | b, a ^ b, ~a)))
band("negation and abs", (r for a, b in pairs for r in (-a, abs(b), +a)))
band("powers", (a ** (i % 9) for i, (a, b) in enumerate(pairs)))
band("modular powers", (pow(a, 12345, b) for a, b in pairs if b))

# Conversions: text, floats, in-place accumulation across the boundaries.
band("int(str)", (int(str(a * b)) for a, b in pairs))
band("int(hex)", (int(hex(a), 16) for a, b in pairs))
band("int(float)", signed(int(2.0 ** k) for k in range(0, 1000)))
band("int(float) odd", signed(int(1.5 * 2.0 ** k) for k in range(0, 1000)))
band("round", (round(a, -(i % 30)) for i, (a, b) in enumerate(pairs)))
acc = []
x = 2 ** 62 - 5
for _ in range(20):
    x += 1
    acc.append(x)
x = 2 ** 63 - 5
for _ in range(20):
    x += 1
    acc.append(x)
x = -(2 ** 63) + 2 ** 32 + 5
for _ in range(20):
    x -= 1
    acc.append(x)
x = 3
for _ in range(200):
    x *= 3
    acc.append(x)
for _ in range(200):
    x //= 3
    acc.append(x)
band("in-place", acc)
band("sum()", [sum(range(k * 10 ** 17, k * 10 ** 17 + 100)) for k in range(-200, 200, 7)])
band("hash", signed(hash(a) for a, b in pairs))
band("len of ranges", [len(range(0, 2 ** 62, k)) for k in (1, 2, 3, 7)])
band("bit_length", (a.bit_length() for a, b in pairs))
