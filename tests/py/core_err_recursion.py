def forever():
    forever()


print("recursing")
forever()
