# A comprehension's loops (next() and the inner iter()) are located at the
# whole comprehension, as CPython 3.11 shows them in tracebacks.
def bad():
    yield 1
    raise ValueError("inner")


data = {"a": 1}
f = lambda k: data[k]
g = (f(k) for k in "ab")
try:
    print([x for x in [1] for y in 5])
except TypeError as e:
    print(e)
try:
    print([x + y for x in [1, 2] for y in bad()])
except ValueError as e:
    print(e)
print(sum(x for x in g))
