class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("destroy", self.name)


def work():
    local = Noisy("local")
    print("working with", local.name)
    return "result"


print("calling")
print(work())
print("returned")


def make():
    return Noisy("returned-object")


kept = make()
print("kept", kept.name)
make()
print("discarded return value")


def nested():
    a = Noisy("outer-local")

    def helper():
        b = Noisy("helper-local")
        return b.name

    print(helper())
    print("helper returned")


nested()
print("nested returned")
del kept
print("done")
