# Log analysis with generator pipelines: sources, filters, generator
# expressions, push-style coroutines fed with send(), and errors that cross
# the generator boundaries.
import sys

LOG = """\
2024-01-03 10:00:01 INFO  web  GET /index.html 200 1532
2024-01-03 10:00:02 INFO  web  GET /about.html 200 873
2024-01-03 10:00:02 WARN  db   slow query 1250ms
2024-01-03 10:00:05 ERROR web  GET /api/items 500 0
2024-01-03 10:00:07 INFO  web  POST /api/items 201 64
this line is garbage
2024-01-03 10:00:09 INFO  auth login ok user=alice
2024-01-03 10:00:10 ERROR auth login failed user=bob
2024-01-03 10:00:11 INFO  web  GET /index.html 304 0
2024-01-03 10:00:15 WARN  web  GET /old 301 12
2024-01-03 10:00:20 INFO  db   vacuum done
2024-01-03 10:00:21 ERROR db   connection reset
"""


class ParseError(Exception):
    def __init__(self, lineno, text):
        super().__init__("line %d: %r" % (lineno, text))
        self.lineno = lineno


def lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line


def parse(numbered, strict=False):
    for n, line in numbered:
        parts = line.split(None, 4)
        if len(parts) < 5 or parts[2] not in ("INFO", "WARN", "ERROR"):
            if strict:
                raise ParseError(n, line)
            continue
        date, time, level, source, msg = parts
        yield {"n": n, "time": time, "level": level, "source": source, "msg": msg}


def only(records, **want):
    for r in records:
        if all(r[k] == v for k, v in want.items()):
            yield r


def http(records):
    for r in records:
        words = r["msg"].split()
        if len(words) == 4 and words[0] in ("GET", "POST"):
            method, path, status, size = words
            yield dict(r, method=method, path=path, status=int(status), size=int(size))


def window(items, size):
    buf = []
    for it in items:
        buf.append(it)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def take(n, items):
    for i, x in enumerate(items):
        if i >= n:
            return
        yield x


# ---- push side: coroutines --------------------------------------------------


def coroutine(f):
    def start(*a, **k):
        c = f(*a, **k)
        next(c)
        return c
    return start


@coroutine
def counter(results, key):
    counts = {}
    try:
        while True:
            r = yield
            counts[r[key]] = counts.get(r[key], 0) + 1
    except GeneratorExit:
        results[key] = sorted(counts.items())
        raise


@coroutine
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)


@coroutine
def broadcast(targets):
    try:
        while True:
            item = yield
            for t in targets:
                t.send(item)
    finally:
        for t in targets:
            t.close()


@coroutine
def alarm(limit):
    errors = 0
    while True:
        r = yield
        if r["level"] == "ERROR":
            errors += 1
            if errors >= limit:
                raise RuntimeError("too many errors (%d), last: %s" % (errors, r["msg"]))


def feed(source, target):
    for item in source:
        target.send(item)
    target.close()


def main():
    recs = list(parse(lines(LOG)))
    print("records:", len(recs), "first:", recs[0]["time"], "last:", recs[-1]["time"])
    print("errors:", [r["n"] for r in only(recs, level="ERROR")])
    print("web errors:", [r["msg"] for r in only(recs, level="ERROR", source="web")])
    reqs = list(http(parse(lines(LOG))))
    print("bytes by path:", sorted({p: sum(r["size"] for r in reqs if r["path"] == p)
                                    for p in set(r["path"] for r in reqs)}.items()))
    print("statuses:", sorted(set(r["status"] for r in reqs)))
    web = only(recs, source="web")
    print("windows:", [tuple(r["n"] for r in w) for w in take(3, window(web, 2))])

    results = {}
    feed(parse(lines(LOG)), broadcast([counter(results, "level"), counter(results, "source")]))
    print("by level:", results["level"])
    print("by source:", results["source"])

    avg = averager()
    for r in reqs:
        a = avg.send(r["size"])
    print("running avg: %.2f" % a)
    try:
        avg.send(None)
    except StopIteration as stop:
        print("averager returned", stop.value)

    try:
        list(parse(lines(LOG), strict=True))
    except ParseError as e:
        print("strict parse failed:", e, "at", e.lineno)

    a = alarm(3)
    try:
        feed(parse(lines(LOG)), a)
    except RuntimeError as e:
        print("alarm:", e)
        print("alarm generator suspended:", a.gi_suspended)

    # an error inside a consumer while the producer is mid-iteration
    def producer():
        try:
            for r in parse(lines(LOG)):
                yield r
        finally:
            print("producer cleanup, handling:", sys.exc_info()[0])

    try:
        for r in producer():
            if r["level"] == "WARN":
                raise KeyError(r["n"])
    except KeyError as e:
        print("consumer stopped at line", e.args[0])

    # generator expressions are lazy: the error appears when consumed
    g = (100 // (r["size"] - 64) for r in reqs)
    out = []
    try:
        for v in g:
            out.append(v)
    except ZeroDivisionError as e:
        print("lazy failure after", out, ":", e)
    print("exhausted after error:", list(g))


main()
