"""Growth and rounding of rupiah amounts, in exact decimal arithmetic."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from renja_xl.money import Rupiah

__all__ = ["grow", "round_to_unit"]

_PRECISION = 60


def round_to_unit(value: Decimal, unit: int) -> int:
    """Round to a multiple of `unit` rupiah, half up: 57127350 to 1000 → 57127000."""
    with localcontext() as context:
        context.prec = _PRECISION
        steps = (value / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(steps) * unit


def grow(amount: Rupiah, rate: Decimal, unit: int) -> int:
    """`amount` raised by `rate` percent and rounded to `unit`: grow(54407000, 5, 1) → 57127350.

    The result is whole rupiah by design (the unit is at least Rp 1): an amount with sen
    (Rp 11.847.012,01) grown by 0% to a unit of 1 becomes Rp 11.847.012, as the rule
    declares; the rule's explanation names the rounding.
    """
    with localcontext() as context:
        context.prec = _PRECISION
        exact = Decimal(amount) * (100 + rate) / 100
    return round_to_unit(exact, unit)
