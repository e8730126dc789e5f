# Invalid UTF-8 on stdin: sys.stdin uses surrogateescape (C.UTF-8 locale), so
# input(), readline() and iteration give U+DC80..U+DCFF for the bad bytes.
import sys
print(ascii(input()))
print(ascii(sys.stdin.readline()))
for line in sys.stdin:
    print(ascii(line), len(line))
print(sys.stdin.errors)
