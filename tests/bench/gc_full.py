# Issue 5 figure (a): a full gc.collect() over 1 000 000 live containers with
# no garbage.  Prints the mean time of five collections.
import gc
import time

keep = [[i] for i in range(1000000)]
gc.collect()
t = time.perf_counter()
for _ in range(5):
    gc.collect()
print("%.6f" % ((time.perf_counter() - t) / 5))
