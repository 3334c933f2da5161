"""A1 references as text, both ways: "F12" ↔ (12, 6), "F12:F40" ↔ `Range`, rows → "F12:F14,F20"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

__all__ = ["Range", "cell_text", "column_index", "column_letter", "parse_cell", "parse_range",
           "row_runs", "run_text", "runs"]

_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


class Range(NamedTuple):
    """A rectangular same-sheet reference, 1-based and inclusive (a tuple: parents make
    thousands of them)."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    def cells(self) -> list[tuple[int, int]]:
        """Every (row, column) in the range, row by row."""
        return [
            (r, c)
            for r in range(self.first_row, self.last_row + 1)
            for c in range(self.first_column, self.last_column + 1)
        ]

    @property
    def text(self) -> str:
        """The range as A1 text: "F12:F40" ("F12" for a single cell)."""
        first = cell_text(self.first_row, self.first_column)
        if (self.first_row, self.first_column) == (self.last_row, self.last_column):
            return first
        return f"{first}:{cell_text(self.last_row, self.last_column)}"


@cache
def column_letter(index: int) -> str:
    """1 → "A", 28 → "AB"."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@cache
def column_index(letters: str) -> int:
    """"A" → 1, "ab" → 28."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index


def cell_text(row: int, column: int) -> str:
    """(12, 6) → "F12"."""
    return f"{column_letter(column)}{row}"


def parse_cell(text: str) -> tuple[int, int] | None:
    """ "F12" or "$F$12" → (12, 6); None when the text is no cell reference."""
    match = _CELL.fullmatch(text.strip())
    if match is None:
        return None
    return int(match.group(2)), column_index(match.group(1))


def parse_range(text: str) -> Range | None:
    """ "F40:F12" → Range(12, 6, 40, 6), corners put in order; a single cell is a 1×1 range."""
    first, _, last = text.partition(":")
    start = parse_cell(first)
    end = parse_cell(last) if last else start
    if start is None or end is None:
        return None
    (r1, c1), (r2, c2) = start, end
    return Range(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Rows as runs of adjacent rows, in order: [12, 13, 14, 20] → [(12, 14), (20, 20)]."""
    found: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if found and row == found[-1][1] + 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found


def run_text(column: str, first: int, last: int) -> str:
    """One run of a column as A1 text: "F12:F14", or "F20" for a single row."""
    return f"{column}{first}" if first == last else f"{column}{first}:{column}{last}"


def row_runs(column: str, rows: Iterable[int]) -> str:
    """Rows of one column as compact ranges: [12, 13, 14, 20] → "F12:F14,F20"."""
    return ",".join(run_text(column, first, last) for first, last in runs(rows))
