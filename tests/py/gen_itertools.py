# Home-made itertools built from generators, used on infinite streams,
# recursive generators (permutations, N-queens, partitions) and a sieve.
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def islice(it, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, s.step or 1
    nxt = start
    for i, x in enumerate(it):
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step


def chain(*its):
    for it in its:
        yield from it


def chain_from(its):
    for it in its:
        yield from it


def cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    while saved:
        yield from saved


def repeat(x, n=None):
    if n is None:
        while True:
            yield x
    for _ in range(n):
        yield x


def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x


def dropwhile(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it


def accumulate(it, func=lambda a, b: a + b, initial=None):
    it = iter(it)
    total = initial
    if total is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = func(total, x)
        yield total


def groupby(it, key=lambda x: x):
    it = iter(it)
    sentinel = object()
    cur = next(it, sentinel)
    while cur is not sentinel:
        k = key(cur)
        group = [cur]
        cur = next(it, sentinel)
        while cur is not sentinel and key(cur) == k:
            group.append(cur)
            cur = next(it, sentinel)
        yield k, group


def tee(it, n=2):
    it = iter(it)
    buffers = [[] for _ in range(n)]

    def gen(buf):
        while True:
            if not buf:
                try:
                    v = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(v)
            yield buf.pop(0)
    return tuple(gen(b) for b in buffers)


def pairwise(it):
    a, b = tee(it)
    next(b, None)
    return zip(a, b)


def product(*pools, repeat=1):
    pools = [tuple(p) for p in pools] * repeat
    def rec(i):
        if i == len(pools):
            yield ()
            return
        for x in pools[i]:
            for rest in rec(i + 1):
                yield (x,) + rest
    return rec(0)


def permutations(items):
    items = list(items)
    if len(items) <= 1:
        yield tuple(items)
        return
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            yield (x,) + p


def combinations(items, r):
    items = tuple(items)
    if r == 0:
        yield ()
        return
    for i in range(len(items) - r + 1):
        for rest in combinations(items[i + 1:], r - 1):
            yield (items[i],) + rest


def partitions(n, largest=None):
    if largest is None:
        largest = n
    if n == 0:
        yield []
        return
    for k in range(min(n, largest), 0, -1):
        for p in partitions(n - k, k):
            yield [k] + p


def queens(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if all(col != c and abs(col - c) != row - r for r, c in enumerate(placed)):
            yield from queens(n, placed + (col,))


def primes():
    # incremental sieve: composites map to the primes that strike them
    composites = {}
    for n in count(2):
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)


print(list(islice(count(10, 5), 5)))
print(list(islice("abcdefgh", 1, 7, 2)))
print(list(chain("ab", [1, 2], (x * x for x in range(3)))))
print(list(chain_from(["xy", "z"])))
print(list(islice(cycle("abc"), 8)))
print(list(repeat("r", 3)), list(islice(repeat(0), 4)))
print(list(takewhile(lambda x: x < 10, count(1, 3))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], lambda a, b: a * b, 10)))
print(list(accumulate([])))
print([(k, len(g)) for k, g in groupby("aaabccdddd")])
print([(k, g) for k, g in groupby(range(10), key=lambda x: x // 3)])
a, b = tee(x * 2 for x in range(5))
print(next(a), next(a), list(b), list(a))
print(list(pairwise("abcd")))
print(list(product("ab", range(2))), len(list(product(range(3), repeat=3))))
print(list(permutations("abc")))
print(sum(1 for _ in permutations(range(6))))
print(list(combinations("abcd", 2)))
print(list(partitions(6)))
print(sum(1 for _ in partitions(20)))
sols = list(queens(6))
print(len(sols), sols[0], len(list(queens(8))))
print(list(islice(primes(), 20)))
print(sum(takewhile(lambda p: p < 10000, primes())))
first_big = next(p for p in primes() if p > 5000)
print(first_big)
g = primes()
print([next(g) for _ in range(5)], g.gi_suspended)
g.close()
print(g.gi_suspended, list(g))


def running_mean():
    total = 0.0
    n = 0
    mean = None
    while True:
        x = yield mean
        n += 1
        total += x
        mean = total / n


rm = running_mean()
next(rm)
print([round(rm.send(x), 3) for x in [3, 5, 7, 10, 1]])


def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x


print(list(flatten([1, [2, (3, [4, [5]])], [], 6])))


def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)


print(list(interleave("abc", [1, 2], "XYZW")))
