# format() of floats: presentation types, precision, grouping, z, and errors.


def fmt(v, spec):
    try:
        print(repr(v), repr(spec), "->", repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), "=>", type(e).__name__ + ":", e)


specs = ["", "5", ".3", ".0", ".1", ".17", "e", ".0e", "#.0e", "E", "f", ".0f", "#.0f", ".2f",
         "F", "g", "#g", ".3g", "G", ".10g", "%", ".1%", ",", ",.2f", "_.3f", "012,.2f",
         "0=12,.2f", "z", "z.1f", "z.2e", "n", ".2n", "#", "#.3", "+", " ", "=10", "*^12.3",
         "+.3", ".20f", ".60g", "d", "x", "c", "r", "s", ",n", "=5s", "%.2", "z+", "020"]
for v in (-1234.5678, 1e16, 0.0, -0.0, 1.0, 100.0, 12.5, 125.0, 9.999, 0.0001, 1e-5, 1.5e300,
          5e-324, 123456789.5, float("inf"), float("-inf"), float("nan")):
    for spec in specs:
        fmt(v, spec)
fmt(-0.001, "z.1f")
fmt(-0.001, "z.1e")
fmt(-0.0001, "z.1%")
fmt(-0.0, "z.3")
fmt(1.5, ".2000f")
print("{:.3f} {:>10.2e} {:<10g}|{:^+9.1%}".format(3.14159, 12345.678, 0.5, 0.25))
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {1e100:g} {1/3:.30f} {2**0.5:015.10f}")
print("%.3f %e %g %5.1f %-8.2f| %r %s" % (1.23456, 1e-10, 1e20, 2.25, -1.5, 0.1, 1e16))
