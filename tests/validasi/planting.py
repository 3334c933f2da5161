"""Workbooks made from the real plan with one fault planted, for Validasi's tests.

`clean_renja` is the Dharmasraya plan with its Tabel 4.1 made the exact year-N
half of Tabel 3.1 (the real 4.1 differs by a few names: those are findings of
their own, tested apart), so that a planted fault is the only error.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.example import load_example
from renja_xl.model import Baris, Level, Renja, Tabel, TabelKind, Target
from renja_xl.workbook.writer import write

SHEET_31 = "Tabel 3.1"
SHEET_41 = "Tabel 4.1"
COLUMN = {"kode": "A", "uraian": "B", "indikator": "C", "lokasi": "D", "target": "E",
          "pagu": "F", "sumber_dana": "G", "catatan": "H", "target_maju": "I", "pagu_maju": "J"}


def _year_n(baris: Baris) -> Baris:
    return baris.model_copy(update={"pagu_maju": None, "target_maju": Target(), "catatan": ""})


def clean_renja() -> Renja:
    """The real plan, Tabel 4.1 rebuilt as the year-N rows of Tabel 3.1."""
    renja = load_example()
    assert renja.tabel31 is not None
    rows = [
        _year_n(b)
        for b in renja.tabel31.baris
        if b.level in (Level.BIDANG, Level.JUMLAH) or b.pagu is not None
    ]
    renja.tabel41 = Tabel(kind=TabelKind.TABEL_41, sheet=SHEET_41, baris=rows)
    return renja


def write_clean(folder: Path, name: str = "renja.xlsx", renja: Renja | None = None) -> Path:
    """The clean plan written as a workbook by the real writer."""
    return write(renja or clean_renja(), folder / name)


def find_row(ws: Worksheet, uraian: str) -> int:
    """The sheet row whose Uraian column starts with `uraian` (case-insensitive)."""
    wanted = uraian.casefold()
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row, 2).value
        if isinstance(value, str) and value.casefold().startswith(wanted):
            return row
    raise LookupError(f"tidak ada baris {uraian!r} di {ws.title}")


def plant(path: Path, edits: list[tuple[str, str, str, object]]) -> dict[str, str]:
    """Write (sheet, uraian prefix, field, value) into the workbook; returns sheet → cell."""
    wb = load_workbook(path)
    cells: dict[str, str] = {}
    for sheet, uraian, field, value in edits:
        ws = wb[sheet]
        ref = f"{COLUMN[field]}{find_row(ws, uraian)}"
        ws[ref].value = value
        cells.setdefault(sheet, ref)
    wb.save(path)
    return cells


def jumlah_row(path: Path, sheet: str) -> int:
    """The sheet row of the JUMLAH line."""
    return find_row(load_workbook(path)[sheet], "JUMLAH")
