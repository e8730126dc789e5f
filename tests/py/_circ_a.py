"""A module for import_circular.py: imports _circ_b before defining its names."""
import _circ_b

A_NAME = "a"


def from_b():
    return _circ_b.B_NAME
