# A tiny stack machine: an assembler with labels and constants, a VM that is a
# generator (it yields what the program prints and receives input through
# send()), a disassembler, a tracer built from a decorator, and error
# reporting that points at the source line.  The script ends through
# sys.exit with the status of the last program.
import sys


class AsmError(Exception):
    def __init__(self, lineno, line, msg):
        super().__init__(f"line {lineno}: {msg}: {line.strip()!r}")
        self.lineno = lineno


class VMError(RuntimeError):
    def __init__(self, pc, op, msg):
        super().__init__(f"pc={pc} ({op}): {msg}")
        self.pc = pc


OPS = {
    # name: (operand kind, stack effect description)
    "push": ("int", "-- n"), "pop": (None, "a --"), "dup": (None, "a -- a a"),
    "swap": (None, "a b -- b a"), "over": (None, "a b -- a b a"),
    "add": (None, "a b -- a+b"), "sub": (None, "a b -- a-b"), "mul": (None, "a b -- a*b"),
    "div": (None, "a b -- a//b"), "mod": (None, "a b -- a%b"), "neg": (None, "a -- -a"),
    "eq": (None, "a b -- a==b"), "lt": (None, "a b -- a<b"),
    "jmp": ("label", "--"), "jz": ("label", "c --"), "jnz": ("label", "c --"),
    "call": ("label", "-- (ret)"), "ret": (None, "(ret) --"),
    "load": ("var", "-- v"), "store": ("var", "v --"),
    "print": (None, "a --"), "emit": (None, "c --"), "read": (None, "-- n"), "halt": (None, "--"),
}


def tokenize(source):
    for lineno, raw in enumerate(source.splitlines(), 1):
        line = raw.split(";", 1)[0].strip()
        if not line:
            continue
        yield lineno, raw, line


def assemble(source):
    consts, labels, pending = {}, {}, []
    for lineno, raw, line in tokenize(source):
        if line.startswith(".const"):
            try:
                _, name, value = line.split()
                consts[name] = int(value, 0)
            except ValueError:
                raise AsmError(lineno, raw, "bad constant") from None
            continue
        while ":" in line:
            label, _, line = line.partition(":")
            label = label.strip()
            if not label.isidentifier():
                raise AsmError(lineno, raw, f"bad label {label!r}")
            if label in labels:
                raise AsmError(lineno, raw, f"duplicate label {label!r}")
            labels[label] = len(pending)
            line = line.strip()
        if not line:
            continue
        op, *args = line.split()
        op = op.lower()
        if op not in OPS:
            close = sorted(o for o in OPS if o[0] == op[0])
            hint = f" (did you mean {' or '.join(close)}?)" if close else ""
            raise AsmError(lineno, raw, f"unknown op {op!r}{hint}")
        kind = OPS[op][0]
        if (kind is None) != (not args) or len(args) > 1:
            raise AsmError(lineno, raw, f"{op} takes {'no operand' if kind is None else 'one operand'}")
        pending.append((lineno, raw, op, args[0] if args else None))
    code = []
    for lineno, raw, op, arg in pending:
        kind = OPS[op][0]
        if kind == "int":
            if arg in consts:
                arg = consts[arg]
            else:
                try:
                    arg = int(arg, 0)
                except ValueError:
                    raise AsmError(lineno, raw, f"not a number: {arg}") from None
        elif kind == "label":
            if arg not in labels:
                raise AsmError(lineno, raw, f"undefined label {arg!r}")
            arg = labels[arg]
        code.append((op, arg, lineno))
    return code


def disassemble(code):
    targets = {arg for op, arg, _ in code if OPS[op][0] == "label"}
    for pc, (op, arg, lineno) in enumerate(code):
        mark = ">>" if pc in targets else "  "
        operand = "" if arg is None else str(arg)
        print(f"{mark}{pc:4d}  {op:<6}{operand:<8}; line {lineno:<3} {OPS[op][1]}")


def traced(limit):
    """Decorator: count executed instructions, stop runaway programs."""
    def deco(gen_func):
        def wrapper(code, *args, **kwargs):
            steps = 0
            gen = gen_func(code, *args, **kwargs)
            value = None
            try:
                while True:
                    out = gen.send(value)
                    value = yield out
                    if out == "__step__":
                        steps += 1
                        if steps > limit:
                            gen.throw(VMError(-1, "trace", f"step limit {limit} exceeded"))
            except StopIteration as stop:
                return (stop.value, steps)
        wrapper.__name__ = gen_func.__name__
        wrapper.__doc__ = gen_func.__doc__
        return wrapper
    return deco


