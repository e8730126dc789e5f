print("not printed: syntax errors stop the whole file")
if True
    print("x")
