"""The hierarchy bidang → program → kegiatan → sub kegiatan, derived from flat rows.

`parents` is the one rule: a row's parent is the nearest row above it one level
up, within the same program: a sub kegiatan belongs to the last kegiatan above
it, unless a program row came in between (then it is an orphan). `Hierarchy`
keeps parents and block ends as flat lists indexed like the rows (for code that
asks of every row: totals, Validasi); `build_tree` turns the same into `Node`s.
Orphans are kept as roots so that no row is ever lost; `orphans` lists them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from renja_xl.model import Baris, Level, Tabel

__all__ = [
    "Hierarchy", "Node", "block_ends", "build_tree", "iter_nodes", "orphans", "parent_index",
    "parents",
]


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


def parents(levels: Sequence[Level]) -> list[int | None]:
    """For each row (given by its level), the index of its parent row (None for roots and
    orphans): the one rule of the hierarchy.

    A row closes every open block at or below its level (JUMLAH closes every block), and
    a row's parent is the open block one level up.
    """
    result: list[int | None] = []
    bidang: int | None = None
    program: int | None = None
    kegiatan: int | None = None
    for i, level in enumerate(levels):
        if level is Level.SUB_KEGIATAN:
            result.append(kegiatan)
        elif level is Level.KEGIATAN:
            result.append(program)
            kegiatan = i
        elif level is Level.PROGRAM:
            result.append(bidang)
            program, kegiatan = i, None
        elif level is Level.BIDANG:
            result.append(None)
            bidang, program, kegiatan = i, None, None
        else:
            result.append(None)
            bidang = program = kegiatan = None
    return result


def parent_index(baris: Sequence[Baris]) -> list[int | None]:
    """For each row, the index of its parent row (None for roots and orphans)."""
    return parents([row.level for row in baris])


def block_ends(parent_of: Sequence[int | None]) -> list[int]:
    """For each row, the index of the last row of its block (itself when it has none)."""
    last = list(range(len(parent_of)))
    for i in range(len(last) - 1, -1, -1):  # children come after their parent
        parent = parent_of[i]
        if parent is not None and last[i] > last[parent]:
            last[parent] = last[i]
    return last


@dataclass(frozen=True)
class Hierarchy:
    """A table's hierarchy as flat lists indexed like its rows: worked out once, asked often."""

    levels: Sequence[Level]
    parents: list[int | None]
    last: list[int]
    """Index of the last row of each row's block (itself when it has none)."""

    @classmethod
    def of(cls, rows: Tabel | Sequence[Baris] | Sequence[Level]) -> Hierarchy:
        """The hierarchy of a table, its rows, or their levels."""
        baris = rows.baris if isinstance(rows, Tabel) else rows
        levels = [r if isinstance(r, Level) else r.level for r in baris]
        parent_of = parents(levels)
        return cls(levels, parent_of, block_ends(parent_of))

    def has_children(self, index: int) -> bool:
        """Whether a row has at least one child."""
        return self.last[index] > index

    def children(self, index: int) -> list[int]:
        """Indices of a row's direct children."""
        return [i for i in range(index + 1, self.last[index] + 1) if self.parents[i] == index]

    def summed(self, index: int) -> list[int]:
        """The rows a parent adds directly: its children; for JUMLAH every program and every
        orphan kegiatan or sub kegiatan above it."""
        if self.levels[index] is not Level.JUMLAH:
            return self.children(index)
        levels, parents = self.levels, self.parents
        return [i for i in range(index) if levels[i] is Level.PROGRAM
                or (parents[i] is None and levels[i] in (Level.KEGIATAN, Level.SUB_KEGIATAN))]

    def block(self, index: int) -> range:
        """Indices of the rows a parent sums: its block below it (JUMLAH: every row above)."""
        if self.levels[index] is Level.JUMLAH:
            return range(index)
        return range(index + 1, self.last[index] + 1)

    def ancestors(self, index: int) -> list[int]:
        """The row's parent, grandparent and so on, nearest first."""
        found = []
        parent = self.parents[index]
        while parent is not None:
            found.append(parent)
            parent = self.parents[parent]
        return found

    def orphans(self) -> list[int]:
        """Kegiatan with no program above them and sub kegiatan with no kegiatan above them."""
        return [i for i, (level, parent) in enumerate(zip(self.levels, self.parents, strict=True))
                if parent is None and level in (Level.KEGIATAN, Level.SUB_KEGIATAN)]


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
    roots = {node.index: node for node in build_tree(tabel)}
    return [roots[i] for i in Hierarchy.of(tabel).orphans()]
