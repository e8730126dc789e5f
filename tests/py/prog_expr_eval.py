# A small expression language: tokenizer, recursive-descent parser, evaluator.
import math


class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__("%s at position %d" % (msg, pos))
        self.pos = pos


class EvalError(Exception):
    pass


TOKEN_KINDS = ("num", "name", "op", "lparen", "rparen", "comma", "end")


def tokenize(src):
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            while j < n and (src[j].isdigit() or src[j] in "._"):
                j += 1
            text = src[i:j]
            yield ("num", float(text) if "." in text else int(text), i)
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield ("name", src[i:j], i)
            i = j
        elif src.startswith("**", i) or src.startswith("//", i):
            yield ("op", src[i:i + 2], i)
            i += 2
        elif ch in "+-*/%^":
            yield ("op", ch, i)
            i += 1
        elif ch == "(":
            yield ("lparen", ch, i)
            i += 1
        elif ch == ")":
            yield ("rparen", ch, i)
            i += 1
        elif ch == ",":
            yield ("comma", ch, i)
            i += 1
        else:
            raise ParseError("unexpected character %r" % ch, i)
    yield ("end", None, n)


class Node:
    def __init__(self, *children):
        self.children = children

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(map(repr, self.children)))

    def __eq__(self, other):
        return type(self) is type(other) and self.children == other.children


class Num(Node):
    def eval(self, env):
        return self.children[0]


class Var(Node):
    def eval(self, env):
        name = self.children[0]
        try:
            return env[name]
        except KeyError:
            raise EvalError(f"unknown variable {name!r}")


class BinOp(Node):
    OPS = {
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "/": lambda a, b: a / b,
        "//": lambda a, b: a // b,
        "%": lambda a, b: a % b,
        "**": lambda a, b: a ** b,
        "^": lambda a, b: a ^ b,
    }

    def eval(self, env):
        op, left, right = self.children
        a, b = left.eval(env), right.eval(env)
        try:
            return self.OPS[op](a, b)
        except ZeroDivisionError as e:
            raise EvalError("division by zero in %r" % self) from e


class Neg(Node):
    def eval(self, env):
        return -self.children[0].eval(env)


class Call(Node):
    def eval(self, env):
        name, args = self.children[0], self.children[1:]
        fn = env.get(name)
        if not callable(fn):
            raise EvalError("%s is not a function" % name)
        return fn(*[a.eval(env) for a in args])


class Parser:
    PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "//": 2, "%": 2, "^": 0, "**": 4}
    RIGHT = {"**"}

    def __init__(self, src):
        self.tokens = list(tokenize(src))
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None):
        tok = self.tokens[self.pos]
        if kind is not None and tok[0] != kind:
            raise ParseError("expected %s, got %s" % (kind, tok[0]), tok[2])
        self.pos += 1
        return tok

    def parse(self):
        node = self.expr(0)
        self.take("end")
        return node

    def expr(self, min_prec):
        left = self.unary()
        while True:
            kind, val, _ = self.peek()
            if kind != "op" or self.PREC[val] < min_prec:
                return left
            self.take()
            nxt = self.PREC[val] if val in self.RIGHT else self.PREC[val] + 1
            left = BinOp(val, left, self.expr(nxt))

    def unary(self):
        kind, val, pos = self.peek()
        if kind == "op" and val == "-":
            self.take()
            return Neg(self.unary())
        if kind == "op" and val == "+":
            self.take()
            return self.unary()
        return self.atom()

    def atom(self):
        kind, val, pos = self.take()
        if kind == "num":
            return Num(val)
        if kind == "name":
            if self.peek()[0] == "lparen":
                self.take()
                args = []
                if self.peek()[0] != "rparen":
                    args.append(self.expr(0))
                    while self.peek()[0] == "comma":
                        self.take()
                        args.append(self.expr(0))
                self.take("rparen")
                return Call(val, *args)
            return Var(val)
        if kind == "lparen":
            inner = self.expr(0)
            self.take("rparen")
            return inner
        raise ParseError("unexpected %s" % kind, pos)


