"""A registry that imports _prog_plugins, which imports it back (a cycle)."""
print("registry: start", __name__)
plugins = {}


def register(name):
    def deco(fn):
        plugins[name] = fn
        return fn
    return deco


import _prog_plugins  # noqa: E402  (circular: _prog_plugins imports us)

print("registry: done, plugins =", sorted(plugins))
