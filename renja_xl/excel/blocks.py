"""Planning writes in blocks: each block is one action, one round trip into Excel.

Pure functions, no Excel library. Cells to write are grouped per column into
runs of adjacent rows (one `setValues` each). When a script would need more
actions than its budget, neighbouring runs of one column are joined across the
cells between them, but only across cells that a caller-supplied `keep` says
can be written back unchanged (an empty cell, a typed number, a subtotal cell
that may change anyway); the smallest gaps are joined first. A gap holding a
cell that cannot be rewritten safely (a formula, an error value, a date) is
never joined.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from renja_xl.formula.a1 import column_letter, run_text
from renja_xl.formula.a1 import runs as column_runs

__all__ = ["Block", "Cell", "Keep", "column_runs", "run_refs", "value_blocks"]

Cell = tuple[str, int, int]
"""(sheet, 1-based row, 1-based column)."""

Keep = Callable[[str, int, int], tuple[bool, Any]]
"""(sheet, row, column) → (can it be written back unchanged, the value to write)."""


@dataclass(frozen=True)
class Block:
    """Values for adjacent rows of one column, written in one action."""

    sheet: str
    row: int
    column: int
    values: tuple[Any, ...]

    @property
    def ref(self) -> str:
        """The block's A1 range ("F12:F20")."""
        return run_text(column_letter(self.column), self.row, self.row + len(self.values) - 1)


def run_refs(cells: Iterable[tuple[int, int]]) -> list[str]:
    """(row, column) cells as A1 ranges of adjacent rows, column by column."""
    by_column: dict[int, list[int]] = defaultdict(list)
    for row, column in cells:
        by_column[column].append(row)
    return [run_text(column_letter(column), first, last)
            for column in sorted(by_column) for first, last in column_runs(by_column[column])]


def _joinable_gaps(
    runs: dict[tuple[str, int], list[tuple[int, int]]], keep: Keep
) -> list[tuple[int, tuple[str, int], int]]:
    """(size, column key, index of the run before the gap) for each gap keep can fill."""
    gaps = []
    for key, found in runs.items():
        sheet, column = key
        for i in range(len(found) - 1):
            rows = range(found[i][1] + 1, found[i + 1][0])
            if all(keep(sheet, row, column)[0] for row in rows):
                gaps.append((len(rows), key, i))
    return sorted(gaps)


def value_blocks(cells: Mapping[Cell, Any], budget: int, keep: Keep | None = None
                 ) -> list[Block]:
    """The blocks writing `cells`: as few as `keep` allows once over `budget`."""
    by_column: dict[tuple[str, int], list[int]] = defaultdict(list)
    for sheet, row, column in cells:
        by_column[(sheet, column)].append(row)
    runs = {key: column_runs(rows) for key, rows in sorted(by_column.items())}
    excess = sum(len(r) for r in runs.values()) - budget
    joined: set[tuple[tuple[str, int], int]] = set()
    if excess > 0 and keep is not None:
        joined = {(key, i) for _, key, i in _joinable_gaps(runs, keep)[:excess]}
    blocks = []
    for key, found in runs.items():
        spans = [list(found[0])]
        for i in range(1, len(found)):
            if (key, i - 1) in joined:
                spans[-1][1] = found[i][1]
            else:
                spans.append(list(found[i]))
        blocks += [_block(key, first, last, cells, keep) for first, last in spans]
    return blocks


def _block(key: tuple[str, int], first: int, last: int, cells: Mapping[Cell, Any],
           keep: Keep | None) -> Block:
    sheet, column = key
    values = []
    for row in range(first, last + 1):
        if (sheet, row, column) in cells:
            values.append(cells[(sheet, row, column)])
        else:
            assert keep is not None  # gaps are only joined when keep is given
            values.append(keep(sheet, row, column)[1])
    return Block(sheet, first, column, tuple(values))
