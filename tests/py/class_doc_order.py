# A class without a docstring gets __doc__ = None when it is made: last in its dict, absent from the body's dir()
class A:
    x = 1
print(list(A.__dict__))
class B:
    y = 2
    print(dir())
class D:
    "doc"
    z = 3
print(list(D.__dict__), D.__doc__, A.__doc__)
