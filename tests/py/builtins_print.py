import sys

print()
print(1, 2, 3)
print(1, 2, 3, sep=", ")
print("a", "b", sep="")
print("x", end="")
print("y", end="!\n")
print("no", "sep", sep=None, end=None)
print(*[1, 2, 3], sep="-")
print("mixed", 1, 2.5, None, True, [1, "a"], (1,), {"k": "v"})
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("multi\nline")
print("")


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


w = W()
print("a", 1, sep="|", end="#", file=w)
print(w.parts)


class S:
    def __str__(self):
        return "S!"

    def __repr__(self):
        return "S?"


print(S(), [S()])


class Bad:
    def __str__(self):
        raise ValueError("no str")


try:
    print("before", Bad())
except ValueError as e:
    print("caught", e)

for bad in [dict(sep=1), dict(end=2), dict(foo=3)]:
    try:
        print("x", **bad)
    except TypeError as e:
        print("TypeError:", e)

try:
    print("x", file=1)
except AttributeError as e:
    print("AttributeError:", e)

r = print("value of print:", end=" ")
print(r)
n = sys.stdout.write("written\n")
print(n)
print("é ü 漢字 😀")
