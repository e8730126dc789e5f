# float(): parsing text and numbers; round(), hex(), fromhex(), integer ratios.


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "=>", type(e).__name__ + ":", e)


for text in ["1.5", " 1_0.5 ", "-Infinity", "iNF", "+nan", "-nan", "inf", "  -inf\n", ".5", "5.",
             "1e5", "1E-5", "-1.5e+3", "1e500", "-1e500", "1e-400", "1e5_0", "0.1", "000.25",
             "1_000_000.000_1", "\u00a01.5\u3000", "\u0661.\u0665", "2.5e-3"]:
    check("float(%r)" % text, lambda: float(text))
for text in ["abc", "", " ", ".", "1e", "1_e5", "1e_5", "1__0", "_1", "1_", "0x10", "1.5\x00",
             "infinit", "nana", "+-1", "1.2.3", "e5", "--1", "1 2", "x" * 300]:
    check("float(%r)" % text[:20], lambda: float(text))
check("float()", lambda: float())
check("float(7)", lambda: float(7))
check("float(True)", lambda: float(True))
check("float(2**1023)", lambda: float(2 ** 1023))
check("float(2**1024)", lambda: float(2 ** 1024))
check("float(2**1024 - 2**970)", lambda: float(2 ** 1024 - 2 ** 970))
check("float(2**1024 - 2**971)", lambda: float(2 ** 1024 - 2 ** 971))
check("float(2**53 + 1)", lambda: float(2 ** 53 + 1))
check("float(2**53 + 3)", lambda: float(2 ** 53 + 3))
check("float(-(2**64 + 2**11))", lambda: float(-(2 ** 64 + 2 ** 11)))
check("float(-(2**64 + 2**11 + 1))", lambda: float(-(2 ** 64 + 2 ** 11 + 1)))
check("float([])", lambda: float([]))
check("float(None)", lambda: float(None))
check("float(x=1)", lambda: float(x=1))
check("float(1, 2)", lambda: float(1, 2))

# round(): half to even, correctly rounded decimal places
for v in (0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.4999999999999999, 2.675, 0.125, 0.375, 1e16, -0.0,
          1234.5678, 1250.0, 1250.4, -1250.0, 1e300, 5e-324):
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2),
          round(v, -3), round(v, 5), round(v, 400), round(v, -400))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
check("round(float('inf'))", lambda: round(float("inf")))
check("round(float('nan'))", lambda: round(float("nan")))
check("round(float('inf'), 2)", lambda: round(float("inf"), 2))
check("round(1.7e308, -308)", lambda: round(1.7e308, -308))
check("round(1.5, 'a')", lambda: round(1.5, "a"))
check("round(1.5, 2**70)", lambda: round(1.5, 2 ** 70))
check("round(1.5, -2**70)", lambda: round(1.5, -(2 ** 70)))
check("round(-1.5, -2**70)", lambda: round(-1.5, -(2 ** 70)))
check("(2.5).__round__(1, 2)", lambda: (2.5).__round__(1, 2))

# integer ratios, integrality, hex
for v in (0.0, -0.0, 2.5, -0.75, 0.1, 1e300, 5e-324, 3.0, -1e-5):
    print(v, v.as_integer_ratio(), v.is_integer(), v.hex(), int(v), v.conjugate(), v.real,
          v.imag, v.__trunc__(), v.__floor__(), v.__ceil__())
check("inf.as_integer_ratio()", lambda: float("inf").as_integer_ratio())
check("nan.as_integer_ratio()", lambda: float("nan").as_integer_ratio())
check("(1.5).is_integer(1)", lambda: (1.5).is_integer(1))
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), (2.0 ** -1074).hex())
