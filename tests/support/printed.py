"""Workbooks made "as printed": the fixture's rows typed as plain values, the way
staff paste a Tabel from a PDF (no kode, no formulas, page headers repeated)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from renja_xl.example import example_data

HEADER_31 = [
    ["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
     "Indikator Kinerja Program/Kegiatan", "Rencana Tahun 2022", None, None, None,
     "Catatan Penting", "Prakiraan Maju rencana Tahun 2023", None],
    [None, None, None, "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif",
     "Sumber Dana", None, "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"],
]
HEADER_41 = [
    ["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
     "Indikator Kinerja Program/Kegiatan", "Rencana Tahun 2022 sebelum perubahan", None, None,
     None, "Ket"],
    [None, None, None, "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif",
     "Sumber Dana", None],
]
FIELDS_31 = ["kode", "uraian", "indikator", "lokasi", "target", "pagu", "sumber_dana",
             "catatan", "target_maju", "pagu_maju"]
FIELDS_41 = ["kode", "uraian", "indikator", "lokasi", "target", "pagu", "sumber_dana", "ket"]


def fixture_rows(table: str) -> list[dict[str, Any]]:
    """The printed rows of "tabel31" or "tabel41"."""
    return example_data()[table]


def _amount_text(value: int | None) -> str:
    return "-" if value is None else f"{value:,}".replace(",", ".")


def write_printed(
    path: Path,
    table: str = "tabel31",
    *,
    bold: bool = True,
    repeat_every: int | None = 25,
    first_column: int = 1,
    amounts_as_text: bool = False,
    title: bool = True,
    rows: list[dict[str, Any]] | None = None,
) -> Path:
    """Write one table as printed, returning the path."""
    is31 = table == "tabel31"
    header, fields = (HEADER_31, FIELDS_31) if is31 else (HEADER_41, FIELDS_41)
    rows = fixture_rows(table) if rows is None else rows
    wb = Workbook()
    ws = wb.active
    ws.title = "Lampiran"
    out: list[tuple[list[Any], bool]] = []
    if title:
        out += [(["TABEL 3.1" if is31 else "TABEL 4.1"], True),
                (["KABUPATEN DHARMASRAYA"], True), ([], False), (["DINSOSP3APPKB"], True)]

    def add_header() -> None:
        out.extend((list(h), True) for h in header)
        out.append((list(range(1, len(fields) + 1)), False))

    add_header()
    for i, row in enumerate(rows):
        if repeat_every and i and i % repeat_every == 0:
            add_header()
        values = []
        for name in fields:
            value = row.get(name)
            if name in ("pagu", "pagu_maju"):
                value = _amount_text(value) if amounts_as_text else value
            values.append(value if value != "" else None)
        out.append((values, bool(row.get("bold")) and bold))
    for r, (values, is_bold) in enumerate(out, start=1):
        for c, value in enumerate(values, start=first_column):
            if value is None:
                continue
            cell = ws.cell(r, c, value)
            if is_bold:
                cell.font = Font(bold=True)
    wb.save(path)
    return path
