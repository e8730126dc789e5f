# Shifts whose result cannot exist: OverflowError past what a size can count,
# MemoryError below that, as CPython 3.11 (and 0 or -1 when nothing is shifted).
for f in (lambda: 1 << 10**20, lambda: 1 << 2**62, lambda: (-3) << 10**30, lambda: 0 << 10**20,
          lambda: -1 >> 10**20, lambda: 5 >> 10**20, lambda: 1 << -1):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
