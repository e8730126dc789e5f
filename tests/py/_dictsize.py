# table_rank(d): which index-table size a dict has, read from sys.getsizeof
# without depending on how an implementation lays the table out: 0 for a dict
# without a table, 1 for the smallest table (8 slots), 2 for the next (16),
# and so on.  The dict tests compare growth policies with it: tpy must grow,
# shrink and copy tables exactly when CPython 3.11 does, while its byte counts
# are its own (sys.getsizeof reports what tpy really allocates).
import sys


def _ladder(key):
    d = {}
    sizes = [sys.getsizeof(d)]
    for i in range(12000):
        d[key(i)] = None
        s = sys.getsizeof(d)
        if s != sizes[-1]:
            sizes.append(s)
    return sizes


# CPython sizes a table of str keys differently from one of other keys.
_LADDERS = [_ladder(lambda i: i), _ladder(lambda i: "s%d" % i)]


def table_rank(d):
    s = sys.getsizeof(d)
    for ladder in _LADDERS:
        if s in ladder:
            return ladder.index(s)
    return "unknown size %d" % s
