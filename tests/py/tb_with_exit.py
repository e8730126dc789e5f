# __exit__ raising: the with statement is the location (no carets, as CPython 3.11)
class C:
    def __enter__(self): return self
    def __exit__(self, *a): raise KeyError("x")
def f():
    with C() as c:
        y = 1
        z = 2
f()
