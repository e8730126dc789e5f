# List contents and allocation sizes (sys.getsizeof) after random sequences of
# every mutating operation must match python3's.
import sys


def run(seed, nsteps):
    def rnd(n):
        nonlocal seed
        seed = (seed * 1103515245 + 12345) & 2147483647
        return seed % n

    a = []
    sizes = []
    for step in range(nsteps):
        op = rnd(16)
        n = len(a)
        if op < 4:
            a.append(step)
        elif op == 4 and a:
            a.pop()
        elif op == 5 and a:
            a.pop(rnd(n))
        elif op == 6:
            a.insert(rnd(n + 3) - 1, step)
        elif op == 7:
            a.extend(range(rnd(6)))
        elif op == 8:
            a.extend(list(range(rnd(4))))
        elif op == 9:
            i = rnd(n + 1)
            a[i:i + rnd(4)] = [step] * rnd(5)
        elif op == 10 and a:
            del a[rnd(n):rnd(n + 1)]
        elif op == 11 and a:
            del a[rnd(n)::rnd(4) + 1]
        elif op == 12 and rnd(10) == 0:
            a += tuple(range(rnd(5)))
        elif op == 13 and rnd(40) == 0 and n < 200:
            a *= 2
        elif op == 14 and rnd(60) == 0:
            a = a[:] if rnd(2) else list(a)
        elif op == 15 and rnd(100) == 0:
            a.clear()
        if step % 53 == 0:
            sizes.append(sys.getsizeof(a))
    a.sort()
    print(len(a), a[:10], a[-5:], sizes[-40:])


for seed in [1, 2, 3, 99, 12345]:
    run(seed, 20000)
