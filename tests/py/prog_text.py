# Text processing: word statistics, formatting, a tiny template engine.
TEXT = """\
The quick brown fox jumps over the lazy dog.  The dog sleeps;
the fox runs away!   Foxes are quick, dogs are lazy?
	Tabs\tand   spaces, UPPER and lower, MiXeD CaSe words.
Numbers: 3 14 159 2653 and 42.5 and -7 and 1_000.
"""


def words(text):
    out = []
    cur = []
    for ch in text:
        if ch.isalnum() or ch == "'":
            cur.append(ch.lower())
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


class Counter:
    def __init__(self, items=()):
        self.counts = {}
        for it in items:
            self.counts[it] = self.counts.get(it, 0) + 1

    def most_common(self, n=None):
        items = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return items if n is None else items[:n]

    def __getitem__(self, key):
        return self.counts.get(key, 0)

    def __len__(self):
        return len(self.counts)

    def __repr__(self):
        inner = ", ".join("%r: %d" % kv for kv in self.most_common())
        return "Counter({%s})" % inner


ws = words(TEXT)
print(len(ws), ws[:8])
c = Counter(ws)
print(c.most_common(5))
print(c["the"], c["missing"], len(c))
print(repr(Counter("abracadabra")))

lines = TEXT.splitlines()
for i, line in enumerate(lines, 1):
    print("%2d| %-30.30s|%5d" % (i, line.strip(), len(line)))
print(TEXT.splitlines(True)[0] == lines[0] + "\n", len(TEXT.split()), TEXT.count("the"))

