# A calculator: a generator tokenizer, a peekable wrapper, a recursive-descent
# parser pulling tokens lazily, and a push-style line protocol parser driven
# with send().  Errors raised deep inside generators reach the REPL loop.
import sys


class CalcError(Exception):
    pass


class LexError(CalcError):
    pass


class ParseError(CalcError):
    pass


def tokenize(text):
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < n and (text[j].isdigit() or text[j] == "."):
                j += 1
            num = text[i:j]
            try:
                yield ("num", float(num) if "." in num else int(num))
            except ValueError:
                raise LexError("bad number %r" % num) from None
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            yield ("name", text[i:j])
            i = j
        elif ch in "+-*/%^(),=":
            yield ("op", ch)
            i += 1
        else:
            raise LexError("unexpected character %r at %d" % (ch, i))
    yield ("end", None)


class Peekable:
    def __init__(self, it):
        self.it = iter(it)
        self.buf = []

    def peek(self):
        if not self.buf:
            self.buf.append(next(self.it))
        return self.buf[0]

    def __next__(self):
        if self.buf:
            return self.buf.pop()
        return next(self.it)

    def __iter__(self):
        return self


FUNCS = {"max": max, "min": min, "abs": abs}


class Parser:
    def __init__(self, text, env):
        self.toks = Peekable(tokenize(text))
        self.env = env

    def expect(self, kind, value=None):
        k, v = next(self.toks)
        if k != kind or (value is not None and v != value):
            raise ParseError("expected %s %s, got %s %r" % (kind, value or "", k, v))
        return v

    def statement(self):
        k, v = self.toks.peek()
        if k == "name":
            name = v
            next(self.toks)
            if self.toks.peek() == ("op", "="):
                next(self.toks)
                val = self.expr()
                self.expect("end")
                self.env[name] = val
                return name, val
            val = self.expr(first_name=name)
        else:
            val = self.expr()
        self.expect("end")
        return None, val

    def expr(self, first_name=None):
        left = self.term(first_name)
        while self.toks.peek() in (("op", "+"), ("op", "-")):
            op = next(self.toks)[1]
            right = self.term()
            left = left + right if op == "+" else left - right
        return left

    def term(self, first_name=None):
        left = self.power(first_name)
        while self.toks.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = next(self.toks)[1]
            right = self.power()
            try:
                if op == "*":
                    left = left * right
                elif op == "/":
                    left = left / right
                else:
                    left = left % right
            except ZeroDivisionError as e:
                raise CalcError("math error: %s" % e)
        return left

    def power(self, first_name=None):
        base = self.unary(first_name)
        if self.toks.peek() == ("op", "^"):
            next(self.toks)
            return base ** self.power()
        return base

    def unary(self, first_name=None):
        if first_name is None and self.toks.peek() == ("op", "-"):
            next(self.toks)
            return -self.unary()
        return self.atom(first_name)

    def atom(self, first_name=None):
        if first_name is not None:
            k, v = "name", first_name
        else:
            k, v = next(self.toks)
        if k == "num":
            return v
        if k == "name":
            if self.toks.peek() == ("op", "("):
                next(self.toks)
                args = list(self.arguments())
                if v not in FUNCS:
                    raise CalcError("unknown function %s" % v)
                return FUNCS[v](*args)
            try:
                return self.env[v]
            except KeyError:
                raise CalcError("unknown variable %s" % v)
        if (k, v) == ("op", "("):
            val = self.expr()
            self.expect("op", ")")
            return val
        raise ParseError("unexpected %s %r" % (k, v))

    def arguments(self):
        if self.toks.peek() == ("op", ")"):
            next(self.toks)
            return
        while True:
            yield self.expr()
            k, v = next(self.toks)
            if (k, v) == ("op", ")"):
                return
            if (k, v) != ("op", ","):
                raise ParseError("bad argument list near %r" % (v,))


def repl(lines):
    env = {"pi": 3.14159}
    for line in lines:
        try:
            name, val = Parser(line, env).statement()
        except CalcError as e:
            ctx = e.__context__
            print("%-22s -> %s: %s%s" % (line, type(e).__name__, e,
                                         " (while: %r)" % ctx if ctx else ""))
            continue
        print("%-22s -> %s%r" % (line, name + " = " if name else "", val))
    print("exc_info after the loop:", sys.exc_info()[0])


repl([
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "-2 ^ 2",
    "x = 7 % 4",
    "x * pi",
    "max(1, x, 2) + min(4, 5)",
    "abs(-3.5)",
    "1 / 0",
    "y + 1",
    "foo(1)",
    "3 $ 4",
    "1..2 + 3",
    "(1 + 2",
    "max(1 2)",
    "10 / 4",
])


# a push parser: feed it characters, it sends complete records downstream
def records(target):
    while True:
        fields = []
        cur = []
        while True:
            ch = yield
            if ch == ",":
                fields.append("".join(cur))
                cur = []
            elif ch == "\n":
                fields.append("".join(cur))
                break
            elif ch == "\\":
                cur.append((yield))
            else:
                cur.append(ch)
        try:
            target.send(fields)
        except ValueError as e:
            print("  downstream rejected", fields, "->", e)
        except StopIteration:
            print("  downstream is finished; dropping", fields)
            return len(fields)


def summing():
    total = 0
    try:
        while True:
            fields = yield
            if len(fields) != 2:
                raise ValueError("need 2 fields, got %d" % len(fields))
            total += int(fields[1])
            print("  record", fields[0], "running total", total)
    finally:
        print("  summing closed with total", total)


sink = summing()
next(sink)
p = records(sink)
next(p)
for ch in "apples,3\npears,4\nbad\nco\\,mma,5\nplums,x\n":
    try:
        p.send(ch)
    except StopIteration as stop:
        print("  parser stopped, last record had", stop.value, "fields")
        break
print("sink running:", sink.gi_suspended)
sink.close()
