# gen.throw() before the first next() raises at the generator's first line.
def outer():
    inner = (i
             for i in range(3))
    inner.throw(ValueError("c"))


outer()
