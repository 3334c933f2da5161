"""What rules look at: a table (or the whole Renja) with its hierarchy worked out once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Baris, Level, Renja, Tabel
from renja_xl.recompute import expected_totals
from renja_xl.validasi.config import Config
from renja_xl.validasi.finding import Value
from renja_xl.validasi.rule import Problem

__all__ = ["RenjaContext", "TabelContext"]


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
        """(row index, field) → the subtotal each parent should hold."""
        return expected_totals(self.tabel)

    @cached_property
    def by_row(self) -> dict[int, int]:
        """Sheet row number → row index, for rows read from a workbook."""
        return {b.asal.row: i for i, b in enumerate(self.tabel.baris) if b.asal}

    @property
    def pagu_fields(self) -> tuple[str, ...]:
        """The budget columns of this table: pagu, and pagu_maju in Tabel 3.1."""
        return ("pagu", "pagu_maju") if self.tabel.has_maju else ("pagu",)

    def year(self, field: str) -> int:
        """The year a budget or target column belongs to."""
        return self.renja.tahun_maju if field.endswith("_maju") else self.renja.tahun

    def rows(self, *levels: Level) -> list[tuple[int, Baris]]:
        """(index, row) of the rows of some levels, in sheet order."""
        return [(i, b) for i, b in enumerate(self.tabel.baris) if b.level in levels]

    def block(self, index: int) -> list[Baris]:
        """The rows below a parent, down to the end of its block (JUMLAH: all above it)."""
        if self.tabel.baris[index].level is Level.JUMLAH:
            return self.tabel.baris[:index]
        node = self.nodes[index]
        return self.tabel.baris[index + 1 : node.last_index + 1]

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
