# Helpers for the weakref_* golden tests (not a test: its name starts with "_").


def scrub(text):
    # Replace every hex address (0x...) by 0xADDR: addresses differ per run.
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("0x", i):
            j = i + 2
            while j < n and text[j] in "0123456789abcdef":
                j += 1
            out.append("0xADDR")
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def show(obj):
    print(scrub(repr(obj)))


def attempt(fn):
    # Run fn(); print its result or the exception it raised.
    try:
        r = fn()
    except Exception as e:
        print(type(e).__name__ + ":", scrub(str(e)))
    else:
        print(scrub(repr(r)))
