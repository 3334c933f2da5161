"""Writing a report into the workbook itself (`renja-xl validasi --tandai`).

Adds a sheet "Validasi" listing every finding with a link to its cell and
fills the offending cells (errors red, warnings yellow) through the surgical
writer: each marked cell gets a new cell format appended to the file (its own
format with another fill), nothing else in the file changes. What was marked
— each cell's format before and the format of the mark — is remembered in a
very hidden sheet, so the next run first puts back exactly those formats, and
only where the mark is still there: a format the user set since then stays.
Cell values are never touched.
"""

from __future__ import annotations

import json
from pathlib import Path

from renja_xl.formula.a1 import column_letter
from renja_xl.validasi.marks import ERROR_FILL, HEADERS, SHEET_NAME, WARNING_FILL, Marks
from renja_xl.validasi.report import Report
from renja_xl.xlsx import WorkbookEditor, number, text
from renja_xl.xlsx.cells import EMPTY, split_ref
from renja_xl.xlsx.new_sheet import NewSheet
from renja_xl.xlsx.styles import font_variant, solid_fill

__all__ = ["MEMORY_SHEET", "apply_marks", "clear_marks", "mark_file"]

MEMORY_SHEET = "_validasi_tanda"
_MEMORY_HEADERS = ("sheet", "sel", "gaya_tanda", "gaya_semula")
_WIDTHS = (5, 11, 30, 12, 7, 90, 28, 28)
_FIRST_ROW = 3
_LINK_COLOR = "0563C1"
_TOP = '<alignment vertical="top"/>'
_TOP_WRAP = '<alignment vertical="top" wrapText="1"/>'


def clear_marks(editor: WorkbookEditor) -> int:
    """Remove the marks of an earlier run (formats still ours, the Validasi sheet)."""
    if MEMORY_SHEET not in editor.sheet_names:
        return 0
    rows = editor.rows(MEMORY_SHEET)
    header = rows[0] if rows else []
    legacy = len(header) > 2 and header[2] == "warna"
    restored = 0
    for line in rows[1:]:
        sheet, ref, mark, before = (list(line) + [None] * 4)[:4]
        if sheet not in editor.sheet_names or not isinstance(ref, str):
            continue
        row, column = split_ref(ref)
        current = editor.style(str(sheet), row, column)
        if legacy:
            original = _legacy_restore(editor, current, str(mark), str(before))
        else:
            original = int(before) if current == _integer(mark) else None  # type: ignore[arg-type]
        if original is not None:
            editor.set(str(sheet), row, column, style=original)
            restored += 1
    report_sheet = header[4] if len(header) > 4 else None
    if isinstance(report_sheet, str) and report_sheet in editor.sheet_names:
        editor.remove_sheet(report_sheet)
    editor.remove_sheet(MEMORY_SHEET)
    return restored


def _integer(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) else None


def _legacy_restore(editor: WorkbookEditor, current: int, rgb: str, state: str) -> int | None:
    """A mark of the openpyxl-era writer (fill colour and the fill before, as JSON)."""
    fill = editor.styles.fill_xml(current).upper()
    if b'"SOLID"' not in fill or rgb[-6:].upper().encode() not in fill:
        return None
    return editor.styles.derive(current, fill=_fill_from_state(json.loads(state)))


def _fill_from_state(state: dict) -> str:
    def color(tag: str, data: dict | None) -> str:
        if not data or data.get("value") is None:
            return ""
        tint = f' tint="{data["tint"]}"' if data.get("tint") else ""
        return f'<{tag} {data["type"]}="{data["value"]}"{tint}/>'

    pattern = state.get("pattern")
    if not pattern:
        return '<fill><patternFill patternType="none"/></fill>'
    return (f'<fill><patternFill patternType="{pattern}">{color("fgColor", state.get("fg"))}'
            f'{color("bgColor", state.get("bg"))}</patternFill></fill>')


