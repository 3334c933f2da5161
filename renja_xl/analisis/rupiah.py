"""Rupiah written short, the Indonesian way, for chart axes: "Rp 1,5 miliar", "Rp 250 juta".

Decimals take a comma and thousands a dot, as in Indonesia. The value is
scaled by exact decimal arithmetic, so a tick at 1.2000000000000002e9 still
reads "Rp 1,2 miliar".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.ticker import FuncFormatter

__all__ = ["UNITS", "format_rupiah_compact", "rupiah_formatter", "unit_for"]

UNITS: dict[str, tuple[str, int]] = {
    "triliun": ("T", 10**12),
    "miliar": ("M", 10**9),
    "juta": ("jt", 10**6),
    "ribu": ("rb", 10**3),
}
"""Unit name → (abbreviation, rupiah per unit), largest first."""


def unit_for(amount: float | int | Decimal | None) -> str | None:
    """The largest unit not bigger than the amount; None below a thousand rupiah."""
    size = abs(amount or 0)
    return next((name for name, (_, scale) in UNITS.items() if size >= scale), None)


def _number(value: Decimal, decimals: int) -> str:
    """A decimal written with dots for thousands and a comma for decimals."""
    text = f"{value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):,}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{whole},{fraction}" if fraction else whole


def format_rupiah_compact(
    amount: float | int | Decimal | None,
    unit: str | None = None,
    *,
    abbreviate: bool = False,
    decimals: int = 2,
) -> str:
    """Write an amount short: 1_500_000_000 → "Rp 1,5 miliar" ("Rp 1,5 M" abbreviated).

    `unit` fixes the unit ("miliar", "juta", ...) so every tick of an axis uses
    the same one; by default each amount takes its own (see `unit_for`).
    """
    if amount is None:
        return "-"
    if isinstance(amount, float):  # a tick of an axis, or numpy's float64
        value = Decimal(repr(float(amount)))
    else:  # an exact amount, or numpy's int64
        value = amount if isinstance(amount, Decimal) else Decimal(int(amount))
    unit = unit_for(amount) if unit is None else unit
    suffix = ""
    if unit is not None:
        short, scale = UNITS[unit]
        value /= scale
        suffix = f" {short if abbreviate else unit}"
    text = _number(abs(value), decimals if unit is not None else 0)
    if text == "0":
        return "Rp 0"
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {text}{suffix}"


def rupiah_formatter(
    unit: str | None = None, *, abbreviate: bool = False, decimals: int = 2
) -> FuncFormatter:
    """A matplotlib tick formatter writing rupiah short (needs matplotlib)."""
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _position: int | None = None) -> str:
        return format_rupiah_compact(value, unit, abbreviate=abbreviate, decimals=decimals)

    return FuncFormatter(label)
