"""The Isi Prakiraan Maju button: fill the empty N+1 cells of Tabel 3.1 by the projection rules.

Rules come from the workbook's sheet "Aturan" when it has one, else the
defaults, as for `renja-xl isi-prakiraan`; `renja_xl.prakiraan.fill_prakiraan`
decides every figure. Only empty N+1 cells are written (unless `timpa`), plus
the program, kegiatan and JUMLAH cells above them. A total cell holding a
formula is left to Excel where formulas are known (desktop); where only values
are known (xlwings Lite, the office server) a total gets the right figure, as
a typed total does from the command line: writing SUBTOTAL formulas instead
would count twice wherever the kegiatan totals below are typed figures.
"""

from __future__ import annotations

from typing import Any

import xlwings as xw

from renja_xl.errors import RenjaError
from renja_xl.excel.cells import as_text, keepers
from renja_xl.excel.notify import alert, alert_error
from renja_xl.excel.output import MAX_ACTIONS, Output
from renja_xl.excel.reading import BookData, read_book
from renja_xl.model import Renja, Tabel
from renja_xl.prakiraan import (
    SHEET_NAME,
    FillResult,
    ProjectionRules,
    fill_prakiraan,
    rules_from_rows,
)
from renja_xl.workbook.reader import read_grids

__all__ = ["run_isi_prakiraan_maju"]


def _rules(data: BookData) -> ProjectionRules:
    sheet = data.sheets.get(SHEET_NAME)
    if sheet is None:
        return ProjectionRules()
    return rules_from_rows((tuple(row) for row in sheet.values), sheet=SHEET_NAME)


def _tabel31(renja: Renja) -> Tabel:
    if renja.tabel31 is None:
        raise RenjaError("tidak ada Tabel 3.1 (dengan kolom prakiraan maju) di workbook ini")
    return renja.tabel31


def _cells(data: BookData, renja: Renja, tabel: Tabel, report: FillResult, timpa: bool
           ) -> dict[tuple[str, int, int], Any]:
    """The cells to write, by the command line's rules (never over a typed value)."""
    cells: dict[tuple[str, int, int], Any] = {}
    for fill in report.fills:
        if fill.baris.asal is None or fill.field not in tabel.columns:
            continue
        key = (fill.baris.asal.sheet, fill.baris.asal.row, tabel.columns[fill.field])
        sheet = data.sheets[key[0]]
        if fill.total:
            if sheet.formula(key[1], key[2]) is not None:
                continue  # Excel recalculates the formula itself
            cells[key] = fill.new
            continue
        if not timpa and sheet.value(key[1], key[2]) not in (None, ""):
            continue
        cells[key] = as_text(fill.new)
    return cells


def _outcome(cells: dict[tuple[str, int, int], Any], report: FillResult) -> str:
    filled = len(cells) - len(report.totals)
    if not cells:
        return "Tidak ada sel tahun N+1 yang kosong untuk diisi; tidak ada yang diubah."
    return (f"Isi Prakiraan Maju: {filled} sel tahun N+1 diisi, {len(report.totals)} jumlah "
            f"dihitung ulang, {len(report.skipped)} baris tidak diisi.")


def run_isi_prakiraan_maju(book: xw.Book, timpa: bool = False) -> FillResult | None:
    """Fill the empty prakiraan maju cells of Tabel 3.1 and write them into the book."""
    data = read_book(book)
    try:
        renja = read_grids(data.grids(), strict=False)
        tabel = _tabel31(renja)
        rules = _rules(data)
    except RenjaError as exc:
        alert_error(book, exc)
        return None
    report = fill_prakiraan(tabel, rules.with_defaults(), timpa=timpa)
    cells = _cells(data, renja, tabel, report, timpa)
    strict, wider = keepers(data, renja)
    Output(book, data.client).cells(cells, MAX_ACTIONS - 1, strict, wider)
    alert(book, _outcome(cells, report))
    return report
