import time


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
print(type(t0).__name__, t0 > 1.6e9, type(time.time_ns()).__name__, time.time_ns() > 1.6e18)
time.sleep(0.05)
time.sleep(0)
time.sleep(1 / 100)
print(time.perf_counter() - p0 >= 0.05, time.monotonic() - m0 >= 0.05, time.time() >= t0)
print(type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__)
print(time.process_time() >= 0, time.monotonic_ns() > 0)
check("time.sleep(-1)", lambda: time.sleep(-1))
check("time.sleep('a')", lambda: time.sleep("a"))
check("time.sleep()", lambda: time.sleep())
check("time.time(1)", lambda: time.time(1))
