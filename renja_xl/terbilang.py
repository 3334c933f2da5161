"""Amounts in words, the way Indonesian documents write them ("terbilang").

14428928570 → "empat belas miliar empat ratus dua puluh delapan juta sembilan
ratus dua puluh delapan ribu lima ratus tujuh puluh". The prefix "se-" is used
where Indonesian uses it (sepuluh, sebelas, seratus, seribu) and nowhere else
("satu juta", not "sejuta", as in official documents).
"""

from __future__ import annotations

__all__ = ["terbilang", "terbilang_rupiah"]

_UNITS = (
    "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()
)
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += ["seratus"] if hundreds == 1 else [_UNITS[hundreds], "ratus"]
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"] + ([_UNITS[unit]] if unit else [])
    elif rest >= 12:
        words += [_UNITS[rest - 10], "belas"]
    elif rest:
        words.append(_UNITS[rest])
    return words


def _words(n: int) -> list[str]:
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            words += [*_words(count), name]
    thousands, n = divmod(n, 1000)
    if thousands:
        words += ["seribu"] if thousands == 1 else [*_below_thousand(thousands), "ribu"]
    return words + _below_thousand(n)


def terbilang(n: int) -> str:
    """An integer in Indonesian words (lower case)."""
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    return " ".join(_words(n))


def terbilang_rupiah(n: int) -> str:
    """An amount in words followed by "rupiah"."""
    return f"{terbilang(n)} rupiah"
