# A warehouse inventory: products with __slots__ and validation, stock kept in
# dicts per location, set algebra over tags and locations, transactions as
# context managers that roll back on error, reports sorted several ways.

class InventoryError(Exception):
    """Base class for inventory problems."""


class UnknownProduct(InventoryError, KeyError):
    def __init__(self, sku):
        super().__init__(sku)
        self.sku = sku

    def __str__(self):
        return f"unknown product {self.sku!r}"


class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, only {have} left")
        self.sku, self.wanted, self.have = sku, wanted, have


class Product:
    __slots__ = ("sku", "name", "price_cents", "tags")
    _registry = {}

    def __init__(self, sku, name, price, tags=()):
        if not sku or not sku[0].isalpha():
            raise ValueError(f"bad sku {sku!r}")
        self.sku = sku
        self.name = name
        self.price_cents = round(price * 100)
        self.tags = frozenset(tags)
        Product._registry[sku] = self

    @classmethod
    def get(cls, sku):
        try:
            return cls._registry[sku]
        except KeyError:
            raise UnknownProduct(sku) from None

    @staticmethod
    def money(cents):
        sign = "-" if cents < 0 else ""
        cents = abs(cents)
        return f"{sign}${cents // 100:,}.{cents % 100:02d}"

    @property
    def price(self):
        return self.money(self.price_cents)

    def __repr__(self):
        return f"Product({self.sku!r}, {self.name!r}, {self.price_cents / 100})"

    def __lt__(self, other):
        return (self.name, self.sku) < (other.name, other.sku)


class Warehouse:
    def __init__(self, name):
        self.name = name
        self.stock = {}      # location -> {sku: qty}
        self.log = []

    def locations(self):
        return set(self.stock)

    def qty(self, sku, location=None):
        if location is not None:
            return self.stock.get(location, {}).get(sku, 0)
        return sum(loc.get(sku, 0) for loc in self.stock.values())

    def receive(self, location, sku, qty):
        Product.get(sku)
        if qty <= 0:
            raise ValueError(f"quantity must be positive, got {qty}")
        bucket = self.stock.setdefault(location, {})
        bucket[sku] = bucket.get(sku, 0) + qty
        self.log.append(("in", location, sku, qty))

    def ship(self, location, sku, qty):
        Product.get(sku)
        have = self.qty(sku, location)
        if have < qty:
            raise OutOfStock(sku, qty, have)
        bucket = self.stock[location]
        bucket[sku] -= qty
        if not bucket[sku]:
            del bucket[sku]
        if not bucket:
            del self.stock[location]
        self.log.append(("out", location, sku, qty))

    def transaction(self, label):
        return Transaction(self, label)

    def skus(self):
        return {sku for loc in self.stock.values() for sku in loc}

    def value_cents(self):
        return sum(Product.get(s).price_cents * q for loc in self.stock.values() for s, q in loc.items())


class Transaction:
    depth = 0

    def __init__(self, wh, label):
        self.wh = wh
        self.label = label

    def __enter__(self):
        self.saved = {loc: dict(items) for loc, items in self.wh.stock.items()}
        self.saved_log = len(self.wh.log)
        Transaction.depth += 1
        print(f"{'  ' * (Transaction.depth - 1)}begin {self.label}")
        return self

    def __exit__(self, exc_type, exc, tb):
        Transaction.depth -= 1
        pad = "  " * Transaction.depth
        if exc_type is None:
            print(f"{pad}commit {self.label} ({len(self.wh.log) - self.saved_log} moves)")
            return False
        self.wh.stock = self.saved
        del self.wh.log[self.saved_log:]
        print(f"{pad}rollback {self.label}: {exc_type.__name__}: {exc}")
        return issubclass(exc_type, InventoryError)


