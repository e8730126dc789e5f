# classmethod over another descriptor chains to it (CPython 3.9-3.11): a
# class property via @classmethod @property, classmethod(staticmethod(f)).
class CP:
    _n = "x"
    @classmethod
    @property
    def cprop(cls): return cls.__name__ + cls._n
class D(CP):
    _n = "y"
print(CP.cprop, CP().cprop, D.cprop, D().cprop)
def f(*a): return a
class E:
    m = classmethod(staticmethod(f))
    n = classmethod(len)
print(E.m(1), E().m(2))
print(E.n.__self__ is E if hasattr(E.n, "__self__") else "-")
