def f(a, b, /, c, *d, e, f=1, **g):
    x = 1
    return x
c = f.__code__
print(c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals, c.co_varnames, c.co_flags)
print((lambda: 0).__code__.co_nlocals)
