# A traceback prints the source line with its trailing whitespace, and carets
# are shown when that whitespace means the expression is not the whole line.
def f(n):
    return [n][n + 1]   


try:
    f(0)   
except IndexError as e:
    print("caught", e)
items = [].pop(   
)
