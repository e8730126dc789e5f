# float.fromhex: exact parsing with round-half-even, overflow and bad input.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


for v in (0.0, -0.0, 2.5, -0.75, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308):
    print(v.hex(), float.fromhex(v.hex()) == v)
for text in ["0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "0x1p-1074", "0x1p-1075",
             "0x1.8p-1075", "0x3p-1076", "0x1.00000000000008p0", "0x1.00000000000018p0",
             "0x1.000000000000080000001p0", "  -0X1.8P+3  ", "inf", "-Infinity", "nan", "0x.8",
             "1", "ff", "0x1p", "0x", "", "0x1.8p-1080", "0x123456789abcdef0123p-40", "1.5p2", "x1"]:
    check("float.fromhex(%r)" % text, lambda: float.fromhex(text))
check("float.fromhex()", lambda: float.fromhex())
check("float.fromhex(1)", lambda: float.fromhex(1))
