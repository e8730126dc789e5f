# Fuzz finding: after a parser error, inconsistent tabs further on do
# not replace it with a TabError.
print(1 2)
if 1:
        a = 1
	b = 2
