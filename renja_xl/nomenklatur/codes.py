"""The shape of a nomenclature code `U.BB.PP.K.KK.SSSS` and what it says."""

from __future__ import annotations

import re

__all__ = ["LEVELS", "is_valid_format", "kode_level", "parent_kode"]

LEVELS = ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan")
"""The nomenclature levels, from the top."""

# Part patterns by position; "X"/"XX" is the template of the program penunjang.
_PART = (r"[0-9X]", r"(?:\d{2}|XX)", r"\d{2}", r"\d", r"\d{2}", r"\d{4}")
_LEVEL_BY_PARTS = {1: "urusan", 2: "bidang_urusan", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
_PATTERNS = {parts: re.compile(r"\.".join(_PART[:parts]) + r"\Z") for parts in _LEVEL_BY_PARTS}


def kode_level(kode: str) -> str | None:
    """The level a code's shape implies ("1.06.04" → "program"), or None."""
    kode = (kode or "").strip()
    parts = kode.count(".") + 1
    pattern = _PATTERNS.get(parts)
    if pattern is None or not pattern.match(kode):
        return None
    return _LEVEL_BY_PARTS[parts]


def is_valid_format(kode: str) -> bool:
    """Whether the code has the shape of some nomenclature level."""
    return kode_level(kode) is not None


def parent_kode(kode: str) -> str | None:
    """The code one level up ("1.06.04.2.01" → "1.06.04"), None for an urusan."""
    parts = kode.split(".")
    if len(parts) <= 1:
        return None
    cut = 3 if len(parts) == 5 else len(parts) - 1
    return ".".join(parts[:cut])
