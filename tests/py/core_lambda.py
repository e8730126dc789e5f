square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(type(square).__name__, square.__name__)
