# What the interpreter does with the results of user dunder methods (bool, hash, len, int, float, iter...).
class B:
    def __bool__(self): return 1
class H:
    def __hash__(self): return "x"
class H2:
    def __hash__(self): return 2 ** 70
    def __repr__(self): return "H2()"
class H3:
    def __hash__(self): return -1
class C:
    def __contains__(self, x): return "yes"
class E:
    def __eq__(self, o): return "truthy"
class I:
    def __int__(self): return "s"
class F:
    def __float__(self): return 1
class Ix:
    def __index__(self): return 1.5
class Ln:
    def __len__(self): return True
class Ln2:
    def __len__(self): return 2 ** 70
class It:
    def __iter__(self): return 5
class Nx:
    def __iter__(self): return self
class Rp:
    def __repr__(self): return "ok"
    def __str__(self): return None
for name, fn in [("bool", lambda: bool(B())), ("if", lambda: 1 if B() else 0), ("hash str", lambda: hash(H())),
                 ("hash big", lambda: hash(H2())), ("hash -1", lambda: hash(H3())), ("contains", lambda: 1 in C()),
                 ("eq in list", lambda: E() in [1]), ("eq ==", lambda: E() == 1), ("int", lambda: int(I())),
                 ("float", lambda: float(F())), ("index", lambda: [1, 2][Ix()]), ("len bool", lambda: len(Ln())),
                 ("len big", lambda: len(Ln2())), ("iter non-iterator", lambda: iter(It())), ("next no __next__", lambda: next(Nx())),
                 ("for non-iterator", lambda: [x for x in It()]), ("str None", lambda: str(Rp())), ("print", lambda: print(Rp())),
                 ("f-string", lambda: f"{Rp()}"), ("not", lambda: not B()), ("set", lambda: {H()}), ("dict key", lambda: {H2(): 1}),
                 ("not in", lambda: 1 not in C()), ("list.count", lambda: [1, 2].count(E())), ("list.index", lambda: [5].index(E())),
                 ("abs", lambda: abs(I())), ("round", lambda: round(F())), ("divmod", lambda: divmod(F(), 1))]:
    try:
        print(name, "->", repr(fn()))
    except Exception as e:
        print(name, "!!", type(e).__name__, e)
