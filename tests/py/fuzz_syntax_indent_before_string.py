# Fuzz finding: an unexpected indent is reported at once, even when a
# tokenizer error (the unterminated string below) follows on the same line.
x = 1
    y = "abc
print(x)
