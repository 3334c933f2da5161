"""The hierarchy bidang → program → kegiatan → sub kegiatan, derived from flat rows.

`build_tree` turns a table's rows (each with its level) into `Node`s. A row's
parent is the nearest row above it one level up, within the same program:
a sub kegiatan belongs to the last kegiatan above it, unless a program row
came in between (then it is an orphan). Orphans are kept as roots so that no
row is ever lost; `orphans` lists them for Validasi.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from renja_xl.model import Baris, Level, Tabel

__all__ = ["Node", "build_tree", "iter_nodes", "orphans", "parent_index"]


@dataclass(eq=False)
class Node:
    """One row of a table with its children and position in the table."""

    index: int
    baris: Baris
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def level(self) -> Level:
        """The row's level."""
        return self.baris.level

    def descendants(self) -> Iterator[Node]:
        """All rows below this one, depth first, in sheet order."""
        for child in self.children:
            yield child
            yield from child.descendants()

    def leaves(self) -> Iterator[Node]:
        """The sub kegiatan (budget-carrying rows) under this node."""
        for node in self.descendants():
            if node.level is Level.SUB_KEGIATAN:
                yield node

    @property
    def last_index(self) -> int:
        """Index of the last row of this node's block (itself if it has none)."""
        return self.children[-1].last_index if self.children else self.index


def parent_index(baris: list[Baris]) -> list[int | None]:
    """For each row, the index of its parent row (None for roots and orphans)."""
    # One loop over the levels: a row closes every open block below it (JUMLAH
    # closes every block), and a row's parent is the open block one level up.
    result: list[int | None] = []
    append = result.append
    sub, keg, prog, bid = Level.SUB_KEGIATAN, Level.KEGIATAN, Level.PROGRAM, Level.BIDANG
    bidang: int | None = None
    program: int | None = None
    kegiatan: int | None = None
    for i, row in enumerate(baris):
        level = row.level
        if level is sub:
            append(kegiatan)
        elif level is keg:
            append(program)
            kegiatan = i
        elif level is prog:
            append(bidang)
            program, kegiatan = i, None
        elif level is bid:
            append(None)
            bidang, program, kegiatan = i, None, None
        else:
            append(None)
            bidang = program = kegiatan = None
    return result


def build_tree(tabel: Tabel | list[Baris]) -> list[Node]:
    """The table's rows as a forest: bidang, programs, JUMLAH and orphans are roots."""
    baris = tabel.baris if isinstance(tabel, Tabel) else tabel
    nodes = [Node(i, row, None, []) for i, row in enumerate(baris)]
    roots: list[Node] = []
    for node, parent in zip(nodes, parent_index(baris), strict=True):
        if parent is None:
            roots.append(node)
        else:
            up = node.parent = nodes[parent]
            up.children.append(node)
    return roots


def iter_nodes(roots: list[Node]) -> Iterator[Node]:
    """Every node of a forest, in sheet order."""
    for root in roots:
        yield root
        yield from root.descendants()


def orphans(tabel: Tabel | list[Baris]) -> list[Node]:
    """Program-level rows with no place in the hierarchy: a kegiatan with no
    program above it, a sub kegiatan with no kegiatan above it."""
    return [
        node
        for node in build_tree(tabel)
        if node.level in (Level.KEGIATAN, Level.SUB_KEGIATAN)
    ]
