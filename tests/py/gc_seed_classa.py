# The seed articles' ClassA loop: c1.t = c2; c2.t = c1; del c1, c2.
# With gc disabled the cycles pile up; gc.collect() in the loop keeps the
# count flat; with gc enabled automatic collections keep it bounded.
import gc


class ClassA:
    live = 0

    def __init__(self):
        ClassA.live += 1

    def __del__(self):
        ClassA.live -= 1


def f2(rounds, collect_each):
    peak = 0
    for _ in range(rounds):
        c1 = ClassA()
        c2 = ClassA()
        c1.t = c2
        c2.t = c1
        del c1
        del c2
        if collect_each:
            gc.collect()
        peak = max(peak, ClassA.live)
    return peak


gc.disable()
print("disabled, no collect: live =", f2(2000, False) and ClassA.live)
gc.collect()
print("after one collect:", ClassA.live)
print("disabled, collect in loop: peak =", f2(200, True), "live =", ClassA.live)
gc.enable()
peak = f2(20000, False)
print("enabled: bounded", peak < 2000, "live after collect:", (gc.collect() >= 0) and ClassA.live)


# the two-node next/prev cycle: freed only by gc.collect()
class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


gc.disable()
a = Node("a")
b = Node("b")
a.next = b
b.prev = a
b.next = a
a.prev = b
del a, b
print("deleted names, nothing freed yet")
gc.collect()
print("collected")
gc.enable()

# the list ring of the articles
a = []
b = [a]
a.append(b)
del a
del b
print(gc.collect())
