# str methods: split family, join, strip family, replace, search, padding, misc.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# split / rsplit
print("a b  c".split(), "  a  b  c  ".split(), "".split(), "   ".split(), "a\tb\nc\x0bd\x0ce\rf".split())
print("  a  b  c  ".split(None, 1), "  a  b  c  ".rsplit(None, 1), "a b c".split(maxsplit=0))
print("  a b  ".split(None, 0), "  a b  ".rsplit(None, 0), "a b c d".rsplit(maxsplit=2))
print("a,b,,c".split(","), "a,b,,c".split(",", 2), "a,b,,c".rsplit(",", 2), ",".split(","), "".split(","))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), "abc".split("abc"), "aaa".split("a"), "aaa".split("aa"))
print("a b".split(sep=None), "a-b-c".split(sep="-", maxsplit=1), "a-b-c".rsplit("-", maxsplit=1))
print("é日 本é".split(), "x日y日z".split("日"), "x日y日z".rsplit("日", 1), "a\u3000b\xa0c\x85d".split())
print("a\x1cb\x1dc\x1ed\x1fe".split(), "a b".split(None, -1), "a,b".split(",", -5))
show("split empty sep", lambda: "a".split(""))
show("split int sep", lambda: "a".split(1))
show("split bad kw", lambda: "a".split(x=1))
show("split too many", lambda: "a".split("a", 1, 2))
show("split dup", lambda: "a".split(None, sep=None))
show("split maxsplit str", lambda: "a".split(None, "x"))
show("rsplit float", lambda: "a".rsplit(maxsplit=1.5))
show("split 3 kw", lambda: "a".split(sep=None, maxsplit=1, x=2))

# splitlines
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "\n".splitlines())
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines(), "x\r\n\r\ny".splitlines(keepends=True))
show("splitlines float", lambda: "a".splitlines(1.5))
show("splitlines kw", lambda: "a".splitlines(x=1))

# join
print(",".join(["a", "b", "c"]), "".join([]), "-".join(["x"]), "日".join("abc"), ", ".join(("p", "q")))
print("".join(c for c in "hello" if c != "l"), "+".join({"k": 1}), " ".join(map(str, range(4))))
show("join int item", lambda: "-".join(["a", 2]))
show("join first int", lambda: "".join([1]))
show("join not iterable", lambda: "".join(5))
show("join no args", lambda: "".join())

# strip family
print(repr("  a b  ".strip()), repr("  a b  ".lstrip()), repr("  a b  ".rstrip()), repr("\t\n a \x0b\x1c".strip()))
print("xxaxx".strip("x"), "xxaxx".lstrip("x"), "xxaxx".rstrip("x"), "www.example.com".strip("cmowz."))
print("ééaéé".strip("é"), "日a日".lstrip("日"), "abc".strip(""), "abc".strip(None), repr("   ".strip()), repr("".strip()))
print(repr("\xa0\u3000a\u2028".strip()), "abcba".strip("ab"), "<<a>>".rstrip("<>"))
show("strip int", lambda: "a".strip(1))
show("strip two", lambda: "a".strip("a", "b"))
show("lstrip kw", lambda: "a".lstrip(chars="a"))
print("TestHook".removeprefix("Test"), "TestHook".removeprefix("Hook"), "TestHook".removesuffix("Hook"), "a".removesuffix(""))
show("removeprefix int", lambda: "a".removeprefix(1))

