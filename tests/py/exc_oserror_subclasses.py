# The OSError subclasses for errno values (TimeoutError, ConnectionError and
# its family, ...) and the remaining warning classes exist, with CPython's bases.
import os
for name in ["TimeoutError", "ConnectionError", "BrokenPipeError", "ConnectionResetError", "BlockingIOError", "InterruptedError", "ProcessLookupError", "ChildProcessError", "ConnectionAbortedError", "ConnectionRefusedError", "SyntaxWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "UnicodeWarning", "BytesWarning", "EncodingWarning", "UnicodeTranslateError"]:
    cls = getattr(__builtins__, name)
    print(name, [c.__name__ for c in cls.__mro__])
for eno in range(1, 120):
    e = OSError(eno, "msg")
    if type(e) is not OSError:
        print(eno, type(e).__name__, e.errno, str(e))
try:
    raise TimeoutError("took too long")
except OSError as e:
    print(repr(e), e.errno, isinstance(e, TimeoutError))
class Retry(ConnectionError):
    pass
try:
    raise Retry(104, "reset")
except ConnectionError as e:
    print(type(e).__name__, e, e.errno, e.strerror)
try:
    os.rename("/nonexistent_a", "/nonexistent_b")
except FileNotFoundError as e:
    print(e)

