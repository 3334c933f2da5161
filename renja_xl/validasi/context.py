"""What rules look at: a table (or the whole Renja) with its hierarchy worked out once."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Baris, Level, Renja, Tabel
from renja_xl.validasi.config import Config
from renja_xl.validasi.finding import Value
from renja_xl.validasi.rule import Problem

__all__ = ["RenjaContext", "TabelContext"]

T = TypeVar("T")


def _sum(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _total(node: Node, field: str, out: dict[tuple[int, str], int | None]) -> int | None:
    if node.level is Level.SUB_KEGIATAN or not node.children:
        return getattr(node.baris, field)
    value = _sum([_total(child, field, out) for child in node.children])
    if node.baris.is_parent:
        out[(node.index, field)] = value
    return value


@dataclass
class TabelContext:
    """One table under validation, with its tree, expected subtotals and configuration."""

    renja: Renja
    tabel: Tabel
    config: Config

    @cached_property
    def roots(self) -> list[Node]:
        """The table's hierarchy (see `renja_xl.hierarchy.build_tree`)."""
        return build_tree(self.tabel)

    @cached_property
    def nodes(self) -> list[Node]:
        """Every row's node, indexed like `tabel.baris`."""
        return sorted(iter_nodes(self.roots), key=lambda node: node.index)

    @cached_property
    def expected(self) -> dict[tuple[int, str], int | None]:
        """(row index, field) → the subtotal each parent should hold.

        The same figures as `renja_xl.recompute.expected_totals`, computed on this
        context's tree instead of building another one.
        """
        out: dict[tuple[int, str], int | None] = {}
        for field in self.pagu_fields:
            tops = [_total(r, field, out) for r in self.roots if r.level is not Level.JUMLAH]
            for root in self.roots:
                if root.level is Level.JUMLAH:
                    out[(root.index, field)] = _sum(tops)
        return out

    def block_range(self, index: int) -> range:
        """Indices of the rows below a parent, down to the end of its block (JUMLAH: all above)."""
        if self.tabel.baris[index].level is Level.JUMLAH:
            return range(index)
        return range(index + 1, self.nodes[index].last_index + 1)

    def count_in_block(self, index: int, field: str, test: Callable[[Baris, str], bool]) -> int:
        """How many rows of a parent's block pass `test` for a field.

        With a field, only rows whose cell needed interpreting (`Baris.raw`) are
        tested; with field "" every row is. Positions are computed once per test.
        """
        key = (field, test)
        positions = self._positions.get(key)
        if positions is None:
            candidates = (
                range(len(self.tabel.baris))
                if not field
                else (i for i in self.raw_rows if field in self.tabel.baris[i].raw)
            )
            positions = [i for i in candidates if test(self.tabel.baris[i], field)]
            self._positions[key] = positions
        if not positions:
            return 0
        block = self.block_range(index)
        return bisect_left(positions, block.stop) - bisect_left(positions, block.start)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """What several rules derive from this table, computed by the first that asks."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[no-any-return]

    @cached_property
    def _shared(self) -> dict[str, object]:
        return {}

    @cached_property
    def _positions(self) -> dict[tuple[str, object], list[int]]:
        return {}

    @cached_property
    def by_row(self) -> dict[int, int]:
        """Sheet row number → row index, for rows read from a workbook."""
        return {b.asal.row: i for i, b in enumerate(self.tabel.baris) if b.asal}

    @cached_property
    def pagu_fields(self) -> tuple[str, ...]:
        """The budget columns of this table: pagu, and pagu_maju in Tabel 3.1."""
        return ("pagu", "pagu_maju") if self.tabel.has_maju else ("pagu",)

    def year(self, field: str) -> int:
        """The year a budget or target column belongs to."""
        return self.renja.tahun_maju if field.endswith("_maju") else self.renja.tahun

    @cached_property
    def _by_level(self) -> dict[Level, list[int]]:
        found: dict[Level, list[int]] = {level: [] for level in Level}
        for i, baris in enumerate(self.tabel.baris):
            found[baris.level].append(i)
        return found

    def rows(self, *levels: Level) -> list[tuple[int, Baris]]:
        """(index, row) of the rows of some levels, in sheet order."""
        indices = sorted(i for level in levels for i in self._by_level[level])
        return [(i, self.tabel.baris[i]) for i in indices]

    @cached_property
    def raw_rows(self) -> list[int]:
        """Indices of the rows with at least one cell that needed interpreting."""
        return [i for i, baris in enumerate(self.tabel.baris) if baris.raw]

    @cached_property
    def pagu_cells(self) -> list[tuple[int, str]]:
        """(index, field) of every budget cell that holds something."""
        fields = self.pagu_fields
        return [
            (i, field)
            for i, baris in enumerate(self.tabel.baris)
            for field in fields
            if field in baris.raw or getattr(baris, field) is not None
        ]

    def block(self, index: int) -> list[Baris]:
        """The rows below a parent, down to the end of its block (JUMLAH: all above it)."""
        block = self.block_range(index)
        return self.tabel.baris[block.start : block.stop]

    def problem(
        self,
        baris: Baris,
        field: str,
        message: str,
        expected: Value = None,
        actual: Value = None,
        related: str | None = None,
    ) -> Problem:
        """A problem in this table at a row's field."""
        return Problem(self.tabel, baris, field, message, expected, actual, related)


@dataclass
class RenjaContext:
    """The whole Renja under validation (for rules comparing its tables)."""

    renja: Renja
    config: Config

    @cached_property
    def tables(self) -> list[TabelContext]:
        """A context for each table present."""
        return [TabelContext(self.renja, t, self.config) for t in self.renja.tabel]
