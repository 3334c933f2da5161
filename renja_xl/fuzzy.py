"""How alike two texts are: rapidfuzz's `fuzz.ratio`, with a pure-Python twin.

The ratio is the Indel similarity on a 0..100 scale, `100 * 2 * LCS / (len(a) + len(b))`
(100 for two empty texts). rapidfuzz computes it in C++ where it is installed; in
xlwings Lite (Pyodide) it is not, and the pure-Python implementation below gives the
same float for every pair of texts (tests/test_fuzzy.py holds them against each other).
The longest common subsequence is counted with the bit-parallel algorithm of Hyyrö
(2004), one integer operation per character of the other text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

__all__ = ["backend", "pure_ratio", "pure_ratios", "ratio", "ratios"]


def _masks(text: str) -> dict[str, int]:
    """For each character, the bit set of its positions in `text`."""
    masks: dict[str, int] = {}
    bit = 1
    for char in text:
        masks[char] = masks.get(char, 0) | bit
        bit <<= 1
    return masks


def _lcs(masks: dict[str, int], size: int, other: str) -> int:
    """Length of the longest common subsequence of the masked text and `other`."""
    full = (1 << size) - 1
    row = full
    for char in other:
        match = masks.get(char)
        if match:
            common = row & match
            row = ((row + common) | (row - common)) & full
    return size - row.bit_count()


def _score(lcs: int, total: int) -> float:
    if not total:
        return 100.0
    return 100 * (1.0 - (total - 2 * lcs) / total)


def pure_ratio(a: str, b: str) -> float:
    """`rapidfuzz.fuzz.ratio(a, b)` in pure Python."""
    return _score(_lcs(_masks(a), len(a), b), len(a) + len(b))


def pure_ratios(query: str, choices: Sequence[str]) -> list[float]:
    """`pure_ratio(query, c)` for each of `choices`, in their order."""
    masks, size = _masks(query), len(query)
    return [_score(_lcs(masks, size, c), size + len(c)) for c in choices]


def _rapidfuzz() -> tuple[Callable[[str, str], float], Callable[..., list[float]]] | None:
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # xlwings Lite (Pyodide) has no rapidfuzz
        return None

    def many(query: str, choices: Sequence[str]) -> list[float]:
        found = [0.0] * len(choices)
        for _, score, index in process.extract(query, choices, scorer=fuzz.ratio, limit=None):
            found[index] = score
        return found

    return fuzz.ratio, many


@cache
def _backend() -> tuple[Callable[[str, str], float], Callable[..., list[float]], str]:
    """rapidfuzz, imported on the first comparison (most Validasi runs make none)."""
    fast = _rapidfuzz()
    return (*fast, "rapidfuzz") if fast else (pure_ratio, pure_ratios, "python")


def ratio(a: str, b: str) -> float:
    """Similarity of two texts, 0..100 (rapidfuzz where installed, else `pure_ratio`)."""
    return _backend()[0](a, b)


def ratios(query: str, choices: Sequence[str]) -> list[float]:
    """`ratio(query, c)` for each of `choices`, in their order."""
    return _backend()[1](query, choices)


def backend() -> str:
    """Which implementation `ratio` and `ratios` use: "rapidfuzz" or "python"."""
    return _backend()[2]
