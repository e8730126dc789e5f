"""A module for import_circular.py: looks into _circ_a while _circ_a is half built."""
import _circ_a

B_NAME = "b"
try:
    print(_circ_a.A_NAME)
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _circ_a import A_NAME
except ImportError as e:
    print("ImportError:", str(e).replace(__file__.rsplit("/", 1)[0], "DIR"))
try:
    from _circ_a import from_b
except ImportError as e:
    print("ImportError:", e.name)
