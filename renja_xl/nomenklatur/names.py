"""Folding names so that spellings that differ only in form compare equal.

Staff retype the official names by hand: case drifts, commas and spaces come
and go, "&" stands for "dan", hyphens turn into spaces. `normalize_name`
folds all of that away; the words themselves are left alone, so a misspelt
word is for fuzzy matching to judge, never silently accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["levels_by_name", "normalize_name", "program_key"]

_WORD = re.compile(r"[0-9a-z]+")
_PROGRAM_PREFIX = "program "


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Lower-case words separated by single spaces, without punctuation."""
    folded = unicodedata.normalize("NFKC", text or "").casefold().replace("&", " dan ")
    return " ".join(_WORD.findall(folded))


def program_key(normalized: str) -> str:
    """A normalised program name without its leading word "program"."""
    if normalized.startswith(_PROGRAM_PREFIX):
        return normalized[len(_PROGRAM_PREFIX) :]
    return normalized


def levels_by_name(entries: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """(level, name) pairs → each normalised name's levels; a program also counts under
    its name without the word "program"."""
    found: dict[str, set[str]] = defaultdict(set)
    for level, name in entries:
        normalized = normalize_name(name)
        found[normalized].add(level)
        if level == "program":
            found[program_key(normalized)].add(level)
    return {name: frozenset(levels) for name, levels in found.items()}
