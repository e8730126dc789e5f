# A ledger kept in a CSV-like text file: writing with print(file=) and
# write(), reading back line by line, parsing with validation errors that
# carry line numbers, grouping and totals, reports formatted with % and
# str.format, and cleanup of the file in a finally block.
import os

PATH = "prog2_ledger.tmp"

RAW = [
    ("2024-01-03", "groceries", "-54.20", "weekly shop"),
    ("2024-01-05", "salary", "2500.00", "january"),
    ("2024-01-09", "rent", "-900", ""),
    ("2024-01-12", "groceries", "-61.75", "weekly, with guests"),
    ("2024-01-15", "fun", "-12.5", "cinema"),
    ("2024-02-01", "rent", "-900", ""),
    ("2024-02-02", "salary", "2500.00", "february"),
    ("2024-02-03", "groceries", "-48.05", ""),
    ("2024-02-14", "fun", "-75.00", "dinner \"out\""),
    ("2024-02-20", "refund", "19.99", "returned item"),
]


class LedgerError(ValueError):
    def __init__(self, lineno, message):
        super().__init__(f"line {lineno}: {message}")
        self.lineno = lineno


def quote(field):
    if any(c in field for c in ',"\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def split_line(line):
    fields, buf, inq, i = [], [], False, 0
    while i < len(line):
        c = line[i]
        if inq:
            if c == '"':
                if line[i + 1:i + 2] == '"':
                    buf.append('"')
                    i += 1
                else:
                    inq = False
            else:
                buf.append(c)
        elif c == '"':
            inq = True
        elif c == ",":
            fields.append("".join(buf))
            buf = []
        else:
            buf.append(c)
        i += 1
    if inq:
        raise ValueError("unterminated quote")
    fields.append("".join(buf))
    return fields


class Entry:
    def __init__(self, date, category, amount, note):
        self.date, self.category, self.amount, self.note = date, category, amount, note

    @property
    def month(self):
        return self.date[:7]

    def __repr__(self):
        return "Entry(%r, %r, %.2f)" % (self.date, self.category, self.amount)


def write_ledger(path, rows, extra_lines=()):
    written = 0
    with open(path, "w") as f:
        written += f.write("date,category,amount,note\n")
        for row in rows:
            print(",".join(quote(x) for x in row), file=f)
        for line in extra_lines:
            written += f.write(line + "\n")
    return written


def read_ledger(path, strict=True):
    entries, errors = [], []
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
        for lineno, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            try:
                fields = split_line(line)
                if len(fields) != len(header):
                    raise LedgerError(lineno, f"expected {len(header)} fields, got {len(fields)}")
                rec = dict(zip(header, fields))
                try:
                    amount = float(rec["amount"])
                except ValueError as e:
                    raise LedgerError(lineno, f"bad amount {rec['amount']!r}") from e
                y, m, d = (int(p) for p in rec["date"].split("-"))
                if not (1 <= m <= 12 and 1 <= d <= 31):
                    raise LedgerError(lineno, "date out of range: %s" % rec["date"])
                entries.append(Entry(rec["date"], rec["category"], amount, rec["note"]))
            except LedgerError as e:
                if strict:
                    raise
                errors.append(e)
            except ValueError as e:
                err = LedgerError(lineno, str(e))
                if strict:
                    raise err from e
                errors.append(err)
    return entries, errors


def report(entries):
    by_month = {}
    for e in entries:
        by_month.setdefault(e.month, []).append(e)
    lines = []
    for month in sorted(by_month):
        items = by_month[month]
        income = sum(e.amount for e in items if e.amount > 0)
        spent = -sum(e.amount for e in items if e.amount < 0)
        lines.append("%-8s in %9.2f  out %9.2f  net %+10.2f" % (month, income, spent, income - spent))
        cats = {}
        for e in items:
            cats[e.category] = cats.get(e.category, 0) + e.amount
        for cat, total in sorted(cats.items(), key=lambda kv: (kv[1], kv[0])):
            share = total / -spent if total < 0 and spent else 0
            lines.append("    {:<10}{:>10,.2f} {:>7.1%}".format(cat, total, share))
    return "\n".join(lines)


try:
    n = write_ledger(PATH, RAW)
    print("header+extra chars written:", n, "exists:", os.path.exists(PATH))
    with open(PATH) as f:
        text = f.read()
    print("file has", len(text), "chars,", text.count("\n"), "lines")
    print(repr(text.splitlines()[4]), repr(text.splitlines()[9]))
    entries, errors = read_ledger(PATH)
    print(len(entries), "entries;", entries[:2], entries[-1].note)
    print(report(entries))
    biggest = sorted(entries, key=lambda e: abs(e.amount), reverse=True)[:3]
    print("biggest:", [(e.date, e.amount) for e in biggest])
    notes = [e.note for e in entries if e.note]
    print("notes:", "; ".join(notes))
    with open(PATH, "a") as f:
        f.write("# appended later\n")
        f.write("2024-02-30,fun,abc,\n")
        f.write("2024-13-01,fun,1,\n")
        f.write("2024-03-01,fun,1\n")
        f.write('2024-03-02,fun,"2,5,x\n')
        f.write("2024-03-x,fun,3,\n")
        f.write("2024-03-05,fun,4,ok\n")
    try:
        read_ledger(PATH)
    except LedgerError as e:
        print("strict:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)
    entries, errors = read_ledger(PATH, strict=False)
    print(len(entries), "entries,", len(errors), "errors")
    for e in errors:
        print("  ", e.lineno, e)
    with open(PATH) as f:
        first = f.readline()
        f.readline()
        rest = f.readlines()
        print(repr(first), len(rest), repr(f.readline()), repr(f.read()))
finally:
    if os.path.exists(PATH):
        os.remove(PATH)
    print("cleaned:", not os.path.exists(PATH))
try:
    open(PATH)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
