"""What rules look at: a table (or the whole Renja) with its hierarchy worked out once.

Everything several rules need (levels, parents, block ends, subtotals, odd
amount cells) is computed once per table as flat lists indexed like
`tabel.baris`, so that each rule is one short loop over the rows it concerns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain
from typing import Any, NamedTuple, TypeVar

from renja_xl.amounts import is_error, is_fraction, is_text
from renja_xl.hierarchy import Hierarchy
from renja_xl.model import Baris, Level, Renja, Tabel
from renja_xl.numbers import is_empty_mark
from renja_xl.totals import expected_totals, unreadable
from renja_xl.validasi.config import Config
from renja_xl.validasi.finding import Value
from renja_xl.validasi.rule import Problem

__all__ = ["AmountCells", "RenjaContext", "TabelContext"]

T = TypeVar("T")



class AmountCells(NamedTuple):
    """Row indices, in sheet order, of one budget column's cells that are not plain amounts."""

    errors: list[int]
    """Cells showing an Excel error (`renja_xl.amounts.is_error`)."""
    texts: list[int]
    """Cells holding text that is no amount (`renja_xl.amounts.is_text`)."""
    invalid: list[int]
    """Both of the above: cells whose amount is unknown (`renja_xl.amounts.is_invalid`)."""
    fractions: list[int]
    """Cells holding a fraction of a rupiah (`renja_xl.amounts.is_fraction`)."""
    formulas: dict[int, str]
    """Row index → the formula (without "=") of each formula cell."""


