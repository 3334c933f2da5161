"""The Validasi button: colour every problem in place and list them in a sheet "Validasi".

Data cells are never written: only fills change, and the report goes into its
own sheet. Marks of an earlier click that no longer apply are removed (the
earlier report sheet says where they were). Colours and the report are the
ones `renja-xl validasi --tandai` puts into a file (`renja_xl.validasi.marks`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import xlwings as xw

from renja_xl.excel._button import Click, button
from renja_xl.excel.cells import as_text
from renja_xl.excel.output import MAX_ACTIONS, Output
from renja_xl.excel.reading import BookData
from renja_xl.formula.a1 import parse_cell
from renja_xl.validasi import Report, validate
from renja_xl.validasi.marks import (
    ERROR_FILL,
    HEADERS,
    SHEET_NAME,
    WARNING_FILL,
    Marks,
    compute_marks,
)

__all__ = ["run_validasi"]

_FIRST_ROW = 3
"""Row of the report's headings, as in the command line's report sheet."""
_FIXED_ACTIONS = 4
"""Adding or clearing the sheet, its values, column widths, the alert."""


def _cell_of(ref: str) -> tuple[int, int] | None:
    cell = parse_cell(ref)
    return cell if cell is not None and cell[0] >= 1 else None


def _previous_marks(data: BookData) -> set[tuple[str, int, int]]:
    """The cells an earlier Validasi marked, read from its report sheet."""
    sheet = data.sheets.get(SHEET_NAME)
    if sheet is None:
        return set()
    found = set()
    for row in range(_FIRST_ROW + 1, sheet.last_row + 1):
        name, ref = sheet.value(row, 4), sheet.value(row, 5)
        cell = _cell_of(str(ref)) if isinstance(ref, str) else None
        if isinstance(name, str) and name in data.sheets and cell:
            found.add((name, *cell))
    return found


def _link(link: str | None, text: Any) -> Any:
    if not link:
        return text
    target = link.replace('"', '""')
    return f'=HYPERLINK("#{target}","{text}")'


def _report_values(marks: Marks, report: Report, book_name: str) -> list[list[Any]]:
    summary = report.summary()
    title = f"Hasil Validasi: {summary['errors']} galat, {summary['warnings']} peringatan"
    width = len(HEADERS)
    values: list[list[Any]] = [[title] + [None] * (width - 1), [None] * width, list(HEADERS)]
    values[0][0] += f" — {book_name}"
    for row, link in zip(marks.rows, marks.links, strict=True):
        cells = [as_text(v) for v in row]
        cells[4] = _link(link, row[4]) if row[4] else None
        values.append(cells)
    return values


def _data_fills(marks: Marks, previous: set[tuple[str, int, int]], data: BookData
                ) -> dict[str, dict[tuple[int, int], str | None]]:
    fills: dict[str, dict[tuple[int, int], str | None]] = {}
    for sheet, row, column in previous:
        if sheet != SHEET_NAME:
            fills.setdefault(sheet, {})[(row, column)] = None
    for mark in marks.cells:
        cell = _cell_of(mark.cell)
        if mark.sheet in data.sheets and cell:
            fills.setdefault(mark.sheet, {})[cell] = mark.fill
    return fills


def _report_sheet(book: xw.Book, data: BookData) -> xw.Sheet:
    if SHEET_NAME in data.sheets:
        sheet = book.sheets[SHEET_NAME]
        sheet.clear()
        return sheet
    return book.sheets.add(SHEET_NAME, after=book.sheets[len(book.sheets) - 1])


def _write_report(book: xw.Book, data: BookData, marks: Marks, report: Report,
                  out: Output, budget: int) -> int:
    sheet = _report_sheet(book, data)
    values = _report_values(marks, report, data.name)
    sheet.range((1, 1)).value = values
    severity_fills = {
        (_FIRST_ROW + i, 2): ERROR_FILL if row[1] == "Galat" else WARNING_FILL
        for i, row in enumerate(marks.rows, start=1)
    }
    used = out.paint(SHEET_NAME, severity_fills, budget)
    sheet.range((_FIRST_ROW, 1), (_FIRST_ROW + len(marks.rows), 5)).columns.autofit()
    return used


def _outcome(report: Report) -> str:
    summary = report.summary()
    if not report.findings:
        return "Validasi selesai: tidak ada temuan. Tabel siap dikirim."
    return (f"Validasi selesai: {summary['errors']} galat, {summary['warnings']} peringatan. "
            "Sel bermasalah diwarnai (merah = galat, kuning = peringatan); daftar lengkap "
            f"dengan tautan ke tiap sel ada di sheet '{SHEET_NAME}'.")


@button(strict=False)
def run_validasi(click: Click) -> Report:
    """Validate the book's tables, mark the cells and write the report sheet."""
    data = click.data
    report = validate(click.renja)
    # Findings name the book as their file, so that compute_marks also marks each
    # finding's related cell (the other table's row), as for a file on disk.
    report = Report([replace(f, file=data.name) for f in report], data.name)
    marks = compute_marks(report, data.name)
    out = click.output()
    fills = _data_fills(marks, _previous_marks(data), data)
    share = (MAX_ACTIONS - _FIXED_ACTIONS) // (len(fills) + 1)
    for sheet, cells in fills.items():
        out.paint(sheet, cells, share)
    _write_report(click.book, data, marks, report, out, share)
    click.tell(_outcome(report))
    return report
