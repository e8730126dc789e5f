# Set iteration order after long random add/discard/pop sequences (ints,
# tuples of ints and floats hash the same in every run) must match python3's.
def run(seed, nkeys, nsteps):
    def rnd(n):
        nonlocal seed
        seed = (seed * 1103515245 + 12345) & 2147483647
        return seed % n

    keys = [i * 7 - 300 for i in range(nkeys)] + [(i, -i) for i in range(20)]
    keys += [i + 0.5 for i in range(20)]
    s = set()
    popped = []
    for step in range(nsteps):
        op = rnd(6)
        k = keys[rnd(len(keys))]
        if op < 2:
            s.add(k)
        elif op < 4:
            s.discard(k)
        elif op == 4 and s and rnd(5) == 0:
            popped.append(s.pop())
        elif op == 5 and rnd(50) == 0:
            s = s.copy() if rnd(2) else set(s)
    print(len(s), list(s)[:40])
    print(popped[:20], len(popped))
    f = frozenset(x for x in s if type(x) is int)
    print(hash(f), list(f)[:20])


for seed in [1, 2, 3, 12345]:
    for nkeys in [30, 200, 1000]:
        run(seed, nkeys, 20000)
