def check(n):
    assert n % 2 == 0, "odd number: " + str(n)
    return n


print(check(4))
check(7)
