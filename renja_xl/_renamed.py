"""Public names renamed in 0.2, kept as aliases until 0.3.

A module lists its old names in a `_RENAMED` mapping (old name -> new name) and
answers them with `__getattr__ = module_getattr(__name__, _RENAMED)`: the old
name gives the very same object as the new one, with a `DeprecationWarning`
naming the replacement. Old names stay out of `__all__`.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping

__all__ = ["REMOVED_IN", "module_getattr", "renamed_attribute"]

REMOVED_IN = "0.3"


def renamed_attribute(module: str, renamed: Mapping[str, str], name: str) -> object:
    """The object an old `name` of `module` now goes by; AttributeError for unknown names."""
    new = renamed.get(name)
    if new is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    warnings.warn(
        f"{module}.{name} sudah berganti nama menjadi {module}.{new}; "
        f"nama lama dihapus pada versi {REMOVED_IN}",
        DeprecationWarning,
        stacklevel=3,  # the code that used the old name
    )
    return getattr(importlib.import_module(module), new)


def module_getattr(module: str, renamed: Mapping[str, str]) -> Callable[[str], object]:
    """A module's `__getattr__` that answers only its old names."""

    def __getattr__(name: str) -> object:
        return renamed_attribute(module, renamed, name)

    return __getattr__
