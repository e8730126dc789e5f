class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog, a kind of " + Animal.kind(self)


class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age

    def speak(self):
        return Dog.speak(self) + " (age " + str(self.age) + ")"


for a in [Animal("generic"), Dog("Rex"), Puppy("Bit", 1)]:
    print(a.speak(), "|", a.kind())

p = Puppy("Tiny", 2)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, int))
print(isinstance(Dog("x"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(Puppy.sound, Animal.sound)
