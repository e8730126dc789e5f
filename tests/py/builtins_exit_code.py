print("before exit")
exit(3)
print("not reached")
