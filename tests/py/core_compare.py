print(1 < 2, 2 < 1, 1 <= 1, 2 >= 3, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
x = 1
print(1 == 1.0, 2 < 2.5, "a" < "b", "abc" < "abd", "Z" < "a")
print([1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
n = None
print(None is None, n is not None, [] is [], x is not None)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "k" in {"k": 1})
print("" in "abc", "ac" in "abc", 3 in (1, 2))
print(True == 1, False == 0, True + True)


def loud(v):
    print("eval", v)
    return v


print(loud(1) < loud(2) < loud(0) < loud(5))
print(loud(3) < loud(2) < loud(9))
x = 5
print(0 < x < 10, 0 < x < 5, x == 5 != 6)
