class AppError(Exception):
    pass


def fail():
    raise AppError("custom failure", 42)


fail()
