counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)


def read_only():
    return counter * 10


print(read_only())


def make_global():
    global created
    created = "made inside a function"


make_global()
print(created)

x = "module"


def shadow():
    x = "local"
    return x


print(shadow(), x)
