#!/usr/bin/env python3
"""tests/fuzz/gen.py - random Python programs for fuzzing tpy.

    /usr/bin/python3 tests/fuzz/gen.py --seed N --count K --out DIR [--mode M]

writes DIR/<mode>_<seed>_<i>.py (bytes; some are not valid UTF-8 on purpose).
Modes (default `mix`, which picks one per file):
  valid   - a random program over tpy's subset (LANGUAGE.md): classes with
            dunders, generators, closures, nonlocal/global, try/finally with
            break/continue/return, with, comprehensions, star-unpacking,
            f-strings with nested specs, big ints, slicing, del, recursion.
            Each top-level chunk runs under `try/except Exception` so one
            error does not hide the rest; output is deterministic (no ids,
            no set-of-str order), so it can be diffed against CPython.
  mutate  - a token-level mutation of one of tests/py/*.py: delete,
            duplicate, swap or replace tokens, truncate, insert odd
            characters (NUL, invalid UTF-8, form feed, CR, BOM, tabs), mix
            tabs and spaces in the indentation.
  stress  - deep nesting of brackets / operators / blocks / lambdas,
            very long lines and literals, many arguments.
The same seed always gives the same files.  scripts/fuzz.sh runs them
(python3 as the oracle, tpy-asan and tpy-debug under timeouts) and sorts out
crashes, leaks, hangs and syntax-error disagreements.
"""
import argparse
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PYDIR = os.path.join(HERE, "..", "py")


# ---- valid programs --------------------------------------------------------

