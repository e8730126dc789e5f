import sys
print("exiting with None")
try:
    pass
finally:
    sys.exit(None)
