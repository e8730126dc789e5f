s = input()
print(repr(s))
s = input("prompt> ")
print(repr(s))
s = input(42)
print(repr(s))
print(repr(input()))
print(repr(input("no newline: ")))
try:
    input("last: ")
except EOFError as e:
    print()
    print("EOFError:", e)
try:
    input(1, 2)
except TypeError as e:
    print("TypeError:", e)
