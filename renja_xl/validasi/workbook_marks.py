"""Writing a report into the workbook itself (`renja-xl validasi --tandai`).

Adds a sheet "Validasi" listing every finding with a hyperlink to its cell and
fills the offending cells (errors red, warnings yellow). What was marked, and
each cell's fill before marking, is remembered in a very hidden sheet, so the
next run first puts back exactly those fills, and only where the fill is still
ours: a colour the user set since then stays. Cell values are never touched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Color, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.validasi.marks import ERROR_FILL, HEADERS, SHEET_NAME, WARNING_FILL, Marks
from renja_xl.validasi.report import Report

__all__ = ["MEMORY_SHEET", "apply_marks", "clear_marks", "mark_file"]

MEMORY_SHEET = "_validasi_tanda"
_WIDTHS = (5, 11, 30, 12, 7, 90, 28, 28)
_FIRST_ROW = 3


def _color(color: Color | None) -> dict[str, Any] | None:
    if color is None:
        return None
    return {"type": color.type, "value": color.value, "tint": color.tint}


def _fill_state(fill: Any) -> dict[str, Any]:
    return {"pattern": fill.patternType, "fg": _color(fill.fgColor), "bg": _color(fill.bgColor)}


def _restore_color(data: dict[str, Any] | None) -> Color | None:
    if data is None:
        return None
    return Color(**{data["type"]: data["value"]}, tint=data["tint"])


def _restore_fill(state: dict[str, Any]) -> PatternFill:
    return PatternFill(
        patternType=state["pattern"],
        fgColor=_restore_color(state["fg"]),
        bgColor=_restore_color(state["bg"]),
    )


def _is_pattern(fill: Any) -> bool:
    # openpyxl hands out style proxies: ask for the tag, not the class.
    return getattr(fill, "tagname", None) == "patternFill"


def _is_ours(fill: Any, rgb: str) -> bool:
    return (
        _is_pattern(fill)
        and fill.patternType == "solid"
        and str(fill.fgColor.rgb)[-6:].upper() == rgb
    )


def _anchor(ws: Worksheet, ref: str) -> str:
    """The top-left cell of the merged range holding `ref` (or `ref` itself)."""
    if not isinstance(ws[ref], MergedCell):
        return ref
    for merged in ws.merged_cells.ranges:
        if ref in merged:
            return merged.start_cell.coordinate
    return ref


def clear_marks(wb: Workbook) -> int:
    """Remove the marks of an earlier run (fills still ours, the Validasi sheet)."""
    if MEMORY_SHEET not in wb.sheetnames:
        return 0
    memory = wb[MEMORY_SHEET]
    restored = 0
    for sheet, ref, rgb, state in memory.iter_rows(min_row=2, max_col=4, values_only=True):
        if sheet in wb.sheetnames and ref:
            cell = wb[sheet][ref]
            if _is_ours(cell.fill, str(rgb)):
                cell.fill = _restore_fill(json.loads(str(state)))
                restored += 1
    report_sheet = memory["E1"].value
    if report_sheet in wb.sheetnames:
        del wb[report_sheet]
    del wb[MEMORY_SHEET]
    return restored


def _fill_cells(wb: Workbook, marks: Marks) -> list[tuple[str, str, str, str]]:
    remembered: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for mark in marks.cells:
        if mark.sheet not in wb.sheetnames:
            continue
        ws = wb[mark.sheet]
        ref = _anchor(ws, mark.cell)
        cell = ws[ref]
        if not _is_pattern(cell.fill) or (mark.sheet, ref) in seen:
            continue
        seen.add((mark.sheet, ref))
        remembered.append((mark.sheet, ref, mark.fill, json.dumps(_fill_state(cell.fill))))
        cell.fill = PatternFill("solid", fgColor=mark.fill, bgColor=mark.fill)
    return remembered


def _report_sheet(wb: Workbook, marks: Marks, report: Report) -> str:
    name = SHEET_NAME
    number = 2
    while name in wb.sheetnames:
        name, number = f"{SHEET_NAME} ({number})", number + 1
    ws = wb.create_sheet(name)
    summary = report.summary()
    ws["A1"] = (
        f"Hasil Validasi: {summary['errors']} galat, {summary['warnings']} peringatan"
        + (f" — {Path(report.file).name}" if report.file else "")
    )
    ws["A1"].font = Font(bold=True, size=12)
    for column, (heading, width) in enumerate(zip(HEADERS, _WIDTHS, strict=True), start=1):
        cell = ws.cell(_FIRST_ROW, column, heading)
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = width
    for offset, (row, link) in enumerate(zip(marks.rows, marks.links, strict=True), start=1):
        _report_row(ws, _FIRST_ROW + offset, row, link)
    ws.freeze_panes = ws.cell(_FIRST_ROW + 1, 1)
    return name


def _report_row(ws: Worksheet, at: int, row: tuple[Any, ...], link: str | None) -> None:
    for column, value in enumerate(row, start=1):
        ws.cell(at, column, value).alignment = Alignment(vertical="top", wrap_text=column == 6)
    fill = ERROR_FILL if row[1] == "Galat" else WARNING_FILL
    ws.cell(at, 2).fill = PatternFill("solid", fgColor=fill, bgColor=fill)
    if link:
        cell = ws.cell(at, 5)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=link, display=str(row[4]))
        cell.font = Font(color="0563C1", underline="single")


def _remember(wb: Workbook, remembered: list[tuple[str, str, str, str]], report_sheet: str) -> None:
    memory = wb.create_sheet(MEMORY_SHEET)
    memory.append(["sheet", "sel", "warna", "isian_semula", report_sheet])
    for row in remembered:
        memory.append(list(row))
    memory.sheet_state = "veryHidden"


def apply_marks(wb: Workbook, marks: Marks, report: Report) -> None:
    """Replace earlier marks with these: fills, the Validasi sheet and the hidden memory."""
    clear_marks(wb)
    remembered = _fill_cells(wb, marks)
    name = _report_sheet(wb, marks, report)
    _remember(wb, remembered, name)


def mark_file(path: str | Path, report: Report, *, force: bool = False) -> Path | None:
    """Mark a workbook file with a report and save it atomically; returns the backup."""
    from renja_xl.validasi.marks import compute_marks
    from renja_xl.workbook.editing import open_for_edit, save_edited

    path = Path(path)
    wb = open_for_edit(path, force=force)
    apply_marks(wb, compute_marks(report, str(path)), report)
    return save_edited(wb, path)
