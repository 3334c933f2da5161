"""Shared formulas (a filled-down formula, stored once): keep the followers when the first changes.

Excel stores a formula filled down F5:F20 once, in F5 (`<f t="shared" ref="F5:F20" si="0">`),
and the other cells only point at it (`<f t="shared" si="0"/>`). Overwriting F5 alone would leave
them pointing at nothing, so each follower first gets its own formula, as Excel shows it there.
"""

from __future__ import annotations

import re

from renja_xl.formula.a1 import column_letter
from renja_xl.xlsx.cells import CellXml, Content, escape
from renja_xl.xlsx.sheet import CellEdit, SheetXml

__all__ = ["unshare"]

_SHARED_MASTER = re.compile(rb'<(?:\w+:)?f\b(?=[^>]*\bt="shared")(?=[^>]*\bref=")[^>]*\bsi="(\d+)"')
_FOLLOWER = re.compile(rb'<(?:\w+:)?f\b(?=[^>]*\bt="shared")[^>]*\bsi="(\d+)"')
_CACHED = re.compile(rb"<(?:\w+:)?v>.*?</(?:\w+:)?v>", re.DOTALL)


def unshare(sheet: SheetXml, edits: dict[tuple[int, int], CellEdit]) -> None:
    """Add edits giving the followers of every shared formula whose first cell changes."""
    groups = {}
    for (row, column), edit in edits.items():
        old = sheet.cell(row, column) if edit.content is not None else None
        master = _SHARED_MASTER.search(old.inner) if old is not None else None
        if master is not None and old is not None and old.formula:
            groups[master[1]] = (row, column, old.formula)
    if not groups:
        return
    for row, column, cell in list(sheet.cells()):
        found = _FOLLOWER.search(cell.inner)
        if found is None or found[1] not in groups or (row, column) in edits:
            continue
        origin_row, origin_column, text = groups[found[1]]
        moved = _translate(text, f"{column_letter(origin_column)}{origin_row}",
                           f"{column_letter(column)}{row}")
        edits[(row, column)] = CellEdit(_own_formula(cell, moved))


def _translate(formula: str, origin: str, target: str) -> str:
    from openpyxl.formula.translate import Translator

    return Translator(f"={formula}", origin=origin).translate_formula(target)[1:]


def _own_formula(cell: CellXml, formula: str) -> Content:
    cached = _CACHED.search(cell.inner)
    kind = cell.attribute(b"t")
    inner = f"<f>{escape(formula)}</f>" + (cached[0].decode() if cached else "")
    return Content(kind.decode() if kind and cached else None, inner, True)
