"""A facade's names loaded on first use: the module-level `__getattr__` that `reads` and `commands`
share (PEP 562), so the window's first paint imports only what it draws."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def loader(namespace: dict[str, Any], later: Mapping[str, str]) -> Callable[[str], object]:
    """A module's `__getattr__`: a name of `later` from the sibling module it maps to, imported on
    first use and kept in `namespace` (the facade's `globals()`) so it is found directly from then on."""
    module_name = namespace["__name__"]
    package = namespace["__package__"]

    def __getattr__(name: str) -> object:
        module = later.get(name)
        if module is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        namespace[name] = value  # found directly from now on
        return value

    return __getattr__