catalog = [
    Product("A100", "anvil", 149.99, {"heavy", "metal", "tools"}),
    Product("B200", "bolt pack", 4.25, {"metal", "small"}),
    Product("C300", "crate", 12.0, {"wood", "heavy"}),
    Product("D400", "drill", 89.5, {"tools", "electric"}),
    Product("E500", "extension cord", 15.75, {"electric"}),
    Product("F600", "feather duster", 3.1, {"small", "cleaning"}),
]
for bad in ("", "9ZZ"):
    try:
        Product(bad, "bad", 1)
    except ValueError as e:
        print("ValueError:", e)

wh = Warehouse("Main")
for loc, sku, q in [("north", "A100", 3), ("north", "B200", 250), ("south", "C300", 40),
                    ("south", "B200", 100), ("east", "D400", 7), ("east", "E500", 30),
                    ("north", "F600", 12), ("east", "B200", 5)]:
    wh.receive(loc, sku, q)

with wh.transaction("order #1"):
    wh.ship("north", "B200", 50)
    wh.ship("east", "D400", 2)

with wh.transaction("order #2"):
    wh.ship("south", "C300", 10)
    with wh.transaction("order #2b"):
        wh.ship("east", "D400", 10)
    wh.ship("north", "A100", 1)

with wh.transaction("order #3"):
    wh.ship("west", "Z999", 1)

try:
    with wh.transaction("order #4"):
        wh.ship("north", "A100", 1)
        wh.receive("north", "A100", -5)
except ValueError as e:
    print("escaped:", e)

print("locations:", sorted(wh.locations()))
print("A100 total:", wh.qty("A100"), "B200 total:", wh.qty("B200"), "B200 east:", wh.qty("B200", "east"))
print("stock value:", Product.money(wh.value_cents()))

# tag algebra
by_tag = {}
for p in catalog:
    for t in p.tags:
        by_tag.setdefault(t, set()).add(p.sku)
print("tags:", ", ".join(f"{t}={sorted(s)}" for t, s in sorted(by_tag.items())))
print("heavy & metal:", sorted(by_tag["heavy"] & by_tag["metal"]))
print("tools | electric:", sorted(by_tag["tools"] | by_tag["electric"]))
print("metal - small:", sorted(by_tag["metal"] - by_tag["small"]))
print("heavy ^ tools:", sorted(by_tag["heavy"] ^ by_tag["tools"]))
stocked = wh.skus()
print("never stocked:", sorted(set(Product._registry) - stocked), "| out of stock:", sorted(set(Product._registry) - stocked - {"Z999"}))
print("subset:", by_tag["small"] <= stocked, frozenset({"A100"}) < frozenset(stocked), stocked.isdisjoint({"Q1"}))
common = set.intersection(*(set(items) for items in wh.stock.values()))
print("in every location:", sorted(common))

# reports
print()
print("{:<6} {:<16} {:>10} {:>6} {:>12}".format("SKU", "NAME", "PRICE", "QTY", "VALUE"))
rows = [(p, wh.qty(p.sku)) for p in catalog]
for p, q in sorted(rows, key=lambda r: (-r[0].price_cents * r[1], r[0].sku)):
    print("{:<6} {:<16} {:>10} {:>6} {:>12}".format(p.sku, p.name, p.price, q, Product.money(p.price_cents * q)))
print()
print("alphabetical:", [p.name for p in sorted(catalog)])
print("cheapest three:", [p.sku for p in sorted(catalog, key=lambda p: p.price_cents)[:3]])
print("by tag count then name:", [p.name for p in sorted(catalog, key=lambda p: (-len(p.tags), p.name))])
print("most stocked location:", max(wh.stock, key=lambda loc: sum(wh.stock[loc].values())))
moves = {}
for kind, loc, sku, q in wh.log:
    moves.setdefault(kind, []).append(q)
print("moves:", {k: (len(v), sum(v)) for k, v in sorted(moves.items())})
print(repr(Product.get("C300")), Product.get("B200").price)
try:
    Product.get("nope")
except KeyError as e:
    print("KeyError caught:", e, "| is InventoryError:", isinstance(e, InventoryError), e.sku)
try:
    catalog[0].color = "red"
except AttributeError as e:
    print("AttributeError:", e)
wh.ship("north", "A100", 99)
