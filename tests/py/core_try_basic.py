try:
    1 // 0
except ZeroDivisionError:
    print("caught ZeroDivisionError")

try:
    [][0]
except IndexError as e:
    print("caught", type(e).__name__, e)

try:
    {}["k"]
except KeyError as e:
    print("KeyError str:", e, "repr:", repr(e))

try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple of types:", type(e).__name__)

try:
    undefined_thing_zq
except Exception as e:
    print("base class catches:", type(e).__name__, e)

try:
    print("no error")
except ValueError:
    print("not here")
else:
    print("else runs")
finally:
    print("finally runs")


def f():
    try:
        return "from try"
    finally:
        print("finally before return")


print(f())

try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong handler")
except ValueError as e:
    print("outer caught", e)

try:
    raise RuntimeError("bare except")
except:
    print("bare except caught it")


def reraise():
    try:
        raise KeyError("again")
    except KeyError:
        print("handling, then re-raising")
        raise


try:
    reraise()
except KeyError as e:
    print("re-raised:", repr(e))
print(isinstance(ValueError("x"), Exception), ValueError("x").args)