@dataclass
class TabelContext:
    """One table under validation, with its tree, expected subtotals and configuration."""

    renja: Renja
    tabel: Tabel
    config: Config

    @cached_property
    def levels(self) -> Sequence[Level]:
        """Every row's level."""
        return self.column("level")

    @cached_property
    def hierarchy(self) -> Hierarchy:
        """Parents and block ends of every row (`renja_xl.hierarchy`)."""
        return Hierarchy.of(self.levels)

    @property
    def parents(self) -> list[int | None]:
        """Every row's parent index (None for roots and orphans)."""
        return self.hierarchy.parents

    @property
    def last(self) -> list[int]:
        """Index of the last row of each row's block (itself when it has none)."""
        return self.hierarchy.last

    def children(self, index: int) -> list[int]:
        """Indices of a row's direct children."""
        return self.hierarchy.children(index)

    def column(self, field: str) -> Sequence[Any]:
        """Every row's value of one field of `Baris`, indexed like `tabel.baris`."""
        found = self._columns.get(field)
        if found is None:
            found = self._columns[field] = [getattr(b, field) for b in self.tabel.baris]
        return found

    @cached_property
    def _columns(self) -> dict[str, Sequence[Any]]:
        return {}

    @cached_property
    def expected(self) -> dict[tuple[int, str], int | None]:
        """(row index, field) → the subtotal each parent should hold (`renja_xl.totals`)."""
        return expected_totals(self.tabel, self.hierarchy)  # type: ignore[return-value]

    def unreadable(self, field: str) -> list[int]:
        """Rows the sums count whose amount could not be read (`renja_xl.totals.unreadable`)."""
        return self.shared(f"unreadable:{field}",
                           lambda: unreadable(self.tabel, field, self.hierarchy))

    def block_range(self, index: int) -> range:
        """Indices of the rows below a parent, down to the end of its block (JUMLAH: all above)."""
        return self.hierarchy.block(index)

    def in_block(self, positions: list[int], index: int) -> int:
        """How many of some row indices (in sheet order) lie in a parent's block."""
        if not positions:
            return 0
        if self.levels[index] is Level.JUMLAH:
            return bisect_left(positions, index)
        return bisect_left(positions, self.last[index] + 1) - bisect_left(positions, index + 1)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """What several rules derive from this table, computed by the first that asks."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[no-any-return]

    @cached_property
    def _shared(self) -> dict[str, object]:
        return {}

    @cached_property
    def by_row(self) -> dict[int, int]:
        """Sheet row number → row index, for rows read from a workbook."""
        return {row: i for i, row in enumerate(self.sheet_rows) if row is not None}

    @cached_property
    def sheet_rows(self) -> list[int | None]:
        """Every row's sheet row number (None for rows from no workbook)."""
        return [asal.row if asal is not None else None for asal in self.column("asal")]

    @cached_property
    def unplaced(self) -> list[int]:
        """Indices of the rows that came from no workbook."""
        return [i for i, asal in enumerate(self.column("asal")) if asal is None]

    @cached_property
    def pagu_fields(self) -> tuple[str, ...]:
        """The budget columns of this table: pagu, and pagu_maju in Tabel 3.1."""
        return ("pagu", "pagu_maju") if self.tabel.has_maju else ("pagu",)

    def year(self, field: str) -> int:
        """The year a budget or target column belongs to."""
        return self.renja.tahun_maju if field.endswith("_maju") else self.renja.tahun

    def indices(self, *levels: Level) -> list[int]:
        """Indices of the rows of some levels, in sheet order."""
        key = frozenset(levels)
        found = self._indices.get(key)
        if found is None:
            lists = [self._by_level[level] for level in key]
            found = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
            self._indices[key] = found
        return found

    @cached_property
    def _by_level(self) -> dict[Level, list[int]]:
        found: dict[Level, list[int]] = {level: [] for level in Level}
        for i, level in enumerate(self.levels):
            found[level].append(i)
        return found

    @cached_property
    def _indices(self) -> dict[frozenset[Level], list[int]]:
        return {}

    @cached_property
    def raw_rows(self) -> list[int]:
        """Indices of the rows with at least one cell that needed interpreting."""
        return [i for i, raw in enumerate(self.column("raw")) if raw]

    @cached_property
    def amounts(self) -> dict[str, AmountCells]:
        """Budget column → its cells that are errors, text, fractions or formulas."""
        found = {f: AmountCells([], [], [], [], {}) for f in self.pagu_fields}
        baris, raw, raw_rows = self.tabel.baris, self.column("raw"), self.raw_rows
        for field, cells in found.items():
            present = [(i, cell) for i in raw_rows if (cell := raw[i].get(field)) is not None]
            cells.formulas.update([(i, cell.formula) for i, cell in present if cell.formula])
            for i, value in [(i, cell.value) for i, cell in present if cell.value is not None]:
                row = baris[i]
                if isinstance(value, str):
                    if is_error(row, field):
                        cells.errors.append(i)
                        cells.invalid.append(i)
                    elif is_text(row, field):
                        cells.texts.append(i)
                        cells.invalid.append(i)
                elif isinstance(value, float) and is_fraction(row, field):
                    cells.fractions.append(i)
        return found

    def blank(self, field: str, indices: list[int]) -> list[int]:
        """Those of some rows whose text in `field` is an empty mark ("", "-", "nihil")."""
        texts = self.column(field)
        marks = {text for text in set(texts) if is_empty_mark(text)}  # each text tested once
        return [i for i in indices if texts[i] in marks] if marks else []

    @cached_property
    def is_empty(self) -> Callable[[str], bool]:
        """`renja_xl.numbers.is_empty_mark`, remembered per text (texts repeat a lot)."""
        return cache(is_empty_mark)

    def problem(
        self,
        baris: Baris | int,
        field: str,
        message: str,
        expected: Value = None,
        actual: Value = None,
        related: str | None = None,
    ) -> Problem:
        """A problem in this table at a row's field (the row, or its index in the table)."""
        row = self.tabel.baris[baris] if isinstance(baris, int) else baris
        return Problem(self.tabel, row, field, message, expected, actual, related)


@dataclass
class RenjaContext:
    """The whole Renja under validation (for rules comparing its tables)."""

    renja: Renja
    config: Config

    @cached_property
    def tables(self) -> list[TabelContext]:
        """A context for each table present."""
        return [TabelContext(self.renja, t, self.config) for t in self.renja.tabel]
