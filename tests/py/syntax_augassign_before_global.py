# x += 1 before a global declaration counts as an assignment, not a use.
hits = 0


def hit():
    hits += 1
    global hits