def _fill_cells(editor: WorkbookEditor, marks: Marks) -> list[tuple[str, str, int, int]]:
    remembered: list[tuple[str, str, int, int]] = []
    seen: set[tuple[str, int, int]] = set()
    names = set(editor.sheet_names)
    for mark in marks.cells:
        if mark.sheet not in names:
            continue
        row, column = editor.anchor(mark.sheet, *split_ref(mark.cell))
        if (mark.sheet, row, column) in seen:
            continue
        before = editor.style(mark.sheet, row, column)
        if b"gradientFill" in editor.styles.fill_xml(before):
            continue
        seen.add((mark.sheet, row, column))
        marked = editor.styles.derive(before, fill=solid_fill(mark.fill))
        editor.set(mark.sheet, row, column, style=marked)
        ref = f"{column_letter(column)}{row}"
        remembered.append((mark.sheet, ref, marked, before))
    return remembered


def _report_sheet(editor: WorkbookEditor, marks: Marks, report: Report) -> str:
    name, number_ = SHEET_NAME, 2
    while name in editor.sheet_names:
        name, number_ = f"{SHEET_NAME} ({number_})", number_ + 1
    styles = editor.styles
    font = styles.font_xml(0)
    title = styles.derive(0, font=font_variant(font, bold=True, size=12))
    heading = styles.derive(0, font=font_variant(font, bold=True))
    top, wrapped = styles.derive(0, alignment=_TOP), styles.derive(0, alignment=_TOP_WRAP)
    link = styles.derive(top, font=font_variant(font, color=_LINK_COLOR, underline=True))
    severity = {fill: styles.derive(top, fill=solid_fill(fill))
                for fill in (ERROR_FILL, WARNING_FILL)}
    sheet = NewSheet(widths=_WIDTHS, frozen_rows=_FIRST_ROW)
    summary = report.summary()
    sheet.add_row(1, [(text(f"Hasil Validasi: {summary['errors']} galat, "
                            f"{summary['warnings']} peringatan"
                            + (f" — {Path(report.file).name}" if report.file else "")), title)])
    sheet.add_row(_FIRST_ROW, [(text(heading_text), heading) for heading_text in HEADERS])
    for at, (row, target) in enumerate(zip(marks.rows, marks.links, strict=True),
                                       start=_FIRST_ROW + 1):
        cells = []
        for column, value in enumerate(row, start=1):
            style = wrapped if column == 6 else top
            if column == 2:
                style = severity[ERROR_FILL if value == "Galat" else WARNING_FILL]
            if column == 5 and target:
                style = link
                sheet.links.append((f"E{at}", target, str(value)))
            if value is None or value == "":
                cells.append((EMPTY, style))
            else:
                cells.append((number(value) if isinstance(value, int) else text(str(value)),
                              style))
        sheet.add_row(at, cells)
    editor.add_sheet(name, sheet.render())
    return name


def _remember(editor: WorkbookEditor, remembered: list[tuple[str, str, int, int]],
              report_sheet: str) -> None:
    memory = NewSheet()
    memory.add_row(1, [(text(heading), 0) for heading in (*_MEMORY_HEADERS, report_sheet)])
    for at, (sheet, ref, marked, before) in enumerate(remembered, start=2):
        memory.add_row(at, [(text(sheet), 0), (text(ref), 0), (number(marked), 0),
                            (number(before), 0)])
    editor.add_sheet(MEMORY_SHEET, memory.render(), state="veryHidden")


def apply_marks(editor: WorkbookEditor, marks: Marks, report: Report) -> None:
    """Replace earlier marks with these: formats, the Validasi sheet and the hidden memory."""
    clear_marks(editor)
    remembered = _fill_cells(editor, marks)
    name = _report_sheet(editor, marks, report)
    _remember(editor, remembered, name)


def mark_file(path: str | Path, report: Report, *, force: bool = False) -> Path | None:
    """Mark a workbook file with a report and save it atomically; returns the backup.

    `force` is accepted for old callers and changes nothing: no file is refused.
    """
    from renja_xl.validasi.marks import compute_marks

    del force
    path = Path(path)
    with WorkbookEditor(path) as editor:
        apply_marks(editor, compute_marks(report, str(path)), report)
        return editor.save()
