"""The SIPD-era printed layout: Kode split over five columns, names prefixed by their level.

Tables printed from SIPD-RI split the code over Urusan | Bidang | Program | Kegiatan |
Sub Kegiatan (`5 | 01 | 01 | 2.01 | 0001`) and write "Kegiatan ..." / "Sub Kegiatan ..."
before the names. The reader rebuilds the whole code (`5.01.01.2.01.0001`) and drops
the prefix, so such a table reads exactly like the one-column layout.
"""

from __future__ import annotations

import re

__all__ = ["join_kode", "strip_level_prefix"]

_WIDTHS = (1, 2, 2, None, 4)
"""Zero padding of each part (urusan, bidang, program, kegiatan, sub kegiatan)."""
_PREFIX = re.compile(r"^(?:sub\s+kegiatan|kegiatan)\s*[:.\-]?\s+", re.IGNORECASE)


def _part(text: str, width: int | None) -> str:
    text = text.strip()
    if width is None:  # the kegiatan part "2.01": its second half has two digits
        head, _, tail = text.partition(".")
        return f"{head}.{tail.zfill(2)}" if tail.isdigit() else text
    return text.zfill(width) if text.isdigit() else text


def join_kode(parts: list[str]) -> str:
    """The whole code from the five cells: ["5", "01", "01", "2.01", "0001"] →
    "5.01.01.2.01.0001"; a program row ["5", "01", "01", "", ""] → "5.01.01"."""
    found = []
    for text, width in zip(parts, _WIDTHS, strict=False):
        if not text.strip():
            break
        found.append(_part(text, width))
    return ".".join(found)


def strip_level_prefix(uraian: str) -> str:
    """ "Sub Kegiatan Penyediaan Permakanan" → "Penyediaan Permakanan"."""
    return _PREFIX.sub("", uraian, count=1)
