"""Subtotals and counts: what every parent and the JUMLAH row must hold.

`expected_totals` says what each parent should be without touching the table;
`recompute` writes those figures into the rows and returns what changed, so a
second run changes nothing. Only sub kegiatan carry their own budget; a parent
whose children have no figure in a year has no figure (None) in that year.
"""

from __future__ import annotations

from dataclasses import dataclass

from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Baris, Level, Tabel
from renja_xl.money import Rupiah, rupiah_or_none

__all__ = ["Change", "Counts", "count", "expected_totals", "recompute"]

PAGU_FIELDS = ("pagu", "pagu_maju")


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


def expected_totals(tabel: Tabel) -> dict[tuple[int, str], Rupiah | None]:
    """(row index, field) → the figure each parent and JUMLAH row should hold."""
    order, sums, jumlah, top = _parent_sums(tabel.baris)
    out: dict[tuple[int, str], Rupiah | None] = {}
    for year, field in enumerate(PAGU_FIELDS if tabel.has_maju else PAGU_FIELDS[:1]):
        for index in order:
            out[(index, field)] = _normal(sums[index][year])
        for index in jumlah:
            out[(index, field)] = _normal(top[year])
    return out


_Sums = tuple[Rupiah | None, Rupiah | None]


def _parent_sums(
    baris: list[Baris],
) -> tuple[list[int], dict[int, _Sums], list[int], _Sums]:
    """Both years' sums of every parent with children, in one pass over the rows.

    Returns those parents in the order of `build_tree`'s forest walked depth first
    with each parent after its children, their sums, the JUMLAH rows, and the sum
    of every root but JUMLAH (what JUMLAH should hold). Parents are found as
    `renja_xl.hierarchy.parent_index` finds them: the open bidang, program and
    kegiatan are kept, and a block's sums are final when a row closes it; they
    then go up to its parent, or to the roots' sum.
    """
    sub, keg, prog, bid = Level.SUB_KEGIATAN, Level.KEGIATAN, Level.PROGRAM, Level.BIDANG
    top_n: Rupiah | None = None
    top_m: Rupiah | None = None
    sums: dict[int, _Sums] = {}
    ended: list[int] = []  # parents with children, in the order their blocks end
    roots: list[int] = []  # the root of each of them
    jumlah: list[int] = []
    # The open kegiatan, program and bidang (-1: none): index, root, whether it has a
    # parent and children, and its sums so far (its own figures until a child comes).
    k = p = b = -1
    k_root = p_root = 0
    k_up = p_up = False
    k_kids = p_kids = b_kids = False
    k_n = k_m = p_n = p_m = b_n = b_m = None
    for i, row in enumerate([*baris, None]):
        level = row.level if row is not None else None
        if level is sub:
            n, m = row.pagu, row.pagu_maju
            if k < 0:  # an orphan: a root
                if n is not None:
                    top_n = n if top_n is None else top_n + n
                if m is not None:
                    top_m = m if top_m is None else top_m + m
                continue
            if not k_kids:
                k_kids, k_n, k_m = True, None, None
            if n is not None:
                k_n = n if k_n is None else k_n + n
            if m is not None:
                k_m = m if k_m is None else k_m + m
            continue
        if k >= 0:  # every other row closes the open kegiatan
            if k_kids:
                sums[k] = (k_n, k_m)
                ended.append(k)
                roots.append(k_root)
            if k_up:
                if not p_kids:
                    p_kids, p_n, p_m = True, None, None
                if k_n is not None:
                    p_n = k_n if p_n is None else p_n + k_n
                if k_m is not None:
                    p_m = k_m if p_m is None else p_m + k_m
            else:
                if k_n is not None:
                    top_n = k_n if top_n is None else top_n + k_n
                if k_m is not None:
                    top_m = k_m if top_m is None else top_m + k_m
            k = -1
        if level is keg:
            k, k_up, k_kids, k_n, k_m = i, p >= 0, False, row.pagu, row.pagu_maju
            k_root = p_root if k_up else i
            continue
        if p >= 0:  # a program, bidang, JUMLAH or the end closes the open program
            if p_kids:
                sums[p] = (p_n, p_m)
                ended.append(p)
                roots.append(p_root)
            if p_up:
                if not b_kids:
                    b_kids, b_n, b_m = True, None, None
                if p_n is not None:
                    b_n = p_n if b_n is None else b_n + p_n
                if p_m is not None:
                    b_m = p_m if b_m is None else b_m + p_m
            else:
                if p_n is not None:
                    top_n = p_n if top_n is None else top_n + p_n
                if p_m is not None:
                    top_m = p_m if top_m is None else top_m + p_m
            p = -1
        if level is prog:
            p, p_up, p_kids, p_n, p_m = i, b >= 0, False, row.pagu, row.pagu_maju
            p_root = b if p_up else i
            continue
        if b >= 0:  # a bidang, JUMLAH or the end closes the open bidang (a root)
            if b_n is not None:
                top_n = b_n if top_n is None else top_n + b_n
            if b_m is not None:
                top_m = b_m if top_m is None else top_m + b_m
            b = -1
        if level is bid:
            b, b_kids, b_n, b_m = i, False, row.pagu, row.pagu_maju
        elif row is not None:
            jumlah.append(i)
    if any(roots[x] > roots[x + 1] for x in range(len(roots) - 1)):
        # An orphan kegiatan ended before the bidang around it: list by root, as the forest.
        ended = [index for _, index in sorted(zip(roots, ended, strict=True),
                                              key=lambda pair: pair[0])]
    return ended, sums, jumlah, (top_n, top_m)


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
