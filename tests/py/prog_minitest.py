# A unittest-like mini framework: decorators register tests, fixtures come from
# closures and context managers, assertion helpers raise rich failures, and the
# runner reports results with str.format / % / f-strings.  The last test's
# error escapes on purpose to show a chained traceback.

import sys

REGISTRY = []
_counter = 0


class SkipTest(Exception):
    pass


class Failure(AssertionError):
    def __init__(self, message, *, expected=None, actual=None):
        super().__init__(message)
        self.expected = expected
        self.actual = actual

    def __str__(self):
        base = super().__str__()
        if self.expected is None and self.actual is None:
            return base
        return f"{base} (expected {self.expected!r}, got {self.actual!r})"


def test(fn=None, *, tags=(), repeat=1):
    """Usable as @test or @test(tags=..., repeat=...)."""
    def register(f):
        global _counter
        _counter += 1
        entry = {"name": f.__name__, "func": f, "tags": set(tags), "repeat": repeat,
                 "order": _counter, "doc": (f.__doc__ or "").strip()}
        REGISTRY.append(entry)
        f.registered = True
        return f
    if fn is not None:
        return register(fn)
    return register


def skip(reason):
    def deco(f):
        def wrapper(*a, **k):
            raise SkipTest(reason)
        wrapper.__name__ = f.__name__
        wrapper.__doc__ = f.__doc__
        wrapper.__wrapped__ = f
        return wrapper
    return deco


def expect_raises(exc_type, match=None):
    class Ctx:
        def __enter__(self):
            self.exception = None
            return self

        def __exit__(self, et, ev, tb):
            if et is None:
                raise Failure(f"{exc_type.__name__} not raised")
            if not issubclass(et, exc_type):
                return False  # let the unexpected error propagate
            if match is not None and match not in str(ev):
                raise Failure("message mismatch", expected=match, actual=str(ev))
            self.exception = ev
            return True
    return Ctx()


def check_equal(actual, expected, what="values"):
    if actual != expected:
        raise Failure(f"{what} differ", expected=expected, actual=actual)


def check_true(cond, message="condition is false"):
    if not cond:
        raise Failure(message)


def fixture(factory):
    cache = {}

    def get():
        if "value" not in cache:
            cache["value"] = factory()
            cache["calls"] = 0
        cache["calls"] += 1
        return cache["value"]
    get.cache = cache
    return get


@fixture
def people():
    return [("ada", 36), ("grace", 85), ("linus", 54), ("guido", 67), ("barbara", 83)]


# ---- the tests -------------------------------------------------------------

@test
def test_sorting():
    "sorted with keys and reverse"
    data = people()
    check_equal([n for n, _ in sorted(data, key=lambda p: p[1])][:2], ["ada", "linus"])
    check_equal(sorted(data, key=lambda p: (-len(p[0]), p[0]))[0][0], "barbara")
    check_equal(max(data, key=lambda p: p[1]), ("grace", 85), "oldest")


