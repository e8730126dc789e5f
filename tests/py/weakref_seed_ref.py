# The seed article's weakref.ref example: calling a dead ref gives None.
import weakref


class OBJ(object):
    def f(self):
        print('HELLO')


if __name__ == '__main__':
    o = OBJ()
    w = weakref.ref(o)
    w().f()
    del o
    print(w())
    w().f()
