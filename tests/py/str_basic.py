# str basics: literals, repr, len, indexing, slicing, operators, iteration, str().


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


s = "hello, world"
print(len(s), len(""), len("é"), len("日本語"), len("a😀b"))
print(s[0], s[-1], s[4], s[-5])
print(s[2:5], s[:5], s[7:], s[::2], s[::-1], s[-3:], s[100:], s[3:1], s[1:-1:3])
u = "héllo wörld 日本"
print(u[1], u[-1], u[-2], u[6:11], u[::-1], u[::3], u[1::4], u[-4:-1], len(u[2:9]))
print("a😀b😀c"[1], "a😀b😀c"[::2], "a😀b😀c"[::-2], "a😀b😀c"[1:4])
show("index out of range", lambda: s[12])
show("negative out of range", lambda: s[-13])
show("float index", lambda: s[1.5])
show("str index", lambda: s["a"])
show("zero step", lambda: s[::0])
show("huge index", lambda: s[10**30])
print(s[True], s[False])

# concatenation and repetition
print("ab" + "cd", "" + "x", "x" + "", "é" + "日")
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "é" * 2, "" * 100)
show("concat int", lambda: "a" + 1)
show("concat list", lambda: "a" + [1])
show("radd int", lambda: 1 + "a")
show("mul str", lambda: "a" * "b")
show("mul float", lambda: "a" * 1.5)
show("rmul float", lambda: 1.5 * "a")
show("mul huge", lambda: "a" * (2**63))
show("mul too long", lambda: "ab" * (2**62))
x = "ab"
x += "cd"
x *= 2
print(x)

# comparisons
print("a" < "b", "a" < "ab", "abc" < "abd", "B" < "a", "" < "a", "é" > "z", "日" > "é")
print("abc" == "abc", "abc" != "abd", "a" <= "a", "b" >= "a", "😀" > "日")
print("a" == 1, "1" == 1, "a" != None)
show("lt int", lambda: "a" < 1)
show("ge None", lambda: "a" >= None)
print(sorted(["pear", "apple", "Banana", "éclair", "zoo", ""]))
print(max("hello"), min("hello"), max(["ab", "b", "abc"]))

# in
print("ell" in s, "xyz" in s, "" in s, "" in "", "wörld" in u, "日本" in u, "d" not in s)
show("int in str", lambda: 1 in "abc")
show("None in str", lambda: None in "abc")

# iteration
print(list("abc"), list("é日😀"), [c for c in "hey" if c != "e"], list(""))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print(tuple(reversed("abc")), "".join(reversed("日本")))
print(list(enumerate("xy")), list(zip("ab", "cd")))

# hashing
print(hash("abc") == hash("ab" + "c"), hash("") == hash(""), hash("é") == hash("é"))
d = {"one": 1, "two": 2}
d["th" + "ree"] = 3
print(d["three"], "one" in d, len({"a", "a", "b"}))

# str() and repr()
print(str(), str(""), str(123), str(1.5), str(None), str(True), str([1, "a"]), str((1,)))
print(str(object="x"), repr(str(object=5)))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("back\\slash"))
print(repr("\n\t\r\x00\x07\x1b\x7f"), repr("é日😀"), repr("\x80\x9f\xa0\xad"))
print(repr("\u2028\u200b\ufeff\u3000"), repr("\U0001F600"))
print(ascii("é日😀\n'"), ascii("plain"), ascii(["é"]))
show("str bytes-like encoding", lambda: str(1, "utf-8"))
show("str decoding", lambda: str("a", "utf-8"))
show("str bad kw", lambda: str(x=1))
show("str encoding type", lambda: str("", 5))


class S(str):
    pass


class T(str):
    def __str__(self):
        return "T!"


v = S("abc")
print(type(v).__name__, v, len(v), v + "d", type(v + "d").__name__, v == "abc", hash(v) == hash("abc"))
print(type(str(v)).__name__, str(v), repr(v), v.upper(), type(v.upper()).__name__)
print(str(T("x")), repr(T("x")), T("x") + "y", "%s" % T("q"), format(T("z")))
print(isinstance(v, str), issubclass(S, str), v[1], v[::-1], type(v[:]).__name__)

# identity of run-time strings (not interned) and singletons
a = "".join(["ab", "cd"])
b = "".join(["ab", "cd"])
print(a == b, a is b)
