# gc.is_tracked follows CPython 3.11's rules: atomic objects are never
# tracked, a dict is tracked once it holds a container, tuples of atomics are
# untracked by a collection.
import gc


class C:
    pass


def f():
    pass


print(gc.is_tracked(0), gc.is_tracked("a"), gc.is_tracked(None), gc.is_tracked(1.5))
print(gc.is_tracked(True), gc.is_tracked(2 ** 100), gc.is_tracked(int), gc.is_tracked(C))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked([]), gc.is_tracked([1, 2]), gc.is_tracked(C()), gc.is_tracked(f))
print(gc.is_tracked(set()), gc.is_tracked(frozenset([1])), gc.is_tracked(iter([])))
d = {}
print(gc.is_tracked(d))
d["k"] = 1
print(gc.is_tracked(d))
d["l"] = []
print(gc.is_tracked(d))
n = 3
t = tuple(range(n))
u = tuple([[], 1])
print(gc.is_tracked(u))  # t: see gc_tuple_birth.py (tpy never tracks it)
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u))
nested = (t, (1, "x"))
gc.collect()
print(gc.is_tracked(nested))
holder = {"a": 1}
holder2 = dict(a=(1, 2))
print(gc.is_tracked(holder), gc.is_tracked(holder2))
