# str.format, format_map, format() and the format-spec mini-language for str.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class A:
    x = 5
    items = [10, 20]

    def __format__(self, spec):
        return "A<" + spec + ">"


class B:
    def __init__(self):
        self.name = "bee"

    def __repr__(self):
        return "B()"


class MyStr(str):
    pass


class Fmt(str):
    def __format__(self, spec):
        return "Fmt:" + spec


print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y="z"))
print("{{}} {{{}}} }}{{".format(7), "{:}".format("a"), "{!r}".format("a"), "{!s}".format(1), "{!a}".format("é"))
print("{0[1]} {0[0][0]} {d[key]} {d[1]}".format(["ab", "cd"], d={"key": "v", 1: "one"}))
print("{0.x} {0.items[1]} {b.name} {0.x.real}".format(A(), b=B()), "{.real}".format(4), "{[0]}".format([5]), "{0[01]}".format([1, 2]))
print("{0[-1]} {0[ 1]}".format({"-1": "neg", " 1": "sp"}), "{0:}".format(A()), "{:xyz}".format(A()))
print("{:<5}|{:>5}|{:^5}|{:*^7}|{:.2}|{:x<8.2s}|".format("ab", "ab", "ab", "ab", "abc", "abc"))
print("{:5}|{:05}|{:<010}|{:^0}|{:0}".format("ab", "ab", "ab", "ab", "ab"), format("ab", "é^5"), format("é", ">3"))
print("{:{}}|{:{w}.{p}}|{:>{}}|".format("a", 4, "abcdef", "q", 3, w=5, p=2), "{0:{1}{2}}|".format("a", ">", "3"))
print("{!r:>6}|{!s:<4}|{!r:{}}|".format("a", 1, "b", 5), "{0:{{}}}".format(A()), "{:{:}}".format(1, 2))
print("{}".format(None), "{:}".format(True), "{}".format([1, "a"]), "{}".format(B()), "{0}".format(MyStr("m")))
print("{}".format(Fmt("f")), "{:x}".format(Fmt("f")), format(Fmt("g"), "<3"), format(MyStr("m"), ">3"))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{x.x}".format_map({"x": A()}), "plain".format_map({}))
print(format("abc"), format("abc", ""), format("abc", "s"), format("abc", ">10.1"), format("ab", "\x00<4") == "ab\x00\x00")
print(format("ab", "{<5"), format("ab", "}<5"), format("ab", "<<"), format("ab", ">"), format(B(), ""), format(None, ""))
print("{0:s}".format("x"), "{:}".format(""), "{}{}".format("", ""), "{:10}|".format("日本"), "{:日^6}".format("ab"))
print("{0}{{{0}}}".format("q"), "a{{b".format(), "}}".format(), "{} {}".format(*range(2)), "{a}{}".format(1, a=2))
print(f"{'x':>3}|{1 + 1}|{'é'!r}|{'a' 'b'}|{'{'}|{3:{2}}|", f"{A():spec}")

show("single }", lambda: "}".format())
show("single { at end", lambda: "{".format())
show("}} then }", lambda: "{}}".format(1))
show("x}", lambda: "x}".format())
show("auto then manual", lambda: "{}{0}".format(1, 2))
show("manual then auto", lambda: "{0}{}".format(1, 2))
show("index out of range", lambda: "{1}".format(1))
show("auto out of range", lambda: "{}{}".format(1))
show("empty args", lambda: "{}".format())
show("missing key", lambda: "{a}".format(1))
show("space key", lambda: "{ }".format(1))
show("trailing space key", lambda: "{0 }".format(1))
show("bad conversion", lambda: "{0!x}".format(1))
show("nonascii conversion", lambda: "{0!é}".format(1))
show("missing conversion", lambda: "{0!}".format(1))
show("two conversions", lambda: "{0!r!s}".format(1))
show("end in conversion", lambda: "{0!".format(1))
show("unterminated field", lambda: "{0".format(1))
show("unterminated bracket", lambda: "{0[0".format([1]))
show("unterminated spec", lambda: "{0:".format(1))
show("unterminated nested", lambda: "{0:{".format(1))
show("brace in name", lambda: "{a{b}".format())
show("empty attribute", lambda: "{0.}".format(1))
show("double dot", lambda: "{0..real}".format(1))
show("empty index", lambda: "{0[]}".format({"": 1}))
show("after bracket", lambda: "{0[0]x}".format([1]))
show("after bracket late", lambda: "{0[0]x}".format())
show("missing attribute", lambda: "{0.foo}".format(3))
show("index into int", lambda: "{0.real[0]}".format(1))
show("list str index", lambda: "{0[a]}".format([1]))
show("str index range", lambda: "{0[5]}".format("abc"))
show("too deep", lambda: "{:{:{}}}".format(1, 2, 3))
show("nested auto then manual", lambda: "{:{0}}".format(1))
show("nested missing", lambda: "{0:{1}}".format(1))
show("nested key missing", lambda: "{0:{a}}".format(1))
show("huge index", lambda: "{10000000000000000000000}".format(1))
show("huge item", lambda: "{0[10000000000000000000000]}".format([1]))
show("format_map positional", lambda: "{}".format_map({"a": 1}))
show("format_map index", lambda: "{0}".format_map([1]))
show("format_map missing", lambda: "{a}".format_map({}))
show("format_map not mapping", lambda: "{a}".format_map(5))

show("spec =", lambda: format("abc", "=5"))
show("spec sign", lambda: format("abc", "+"))
show("spec space", lambda: format("abc", " 5"))
show("spec z", lambda: format("abc", "z"))
show("spec #", lambda: format("abc", "#"))
show("spec fill # =", lambda: format("abc", "#=5"))
show("spec comma", lambda: format("abc", ","))
show("spec underscore", lambda: format("abc", "_s"))
show("spec both", lambda: format("abc", ",_"))
show("spec comma twice", lambda: format("abc", ",,"))
show("spec underscore twice", lambda: format("abc", "__"))
show("spec comma twice d", lambda: format("abc", ",,d"))
show("spec underscore x", lambda: format("abc", "_x"))
show("spec comma x", lambda: format("abc", ",x"))
show("spec type d", lambda: format("abc", "d"))
show("spec type %", lambda: "{0:%}".format("a"))
show("spec comma d", lambda: format("abc", ",d"))
show("spec dot", lambda: format("abc", "."))
show("spec dot x", lambda: format("abc", ".x"))
show("spec too long", lambda: format("abc", "10.2zz"))
show("spec after =", lambda: format("abc", "+#=5"))
show("spec huge width", lambda: format("abc", "1000000000000000000000"))
show("spec nonascii type", lambda: format("abc", "é"))
show("list spec", lambda: format([1], "x"))
show("object spec", lambda: format(object(), "x"))
show("None spec", lambda: "{:5}".format(None))
show("spec not str", lambda: format("a", 2))
show("dunder format arg", lambda: "a".__format__(1))
show("dunder format none", lambda: "a".__format__())
print("ab".__format__(">4"), "ab".__format__(""))