@traced(limit=5000)
def run(code, trace=False):
    """Execute code; yields printed text, '__step__' markers and input requests."""
    stack, frames, env = [], [], {}
    pc = 0

    def pop(op):
        if not stack:
            raise VMError(pc, op, "stack underflow")
        return stack.pop()

    while pc < len(code):
        op, arg, lineno = code[pc]
        yield "__step__"
        nxt = pc + 1
        try:
            if op == "push":
                stack.append(arg)
            elif op == "pop":
                pop(op)
            elif op == "dup":
                stack.append(stack[-1] if stack else pop(op))
            elif op == "swap":
                b, a = pop(op), pop(op)
                stack += [b, a]
            elif op == "over":
                b, a = pop(op), pop(op)
                stack += [a, b, a]
            elif op in ("add", "sub", "mul", "div", "mod", "eq", "lt"):
                b, a = pop(op), pop(op)
                stack.append({"add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b,
                              "div": lambda: a // b, "mod": lambda: a % b,
                              "eq": lambda: int(a == b), "lt": lambda: int(a < b)}[op]())
            elif op == "neg":
                stack.append(-pop(op))
            elif op == "jmp":
                nxt = arg
            elif op == "jz":
                if pop(op) == 0:
                    nxt = arg
            elif op == "jnz":
                if pop(op) != 0:
                    nxt = arg
            elif op == "call":
                if len(frames) >= 50:
                    raise VMError(pc, op, "call stack overflow")
                frames.append(nxt)
                nxt = arg
            elif op == "ret":
                if not frames:
                    raise VMError(pc, op, "return outside call")
                nxt = frames.pop()
            elif op == "load":
                if arg not in env:
                    raise VMError(pc, op, f"unset variable {arg!r}")
                stack.append(env[arg])
            elif op == "store":
                env[arg] = pop(op)
            elif op == "print":
                yield str(pop(op))
            elif op == "emit":
                yield chr(pop(op))
            elif op == "read":
                value = yield "__input__"
                stack.append(int(value))
            elif op == "halt":
                return stack[-1] if stack else 0
        except ZeroDivisionError as e:
            raise VMError(pc, op, "division by zero") from e
        if trace:
            yield f"[{lineno:>3}] {op:<6} {stack}"
        pc = nxt
    return stack[-1] if stack else 0


def execute(name, source, inputs=(), trace=False, show=False):
    print(f"=== {name}")
    try:
        code = assemble(source)
    except AsmError as e:
        print("assembly failed:", e)
        return 2
    if show:
        disassemble(code)
    feed = iter(inputs)
    out = []
    vm = run(code, trace=trace)
    try:
        item = next(vm)
        while True:
            if item == "__input__":
                item = vm.send(next(feed))
                continue
            if item != "__step__":
                out.append(item)
            item = next(vm)
    except StopIteration as stop:
        result, steps = stop.value
        text = "".join(o if len(o) == 1 and not o.isdigit() else o + " " for o in out if not o.startswith("["))
        print("output:", text.rstrip())
        for line in (o for o in out if o.startswith("[")):
            print("  " + line)
        print(f"result={result} after {steps} steps")
        return 0 if result == 0 else 1
    except VMError as e:
        print("runtime error:", e, "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)
        return 3


FACTORIAL = """
.const N 10
        push N
        store n
        push 1
        store acc
loop:   load n
        jz done          ; while n != 0
        load acc
        load n
        mul
        store acc
        load n
        push 1
        sub
        store n
        jmp loop
done:   load acc
        print
        push 0
        halt
"""

GCD_SUB = """
start:  read
        read
        call gcd
        print
        push 0
        halt
gcd:    dup              ; a b -- gcd(a, b)
        jz finish
        swap
        over
        mod
        jmp gcd
finish: pop
        ret
"""

HELLO = """
        push 72
        emit
        push 0x69
        emit
        push 33
        emit
        push 7
        halt
"""

statuses = []
statuses.append(execute("factorial", FACTORIAL, show=True))
statuses.append(execute("gcd", GCD_SUB, inputs=["1071", "462"]))
statuses.append(execute("hello", HELLO, trace=True))
statuses.append(execute("divide by zero", "push 1\npush 0\ndiv\nhalt"))
statuses.append(execute("underflow", "push 1\nadd"))
statuses.append(execute("forever", "top: jmp top"))
statuses.append(execute("recursion", "f: call f"))
for bad in ["pushh 3", "push", "jmp nowhere", "x: push 1\nx: halt", "push abc", ".const K", "9lbl: halt", "add 1"]:
    statuses.append(execute("bad: " + bad.splitlines()[-1], bad))
print("statuses:", statuses)
print(run.__name__, "|", run.__doc__)
sys.exit(max(statuses))
