# Positional-only parameters passed by keyword: CPython names all of them, in
# parameter order, even when another keyword is the unknown one.
def pos(a, b, /, c=1):
    return a, b, c

def kw_ok(a, /, **kw):
    return a, kw

for kwargs in [dict(b=1, a=2), dict(c=1, zz=3, a=1), dict(zz=1, a=2), dict(a=1, zz=2),
               dict(zz=5), dict(c=5, d=6)]:
    try:
        pos(**kwargs)
    except TypeError as e:
        print(sorted(kwargs), "->", e)
try:
    pos(1, 2, a=3, b=4)
except TypeError as e:
    print(e)
print(kw_ok(1, a=2, b=3))


class K:
    def m(self, x, /, y):
        return x + y


try:
    K().m(x=1, y=2)
except TypeError as e:
    print(e)
print(K().m(1, y=2))
