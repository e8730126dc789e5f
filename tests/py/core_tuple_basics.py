t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:])
print((), (1,), (1, 2), tuple(), 1, (1))
u = 4, 5
print(u, type(u).__name__)
a, b = u
print(a, b)
a, b = b, a
print(a, b)
print(t + (4,), t * 2, 2 in t)
print(((1, 2), (3, 4))[1][0])
x, (y, z) = 1, (2, 3)
print(x, y, z)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) != (2, 1))
print(t.index(2), t.count(3))
