# File processing: write a CSV-ish log, read it back several ways, summarize.
import os
import sys

PATH = "_prog_files_tmp.txt"
OTHER = "_prog_files_tmp2.txt"

rows = [
    ("2024-01-03", "alice", "login", 1),
    ("2024-01-03", "bob", "upload", 42),
    ("2024-01-04", "alice", "upload", 7),
    ("2024-01-04", "carol", "login", 1),
    ("2024-01-05", "bob", "delete", 3),
    ("2024-01-05", "alice", "logout", 1),
    ("2024-01-06", "dave", "upload", 1200),
]

with open(PATH, "w") as f:
    print(type(f).__name__, f.name, f.mode, f.closed)
    n = f.write("date,user,action,count\n")
    print("wrote", n)
    for r in rows:
        f.write(",".join(str(x) for x in r) + "\n")
    print("# trailing comment without newline", end="", file=f)
print("closed?", f.closed)

with open(PATH) as f:
    header = f.readline()
    print(repr(header), header.rstrip("\n").split(","))
    second = f.readline()
    print(repr(second))
    rest = f.read()
    print(len(rest), repr(rest[-20:]))
    print(repr(f.readline()), repr(f.read()))

with open(PATH, "r", encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), lines[0], end="")
print(repr(lines[-1]))

f = open(PATH)
count = 0
for line in f:
    count += 1
    if line.startswith("#"):
        print("comment line:", line)
f.close()
print("lines:", count, f.closed)

# parse into records
records = []
with open(PATH) as f:
    keys = f.readline().strip().split(",")
    for lineno, line in enumerate(f, start=2):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rec = dict(zip(keys, line.split(",")))
        rec["count"] = int(rec["count"])
        rec["line"] = lineno
        records.append(rec)
print(records[0])
print(records[-1])

per_user = {}
for rec in records:
    u = per_user.setdefault(rec["user"], {"events": 0, "total": 0, "actions": []})
    u["events"] += 1
    u["total"] += rec["count"]
    u["actions"].append(rec["action"])
for user, info in sorted(per_user.items(), key=lambda kv: -kv[1]["total"]):
    print(f"{user:<6}{info['events']:>3}{info['total']:>7}  {','.join(info['actions'])}")

# append mode and re-reading
with open(PATH, "a") as f:
    f.write("\n2024-01-07,erin,login,1\n")
    f.writelines(["x\n", "y\n"]) if hasattr(f, "writelines") else None
with open(PATH) as f:
    content = f.read()
print(content.count("\n"), content.splitlines()[-3:])

# unicode round trip
text = "naïve café — 日本語 ✓\nsecond line\n"
with open(OTHER, "w", encoding="utf-8") as f:
    f.write(text)
with open(OTHER, encoding="utf-8") as f:
    back = f.read()
print(back == text, len(back), back.splitlines()[0][::-1])
with open(OTHER) as f:
    print([len(l) for l in f])

# copy with a transformation, using two files at once
with open(PATH) as src, open(OTHER, "w") as dst:
    for line in src:
        if "upload" in line:
            dst.write(line.upper())
with open(OTHER) as f:
    print(f.read(), end="")

print(os.path.exists(PATH), os.path.exists("definitely_missing.txt"), os.path.join("a", "b", "c.txt"))

# error cases
for bad in ("definitely_missing.txt", "no/such/dir/file.txt"):
    try:
        open(bad)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, "|", e)
    except OSError as e:
        print("OSError", e)
try:
    open(PATH, "rw")
except ValueError as e:
    print("ValueError:", e)
try:
    with open(PATH) as f:
        f.write("nope")
except Exception as e:
    print(type(e).__name__, e)
f = open(PATH)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    with open(OTHER, "w") as f:
        f.write(42)
except TypeError as e:
    print("TypeError:", e)
try:
    open(42.5)
except TypeError as e:
    print("TypeError:", e)


class Tee:
    def __init__(self, *streams):
        self.streams = streams

    def write(self, s):
        for st in self.streams:
            st.write(s)
        return len(s)

    def flush(self):
        pass


with open(OTHER, "w") as log:
    tee = Tee(sys.stdout, log)
    print("to both", 1, 2, sep="|", file=tee)
    print("second", file=tee, end="!\n")
with open(OTHER) as log:
    print(repr(log.read()))
print("to stderr", file=sys.stderr)
sys.stdout.write("direct write\n")


def process(path):
    try:
        with open(path) as fh:
            return sum(1 for _ in fh)
    except FileNotFoundError:
        raise RuntimeError("cannot process %s" % path)
    finally:
        print("processed", path)


print(process(PATH))
os.remove(PATH) if hasattr(os, "remove") else None
for p in (PATH, OTHER):
    if os.path.exists(p) and hasattr(os, "remove"):
        os.remove(p)
process("missing_input.csv")