class Gen:
    def __init__(self, rng):
        self.r = rng
        self.vars = ["a", "b", "c", "d", "s", "L", "T", "D"]
        self.depth = 0
        self.nfunc = 0
        self.lines = []
        self.indent = 0

    def emit(self, text):
        for ln in text.split("\n"):
            self.lines.append("    " * self.indent + ln)

    # expressions
    def num(self):
        r = self.r
        k = r.randrange(12)
        if k == 0:
            return str(r.choice([0, 1, -1, 2, 7, 255, 256, 257, -5, -6]))
        if k == 1:
            return "%d" % r.randrange(-10**30, 10**30)
        if k == 2:
            return "(%d ** %d)" % (r.choice([2, 3, 10, -7]), r.randrange(0, 300))
        if k == 3:
            return r.choice(["0x", "0o", "0b"]) + "1" + "_0" * r.randrange(1, 5)
        if k == 4:
            return repr(r.choice([0.5, -0.0, 1e308, 1e-320, 3.14, 1e16, 2.5]))
        if k == 5:
            return r.choice(["True", "False", "None"])
        if k == 6:
            return "(1 << %d)" % r.randrange(0, 200)
        return str(r.randrange(-20, 20))

    def fexpr(self):
        # f-string replacement fields in 3.11 may not reuse the quote
        return self.r.choice(self.vars + [self.num(), "L[1:]", "o1", "(a, b)"])

    def string(self):
        r = self.r
        k = r.randrange(6)
        if k == 0:
            return repr(r.choice(["", "abc", "héllo", "a,b,,c", " x ", "\u20ac\x00\n", "💥"]))
        if k == 1:
            return 'f"{%s!r:>{%d}}"' % (self.fexpr(), r.randrange(0, 12))
        if k == 2:
            return 'f"{%s:{\'<>^\'[%d]}{%d}.{%d}}"' % (
                self.num(), r.randrange(3), r.randrange(0, 9), r.randrange(0, 5))
        if k == 3:
            return 'f"x{%s}y{{}}{%s!s}"' % (self.fexpr(), self.fexpr())
        if k == 4:
            return '"%%s-%%r-%%d" %% (%s, %s, %s)' % (self.expr(1), self.expr(1), self.num())
        return '"{}:{:>5}".format(%s, %s)' % (self.expr(1), self.expr(1))

    def atom(self):
        r = self.r
        k = r.randrange(10)
        if k < 3:
            return r.choice(self.vars)
        if k < 5:
            return self.num()
        if k < 7:
            return self.string()
        if k == 7:
            return "o%d" % r.randrange(3)
        if k == 8:
            return r.choice(["[]", "()", "{}", "set()", "range(5)", "(1,)", "[1, 2, 3]"])
        return "g(%d)" % r.randrange(6)

    def expr(self, d=None):
        r = self.r
        if d is None:
            d = r.randrange(1, 5)
        if d <= 0:
            return self.atom()
        d1 = d - 1
        k = r.randrange(24)
        e = lambda: self.expr(d1)
        if k == 0:
            return "(%s %s %s)" % (e(), r.choice("+ - * / // % & | ^ << >> < > == != <= >= is in".split()), e())
        if k == 1:
            return "(%s %s %s)" % (e(), r.choice(["and", "or", "is not", "not in"]), e())
        if k == 2:
            return "(%s%s)" % (r.choice(["-", "+", "~", "not "]), e())
        if k == 3:
            return "(%s if %s else %s)" % (e(), e(), e())
        if k == 4:
            return "[%s]" % ", ".join(e() for _ in range(r.randrange(4)))
        if k == 5:
            return "(%s,)" % ", ".join(e() for _ in range(r.randrange(1, 4)))
        if k == 6:
            return "{%s}" % ", ".join("%s: %s" % (e(), e()) for _ in range(r.randrange(3)))
        if k == 7:
            return "[%s for %s in %s if %s]" % (e(), "q", e(), e())
        if k == 8:
            return "{%s: %s for q in %s for w in %s}" % (e(), e(), e(), e())
        if k == 9:
            return "[*%s, *%s]" % (e(), e())
        if k == 10:
            return "{**%s, %s: %s}" % (e(), e(), e())
        if k == 11:
            return "%s[%s:%s:%s]" % (e(), e(), e(), r.choice(["", "1", "-1", "2", "0", "-3"]))
        if k == 12:
            return "%s[%s]" % (e(), e())
        if k == 13:
            fn = r.choice(["len", "str", "repr", "sorted", "list", "tuple", "min", "max", "sum",
                           "abs", "int", "float", "bool", "set", "reversed", "iter", "next",
                           "divmod", "pow", "round", "hash", "ord", "chr", "hex", "bin",
                           "any", "all", "enumerate", "zip", "type", "isinstance", "dict",
                           "format", "callable", "frozenset"])
            args = ", ".join(e() for _ in range(r.randrange(0, 3)))
            return "%s(%s)" % (fn, args)
        if k == 14:
            return "(lambda q, w=%s, *a, **k: %s)(%s)" % (e(), e(), e())
        if k == 15:
            return "sum(q for q in %s if q)" % e()
        if k == 16:
            return "(%s).%s" % (e(), r.choice(["x", "y", "__class__", "__dict__", "append", "real",
                                             "keys", "upper", "nope"]))
        if k == 17:
            m = r.choice(["split", "join", "replace", "strip", "find", "count", "index",
                          "append", "pop", "insert", "get", "items", "keys", "update",
                          "sort", "add", "zfill", "center", "startswith", "copy"])
            return "(%s).%s(%s)" % (e(), m, ", ".join(e() for _ in range(r.randrange(0, 3))))
        if k == 18:
            return "(%s ** %d)" % (e(), r.randrange(-3, 40))
        if k == 19:
            return "(%s < %s <= %s != %s)" % (e(), e(), e(), e())
        if k == 20:
            return "(%s * %s)" % (e(), r.choice(["3", "0", "-1", "(10**20)", "(1<<62)"]))
        if k == 21:
            return "list(f%d(%s))" % (r.randrange(max(1, self.nfunc)), e())
        if k == 22:
            return "[(q, w) for q, *w in [(1, 2, 3), %s]]" % e()
        return self.atom()

    # statements
    def target(self):
        return self.r.choice(self.vars)

    def block(self, n, loop=False, func=False):
        self.indent += 1
        for _ in range(max(1, n)):
            self.stmt(loop, func)
        self.indent -= 1

    def stmt(self, loop=False, func=False):
        r = self.r
        self.depth += 1
        if self.depth > 4:
            self.emit("%s = %s" % (self.target(), self.expr(2)))
            self.depth -= 1
            return
        k = r.randrange(26)
        if k < 4:
            self.emit("%s = %s" % (self.target(), self.expr()))
        elif k == 4:
            self.emit("%s %s= %s" % (self.target(), r.choice("+ - * // % & | ^ << >>".split()),
                                      self.expr()))
        elif k == 5:
            self.emit("%s, *%s = %s" % (self.target(), self.target(), self.expr()))
        elif k == 6:
            self.emit("del %s" % r.choice([self.target(), "L[0]", "L[1:3]", "D[%s]" % self.expr(1),
                                           "o0.x", "L[::2]"]))
        elif k == 7:
            self.emit("if %s:" % self.expr())
            self.block(r.randrange(1, 3), loop, func)
            if r.randrange(2):
                self.emit("elif %s:" % self.expr())
                self.block(1, loop, func)
            self.emit("else:")
            self.block(1, loop, func)
        elif k == 8:
            v = "i%d" % self.depth
            self.emit("for %s in %s:" % (v, r.choice(["range(4)", "L", "s", "D", self.expr(2)])))
            self.block(r.randrange(1, 3), True, func)
            if r.randrange(3) == 0:
                self.emit("else:")
                self.block(1, loop, func)
        elif k == 9:
            v = "n%d" % self.depth
            self.emit("%s = 0" % v)
            self.emit("while %s < %d:" % (v, r.randrange(5)))
            self.indent += 1
            self.emit("%s += 1" % v)
            self.indent -= 1
            self.block(r.randrange(1, 3), True, func)
        elif k == 10 and loop:
            self.emit(r.choice(["break", "continue"]))
        elif k == 11 and func:
            self.emit("return %s" % self.expr())
        elif k == 12:
            self.emit("try:")
            self.block(r.randrange(1, 3), loop, func)
            if r.randrange(2):
                self.emit("except %s as e%d:" % (r.choice(["Exception", "(TypeError, ValueError)",
                                                          "ZeroDivisionError", "LookupError"]),
                                                 self.depth))
                self.block(1, loop, func)
                if r.randrange(2):
                    self.emit("else:")
                    self.block(1, loop, func)
            self.emit("finally:")
            self.block(r.randrange(1, 3), loop, func)
        elif k == 13:
            self.emit("with CM(%s) as %s:" % (self.expr(1), self.target()))
            self.block(r.randrange(1, 3), loop, func)
        elif k == 14 and func:
            self.emit("yield %s" % self.expr())
        elif k == 15 and func:
            self.emit("yield from %s" % r.choice(["range(3)", "L", "g(2)", self.expr(1)]))
        elif k == 16:
            self.emit("print(%s)" % ", ".join(self.expr() for _ in range(r.randrange(1, 3))))
        elif k == 17:
            self.emit("raise %s" % r.choice(["ValueError(%s)" % self.expr(1), "KeyError",
                                             "StopIteration", "E1(%s)" % self.expr(1)]))
        elif k == 18:
            self.emit("assert %s, %s" % (self.expr(), self.expr(1)))
        elif k == 19:
            self.emit("L[%s:%s] = %s" % (self.expr(1), self.expr(1), self.expr()))
        elif k == 20:
            self.emit("o%d.x = %s" % (r.randrange(3), self.expr()))
        elif k == 21 and func:
            self.emit("nonlocal_or_global = %s" % self.expr(1))
        else:
            self.emit("print(%s)" % self.expr())
        self.depth -= 1

    def funcdef(self):
        r = self.r
        i = self.nfunc
        self.nfunc += 1
        self.emit("def f%d(a=%s, *args, k=%s, **kw):" % (i, self.expr(1), self.expr(1)))
        self.indent += 1
        self.emit("global D")
        self.emit("x = [0]")
        self.emit("def inner(v):")
        self.emit("    nonlocal x")
        self.emit("    x = x + [v]")
        self.emit("    return x")
        self.block(r.randrange(2, 6), False, True)
        if r.randrange(2):
            self.emit("yield inner(%s)" % self.expr(1))
        self.emit("return inner(%s)" % self.expr(1))
        self.indent -= 1

    def classdef(self):
        r = self.r
        body = [
            "class K%d(%s):" % (self.nfunc, r.choice(["", "Base", "list", "dict", "Exception",
                                                      "int", "str"])),
            "    x = %s" % self.expr(1),
            "    def __repr__(self): return 'K(' + repr(self.x) + ')'",
            "    def __eq__(self, o): return %s" % self.expr(1),
            "    def __hash__(self): return %d" % r.randrange(-3, 100),
            "    def __len__(self): return %s" % r.choice(["3", "-1", "10**20", "'x'", "len(L)"]),
            "    def __bool__(self): return %s" % r.choice(["True", "0", "None", "self.x"]),
            "    def __getitem__(self, i): return %s" % self.expr(1),
            "    def __iter__(self): return iter(%s)" % r.choice(["L", "s", "[1]", "self"]),
            "    def __add__(self, o): return %s" % self.expr(1),
            "    def __radd__(self, o): return %s" % self.expr(1),
            "    def __lt__(self, o): return %s" % self.expr(1),
            "    def __contains__(self, o): return %s" % self.expr(1),
            "    def __call__(self, *a): return %s" % self.expr(1),
            "    def __del__(self): print('del', %s)" % r.choice(["1", "self.x", "L"]),
            "    @property",
            "    def p(self): return super().__repr__ if %s else %s" % (self.expr(1), self.expr(1)),
        ]
        keep = [body[0], body[1]] + [ln for ln in body[2:] if r.randrange(3)]
        # a decorator line must keep its def
        out = []
        for j, ln in enumerate(keep):
            if ln.strip() == "@property" and (j + 1 >= len(keep) or "def p" not in keep[j + 1]):
                continue
            if "def p(" in ln and (j == 0 or keep[j - 1].strip() != "@property"):
                continue
            out.append(ln)
        for ln in out:
            self.emit(ln)
        self.emit("o%d = K%d()" % (r.randrange(3), self.nfunc))
        self.emit("print(%s)" % self.expr(2))

    def program(self):
        r = self.r
        self.emit(PRELUDE)
        for _ in range(r.randrange(3, 12)):
            self.emit("try:")
            self.indent += 1
            k = r.randrange(6)
            if k == 0:
                self.funcdef()
                fi, arg = self.nfunc - 1, self.expr(1)
                self.emit("print(list(f%d(%s)) if hasattr(f%d(), '__next__') else f%d(%s))"
                          % (fi, arg, fi, fi, arg))
            elif k == 1:
                self.classdef()
            elif k == 2:
                self.emit("def rec(n):")
                self.emit("    return rec(n - 1) + 1 if n else %s" % self.expr(1))
                self.emit("print(rec(%d))" % r.choice([10, 500, 5000, 100000]))
            else:
                self.block(r.randrange(1, 5))
            self.indent -= 1
            self.emit("except Exception as exc:")
            self.emit("    print('!', type(exc).__name__)")
        self.emit("print('end', repr(a)[:50], len(L))")
        return "\n".join(self.lines) + "\n"


