"""Word statistics over a small corpus written to disk and read back.

The tool writes three "chapters" with open(..., "w"), appends an epilogue,
then reads everything back line by line, normalises words, and prints
reports with every formatting style Python offers: f-strings with format
specs, str.format with positional/keyword/attribute fields, and %-formatting.
"""
import os

CHAPTERS = {
    "ch1.txt": """It was the best of times, it was the worst of times;
it was the age of wisdom, it was the age of foolishness...
  It was the epoch of belief -- it was the epoch of incredulity!
""",
    "ch2.txt": """Call me Ishmael. Some years ago - never mind how long precisely -
having little or no money in my purse, and nothing particular
to interest me on shore, I thought I would sail about a little.

The whale, the WHALE, the whale!
""",
    "ch3.txt": "\tIn a hole in the ground there lived a hobbit.\n"
               "Not a nasty, dirty, wet hole, filled with the ends of worms.\n",
}
EPILOGUE = ["The end.", "", "(c) nobody, 2024"]
STOP = frozenset("a an and the of in it was to i me my or no on with there".split())
TMPDIR = "_wordstats_tmp"


class Stats:
    def __init__(self, name):
        self.name = name
        self.lines = 0
        self.blank = 0
        self.words = {}
        self.longest = ""
        self.chars = 0

    def feed(self, line):
        self.lines += 1
        stripped = line.strip()
        if not stripped:
            self.blank += 1
            return
        self.chars += len(stripped)
        for raw in stripped.split():
            word = raw.strip(".,;:!?-()'\"").lower()
            if not word or word.isdigit():
                continue
            self.words[word] = self.words.get(word, 0) + 1
            if len(word) > len(self.longest) or (len(word) == len(self.longest) and word < self.longest):
                self.longest = word

    @property
    def total(self):
        return sum(self.words.values())

    def top(self, n, skip_stop=True):
        items = [(w, c) for w, c in self.words.items() if not (skip_stop and w in STOP)]
        items.sort(key=lambda wc: (-wc[1], wc[0]))
        return items[:n]

    def __add__(self, other):
        merged = Stats(f"{self.name}+{other.name}")
        merged.lines = self.lines + other.lines
        merged.blank = self.blank + other.blank
        merged.chars = self.chars + other.chars
        merged.words = dict(self.words)
        for w, c in other.words.items():
            merged.words[w] = merged.words.get(w, 0) + c
        merged.longest = min([self.longest, other.longest], key=lambda w: (-len(w), w))
        return merged

    def __repr__(self):
        return "Stats(%r, lines=%d, words=%d)" % (self.name, self.lines, self.total)


def write_corpus():
    if not os.path.exists(TMPDIR):
        os.mkdir(TMPDIR)
    paths = []
    for name, text in CHAPTERS.items():
        path = os.path.join(TMPDIR, name)
        with open(path, "w") as f:
            f.write(text)
        paths.append(path)
    with open(paths[-1], "a") as f:
        for line in EPILOGUE:
            print(line, file=f)
    return paths


def analyse(paths):
    per_file = []
    for path in paths:
        st = Stats(os.path.basename(path))
        with open(path) as f:
            for line in f:
                st.feed(line)
        per_file.append(st)
    return per_file


def report(per_file):
    print(f"{'file':<10}|{'lines':>6}|{'blank':>6}|{'words':>6}|{'chars':>6}| longest")
    print("-" * 10 + "+" + "+".join(["-" * 6] * 4) + "+" + "-" * 12)
    for st in per_file:
        print(f"{st.name:<10}|{st.lines:>6d}|{st.blank:>6}|{st.total:>6,}|{st.chars:>6}| {st.longest!r}")
    everything = per_file[0]
    for st in per_file[1:]:
        everything = everything + st
    print("{0:<10}|{1.lines:>6}|{1.blank:>6}|{1.total:>6}|{1.chars:>6}| {1.longest}".format("TOTAL", everything))
    print()
    print("Top words (stop words removed):")
    for rank, (word, count) in enumerate(everything.top(8), 1):
        share = count / everything.total
        bar = "#" * count
        print("%2d. %-12s %3d %6.2f%% %s" % (rank, word, count, share * 100, bar))
    print()
    lengths = {}
    for word, count in everything.words.items():
        lengths[len(word)] = lengths.get(len(word), 0) + count
    print("Word length histogram:")
    for length in sorted(lengths):
        print("  {:>2} letters: {:<20} ({})".format(length, "*" * lengths[length], lengths[length]))
    mean = sum(k * v for k, v in lengths.items()) / sum(lengths.values())
    print(f"  mean length {mean:.3f}, median bucket {sorted(lengths)[len(lengths) // 2]}")
    return everything


def letters(everything):
    counts = {}
    for word, n in everything.words.items():
        for ch in word:
            if ch.isalpha():
                counts[ch] = counts.get(ch, 0) + n
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print("Letters:", " ".join(f"{ch}={n}" for ch, n in ordered[:10]))
    vowels = sum(n for ch, n in counts.items() if ch in "aeiou")
    print("Vowel ratio: {:.1%} of {:,} letters".format(vowels / sum(counts.values()), sum(counts.values())))
    missing = sorted(set("abcdefghijklmnopqrstuvwxyz") - counts.keys())
    print("Unused letters:", "".join(missing) or "(none)")


def concordance(paths, word):
    hits = []
    for path in paths:
        with open(path) as f:
            for lineno, line in enumerate(f, 1):
                low = line.lower()
                start = low.find(word)
                while start != -1:
                    ctx = line[max(0, start - 12):start + len(word) + 12].replace("\t", " ").rstrip("\n")
                    hits.append((os.path.basename(path), lineno, start, ctx))
                    start = low.find(word, start + 1)
    for name, lineno, col, ctx in hits:
        print(f"  {name}:{lineno}:{col:<3} ...{ctx:^36}...")
    return len(hits)


def cleanup(paths):
    for p in paths:
        os.remove(p)
    os.rmdir(TMPDIR)


paths = write_corpus()
try:
    stats = analyse(paths)
    print(stats)
    total = report(stats)
    letters(total)
    print()
    for w in ("whale", "hole", "times"):
        print(f"concordance for {w!r}:")
        print("  ->", concordance(paths, w), "hit(s)")
    with open(paths[2]) as f:
        head = f.readline()
        rest = f.read()
    print(repr(head), len(rest.splitlines()), rest.splitlines()[-1])
    with open(paths[0]) as f:
        print([len(line) for line in f.readlines()])
finally:
    cleanup(paths)
print("cleaned up:", not os.path.exists(TMPDIR))
