# Ints around the edges of a 64-bit word: +-2**62, +-2**63, INT64_MIN/MAX, the
# values just above -2**63, 2**64.  Arithmetic that crosses those edges in
# both directions (also in place, in loops), hashing of equal values built in
# different ways, int <-> float, ranges, indexing, bit operations and shifts.
import math

M = 2 ** 63
edges = [2 ** 62, 2 ** 62 - 1, 2 ** 62 + 1, M - 1, M, M + 1, M - 2 ** 32, M - 2 ** 32 + 1,
         M - 2 ** 32 - 1, M - 2 ** 31, 2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1, 2 ** 32, 2 ** 32 - 1]
edges = edges + [-v for v in edges]
smalls = [0, 1, -1, 2, -2, 3, -7, 2 ** 31, -(2 ** 31), 10 ** 9 + 7]


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(label, r)


print("-- binary operators")
for a in edges:
    for b in edges + smalls:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a == b, a >= b]
        if b:
            r += [a // b, a % b, divmod(a, b) == (a // b, a % b), a / b]
        print(a, b, r)
for a in smalls:
    for b in edges:
        print(a, b, [a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, a < b, a / b])

print("-- unary operators and conversions")
for a in edges + [-M + 5, -M + 2 ** 32 + 7, M - 5]:
    f = float(a)
    print(a, -a, ~a, abs(a), +a, a.bit_length(), a.bit_count(), hash(a), hash(-a),
          f, int(f), f == a, f < a, a < f, hash(f) == hash(int(f)), str(a) == repr(a),
          hex(a), oct(a), format(a, ","), format(a, "_x"), format(a, "+025d"), bool(a),
          round(a, -3), int(str(a)) == a, int(hex(a), 16) == a, int(oct(a), 0) == a)

print("-- shifts")
for a in [1, -1, 3, -3] + edges:
    print(a, [a << k for k in (0, 1, 2, 30, 31, 32, 33, 61, 62, 63, 64, 65)],
          [a >> k for k in (0, 1, 2, 30, 31, 32, 33, 61, 62, 63, 64, 65, 200)])

print("-- crossing in place")
for start, step, n in [(M - 4, 1, 8), (-M + 4, -1, 8), (-M - 4, 1, 8), (M + 4, -1, 8),
                       (-M + 2 ** 32 + 3, -1, 7), (-M + 2 ** 32 - 3, 1, 7),
                       (2 ** 62 - 3, 1, 6), (-(2 ** 62) + 3, -1, 6)]:
    x = start
    seen = []
    for _ in range(n):
        x += step
        seen.append(x)
    print(start, step, seen, [hash(v) for v in seen])
x = 3
for _ in range(45):
    x *= 3
y = x
for _ in range(45):
    y //= 3
print(x, y)
x = -M + 2 ** 32 + 10
for _ in range(20):
    x = x - 1
print(x, x + 20)
x = 1
for k in range(70):
    x = x * 2
    if k > 58:
        print(k, x, -x, x - 1, -x + 1, x & -x, x | 1, x ^ (x - 1))

print("-- hash and equality of values built differently")
built = {}
for v in [2 ** 62, -(2 ** 62), M - 1, -M, -M + 1, -M + 2 ** 32, -M + 2 ** 32 - 1, M, 2 ** 64]:
    ways = [v, int(str(v)), int(hex(v), 16), (v * 3) // 3, (v - 12345) + 12345, v + 0,
            -(-v), ~~v, (v << 3) >> 3, int(float(v)) if float(v) == v else v, sum([v // 2, v - v // 2])]
    hashes = set(hash(w) for w in ways)
    print(v, len(hashes) == 1, all(w == v for w in ways), hash(v) == hash(float(v)) or float(v) != v)
    for w in ways:
        built[w] = built.get(w, 0) + 1
print(sorted(built.items()))
print(len({2 ** 62, 4 * 2 ** 60, int("4611686018427387904"), 2 ** 62 + 0}))
print(hash(-M), hash(-M + 1), hash(M), hash(-M + 2 ** 32), hash(2 ** 61 - 1), hash(-(2 ** 61 - 1)))

print("-- int <-> float")
for f in [2.0 ** 62, -(2.0 ** 62), 2.0 ** 63, -(2.0 ** 63), 2.0 ** 64, 9.223372036854775e18,
          -9.223372036854775e18, 4.611686018427387e18, 1e19, -1e19]:
    i = int(f)
    print(f, i, float(i) == f, i == f, i < f, i + 1 > f, hash(i) == hash(f), math.floor(f), math.ceil(f))
for i in [M - 1, -M, -M + 1, M - 512, M - 513, -M + 2 ** 32, 2 ** 62 + 1]:
    print(i, float(i), i == float(i), i < float(i), i > float(i), i / 1, i * 1.0, i + 0.5, i - 0.5)

print("-- ranges")
for a, b, s in [(M - 5, M + 5, 1), (-M - 3, -M + 3, 1), (-M + 2 ** 32 - 3, -M + 2 ** 32 + 3, 1),
                (M + 3, M - 3, -1), (-M + 3, -M - 3, -1), (2 ** 62 - 2, 2 ** 62 + 2, 1),
                (-M, M, 2 ** 62), (-M + 1, M, 2 ** 61 + 3), (-M, -M + 3, 1), (-M + 2, -M - 1, -1),
                (-M + 2 ** 32 - 5, -M + 2 ** 32 + 5, 2), (-M + 2 ** 32 + 5, -M + 2 ** 32 - 5, -3),
                (M - 1, -M, -(2 ** 62)), (M - 3, M, 1)]:
    r = range(a, b, s)
    print(list(r), len(r), r[0], r[-1], a in r, a + s in r, b in r, -M in r, -M + 2 ** 32 in r)
    for v in list(r)[:3]:
        print(" ", r.index(v), r.count(v), v in r)
show("len(range(-M, M))", lambda: len(range(-M, M)))
show("len(range(-M + 1, M))", lambda: len(range(-M + 1, M)))
show("len(range(0, M))", lambda: len(range(0, M)))
show("range(10)[-M]", lambda: range(10)[-M])
show("range(10)[-M + 5]", lambda: range(10)[-M + 5])
show("range(10)[M]", lambda: range(10)[M])
show("sum(range(M - 10, M + 10))", lambda: sum(range(M - 10, M + 10)))
show("sum(-M + 2**32 + 5, ...)", lambda: sum([-M + 2 ** 32 + 5] + [-1] * 10 + [1] * 20))
show("sum crossing up", lambda: sum([M - 10] + [1] * 20))
show("sum crossing down", lambda: sum([-M + 10] + [-1] * 20))

print("-- indexing")
lst = [10, 20, 30]
for i in [-M, -M + 5, -M + 2 ** 32 - 1, -M + 2 ** 32, M - 1, M, -M - 1, 2 ** 62]:
    show("lst[%d]" % i, lambda: lst[i])
    show("tuple[%d]" % i, lambda: tuple(lst)[i])
    show("str[%d]" % i, lambda: "abc"[i])
    show("lst[%d:]" % i, lambda: lst[i:])
    show("lst[:%d]" % i, lambda: lst[:i])
    show("'ab' * %d" % i, lambda: len("ab" * i) if i < 2 ** 40 else "skip")
    show("lst.insert", lambda: (lst.copy().insert(i, 0), None)[1])

print("-- pow, gcd, isqrt, bit tricks")
for a in [2 ** 31, 2 ** 32 - 1, 3037000499, 3037000500, -3037000500, 2 ** 21]:
    print(a, a ** 2, a ** 3, pow(a, 2, M - 1), pow(a, 3, -(M + 1)), math.isqrt(abs(a) ** 2),
          math.isqrt(M - 1), math.gcd(a, M), math.gcd(-M, a), math.gcd(M - 1, a))
print(pow(-2, 63), pow(-2, 63) + 1, pow(2, 63) - 1, (-2) ** 64, pow(3, -1, M - 1), pow(-M, 1, 7))
print(sorted([M, -M, -M + 1, 2 ** 62, -(2 ** 62), 0, -M + 2 ** 32, -M + 2 ** 32 - 1, M - 1, -1]))
print(max(-M, -M + 2 ** 32 - 1, -M + 1), min(M - 1, M, 2 ** 62))
print((-M) // -1, (-M) % -1, divmod(-M, 7), divmod(-M + 2 ** 32, -3), divmod(M - 1, -2))
print((-M + 2 ** 32 - 1) // 2, (-M + 2 ** 32 - 1) % 2, (-M) >> 1, (-M + 1) >> 1, -M >> 62)
print(-(-M + 2 ** 32), -(M - 2 ** 32), abs(-M), abs(-M + 1), ~(M - 1), ~(-M), ~(-M + 2 ** 32))

print("-- subclass instances")


class X(int):
    pass


for v in [-M, -M + 5, -M + 2 ** 32 - 1, -M + 2 ** 32, M - 1, M, 5, 2 ** 100]:
    x = X(v)
    print(x, x + 1, x - 1, hash(x) == hash(v), x == v, int(x), type(int(x)).__name__, -x, x * 2,
          x // 3, float(x), x.bit_length(), x.__sizeof__() > 0)
