"""What may be written back into a cell lying between two cells a script changes.

Joining two runs of changed cells into one block means writing the cells
between them too. Under the strict rule a cell may be written back only if the
result is the same cell: an empty cell always; where formulas are known (the
desktop engine), also a typed number or a program/kegiatan/JUMLAH formula
(written back as itself). Text, error values, dates and other formulas never.
Where only values are known (xlwings Lite, the office server), the wider rule
(Office.js clients only, used only when the strict one leaves more blocks than
the budget) also writes back typed numbers, text as text ("'" keeps Excel from
reading it as a number) and parent cells as the figure they show: a formula in
such a cell would become its value, the one loss this rule accepts (the VBA
client needs no wider rule: a helper macro writes scattered cells exactly).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from renja_xl.excel.blocks import Keep
from renja_xl.excel.reading import BookData
from renja_xl.model import Renja

__all__ = ["as_text", "keepers", "parent_contents"]

PAGU_FIELDS = ("pagu", "pagu_maju")
_NOT_TEXT_START = "0123456789=+-@'"


def as_text(value: Any) -> Any:
    """A value for `setValues` that Excel stores exactly as given (text stays text)."""
    if isinstance(value, str) and value and value[0] in _NOT_TEXT_START:
        return "'" + value
    return value


def parent_contents(data: BookData, renja: Renja) -> dict[tuple[str, int, int], Any]:
    """Each program/kegiatan/JUMLAH pagu cell and what writing it back puts there."""
    contents: dict[tuple[str, int, int], Any] = {}
    for tabel in renja.tabel:
        sheet = data.sheets.get(tabel.sheet)
        for baris in tabel.baris:
            if not baris.is_parent or baris.asal is None or sheet is None:
                continue
            for field in PAGU_FIELDS:
                column = tabel.columns.get(field)
                if column is not None:
                    row = baris.asal.row
                    contents[(tabel.sheet, row, column)] = (
                        sheet.formula(row, column) or sheet.value(row, column))
    return contents


def _plain(value: Any, wider: bool, formulas_known: bool) -> tuple[bool, Any]:
    if value is None or value == "":
        return True, None
    if isinstance(value, dt.date | dt.datetime):
        return False, None
    if isinstance(value, bool | int | float):
        return formulas_known or wider, value
    if isinstance(value, str) and value.startswith("#"):
        return False, None  # an error value (#REF!...) would be retyped as text
    return wider, as_text(value)


def keepers(data: BookData, renja: Renja) -> tuple[Keep, Keep]:
    """The strict and the wider rule for writing cells back (see the module docstring)."""
    parents = parent_contents(data, renja)

    def rule(wider: bool) -> Keep:
        def keep(sheet: str, row: int, column: int) -> tuple[bool, Any]:
            if (sheet, row, column) in parents and (wider or data.formulas_known):
                return True, parents[(sheet, row, column)]
            found = data.sheets[sheet]
            formula = found.formula(row, column)
            if formula is not None:
                return False, None
            return _plain(found.value(row, column), wider, data.formulas_known)

        return keep

    return rule(False), rule(True)
