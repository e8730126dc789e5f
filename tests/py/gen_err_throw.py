# An exception thrown into a generator suspended in `yield from` goes down to
# the innermost generator; uncaught, its traceback lists every level.
def deco(f):
    return f


@deco
def fresh():
    x = 1
    yield x


try:
    fresh().throw(KeyError("never started"))
except KeyError as e:
    print("raised at line", e.__traceback__.tb_next.tb_lineno)


def sub():
    yield 1


def sup():
    yield from sub()


g = sup()
next(g)
g.throw(ValueError("thrown"))
