#!/usr/bin/env python3
# A comment line, then code with comments, continuation lines and semicolons.
x = 1  # trailing comment
y = (1 +
     2 +
     3)
z = [
    1,
    2,  # comment inside brackets
]
w = 1 + \
    2
a = 1; b = 2; print(a, b)
print(x, y, z, w)
s = "adjacent " 'literals ' """joined"""
print(s)
print('single', "double", '''triple
quoted''', r"raw\n")
print("esc: \t|\\|\'|\"|\x41|\u00e9|\101")
print(0xff, 0o10, 0b11, 1_000, 1.5e3, 2.)
if x:

    # blank and comment lines inside a block do not end it

    print("still in the block")
print(True, False, None)
