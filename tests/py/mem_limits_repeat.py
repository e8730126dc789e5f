# Requests for absurd amounts of memory raise MemoryError (or OverflowError
# where CPython 3.11 raises it) at once, without touching the memory, and the
# interpreter carries on.  Each size is far beyond any machine's memory, so
# the allocation fails whatever the RAM; CPython fails just as fast.
def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", type(r).__name__)
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, e)
    # Still running, with memory to spare.
    assert sum([i for i in range(1000)]) == 499500


T = 10**12
attempt("[0] * 10**12", lambda: [0] * T)
attempt("[0] * 2**62", lambda: [0] * 2**62)
attempt("[0] * 2**63", lambda: [0] * 2**63)
attempt("[1, 2] * 2**61", lambda: [1, 2] * 2**61)
attempt("[[]] * 10**12", lambda: [[]] * T)
attempt("(0,) * 10**12", lambda: (0,) * T)
attempt("(0, 1) * 2**62", lambda: (0, 1) * 2**62)
attempt("'x' * 10**14", lambda: "x" * 10**14)
attempt("'ab' * 2**62", lambda: "ab" * 2**62)
attempt("'x' * 2**63", lambda: "x" * 2**63)
attempt("10 chars * 10**14", lambda: "0123456789" * 10**14)


def inplace_list():
    x = [0]
    x *= T
    return x


def inplace_str():
    x = "ab"
    x *= 10**14
    return x


def inplace_tuple():
    x = (1,)
    x *= T
    return x


attempt("list *= 10**12", inplace_list)
attempt("str *= 10**14", inplace_str)
attempt("tuple *= 10**12", inplace_tuple)


def extend_range():
    x = []
    x.extend(range(T))
    return x


def slice_in_range():
    x = [0, 1, 2]
    x[1:1] = range(T)
    return x


attempt("list(range(10**12))", lambda: list(range(T)))
attempt("tuple(range(10**12))", lambda: tuple(range(T)))
attempt("sorted(range(10**12))", lambda: sorted(range(T)))
attempt("[*range(10**12)]", lambda: [*range(T)])
attempt("list.extend(range(10**12))", extend_range)
attempt("x[1:1] = range(10**12)", slice_in_range)

big = "x" * 10**7
attempt("''.join(10**6 strings of 10**7)", lambda: "".join([big] * 10**6))
attempt("'-'.join(10**6 strings of 10**7)", lambda: "-".join([big] * 10**6))
attempt("replace 10**6 x by 10**7 chars", lambda: big[: 10**6].replace("x", "y" * 10**7))
attempt("'x'.ljust(10**14)", lambda: "x".ljust(10**14))
attempt("'x'.center(2**62)", lambda: "x".center(2**62))
attempt("'x'.zfill(10**14)", lambda: "x".zfill(10**14))
attempt("'x'.rjust(2**63)", lambda: "x".rjust(2**63))
attempt("'a\\tb'.expandtabs(2**62)", lambda: "a\tb".expandtabs(2**62))
attempt("'\\t'.expandtabs(2**31)", lambda: "\t".expandtabs(2**31))
attempt("'x'.expandtabs(10**12)", lambda: "x".expandtabs(T))
attempt("'{:>10**14}'.format(1)", lambda: "{:>100000000000000}".format(1))
attempt("'{:>10**14}'.format('s')", lambda: "{:>100000000000000}".format("s"))
attempt("format(1.5, '>10**14')", lambda: format(1.5, ">100000000000000"))
attempt("format(10**30, '>10**14')", lambda: format(10**30, ">100000000000000"))
attempt("'%10**14d' % 1", lambda: "%100000000000000d" % 1)
attempt("'%*d' % (10**14, 1)", lambda: "%*d" % (10**14, 1))
attempt("1 << 10**12", lambda: 1 << T)
attempt("-1 << 10**12", lambda: -1 << T)
attempt("1 << 2**63", lambda: 1 << 2**63)
attempt("1 >> 10**12", lambda: 1 >> T)
print("done")
