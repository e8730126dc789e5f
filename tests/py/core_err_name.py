print("before")
undefined_variable_xyz
print("never printed")
