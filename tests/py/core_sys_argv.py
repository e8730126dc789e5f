import sys

print(sys.argv)
print(len(sys.argv), sys.argv[0])
for arg in sys.argv[1:]:
    print("arg:", arg)