print("-".join(w.capitalize() for w in "hello big world".split()))
print("hello big world".title(), "HeLLo".swapcase() if hasattr(str, "swapcase") else "")
print("  padded  ".strip(), "|", "xxhixx".strip("x"), "|", "  a b ".lstrip(), "|", "ab  ".rstrip() + "|")
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".split(None), "  a  b ".split(" "))
print("a.b.c".rsplit(".", 1), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("replace me me me".replace("me", "you", 2), "abc".find("c"), "abc".find("z"), "abcabc".rfind("b"))
print("abc".index("b"), "abcabc".count("bc"), "aaa".count("a", 1), "abc".startswith(("x", "a")))
print("file.tar.gz".endswith(".gz"), "x".zfill(4), "-12".zfill(6), "+7".zfill(4), "ab".center(7, "*"))
print("ab".ljust(5, ".") + "|", "ab".rjust(5) + "|", "42".isdigit(), "4a".isdigit(), "".isalpha())
print(" \t\n".isspace(), "abc123".isalnum(), "Hello World".istitle() if hasattr(str, "istitle") else True)
print("ÄÖü straße".upper(), "ÀÉÎ".lower(), len("naïve café"), "naïve"[2], "日本語"[::-1])
print("%s is %d years and %.2f%% done, %x %o %X %e %g %r" % ("Bob", 42, 99.5, 255, 8, 255, 12345.678, 0.0001, "q"))
print("%5s|%-5s|%05d|%+d|% d|%5.1f|%-8.3e|%c%c" % ("ab", "cd", 42, 7, 7, 3.14159, 1234.5, "x", 65))
print("%(name)s has %(n)03d items" % {"name": "cart", "n": 7}, "%%", "%s" % (1,), "%s" % [1, 2])
print("{} {} {}".format(1, "two", 3.0), "{1}{0}{1}".format("a", "b"), "{name}!".format(name="hi"))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+,}|{:_}|{:x}|{:#b}|{:#o}".format("r", "l", "c", "s", 3.14159, 1234567, 10**6, 255, 5, 8))
print("{0!r:>6} {0!s} {1[0]} {1[k]}".format("x", {0: "zero", "k": "kay"}))
print("{:.3} {:.0f} {:e} {:g} {:%} {:.1%} {:10.4g}|".format(3.14159, 2.5, 31415.9, 1e-7, 0.25, 1 / 3, 123456789.0))
print("{:,.2f} {:>12,} {:<6d}| {:=+8d} {:c}".format(9876543.219, 12345678, 42, -5, 97))
w, p = 12, 3
val = 2 / 3
print(f"{val:{w}.{p}f}|{val!r}|{'nested':>{w}}|{w * p = }" if False else f"{val:{w}.{p}f}|{val!r}|{'nested':>{w}}|")
print(f"{{literal}} {len(ws):04d} {ws[0]!r:^10} {3+4} {'a' 'b'} {c['fox']}")
name = "World"
print(f"Hello, {name.upper()}! {name[::-1]} {', '.join(sorted(set(name.lower())))}")
print(f"{12345.6789:,.1f} {0.000012345:.3e} {1e21} {1e-5} {123.0} {-0.0} {float('inf')} {2**0.5}")
print(f"{True} {None} {[1, 'a']} {(1,)} {{1: 2}} {3:b} {-3:x} {255:#06x}")
print("{:>10}".format("é"), "{:^5}".format("日本"), repr("tab\there"), repr("quote'"), repr('dq"'), repr("both'\""))
print(repr("\x00\x1f\x7f\xe9\u20ac\n\\"), ascii("é€") if "ascii" in dir(__builtins__) else "'\\xe9\\u20ac'")

# sorting by several keys, stable
records = [("pear", 3, 1.5), ("apple", 3, 0.5), ("fig", 10, 2.25), ("kiwi", 1, 0.75), ("date", 10, 2.0)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
print([r[0] for r in sorted(records, key=lambda r: len(r[0]))])
print(sorted("The quick Brown fox".split(), key=str.lower), sorted("bca"), sorted([3, 1, 2], reverse=True))
by_len = {}
for wd in ws:
    by_len.setdefault(len(wd), []).append(wd)
for k in sorted(by_len):
    print(k, sorted(set(by_len[k])))

# a tiny template engine
class Template:
    def __init__(self, src):
        self.parts = []
        i = 0
        while True:
            j = src.find("{{", i)
            if j < 0:
                self.parts.append(("text", src[i:]))
                break
            k = src.find("}}", j)
            if k < 0:
                raise ValueError("unclosed tag at %d" % j)
            self.parts.append(("text", src[i:j]))
            expr = src[j + 2:k].strip()
            name, _, filt = expr.partition("|")
            self.parts.append(("var", name.strip(), filt.strip() or None))
            i = k + 2

    FILTERS = {
        "upper": str.upper,
        "title": lambda s: s.title(),
        "len": lambda s: str(len(s)),
        "money": lambda v: "{:,.2f}".format(float(v)),
    }

    def render(self, **ctx):
        out = []
        for part in self.parts:
            if part[0] == "text":
                out.append(part[1])
                continue
            _, name, filt = part
            value = ctx
            for attr in name.split("."):
                value = value[attr]
            value = str(value)
            if filt:
                value = self.FILTERS[filt](value)
            out.append(value)
        return "".join(out)


t = Template("Dear {{ who | title }}, you owe {{ bill.amount|money }} ({{bill.items|len}} items). {{ who|upper }}!")
print(t.render(who="ada lovelace", bill={"amount": 1234.5, "items": "abc"}))
for bad in ("{{ x", "{{ missing }}", "{{ who | nofilter }}"):
    try:
        print(Template(bad).render(who="x"))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e, repr(e))

try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "{:d}".format(1.5)
except ValueError as e:
    print(e)
try:
    "abc".split("")
except ValueError as e:
    print(e)
try:
    "x".join([1, 2])
except TypeError as e:
    print(e)
try:
    "abc" + 1
except TypeError as e:
    print(e)
try:
    "abc"[5]
except IndexError as e:
    print(e)
try:
    "abc".center()
except TypeError as e:
    print(e)
try:
    f"{3.5:d}"
except ValueError as e:
    print(e)
print("%s" % "done".upper())
print("not enough: %s %s" % ("a",))
