def f():
    counter = 1
    return countr + 1
try:
    f()
except NameError as e:
    print(e)
prnt = 1
def g():
    lenght = 3
    return lenght2
try:
    g()
except NameError as e:
    print(e)
f()
