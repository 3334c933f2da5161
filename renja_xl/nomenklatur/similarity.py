"""How alike two normalised names are, on a 0..100 scale."""

from __future__ import annotations

from rapidfuzz import fuzz

__all__ = ["similarity"]

# A name cut off at the end of a cell ("... serta Pelaksanaan") or typed
# without its closing "Kabupaten/Kota" is still the official one. The score
# of such a prefix is lowered by the share of the name that is missing, so a
# full match always wins over a mere prefix.
_MIN_PREFIX = 20
_PREFIX_WEIGHT = 0.1


def similarity(query: str, official: str, **_: object) -> float:
    """Edit-distance similarity, forgiving a query truncated at the end."""
    score = fuzz.ratio(query, official)
    if len(query) >= _MIN_PREFIX and len(query) < len(official):
        head = fuzz.ratio(query, official[: len(query)])
        covered = len(query) / len(official)
        score = max(score, head * (1 - _PREFIX_WEIGHT * (1 - covered)))
    return score
