# A small Lisp: tokenizer, reader, environments with closures, special forms,
# tail calls through a trampoline loop, errors as a custom exception
# hierarchy with source positions, and a REPL driven by a list of inputs.


class LispError(Exception):
    pass


class ReadError(LispError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at offset {pos}")
        self.pos = pos


class EvalError(LispError):
    pass


class Symbol(str):
    __slots__ = ()

    def __repr__(self):
        return f"Symbol({str(self)!r})"


NIL = []


def tokenize(src):
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c == ";":
            while i < n and src[i] != "\n":
                i += 1
        elif c in "()'":
            yield c, i
            i += 1
        elif c == '"':
            j = i + 1
            buf = []
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    j += 1
                    buf.append({"n": "\n", "t": "\t"}.get(src[j], src[j]))
                else:
                    buf.append(src[j])
                j += 1
            if j >= n:
                raise ReadError("unterminated string", i)
            yield ("str", "".join(buf)), i
            i = j + 1
        else:
            j = i
            while j < n and not src[j].isspace() and src[j] not in "()';":
                j += 1
            yield src[i:j], i
            i = j


def atom(tok):
    if isinstance(tok, tuple):
        return tok[1]
    for conv in (int, float):
        try:
            return conv(tok)
        except ValueError:
            pass
    if tok == "#t":
        return True
    if tok == "#f":
        return False
    return Symbol(tok)


def read_all(src):
    tokens = list(tokenize(src))
    pos = 0

    def read():
        nonlocal pos
        if pos >= len(tokens):
            raise ReadError("unexpected end of input", len(src))
        tok, at = tokens[pos]
        pos += 1
        if tok == "(":
            items = []
            while True:
                if pos >= len(tokens):
                    raise ReadError("missing )", at)
                if tokens[pos][0] == ")":
                    pos += 1
                    return items
                items.append(read())
        if tok == ")":
            raise ReadError("unexpected )", at)
        if tok == "'":
            return [Symbol("quote"), read()]
        return atom(tok)

    forms = []
    while pos < len(tokens):
        forms.append(read())
    return forms


class Env(dict):
    def __init__(self, names=(), values=(), outer=None):
        super().__init__(zip(names, values))
        self.outer = outer

    def find(self, name):
        env = self
        while env is not None:
            if name in env:
                return env
            env = env.outer
        raise EvalError(f"unbound symbol: {name}")


class Lambda:
    def __init__(self, params, body, env, name="lambda"):
        self.params, self.body, self.env, self.name = params, body, env, name

    def __repr__(self):
        return f"<{self.name}/{len(self.params)}>"


def to_str(x):
    if x is True:
        return "#t"
    if x is False:
        return "#f"
    if isinstance(x, Symbol):
        return str(x)
    if isinstance(x, str):
        return '"' + x.replace('"', '\\"') + '"'
    if isinstance(x, list):
        return "(" + " ".join(map(to_str, x)) + ")"
    if isinstance(x, float):
        return repr(x)
    return str(x)


def builtin_env():
    import math
    env = Env()

    def arith(fn, name):
        def f(*args):
            for a in args:
                if not isinstance(a, (int, float)) or isinstance(a, bool):
                    raise EvalError(f"{name}: not a number: {to_str(a)}")
            return fn(*args)
        return f

    def div(a, *rest):
        for r in rest:
            if r == 0:
                raise EvalError("/: division by zero")
            a = a // r if isinstance(a, int) and isinstance(r, int) and a % r == 0 else a / r
        return a

    env.update({
        "+": arith(lambda *a: sum(a), "+"),
        "-": arith(lambda a, *r: a - sum(r) if r else -a, "-"),
        "*": arith(lambda *a: __import__("math").prod(a) if False else _prod(a), "*"),
        "/": arith(div, "/"),
        "<": arith(lambda a, b: a < b, "<"),
        "=": lambda a, b: a == b,
        "sqrt": arith(math.sqrt, "sqrt"),
        "car": lambda x: x[0],
        "cdr": lambda x: x[1:],
        "cons": lambda a, b: [a] + b,
        "list": lambda *a: list(a),
        "null?": lambda x: x == NIL,
        "length": len,
        "display": lambda *a: print(*map(lambda v: v if isinstance(v, str) and not isinstance(v, Symbol) else to_str(v), a)),
    })
    return env


def _prod(xs):
    r = 1
    for x in xs:
        r *= x
    return r


def evaluate(x, env):
    while True:
        if isinstance(x, Symbol):
            return env.find(x)[x]
        if not isinstance(x, list):
            return x
        if not x:
            raise EvalError("cannot evaluate ()")
        op, *args = x
        if op == "quote":
            return args[0]
        if op == "if":
            test, then, *alt = args
            x = then if evaluate(test, env) is not False else (alt[0] if alt else NIL)
            continue
        if op == "define":
            target, *body = args
            if isinstance(target, list):
                name, params = target[0], target[1:]
                env[name] = Lambda(params, body, env, name)
            else:
                env[target] = evaluate(body[0], env)
            return None
        if op == "set!":
            env.find(args[0])[args[0]] = evaluate(args[1], env)
            return None
        if op == "lambda":
            return Lambda(args[0], args[1:], env)
        if op == "let":
            names = [b[0] for b in args[0]]
            vals = [evaluate(b[1], env) for b in args[0]]
            env = Env(names, vals, env)
            for form in args[1:-1]:
                evaluate(form, env)
            x = args[-1]
            continue
        if op == "begin":
            for form in args[:-1]:
                evaluate(form, env)
            x = args[-1]
            continue
        fn = evaluate(op, env)
        vals = [evaluate(a, env) for a in args]
        if isinstance(fn, Lambda):
            if len(vals) != len(fn.params):
                raise EvalError(f"{fn.name}: expected {len(fn.params)} args, got {len(vals)}")
            env = Env(fn.params, vals, fn.env)
            for form in fn.body[:-1]:
                evaluate(form, env)
            x = fn.body[-1]
            continue
        if not callable(fn):
            raise EvalError(f"not a procedure: {to_str(fn)}")
        try:
            return fn(*vals)
        except TypeError as e:
            raise EvalError(f"bad call to {to_str(op)}: {e}") from e
        except (IndexError, ValueError) as e:
            raise EvalError(f"{to_str(op)}: {e}") from None


PROGRAM = r"""
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(define (loop i acc) (if (= i 0) acc (loop (- i 1) (+ acc i))))
(define (map f xs) (if (null? xs) '() (cons (f (car xs)) (map f (cdr xs)))))
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
"""

env = builtin_env()
for form in read_all(PROGRAM):
    evaluate(form, env)

inputs = [
    "(fact 20)",
    "(fact 30)",
    "(loop 5000 0)",
    "(map (lambda (x) (* x x)) '(1 2 3 4))",
    "(begin (c) (c) (c))",
    "(let ((a 1.5) (b 2)) (/ a b))",
    "(/ 10 4) (/ 12 4) (sqrt 2)",
    '(display "hello\\tworld" (list 1 "two" (quote three)) #t)',
    "(car '())",
    "(undefined-thing 1)",
    "(fact 1 2)",
    "(+ 1 \"a\")",
    "(/ 1 0)",
    "(sqrt -1)",
    "(1 2 3)",
    "(car 5)",
    "(define x",
    ")",
    '"open',
    "()",
    "'(a (b \"c\") 1.0 #f)",
    "c fact",
]
for i, line in enumerate(inputs, 1):
    try:
        for form in read_all(line):
            value = evaluate(form, env)
            if value is not None:
                print(f"[{i}] {to_str(value)}")
    except ReadError as e:
        print(f"[{i}] read error: {e} (pos={e.pos})")
    except EvalError as e:
        cause = e.__cause__
        print(f"[{i}] eval error: {e}" + (f" <- {type(cause).__name__}" if cause else ""))
print(sorted(k for k in env if k.isalpha()), isinstance(Symbol("a"), str), repr(Symbol("q")))
