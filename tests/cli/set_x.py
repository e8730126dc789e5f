x = 5
print("script ran")
