# exit and quit are Quitter objects: repr for the REPL, SystemExit when called.
print(repr(exit), str(quit), type(exit).__name__, callable(exit))
for call in (lambda: exit(1, 2), lambda: exit(x=1), lambda: quit(1, code=2)):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    exit(code="bye")
except SystemExit as e:
    print("SystemExit", e.code)
quit(3)
