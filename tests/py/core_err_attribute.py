class Thing:
    pass


t = Thing()
t.absent_attribute_qq
