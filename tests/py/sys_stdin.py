import sys

first = sys.stdin.readline()
print(repr(first))
print(repr(input()))
print(repr(sys.stdin.read(5)))
count = 0
for line in sys.stdin:
    count += 1
    print(count, repr(line))
    if count == 2:
        break
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input("prompt at EOF: ")
except EOFError as e:
    print()
    print("EOFError", e)
print(sys.stdin.readable(), sys.stdin.writable(), sys.stdin.closed)
