# format() of ints: the whole format-spec mini-language and its errors.


def fmt(v, spec):
    try:
        print(repr(spec), "->", repr(format(v, spec)))
    except Exception as e:
        print(repr(spec), "=>", type(e).__name__ + ":", e)


specs = ["", "d", "5", "<8", "^9", "*>9", "=+9", "+", "-", " ", "010", "0=10", "010,", "012_",
         "*=10,", "0>10,", "x", "#x", "X", "#X", "#o", "o", "#b", "b", "_b", "#_x", "_x", "#010x",
         "#010_x", "010_b", ",", "_", ",d", "n", ">+#010,", "0<10", "0^10", "==", "#", "0",
         "e", ".3e", "E", "f", ".2f", "%", ".1%", "g", "G", ",.2f", "020,.2f", "z.2f",
         ",x", ",c", "#c", "+c", "zd", "z", ".2", ".2d", "q", "xx", "5.", ".", ",_", "_,",
         ",,", "__", "  5", "\u00e9>9", "+ ", " +", "_n", "99999999999999999999"]
for v in (0, 1234, -1234, 2 ** 70, -(2 ** 70)):
    print("value", v)
    for spec in specs:
        fmt(v, spec)
for w in range(1, 13):
    fmt(-1234, "0%d," % w)
    fmt(1234, "0%d_x" % w)
fmt(65, "c")
fmt(65, "^5c")
fmt(65, "05c")
fmt(0x1F600, ">3c")
fmt(0x110000, "c")
fmt(-1, "c")
fmt(10 ** 30, "e")
fmt(10 ** 400, "e")
fmt(10 ** 30, ".3f")
fmt(10 ** 30, "g")
fmt(10 ** 5000, "d")
print(len(format(10 ** 5000, "x")), format(2 ** 100, "_o"))
print(format(True, ""), format(True, "d"), format(True, ">5"), format(False, "x"), format(True, "f"))
fmt(True, "q")
print("{:>10,}|{:<#8x}|{:^+7}".format(1234567, 255, 42))
print(f"{12345:_}", f"{-42:08}", f"{2**64:,}", f"{255:#06b}", f"{7:.2f}", f"{7:%}")
