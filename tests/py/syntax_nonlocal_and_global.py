# nonlocal and global for one name: the error spans the first declaration.
def outer():
    value = 1

    def inner():
        nonlocal value
        global value
        return value
    return inner