def make_env(**extra):
    env = {"pi": math.pi, "e": math.e}
    env.update(
        sqrt=math.sqrt, sin=math.sin, cos=math.cos, floor=math.floor, ceil=math.ceil,
        abs=abs, max=max, min=min, gcd=math.gcd, fact=math.factorial, log=math.log,
        hypot=math.hypot, pow=pow, round=round,
    )
    env.update(extra)
    return env


def counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


evaluations = counter()


def evaluate(src, **variables):
    evaluations()
    return Parser(src).parse().eval(make_env(**variables))


tests = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ** 3 ** 2",
    "-2 ** 2",
    "7 // 2, 7",
    "-7 // 2",
    "-7 % 3",
    "7 % -3",
    "10 / 4",
    "2 ** 100",
    "2 ** -1",
    "fact(25) // fact(23)",
    "sqrt(2) * sqrt(2)",
    "hypot(3, 4)",
    "floor(-2.5) + ceil(-2.5)",
    "gcd(12, 18) ^ 5",
    "max(1, x, 3) * y",
    "round(pi, 3)",
    "log(e ** 2)",
    "1_000 * 3",
    ".5 + 0.25",
    "0.1 + 0.2",
    "1 / 3",
    "2 ** 0.5",
    "fact(30)",
    "-(-(3))",
    "pow(3, 4, 5)",
]
for src in tests:
    try:
        print("%-24s = %r" % (src, evaluate(src, x=10, y=-2)))
    except (ParseError, EvalError) as exc:
        print("%-24s ! %s: %s" % (src, type(exc).__name__, exc))

print(repr(Parser("1 + a * f(2, -b)").parse()))
print(Parser("1+2").parse() == Parser(" 1 + 2 ").parse(), Parser("1+2").parse() == Parser("2+1").parse())
toks = list(tokenize("a+1"))
print(toks, [k for k, *_ in toks])

errors = ["1 +", "(1 + 2", "1 $ 2", "foo(1, 2", "1 / 0", "zz * 2", "pi(3)", "5 // (2 - 2)", "fact(-1)", "sqrt(-1)", ")"]
for src in errors:
    try:
        evaluate(src)
    except ParseError as exc:
        print("parse:", exc, exc.pos)
    except EvalError as exc:
        cause = exc.__cause__
        print("eval:", exc, "| cause:", type(cause).__name__ if cause else None)
    except ValueError as exc:
        print("value:", exc)
print("evaluations:", evaluations(0))


# closures capturing loop variables, functional helpers
adders = [lambda v, k=k: v + k for k in range(4)]
late = [lambda v: v + k for k in range(4)]
print([f(10) for f in adders], [f(10) for f in late])


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x

    composed.__name__ = "composed_%d" % len(fns)
    return composed


inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), inc_then_double.__name__)


def memo(fn):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), len(fib.cache))


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(500))
try:
    deep(100000)
except RecursionError as exc:
    print("RecursionError:", exc)

print(list(map(lambda t: t[0] * t[1], zip(range(5), range(5, 10)))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted(tests, key=len)[:3], min(tests, key=len), max(tests, key=lambda s: (len(s), s)))


def kw(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(kw(1, c=3), kw(1, 2, 3, 4, c=5, z=6, y=7), kw(*[1, 2], **{"c": 0, "d": 1}))
for bad in (lambda: kw(), lambda: kw(1), lambda: kw(1, c=1, a=2), lambda: kw(1, 2, c=3, **{"c": 4})):
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)
try:
    (lambda x: x)(1, 2)
except TypeError as exc:
    print("TypeError:", exc)
try:
    evaluate("1 +* 2")
except ParseError as exc:
    raise ValueError("could not evaluate") from exc
