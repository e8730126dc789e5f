# Event scheduler: a binary heap, generator-based tasks, and a report.
class Heap:
    def __init__(self, key=lambda x: x):
        self.items = []
        self.key = key
        self.counter = 0

    def push(self, item):
        entry = (self.key(item), self.counter, item)
        self.counter += 1
        self.items.append(entry)
        i = len(self.items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.items[parent] <= self.items[i]:
                break
            self.items[parent], self.items[i] = self.items[i], self.items[parent]
            i = parent

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty heap")
        last = self.items.pop()
        if not self.items:
            return last[2]
        top, self.items[0] = self.items[0], last
        i, n = 0, len(self.items)
        while True:
            l, r, small = 2 * i + 1, 2 * i + 2, i
            if l < n and self.items[l] < self.items[small]:
                small = l
            if r < n and self.items[r] < self.items[small]:
                small = r
            if small == i:
                break
            self.items[i], self.items[small] = self.items[small], self.items[i]
            i = small
        return top[2]

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)


class Sleep:
    def __init__(self, dt):
        self.dt = dt


class Scheduler:
    def __init__(self):
        self.now = 0.0
        self.queue = Heap(key=lambda ev: ev[0])
        self.log = []
        self.results = {}

    def spawn(self, name, gen, at=0.0):
        self.queue.push((self.now + at, name, gen, None))

    def run(self, until=100.0):
        while self.queue:
            when, name, gen, value = self.queue.pop()
            if when > until:
                self.log.append(f"{when:7.2f} {name}: stopped (past {until})")
                gen.close()
                continue
            self.now = when
            try:
                cmd = gen.send(value)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.log.append(f"{self.now:7.2f} {name}: done -> {stop.value!r}")
                continue
            except Exception as exc:
                self.log.append(f"{self.now:7.2f} {name}: crashed {type(exc).__name__}: {exc}")
                continue
            if isinstance(cmd, Sleep):
                self.queue.push((self.now + cmd.dt, name, gen, self.now))
            else:
                self.log.append(f"{self.now:7.2f} {name}: bad command {cmd!r}")
                gen.close()


def worker(name, jobs, speed):
    done = []
    try:
        for job in jobs:
            started = yield Sleep(len(job) / speed)
            done.append(f"{job}@{started:.1f}")
        return done
    finally:
        print(f"  [{name} cleanup after {len(done)} jobs]")


def ticker(period, count):
    ticks = 0
    while ticks < count:
        yield Sleep(period)
        ticks += 1
    return ticks


def faulty():
    yield Sleep(1.5)
    raise ValueError("disk full")


def confused():
    yield "not a command"


def forever():
    while True:
        yield Sleep(7)


s = Scheduler()
s.spawn("alpha", worker("alpha", ["build", "test", "deploy"], speed=2.0))
s.spawn("beta", worker("beta", ["x" * 10, "y"], speed=1.0), at=0.5)
s.spawn("tick", ticker(2.5, 4))
s.spawn("bad", faulty())
s.spawn("odd", confused(), at=3)
s.spawn("loop", forever())
s.run(until=20)
for line in s.log:
    print(line)
print(sorted(s.results.items()))

h = Heap()
for v in [5, 3, 8, 1, 9, 2, 7]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
words = Heap(key=len)
for w in "the quick brown fox jumps over a lazy dog".split():
    words.push(w)
print([words.pop() for _ in range(len(words))])
try:
    Heap().pop()
except IndexError as e:
    print("IndexError:", e)
stats = {name: len(r) if isinstance(r, list) else r for name, r in s.results.items()}
print(stats, max(stats, key=stats.get), sum(stats.values()))
pending = worker("late", ["a", "b"], 1.0)
print(next(pending).dt)
print(pending.send(0.0).dt)
pending.throw(RuntimeError("cancelled"))
