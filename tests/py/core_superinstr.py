# Instruction pairs run as one superinstruction (vm/opcodes.h): each half must
# still behave, fail and report its position like the plain instructions.
def pairs(n):
    a = n
    b = a + 1          # LOAD_FAST + LOAD_CONST + BINARY_OP
    c = a * b          # LOAD_FAST + LOAD_FAST
    return c - 2       # LOAD_CONST + RETURN via BINARY_OP


print(pairs(3), pairs(-7))


def is_branches(x):
    out = []
    if x is None:
        out.append("none")
    if x is not None:
        out.append("some")
    while x is not None and x > 0:     # a jump lands between halves of pairs
        x -= 1
        out.append(x)
    return out


print(is_branches(None), is_branches(3))


def unbound_second():
    a = 1
    if a is None:
        b = 2
    return a + b       # LOAD_FAST a, LOAD_FAST b: the second half fails


def unbound_first():
    if False:
        z = 0
    return z + 1       # the first half of LOAD_FAST + LOAD_CONST fails


for f in (unbound_second, unbound_first):
    try:
        f()
    except UnboundLocalError as e:
        print(type(e).__name__, e)


def global_call():
    return len("abc") + abs(-2)     # LOAD_GLOBAL + PUSH_NULL


print(global_call())


def missing_global():
    return undefined_name(1)


try:
    missing_global()
except NameError as e:
    print(e)


class K:
    def __init__(self):
        self.v = 5

    def get(self):
        return self.v


def attr(k):
    return k.v + k.get()     # LOAD_FAST + LOAD_ATTR, LOAD_FAST + LOAD_METHOD


print(attr(K()))


def subscr(t):
    return t[0] + t[-1]      # LOAD_CONST + BINARY_SUBSCR


print(subscr((4, 5, 6)))


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(500))
print(unbound_first())
