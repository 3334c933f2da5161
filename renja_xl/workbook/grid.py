"""A sheet as a grid of plain cells: the only form the table reader looks at.

Grids come from an .xlsx file (`renja_xl.workbook.source`) or from values that
Excel sends (the add-in); the reader does not care which. A cell is a value
plus what kind it is: a number, text, a formula (its text, starting with "="),
an error ("#REF!"), and whether its font is bold where that is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

__all__ = ["CellKind", "Grid", "GridCell", "grid_from_values"]

CellKind = Literal["n", "s", "f", "e", "b", "d"]

EXCEL_ERRORS = frozenset(
    {"#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)


class GridCell(NamedTuple):
    """One non-empty cell (a tuple: grids hold a hundred thousand of them)."""

    value: Any
    kind: CellKind = "n"
    bold: bool | None = None
    """Whether the font is bold; None when not known (see `Grid.is_bold`)."""

    @property
    def text(self) -> str:
        """The cell as text, stripped ("" for nothing)."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


@dataclass
class Grid:
    """The non-empty cells of one sheet, by 1-based (row, column)."""

    sheet: str
    rows: dict[int, dict[int, GridCell]] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column)."""
    hidden_rows: frozenset[int] = frozenset()
    bold_rows: Callable[[int], frozenset[int]] | None = field(
        default=None, compare=False, repr=False
    )
    """Column → rows whose cell there is bold, for grids that leave `GridCell.bold` None
    and look fonts up only for the columns asked about (the fast reader)."""
    _bold_cache: dict[int, frozenset[int]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def is_bold(self, row: int, column: int) -> bool | None:
        """Whether the cell's font is bold (None for an empty cell or where unknown)."""
        cell = self.cell(row, column)
        if cell is None or cell.bold is not None or self.bold_rows is None:
            return None if cell is None else cell.bold
        rows = self._bold_cache.get(column)
        if rows is None:
            rows = self._bold_cache[column] = self.bold_rows(column)
        return row in rows

    def cell(self, row: int, column: int) -> GridCell | None:
        """The cell at (row, column), or None when empty."""
        found = self.rows.get(row)
        return found.get(column) if found else None

    def text(self, row: int, column: int) -> str:
        """The text of a cell ("" when empty)."""
        cell = self.cell(row, column)
        return cell.text if cell else ""

    @property
    def max_row(self) -> int:
        """The last row holding anything."""
        return max(self.rows, default=0)


def _kind_of(value: Any) -> CellKind:
    if isinstance(value, bool):
        return "b"
    if isinstance(value, int | float):
        return "n"
    if isinstance(value, str):
        if value in EXCEL_ERRORS:
            return "e"
        if value.startswith("=") and len(value) > 1:
            return "f"
        return "s"
    return "d"


def grid_from_values(
    sheet: str,
    values: list[list[Any]],
    *,
    formulas: list[list[Any]] | None = None,
    first_row: int = 1,
    first_column: int = 1,
) -> Grid:
    """A grid from a block of values as Excel or xlwings gives them.

    Where `formulas` is given (same shape), a cell whose formula text starts
    with "=" is a formula cell; its cached value is not trusted.
    """
    grid = Grid(sheet)
    for r, row in enumerate(values):
        cells: dict[int, GridCell] = {}
        for c, value in enumerate(row):
            formula = formulas[r][c] if formulas and r < len(formulas) else None
            if isinstance(formula, str) and formula.startswith("=") and len(formula) > 1:
                cells[first_column + c] = GridCell(formula, "f")
            elif value is not None and value != "":
                cells[first_column + c] = GridCell(value, _kind_of(value))
        if cells:
            grid.rows[first_row + r] = cells
    return grid
