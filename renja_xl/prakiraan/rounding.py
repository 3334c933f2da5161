"""Growth and rounding of rupiah amounts, in exact decimal arithmetic."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = ["grow", "round_to_unit"]

_PRECISION = 60


def round_to_unit(value: Decimal, unit: int) -> int:
    """Round to a multiple of `unit` rupiah, half up: 57127350 to 1000 → 57127000."""
    with localcontext() as context:
        context.prec = _PRECISION
        steps = (value / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(steps) * unit


def grow(amount: int, rate: Decimal, unit: int) -> int:
    """`amount` raised by `rate` percent and rounded to `unit`: grow(54407000, 5, 1) → 57127350."""
    with localcontext() as context:
        context.prec = _PRECISION
        exact = Decimal(amount) * (100 + rate) / 100
    return round_to_unit(exact, unit)
