# set algebra: operators, methods, comparisons and their result order.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = {1, 2, 3, 100, 200}
b = {3, 200, 7, 1000, 64}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union(b), a.union([40, 8], (72,)), a.union(), a.intersection(b), a.intersection([200, 1, 999]))
print(a.intersection(), a.intersection(b, {3}), a.difference(b), a.difference([1], {2}), a.difference())
print(a.symmetric_difference(b), a.symmetric_difference([100, 5, 13]), a.symmetric_difference({}))
print(a.union({5: 0, 6: 1}), a.intersection({1: 0, 3: 0}), a.difference({1: 0}), a.symmetric_difference({1: 0, 9: 0}))
big = set(range(100))
print(big & {5, 1, 99, 1000}, {5, 1, 99, 1000} & big, big - set(range(3, 100)), {1, 2} - big)
print(set(range(40)) - {1, 2}, set(range(10)).difference(range(3, 50)))
x = set(range(20))
x -= set(range(0, 20, 2))
print(x)
x = set(range(100))
x &= {5, 1, 99, 1000}
print(x)
x = {1, 2, 3}
x ^= {3, 4, 33}
print(x)
x = {1, 2}
x |= {65, 33}
print(x)
x = {1, 2, 3, 4}
x.intersection_update([2, 3, 9], (3, 2))
print(x)
x = {1, 2, 3, 4}
x.difference_update([1], {2})
print(x)
x = {1, 2, 3}
x.symmetric_difference_update([3, 4, 4])
print(x)
x = {1, 2, 3}
x.symmetric_difference_update(x)
print(x)
x = {1, 2, 3}
x -= x
print(x)
y = frozenset([1, 2])
z = y
y |= {3}
print(y, z, y is z)
print(frozenset({1, 2}) | {9}, {9} & frozenset({9}), frozenset([1, 2]) - {1}, frozenset([1]) ^ frozenset([2]))
t(lambda: {1} | [1])
t(lambda: {1} & (1,))
t(lambda: {1} - "a")
t(lambda: {1} ^ 1)
t(lambda: [1] | {1})


def ior_list():
    s = {1}
    s |= [2]


t(ior_list)
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2} >= {2}, {1} > set(), {1, 2} == frozenset({1, 2}))
print({1, 2} != {1, 2}, {1} < {2}, {1} > {2}, set() <= set(), frozenset() < {0})
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issubset([1]), {1, 2}.issuperset([1]), {1}.issuperset({1, 2}))
print({1}.isdisjoint([2]), {1}.isdisjoint({1}), {1, 2}.isdisjoint(range(3, 9)), set().isdisjoint(set()))
t(lambda: {1} < [1])
t(lambda: {1} <= 1)
print({1} == [1], {1} != (1,), set() == frozenset())
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset([1])), hash(frozenset(range(20))))
print(hash(frozenset(range(100))), hash(frozenset({(1, 2), 3})), hash(frozenset([frozenset([1])])))
print(hash(frozenset([-1, -2])), hash(frozenset([2 ** 70])), hash(frozenset({1, 2}) | {3}) == hash(frozenset({1, 2, 3})))
fd = frozenset(range(30))
fd2 = frozenset(range(30)) - {5}
print(hash(fd2), len({fd, fd2, frozenset(range(30))}))
d = {frozenset([1, 2]): "a"}
print(d[frozenset([2, 1])], frozenset([1, 2]) in d, {1, 2} == frozenset([2, 1]))
