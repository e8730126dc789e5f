# Fuzz finding: after a parser error, a badly unindented line further on
# does not replace it (CPython reports the first error).
x = = 1
if x:
        y = 2
    z = 3
