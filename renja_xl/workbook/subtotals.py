"""Which parent and JUMLAH cells must change so that every subtotal shows right in Excel.

The plan is pure data (`CellUpdate`s, and the blocks that could not be computed)
so that the command line and the Excel add-in apply exactly the same changes.
The figures come from the totals engine (`renja_xl.totals`). A cell keeps its
kind: a typed figure is replaced by the right figure; a formula stays a formula,
re-aimed at the parent's block (`SUBTOTAL(9, …)`) when it no longer covers exactly
that block. One exception, because Excel would count it twice: a parent typed over
inside the block of a parent holding a formula (which will be a SUBTOTAL) gets its
SUBTOTAL formula back, as `--rumus` would write it. Where the block is not
contiguous on the sheet (a page-repeat header sits inside it), a figure is written
instead, since a formula would add the header's column numbers.

A parent whose block holds a cell with no readable amount (#REF!, text) is not
computed: it is listed in `SubtotalPlan.blocked` with those cells, and left as it is
(with `--rumus` it still gets its formula, which shows the right sum once the cell
is fixed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renja_xl.errors import CellValueError
from renja_xl.formula import (
    FormulaError,
    UnsupportedFormula,
    cell_text,
    column_letter,
    is_subtotal,
    ranges,
)
from renja_xl.hierarchy import Hierarchy
from renja_xl.model import Level, Tabel
from renja_xl.totals import cell_name, expected_totals, unreadable

__all__ = [
    "Blocked", "CellUpdate", "SubtotalPlan", "block_rows", "subtotal_formula", "subtotal_plan",
    "subtotal_updates",
]


@dataclass(frozen=True)
class CellUpdate:
    """One cell to write: a whole-rupiah figure, a formula ("=..."), or None to clear.

    `restored` marks a typed-over parent given back its SUBTOTAL formula.
    """

    sheet: str
    row: int
    column: int
    field: str
    level: Level
    uraian: str
    old: int | None
    new: int | None
    value: int | str | None
    restored: bool = False

    @property
    def ref(self) -> str:
        """The cell's A1 reference."""
        return cell_text(self.row, self.column)

    @property
    def is_formula(self) -> bool:
        """Whether the cell gets a formula."""
        return isinstance(self.value, str)


@dataclass(frozen=True)
class Blocked:
    """A parent cell left as it is: cells in its block hold no readable amount."""

    sheet: str
    row: int | None
    column: int | None
    field: str
    level: Level
    uraian: str
    cells: tuple[str, ...]
    """The unreadable cells ("F13"), in sheet order."""

    @property
    def ref(self) -> str | None:
        """The parent cell's A1 reference, when known."""
        return None if self.row is None or self.column is None else cell_text(self.row,
                                                                               self.column)


@dataclass
class SubtotalPlan:
    """What `hitung` does to one table: the cells to write and the blocks it cannot compute."""

    updates: list[CellUpdate] = field(default_factory=list)
    blocked: list[Blocked] = field(default_factory=list)


def block_rows(tabel: Tabel, hierarchy: Hierarchy, index: int) -> tuple[int, int] | None:
    """First and last sheet row summed by a parent (None if not contiguous)."""
    members = tabel.baris[hierarchy.block(index).start : hierarchy.block(index).stop]
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
    if formula.replace(" ", "").upper().lstrip("=") == subtotal_formula(column, span)[1:]:
        return True  # as written: most parents of a 10,000-row plan, without parsing
    if not is_subtotal(formula):
        return False
    try:
        found = ranges(formula)
    except (UnsupportedFormula, FormulaError):
        return False
    return len(found) == 1 and (
        found[0].first_column == found[0].last_column == column
        and (found[0].first_row, found[0].last_row) == span
    )


