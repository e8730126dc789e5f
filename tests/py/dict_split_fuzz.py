# Instance attributes and instance dicts under long random sequences of
# setattr / delattr / getattr on several instances of a few classes, with the
# __dict__ taken at random moments and then changed as a dict (set, delete,
# pop, popitem, update, setdefault, copy, clear, keys of other kinds): every
# instance must show the attributes, order and errors python3 shows.
import sys

seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 2147483647
    return (seed >> 8) % n


class A:
    pass


class B:
    def __init__(self):
        self.p = 0
        self.q = 1


class Wide:
    pass


classes = [A, B, Wide]
names = ["n%d" % i for i in range(34)]


def pick_name(cls):
    return names[rnd(6 if cls is A else 12 if cls is B else 34)]


def state(o):
    return list(vars(o).items())


def run(steps):
    objs = [classes[i % 3]() for i in range(9)]
    dicts = {}
    log = []
    for step in range(steps):
        j = rnd(len(objs))
        o = objs[j]
        cls = type(o)
        op = rnd(24)
        name = pick_name(cls)
        try:
            if op < 7:
                setattr(o, name, step)
            elif op < 10:
                delattr(o, name)
            elif op < 12:
                log.append(getattr(o, name, "-"))
            elif op < 14:
                dicts[j] = vars(o)
            elif j in dicts:
                d = dicts[j]
                if op == 14:
                    d[name] = -step
                elif op == 15:
                    del d[name]
                elif op == 16:
                    log.append(d.pop(name, "no"))
                elif op == 17 and rnd(4) == 0:
                    log.append(d.popitem())
                elif op == 18:
                    d.update({name: "u%d" % step, pick_name(cls): "v"})
                elif op == 19:
                    log.append(d.setdefault(name, "s%d" % step))
                elif op == 20 and rnd(6) == 0:
                    d[rnd(3)] = "int"
                elif op == 21 and rnd(10) == 0:
                    d.clear()
                elif op == 22:
                    c = d.copy()
                    c[name] = "copy"
                    log.append(len(c) - len(d))
                    log.append(list(c)[-1:])
                else:
                    log.append(sorted(map(str, d))[:2])
            else:
                objs[j] = cls()
                dicts.pop(j, None)
        except (AttributeError, KeyError) as exc:
            log.append(type(exc).__name__)
        if step % 50 == 49:
            print(step, [state(x) for x in objs[:4]])
            print("   ", log[-12:])
    for o in objs:
        print(state(o), [hasattr(o, n) for n in names[:8]])


run(1500)
for cls in classes:
    o = cls()
    for n in names:
        setattr(o, n, n.upper())
    print(cls.__name__, len(vars(o)), list(vars(o))[-3:], sys.getsizeof(vars(o)) > 0)
