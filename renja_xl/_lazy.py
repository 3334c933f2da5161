"""Packages whose public names are imported on first use (PEP 562)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str], namespace: dict[str, Any],
                 renamed: Mapping[str, str]) -> Callable[[str], object]:
    """A package `__getattr__` that imports each public name from its module when first
    asked (then keeps it in the package's namespace) and answers the old names in
    `renamed` (see `renja_xl._renamed`)."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            from renja_xl._renamed import renamed_attribute

            return renamed_attribute(package, renamed, name)
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