# replace
print("aaa".replace("a", "b"), "aaa".replace("a", "bb", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("abc".replace("b", ""), "".replace("", "x"), "abc".replace("x", "y"), "abab".replace("ab", "c", -1), "abc".replace("b", "b"))
print("héllo".replace("é", "e"), "日本日本".replace("日", "X", 1), "a.b.c".replace(".", "::"), "aaaa".replace("aa", "a"))
show("replace one arg", lambda: "a".replace("a"))
show("replace int old", lambda: "a".replace(1, "b"))
show("replace int new", lambda: "a".replace("a", 1))
show("replace str count", lambda: "a".replace("a", "b", "c"))
show("replace kw", lambda: "a".replace("a", "b", count=1))

# find / rfind / index / rindex / count
t = "hello world, hello"
print(t.find("o"), t.rfind("o"), t.find("hello", 1), t.find("o", 5, 8), t.find("zz"), t.find(""), t.rfind(""))
print(t.find("o", -5), t.rfind("l", 0, 4), t.index("world"), t.rindex("hello"), t.find("", 100), t.find("", 18))
print(t.count("l"), t.count("hello"), t.count(""), t.count("l", 3, 10), t.count("", 5, 7), "aaa".count("aa"), "abc".count("", 4))
print(t.find("h", None, None), t.find("o", 10**30), t.find("o", -10**30), t.count("o", None, 5))
u = "日本語の日本"
print(u.find("日本"), u.rfind("日本"), u.find("語", 1, 3), u.count("日"), u.index("の"), u.rfind("本", 0, 3), u.find("x"))
show("index missing", lambda: t.index("zz"))
show("rindex missing", lambda: t.rindex("zz", 0, 3))
show("find int", lambda: t.find(1))
show("count none", lambda: t.count(None))
show("find no args", lambda: t.find())
show("find too many", lambda: t.find("a", 1, 2, 3))
show("find bad index", lambda: t.find("a", "x"))
show("find float index", lambda: t.find("a", 1.5))
show("find kw", lambda: t.find("a", start=1))

# startswith / endswith
print(t.startswith("hello"), t.startswith("world", 6), t.startswith(("x", "hel")), t.endswith("hello"), t.endswith("world", 0, 11))
print(t.endswith(("a", "b")), "abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".endswith("", 1, 0))
print("日本".startswith("日"), "日本".endswith("本", 1), "日本".startswith("本", 1, 2), "ab".startswith(()))
show("startswith int", lambda: "a".startswith(1))
show("endswith list", lambda: "a".endswith(["a"]))
show("startswith tuple int", lambda: "a".startswith(("b", 1)))
show("startswith no args", lambda: "a".startswith())

# partition
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"), "日=本".partition("="))
show("partition empty", lambda: "a".partition(""))
show("partition int", lambda: "a".partition(1))
show("partition none", lambda: "a".partition())

# padding
print(repr("ab".center(7, "*")), repr("abc".center(6, "*")), repr("a".center(4)), repr("ab".center(1)), repr("é".center(5, "日")))
print(repr("ab".ljust(5)), repr("ab".rjust(5, "-")), repr("abc".ljust(2)), repr("x".rjust(3, "é")))
print("42".zfill(5), "-42".zfill(6), "+a".zfill(4), "".zfill(3), "-".zfill(3), "abc".zfill(2), "日".zfill(3), "42".zfill(-1))
show("center no args", lambda: "a".center())
show("center long fill", lambda: "a".center(5, "ab"))
show("center int fill", lambda: "a".center(5, 1))
show("center str width", lambda: "a".center("5"))
show("ljust huge", lambda: "a".ljust(10**30))
show("zfill str", lambda: "a".zfill("a"))
show("zfill none", lambda: "a".zfill())

# expandtabs
print(repr("a\tbc\td\n\tx\r\ty".expandtabs()), repr("a\tb".expandtabs(4)), repr("a\tb".expandtabs(0)), repr("é\tb".expandtabs(tabsize=3)), repr("\t".expandtabs(-1)))
show("expandtabs str", lambda: "a".expandtabs("x"))
show("expandtabs kw", lambda: "a".expandtabs(x=1))

# maketrans / translate
print(str.maketrans("ab", "cd"), str.maketrans({"a": "x", 98: None}), str.maketrans("", "", "xy"))
print("abc".translate(str.maketrans("ab", "xy", "c")), "abc".translate({97: "XY", 98: 66, 99: None}), "日本".translate({26085: "sun"}))
print("hello".translate(["*"] * 200), "abc".translate({}))
show("maketrans one non-dict", lambda: str.maketrans(1))
show("maketrans long key", lambda: str.maketrans({"ab": 1}))
show("maketrans float key", lambda: str.maketrans({1.5: 1}))
show("maketrans unequal", lambda: str.maketrans("a", "bc"))
show("maketrans third int", lambda: str.maketrans("a", "b", 3))
show("translate float", lambda: "abc".translate({97: 1.5}))
show("translate range", lambda: "abc".translate({97: 0x110000}))
show("translate int table", lambda: "abc".translate(5))

# no-argument methods reject arguments
show("upper arg", lambda: "a".upper(1))
show("upper kw", lambda: "a".upper(x=1))
show("istitle arg", lambda: "a".istitle(1))
show("format_map none", lambda: "a".format_map())
