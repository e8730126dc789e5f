import os

NAME = "_tmp_file_print.txt"

with open(NAME, "w") as f:
    print("header", file=f)
    print(1, 2, 3, sep=",", file=f)
    print("no newline", end="", file=f)
    print(file=f)
    f.writelines(str(i) + "\n" for i in range(3))
    print("é", "ü", sep="|", end="!\n", file=f)

with open(NAME) as f:
    for number, line in enumerate(f, 1):
        print(number, line, end="")

with open(NAME) as f:
    head = f.readline()
    rest = list(f)
print(repr(head), rest)

with open(NAME) as f:
    words = f.read().split()
print(words, len(words))

with open(NAME) as f:
    print(sum(1 for _ in f), max(open(NAME), key=len).strip())

lines = ["alpha\n", "beta\n", "gamma\n"]
with open(NAME, "w") as f:
    f.writelines(lines)
with open(NAME, "a") as f:
    print("delta", file=f)
with open(NAME) as f:
    data = f.readlines()
print(data, [s.strip().upper() for s in data])
print(sorted(open(NAME).read().split()))
with open(NAME) as f:
    print(f.readline().strip(), f.readline().strip(), f.tell() > 0)
os.remove(NAME)
