"""Subtotals and counts: every parent and the JUMLAH row set to what it must hold.

`recompute` writes the figures of the totals engine (`renja_xl.totals.expected_totals`)
into the rows and returns what changed, so a second run changes nothing. Only sub
kegiatan carry their own budget; a parent whose children have no figure in a year
has no figure (None) in that year.
"""

from __future__ import annotations

from dataclasses import dataclass

from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Baris, Level, Tabel
from renja_xl.money import Rupiah, rupiah_or_none
from renja_xl.totals import expected_totals

__all__ = ["Change", "Counts", "count", "recompute"]


@dataclass(frozen=True)
class Change:
    """One parent figure that recompute changed."""

    index: int
    baris: Baris
    field: str
    old: Rupiah | None
    new: Rupiah | None

    @property
    def row(self) -> int | None:
        """The sheet row the figure lives in, when known."""
        return self.baris.asal.row if self.baris.asal else None


@dataclass(frozen=True)
class Counts:
    """How many programs, kegiatan and sub kegiatan a table holds."""

    program: int
    kegiatan: int
    sub_kegiatan: int
    sub_kegiatan_budgeted: int
    sub_kegiatan_budgeted_next: int
    total_pagu: Rupiah | None
    total_pagu_maju: Rupiah | None


def _add(values: list[Rupiah | None]) -> Rupiah | None:
    present = [v for v in values if v is not None]
    return _normal(sum(present)) if present else None


def _normal(value: Rupiah | None) -> Rupiah | None:
    """A sum of amounts with sen that comes out whole is an int (`renja_xl.money`)."""
    return value if value is None or type(value) is int else rupiah_or_none(value)


def recompute(tabel: Tabel) -> list[Change]:
    """Set every parent and JUMLAH figure to the sum of its children."""
    changes: list[Change] = []
    for (index, field), new in sorted(expected_totals(tabel).items()):
        row = tabel.baris[index]
        old = getattr(row, field)
        if old != new:
            setattr(row, field, new)
            changes.append(Change(index, row, field, old, new))
    return changes


def count(tabel: Tabel) -> Counts:
    """Counts and totals of a table, from its rows (recomputed, not as typed)."""
    subs = tabel.rows(Level.SUB_KEGIATAN)
    totals = expected_totals(tabel)
    jumlah = [i for i, b in enumerate(tabel.baris) if b.level is Level.JUMLAH]
    return Counts(
        program=len(tabel.rows(Level.PROGRAM)),
        kegiatan=len(tabel.rows(Level.KEGIATAN)),
        sub_kegiatan=len(subs),
        sub_kegiatan_budgeted=sum(1 for s in subs if s.pagu),
        sub_kegiatan_budgeted_next=sum(1 for s in subs if s.pagu_maju),
        total_pagu=totals.get((jumlah[-1], "pagu")) if jumlah else _add([s.pagu for s in subs]),
        total_pagu_maju=(
            None
            if not tabel.has_maju
            else totals.get((jumlah[-1], "pagu_maju"))
            if jumlah
            else _add([s.pagu_maju for s in subs])
        ),
    )


def nodes_by_index(tabel: Tabel) -> dict[int, Node]:
    """Every node of the table keyed by its row index."""
    return {node.index: node for node in iter_nodes(build_tree(tabel))}
