if 1:
    try:
        x = 1
    
y = 2
