# Issue 5 figure (d): generation-0 pauses at the default thresholds while the
# binary_trees workload runs, read from gc.callbacks' "duration" (tpy only:
# CPython's callbacks carry no duration).  Prints p50, p99 and max in us.
# The nodes are lists: tpy never tracks tuples of atomics (so the benchmark's
# own tuple trees cause no collections at all), lists are always tracked.
import gc

durs = []


def cb(phase, info):
    if phase == "stop" and info["generation"] == 0:
        durs.append(info["duration"])


def make_tree(d):
    if d == 0:
        return [None, None]
    d -= 1
    return [make_tree(d), make_tree(d)]


def check_tree(node):
    left = node[0]
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(node[1])


gc.callbacks.append(cb)
long_lived = make_tree(16)
d = 4
while d <= 16:
    for i in range(1 << (16 - d + 4)):
        check_tree(make_tree(d))
    d += 2
gc.callbacks.remove(cb)
durs.sort()
n = len(durs)
if n == 0:
    raise SystemExit("gc_pause: no generation-0 collection ran")
print("gen0 collections %d  p50 %.1f us  p99 %.1f us  max %.1f us" % (
    n, durs[n // 2] * 1e6, durs[n * 99 // 100] * 1e6, durs[-1] * 1e6))
