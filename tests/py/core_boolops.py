print(True and False, True or False, not True, not False)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print("" or [] or 0, "x" and [] and 3, [] or {} or "last")
print(not 0, not 1, not "", not "a", not [], not [0], not None)


def t(name):
    print("called", name)
    return True


def f(name):
    print("called", name)
    return False


print(f("a") and t("b"))
print(t("c") or f("d"))
print(f("e") or t("f") and f("g"))
print(not f("h") and t("i"))
x = 0
y = x or 42
print(y)
print(bool(0), bool(1), bool(""), bool("0"), bool(None), bool([]), bool([[]]))
