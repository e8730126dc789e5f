# Annotations as CPython 3.11 evaluates them: module and class bodies record
# them in __annotations__, functions in f.__annotations__; local ones in a
# function body are never evaluated.
x: int = 1
y: "fwd"
z: list
print(__annotations__)
class A:
    a: int
    b: str = "s"
    if True:
        c: float = 2.0
    def m(self, p: int, *args: str, k: bool = True, **kw: dict) -> None:
        loc: undefined_name = 5
        return loc
print(A.__annotations__, list(A.__dict__)[:5])
print(A.m.__annotations__, A().m(1))
def g(): pass
print(g.__annotations__)
g.__annotations__ = {"q": 1}
print(g.__annotations__)
class O:
    pass
o = O()
o.attr: int = 3
lst = [0]
lst[0]: int = 9
print(o.attr, lst, "__annotations__" in O.__dict__)
try:
    w: undefined_thing = 2
except NameError as e:
    print(e, w)
def outer():
    T = int
    def inner(a: T) -> T: return a
    return inner
print(outer().__annotations__)
print((lambda: 0)())
