# The seed's memory scenario: memory comes back the moment the last reference
# goes (RSS read from /proc/self/status, compared in MB, printed as booleans).
# CPython 3.11 keeps part of it: after `big = None` and after the collection
# its RSS stays 20-60 MB up (glibc keeps freed big blocks in its heap once its
# mmap threshold has grown), so it prints False on those two lines.  tpy gives
# everything back: mem_rss_scenario.exp.out holds its output, all True.
import gc


def rss_mb():
    f = open("/proc/self/status")
    text = f.read()
    f.close()
    for line in text.split("\n"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return -1.0


def build():
    big = [i for i in range(3_000_000)]
    return len(big) + big[-1]


start = rss_mb()
print("a list built in a function and dropped:", build())
print("  RSS back within 20 MB:", rss_mb() - start < 20)

big = [i for i in range(3_000_000)]
print("the same list bound to a global stays:", rss_mb() - start > 60)
big = None
print("  after big = None, RSS back within 20 MB:", rss_mb() - start < 20)

a = [i for i in range(3_000_000)]
b = [i for i in range(3_000_000, 6_000_000)]
a.append(b)
b.append(a)
del a, b
print("two lists in a reference cycle stay after del:", rss_mb() - start > 120)
print("gc.collect() finds them:", gc.collect() >= 2)
print("  and RSS comes back within 20 MB:", rss_mb() - start < 20)
