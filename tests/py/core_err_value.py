def parse(s):
    int(s)
    return "parsed " + s


print(parse("12"))
parse("twelve")
