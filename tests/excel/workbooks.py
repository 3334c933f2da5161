"""Workbooks for the Excel-button tests: the real plan with planted faults, and big synthetic ones.

Excel sends formula results, so a workbook "as typed" (every formula replaced
by its result, as in files re-typed from SIPD or a PDF) reads the same through
Excel as through a file: the command-line tools and the buttons then see
exactly the same plan, and their results can be compared cell by cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlwings as xw
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.example import load_example
from renja_xl.model import Level, Renja
from renja_xl.workbook.writer import build_workbook
from tests.support.payload import payload_from_workbook
from tests.support.replay import apply_actions

SHEET_31 = "Tabel 3.1"
PAGU, PAGU_MAJU, TARGET_MAJU = 6, 10, 9
FIRST_DATA_ROW = 9


def typed(wb: Workbook) -> Workbook:
    """The workbook with every formula replaced by its result."""
    payload = payload_from_workbook(wb)
    for ws, sheet in zip(wb.worksheets, payload["sheets"], strict=True):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = sheet["values"][cell.row - 1][cell.column - 1]
    return wb


def rows_of(renja: Renja, level: Level) -> list[int]:
    """Sheet rows of one level in Tabel 3.1 (as the writer lays them out)."""
    assert renja.tabel31 is not None
    return [FIRST_DATA_ROW + i for i, b in enumerate(renja.tabel31.baris) if b.level is level]


def planted(path: Path, *, with_error: bool) -> Path:
    """The real plan, typed, with faults every button has something to do about."""
    renja = load_example()
    wb = typed(build_workbook(renja))
    ws = wb[SHEET_31]
    kegiatan, program = rows_of(renja, Level.KEGIATAN), rows_of(renja, Level.PROGRAM)
    subs = rows_of(renja, Level.SUB_KEGIATAN)
    ws.cell(kegiatan[2], PAGU).value += 1_000_000          # a stale kegiatan total
    ws.cell(program[4], PAGU_MAJU).value -= 250_000       # a stale program total, N+1
    jumlah = max(rows_of(renja, Level.JUMLAH))
    ws.cell(jumlah, PAGU).value = 1                        # JUMLAH typed over
    ws.cell(subs[5], PAGU_MAJU).value = None               # an N+1 cell left empty
    ws.cell(subs[6], TARGET_MAJU).value = None
    ws.cell(subs[3], PAGU).value = "Rp 2.500.000,-"         # typed as text
    if with_error:
        ws.cell(subs[8], PAGU).value = "#REF!"             # an Excel error value
    wb.save(path)
    return path


def big(path: Path, rows: int, *, seed: int = 7) -> Path:
    """A synthetic Tabel 3.1 of about `rows` rows, with faults spread all over it."""
    from tests.support.synthetic import generate

    renja = generate(seed, rows=rows).renja
    renja.tabel41 = None
    wb = typed(build_workbook(renja))
    ws = wb[SHEET_31]
    for n, row in enumerate(rows_of(renja, Level.KEGIATAN)):
        if n % 7 == 0:
            ws.cell(row, PAGU).value = (ws.cell(row, PAGU).value or 0) + 1000
    for n, row in enumerate(rows_of(renja, Level.SUB_KEGIATAN)):
        if n % 11 == 0:
            ws.cell(row, PAGU_MAJU).value = None
        if n % 13 == 0:
            ws.cell(row, TARGET_MAJU).value = None
    wb.save(path)
    return path


def run_script(path: Path, script: Any, *, client: str = "VBA"
               ) -> tuple[Workbook, list[dict[str, Any]], list[str]]:
    """Click a button on a file: payload → xw.Book → script → actions replayed on the file."""
    wb = load_workbook(path)
    book = xw.Book(json=payload_from_workbook(wb, name=path.name, client=client))
    script(book)
    actions = book.json()["actions"]
    alerts = apply_actions(wb, actions)
    return wb, actions, alerts


def cells(ws: Worksheet) -> Iterator[tuple[str, Any]]:
    """(coordinate, value) of every non-empty cell."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                yield cell.coordinate, cell.value


def shown(wb: Workbook) -> dict[str, list[list[Any]]]:
    """What Excel shows in each sheet (formulas evaluated)."""
    return {s["name"]: s["values"] for s in payload_from_workbook(wb)["sheets"]}


def fill_of(ws: Worksheet, ref: str) -> str | None:
    """The solid fill of a cell as RGB ("FFC7CE"), None without one."""
    fill = ws[ref].fill
    if fill is None or fill.fill_type != "solid":
        return None
    return str(fill.fgColor.rgb)[-6:].upper()
