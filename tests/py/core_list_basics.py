a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1:], a[:2], a[::-1])
a.append(4)
a[0] = 10
print(a)
print(a + [5], [0] * 3, [1, 2] * 2)
print(3 in a, 9 in a)
del a[1]
print(a)
b = a
b.append(99)
print(a is b, a)
c = list(a)
c.append(100)
print(a, c)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested))
print([], [[]], [None])
print([x * x for x in range(5)])
print([x for x in range(10) if x % 3 == 0])
x, y, z = [7, 8, 9]
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
e = []
e += [1]
e += (2, 3)
print(e)
print(a.pop(), a, a.index(10))
