# An annotated name cannot be declared global (CPython checks it in the symbol table).
counter = 0


def bump():
    global counter
    counter: int = counter + 1
    return counter


print(bump())
