class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, -4)
print(p.x, p.y, p.norm1())
q = p.moved(1, 1)
print(q.x, q.y, p.x)
print(Point.dims, p.dims)
p.dims = 3
print(Point.dims, p.dims)
Point.dims = 4
print(q.dims)
p.label = "new attribute"
print(p.label)
m = p.norm1
print(m())
print(type(p).__name__, isinstance(p, Point), type(p) is Point)


class Empty:
    pass


e = Empty()
e.a = 1
e.a += 1
print(e.a)


class Counter:
    total = 0

    def __init__(self):
        Counter.total += 1
        self.n = Counter.total


a = Counter()
b = Counter()
print(a.n, b.n, Counter.total)
