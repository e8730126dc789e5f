# Lone surrogates meet the UTF-8 codec: print, sys.stdout (surrogateescape in C.UTF-8),
# sys.stderr (backslashreplace) and open(errors=...) for writing and reading.
import sys
print("ok")
try:
    print("x", "a\ud800b", "y")
except UnicodeEncodeError as e:
    print("caught", e)
try:
    sys.stdout.write("ab\udfff\ud800c")
except UnicodeEncodeError as e:
    print("\ncaught", e)
try:
    print("s\udc80", sep="\ud800")
except UnicodeEncodeError as e:
    print("caught", e)
try:
    print("a", "b", sep="\ud800")
except UnicodeEncodeError as e:
    print("caught", e)
with open("_sur.txt", "w") as f:
    try:
        f.write("é\ud83d")
    except UnicodeEncodeError as e:
        print("caught", e)
import os
os.remove("_sur.txt")
print("é€😀", "\ud7ff\ue000", chr(0xdbff) == "\udbff", len("\ud800"))

print(sys.stdout.errors, sys.stderr.errors, sys.stdin.errors)
for h in ["strict", "ignore", "replace", "surrogateescape", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogatepass", "bogus"]:
    with open("_sur2.txt", "w", errors=h) as f:
        try:
            f.write("a\ud800b\udcffc")
        except (UnicodeEncodeError, LookupError) as e:
            print(h, type(e).__name__, e)
    with open("_sur2.txt", errors="surrogatepass") as f:
        print(h, f.errors, ascii(f.read()))
with open("_sur2.txt", "w") as f:
    f.write("ok\n")
with open("_sur2.txt", "a", encoding="utf-8", errors="surrogateescape") as f:
    f.write("x\udcff\udce9y\n")
for h in ["strict", "ignore", "replace", "surrogateescape", "backslashreplace", "surrogatepass", "xmlcharrefreplace", "bogus"]:
    try:
        with open("_sur2.txt", errors=h) as f:
            print(h, ascii(f.read()))
    except (UnicodeDecodeError, LookupError, TypeError) as e:
        print(h, type(e).__name__, e)
os.remove("_sur2.txt")
print("x\udcffy")
print("stderr \ud800", file=sys.stderr)
