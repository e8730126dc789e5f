# s += t grows a str in place when the variable holds its only reference;
# every other owner must keep seeing the old value.
def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def aliases():
    s = "ab"
    t = s
    s += "cd"
    u = [s]
    s += "ef"
    s = s + "gh"
    return s, t, u


def unicode_parts():
    s = "é"
    for c in "ñü€😀":
        s += c
    return s, len(s), s[2], s[-1]


def same_operand():
    s = "xy"
    s += s
    s = s + s
    return s


def not_a_str():
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print(e)
    return s


big = build(200000)
print(len(big), big[:12], big[-3:], hash(big) == hash("".join(str(i % 10) for i in range(200000))))
print(aliases())
print(unicode_parts())
print(same_operand())
print(not_a_str())
g = "glob"
g += "al"          # module level: STORE_NAME, the general path
print(g)
