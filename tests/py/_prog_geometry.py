"""Geometry helpers used by prog_imports.py."""
import math

print("importing", __name__)

UNIT = 1.0
_created = 0
__all__ = ["Shape", "Circle", "Rect", "area_sum"]


class Shape:
    sides = 0

    def __init__(self, name):
        global _created
        _created += 1
        self.name = name

    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def describe(self):
        return "%s with %d sides, area %.3f" % (self.name, self.sides, self.area())

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


def area_sum(shapes):
    return sum(s.area() for s in shapes)


def created():
    return _created


def broken(shape):
    return shape.volume()


if __name__ == "__main__":
    print("not printed when imported")
