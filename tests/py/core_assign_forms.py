a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = "ab"
print(m, n)
head, *tail = range(5)
*init, last = [1, 2, 3]
first, *middle, final = "abcde"
print(head, tail, init, last, first, middle, final)
lst = [0, 0, 0]
lst[1] = 5
lst[-1] += 2
print(lst)
d = {}
d["a"] = d["b"] = 1
print(d)
v = 10
v += 1
v -= 2
v *= 3
v //= 2
v **= 2
v %= 7
v <<= 3
v >>= 1
v |= 1
v &= 13
v ^= 6
print(v)
f = 1.0
f /= 4
print(f)
