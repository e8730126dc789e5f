# Fuzz finding: a decimal literal longer than sys.get_int_max_str_digits()
# escaped as a bare ValueError with no file or line; CPython refuses it when
# compiling, as a SyntaxError at the literal.
try:
    import _fuzz_int_literal
except SyntaxError as e:
    print(type(e).__name__, e.lineno)  # CPython says offset 0; tpy points at the literal
    print(e.msg)
try:
    import _fuzz_int_literal_plain  # a plain literal once exited 0 silently
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
x = 0x7777777777777777777777777777777777777777777777777777777777777777777777777777777
print(x % 1000)
