class Noisy:
    def __init__(self, name):
        self.name = name
        print("create", name)

    def __del__(self):
        print("destroy", self.name)


a = Noisy("a")
print("before del")
del a
print("after del")

b = Noisy("b")
c = b
del b
print("b deleted, c still holds it")
del c
print("c deleted")

lst = [Noisy("in-list")]
print("clearing list")
lst = None
print("list gone")

d = {"k": Noisy("in-dict")}
del d["k"]
print("dict entry deleted")

Noisy("temporary")
print("temporary done")
print("end of script")
