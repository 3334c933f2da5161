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

from renja_xl.errors import RenjaError
from renja_xl.excel._button import Click, button
from renja_xl.excel.cells import as_text
from renja_xl.excel.reading import BookData
from renja_xl.model import Renja, Tabel
from renja_xl.prakiraan import (
    SHEET_NAME,
    FillResult,
    ProjectionRules,
    fill_prakiraan,
    rules_from_rows,
)

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


@button(strict=False)
def run_isi_prakiraan_maju(click: Click, timpa: bool = False) -> FillResult:
    """Fill the empty prakiraan maju cells of Tabel 3.1 and write them into the book."""
    tabel = _tabel31(click.renja)
    rules = _rules(click.data)
    report = fill_prakiraan(tabel, rules.with_defaults(), timpa=timpa)
    cells = _cells(click.data, click.renja, tabel, report, timpa)
    click.write_cells(cells)
    click.tell(_outcome(cells, report))
    return report
