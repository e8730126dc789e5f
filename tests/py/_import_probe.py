"""A module for import_messages.py: public names, __all__, a private name."""
__all__ = ["pub", "Thing"]
pub = 1
_priv = 2
other = 3


class Thing:
    def __repr__(self):
        return "Thing()"


def where():
    return __name__
