"""What a pagu cell held when it was not a plain whole number (see `Baris.raw`)."""

from __future__ import annotations

import re

from renja_xl.model import Baris
from renja_xl.money import Rupiah, format_rupiah
from renja_xl.numbers import is_empty_mark

__all__ = ["amount_text", "is_error", "is_fraction", "is_invalid", "is_text"]

_ERROR = re.compile(r"^#(?:REF!|VALUE!|DIV/0!|NAME\?|N/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$")


def _value(baris: Baris, field: str) -> object:
    raw = baris.raw.get(field)
    return None if raw is None else raw.value


def is_error(baris: Baris, field: str) -> bool:
    """The cell holds an Excel error such as #REF!."""
    value = _value(baris, field)
    return isinstance(value, str) and _ERROR.match(value.strip().upper()) is not None


def is_text(baris: Baris, field: str) -> bool:
    """The cell holds text that the reader could not read as a rupiah amount."""
    value = _value(baris, field)
    return (
        isinstance(value, str)
        and getattr(baris, field) is None
        and not is_error(baris, field)
        and not is_empty_mark(value)
    )


def is_invalid(baris: Baris, field: str) -> bool:
    """The cell's amount is unknown: an error or unreadable text."""
    return is_error(baris, field) or is_text(baris, field)


def is_fraction(baris: Baris, field: str) -> bool:
    """The cell held a number with a fraction of a rupiah."""
    value = _value(baris, field)
    return isinstance(value, float) and not value.is_integer()


def amount_text(value: Rupiah | None) -> str:
    """An amount as users read it: "Rp 1.500.000", "Rp 11.847.012,01" or "kosong"."""
    if value is None:
        return "kosong"
    return f"Rp {format_rupiah(value)}"