PRELUDE = '''\
a, b, c, d = 1, 2.5, "xyz", [1, 2]
s = "hello world"
L = [3, 1, 2, "x", None]
T = (1, (2, 3), [4])
D = {1: "one", "k": [2], (3,): {}}
class Base:
    def __init__(self, *a): self.x = a
    def __repr__(self): return "Base" + repr(self.x)
class E1(Exception):
    pass
class CM:
    def __init__(self, v): self.v = v
    def __enter__(self): return self.v
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return isinstance(v, ValueError)
def g(n):
    for i in range(n):
        try:
            yield i
        finally:
            pass
def f0(x=0):
    yield x
o0, o1, o2 = Base(1), Base(), Base("z")'''


# ---- mutations of the existing tests ---------------------------------------

TOKEN_RE = re.compile(rb"""
    [A-Za-z_][A-Za-z0-9_]* | \d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)? |
    '''|\"\"\"|'|\" | \*\*=?|//=?|<<=?|>>=?|[-+*/%&|^<>=!]=|->|:= |
    \n[ \t]* | [ \t]+ | .
""", re.X | re.S)

ODD = [b"\x00", b"\t", b"\x0c", b"\r", b"\r\n", b"\\", b"\xff", b"\xc3", b"\xed\xa0\x80",
       b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\x1b", b"$", b"?", b"`", b"!", b"{", b"}", b"'",
       b'"', b"'''", b"#", b"\\\n", b"\n\t", b"\n    ", b"\x85", b"\xc2\xa0", b"\xf0\x9f\x92",
       b"\xce\xb1", b"\xe2\x84\x98", b"0x", b"1e", b"1_", b"0_1", b"09", b"f'", b"rb'", b"u'",
       b"lambda", b"yield", b"await", b"async", b"match", b":=", b"->", b"@", b"...", b";"]

WORDS = [b"if", b"else", b"for", b"in", b"while", b"def", b"class", b"return", b"yield",
         b"try", b"except", b"finally", b"with", b"as", b"del", b"global", b"nonlocal",
         b"lambda", b"not", b"and", b"or", b"is", b"None", b"pass", b"break", b"continue",
         b"raise", b"from", b"import", b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b".",
         b"*", b"**", b"=", b"+", b"-", b"%", b"@", b"\n", b"    ", b"\t", b"'", b'"',
         b"f\"{", b"}\"", b"0", b"1", b"x", b"_", b"__class__", b"super()", b"print"]


def mutate(rng, src):
    toks = TOKEN_RE.findall(src)
    if not toks:
        toks = [b"x"]
    for _ in range(rng.choice([1, 1, 1, 2, 3, 5, 10])):
        if not toks:
            toks = [rng.choice(WORDS)]
        n = len(toks)
        i = rng.randrange(n)
        k = rng.randrange(10)
        if k == 0:
            del toks[i]
        elif k == 1:
            toks.insert(i, toks[i])
        elif k == 2:
            j = rng.randrange(n)
            toks[i], toks[j] = toks[j], toks[i]
        elif k == 3:
            toks[i] = rng.choice(toks)
        elif k == 4:
            toks.insert(i, rng.choice(ODD))
        elif k == 5:
            toks[i] = rng.choice(WORDS)
        elif k == 6:
            toks = toks[:i] + rng.choice([[], [b"\n"], [b"\\"], [b"("]])
        elif k == 7:
            # tabs/spaces mix in the indentation of one line
            if toks[i].startswith(b"\n") and len(toks[i]) > 1:
                toks[i] = b"\n" + toks[i][1:].replace(b"    ", b"\t", rng.randrange(1, 3))
            else:
                toks.insert(i, b"\n" + b" " * rng.randrange(9))
        elif k == 8:
            j = min(n, i + rng.randrange(1, 30))
            toks[i:i] = toks[i:j]
        else:
            toks.insert(i, b" " * rng.randrange(1, 4))
    return b"".join(toks)


# ---- stress ----------------------------------------------------------------

def stress(rng):
    n = rng.choice([10, 50, 99, 100, 101, 199, 200, 201, 255, 256, 1000, 3000, 20000])
    k = rng.randrange(24)
    if k == 0:
        return "x = " + "(" * n + "1" + ")" * n + "\nprint(x)\n"
    if k == 1:
        return "x = " + "[" * n + "]" * n + "\nprint(len(x))\n"
    if k == 2:
        return "x = " + "-" * n + "1\nprint(x)\n"
    if k == 3:
        return "x = " + "not " * n + "1\nprint(x)\n"
    if k == 4:
        return "x = " + " + ".join(["1"] * n) + "\nprint(x)\n"
    if k == 5:
        return "x = " + "lambda: " * n + "1\nprint(type(x))\n"
    if k == 6:
        m = min(n, 300)
        return "".join(" " * i + "if 1:\n" for i in range(m)) + " " * m + "print('deep')\n"
    if k == 7:
        m = min(n, 300)
        return "".join("\t" * i + "while 1:\n" for i in range(m)) + "\t" * m + "break\n"
    if k == 8:
        return "x = '" + "a" * (n * 100) + "'\nprint(len(x))\n"
    if k == 9:
        return "def f(" + ", ".join("a%d" % i for i in range(n)) + "): return a0\nprint(f(*range(%d)))\n" % n
    if k == 10:
        return "x = " + "{" * n + "}" * n + "\n"
    if k == 11:
        return "x = 1" + " if 1 else 1" * n + "\nprint(x)\n"
    if k == 12:
        return "x = " + "f'{" * min(n, 50) + "1" + "}'" * min(n, 50) + "\nprint(x)\n"
    if k == 13:
        return "x = [" + "1, " * (n * 10) + "]\nprint(len(x))\n"
    if k == 14:
        return "x = 1" + "." * n + "\n"
    if k == 15:
        return "x = a" + ".b" * n + "\n"
    if k == 16:
        return "x = " + "(" * n + "\n"
    if k == 17:
        return "x = " + ")" * rng.randrange(1, 3) + "\n"
    if k == 18:
        return "x = " + "[i for i in " * min(n, 200) + "[1]" + "]" * min(n, 200) + "\nprint(x)\n"
    if k == 19:
        return "x = 1" + " < 1" * n + "\nprint(x)\n"
    if k == 20:
        return "def f():\n" + "".join("    " * (i + 1) + "def f():\n" for i in range(min(n, 200))) + "    " * (min(n, 200) + 1) + "return 1\n"
    if k == 21:
        return "x = 9" * 1 + "9" * (n * 10) + "\nprint(x % 1000)\n"
    if k == 22:
        return "print(" + "*" * rng.randrange(1, 4) + "x" + ")\n"
    if k == 23:
        return "x = " + "~" * n + "+1" * 5 + "\nprint(x)\n"
    return wide(rng, rng.choice([1000, 5000, 20000, 50000]))


def wide(rng, n):
    """Programs that are big rather than deep: many locals, parameters,
    constants, branches, keyword arguments (quadratic compilers show here)."""
    k = rng.randrange(12)
    if k == 0:
        return ("def f():\n" + "".join("    v%d = %d\n" % (i, i) for i in range(n)) +
                "    return v%d\nprint(f())\n" % (n - 1))
    if k == 1:
        return "x = [%s]\nprint(len(x))\n" % ", ".join("'s%d'" % i for i in range(n))
    if k == 2:
        return ("def f(x):\n    if x == 0:\n        return 0\n" +
                "".join("    elif x == %d:\n        return %d\n" % (i, i) for i in range(1, n)) +
                "print(f(%d))\n" % (n - 1))
    if k == 3:
        return "def f(**k): return len(k)\nprint(f(%s))\n" % ", ".join(
            "k%d=%d" % (i, i) for i in range(min(n, 20000)))
    if k == 4:
        return "x = {%s}\nprint(len(x))\n" % ", ".join("'k%d': %d" % (i, i) for i in range(n))
    if k == 5:
        return "x = 1\nprint(%s)\n" % " and ".join(["x"] * n)
    if k == 6:
        return "try:\n    raise KeyError\n" + "".join(
            "except E%d:\n    pass\n" % i for i in range(min(n, 3000))) + "except KeyError:\n    print('k')\n"
    if k == 7:
        m = min(n, 5000)
        return ("def f():\n" + "".join("    v%d = %d\n" % (i, i) for i in range(m)) +
                "    return lambda: " + " + ".join("v%d" % i for i in range(0, m, 7)) + "\nprint(f()())\n")
    if k == 8:
        return "class A:\n" + "".join("    a%d = %d\n" % (i, i) for i in range(n)) + "print(A.a%d)\n" % (n - 1)
    if k == 9:
        return "".join("g%d = %d\n" % (i, i) for i in range(n)) + "def f():\n    return " + " + ".join(
            "g%d" % i for i in range(0, n, 3)) + "\nprint(f())\n"
    if k == 10:
        return "s = %s\nprint(len(s))\n" % " + ".join("'%d'" % i for i in range(n))
    return "def f(%s):\n    return a0\nprint(f(%s))\n" % (
        ", ".join("a%d=%d" % (i, i) for i in range(min(n, 20000))),
        ", ".join("a%d=1" % i for i in range(0, min(n, 20000), 2)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", choices=["mix", "valid", "mutate", "stress"], default="mix")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    srcs = sorted(f for f in os.listdir(PYDIR) if f.endswith(".py") and not f.startswith("_"))
    for i in range(args.count):
        rng = random.Random("%d/%d" % (args.seed, i))
        mode = args.mode
        if mode == "mix":
            mode = rng.choice(["valid", "valid", "mutate", "mutate", "stress"])
        if mode == "valid":
            data = Gen(rng).program().encode()
        elif mode == "mutate":
            with open(os.path.join(PYDIR, rng.choice(srcs)), "rb") as fh:
                data = mutate(rng, fh.read())
        else:
            data = stress(rng).encode()
        with open(os.path.join(args.out, "%s_%d_%d.py" % (mode, args.seed, i)), "wb") as fh:
            fh.write(data)


if __name__ == "__main__":
    main()
