"""Carrying a performance target forward to year N+1.

A target keeps its unit and its typing: "52 Orang" stays "52 Orang", or grows
by a rule to "57 Orang"; "1.000 korban" grows to "1.050 korban"; a percentage
never grows past 100%; a target with no single number ("Pratama", "9 unit,
32 unit") is carried as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from renja_xl.model import Target
from renja_xl.prakiraan.values import format_percent

__all__ = ["TargetChange", "project_target"]

_LEADING_NUMBER = re.compile(r"^(?P<lead>\s*)(?P<num>\d(?:[\d.,]*\d)?)(?P<rest>.*)$", re.S)
_ID_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PERCENT_UNITS = frozenset({"%", "persen"})
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class TargetChange:
    """The next year's target and, in Bahasa Indonesia, how it was obtained."""

    target: Target
    how: str


def project_target(
    target: Target, growth: Decimal | None = None, step: Decimal | None = None
) -> TargetChange:
    """Next year's target: grown by `growth` percent or by `step`, or carried as is."""
    if growth is None and step is None:
        return TargetChange(target, "disalin dari tahun N")
    if target.angka is None:
        return TargetChange(target, "disalin sebagai teks (tidak ada satu angka)")
    new = target.angka * (100 + growth) / 100 if growth is not None else target.angka + step
    how = f"naik {format_percent(growth)}" if growth is not None else f"ditambah {_plain(step)}"
    if _is_percent(target) and new > _HUNDRED:
        new, how = _HUNDRED, f"{how}, dibatasi 100%"
    teks = _replace_number(target.teks, new)
    return TargetChange(Target.from_text(teks), how)


def _is_percent(target: Target) -> bool:
    return (target.satuan or "").strip().lower() in _PERCENT_UNITS


def _replace_number(teks: str, value: Decimal) -> str:
    match = _LEADING_NUMBER.match(teks)
    if match is None:
        return teks
    return f"{match['lead']}{_format_like(match['num'], value)}{match['rest']}"


def _format_like(original: str, value: Decimal) -> str:
    """Write `value` in the style of `original`: its decimals and thousands dots."""
    dotted = bool(_ID_THOUSANDS.match(original))
    separator = "," if dotted or "," in original else "."
    decimals = len(original.rpartition(separator)[2]) if separator in original else 0
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    if dotted:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole}{separator}{fraction}" if fraction else whole


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}".replace(".", ",")
