class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, n):
        if n > self.balance:
            raise RuntimeError("insufficient funds")
        self.balance -= n


acct = Account(10)
acct.withdraw(3)
print(acct.balance)
acct.withdraw(100)
