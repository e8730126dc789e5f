# Deleting or assigning items of objects that do not support it: CPython words
# the deletion message by path ("doesn't" for an index into a sequence-like
# object, "does not" otherwise); a class with only one of __setitem__ /
# __delitem__ raises AttributeError naming the missing one.
class A:
    pass


class OnlySet:
    def __setitem__(self, k, v):
        pass


class OnlyDel:
    def __delitem__(self, k):
        pass


proxy = A.__dict__


def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(f"{label:24} {type(e).__name__}: {e}")


def d_tuple_int():
    t = (1,)
    del t[0]


def d_tuple_str():
    t = (1,)
    del t["a"]


def d_str():
    s = "ab"
    del s[0]


def d_int():
    n = 5
    del n[0]


def d_proxy_str():
    del proxy["x"]


def d_proxy_int():
    del proxy[0]


def d_keys():
    k = {}.keys()
    del k[0]


def d_range():
    r = range(3)
    del r[0]


def d_none():
    n = None
    del n[0]


def d_iter():
    i = iter([])
    del i[0]


def d_frozenset():
    f = frozenset()
    del f[0]


def d_func():
    del len[0]


def d_inst_int():
    del A()[0]


def d_inst_str():
    del A()["k"]


def d_type():
    del int[0]


def s_tuple():
    t = (1,)
    t[0] = 1


def s_proxy():
    proxy["x"] = 1


def s_str():
    s = "a"
    s[0] = "b"


def s_inst():
    A()[0] = 1


def only_set_del():
    del OnlySet()[0]


def only_del_set():
    OnlyDel()[0] = 1


for f in [d_tuple_int, d_tuple_str, d_str, d_int, d_proxy_str, d_proxy_int, d_keys, d_range,
          d_none, d_iter, d_frozenset, d_func, d_inst_int, d_inst_str, d_type, s_tuple, s_proxy,
          s_str, s_inst, only_set_del, only_del_set]:
    attempt(f.__name__, f)
