import os

NAME = "_tmp_file_basic.txt"

f = open(NAME, "w")
print(type(f).__name__, f.name, f.mode, f.closed, f.encoding, f.readable(), f.writable())
print(repr(f))
print(f.write("line one\n"), f.write("línea dos\n"), f.write(""), f.write("😀 three"))
f.writelines(["\n", "four\n", "five"])
f.close()
print(f.closed, repr(f))
f.close()

with open(NAME) as f:
    print(repr(f.read()))
print(f.closed)

with open(NAME, "r") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(3)), repr(f.read(2)))
    print(repr(f.readline(2)), repr(f.readline()), repr(f.read()), repr(f.read()), repr(f.readline()))

with open(NAME) as f:
    print(f.readlines())
with open(NAME) as f:
    for line in f:
        print(repr(line))
with open(NAME) as f:
    print(list(f), list(f))
with open(NAME) as f:
    print(f.readlines(12))
    print(f.read(0), f.read(-1)[:4], f.read(None))
with open(NAME) as f:
    lines = [line.rstrip("\n") for line in f]
print(lines, len(lines))

with open(NAME, "a") as f:
    print(f.mode, f.write("\nappended"))
with open(NAME) as f:
    print(f.read().splitlines()[-2:])

with open(NAME, "w") as f:
    f.write("overwritten")
with open(NAME) as f:
    print(repr(f.read()), f.tell())
    f.seek(0)
    print(repr(f.read(4)), f.tell(), f.seekable())

with open(NAME, "r+") as f:
    print(repr(f.read(4)))
    f.write("WRITE")
with open(NAME) as f:
    print(repr(f.read()))

with open(NAME, "w+") as f:
    f.write("fresh\ncontent\n")
    f.seek(0)
    print(f.readlines())

with open(NAME, mode="w", encoding="utf-8") as f:
    f.write("encoded")
with open(NAME, encoding="UTF-8") as f:
    print(f.read(), f.encoding)

with open(NAME, "w") as f:
    for i in range(1000):
        f.write("%d\n" % i)
with open(NAME) as f:
    total = 0
    count = 0
    for line in f:
        total += int(line)
        count += 1
print(count, total)

big = "x" * 20000 + "\n" + "é" * 10000
with open(NAME, "w") as f:
    f.write(big)
with open(NAME) as f:
    data = f.read()
print(len(data), data == big)
with open(NAME) as f:
    first = f.readline()
    rest = f.read(5)
print(len(first), rest)


def use_file():
    with open(NAME) as f:
        return f.read(3)


print(use_file())
try:
    with open(NAME) as f:
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, f.closed)

g = open(NAME, "w")
g.write("unflushed data")
del g
with open(NAME) as f:
    print(f.read())

os.remove(NAME)
print(os.path.exists(NAME))
