import os
import os.path


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as ex:
        print(label, "=>", type(ex).__name__ + ":", ex)


print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, os.path.sep)
print(os.path.__name__, os.path is os.path, type(os.environ).__name__ in ("dict", "_Environ"))
print(type(os.getpid()).__name__, os.getpid() > 0, type(os.getcwd()).__name__)
print(os.getenv("TPY_SURELY_UNSET_VAR"), os.getenv("TPY_SURELY_UNSET_VAR", "dflt"))
print(os.getenv("PATH") == os.environ.get("PATH"), "PATH" in os.environ)
check("os.getenv()", lambda: os.getenv())
check("os.getenv(1)", lambda: os.getenv(1))
check("os.getcwd(1)", lambda: os.getcwd(1))

j = os.path.join
print(j("a"), j("a", "b"), j("a", "b", "c"), j("a/", "b"), j("a", "/b", "c"), j("a", ""), j("", "a"))
print(j("/", "x"), j("a//", "b"), j("a", "b", ""), j("", ""), j("a", "b/", "c"))
check("os.path.join()", lambda: os.path.join())
check("os.path.join('a', 1)", lambda: os.path.join("a", 1))
check("os.path.join(1)", lambda: os.path.join(1))

for p in ["/a/b", "a/b/", "a", "/", "", "//a//b", "a/b.c/d", "/x/y.tar.gz", ".bashrc", "a/.hidden",
          "a/..b", "...", "x.", "/a/b/.."]:
    print(repr(p), os.path.basename(p), os.path.dirname(p), os.path.split(p), os.path.splitext(p))
for p in ["a//b/../c/.", "", "//a", "///a/..", "/../x", "../x/..", "./", "a/./b/../../..", "/a/b/"]:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.abspath("/a/../b"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
check("os.path.basename(1)", lambda: os.path.basename(1))

print(os.path.exists("."), os.path.exists("os_path.py"), os.path.exists("/nonexistent/x"))
print(os.path.isdir("."), os.path.isfile("."), os.path.isfile("os_path.py"), os.path.isdir("os_path.py"))
print(os.path.exists(""), os.path.isfile("/nonexistent"))

NAME = "_tmp_os_path_dir"
os.mkdir(NAME)
print(os.path.isdir(NAME), os.listdir(NAME))
for n in ["b.txt", "a.txt"]:
    with open(os.path.join(NAME, n), "w") as f:
        f.write(n)
print(sorted(os.listdir(NAME)), os.path.getsize(os.path.join(NAME, "a.txt")))
os.rename(os.path.join(NAME, "a.txt"), os.path.join(NAME, "c.txt"))
print(sorted(os.listdir(NAME)))
for n in os.listdir(NAME):
    os.remove(os.path.join(NAME, n))
os.rmdir(NAME)
print(os.path.exists(NAME))
check("os.listdir('/nonexistent')", lambda: os.listdir("/nonexistent"))
check("os.remove('/nonexistent')", lambda: os.remove("/nonexistent"))
check("os.rmdir('/nonexistent')", lambda: os.rmdir("/nonexistent"))
check("os.listdir(1.5)", lambda: os.listdir(1.5))
check("os.remove(1.5)", lambda: os.remove(1.5))
check("os.mkdir('.')", lambda: os.mkdir("."))
