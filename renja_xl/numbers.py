"""Numbers as Indonesian planning staff type them: rupiah amounts and targets.

Rupiah: "14.428.928.570", "Rp 1.500.000,-", "1.500.000,00", "Rp. 2,5 M",
"(1.000.000)" and "-" (nothing) are all understood. Thousands are separated by
dots and decimals by a comma, as in Indonesia; an unambiguous English form
("1,500,000.00") is accepted too. Text that is not an amount ("seratus juta")
raises `ValueError`, never a silent zero.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from renja_xl.money import Rupiah, format_rupiah, rupiah_or_none

__all__ = [
    "EMPTY_MARKS",
    "format_rupiah",  # from renja_xl.money, where amounts are written
    "is_empty_mark",
    "parse_amount",
    "parse_rupiah",
    "parse_target",
]

EMPTY_MARKS = frozenset({"", "-", "--", "–", "—", "0,-", "nihil"})
"""Texts that mean "no amount" in a pagu cell."""

_SCALES = {
    "rb": 10**3,
    "ribu": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "miliar": 10**9,
    "milyar": 10**9,
    "t": 10**12,
    "triliun": 10**12,
}
_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:,-|,--|\.-|,—|,–)$")
_SCALE_WORD = re.compile(r"^(?P<num>[\d.,]+)\s*(?P<scale>[a-z]+)\.?$", re.IGNORECASE)
_ID_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_EN_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$")


def is_empty_mark(text: str) -> bool:
    """Whether a cell's text means "no amount" ("", "-", "nihil")."""
    return text.strip().lower() in EMPTY_MARKS


def parse_amount(text: str) -> Decimal | None:
    """Parse an amount typed the Indonesian way; None for an empty mark.

    Raises ValueError when the text is not an amount.
    """
    cleaned = text.strip().replace("\u00a0", " ")
    if is_empty_mark(cleaned):
        return None
    negative, cleaned = _strip_sign(cleaned)
    cleaned = _SUFFIX.sub("", _PREFIX.sub("", cleaned)).strip()
    value = _parse_unsigned(cleaned)
    if value is None:
        raise ValueError(f"bukan angka rupiah: {text!r}")
    return -value if negative else value


def parse_rupiah(text: str) -> Rupiah | None:
    """Parse a rupiah amount exactly; None for an empty mark.

    "1.500.000" → 1500000 (int); "1.500.000,50" → Decimal("1500000.5"): sen are
    kept, never rounded away (see `renja_xl.money`). Raises ValueError when the
    text is not an amount.
    """
    return rupiah_or_none(text)


def _strip_sign(text: str) -> tuple[bool, str]:
    if text.startswith("(") and text.endswith(")"):
        return True, text[1:-1].strip()
    if text.startswith("-") and len(text) > 1:
        return True, text[1:].strip()
    return False, text


def _parse_unsigned(text: str) -> Decimal | None:
    compact = text.replace(" ", "")
    if _ID_THOUSANDS.match(compact):
        return _decimal(compact.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.match(compact):
        return _decimal(compact.replace(",", ""))
    if _PLAIN.match(compact):
        return _decimal(compact.replace(",", "."))
    scaled = _SCALE_WORD.match(text.strip())
    if scaled and scaled["scale"].lower() in _SCALES:
        base = _parse_unsigned(scaled["num"])
        return None if base is None else base * _SCALES[scaled["scale"].lower()]
    return None


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_TARGET = re.compile(r"^\s*(?P<num>\d[\d.,]*)\s*(?P<unit>.*?)\s*$")
_NUMBER_ANYWHERE = re.compile(r"\d")
_KNOWN_UNITS = frozenset(
    (
        "orang org jiwa kk unit paket dokumen dok jenis kelompok kali kegiatan lembaga "
        "desa nagari kelurahan kecamatan bulan tahun hari laporan lokasi titik sekolah opd "
        "kab kabupaten persen % buah set eksemplar berkas data keluarga anak lansia peserta "
        "rumah kpm lks pskd psks pkh tksk kader"
    ).split()
)


def parse_target(text: str) -> tuple[Decimal | None, str | None]:
    """Split a typed target into its number and unit.

    "52 Orang" → (52, "Orang"); "85%" → (85, "%"); "1.000 korban" → (1000,
    "korban"); "Orang" → (None, "Orang"); "Pratama" → (None, None) (a
    qualitative target, not a unit); "9 unit, 32 unit" → (None, None) (several
    numbers: no single figure to project).
    """
    text = (text or "").strip()
    if is_empty_mark(text):
        return None, None
    match = _TARGET.match(text)
    if match is None:
        unit = text if text.lower().rstrip(".") in _KNOWN_UNITS else None
        return None, unit
    unit = match["unit"].strip() or None
    if unit and _NUMBER_ANYWHERE.search(unit):
        return None, None
    try:
        number = parse_amount(match["num"].rstrip(".,"))
    except ValueError:
        return None, None
    return number, unit
