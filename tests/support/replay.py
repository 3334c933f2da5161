"""Replaying the actions a script returns onto an openpyxl workbook, as the clients do in Excel.

The inverse of `tests.support.payload`: together they run an Excel button on
a file with no Excel at hand. Each action is applied the way xlwings' VBA and
Office.js clients apply it: a value starting with "=" becomes a formula, one
starting with "'" stays text without the apostrophe, an ISO timestamp becomes
a date, "" and None empty the cell. The helper macros of
`macros/RenjaXLRemote.bas` (`runMacro`) are replayed by what they do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["UnknownAction", "apply_actions"]

_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")

Action = dict[str, Any]


class UnknownAction(ValueError):
    """An action this replayer (and so, possibly, a client) does not know."""


def _value(value: Any) -> Any:
    if value == "" or value is None:
        return None
    if isinstance(value, str):
        if value.startswith("'"):
            return value[1:]
        if _ISO.match(value):
            return dt.datetime.fromisoformat(value[:19])
    return value


def _cells(wb: Workbook, action: Action) -> Iterable[tuple[int, int, Any]]:
    ws = wb.worksheets[action["sheet_position"]]
    for r in range(action["row_count"]):
        for c in range(action["column_count"]):
            yield r, c, ws.cell(action["start_row"] + r + 1, action["start_column"] + c + 1)


def _fill(color: str | None) -> PatternFill:
    if color is None:
        return PatternFill(fill_type=None)
    rgb = color.lstrip("#").upper()
    return PatternFill("solid", fgColor=rgb, bgColor=rgb)


def _set_values(wb: Workbook, action: Action) -> None:
    values = action["values"]
    for r, c, cell in _cells(wb, action):
        cell.value = _value(values[r][c])


def _set_color(wb: Workbook, action: Action) -> None:
    for _, _, cell in _cells(wb, action):
        cell.fill = _fill(action["args"][0])


def _set_colors(wb: Workbook, action: Action) -> None:
    matrix = action["args"][0]
    for r, c, cell in _cells(wb, action):
        if matrix[r][c] != "keep":
            cell.fill = _fill(matrix[r][c])


def _number_format(wb: Workbook, action: Action) -> None:
    for _, _, cell in _cells(wb, action):
        cell.number_format = action["args"][0]


def _add_sheet(wb: Workbook, action: Action) -> None:
    position, name = action["args"][0], action["args"][1]
    wb.create_sheet(name, index=position)


def _clear_sheet(wb: Workbook, action: Action) -> None:
    ws = wb.worksheets[action["sheet_position"]]
    for row in ws.iter_rows():
        for cell in row:
            cell.value = None
            cell.style = "Normal"


def _refs(ws: Worksheet, addresses: str) -> Iterable[Any]:
    for ref in addresses.split(","):
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        for row in range(min_row, max_row + 1):
            for column in range(min_col, max_col + 1):
                yield ws.cell(row, column)


def _run_macro(wb: Workbook, action: Action) -> None:
    name = str(action["args"][0]).rsplit("!", 1)[-1]
    sheet, rest = action["args"][1], action["args"][2:]
    ws = wb[sheet]
    if name == "RenjaXLWarnai":
        for cell in _refs(ws, rest[1]):
            cell.fill = _fill(rest[0])
    elif name == "RenjaXLHapusWarna":
        for cell in _refs(ws, rest[0]):
            cell.fill = _fill(None)
    elif name == "RenjaXLIsiSel":
        for cell, value in zip(_refs(ws, rest[0]), rest[1], strict=True):
            cell.value = _value(value)
    else:
        raise UnknownAction(f"makro tidak dikenal: {name}")


def _ignore(wb: Workbook, action: Action) -> None:
    """Display-only actions (column widths, the active sheet)."""


_APPLY: dict[str, Callable[[Workbook, Action], None]] = {
    "setValues": _set_values,
    "setRangeColor": _set_color,
    "setRangeColors": _set_colors,
    "setNumberFormat": _number_format,
    "addSheet": _add_sheet,
    "sheetClear": _clear_sheet,
    "runMacro": _run_macro,
    "setAutofit": _ignore,
    "activateSheet": _ignore,
}


def apply_actions(wb: Workbook, actions: Iterable[Action]) -> list[str]:
    """Apply every action in order; returns the alert messages shown."""
    alerts = []
    for action in actions:
        func = action["func"]
        if func == "alert":
            alerts.append(action["args"][0])
        elif func in _APPLY:
            _APPLY[func](wb, action)
        else:
            raise UnknownAction(f"aksi tidak dikenal: {func}")
    return alerts
