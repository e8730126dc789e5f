import sys


class Noisy:
    def __del__(self):
        print("destroyed on the way out")


def inner():
    print("inner exiting")
    sys.exit(4)


def outer():
    keep = Noisy()
    inner()
    print("not reached")


outer()
