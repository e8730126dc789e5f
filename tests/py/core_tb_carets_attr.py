n = 5
print(n.nothing_here_q)
