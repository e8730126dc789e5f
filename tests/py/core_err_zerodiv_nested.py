def divide(a, b):
    divmod(a, b)


def middle(n):
    print("middle", n)
    divide(n, n - n)


def top():
    middle(5)


top()
