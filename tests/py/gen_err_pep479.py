# A StopIteration escaping a generator becomes RuntimeError (PEP 479); the
# traceback shows both, chained, and the error it happened while handling.
def a():
    yield 1
    raise ValueError("deep")


def b():
    yield from a()


def c():
    for x in b():
        yield x * 2


def run():
    return list(c())


try:
    run()
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames in the traceback:", n)


def st():
    yield 1
    next(iter([]))


def caller():
    try:
        raise KeyError("k")
    except KeyError:
        for x in st():
            pass


caller()
