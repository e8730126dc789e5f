class Base:
    def __init__(self, value):
        print("Base.__init__", value)
        self.value = value

    def describe(self):
        return "Base(" + str(self.value) + ")"


class Child(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra

    def describe(self):
        return "Child of " + super().describe() + " with " + str(self.extra)


c = Child(1, "more")
print(c.describe())
