# Seed article 000's psutil examples (and the 夏尔 reader comment of 002):
# show_memory_info() reads the process's RSS through psutil while big lists
# live and die.  The articles print raw MB figures; this script prints the
# facts they illustrate as booleans.  CPython has no psutil here, so the
# expected output is tpy's own (seed_psutil_memory.exp.out), checked by hand
# against the articles.
#
# Two build modes change what can be observed, and the script says so rather
# than print something else:
# - under ASan or valgrind freed blocks sit in the checker's quarantine, so
#   RSS does not come back; there the "RSS came back" facts rest on the
#   objects' lifetime alone (a weak reference to a marker inside the list);
# - with TPY_GC_STRESS=1 the collector runs at every safe point even while
#   gc is disabled, so a dropped cycle does not wait for gc.collect().
import gc
import os
import weakref

import psutil


def show_memory_info(hint):
    pid = os.getpid()
    p = psutil.Process(pid)
    info = p.memory_info()
    memory = info.rss / 1024.0 / 1024
    samples[hint] = memory


def memory_checker():
    # ASan reserves terabytes of address space for its shadow memory;
    # valgrind maps its preload library into the process
    if psutil.Process().memory_info().vms > 2 ** 40:
        return True
    with open('/proc/self/maps') as f:
        return 'vgpreload' in f.read()


RSS_COMES_BACK = not memory_checker()
STRESS = os.environ.get('TPY_GC_STRESS', '0') not in ('', '0')
samples = {}


class Marker:
    pass


def came_back(hint, ref):
    # freed, and (where RSS can show it) RSS within 20 MB of the start
    freed = ref() is None
    near = samples[hint] - samples['start'] < 20
    return freed and (near or not RSS_COMES_BACK)


# --- the psutil API the article uses
p = psutil.Process(os.getpid())
info = p.memory_info()
print("pid:", p.pid == os.getpid(), psutil.Process().pid == p.pid)
print(type(info).__name__, info._fields)
print("rss and vms in bytes:", info.rss > 1024 * 1024, info.vms >= info.rss,
      info.rss == info[0], info.rss % psutil.PAGESIZE == 0)
vm = psutil.virtual_memory()
print("virtual_memory:", vm.total > vm.available > 0, 0 <= vm.percent <= 100,
      vm.percent == round((vm.total - vm.available) / vm.total * 100, 1))
print("memory_percent:", 0 < p.memory_percent() < 100)
with open('/proc/self/comm') as f:
    print("name is the kernel's:", p.name().startswith(f.read().strip()))
try:
    psutil.Process(2 ** 22 + 12345)
except psutil.NoSuchProcess as e:
    print(type(e).__name__, e)

# --- 1. a list local to func() dies when func returns
show_memory_info('start')
box = []


def func():
    show_memory_info("func 调用前")
    a = [i for i in range(3000000)]
    a.append(Marker())
    box.append(weakref.ref(a[-1]))
    show_memory_info("func 调用结束前")


func()
show_memory_info("func 调用结束后")
print("func 调用结束前: grew by more than 50 MB:",
      samples["func 调用结束前"] - samples["func 调用前"] > 50)
print("func 调用结束后: memory came back:", came_back("func 调用结束后", box.pop()))


# --- the same list made global stays


def func_global():
    global a
    a = [i for i in range(3000000)]
    a.append(Marker())
    show_memory_info("global: func 调用结束前")


func_global()
show_memory_info("global: func 调用结束后")
print("global: still held after the call:",
      samples["global: func 调用结束后"] - samples['start'] > 50)
ref = weakref.ref(a[-1])
del a
show_memory_info("global: after del a")
print("global: came back after del a:", came_back("global: after del a", ref))


# --- the reader comment: func returns the list, a = func() keeps it


def func_returns():
    show_memory_info('initial')
    a = [i for i in range(3000000)]
    show_memory_info('after a created')
    return a


a = func_returns()
show_memory_info('finished')
print("returned list still held:", samples['finished'] - samples['initial'] > 50)
a = None

# --- 3. two lists referring to each other outlive func2 until gc.collect()
gc.disable()


def func2():
    show_memory_info("func2 调用前")
    a = [i for i in range(1000000)]
    b = [i for i in range(1000000)]
    a.append(b)
    b.append(a)
    a.append(Marker())
    box.append(weakref.ref(a[-1]))
    show_memory_info("func2 调用结束前")


func2()
ref = box.pop()
show_memory_info("func2 调用结束后")
print("func2 调用结束前: grew by more than 40 MB:",
      samples["func2 调用结束前"] - samples["func2 调用前"] > 40)
print("func2 调用结束后: the cycle is still there:", ref() is not None or STRESS)
print("  and so is its memory:", samples["func2 调用结束后"] - samples['start'] > 40
      or STRESS or not RSS_COMES_BACK)
found = gc.collect()
print("gc.collect() found the two lists:", found >= 2 or STRESS)
show_memory_info("after gc.collect()")
print("after gc.collect(): memory came back:", came_back("after gc.collect()", ref))
gc.enable()
