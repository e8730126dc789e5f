def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()

    x = "rebound"
    return middle()


print(outer())


def accumulators():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]


print(accumulators())


def bank(balance):
    def deposit(n):
        nonlocal balance
        balance += n
        return balance

    def get():
        return balance

    return deposit, get


dep, get = bank(100)
dep(50)
dep(-30)
print(get())
