# gc.get_count() is exact in tpy (LANGUAGE.md): count[0] is the number of live
# tracked containers made since the last collection; nothing of the
# interpreter's own shows up.  CPython's figures are noisy, so the expected
# output is tpy's own (gc_get_count.exp.out), checked by hand:
# each line's numbers follow from the statements above it.
import gc

gc.collect()
print(gc.get_count())          # (0, 0, 0) right after a full collection
a = []
print(gc.get_count())          # a: (1, 0, 0)
b = [[], []]
print(gc.get_count())          # three more lists: (4, 0, 0)
d = {}
print(gc.get_count())          # an empty dict is not tracked: (4, 0, 0)
d["x"] = []
print(gc.get_count())          # d becomes tracked, plus the new list: (6, 0, 0)
del b
print(gc.get_count())          # three lists freed: (3, 0, 0)
x = 12345 + len(a)
s = "abc" * 3
print(gc.get_count())          # ints and strs are not containers: (3, 0, 0)


def f(n):
    tmp = [n, n]
    return len(tmp)


for i in range(100):
    f(i)
print(gc.get_count())          # the function f, 100 calls whose lists died: (4, 0, 0)
gc.collect(0)
print(gc.get_count())          # a generation 0 collection: (0, 1, 0)
gc.collect(0)
print(gc.get_count())          # (0, 2, 0)
gc.collect(1)
print(gc.get_count())          # (0, 0, 1)
gc.collect()
print(gc.get_count())          # (0, 0, 0)
keep = [[i] for i in range(50)]
print(gc.get_count())          # 51 lists: (51, 0, 0)
del keep
print(gc.get_count())          # (0, 0, 0)
old = [1]
gc.collect()
young = []
del old
print(gc.get_count())          # freeing an old object leaves count 0 alone: (1, 0, 0)
