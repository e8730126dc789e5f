# An exception escaping __del__ is reported as "Exception ignored in: ..."
# with its own traceback only (not the chain it ends), and the program goes
# on.  The repr of the owner is fixed so that no address is printed.
class A:
    def __del__(self):
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("in del")


class Quiet:
    def __call__(self):
        try:
            {}["missing"]
        except KeyError:
            raise ValueError("while handling a KeyError")

    def __repr__(self):
        return "<Quiet>"


a = A()
A.__del__ = Quiet()
del a
print("after")
