"""Which parent and JUMLAH cells must change so that every subtotal is right.

The plan is pure data (`CellUpdate`s) so that the command line (openpyxl) and
the Excel add-in (xlwings) apply exactly the same changes. The cell keeps its
kind: a typed figure is replaced by the right figure; a formula stays a
formula, re-aimed at the parent's block (`SUBTOTAL(9, …)`) when it no longer
covers exactly that block. Where the block is not contiguous on the sheet (a
page-repeat header sits inside it), a figure is written instead, since a
formula would add the header's column numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from renja_xl.errors import CellValueError
from renja_xl.formula.a1 import column_letter
from renja_xl.hierarchy import Node
from renja_xl.model import Baris, Level, Tabel
from renja_xl.recompute import expected_totals, nodes_by_index
from renja_xl.workbook import formulas

__all__ = ["CellUpdate", "block_rows", "subtotal_formula", "subtotal_updates"]


@dataclass(frozen=True)
class CellUpdate:
    """One cell to write: a whole-rupiah figure, a formula ("=..."), or None to clear."""

    sheet: str
    row: int
    column: int
    field: str
    level: Level
    uraian: str
    old: int | None
    new: int | None
    value: int | str | None

    @property
    def ref(self) -> str:
        """The cell's A1 reference."""
        return f"{column_letter(self.column)}{self.row}"

    @property
    def is_formula(self) -> bool:
        """Whether the cell gets a formula."""
        return isinstance(self.value, str)


def block_rows(tabel: Tabel, node: Node) -> tuple[int, int] | None:
    """First and last sheet row summed by a parent (None if not contiguous)."""
    if node.level is Level.JUMLAH:
        members = [b for b in tabel.baris[: node.index]]
    else:
        members = tabel.baris[node.index + 1 : node.last_index + 1]
    rows = [b.asal.row for b in members if b.asal]
    if not rows or len(rows) != len(members) or rows[-1] - rows[0] != len(rows) - 1:
        return None
    return rows[0], rows[-1]


def subtotal_formula(column: int, span: tuple[int, int]) -> str:
    """The SUBTOTAL formula summing one column over a block."""
    letter = column_letter(column)
    return f"=SUBTOTAL(9,{letter}{span[0]}:{letter}{span[-1]})"


def _covers(formula: str, column: int, span: tuple[int, int]) -> bool:
    """Whether a SUBTOTAL formula sums exactly the block in this column."""
    if not formulas.is_subtotal(formula):
        return False
    try:
        found = formulas.ranges(formula)
    except (formulas.UnsupportedFormula, formulas.FormulaError):
        return False
    return len(found) == 1 and (
        found[0].first_column == found[0].last_column == column
        and (found[0].first_row, found[0].last_row) == span
    )


def _update(
    tabel: Tabel, node: Node, field: str, new: int | None, live: bool
) -> CellUpdate | None:
    row: Baris = node.baris
    column = tabel.columns.get(field)
    if row.asal is None or column is None:
        return None
    raw = row.raw.get(field)
    old = getattr(row, field)
    span = block_rows(tabel, node)
    if live and span is not None and not (raw and raw.formula and _covers(raw.formula, column,
                                                                           span)):
        value: int | str | None = subtotal_formula(column, span)
    elif raw is not None and raw.formula is not None:
        if span is not None and _covers(raw.formula, column, span):
            return None
        value = subtotal_formula(column, span) if span else new
    elif old == new:
        return None
    else:
        value = new
    return CellUpdate(tabel.sheet, row.asal.row, column, field, row.level, row.uraian,
                      old, new, value)


def subtotal_updates(tabel: Tabel, *, live: bool = False) -> list[CellUpdate]:
    """Every parent/JUMLAH cell of a table that must change, in sheet order.

    With `live=True` every parent becomes a `SUBTOTAL(9, …)` formula over its
    block, so the sums stay right as the user edits. All or none: a typed parent
    left among formulas would be counted twice by the formula above it.
    """
    nodes = nodes_by_index(tabel)
    totals = sorted(expected_totals(tabel).items())
    if live:
        broken = [nodes[i].baris for (i, _), _ in totals if block_rows(tabel, nodes[i]) is None]
        if broken:
            where = broken[0].asal
            raise CellValueError(
                "subtotal tidak dapat dijadikan rumus: blok di bawah baris ini tidak "
                "bersambung (ada kepala tabel atau baris lain di tengahnya); jalankan tanpa "
                "--rumus, atau hapus baris sisipan itu lebih dulu",
                sheet=tabel.sheet,
                cell=f"B{where.row}" if where else None,
            )
    updates = []
    for (index, field), new in totals:
        found = _update(tabel, nodes[index], field, new, live)
        if found is not None:
            updates.append(found)
    return sorted(updates, key=lambda u: (u.row, u.column))
