# The gc module's API surface: thresholds, enable/disable, debug flags,
# argument errors with CPython's messages.
import gc

print(gc.get_threshold())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.callbacks, gc.garbage)
print(type(gc.get_stats()), len(gc.get_stats()))
print(sorted(k for k in gc.get_stats()[0] if k in ("collections", "collected", "uncollectable")))
print(gc.get_freeze_count())
print(gc)
print(gc.collect)


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", type(r).__name__)


attempt(lambda: gc.collect(3))
attempt(lambda: gc.collect(-1))
attempt(lambda: gc.collect("a"))
attempt(lambda: gc.collect(1, 2))
attempt(lambda: gc.collect(generation=0))
attempt(lambda: gc.collect(2.0))
attempt(lambda: gc.set_threshold())
attempt(lambda: gc.set_threshold(1, 2, 3, 4))
attempt(lambda: gc.set_threshold(1.5))
attempt(lambda: gc.set_threshold(a=1))
attempt(lambda: gc.get_objects(3))
attempt(lambda: gc.set_debug())
attempt(lambda: gc.set_debug("x"))
attempt(lambda: gc.is_tracked())
attempt(lambda: gc.is_finalized(1, 2))
attempt(lambda: gc.enable(1))
attempt(lambda: gc.get_count(1))
attempt(lambda: gc.set_threshold(2 ** 70))
gc.set_threshold(700, 10, 10)
