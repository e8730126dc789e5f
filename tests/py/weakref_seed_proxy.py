# The seed article's weakref.proxy example: a dead proxy raises ReferenceError.
import weakref


class OBJ(object):
    def f(self):
        print('HELLO')


if __name__ == '__main__':
    o = OBJ()
    w = weakref.proxy(o)
    w.f()
    del o
    w.f()
