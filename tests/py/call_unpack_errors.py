# Call-site unpacking errors: a lone f(*x) and every f(**x) name the callable,
# other unpackings say "Value after *", as CPython 3.11 words them.
def kk(*a, **k):
    pass


class C:
    def m(self, *a):
        pass


c = C()
try:
    kk(*5)
except Exception as e:
    print('kk(*5)', "->", type(e).__name__, e)
try:
    kk(1, *5)
except Exception as e:
    print('kk(1, *5)', "->", type(e).__name__, e)
try:
    kk(*[1], *5)
except Exception as e:
    print('kk(*[1], *5)', "->", type(e).__name__, e)
try:
    kk(**5)
except Exception as e:
    print('kk(**5)', "->", type(e).__name__, e)
try:
    kk(a=1, **5)
except Exception as e:
    print('kk(a=1, **5)', "->", type(e).__name__, e)
try:
    kk(**{}, **5)
except Exception as e:
    print('kk(**{}, **5)', "->", type(e).__name__, e)
try:
    print(*5)
except Exception as e:
    print('print(*5)', "->", type(e).__name__, e)
try:
    [*5]
except Exception as e:
    print('[*5]', "->", type(e).__name__, e)
try:
    {**5}
except Exception as e:
    print('{**5}', "->", type(e).__name__, e)
try:
    len(*5)
except Exception as e:
    print('len(*5)', "->", type(e).__name__, e)
try:
    kk(*None)
except Exception as e:
    print('kk(*None)', "->", type(e).__name__, e)
try:
    c.m(*5)
except Exception as e:
    print('c.m(*5)', "->", type(e).__name__, e)
try:
    kk(**{"a": 1}, **{"a": 2})
except Exception as e:
    print('kk(**{"a": 1}, **{"a": 2})', "->", type(e).__name__, e)
try:
    kk(*5, **{})
except Exception as e:
    print('kk(*5, **{})', "->", type(e).__name__, e)
try:
    (*5,)
except Exception as e:
    print('(*5,)', "->", type(e).__name__, e)
try:
    C.m(*3)
except Exception as e:
    print('C.m(*3)', "->", type(e).__name__, e)
try:
    kk(**[1])
except Exception as e:
    print('kk(**[1])', "->", type(e).__name__, e)
try:
    max(*5)
except Exception as e:
    print('max(*5)', "->", type(e).__name__, e)
