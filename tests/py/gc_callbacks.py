# gc.callbacks: called with "start"/"stop" and an info dict; the automatic
# schedule with small thresholds: generation 0 collections, a generation 1
# collection every fourth (count[1] > threshold 2), counts reset as CPython.
import gc

gc.collect()
events = []


def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


gc.callbacks.append(cb)
cycle = []
cycle.append(cycle)
del cycle
n = gc.collect()
print(n, events)
events.clear()
gc.collect(0)
print(events)
gc.callbacks.remove(cb)
events.clear()

gens = []


def record(phase, info):
    if phase == "start":
        gens.append(info["generation"])


gc.collect()
gc.set_threshold(10, 2, 2)
gc.callbacks.append(record)
keep = []
for i in range(300):
    keep.append([i])
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print(len(gens) > 20, gens.count(1) > 3)
ones = [i for i, g in enumerate(gens) if g == 1]
print(all(gens[i] == 0 for i in range(len(gens)) if i not in ones and gens[i] != 2))
print(gens[:12])

# a callback that raises is reported and the collection goes on


class Bad:
    def __call__(self, phase, info):
        raise ValueError("boom " + phase)

    def __repr__(self):
        return "<bad callback>"


bad = Bad()
gc.callbacks.append(bad)
gc.collect()
gc.callbacks.remove(bad)
print("still running")
