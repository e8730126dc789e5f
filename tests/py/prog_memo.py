# Caching done three ways: a memoizing decorator built from closures and
# function attributes, an LRU cache class with properties, classmethods and
# staticmethods, and an object cache that holds its values weakly, so entries
# vanish when the last strong reference goes (and cycles go at gc.collect()).
import gc
import sys
import weakref


def memoize(maxsize=None):
    def decorate(fn):
        cache = {}
        stats = {"hits": 0, "misses": 0}

        def wrapper(*args, **kwargs):
            key = args + tuple(sorted(kwargs.items()))
            if key in cache:
                stats["hits"] += 1
                return cache[key]
            stats["misses"] += 1
            value = fn(*args, **kwargs)
            if maxsize is not None and len(cache) >= maxsize:
                cache.pop(next(iter(cache)))
            cache[key] = value
            return value

        def info():
            return "%s: hits=%d misses=%d size=%d" % (fn.__name__, stats["hits"], stats["misses"], len(cache))

        wrapper.__name__ = fn.__name__
        wrapper.__qualname__ = fn.__qualname__
        wrapper.__doc__ = fn.__doc__
        wrapper.__wrapped__ = fn
        wrapper.cache_info = info
        wrapper.cache_clear = cache.clear
        return wrapper
    return decorate


@memoize()
def fib(n):
    "Fibonacci numbers, exponentially slow without the cache."
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@memoize(maxsize=3)
def slow_square(x, *, offset=0):
    return x * x + offset


print(fib(90), fib(200) % 1000000007, fib.cache_info())
print(fib.__name__, fib.__qualname__, fib.__doc__, fib.__wrapped__.__name__)
for x in [1, 2, 3, 1, 4, 1, 2]:
    slow_square(x)
print(slow_square(2, offset=1), slow_square(2, offset=1), slow_square.cache_info())
fib.cache_clear()
print(fib.cache_info())


class LRUCache:
    _created = 0
    MISSING = object()

    def __init__(self, capacity=4):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._data = {}
        self.hits = self.misses = self.evictions = 0
        LRUCache._created += 1

    @classmethod
    def created(cls):
        return cls._created

    @classmethod
    def from_pairs(cls, pairs, capacity=None):
        pairs = list(pairs)
        cache = cls(capacity or max(1, len(pairs)))
        for k, v in pairs:
            cache[k] = v
        return cache

    @staticmethod
    def describe_ratio(hits, total):
        return "n/a" if not total else f"{hits / total:.0%}"

    @property
    def capacity(self):
        return self._capacity

    @capacity.setter
    def capacity(self, value):
        if value < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = value
        while len(self._data) > value:
            self._evict()

    @property
    def hit_ratio(self):
        return self.describe_ratio(self.hits, self.hits + self.misses)

    def _evict(self):
        oldest = next(iter(self._data))
        del self._data[oldest]
        self.evictions += 1

    def __getitem__(self, key):
        value = self._data.pop(key, self.MISSING)
        if value is self.MISSING:
            self.misses += 1
            raise KeyError(key)
        self.hits += 1
        self._data[key] = value
        return value

    def __setitem__(self, key, value):
        self._data.pop(key, None)
        self._data[key] = value
        if len(self._data) > self._capacity:
            self._evict()

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return f"{type(self).__name__}({self._capacity}, {{{items}}})"


c = LRUCache(3)
for k in "abcab":
    c[k] = k.upper()
c["d"] = "D"
print(c, len(c), list(c), "a" in c, "c" in c)
print(c.get("a"), c.get("zz", "-"), c["b"], c.hit_ratio, c.evictions)
try:
    c["nope"]
except KeyError as e:
    print("KeyError", e)
c.capacity = 1
print(c, c.capacity, c.evictions, c.hit_ratio)
try:
    c.capacity = 0
except ValueError as e:
    print("ValueError:", e)
d = LRUCache.from_pairs(zip("xyz", range(3)))
print(d, LRUCache.created(), d.created(), LRUCache.describe_ratio(0, 0), type(LRUCache.__dict__["describe_ratio"]).__name__)


class Texture:
    loads = 0

    def __init__(self, name):
        self.name = name
        self.owner = None
        Texture.loads += 1

    def __repr__(self):
        return f"Texture({self.name!r})"

    def __del__(self):
        print(f"  freeing {self.name}")


class TextureCache:
    def __init__(self):
        self._items = weakref.WeakValueDictionary()

    def load(self, name):
        tex = self._items.get(name)
        if tex is None:
            tex = Texture(name)
            self._items[name] = tex
        return tex

    def names(self):
        return sorted(self._items.keys())


cache = TextureCache()
grass = cache.load("grass")
stone = cache.load("stone")
again = cache.load("grass")
print("same object:", again is grass, "loads:", Texture.loads, "cached:", cache.names())
print("refcount of grass:", sys.getrefcount(grass))
del again
print("after del again:", cache.names())
del grass
print("after del grass:", cache.names())
watcher = weakref.ref(stone, lambda r: print("  weakref callback, dead:", r() is None))
stone = None
print("after stone = None:", cache.names(), watcher())

# a cycle keeps objects alive until the collector runs
gc.collect()
a, b = cache.load("cycle-a"), cache.load("cycle-b")
a.owner, b.owner = b, a
del a, b
print("cycle still cached:", cache.names())
found = gc.collect()
print("collected something:", found > 0, "cached now:", cache.names())
print("total loads:", Texture.loads)
