# printf-style formatting: fmt % args.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print("%s and %s" % ("a", "b"), "%s" % "one", "%s" % (("t", 1),), "%s" % [1, 2], "%r" % "q", "%a" % "é")
print("%d %i %u" % (3, -4, 5), "%d" % True, "%d" % 3.99, "%d" % -3.99, "%d" % 10**30, "%i" % -(10**25))
print("%x %X %o" % (255, 255, 8), "%#x %#X %#o" % (255, 255, 8), "%x" % -255, "%#o" % -8, "%x" % 10**30, "%X" % True)
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, 42), "%05d" % -3, "%-05d|" % 3, "% +5d" % 5)
print("%.3d|%.3x|%#.3x|%08.3d|%-8.3d|" % (5, 5, 5, 5, -5), "%#5x|%#05x|%#-5x|" % (5, 5, 5), "%0-5d|" % 5)
print("%e %E" % (1.5, 1.5), "%f %F" % (2.5, -0.0), "%g %G" % (1e20, 1e-20), "%.3g" % 1234567, "%#.3g" % 1)
print("%.0f %.0f %.1f %.2f" % (2.5, 3.5, 0.05, -0.0), "%10.4f|%-10.2e|%+.1f" % (3.14159, 31415.9, 2.0))
print("%f %F %e" % (float("inf"), float("nan"), float("-inf")), "%+f|% f|%010f" % (float("inf"), float("nan"), float("inf")))
print("%#.0e %#.0f %.0e %g %g %#g" % (12345, 1, 12345, 100000, 1000000, 0.0), "%f" % 1e300 == "%f" % 1e300)
print("%.50f" % 0.1, "%.20e" % 1e-300)
print("%f" % True, "%e" % 10, "%g" % 2**60, "%.2f%%" % 99.5, "%5.1f%%" % 12.34)
print("%c%c%c" % ("a", 98, "é"), "%c" % 0x1F600, "%5c|%-5c|" % ("x", 65), "%c" % True)
print("%5s|%-5s|%.2s|%5.1s|%.0s|" % ("abc", "ab", "xyz", "pq", "zz"), "%5s|%.1s|" % ("é", "éa"), "%05s" % "a")
print("%10r|%-8a|%.2r" % ("a", "é", "abc"), "%s" % None, "%s %s" % (1.5, -2), "%r" % 1.0)
print("%(a)s %(b)d %(a)r" % {"a": "x", "b": 7}, "%(x)5.1f|" % {"x": 2.25}, "%((a))s" % {"(a)": 1}, "%()s" % {"": 2})
print("%s %(x)s" % {"x": 1}, "%s" % {"a": 1}, "abc" % {}, "abc" % [], "abc" % [1], "%s" % [])
print("%*d|%-*d|%.*f|%*.*f" % (5, 3, 5, 3, 2, 3.14159, 8, 3, 2.5), "%*d|" % (-4, 7), "%.*d" % (-3, 5))
print("%%" % (), "%s %%" % 1, "100%%" % (), "%ld %hd %Lf" % (1, 2, 3.0), "%-#+ 08.3f|" % 1.0)
print("%s" % "日本", "%-4s|" % "日", "%3s|" % "日本語の", "%.2s" % "日本語")

show("too few", lambda: "%s %s" % (1,))
show("too many", lambda: "%s" % (1, 2))
show("single extra", lambda: "abc" % 5)
show("empty tuple", lambda: "%s" % ())
show("d of str", lambda: "%d" % "3")
show("d of list", lambda: "%d %d" % [1, 2])
show("x of float", lambda: "%x" % 3.5)
show("f of str", lambda: "%f" % "x")
show("f of huge int", lambda: "%f" % 10**400)
show("d of inf", lambda: "%d" % float("inf"))
show("d of nan", lambda: "%d" % float("nan"))
show("c of str2", lambda: "%c" % "ab")
show("c out of range", lambda: "%c" % 1114112)
show("c negative", lambda: "%c" % -1)
show("c float", lambda: "%c" % 1.5)
show("bad char", lambda: "%y" % 1)
show("bad char nonascii", lambda: "%é" % 1)
show("bad char late", lambda: "ab %5z" % 1)
show("percent after width", lambda: "%5%|" % (1,))
show("percent after width no args", lambda: "%5%|" % ())
show("bad char no args", lambda: "%y" % ())
show("incomplete", lambda: "%" % ())
show("incomplete flags", lambda: "%-5" % 1)
show("incomplete key", lambda: "%(a" % {"a": 1})
show("key no conversion", lambda: "%(x)" % {"x": 1})
show("key needs mapping", lambda: "%(a)s" % 5)
show("key with tuple", lambda: "%(a)s" % (1,))
show("key missing", lambda: "%(a)s" % {})
show("key then positional", lambda: "%(a)s %s" % {"a": 1})
show("key on list", lambda: "%(x)s" % [1])
show("star not int", lambda: "%*d" % ("a", 3))
show("star missing", lambda: "%*d" % (5,))
show("width too big", lambda: "%10000000000000000000d" % 1)
show("precision too big", lambda: "%.10000000000000000000d" % 1)
show("mod int str", lambda: 5 % "a")


class P:
    def __str__(self):
        return "P-str"

    def __repr__(self):
        return "P-repr"


class N:
    def __index__(self):
        return 65


print("%s %r %a" % (P(), P(), P()), "%x %c %d" % (N(), N(), N()), "%s" % (P(),))
