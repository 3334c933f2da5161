"""Amounts in words, the way Indonesian documents write them ("terbilang").

14428928570 → "empat belas miliar empat ratus dua puluh delapan juta sembilan
ratus dua puluh delapan ribu lima ratus tujuh puluh"; sen follow the rupiah
(11847012.01 → "... dua belas rupiah satu sen"). The prefix "se-" is used
where Indonesian uses it (sepuluh, sebelas, seratus, seribu) and nowhere else
("satu juta", not "sejuta", as in official documents).
"""

from __future__ import annotations

from renja_xl.money import Rupiah, rupiah

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


def terbilang_rupiah(amount: Rupiah) -> str:
    """An amount in words followed by "rupiah", and its sen when it has any.

    Decimal("11847012.01") → "sebelas juta ... dua belas rupiah satu sen". A fraction
    finer than a sen is read out digit by digit after "koma", never rounded away.
    """
    amount = rupiah(amount)
    if isinstance(amount, int):
        return f"{terbilang(amount)} rupiah"
    sign = "minus " if amount < 0 else ""
    whole = int(abs(amount))
    fraction = abs(amount) - whole
    sen = fraction * 100
    if sen == sen.to_integral_value():
        return f"{sign}{terbilang(whole)} rupiah {terbilang(int(sen))} sen"
    digits = f"{fraction:f}".partition(".")[2]
    return f"{sign}{terbilang(whole)} koma {' '.join(_UNITS[int(d)] for d in digits)} rupiah"
