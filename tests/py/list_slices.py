# list slicing: reads, assignment (plain and extended) and deletion.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[1::3], a[::-1], a[::-3], a[8:2:-2])
print(a[5:2], a[100:], a[-100:2], a[2:-100], a[::100], a[::-100], a[3:3])
print(a[None:4], a[4:None], a[None:None:None], a[True:3])
t(lambda: a[::0])
t(lambda: a["a":])
t(lambda: a[:1.5])
t(lambda: a[::"x"])
print(a[2 ** 100:], a[-2 ** 100:2], a[::2 ** 100], a[::-2 ** 100])


def assign(lst, sl, v):
    x = list(lst)
    try:
        x[sl] = v
        print(x)
    except Exception as e:
        print(type(e).__name__ + ":", e)


def delete(lst, sl):
    x = list(lst)
    try:
        del x[sl]
        print(x)
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
assign(b, slice(2, 5), ["a"])
assign(b, slice(2, 3), ["a", "b", "c"])
assign(b, slice(0, 0), [-2, -1])
assign(b, slice(10, 10), [10, 11])
assign(b, slice(None), [])
assign(b, slice(None), "xyz")
assign(b, slice(5, 2), ["in"])
assign(b, slice(-100, 1), ["lo"])
assign(b, slice(100, 200), ["hi"])
assign(b, slice(2, 5), range(3))
assign(b, slice(2, 5), (c for c in "gen"))
assign(b, slice(2, 5), 5)
assign(b, slice(2, 5), None)
assign(b, slice(None, None, 2), "abcde")
assign(b, slice(1, None, 2), [None] * 5)
assign(b, slice(None, None, -1), range(10))
assign(b, slice(None, None, -3), "wxyz")
assign(b, slice(None, None, 2), "abc")
assign(b, slice(None, None, 2), 5)
assign(b, slice(1, 1, 2), [])
assign(b, slice(1, 1, 2), [1])
assign(b, slice(None, None, 1), ["step", "one"])
assign(b, slice(8, 2, -2), "abc")
delete(b, slice(2, 5))
delete(b, slice(None))
delete(b, slice(None, None, 2))
delete(b, slice(1, None, 3))
delete(b, slice(None, None, -2))
delete(b, slice(None, None, -3))
delete(b, slice(7, 2, -2))
delete(b, slice(5, 2))
delete(b, slice(100, None))
delete(b, slice(None, None, 0))
c = [1, 2, 3]
c[1:1] = c
print(c)
c = [1, 2, 3]
c[:] = c
print(c)
c = [1, 2, 3, 4]
c[::2] = c[1::2]
print(c)
c = [1, 2, 3, 4]
c[::-1] = c
print(c)
d = [1, 2, 3]
d[len(d):] = [4, 5]
d[:0] = [0]
print(d)
e = list(range(20))
del e[::4]
del e[-1::-5]
print(e)
x = [[1], [2]]
y = x[:]
y[0].append(9)
print(x, y, x is y, x == y)
