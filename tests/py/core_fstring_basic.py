name = "tpy"
n = 3
pi = 3.14159
print(f"hello {name}")
print(f"{n} + {n} = {n + n}")
print(f"{name!r} {name!s}")
print(f"{pi:.2f} [{n:>4}] [{n:<4}] [{n:^5}] [{n:04}]")
print(f"{{literal braces}} {n}")
items = [1, 2]
print(f"{items} {len(items)} {items[0]}")
width = 6
print(f"[{name:>{width}}]")
print(f"nested {'quotes'} ok", f'{"double"}')
