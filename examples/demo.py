# A short tour of tpy: a small Python whose memory you can watch.
# Run it with `make demo` (or build/tpy examples/demo.py); python3 prints the same.
import sys

print("== Reference counts ==")
# getrefcount's own argument adds one, so a fresh list bound to one name says 2.
shopping = ["eggs", "milk"]
print("one name:", sys.getrefcount(shopping))
alias = shopping
print("two names:", sys.getrefcount(shopping))
basket = [shopping, shopping]
print("plus two slots in a list:", sys.getrefcount(shopping))
del alias, basket
print("after del:", sys.getrefcount(shopping))

print()
print("== Objects die the instant the last reference goes ==")


class Resource:
    def __init__(self, name):
        self.name = name
        print(f"  open {name}")

    def __del__(self):
        print(f"  close {self.name}")


r = Resource("file A")
print("deleting the only name...")
del r
print("...and it was already closed")

r = Resource("file B")
print("rebinding the name...")
r = Resource("file C")
print("B was closed by the rebinding")


def use_temporarily():
    local = Resource("scratch")
    print(f"  working with {local.name}")


use_temporarily()
print("the function's local was closed on return")
r = None

print()
print("== The small-int pool ==")
# Ints from -5 to 256 are preallocated and shared; bigger ones are made fresh.
a, b = int("256"), int("256")
print("256 is 256:", a is b)
a, b = int("257"), int("257")
print("257 is 257:", a is b, "- yet 257 == 257:", a == b)

print()
print("== Classes and closures ==")


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


acct = Account("Ada").deposit(30).deposit(12)
print(acct)


def make_counter(step):
    count = 0

    def tick():
        nonlocal count
        count += step
        return count

    return tick


tick = make_counter(5)
print("ticks:", [tick() for _ in range(4)])
print(f"{'name':<8}|{'value':>6}")
for name, value in [("pi", 3.14159), ("e", 2.71828)]:
    print(f"{name:<8}|{value:>6.2f}")

# To come with the gc module: a reference cycle that only gc.collect() frees,
# gc.get_count() and gc.is_tracked().
print()
print("Done: every object above was freed the moment it became unreachable.")
