items = []
print("popping from", items)
items.pop()
