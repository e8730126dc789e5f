# Log processing with generator pipelines: producers, filters and coroutine
# sinks wired with yield from, send(), throw() and close(); a sliding-window
# aggregator; and a final malformed record that escapes through three
# generator frames, so the traceback shows them.

LOG = """\
2024-03-01 10:00:01 INFO  web   GET /index.html 200 12ms
2024-03-01 10:00:02 INFO  web   GET /about.html 200 8ms
2024-03-01 10:00:02 WARN  db    slow query 950ms
2024-03-01 10:00:03 ERROR web   GET /missing 404 3ms
2024-03-01 10:00:04 INFO  auth  login alice ok
2024-03-01 10:00:05 INFO  web   POST /api/cart 201 45ms
# a comment line that the parser skips
2024-03-01 10:00:06 ERROR db    connection reset
2024-03-01 10:00:07 INFO  auth  login bob failed
2024-03-01 10:00:08 INFO  web   GET /index.html 200 10ms
2024-03-01 10:00:09 DEBUG web   cache hit ratio 0.93
2024-03-01 10:00:10 INFO  web   GET /api/items 500 120ms
"""


class Record:
    __slots__ = ("time", "level", "source", "text")

    def __init__(self, time, level, source, text):
        self.time, self.level, self.source, self.text = time, level, source, text

    def __repr__(self):
        return f"<{self.time} {self.level}/{self.source}: {self.text}>"


def read_lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line


def parse(lines):
    skipped = 0
    for n, line in lines:
        if not line.strip() or line.startswith("#"):
            skipped += 1
            continue
        date, time, level, source, text = line.split(None, 4)
        yield Record(time, level, source, text)
    return skipped


def only(levels, records):
    wanted = set(levels)
    for r in records:
        if r.level in wanted:
            yield r


def web_requests(records):
    for r in records:
        if r.source != "web" or not r.text.startswith(("GET", "POST")):
            continue
        method, path, status, ms = r.text.split()
        yield method, path, int(status), int(ms.rstrip("ms"))


def counted(gen):
    """yield from a generator and report what it returned."""
    result = yield from gen
    print(f"  (source finished, returned {result!r})")
    return result


def sink(name):
    """A coroutine that collects what is sent to it; close() prints a summary."""
    items = []
    try:
        while True:
            item = yield len(items)
            if item is None:
                continue
            items.append(item)
    except GeneratorExit:
        print(f"  sink {name} closed with {len(items)} item(s)")
        raise
    finally:
        print(f"  sink {name} finally")


def window(size):
    """Coroutine: send numbers, receive the moving average of the last `size`."""
    values = []
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print(f"  window reset ({e})")
            values.clear()
            avg = None
            continue
        values.append(x)
        if len(values) > size:
            values.pop(0)
        avg = sum(values) / len(values)


def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)


def delegating(inner_size):
    total = yield from window(inner_size)
    return total


# 1. plain pipeline
print("errors and warnings:")
for r in only({"ERROR", "WARN"}, parse(read_lines(LOG))):
    print(" ", r)

# 2. return values through yield from
print("counting:")
recs = list(counted(parse(read_lines(LOG))))
print("  records:", len(recs), "| levels:", sorted({r.level for r in recs}))

# 3. stats over web requests
reqs = list(web_requests(parse(read_lines(LOG))))
by_status = {}
for method, path, status, ms in reqs:
    by_status.setdefault(status // 100 * 100, []).append(ms)
for status, times in sorted(by_status.items()):
    print(f"  {status}: n={len(times)} mean={sum(times) / len(times):.1f}ms max={max(times)}ms")
slowest = max(reqs, key=lambda q: q[3])
print("  slowest:", slowest, "| paths:", sorted({p for _, p, _, _ in reqs}))

# 4. coroutine sinks fed by a broadcaster
errors, everything = sink("errors"), sink("all")
for s in (errors, everything):
    next(s)


class Filtered:
    def __init__(self, target, level):
        self.target, self.level = target, level

    def send(self, r):
        if r.level == self.level:
            return self.target.send(r)


b = broadcast([Filtered(errors, "ERROR"), everything])
next(b)
for r in parse(read_lines(LOG)):
    b.send(r)
print("  sizes:", errors.send(None), everything.send(None))
b.close()
errors.close()
everything.close()
print("  closed twice is fine:", errors.close())
try:
    errors.send(1)
except StopIteration:
    print("  sending to a closed sink: StopIteration")

# 5. moving averages, throw() to reset, through a delegating generator
w = delegating(3)
print("window:", next(w), [w.send(v) for v in (10, 20, 30, 40)])
print("  after throw:", w.throw(ValueError("manual reset")), w.send(5), w.send(7))
w.close()
print("  closed:", w.gi_running)

# 6. generator states and unstarted close
fresh = window(2)
fresh.close()
try:
    next(fresh)
except StopIteration:
    print("closed before start: exhausted")
try:
    window(2).send(3)
except TypeError as e:
    print("TypeError:", e)

# 7. lazy evaluation order
def noisy(label, items):
    for i in items:
        print(f"  {label} yields {i}")
        yield i


pipeline = (x * 10 for x in noisy("src", range(4)) if x % 2)
print("built pipeline, nothing ran yet")
print("first:", next(pipeline))
print("rest:", list(pipeline))

# 8. a malformed line: the ValueError escapes through parse -> only -> web_requests
BROKEN = LOG + "2024-03-01 10:00:11 INFO\n"
total_ms = 0
for method, path, status, ms in web_requests(only({"INFO"}, parse(read_lines(BROKEN)))):
    total_ms += ms
print("never reached", total_ms)