class _Planner:
    """The plan of one table, its hierarchy and spans worked out once."""

    def __init__(self, tabel: Tabel, live: bool) -> None:
        self.tabel, self.live = tabel, live
        self.tree = Hierarchy.of(tabel)
        self.totals = expected_totals(tabel, self.tree)
        self.spans = {i: block_rows(tabel, self.tree, i) for i in {i for i, _ in self.totals}}
        self.jumlah = [i for i, level in enumerate(self.tree.levels) if level is Level.JUMLAH]

    def _summed_by_formula(self, index: int, name: str) -> bool:
        """Whether a parent's cell lies in the block of a parent holding a formula (which the
        plan leaves as a SUBTOTAL over that block, so it counts a typed figure there)."""
        above = self.tree.ancestors(index) + [j for j in self.jumlah if j > index]
        for parent in above:
            raw = self.tabel.baris[parent].raw.get(name)
            if raw is not None and raw.formula is not None and self.spans.get(parent):
                return True
        return False

    def update(self, index: int, name: str, new: int | None) -> CellUpdate | None:
        """The cell a parent needs written, if any."""
        row = self.tabel.baris[index]
        column = self.tabel.columns.get(name)
        if row.asal is None or column is None:
            return None
        raw = row.raw.get(name)
        old = getattr(row, name)
        span = self.spans.get(index)
        formula = raw.formula if raw is not None else None
        restored = False
        if formula is not None:
            if span is not None and _covers(formula, column, span):
                return None
            value: int | str | None = subtotal_formula(column, span) if span else new
        elif span is not None and (self.live or self._summed_by_formula(index, name)):
            value, restored = subtotal_formula(column, span), not self.live
        elif old == new:
            return None
        else:
            value = new
        return CellUpdate(self.tabel.sheet, row.asal.row, column, name, row.level, row.uraian,
                          old, new, value, restored)  # type: ignore[arg-type]

    def blocked(self, index: int, name: str, bad: list[int]) -> Blocked | None:
        """The parent as not computed, when unreadable cells lie in its block."""
        block = self.tree.block(index)
        inside = [i for i in bad if i in block]
        if not inside:
            return None
        row = self.tabel.baris[index]
        return Blocked(self.tabel.sheet, row.asal.row if row.asal else None,
                       self.tabel.columns.get(name), name, row.level, row.uraian,
                       tuple(cell_name(self.tabel, i, name) for i in inside))

    def check_live(self) -> None:
        """With --rumus every parent becomes a formula: refuse a block that is not contiguous."""
        broken = [self.tabel.baris[i] for i, span in sorted(self.spans.items()) if span is None]
        if broken:
            where = broken[0].asal
            raise CellValueError(
                "subtotal tidak dapat dijadikan rumus: blok di bawah baris ini tidak "
                "bersambung (ada kepala tabel atau baris lain di tengahnya); jalankan tanpa "
                "--rumus, atau hapus baris sisipan itu lebih dulu",
                sheet=self.tabel.sheet,
                cell=f"B{where.row}" if where else None,
            )

    def plan(self) -> SubtotalPlan:
        if self.live:
            self.check_live()
        plan = SubtotalPlan()
        names = {name for _, name in self.totals}
        bad = {name: unreadable(self.tabel, name, self.tree) for name in names}
        for (index, name), new in sorted(self.totals.items()):
            blocked = self.blocked(index, name, bad[name])
            if blocked is not None:
                plan.blocked.append(blocked)
                if not self.live:  # with --rumus the formula goes in all the same
                    continue
            found = self.update(index, name, new)  # type: ignore[arg-type]
            if found is not None:
                plan.updates.append(found)
        plan.updates.sort(key=lambda u: (u.row, u.column))
        plan.blocked.sort(key=lambda b: (b.row or 0, b.column or 0))
        return plan


def subtotal_plan(tabel: Tabel, *, live: bool = False) -> SubtotalPlan:
    """Every parent/JUMLAH cell of a table that must change, in sheet order, and the
    parents that could not be computed.

    With `live=True` every parent becomes a `SUBTOTAL(9, …)` formula over its
    block, so the sums stay right as the user edits. All or none: a typed parent
    left among formulas would be counted twice by the formula above it.
    """
    return _Planner(tabel, live).plan()


def subtotal_updates(tabel: Tabel, *, live: bool = False) -> list[CellUpdate]:
    """The cells of `subtotal_plan`, in sheet order."""
    return subtotal_plan(tabel, live=live).updates
