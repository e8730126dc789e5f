# File objects: truncate, line_buffering/write_through, IOBase's _check* helpers,
# _CHUNK_SIZE, __del__, and the _io.TextIOWrapper type name.
import sys
fn = "_file_extras_tmp.txt"
f = open(fn, "w")
print(type(f), type(f).__module__, type(f).__name__, f.line_buffering, f.write_through, f._CHUNK_SIZE, f._finalizing)
print(f._checkClosed(), f._checkWritable(), f._checkSeekable())
try: f._checkReadable()
except Exception as e: print(type(e).__name__, e)
f.write("hello world"); print(f.truncate(5), f.tell()); f.seek(0); print(f.truncate())
f.write("abc"); print(f.truncate(), f.tell())
f.close()
print(repr(open(fn).read()))
for meth in ("_checkClosed", "truncate"):
    try: getattr(f, meth)()
    except Exception as e: print(type(e).__name__, e)
g = open(fn)
try: g.truncate()
except Exception as e: print(type(e).__name__, e)
for v in ['x', -1, 2**70, 1.5, None, 100]:
    try: g._CHUNK_SIZE = v; print('ok', g._CHUNK_SIZE)
    except Exception as e: print(type(e).__name__, e)
try: del g._CHUNK_SIZE
except Exception as e: print(type(e).__name__, e)
try: g._checkWritable()
except Exception as e: print(type(e).__name__, e)
print(g.__del__(), g.closed)
h = open(fn, "r+"); h.seek(1); print(h.truncate(), repr(open(fn).read())); h.close()
import os; os.remove(fn)
print(sorted(set(dir(sys.stdout)) - {"buffer", "detach", "reconfigure", "__getstate__", "__reduce__", "__reduce_ex__", "__dict__"}) == sorted(set(dir(g)) - {"buffer", "detach", "reconfigure", "__getstate__", "__reduce__", "__reduce_ex__", "__dict__"}))
