# A tuple that holds only atomic objects (or untracked tuples of them) can
# never be part of a cycle, so tpy does not track it at all, from its birth.
# CPython 3.11 tracks it and untracks it at its next collection (CPython 3.14
# skips the tracking too); the expected output here is tpy's, hand-checked.
import gc

gc.collect()
gc.disable()
print(gc.is_tracked((1, "a", None)), gc.is_tracked(tuple(range(3))))
print(gc.is_tracked(((1, 2), (3.5, "x"))))          # nested atomic tuples
print(gc.is_tracked(([],)), gc.is_tracked((1, {})))  # containers: tracked
print(gc.is_tracked((1, 2) + (3,)), gc.is_tracked((1, 2, 3)[1:]), gc.is_tracked((1,) * 4))
print(gc.is_tracked(((1, []), 2)))                  # a tracked tuple inside


def build(d):
    return (None, None) if d == 0 else (build(d - 1), build(d - 1))


before = gc.get_count()[0]
tree = build(10)                                    # 1023 tuples, none tracked
print(gc.get_count()[0] - before, gc.is_tracked(tree))

# a cycle through a tuple is still found: the list makes it tracked
lst = []
t = (1, lst)
lst.append(t)
print(gc.is_tracked(t))
del lst, t
print(gc.collect())
gc.enable()
