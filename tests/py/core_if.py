def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in [-3, 0, 7, 42]:
    print(n, classify(n))

if []:
    print("empty list is true?")
else:
    print("empty list is false")

if "text":
    print("non-empty str is true")

x = 3
if x > 1:
    if x > 2:
        print("x > 2")
    else:
        print("1 < x <= 2")
if x == 3: print("one-line if")
print("yes" if x else "no", "big" if x > 100 else "small")
