x = 1
try:
    pass
