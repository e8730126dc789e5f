def ratio(a, b):
    return a / b


x = ratio(1, 0)
