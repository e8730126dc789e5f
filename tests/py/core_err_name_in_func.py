def lookup():
    missing_global_qqq


def caller():
    print("calling lookup")
    lookup()


caller()
