for i in range(3):
    print("range", i)
for x in [10, 20, 30]:
    print("list", x)
for ch in "abc":
    print("str", ch)
for t in (1, "two", 3.0):
    print("tuple", t)
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print("dict key", k, d[k])
for k, v in d.items():
    print("item", k, v)
for a, b in [(1, 2), (3, 4)]:
    print("unpack", a, b)
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("not printed")
for i in []:
    print("never")
else:
    print("for-else after an empty loop")
for i in range(2):
    pass
else:
    print("for-else after a full loop, i =", i)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()
