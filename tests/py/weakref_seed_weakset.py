# The seed article's WeakSet example: members vanish when they die.
import weakref


class OBJ(object):
    def f(self):
        print('HELLO')


if __name__ == '__main__':
    o = OBJ()
    ws = weakref.WeakSet()
    ws.add(o)
    print(len(ws))  # 1
    del o
    print(len(ws))  # 0
