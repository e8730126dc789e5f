class Node:
    def visit(self):
        self.visit()


print("visiting")
Node().visit()
