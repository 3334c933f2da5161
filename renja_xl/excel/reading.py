"""Reading a workbook that Excel hands over (an `xw.Book`) in one block per sheet.

Every client gives the cell values; errors are read as text ("#REF!") so that
Validasi sees them. Only the desktop engine (Excel on the PC, through COM) can
also give formulas synchronously; the remote engine behind xlwings Lite and the
office server receives values only, so there a formula cell is seen as its
result, exactly as Excel last calculated it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import xlwings as xw

from renja_xl.workbook.grid import Grid, grid_from_values

__all__ = ["BookData", "SheetData", "client_of", "read_book"]

DESKTOP = "desktop"


@dataclass
class SheetData:
    """One sheet's cells as Excel sent them, anchored at (first_row, first_column)."""

    name: str
    index: int
    values: list[list[Any]]
    formulas: list[list[Any]] | None = None
    first_row: int = 1
    first_column: int = 1

    def value(self, row: int, column: int) -> Any:
        """The value of a 1-based cell (None when outside the sent block)."""
        r, c = row - self.first_row, column - self.first_column
        if 0 <= r < len(self.values) and 0 <= c < len(self.values[r]):
            return self.values[r][c]
        return None

    def formula(self, row: int, column: int) -> str | None:
        """The formula of a cell ("=..."), None for a constant; only when formulas are known."""
        if self.formulas is None:
            return None
        r, c = row - self.first_row, column - self.first_column
        if 0 <= r < len(self.formulas) and 0 <= c < len(self.formulas[r]):
            text = self.formulas[r][c]
            if isinstance(text, str) and text.startswith("=") and len(text) > 1:
                return text
        return None

    @property
    def last_row(self) -> int:
        """The last row of the sent block."""
        return self.first_row + len(self.values) - 1

    def grid(self) -> Grid:
        """The sheet as the table reader's grid."""
        return grid_from_values(self.name, self.values, formulas=self.formulas,
                                first_row=self.first_row, first_column=self.first_column)


@dataclass
class BookData:
    """Every worksheet of a book, as read at the click."""

    name: str
    client: str
    sheets: dict[str, SheetData]

    @property
    def formulas_known(self) -> bool:
        """Whether formulas were read (desktop engine) or only their results."""
        return all(s.formulas is not None for s in self.sheets.values())

    def grids(self) -> list[Grid]:
        """Every sheet as a grid, in book order."""
        return [s.grid() for s in self.sheets.values()]


def client_of(book: xw.Book) -> str:
    """"VBA", "Office.js" (Lite, Office add-ins) or "desktop" (Excel through COM)."""
    api = book.api
    if isinstance(api, dict):
        return str(api.get("client") or "")
    return DESKTOP


def _matrix(value: Any) -> list[list[Any]]:
    if not isinstance(value, list | tuple):
        return [[value]]
    return [list(row) if isinstance(row, list | tuple) else [row] for row in value]


def _formulas(used: xw.Range) -> list[list[Any]] | None:
    """The formulas of a range where the engine can give them synchronously."""
    try:
        return _matrix(used.formula)
    except NotImplementedError:  # the remote engine: values only
        return None


def _read_sheet(sheet: xw.Sheet, index: int) -> SheetData:
    used = sheet.used_range
    values = _matrix(used.options(ndim=2, err_to_str=True).value)
    return SheetData(sheet.name, index, values, _formulas(used), used.row, used.column)


def read_book(book: xw.Book) -> BookData:
    """Every worksheet's values (and formulas where available) in one read each."""
    sheets = {s.name: _read_sheet(s, i) for i, s in enumerate(book.sheets)}
    return BookData(book.name, client_of(book), sheets)
