"""The lines around a table: its title above, the signature block below.

The title gives the pemda and the agency's short name; the signature block the
place and date and the signatory (jabatan, nama, pangkat, NIP) of `Penandatangan`.
"""

from __future__ import annotations

import re
from typing import Any

from renja_xl.model import Penandatangan, Tabel
from renja_xl.workbook.detect import Region
from renja_xl.workbook.grid import Grid

__all__ = ["is_signature", "read_metadata", "signature_lines", "title_lines"]

_SIGNATURE = re.compile(r"^(nip\b|nip\.|kepala\b|plt\.?\s|pj\.?\s)", re.IGNORECASE)
_PEMDA = re.compile(r"^(pemerintah\s+)?(kabupaten|kota|provinsi)\s+\S", re.IGNORECASE)
_TITLE_WORDS = ("tabel", "rumusan", "rencana", "dan prakiraan", "dan perkiraan", "tahun")


def is_signature(grid: Grid, row: int) -> bool:
    """Whether a row opens the signature block (NIP, "Kepala ...", "Plt. ...")."""
    return any(_SIGNATURE.match(cell.text) for cell in grid.rows.get(row, {}).values()
               if isinstance(cell.value, str))


def _lines(grid: Grid, rows: range) -> list[str]:
    """The non-empty rows among `rows`, each as its texts joined left to right."""
    lines = []
    for row in rows:
        texts = [c.text for _, c in sorted(grid.rows.get(row, {}).items()) if c.text]
        if texts:
            lines.append(" ".join(texts))
    return lines


def title_lines(grid: Grid, region: Region) -> list[str]:
    """The text lines above a table's header (its title, the agency, the year)."""
    return _lines(grid, range(max(1, region.header_row - 10), region.header_row))


def signature_lines(grid: Grid, tabel: Tabel) -> list[str]:
    """The text lines below a table's last row (place and date, the signatory)."""
    if not tabel.baris or tabel.baris[-1].asal is None:
        return []
    last = tabel.baris[-1].asal.row
    return _lines(grid, range(last + 1, last + 16))


def read_metadata(renja: dict[str, Any], titles: list[str], signature: list[str]) -> None:
    """Put the pemda, the agency's short name, place, date and signatory into `renja`."""
    for line in titles:
        low = line.lower()
        if _PEMDA.match(line) and not renja.get("pemda"):
            renja["pemda"] = line.title() if line.isupper() else line
        elif not any(low.startswith(w) for w in _TITLE_WORDS) and not _PEMDA.match(line):
            renja["opd_singkat"] = line.split(":", 1)[-1].strip()
    _signature(renja, signature)


def _signature(renja: dict[str, Any], lines: list[str]) -> None:
    nip_at = next((i for i, line in enumerate(lines) if line.upper().startswith("NIP")), None)
    if nip_at is None:
        return
    nip = lines[nip_at].split(".", 1)[-1] if "." in lines[nip_at][:5] else lines[nip_at][3:]
    ttd = {"nip": nip.strip(" :")}
    before = lines[:nip_at]
    if before:
        ttd["pangkat"] = before.pop()
    if before:
        ttd["nama"] = before.pop()
    jabatan = next((line for line in before if line.rstrip().endswith(",")
                    and not re.search(r"\d{4}", line)), "")
    ttd["jabatan"] = jabatan.rstrip(", ").title() if jabatan.isupper() else jabatan.rstrip(", ")
    place = next((line for line in before if line is not jabatan and "," in line), "")
    if place:
        tempat, _, tanggal = place.partition(",")
        renja["tempat"], renja["tanggal"] = tempat.strip(), tanggal.strip()
    renja["penandatangan"] = Penandatangan.model_construct(**ttd)
