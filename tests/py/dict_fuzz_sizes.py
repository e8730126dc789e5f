# Dict table sizes (read from sys.getsizeof by _dictsize.table_rank) and order
# after long random sequences of inserts, deletes, popitem, copy, update and
# clear must match python3's.
from _dictsize import table_rank


def run(seed, nkeys, nsteps, strkeys):
    def rnd(n):
        nonlocal seed
        seed = (seed * 1103515245 + 12345) & 2147483647
        return seed % n

    keys = [("k%d" % i if strkeys else i * 3) for i in range(nkeys)]
    d = {}
    sizes = []
    for step in range(nsteps):
        op = rnd(20)
        k = keys[rnd(nkeys)]
        if op < 9:
            d[k] = step
        elif op < 14:
            d.pop(k, None)
        elif op < 16 and d:
            d.popitem()
        elif op == 16 and rnd(20) == 0:
            d = d.copy()
        elif op == 17 and rnd(20) == 0:
            e = {}
            e.update(d)
            d = e
        elif op == 18 and rnd(40) == 0:
            d.clear()
        elif op == 19 and rnd(30) == 0:
            d = dict(d)
        if step % 97 == 0:
            sizes.append(table_rank(d))
    print(len(d), list(d)[-8:], sizes[-30:])


for seed in [1, 7, 12345]:
    for nkeys in [10, 100, 3000]:
        run(seed, nkeys, 30000, False)
        run(seed, nkeys, 30000, True)
