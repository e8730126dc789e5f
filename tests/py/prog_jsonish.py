# A hand-written JSON reader and pretty printer: a recursive-descent parser
# with line/column error reporting, a serializer with indentation, key sorting
# and cycle detection, and a small query language over the parsed data.

class ParseError(ValueError):
    def __init__(self, msg, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        super().__init__(f"{msg}: line {line} column {col} (char {pos})")
        self.msg, self.pos, self.lineno, self.colno = msg, pos, line, col


WHITESPACE = " \t\n\r"
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.depth = 0

    def error(self, msg, pos=None):
        raise ParseError(msg, self.text, self.pos if pos is None else pos)

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in WHITESPACE:
            self.pos += 1

    def peek(self):
        self.skip()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, ch):
        if self.peek() != ch:
            self.error(f"Expecting {ch!r}")
        self.pos += 1

    def parse(self):
        value = self.value()
        if self.peek():
            self.error("Extra data")
        return value

    def value(self):
        ch = self.peek()
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if ch == "-" or ch.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error("Expecting value")

    def obj(self):
        self.pos += 1
        self.depth += 1
        result = {}
        if self.peek() == "}":
            self.pos += 1
            self.depth -= 1
            return result
        while True:
            if self.peek() != '"':
                self.error("Expecting property name enclosed in double quotes")
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            ch = self.peek()
            self.pos += 1
            if ch == "}":
                break
            if ch != ",":
                self.error("Expecting ',' delimiter", self.pos - 1)
        self.depth -= 1
        return result

    def arr(self):
        self.pos += 1
        items = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            ch = self.peek()
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                self.error("Expecting ',' delimiter", self.pos - 1)

    def string(self):
        start = self.pos
        self.pos += 1
        out = []
        while True:
            if self.pos >= len(self.text):
                self.error("Unterminated string starting at", start)
            ch = self.text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                esc = self.text[self.pos + 1:self.pos + 2]
                if esc == "u":
                    digits = self.text[self.pos + 2:self.pos + 6]
                    try:
                        out.append(chr(int(digits, 16)))
                    except ValueError:
                        self.error("Invalid \\uXXXX escape")
                    self.pos += 6
                    continue
                if esc not in ESCAPES:
                    self.error("Invalid \\escape")
                out.append(ESCAPES[esc])
                self.pos += 2
                continue
            out.append(ch)
            self.pos += 1

    def number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and self.text[self.pos] in "0123456789":
            self.pos += 1
        is_float = False
        if self.text[self.pos:self.pos + 1] == ".":
            is_float = True
            self.pos += 1
            while self.pos < len(self.text) and self.text[self.pos].isdigit():
                self.pos += 1
        if self.text[self.pos:self.pos + 1] in ("e", "E"):
            is_float = True
            self.pos += 1
            if self.text[self.pos:self.pos + 1] in "+-":
                self.pos += 1
            while self.pos < len(self.text) and self.text[self.pos].isdigit():
                self.pos += 1
        token = self.text[start:self.pos]
        return float(token) if is_float else int(token)


def loads(text):
    return Parser(text).parse()


def quote(s):
    parts = ['"']
    for ch in s:
        if ch == '"':
            parts.append('\\"')
        elif ch == "\\":
            parts.append("\\\\")
        elif ch == "\n":
            parts.append("\\n")
        elif ch == "\t":
            parts.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            parts.append("\\u%04x" % ord(ch))
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


