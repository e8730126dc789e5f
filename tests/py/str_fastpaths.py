# The fast paths of string building agree with the general code: %-format,
# str(int), "{}".format, split/replace/count/find with short and long
# haystacks, upper/lower eight bytes at a time, strip, indexing.

# %-formatting: the plain %d / %s fast path and everything around it
ints = [0, 1, 9, 10, 99, 100, 101, 999, 1000, 12345, -1, -9, -10, -100, -12345,
        2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 10**10, 2**62, 2**63 - 1,
        -2**63, -2**63 - 1, 2**63, 2**64, 10**30, -10**30, True, False]
for v in ints:
    print("item%d" % v, "%s" % v, "[%5d]" % v, "[%-6d]" % v, "[%+d]" % v, "[% d]" % v,
          "[%05d]" % v, "[%.3d]" % v, "%x %X %o %#x %#o" % (v, v, v, v, v), "%i %u" % (v, v))
    print(str(v), "{}".format(v), "{}:{}".format(v, -v), f"{v}", format(v), format(v, ""))
print("%s-%s" % ("a", "b"), "%s" % "é", "%s%%" % "x", "%%d" % (), "%5s|%-5s|%.2s" % ("ab", "cd", "xyz"))
print("%s" % ["x"], "%s" % ("t",), "%r" % "q", "%d%s%d" % (1, "a", 2), "%c%c" % (65, "é"))
print("%(a)s %(b)d" % {"a": "A", "b": 5}, "%s" % {"k": 1})
print("x%sy" % 3.5, "%d" % 3.99, "%d" % -3.99, "%.2f|%8.3e|%g" % (3.14159, 31415.9, 1e-7))
print("é%dü%sñ" % (7, "ß"), "%d日本" % 123)
for bad in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%s %s", ("a",)), ("%z", 1), ("%", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class S(str):
    pass

class I(int):
    def __str__(self):
        return "I!"
    def __repr__(self):
        return "I?"

print("%s %d %s" % (S("sub"), I(5), I(6)), str(I(7)), "{}".format(I(8)), repr(str(S("q"))))
print(type(str(S("x"))).__name__, type(str("x")).__name__, str(), str(97), str(None))
print(str(object="kw"), str(-0), str(10**19), str(-(10**19)))

# split: single- and multi-byte separators, maxsplit, empty pieces, long text
for text in ["", ",", "a", "a,b", ",a,,b,", "item1,item2,item3", "a,b" * 40,
             "ITEM" * 3, "xITEMyITEMz", "é,ü,,ß", "日本,語" * 5, ",".join(str(i) for i in range(100))]:
    for sep in [",", "ITEM", ",,", "é", "語"]:
        for m in [-1, 0, 1, 2, 50]:
            r = text.split(sep, m)
            rr = text.rsplit(sep, m)
            print(len(r), r[:4], r[-1:], len(rr), rr[:2])
# overlapping candidates, matches at word edges, short and long (> 256 bytes) text
for k in [1, 2, 3, 7, 8, 9, 15, 16, 17, 100, 300]:
    t = "a" * k
    print(k, len(t.split("aa")), t.replace("aa", "b").count("b"), t.count("aa"),
          len(("xy" * k).split("yx")), ("xy" * k).replace("yxy", "-")[-9:],
          len((t + "b").split("ab", 3)), ("%sZ%s" % (t, t)).split("aZa"))
for width in range(1, 20):
    t = ("." * width + "sep") * 30
    print(width, len(t.split("sep")), len(t.split(".s", 5)), t.replace("p.", "P")[:20],
          t.count("ep."), t.rsplit("sep", 2)[-2:])
for bad in ["", 5]:
    try:
        "a,b".split(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("a b  c\t\n d".split(), " x ".split(None, 0), "a\u2003b".split(), "a,b".split(sep=",", maxsplit=1))

# replace with counts and empty operands
for text in ["", "a", "aaaa", "item1,item2,ITEM3", "xITEMyITEMzITEM" * 7, "ééé", "aXbXc" * 30]:
    for old, new in [("a", "b"), ("ITEM", "x"), ("ITEM", "LONGER_THING"), ("", "-"),
                     ("X", ""), ("é", "e"), ("aa", "a"), ("", "")]:
        for c in [-1, 0, 1, 2, 100]:
            print(repr(text.replace(old, new, c))[:60])

# count / find / startswith over every short length and offset
base = "x1y11z111,:" * 3 + "é1"
for i in range(len(base)):
    for j in range(i, len(base) + 1):
        t = base[i:j]
        print(t.count("1"), t.count("11"), t.find(":"), t.find("1,"), t.rfind("1"),
              t.startswith("x"), t.endswith("1"), t.count(""), end=";")
    print()
long_text = "abc" * 1000 + "Z" + "abc" * 1000
print(long_text.count("c"), long_text.find("Z"), long_text.find("cZa"), long_text.count("bc"),
      long_text.count("b", 10, 2000), long_text.find("Q"), long_text.replace("Z", "!!").count("!"))

# upper / lower / casefold across the ASCII range and around the 8-byte steps
ascii_all = "".join(chr(c) for c in range(128))
for k in range(0, 40):
    t = (ascii_all * 2)[k * 3:k * 3 + k]
    print(repr(t.upper()), repr(t.lower()) == repr(t.casefold()), t.upper().lower() == t.lower())
print("Straße ÉTÉ".upper(), "ΣΑΣ ΣΑΣ".lower(), "ǅ".upper(), "İ".lower(), len("İ".lower()))

# strip with whitespace (ASCII and not) and with a set of characters
for t in ["", " ", "  a  ", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f a \x85", "\u3000\u2003x\u2028",
          "\xa0", "x", "xyzzyx", "ééxéé"]:
    print(repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.strip("xé")),
          repr(t.strip("")), repr(t.strip(None)))

# join and + with strs of every small length (the inline copies)
words = ["", "a", "bc", "def", "ghij", "klmno", "pqrstuvw", "xyz0123456789ab", "é", "日本語",
         "0123456789abcdefg", "0123456789abcdefghijklmnopqrstuvwxyz"]
for sep in ["", ",", "--", "-é-", "0123456789abcdefghij"]:
    j = sep.join(words)
    print(len(j), j)
u = ""
for w in words:
    u = u + w
    u += str(len(u))
print(u, len(u))

# indexing by int (small fast path) and by other index types
s = "héllo wörld"
print(s[0], s[1], s[-1], s[4], s[True], s[-11], "abc"[2])
for bad in [11, -12, 2**70, -2**70, "0", 1.0]:
    try:
        print(s[bad])
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
