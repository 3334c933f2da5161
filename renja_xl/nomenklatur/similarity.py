"""How alike two normalised names are, on a 0..100 scale."""

from __future__ import annotations

import re

from renja_xl.fuzzy import ratio as _ratio
from renja_xl.fuzzy import ratios as _ratios

__all__ = ["expand_aliases", "scores", "similarity"]

# Abbreviations and a programme renamed in 2020 (KKBPK → Bangga Kencana) that
# staff still type; expanded on both sides before names are compared.
_ALIASES = {
    "kab kota": "kabupaten kota",
    "kkbpk": "bangga kencana",
    "faskes": "fasilitas kesehatan",
}
_ALIAS_PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, _ALIASES)) + r")\b")

# A name cut off at the end of a cell ("... serta Pelaksanaan"), typed without
# its closing "Kabupaten/Kota" or its opening "Pemberian", or with an item
# added ("... Pelayanan KB sterilisator") is still the official one. Such a
# partial match scores lower the more of the longer name is missing, so a full
# match always wins and a short fragment of a long name does not pass.
_MIN_PART = 15
_PART_WEIGHT = 0.2


def expand_aliases(normalized: str) -> str:
    """A normalised name with known abbreviations written out."""
    return _ALIAS_PATTERN.sub(lambda m: _ALIASES[m.group(1)], normalized)


def _partial(query: str, official: str, floor: float = 0.0) -> float:
    """Score of the shorter name as a prefix, or whole words inside, the longer.

    Returns 0 when that score could not exceed `floor` (the plain ratio).
    """
    short, long = (query, official) if len(query) < len(official) else (official, query)
    if len(short) < _MIN_PART or len(short) == len(long):
        return 0.0
    ceiling = 100.0 * (1 - _PART_WEIGHT * (1 - len(short) / len(long)))
    if ceiling <= floor:
        return 0.0
    if short in long and f" {short} " in f" {long} ":
        return ceiling
    if long[0] != short[0]:
        return 0.0
    return _ratio(short, long[: len(short)]) * ceiling / 100.0


def similarity(query: str, official: str) -> float:
    """Edit-distance similarity, forgiving a name that is part of the other."""
    ratio = _ratio(query, official)
    return max(ratio, _partial(query, official, ratio))


def scores(query: str, officials: list[str]) -> list[float]:
    """`similarity` of one query against many names, in their order."""
    ratios = _ratios(query, officials)
    size = len(query)
    if size < _MIN_PART:  # too short to be part of anything
        return ratios
    first = query[0]
    # Only names sharing the first letter or containing the query can score higher.
    return [
        max(r, _partial(query, o, r)) if o[:1] == first or query in o or o in query else r
        for r, o in zip(ratios, officials, strict=True)
    ]
