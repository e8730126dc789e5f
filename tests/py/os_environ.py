# os.environ is an os._Environ mapping: str keys and values only, changes reach
# os.getenv, CPython's messages for the MutableMapping methods.
import os
e = os.environ
print(type(e).__module__, type(e).__qualname__, repr(type(e)), type(e) is os._Environ, isinstance(e, dict))
def t(label, f):
    try: r = f(); print(label, "->", r)
    except Exception as x: print(label, "->", type(x).__name__, x)
t("getitem int", lambda: e[5])
t("contains int", lambda: 5 in e)
t("get int", lambda: e.get(5))
t("pop int", lambda: e.pop(5))
t("setdefault none", lambda: e.setdefault("TPY_Q"))
t("setitem none", lambda: e.__setitem__("A", None))
t("setitem intkey", lambda: e.__setitem__(1, "x"))
t("del missing", lambda: e.__delitem__("NOPE_XY"))
t("get missing", lambda: e["NOPE_XY"])
t("pop missing", lambda: e.pop("NOPE_XY"))
t("pop default", lambda: e.pop("NOPE_XY", 7))
t("bad name", lambda: e.__setitem__("A=B", "1"))
t("empty name", lambda: e.__setitem__("", "1"))
e["TPY_NEW"] = "v1"; print(os.getenv("TPY_NEW"), e.get("TPY_NEW"), "TPY_NEW" in e, e.setdefault("TPY_NEW", "zz"))
print(e.pop("TPY_NEW"), os.getenv("TPY_NEW"), e.setdefault("TPY_SD", "sd"), e["TPY_SD"])
e.update({"TPY_U1": "1"}, TPY_U2="2"); e.update([("TPY_U3", "3")]); print(e["TPY_U1"], e["TPY_U2"], e["TPY_U3"])
e |= {"TPY_O": "o"}; print(e["TPY_O"], type(e).__name__, type(e | {}).__name__, type({} | e).__name__)
print(e == dict(e), e != dict(e), e == e.copy(), type(e.copy()).__name__, len(e) == len(list(e)), repr(e)[:9])
for k in list(e):
    if k.startswith("TPY_"):
        del e[k]
print(sorted(k for k in e if k.startswith("TPY_")), "TPY_U1" in e)
t("hash", lambda: hash(e))
t("update bad", lambda: e.update(1))
t("update 2", lambda: e.update({}, {}))
