# CPython's compile-time SyntaxWarnings, printed before the program runs.
x = 5
print(x is 5, x is not -1, x is None, x is not (), x is (1, None), x is ...)
def f():
    try:
        return [1, 2]["a"] if x is 3 else 0
    finally:
        print(x is "s")
if x is 1.5 or x is True:
    pass
try:
    (1, 2)(3)
except TypeError as e:
    print(e)
try:
    {1, 2}[0]
except TypeError as e:
    print(e)
try:
    None[0]
except TypeError as e:
    print(e)
try:
    "abc"[1.5]
except TypeError as e:
    print(e)
try:
    "abc"[None]
except TypeError as e:
    print(e)
try:
    [x for x in "ab"]("x")
except TypeError as e:
    print(e)
try:
    f"x{x}"[1.0]
except TypeError as e:
    print(e)
try:
    (lambda: 0)[0]
except TypeError as e:
    print(e)
try:
    -1()
except TypeError as e:
    print(e)
try:
    (-1)()
except TypeError as e:
    print(e)
try:
    ...()
except TypeError as e:
    print(e)
try:
    (1, 2)[""]
except TypeError as e:
    print(e)
print([1, 2][True], "ab"[x:x], (1,)[0])
assert (x, "msg")
assert ()
lam = lambda: x is 7
print(f())
