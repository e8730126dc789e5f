class Both:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Both(" + repr(self.v) + ")"

    def __str__(self):
        return "<" + str(self.v) + ">"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


class StrOnly:
    def __str__(self):
        return "just str"


b = Both("x")
print(b)
print(repr(b), str(b))
print([b, b])
print((b,))
print({"k": b})
print(f"{b} {b!r}")
r = ReprOnly()
print(r, str(r), [r])
s = StrOnly()
print(s)
print(str([1, "two", 3.0, None, True]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