def dumps(value, indent=None, sort_keys=False, _level=0, _seen=None):
    if _seen is None:
        _seen = set()
    pad = "" if indent is None else "\n" + " " * (indent * (_level + 1))
    end = "" if indent is None else "\n" + " " * (indent * _level)
    sep = ", " if indent is None else ","
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (list, tuple, dict)):
        if id(value) in _seen:
            raise ValueError("Circular reference detected")
        _seen.add(id(value))
        try:
            if isinstance(value, dict):
                if not value:
                    return "{}"
                keys = sorted(value) if sort_keys else list(value)
                body = sep.join(pad + quote(str(k)) + ": " + dumps(value[k], indent, sort_keys, _level + 1, _seen)
                                for k in keys)
                return "{" + body + end + "}"
            if not value:
                return "[]"
            body = sep.join(pad + dumps(v, indent, sort_keys, _level + 1, _seen) for v in value)
            return "[" + body + end + "]"
        finally:
            _seen.discard(id(value))
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def query(data, path):
    """Tiny path language: a.b[2].c, with * meaning every item."""
    tokens = []
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        if part.startswith("["):
            tokens.append(int(part[1:-1]) if part[1:-1] != "*" else "*")
        else:
            tokens.append(part)
    current = [data]
    for tok in tokens:
        nxt = []
        for node in current:
            if tok == "*":
                nxt.extend(node.values() if isinstance(node, dict) else node)
            elif isinstance(tok, int):
                if isinstance(node, list) and -len(node) <= tok < len(node):
                    nxt.append(node[tok])
            elif isinstance(node, dict) and tok in node:
                nxt.append(node[tok])
        current = nxt
    return current


DOC = """
{
  "name": "tpy inventory",
  "version": 3,
  "ratio": 0.125,
  "tags": ["alpha", "beta\\tgamma", "caf\\u00e9"],
  "owner": {"first": "Ada", "last": "Lovelace", "age": 36, "verified": true},
  "items": [
    {"sku": "A-1", "qty": 10, "price": 2.5, "dims": [1, 2, 3]},
    {"sku": "B-22", "qty": 0, "price": 19.99, "dims": []},
    {"sku": "C-333", "qty": 7, "price": 1e3, "dims": [4], "note": null}
  ],
  "empty": {}, "nothing": [], "neg": -42, "exp": 6.02e23, "small": -1.5E-7
}
"""

data = loads(DOC)
print(sorted(data), len(data["items"]))
print(data["tags"], data["owner"]["verified"], data["items"][2]["note"])
print(dumps(data["owner"]))
print(dumps(data, indent=2, sort_keys=True))
print(query(data, "items[*].sku"), query(data, "items[0].dims[-1]"), query(data, "owner.*"))
print(sum(i["qty"] * i["price"] for i in data["items"]), max(data["items"], key=lambda i: i["price"])["sku"])
total_dims = [d for item in query(data, "items[*]") for d in item["dims"]]
print(total_dims, sorted(total_dims, reverse=True)[:2])

round_trip = loads(dumps(data))
print("round trip equal:", round_trip == data, dumps(round_trip, sort_keys=True) == dumps(data, sort_keys=True))
print(dumps([1, [2, [3, [4, []]]], {"k": {"j": {}}}], indent=1))
print(dumps({"quote": 'say "hi"', "slash": "a\\b", "nl": "x\ny", "uni": "\u263a \x01"}))

bad_inputs = ['{"a": 1,}', '[1 2]', '{"a" 1}', '"unterminated', '{"x": tru}', '[1, 2]]',
              '{\n  "a": [1,\n   2,\n   @]\n}', '"bad \\q escape"', '{1: 2}', '', '"\\u12G4"']
for text in bad_inputs:
    try:
        loads(text)
    except ParseError as e:
        print(f"{text!r:32} -> {e} [{e.lineno}:{e.colno}]")

cyc = {"a": [1, 2]}
cyc["a"].append(cyc)
for bad in (cyc, {"s": {1, 2}}, [float("nan")], {"f": float("-inf")}):
    try:
        dumps(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

shared = [1, 2]
print(dumps({"x": shared, "y": shared, "t": (3, 4)}))
print(dumps({1: "int key", 2.5: "float key", None: "none key", True: "bool"}))

# the parser is also usable on its own pieces
p = Parser('  [10, -3.25e2, "s", false]  ')
print(p.peek(), p.parse(), p.pos, p.depth)
print(loads("123456789012345678901234567890") + 1, loads("-0.0"), loads("1E400"), loads("[-0]"))
