"""Payloads as Excel would send them, their values from a LibreOffice recalculation.

The workbooks keep the writer's formulas, faults are typed over them as staff do,
then LibreOffice recalculates every formula: the payload carries what Excel would
show, independent of renja_xl's own formula evaluator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from renja_xl.example import load_example
from renja_xl.model import Level, Renja
from renja_xl.workbook.writer import build_workbook
from tests.support.libreoffice import recalculate
from tests.support.payload import payload_from_workbook
from tests.support.synthetic import generate

__all__ = ["big_plan", "planted_plan", "recalculated_payload"]

SHEET_31 = "Tabel 3.1"
FIRST_DATA_ROW = 9
KODE, PAGU, TARGET_MAJU, PAGU_MAJU = 1, 6, 9, 10


def _rows(renja: Renja, level: Level) -> list[int]:
    assert renja.tabel31 is not None
    return [FIRST_DATA_ROW + i for i, b in enumerate(renja.tabel31.baris) if b.level is level]


def planted_plan(path: Path, *, with_error: bool = False) -> Path:
    """The real plan with a fault for every button, typed over the writer's formulas."""
    renja = load_example()
    wb = build_workbook(renja)
    ws = wb[SHEET_31]
    kegiatan, program = _rows(renja, Level.KEGIATAN), _rows(renja, Level.PROGRAM)
    subs = _rows(renja, Level.SUB_KEGIATAN)
    ws.cell(kegiatan[2], PAGU).value = 123_456_789         # a kegiatan total typed over
    ws.cell(program[4], PAGU_MAJU).value = 250_000         # a program total typed over, N+1
    ws.cell(max(_rows(renja, Level.JUMLAH)), PAGU).value = 1
    ws.cell(subs[5], PAGU_MAJU).value = None               # N+1 cells left empty
    ws.cell(subs[6], TARGET_MAJU).value = None
    ws.cell(subs[3], PAGU).value = "Rp 2.500.000,-"        # an amount typed as text
    ws.cell(subs[1], KODE).value = "1.06.01.2.01"          # a code on the wrong row
    if with_error:
        ws.cell(subs[8], PAGU).value = "=1/0"              # an Excel error value
    return _save(wb, path)


def big_plan(path: Path, rows: int, *, seed: int = 7) -> Path:
    """A synthetic Tabel 3.1 of about `rows` rows, faults spread all over it."""
    renja = generate(seed, rows=rows).renja
    renja.tabel41 = None
    wb = build_workbook(renja)
    ws = wb[SHEET_31]
    for n, row in enumerate(_rows(renja, Level.KEGIATAN)):
        if n % 7 == 0:
            ws.cell(row, PAGU).value = 1000 * (n + 1)
    for n, row in enumerate(_rows(renja, Level.SUB_KEGIATAN)):
        if n % 11 == 0:
            ws.cell(row, PAGU_MAJU).value = None
        if n % 13 == 0:
            ws.cell(row, TARGET_MAJU).value = None
        if n % 17 == 0:
            ws.cell(row, KODE).value = None
    return _save(wb, path)


def _save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def recalculated_payload(path: Path, *, client: str = "Office.js") -> dict[str, Any]:
    """The payload for the workbook at `path`, each cell as LibreOffice computes it."""
    copy = recalculate(path, path.parent / f"{path.stem}-libreoffice")
    shown, source = load_workbook(copy, data_only=True), load_workbook(path)
    unshown = [f"{ws.title}!{cell.coordinate}" for ws in source.worksheets
               for row in ws.iter_rows() for cell in row
               if cell.data_type == "f" and shown[ws.title][cell.coordinate].value is None]
    assert not unshown, f"LibreOffice left formulas without a result: {unshown[:5]}"
    return payload_from_workbook(shown, name=path.name, client=client)
