import os

NAME = "_tmp_file_newlines.txt"

with open(NAME, "w", newline="") as f:
    f.write("unix\nwindows\r\nmac\rend")
with open(NAME) as f:
    print(repr(f.read()))
with open(NAME) as f:
    print(f.readlines())
with open(NAME, newline="") as f:
    print(repr(f.read()))
with open(NAME) as f:
    print([f.read(1) for _ in range(12)])

with open(NAME, "w", newline="") as f:
    f.write("a\r")
with open(NAME) as f:
    print(repr(f.read()))
with open(NAME, "w", newline="") as f:
    f.write("\r\n\r\n\r\r\n")
with open(NAME) as f:
    print(repr(f.read()))
with open(NAME) as f:
    print(f.readlines())

with open(NAME, "w") as f:
    f.write("no newline at end")
with open(NAME) as f:
    print(f.readlines())
with open(NAME, "w") as f:
    f.write("")
with open(NAME) as f:
    print(repr(f.read()), f.readlines(), repr(f.readline()))
with open(NAME, "w") as f:
    f.write("\n\n\n")
with open(NAME) as f:
    print(f.readlines())
os.remove(NAME)
