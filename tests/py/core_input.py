name = input("Your name? ")
print("Hello,", name + "!")
n = int(input())
print("double:", n * 2)
lines = []
while True:
    try:
        line = input()
    except EOFError:
        print("EOF reached")
        break
    lines.append(line)
print(lines)