@test(tags={"math"})
def test_arith():
    check_equal(7 // -2, -4)
    check_equal(-7 % 3, 2)
    check_equal(2 ** 64, 18446744073709551616)
    check_equal(round(2.675, 2), 2.67)
    check_equal(divmod(-17, 5), (-4, 3))
    check_true(0.1 + 0.2 != 0.3, "float rounding")


@test(tags={"math"}, repeat=3)
def test_repeat_counts():
    data = people()
    check_equal(len(data), 5)


@test
def test_expected_failure_message():
    check_equal({"a": 1, "b": [2, 3]}, {"a": 1, "b": [2, 4]}, "dicts")


@test
def test_raises_ok():
    with expect_raises(KeyError) as ctx:
        {}["missing"]
    check_equal(repr(ctx.exception), "KeyError('missing')")
    with expect_raises(ValueError, match="invalid literal"):
        int("12a")
    with expect_raises(ZeroDivisionError):
        1 / 0


@test
def test_raises_wrong_message():
    with expect_raises(ValueError, match="nope"):
        int("xyz")


@test
def test_raises_not_raised():
    with expect_raises(IndexError):
        [1, 2, 3][2]


@test(tags={"slow"})
@skip("needs network")
def test_network():
    "talks to the outside world"
    raise RuntimeError("should not run")


@test
def test_unexpected_error():
    d = {"x": 1}
    return d["y"] + 1


@test
def test_nested_functions():
    def make_counter(start=0, step=1):
        value = start

        def inc():
            nonlocal value
            value += step
            return value
        return inc
    c = make_counter(10, 5)
    check_equal([c(), c(), c()], [15, 20, 25])
    adders = [lambda x, n=n: x + n for n in range(4)]
    check_equal([f(10) for f in adders], [10, 11, 12, 13])
    late = [lambda x: x + n for n in range(4)]
    check_equal([f(10) for f in late], [13, 13, 13, 13])


@test(tags={"strings"})
def test_formatting():
    row = ("widget", 3, 4.5)
    check_equal("%-8s|%3d|%6.2f" % row, "widget  |  3|  4.50")
    check_equal("{0:>8}|{1:03d}|{2:+.1e}".format(*row), "  widget|003|+4.5e+00")
    check_equal(f"{row[0]!r:^12}", "  'widget'  ")
    check_equal(f"{12345678:,}", "12,345,678")
    check_equal(f"{0.5:.0%}", "50%")
    check_equal(format(255, "#06x"), "0x00ff")


# ---- the runner ------------------------------------------------------------

class Result:
    def __init__(self):
        self.passed = []
        self.failed = []
        self.errors = []
        self.skipped = []

    @property
    def total(self):
        return sum(map(len, (self.passed, self.failed, self.errors, self.skipped)))

    def summary(self):
        parts = []
        for label, group in (("passed", self.passed), ("failed", self.failed),
                             ("errors", self.errors), ("skipped", self.skipped)):
            if group:
                parts.append("%s=%d" % (label, len(group)))
        return "Ran {} test{}: {}".format(self.total, "" if self.total == 1 else "s", ", ".join(parts))


def run(selected_tags=None, verbose=True):
    result = Result()
    for entry in sorted(REGISTRY, key=lambda e: e["order"]):
        if selected_tags and not (entry["tags"] & selected_tags):
            continue
        name = entry["name"]
        for i in range(entry["repeat"]):
            label = name if entry["repeat"] == 1 else f"{name}[{i}]"
            try:
                entry["func"]()
            except SkipTest as s:
                result.skipped.append((label, str(s)))
                status = f"SKIP ({s})"
            except Failure as f:
                result.failed.append((label, f))
                status = f"FAIL: {f}"
            except Exception as e:
                result.errors.append((label, e))
                tb = e.__traceback__
                depth = 0
                while tb is not None:
                    depth += 1
                    tb = tb.tb_next
                status = f"ERROR: {type(e).__name__}: {e} (traceback depth {depth})"
            else:
                result.passed.append(label)
                status = "ok"
            if verbose:
                doc = f"  -- {entry['doc']}" if entry["doc"] else ""
                print(f"{label:<32} {status}{doc}")
    return result


res = run()
print(res.summary())
print("fixture calls:", people.cache["calls"])
print("math only:", run({"math"}, verbose=False).summary())
print("strings/slow:", run({"strings", "slow"}, verbose=False).summary())
print("registered:", [e["name"] for e in REGISTRY if getattr(e["func"], "registered", False)])
print("wrapped:", test_network.__wrapped__.__name__, test_network.__doc__)

failures = sorted(res.failed, key=lambda p: p[0])
for label, f in failures:
    print(f"  {label}: expected={f.expected!r} actual={f.actual!r} args={f.args}")

if res.errors:
    label, err = res.errors[0]
    try:
        raise RuntimeError(f"{len(res.errors)} test(s) crashed, first: {label}") from err
    except RuntimeError as final:
        print("cause is original:", final.__cause__ is err, type(final.__cause__).__name__)
        sys.stdout.flush()
        exit_code = len(res.failed) + len(res.errors)

# the final error escapes: traceback with the cause printed first
def finish():
    try:
        {}["config"]
    except KeyError as e:
        raise SystemError("runner crashed") from e

try:
    finish()
finally:
    print("exit code would be", exit_code)
