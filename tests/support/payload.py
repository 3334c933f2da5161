"""The request Excel would send for a workbook file, built with openpyxl.

`payload_from_workbook` gives the JSON that xlwings' VBA client
(`RunRemotePython`) or an Office.js client posts: the book, its named ranges
and each worksheet's values anchored at A1. Excel sends formula results, not
formulas; a file written by a tool other than Excel may hold no results, so
each formula is evaluated here (sums, SUBTOTAL, arithmetic, as `renja_xl.formula`
knows them; a cycle shows #REF!), falling back to the cached result.
Used to run the Excel scripts on a file: tests, benchmarks, troubleshooting.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import xlwings
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.formula import Evaluator, FormulaError, UnsupportedFormula
from renja_xl.workbook.grid import grid_from_values

__all__ = ["payload_from_workbook"]

_HYPERLINK = re.compile(r'^=HYPERLINK\(".*",\s*"(.*)"\)$', re.IGNORECASE)


class _Results:
    """Formula results of one sheet, as Excel shows them, computed on demand and memoised."""

    def __init__(self, ws: Worksheet, cached: Worksheet | None) -> None:
        self.ws, self.cached = ws, cached
        values = [list(row) for row in ws.iter_rows(values_only=True)]
        self.evaluator = Evaluator(grid_from_values(ws.title, values), count_text=False)

    def result(self, row: int, column: int) -> Any:
        value = self.evaluator.raw(row, column)
        if not (isinstance(value, str) and value.startswith("=") and len(value) > 1):
            return value
        try:
            result = self.evaluator.value(row, column)
        except FormulaError as exc:
            return str(exc).split()[0] if str(exc).startswith("#") else "#VALUE!"
        except UnsupportedFormula:
            link = _HYPERLINK.match(value)
            if link:  # Excel shows a link's friendly name
                return link[1]
            return self.cached.cell(row, column).value if self.cached is not None else None
        if result is None:
            return 0
        return int(result) if result == result.to_integral_value() else float(result)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, Decimal):
        return float(value)
    if value == "":
        return None
    return value


def _sheet(ws: Worksheet, cached: Worksheet | None) -> dict[str, Any]:
    results = _Results(ws, cached)
    last_row, last_column = ws.max_row, ws.max_column  # each a scan of every cell
    if last_row == 1 and last_column == 1 and ws.cell(1, 1).value is None:
        values: list[list[Any]] = [[]]
    else:
        values = [
            [_json_value(results.result(r, c)) for c in range(1, last_column + 1)]
            for r in range(1, last_row + 1)
        ]
    return {"name": ws.title, "values": values, "pictures": [], "tables": []}


def payload_from_workbook(wb: Workbook, *, name: str = "Book1.xlsx", client: str = "VBA",
                          cached: Workbook | None = None) -> dict[str, Any]:
    """The JSON an xlwings client posts for this workbook (`cached`: its data_only twin)."""
    sheets = [
        _sheet(ws, cached[ws.title] if cached is not None else None) for ws in wb.worksheets
    ]
    return {
        "client": client,
        "version": xlwings.__version__,
        "book": {"name": name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }
