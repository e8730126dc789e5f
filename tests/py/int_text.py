# int <-> str: repr in bases, int() parsing rules and the 4300-digit limit.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


print(str(2 ** 10000)[:30], len(str(2 ** 10000)), str(-(2 ** 200)))
f = 1
for i in range(1, 1001):
    f *= i
s = str(f)
print(len(s), s[:40], s[-260:-240])
print(int(s) == f, int("-" + s) == -f)
print(hex(255), hex(-255), oct(8), bin(-5), hex(2 ** 100), oct(-(2 ** 70)), bin(2 ** 65 + 1))
print(hex(0), oct(0), bin(0), repr(-0), str(10 ** 18), str(-(10 ** 19)))

for text in ["0", "-0", "+17", "  42  ", "\t-12\n", "1_000_000", "0001", "-007", "  +1_0  ",
             "99999999999999999999999999", "-123456789012345678901234567890"]:
    check("int(%r)" % text, lambda: int(text))
for text, base in [("ff", 16), ("FF", 16), ("0xff", 16), ("0x_ff", 16), ("0b101", 2), ("101", 2),
                   ("0o17", 8), ("z", 36), ("Z", 36), ("0b1", 16), ("0x1f", 0), ("0o17", 0),
                   ("0b101", 0), ("000", 0), ("0_0", 0), ("7", 0), ("1_2", 0), ("-0x1F", 0),
                   ("10", 3), ("zz", 36), ("1" * 40, 7), ("f" * 30, 16), ("  -0B1_1  ", 0)]:
    check("int(%r, %d)" % (text, base), lambda: int(text, base))
for text, base in [("abc", 10), ("", 10), (" ", 10), ("1__0", 10), ("_10", 10), ("10_", 10),
                   ("1 2", 10), ("+-1", 10), ("- 1", 10), ("0x", 16), ("0x", 0), ("017", 0),
                   ("0_7", 0), ("08", 0), ("0b2", 0), ("0o8", 8), ("0x1", 8), ("12\x00", 10),
                   ("1.5", 10), ("9", 8), ("g", 16), ("x" * 300, 10)]:
    check("int(%r, %d)" % (text[:20], base), lambda: int(text, base))
check("int('1', 1)", lambda: int("1", 1))
check("int('1', 37)", lambda: int("1", 37))
check("int('1', -1)", lambda: int("1", -1))
check("int('10', base=2**70)", lambda: int("10", base=2 ** 70))
check("int('12', base=8)", lambda: int("12", base=8))
check("int(base=8)", lambda: int(base=8))
check("int(x='12')", lambda: int(x="12"))
check("int('12', 8, 3)", lambda: int("12", 8, 3))
check("int('12', 'a')", lambda: int("12", "a"))
check("int(1.5, 10)", lambda: int(1.5, 10))
check("int([])", lambda: int([]))
check("int(None)", lambda: int(None))
check("int()", lambda: int())
check("int(True)", lambda: int(True))
check("int(3.99)", lambda: int(3.99))
check("int(-3.99)", lambda: int(-3.99))
check("int(1e100)", lambda: int(1e100))
check("int(-2.0**63)", lambda: int(-2.0 ** 63))
check("int(float('inf'))", lambda: int(float("inf")))
check("int(float('-inf'))", lambda: int(float("-inf")))
check("int(float('nan'))", lambda: int(float("nan")))
check("int(' \\u00a0 12 \\u3000')", lambda: int(" \u00a0 12 \u3000"))
check("int('\\u0661\\u0662')", lambda: int("\u0661\u0662"))
check("int('\\uff11\\uff10', 16)", lambda: int("\uff11\uff10", 16))
check("int('é')", lambda: int("é"))

# the limit on decimal conversions
check("str(10**4299) digits", lambda: len(str(10 ** 4299)))
check("str(10**4300)", lambda: str(10 ** 4300))
check("str(-10**4299)[:3]", lambda: str(-(10 ** 4299))[:3])
check("repr(2**20000)", lambda: repr(2 ** 20000))
check("int('1'*4300) > 0", lambda: int("1" * 4300) > 0)
check("int('1'*4301)", lambda: int("1" * 4301))
check("int('-'+'1'*5000)", lambda: int("-" + "1" * 5000))
check("int('0'*4301)", lambda: int("0" * 4301))
check("int('1'*4301+'x')", lambda: int("1" * 4301 + "x"))
check("int('1_'*2200+'1') > 0", lambda: int("1_" * 2200 + "1") > 0)
check("int(' '*5000+'1')", lambda: int(" " * 5000 + "1"))
check("int('f'*5000, 16) > 0", lambda: int("f" * 5000, 16) > 0)
check("int('1'*5000, 7)", lambda: int("1" * 5000, 7))
check("len(hex(10**5000))", lambda: len(hex(10 ** 5000)))
check("int(hex(10**5000), 16) == 10**5000", lambda: int(hex(10 ** 5000), 16) == 10 ** 5000)
