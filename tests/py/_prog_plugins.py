import _prog_registry
from _prog_registry import register

print("plugins: registry is partially initialised:", hasattr(_prog_registry, "plugins"))


@register("upper")
def upper(s):
    return s.upper()


@register("reverse")
def reverse(s):
    return s[::-1]


@_prog_registry.register("double")
def double(s):
    return s * 2
