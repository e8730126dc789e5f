# Fuzz finding: a try body closed by two DEDENTs at once was reported as
# "unexpected unindent" (IndentationError); CPython names the missing
# except/finally.  (Checked through import: CPython prints no caret there.)
try:
    import _fuzz_try_dedent
except SyntaxError as e:
    print(type(e).__name__, e.lineno, e.msg)
