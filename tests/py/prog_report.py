# Text utilities a script writer ends up writing by hand: a month calendar
# (Zeller's congruence, no datetime), roman numerals both ways, numbers in
# words, a greedy and a balanced word wrapper, and an invoice rendered with
# f-strings, str.format and %-formatting side by side.

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def weekday(year, month, day):
    """0 = Monday ... 6 = Sunday (Zeller's congruence)."""
    if month < 3:
        month += 12
        year -= 1
    k, j = year % 100, year // 100
    h = (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def calendar(year, month):
    title = f"{MONTHS[month - 1]} {year}"
    lines = [title.center(20).rstrip(), " ".join(DAYS)]
    cells = ["  "] * weekday(year, month, 1) + [f"{d:2d}" for d in range(1, days_in_month(year, month) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]).rstrip())
    return "\n".join(lines)


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"{n} is out of range for roman numerals")
    out = []
    for value, sym in ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def from_roman(s):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s.upper()):
        if ch not in values:
            raise ValueError(f"invalid roman digit {ch!r} in {s!r}")
        v = values[ch]
        nxt = values.get(s.upper()[i + 1:i + 2], 0)
        total += -v if v < nxt else v
    if to_roman(total) != s.upper():
        raise ValueError(f"{s!r} is not canonical (did you mean {to_roman(total)}?)")
    return total


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
       "fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = [(10 ** 12, "trillion"), (10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")]


def words(n):
    if n < 0:
        return "minus " + words(-n)
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return TENS[tens] + ("-" + ONES[rest] if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return ONES[hundreds] + " hundred" + (" and " + words(rest) if rest else "")
    for scale, name in SCALES:
        if n >= scale:
            big, rest = divmod(n, scale)
            tail = ""
            if rest:
                tail = (" and " if rest < 100 else ", ") + words(rest)
            return words(big) + " " + name + tail
    raise AssertionError("unreachable")


def wrap_greedy(text, width):
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def wrap_balanced(text, width):
    """Minimise the sum of squared trailing spaces (dynamic programming)."""
    ws = text.split()
    n = len(ws)
    best = [0] * (n + 1)
    choice = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = float("inf")
        length = -1
        for j in range(i, n):
            length += len(ws[j]) + 1
            if length > width:
                break
            cost = 0 if j == n - 1 else (width - length) ** 2
            if cost + best[j + 1] < best[i]:
                best[i] = cost + best[j + 1]
                choice[i] = j + 1
    lines, i = [], 0
    while i < n:
        lines.append(" ".join(ws[i:choice[i]]))
        i = choice[i]
    return lines


def justify(line, width):
    gaps = line.count(" ")
    if not gaps:
        return line.ljust(width)
    parts = line.split(" ")
    extra = width - sum(len(p) for p in parts)
    q, r = divmod(extra, gaps)
    return "".join(p + (" " * (q + (1 if i < r else 0)) if i < gaps else "") for i, p in enumerate(parts))


print(calendar(2024, 2))
print()
print(calendar(2023, 10))
print("weekdays:", [DAYS[weekday(2000, 1, 1)], DAYS[weekday(1969, 7, 20)], DAYS[weekday(2100, 12, 31)]])
print("leap:", [y for y in (1900, 2000, 2023, 2024, 2100) if is_leap(y)])

for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999):
    r = to_roman(n)
    assert from_roman(r) == n
    print(f"{n:>5} = {r:<12}", end="|" if n != 3999 else "\n")
for bad in ("IIII", "MMXZ", "VX", 0, 4000):
    try:
        print(from_roman(bad) if isinstance(bad, str) else to_roman(bad))
    except ValueError as e:
        print("ValueError:", e)

for n in (0, 7, 13, 21, 100, 105, 342, 1000, 1001, 12345, 1000000, 2500000017, -45, 10 ** 12 + 3):
    print(f"{n:>15,} {words(n)}")

TEXT = ("It is a truth universally acknowledged, that a single man in possession "
        "of a good fortune, must be in want of a wife. However little known the "
        "feelings or views of such a man may be on his first entering a neighbourhood, "
        "this truth is so well fixed in the minds of the surrounding families.")
for name, fn in (("greedy", wrap_greedy), ("balanced", wrap_balanced)):
    lines = fn(TEXT, 36)
    raggedness = sum((36 - len(l)) ** 2 for l in lines[:-1])
    print(f"--- {name}: {len(lines)} lines, raggedness {raggedness}")
    for line in lines:
        print("|" + justify(line, 36) + "|" if line is not lines[-1] else "|" + line.ljust(36) + "|")

ITEMS = [("Widget, large", 3, 19.99, 0.0), ("Gadget", 10, 4.5, 0.1), ("Thingamajig", 1, 249.0, 0.15),
         ("Doohickey (pack of 12)", 2, 12.75, 0.0)]
TAX = 0.0825
print()
print("=" * 64)
print("{:^64}".format("INVOICE #%05d" % 427))
print("=" * 64)
print("%-24s %5s %10s %8s %12s" % ("Item", "Qty", "Unit", "Disc", "Total"))
print("-" * 64)
subtotal = 0
for name, qty, unit, disc in ITEMS:
    line = qty * unit * (1 - disc)
    subtotal += line
    label = name if len(name) <= 24 else name[:21] + "..."
    disc_s = f"{disc:.0%}" if disc else "-"
    print(f"{label:<24} {qty:>5d} {unit:>10,.2f} {disc_s:>8} {line:>12,.2f}")
print("-" * 64)
tax = round(subtotal * TAX, 2)
for label, amount in (("Subtotal", subtotal), (f"Tax ({TAX:.2%})", tax), ("TOTAL", subtotal + tax)):
    print("{0:>49} {1:>14}".format(label + ":", "${:,.2f}".format(amount)))
print("Amount in words: {} dollars and {:02d} cents".format(
    words(int(subtotal + tax)), round((subtotal + tax) * 100) % 100).capitalize())
