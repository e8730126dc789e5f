def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ada"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))


def nothing():
    pass


print(nothing())


def early(x):
    if x:
        return "early"
    print("fell through")


print(early(1))
print(early(0))


def pair():
    return 1, 2


a, b = pair()
print(a, b, pair())


def default_evaluated_once(x, acc=[]):
    acc.append(x)
    return acc


print(default_evaluated_once(1))
print(default_evaluated_once(2))


def many(a, b=2, *args, c=3, **kw):
    return [a, b, args, c, kw]


print(many(1))
print(many(1, 5, 6, 7, c=8, d=9))
print(type(greet).__name__)
