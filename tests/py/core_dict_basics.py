d = {"a": 1, "b": 2}
print(d, len(d), d["a"])
d["c"] = 3
d["a"] = 100
print(d)
print("a" in d, "z" in d, "z" not in d)
print(d.get("b"), d.get("z"), d.get("z", "default"))
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
e = {}
e[1] = "int key"
e[(1, 2)] = "tuple key"
e[2.5] = "float key"
print(e)
print({1: "one", 1.0: "float one", True: "bool one"})
counts = {}
for w in ["the", "cat", "and", "the", "hat", "and", "the"]:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]))
print({k: k * k for k in range(4)})
print({}, {"nested": {"inner": [1, 2]}})
