import sys
print("out")
try:
    exit()
except SystemExit as e:
    print("caught", repr(e), e.code, e.args)
try:
    quit("bye")
except SystemExit as e:
    print("caught", repr(e), e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught", repr(e), e.code, e.args)
try:
    sys.exit(0)
except SystemExit as e:
    print("caught", repr(e), e.code)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError:", e)
sys.exit("fatal: message goes to stderr")
