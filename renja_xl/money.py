"""Exact rupiah: the one representation of money, its normaliser, and how it is written.

An amount is an `int` when it is a whole number of rupiah and a `decimal.Decimal`
only when it carries sen (Rp 11.847.012,01); a Decimal that is whole is normalised
to int, so whole-rupiah plans stay plain integers. Sums are `+`/`sum` over
int|Decimal, which are exact (Python adds an int to a Decimal exactly).

A number read from a cell arrives as a binary float: it goes through its shortest
repr (11847012.01, not 11847012.0099999998), never through float arithmetic.
Written out, a whole amount keeps the form the project always printed
("Rp 14.428.928.570,-"); an amount with sen shows them after a comma
("Rp 11.847.012,01"). In JSON an amount with sen is a JSON number carrying the
exact decimal text (1014404875283.72), see `json_text`.
"""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from typing import Any, TypeAlias

__all__ = [
    "Rupiah",
    "format_rupiah",
    "has_sen",
    "json_text",
    "rupiah",
    "rupiah_or_none",
]

Rupiah: TypeAlias = int | Decimal
"""An exact amount: int when whole, Decimal only when it carries sen."""


def rupiah(value: int | Decimal | float | str) -> Rupiah:
    """The exact amount of a number, a Decimal, a float read from a cell or typed text.

    Raises ValueError for text that is not an amount, an empty mark ("-"), NaN or
    infinity, and TypeError for anything else (bool included).
    """
    found = rupiah_or_none(value)
    if found is None:
        raise ValueError(f"bukan angka rupiah: {value!r}")
    return found


def rupiah_or_none(value: object) -> Rupiah | None:
    """As `rupiah`, but None (no amount) for None and for an empty mark such as "-"."""
    if value is None:
        return None
    if type(value) is int:
        return value
    if isinstance(value, bool):
        raise TypeError("nilai benar/salah bukan angka rupiah")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"bukan angka rupiah: {value!r}")
        if value.is_integer():
            return int(value)
        return _whole_or_decimal(Decimal(repr(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"bukan angka rupiah: {value!r}")
        return _whole_or_decimal(value)
    if isinstance(value, str):
        from renja_xl.numbers import parse_amount  # numbers builds on this module

        parsed = parse_amount(value)
        return None if parsed is None else _whole_or_decimal(parsed)
    raise TypeError(f"bukan angka rupiah: {value!r}")


def _whole_or_decimal(value: Decimal) -> Rupiah:
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()  # 11847012.010 → 11847012.01; never an exponent for a fraction


def has_sen(amount: Rupiah | None) -> bool:
    """Whether the amount carries a fraction of a rupiah."""
    return isinstance(amount, Decimal) and amount != amount.to_integral_value()


def format_rupiah(amount: Rupiah | None, prefix: bool = False) -> str:
    """Write an amount the Indonesian way.

    14428928570 → "14.428.928.570" ("Rp 14.428.928.570,-" with the prefix);
    Decimal("11847012.01") → "11.847.012,01" ("Rp 11.847.012,01"); None → "-".
    """
    if amount is None:
        return "-"
    amount = rupiah(amount)
    if type(amount) is int:
        text = f"{abs(amount):,}".replace(",", ".")
        text = f"-{text}" if amount < 0 else text
        return f"Rp {text},-" if prefix else text
    whole, _, sen = f"{abs(amount):f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".") + "," + sen.ljust(2, "0")
    text = f"-{text}" if amount < 0 else text
    return f"Rp {text}" if prefix else text


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON text of plain data in which a Decimal amount is a JSON number, exactly.

    Decimal("1014404875283.72") is written 1014404875283.72, so a reader that takes
    numbers as decimals (`json.loads(text, parse_float=Decimal)`) gets the sen back
    exactly; whole amounts are ints and are written as JSON integers.
    """
    # A Decimal goes through json as a string carrying a token of this call, then the
    # quoted string is replaced by the bare number; user text cannot know the token.
    token = secrets.token_hex(8)

    def mark(value: object) -> str:
        if isinstance(value, Decimal):
            return f"{token}{value:f}"
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    text = json.dumps(data, ensure_ascii=False, indent=indent, default=mark)
    return re.sub(f'"{token}(-?[0-9]+(?:\\.[0-9]+)?)"', r"\1", text)
