"""One table's rows as flat records: sub kegiatan with their parents, and parents with sums.

Money is summed over the sub kegiatan below a parent (integer rupiah, None
when none of them has a figure), so the parent views always agree with the
sub kegiatan view. Printed subtotals are Validasi's business, not this module's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Baris, Level, Renja, Tabel, Target
from renja_xl.money import Rupiah

__all__ = ["Records", "records"]

_SPM = re.compile(r"\bSPM\b", re.IGNORECASE)
_BIDANG_KODE = re.compile(r"^\d+\.\d+")

Record = dict[str, Any]


@dataclass
class Records:
    """The records of one or more tables, one list per level."""

    sub_kegiatan: list[Record]
    kegiatan: list[Record]
    program: list[Record]

    def extend(self, other: Records) -> None:
        """Append another table's records."""
        self.sub_kegiatan += other.sub_kegiatan
        self.kegiatan += other.kegiatan
        self.program += other.program


def _total(values: list[Rupiah | None]) -> Rupiah | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _ancestor(node: Node, level: Level) -> Node | None:
    parent = node.parent
    while parent is not None and parent.level is not level:
        parent = parent.parent
    return parent


def _chain(node: Node) -> list[Baris]:
    """The row and its ancestors, nearest first."""
    chain = [node.baris]
    while node.parent is not None:
        node = node.parent
        chain.append(node.baris)
    return chain


def _bidang_kode(bidang: Node | None, program: Node | None) -> str:
    # The section row rarely has a code; the program code starts with its bidang urusan.
    if bidang is not None and bidang.baris.kode:
        return bidang.baris.kode
    found = _BIDANG_KODE.match(program.baris.kode) if program is not None else None
    return found.group(0) if found else ""


def _names(node: Node, level: Level, prefix: str) -> Record:
    found = node if node.level is level else _ancestor(node, level)
    baris = found.baris if found is not None else None
    return {
        f"kode_{prefix}": baris.kode if baris else "",
        prefix: baris.uraian if baris else "",
    }


def _identity(renja: Renja, tabel: Tabel, file: Path | None) -> Record:
    return {
        "file": str(file) if file is not None else None,
        "pemda": renja.pemda,
        "opd": renja.opd,
        "opd_singkat": renja.opd_singkat,
        "tahun": renja.tahun,
        "tahun_maju": renja.tahun_maju,
        "tabel": tabel.kind.value,
    }


def _place(node: Node, tabel: Tabel) -> Record:
    asal = node.baris.asal
    return {"sheet": asal.sheet if asal else tabel.sheet, "row": asal.row if asal else None}


def _hierarchy(node: Node) -> Record:
    program = node if node.level is Level.PROGRAM else _ancestor(node, Level.PROGRAM)
    bidang = _ancestor(program, Level.BIDANG) if program is not None else None
    return {
        "bidang": bidang.baris.uraian if bidang is not None else "",
        "kode_bidang": _bidang_kode(bidang, program),
        **_names(node, Level.PROGRAM, "program"),
    }


def _target(target: Target, prefix: str) -> Record:
    angka = float(target.angka) if target.angka is not None else None
    return {prefix: target.teks, f"{prefix}_angka": angka, f"{prefix}_satuan": target.satuan}


def _sumber_dana(chain: list[Baris]) -> str:
    # A sub kegiatan that leaves the cell empty is funded like its kegiatan or program.
    return next((b.sumber_dana for b in chain if b.sumber_dana.strip()), "")


def _sub_kegiatan(node: Node) -> Record:
    baris, chain = node.baris, _chain(node)
    return {
        **_names(node, Level.KEGIATAN, "kegiatan"),
        "kode_sub_kegiatan": baris.kode,
        "sub_kegiatan": baris.uraian,
        "indikator": baris.indikator,
        "lokasi": baris.lokasi,
        **_target(baris.target, "target"),
        **_target(baris.target_maju, "target_maju"),
        "pagu": baris.pagu,
        "pagu_maju": baris.pagu_maju,
        "sumber_dana": _sumber_dana(chain),
        "sumber_dana_tertulis": baris.sumber_dana,
        "catatan": baris.catatan,
        "spm": any(_SPM.search(b.catatan) for b in chain),
    }


def _sums(node: Node) -> Record:
    leaves = list(node.leaves())
    return {
        "jumlah_sub_kegiatan": len(leaves),
        "pagu": _total([leaf.baris.pagu for leaf in leaves]),
        "pagu_maju": _total([leaf.baris.pagu_maju for leaf in leaves]),
    }


def _kegiatan(node: Node) -> Record:
    return {**_names(node, Level.KEGIATAN, "kegiatan"), **_sums(node)}


def _program(node: Node) -> Record:
    kegiatan = [child for child in node.children if child.level is Level.KEGIATAN]
    return {"jumlah_kegiatan": len(kegiatan), **_sums(node)}


_BUILDERS = {
    Level.SUB_KEGIATAN: ("sub_kegiatan", _sub_kegiatan),
    Level.KEGIATAN: ("kegiatan", _kegiatan),
    Level.PROGRAM: ("program", _program),
}


def _nodes(tabel: Tabel) -> Iterator[Node]:
    return iter_nodes(build_tree(tabel))


def records(renja: Renja, tabel: Tabel, file: Path | None = None) -> Records:
    """The flat records of one table of a Renja, in sheet order."""
    found = Records([], [], [])
    identity = _identity(renja, tabel, file)
    for node in sorted(_nodes(tabel), key=lambda n: n.index):
        if node.level not in _BUILDERS:
            continue
        name, build = _BUILDERS[node.level]
        record = {**identity, **_hierarchy(node), **build(node), **_place(node, tabel)}
        getattr(found, name).append(record)
    return found
