class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("destroy", self.name)


x = Noisy("first")
print("rebinding x")
x = Noisy("second")
print("rebound")
x = 42
print("x is now", x)

y = [Noisy("one"), Noisy("two")]
y[0] = "replaced"
print("replaced slot 0")
y.pop()
print("popped")

holder = Noisy("attr")
box = Noisy("box")
box.inner = holder
del holder
print("holder name deleted; box still holds it")
box = None
print("end")
