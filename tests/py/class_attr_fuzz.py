# Random attribute stores, deletes, reads, vars() and __dict__ writes on
# instances of three classes (a deterministic generator drives it): the
# values-array layout must give CPython's results and insertion orders, and
# an attribute site that sees three classes must stay right.
class LCG:
    def __init__(self, s): self.s = s
    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) % 2147483648
        return self.s % n
rng = LCG(12345)
class A: pass
class B(A): pass
class C: pass
names = ["a", "b", "c", "d", "e", "f", "g", "h"]
objs = [A(), B(), C(), A(), B()]
log = []
for step in range(4000):
    o = objs[rng.next(len(objs))]
    n = names[rng.next(len(names))]
    op = rng.next(10)
    try:
        if op < 4:
            setattr(o, n, step)
        elif op < 6:
            delattr(o, n)
        elif op < 8:
            log.append(getattr(o, n, None))
        elif op == 8:
            log.append(sorted(vars(o).items()) if rng.next(3) == 0 else list(vars(o)))
        else:
            o.__dict__[n + "_d"] = step
    except AttributeError as e:
        log.append(str(e))
for o in objs:
    print(type(o).__name__, list(vars(o).items()))
print(len(log), log[-20:])
print(hash(str(log)) if False else sum(len(str(x)) for x in log))
# polymorphic sites
class P1:
    def __init__(self): self.v = 1
class P2:
    def __init__(self): self.w = 0; self.v = 2
class P3(P1):
    def __init__(self): self.x = 9; self.v = 3
ps = [P1(), P2(), P3()] * 10
print(sum(p.v for p in ps))
for p in ps:
    p.v += 1
print(sum(p.v for p in ps), [list(vars(p)) for p in ps[:3]])
