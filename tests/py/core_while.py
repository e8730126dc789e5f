i = 0
while i < 5:
    print(i)
    i += 1
else:
    print("while done, i =", i)

i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 5:
        break
    print("loop", i)
else:
    print("never printed: break skips else")

n = 10
total = 0
while n:
    total += n
    n -= 1
print("total", total)

i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == 2:
            break
        print(i, j)
        j += 1
    i += 1
while False:
    print("never")
else:
    print("else of a loop that never ran")
