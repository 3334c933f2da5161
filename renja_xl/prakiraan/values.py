"""Values as people write them in a rules file or an "Aturan" sheet.

Growth rates are percentages: "5%", "5,5%", "tetap" (0%). In TOML a bare number
is a percentage too (`kenaikan = 5`). In a sheet, a number is what Excel stores
for a cell formatted as percent (0,05 for 5%), so a bare number above 1 is
refused rather than guessed at.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from renja_xl.numbers import parse_rupiah

__all__ = ["format_percent", "parse_flag", "parse_percent", "parse_unit"]

_FLAT_WORDS = frozenset({"tetap", "datar", "flat", "sama"})
_TRUE_WORDS = frozenset({"ya", "y", "x", "v", "✓", "benar", "true", "1"})
_FALSE_WORDS = frozenset({"", "tidak", "t", "n", "no", "salah", "false", "0", "-"})


def parse_percent(value: object, *, fraction_numbers: bool = False) -> Decimal:
    """A growth rate in percent: "5%" → 5, "tetap" → 0; raises ValueError otherwise.

    With `fraction_numbers`, a number is a fraction as Excel stores percent
    cells (0.05 → 5); without it a number is already in percent (5 → 5).
    """
    if isinstance(value, bool):
        raise ValueError(f"bukan persentase: {value!r}")
    if isinstance(value, int | float | Decimal):
        return _from_number(value, fraction_numbers)
    if not isinstance(value, str):
        raise ValueError(f"bukan persentase: {value!r}")
    return _from_text(value)


def _from_number(value: int | float | Decimal, fraction_numbers: bool) -> Decimal:
    number = Decimal(str(value))
    if not fraction_numbers:
        return number
    if abs(number) > 1:
        raise ValueError(f"angka {value} tidak jelas; tulis sebagai persen, mis. \"5%\"")
    return (number * 100).normalize()


def _from_text(text: str) -> Decimal:
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned in _FLAT_WORDS:
        return Decimal(0)
    cleaned = cleaned.removesuffix("%").removesuffix("persen").replace(",", ".")
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"bukan persentase: {text!r}") from None


def format_percent(rate: Decimal) -> str:
    """A rate as users read it: 5 → "5%", Decimal("2.5") → "2,5%"."""
    text = f"{rate.normalize():f}".replace(".", ",")
    return f"{text}%"


def parse_flag(value: object) -> bool:
    """A yes/no cell: "ya", "x", True, 1 → True; empty, "tidak", 0 → False."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    raise ValueError(f"isi dengan 'ya' atau kosongkan, bukan {value!r}")


def parse_unit(value: object) -> int:
    """A rounding unit in whole rupiah (1, 1000, "Rp 1.000"); at least 1."""
    if isinstance(value, bool):
        raise ValueError(f"bukan satuan pembulatan: {value!r}")
    if isinstance(value, int):
        unit = value
    elif isinstance(value, float) and value.is_integer():
        unit = int(value)
    elif isinstance(value, str):
        parsed = parse_rupiah(value)
        if parsed is None:
            raise ValueError(f"bukan satuan pembulatan: {value!r}")
        if not isinstance(parsed, int):
            raise ValueError(f"satuan pembulatan harus rupiah bulat, bukan {value!r}")
        unit = parsed
    else:
        raise ValueError(f"bukan satuan pembulatan: {value!r}")
    if unit < 1:
        raise ValueError(f"satuan pembulatan harus 1 rupiah atau lebih, bukan {value!r}")
    return unit
