def inner():
    raise ValueError("from a nested call")


def outer():
    inner()


outer()
