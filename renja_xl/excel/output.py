"""Writing into the clicked workbook: values and fills in as few actions as possible.

With the remote engine (xlwings Lite, the office server) every write becomes
one action that the client replays in Excel, so writes go in blocks and each
script keeps to a budget of actions whatever the size of the sheet. What a
client can replay differs: the VBA client knows about 35 action types, so for
scattered cells beyond the budget it calls the small helper macros of
`macros/RenjaXLRemote.bas` (one action for any number of cells); Office.js
clients colour a whole rectangle cell by cell in one action, leaving the other
cells as they are. The desktop engine writes through COM and has no actions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import xlwings as xw

from renja_xl.excel.blocks import Block, Cell, Keep, run_refs, value_blocks
from renja_xl.excel.reading import DESKTOP

__all__ = ["FILL_MACRO", "MAX_ACTIONS", "UNFILL_MACRO", "VALUES_MACRO", "Output"]

MAX_ACTIONS = 20
"""Most actions one click returns, for a sheet of any size."""
FILL_MACRO = "RenjaXLWarnai"
UNFILL_MACRO = "RenjaXLHapusWarna"
VALUES_MACRO = "RenjaXLIsiSel"
VBA = "VBA"
SET_COLORS_LIMIT = 10_000
"""Most cells xlwings colours in one `set_colors` action."""


def _hex(fill: str | None) -> str | None:
    return None if fill is None else "#" + fill.lstrip("#").upper()


class Output:
    """The writes of one click into one book."""

    def __init__(self, book: xw.Book, client: str) -> None:
        self.book, self.client = book, client

    def sheet(self, name: str) -> xw.Sheet:
        """A sheet of the book by name."""
        return self.book.sheets[name]

    def block(self, block: Block) -> None:
        """Write one block of one column."""
        target = self.sheet(block.sheet).range(block.ref)
        if self.client == DESKTOP:
            target.value = [[v] for v in block.values]
            return
        # The remote engine's `value` setter re-reads the whole sheet about 17 times per
        # write (xlwings' Range.api) only to size the range, which the block already has:
        # write through the engine's own cleaning of each value instead (same action).
        clean = self.book.app.engine.impl.prepare_xl_data_element
        target.raw_value = [[clean(v, {})] for v in block.values]

    def cells(self, cells: Mapping[Cell, Any], budget: int, keep: Keep,
              wider: Keep | None = None) -> int:
        """Write scattered cells in at most `budget` actions where the client allows.

        `keep` says which cells between two runs may be written back unchanged;
        `wider` (Office.js only) is tried when `keep` alone leaves too many blocks.
        Returns the number of actions used.
        """
        if not cells:
            return 0
        blocks = value_blocks(cells, budget, keep)
        if len(blocks) > budget and self.client == VBA:
            return self._cells_by_macro(cells)
        if len(blocks) > budget and wider is not None and self.client != DESKTOP:
            blocks = value_blocks(cells, budget, wider)
        for block in blocks:
            self.block(block)
        return len(blocks)

    def _cells_by_macro(self, cells: Mapping[Cell, Any]) -> int:
        by_sheet: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
        for (sheet, row, column), value in sorted(cells.items()):
            by_sheet[sheet].append((row, column, value))
        for sheet, found in by_sheet.items():
            refs = ",".join(run_refs([(row, column)])[0] for row, column, _ in found)
            self.book.macro(VALUES_MACRO)(sheet, refs, [v for _, _, v in found])
        return len(by_sheet)

    def paint(self, sheet: str, fills: Mapping[tuple[int, int], str | None], budget: int) -> int:
        """Colour cells (RGB "FFC7CE"; None removes the fill); returns actions used."""
        if not fills:
            return 0
        by_fill: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
        for cell, fill in fills.items():
            by_fill[_hex(fill)].append(cell)
        refs = {fill: run_refs(cells) for fill, cells in by_fill.items()}
        if self.client == DESKTOP:
            for fill, found in refs.items():
                for ref in found:
                    self.sheet(sheet).range(ref).color = fill
            return 0
        if self.client == VBA:
            return self._paint_vba(sheet, refs, budget)
        plain = sum(len(found) for found in refs.values())
        if None not in refs and plain <= budget:
            return self._paint_ranges(sheet, refs)
        return self._paint_matrix(sheet, fills)

    def _paint_ranges(self, sheet: str, refs: dict[str | None, list[str]]) -> int:
        for fill, found in refs.items():
            for ref in found:
                self.sheet(sheet).range(ref).color = fill
        return sum(len(found) for found in refs.values())

    def _paint_vba(self, sheet: str, refs: dict[str | None, list[str]], budget: int) -> int:
        used = 0
        cleared = refs.pop(None, None)
        if cleared:  # the VBA client cannot set "no fill"; the helper macro can
            self.book.macro(UNFILL_MACRO)(sheet, ",".join(cleared))
            used += 1
        if sum(len(found) for found in refs.values()) <= budget - used:
            return used + self._paint_ranges(sheet, refs)
        for fill, found in refs.items():
            self.book.macro(FILL_MACRO)(sheet, fill, ",".join(found))
        return used + len(refs)

    def _paint_matrix(self, sheet: str, fills: Mapping[tuple[int, int], str | None]) -> int:
        """Colour cell by cell over the marked rectangle, in slices of at most 10,000 cells."""
        columns = [c for _, c in fills]
        left, right = min(columns), max(columns)
        rows = sorted({r for r, _ in fills})
        height = max(1, SET_COLORS_LIMIT // (right - left + 1))
        used, start = 0, 0
        while start < len(rows):
            top = rows[start]
            bottom = min(top + height - 1, rows[-1])
            matrix: list[list[Any]] = [
                [fills.get((row, column), ...) for column in range(left, right + 1)]
                for row in range(top, bottom + 1)
            ]
            matrix = [[_hex(v) if v is not ... else v for v in line] for line in matrix]
            self.sheet(sheet).range((top, left), (bottom, right)).set_colors(matrix)
            used += 1
            while start < len(rows) and rows[start] <= bottom:
                start += 1
        return used
