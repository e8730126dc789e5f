def get(d, k):
    d.pop(k)


get({"a": 1}, "missing")
