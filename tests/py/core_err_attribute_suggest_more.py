# "Did you mean" for a module's attribute, with CPython's distance bound
# (both names' lengths count): a temporary instance's attribute misspelled.
import math

for name in ("pii", "sqr", "flor"):
    try:
        getattr(math, name)
    except AttributeError as e:
        print(e, e.name, e.obj is math)


class Reading:
    def __init__(self):
        self.value = 1
        self.longname = 2


try:
    Reading().lnogname
except AttributeError as e:
    print(e)
print(Reading().valeu)
