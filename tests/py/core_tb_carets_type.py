total = 1 + "one"
