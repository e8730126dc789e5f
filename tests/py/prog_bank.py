# A small bank / inventory simulation.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot pay {amount}")
        self.account = account
        self.amount = amount


class FrozenAccount(RuntimeError):
    pass


class Money:
    __slots_like__ = ("cents",)

    def __init__(self, cents=0):
        if not isinstance(cents, int):
            raise TypeError("cents must be int, not %s" % type(cents).__name__)
        self.cents = cents

    @classmethod
    def parse(cls, text):
        text = text.strip()
        neg = text.startswith("-")
        if neg:
            text = text[1:]
        if "." in text:
            whole, frac = text.split(".")
            frac = (frac + "00")[:2]
        else:
            whole, frac = text, "00"
        value = int(whole) * 100 + int(frac)
        return cls(-value if neg else value)

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other * 100)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, Money):
            return Money(self.cents - other.cents)
        return NotImplemented

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Money(round(self.cents * k))
        return NotImplemented

    def __rmul__(self, k):
        return self.__mul__(k)

    def __neg__(self):
        return Money(-self.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        sign = "-" if self.cents < 0 else ""
        d, c = divmod(abs(self.cents), 100)
        return f"{sign}${d:,}.{c:02d}"

    def __format__(self, spec):
        return format(str(self), spec)


class Account:
    _next_number = 1000
    interest = 0.0

    def __init__(self, owner, balance=Money()):
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = []
        self.frozen = False

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < Money(0) and not self.allows_overdraft():
            raise InsufficientFunds(self, -value)
        self._balance = value

    def allows_overdraft(self):
        return False

    def deposit(self, amount):
        if self.frozen:
            raise FrozenAccount("account %d is frozen" % self.number)
        self.balance = self.balance + amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if self.frozen:
            raise FrozenAccount("account %d is frozen" % self.number)
        self.balance = self.balance - amount
        self.history.append(("withdraw", amount))
        return self

    def month_end(self):
        gain = self.balance * self.interest
        if gain:
            self.deposit(gain)
        return gain

    def __repr__(self):
        return "%s(%r, %s)" % (type(self).__name__, self.owner, self.balance)

    def __len__(self):
        return len(self.history)

    def __iter__(self):
        return iter(self.history)

    def __contains__(self, kind):
        return any(k == kind for k, _ in self.history)


class Savings(Account):
    interest = 0.015

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("only two withdrawals per month")
        return super().withdraw(amount)


class Checking(Account):
    def __init__(self, owner, balance=Money(), limit=Money(50000)):
        super().__init__(owner, balance)
        self.limit = limit

    def allows_overdraft(self):
        return True

    @Account.balance.setter
    def balance(self, value):
        if value < -self.limit:
            raise InsufficientFunds(self, -value)
        self._balance = value


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}

    def open(self, kind, owner, opening="0"):
        acct = kind(owner, Money.parse(opening))
        self.accounts[acct.number] = acct
        return acct

    def __getitem__(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise LookupError(f"no account {number}") from None

    def transfer(self, src, dst, amount):
        a, b = self[src], self[dst]
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except FrozenAccount as e:
            a.deposit(amount)
            raise RuntimeError("transfer rolled back") from e

    def total(self):
        return sum((a.balance for a in self.accounts.values()), Money())

    def report(self):
        lines = [f"{self.name:=^40}"]
        for num, acct in sorted(self.accounts.items(), key=lambda kv: kv[1].balance, reverse=True):
            lines.append(f"{num:>6} {acct.owner:<12}{type(acct).__name__:<10}{acct.balance:>12}")
        lines.append(f"{'total':<28}{self.total():>12}")
        return "\n".join(lines)


bank = Bank("First Python Bank")
alice = bank.open(Savings, "alice", "1200.50")
bob = bank.open(Checking, "bob", "300")
carol = bank.open(Account, "carol", "-0")
dave = bank.open(Checking, "dave", "12345678.9")
print(alice, bob, carol, dave, sep="\n")
print(repr(Money.parse("-3.5")), Money.parse("7"), Money(123456789))

alice.deposit(Money(4999)).deposit(10)
print(alice.balance, len(alice), "deposit" in alice, "withdraw" in alice)
for kind, amount in alice:
    print("  %-8s %10s" % (kind, amount))

bank.transfer(1001, 1002, Money.parse("250.25"))
print(bob.balance, carol.balance)
bob.withdraw(Money(30000))
print("bob overdrawn:", bob.balance)
try:
    bob.withdraw(Money(100000))
except InsufficientFunds as e:
    print("error:", e, "|", e.args, "|", e.amount)
try:
    carol.withdraw(Money(25026))
except InsufficientFunds as e:
    print(type(e).__name__, e)
try:
    bank[9999]
except LookupError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)

alice.withdraw(Money(1))
alice.withdraw(Money(1))
try:
    alice.withdraw(Money(1))
except (PermissionError, FrozenAccount) as e:
    print("refused:", e, isinstance(e, OSError))

print("gains:", [str(a.month_end()) for a in bank.accounts.values()])
print(bank.report())

carol.frozen = True
try:
    bank.transfer(1003, 1002, Money(1))
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__))
print(alice.balance)

prices = {Money(100): "cheap", Money(100000): "dear"}
print(prices[Money.parse("1.00")], Money(5) in prices, sorted(prices))
print(sorted([Money(3), Money(1), Money(2)]), max(Money(3), Money(9)), min([Money(4), Money(-4)]))
print(3 * Money(7), Money(7) * 0.5, Money(1) + Money(2) + 3, 3 + Money(1))
print(bool(Money()), bool(Money(1)), Money(2) == Money(2), Money(2) != Money(3), Money(1) == 1)

try:
    Money("12")
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) < 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    alice.deposit()
except TypeError as e:
    print("TypeError:", e)
try:
    Account("x", Money(), 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Checking("x", limit=Money(1), owner="y")
except TypeError as e:
    print("TypeError:", e)
try:
    alice.balance = Money(-1)
except InsufficientFunds as e:
    print("setter:", e)
try:
    del alice.balance
except AttributeError as e:
    print("AttributeError:", e)
print(Savings.__mro__)
print(Savings.__bases__, Checking.__name__, issubclass(Checking, Account), isinstance(bob, Savings))
print(hasattr(alice, "limit"), getattr(bob, "limit"), getattr(alice, "nope", "default"))
print(vars(Money(3)))


class Audit:
    def __init__(self, bank):
        self.bank = bank
        self.log = []

    def __enter__(self):
        self.log.append("begin")
        return self

    def __exit__(self, et, ev, tb):
        self.log.append("end %s" % (et.__name__ if et else "ok"))
        return et is ValueError


with Audit(bank) as audit:
    raise ValueError("swallowed")
print(audit.log)
with Audit(bank) as audit:
    audit.log.append(str(bank.total()))
print(audit.log)


def close_all(bank):
    for acct in bank.accounts.values():
        try:
            acct.withdraw(acct.balance + Money(1_000_000_00))
        except InsufficientFunds as e:
            raise ValueError("closing failed for %s" % acct.owner)


close_all(bank)
