"""The totals engine: what every parent and the JUMLAH row should hold, and what they show.

One engine for `recompute`, Validasi's subtotal rules, `hitung` and the Excel
"Hitung Subtotal" button (`renja_xl.workbook.subtotals`), tahun depan and SIPD import:

* `expected_totals(tabel)`: (row index, field) → the figure each program, kegiatan
  and JUMLAH row should hold, for both years: the sum of the sub kegiatan below it
  (a kegiatan without sub kegiatan counts its own figure), None when no row below
  has a figure. Exact over int | Decimal. Unreadable cells (#REF!, text) count as
  nothing: the sum is of what can be read, and `unreadable` says what was left out.
* `shown(tabel, field)`: what each parent cell shows in Excel given the cells as
  they are (or as a plan would leave them): a typed number is that number,
  `SUBTOTAL(9,…)` skips nested SUBTOTAL cells, SUM does not, a wrong range counts
  what it covers, text counts as nothing, an error or a cycle is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from renja_xl.amounts import is_invalid
from renja_xl.formula import Evaluator, FormulaError, UnsupportedFormula, cell_text
from renja_xl.hierarchy import Hierarchy
from renja_xl.model import Level, Tabel
from renja_xl.money import Rupiah, rupiah_or_none

__all__ = [
    "PAGU_FIELDS",
    "cell_name",
    "expected_totals",
    "parent_fields",
    "shown",
    "unreadable",
]

PAGU_FIELDS = ("pagu", "pagu_maju")
_STORED = (Level.PROGRAM, Level.KEGIATAN)
"""Parents whose own cell holds their sum (a bidang's sum only goes up to JUMLAH)."""


def parent_fields(tabel: Tabel) -> tuple[str, ...]:
    """The budget columns of a table: pagu, and pagu_maju where the table has it."""
    return PAGU_FIELDS if tabel.has_maju else PAGU_FIELDS[:1]


def expected_totals(
    tabel: Tabel, hierarchy: Hierarchy | None = None
) -> dict[tuple[int, str], Rupiah | None]:
    """(row index, field) → the figure each parent with children and each JUMLAH should hold.

    Rows are summed from the bottom up, so each row's children are complete when it
    is reached; what a root holds goes to JUMLAH.
    """
    tree = hierarchy or Hierarchy.of(tabel)
    out: dict[tuple[int, str], Rupiah | None] = {}
    jumlah = [i for i, level in enumerate(tree.levels) if level is Level.JUMLAH]
    for name in parent_fields(tabel):
        sums: dict[int, Rupiah] = {}
        top: Rupiah | None = None
        for index in range(len(tabel.baris) - 1, -1, -1):
            level = tree.levels[index]
            if level is Level.JUMLAH:
                continue
            if tree.has_children(index):
                total = sums.get(index)
                if level in _STORED:
                    out[(index, name)] = rupiah_or_none(total)
            else:
                total = getattr(tabel.baris[index], name)
            if total is None:
                continue
            parent = tree.parents[index]
            if parent is None:
                top = total if top is None else top + total
            else:
                sums[parent] = sums.get(parent, 0) + total
        for index in jumlah:
            out[(index, name)] = rupiah_or_none(top)
    return out


def unreadable(tabel: Tabel, name: str, hierarchy: Hierarchy | None = None) -> list[int]:
    """Indices, in sheet order, of the rows the sums count (those without children) whose
    `name` cell holds no readable amount: an Excel error such as #REF!, or text that is no
    number. A parent showing #REF! because of one of them is not listed: it is not counted.
    """
    tree = hierarchy or Hierarchy.of(tabel)
    return [i for i, baris in enumerate(tabel.baris) if name in baris.raw
            and not tree.has_children(i) and is_invalid(baris, name)]


@dataclass
class _Column:
    """One budget column of a table as a sheet `Evaluator` can read."""

    rows: dict[int, dict[int, tuple[Any, str]]] = field(default_factory=dict)


def _cell(value: object) -> tuple[Any, str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value.startswith("="):
            return (value, "f")
        return (value, "e") if value.startswith("#") else (value, "s")
    return (value, "n")


def _column(tabel: Tabel, name: str, column: int, overrides: Mapping[int, object]) -> _Column:
    sheet = _Column()
    for index, baris in enumerate(tabel.baris):
        if baris.asal is None:
            continue
        raw = baris.raw.get(name)
        if index in overrides:
            value = overrides[index]
        elif raw is not None and raw.formula is not None:
            value = f"={raw.formula}"
        elif raw is not None and isinstance(raw.value, str):
            value = raw.value  # text stays text: Excel's sums skip it
        else:
            value = getattr(baris, name)
        cell = _cell(value)
        if cell is not None:
            sheet.rows[baris.asal.row] = {column: cell}
    return sheet


def shown(tabel: Tabel, name: str, overrides: Mapping[int, object] | None = None
          ) -> dict[int, Rupiah | str | None]:
    """Row index → what each parent's (and JUMLAH's) `name` cell shows in Excel.

    The cells are the table's as read (formulas as their text), with `overrides`
    (row index → a number, a formula "=..." or None) put in first, as a plan would
    leave them. An error shows as its text ("#REF!"); a formula this engine cannot
    evaluate shows as what the reader found.
    """
    column = tabel.columns.get(name)
    if column is None:
        return {}
    evaluator = Evaluator(_column(tabel, name, column, overrides or {}), count_text=False)
    out: dict[int, Rupiah | str | None] = {}
    for index, baris in enumerate(tabel.baris):
        if not baris.is_parent or baris.asal is None:
            continue
        try:
            value = evaluator.value(baris.asal.row, column)
        except FormulaError as exc:
            out[index] = str(exc).split()[0]
            continue
        except UnsupportedFormula:
            out[index] = getattr(baris, name)
            continue
        out[index] = rupiah_or_none(value)
    return out


def cell_name(tabel: Tabel, index: int, name: str) -> str:
    """The A1 name of a row's cell in a budget column ("F13"), or the row's name."""
    baris = tabel.baris[index]
    column = tabel.columns.get(name)
    if baris.asal is None or column is None:
        return f"baris {baris.uraian[:40]!r}"
    return cell_text(baris.asal.row, column)
