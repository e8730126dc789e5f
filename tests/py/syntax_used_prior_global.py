# A name read before its global declaration: "used prior" wins over "assigned".
total = 0


def add(n):
    total = n
    print(total)
    global total
    return total
