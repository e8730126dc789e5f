import sys

try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit("text")
except SystemExit as e:
    print("caught SystemExit with code", repr(e.code))
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code", e.code)
print("still running")
sys.exit(None)
