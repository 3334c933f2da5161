"""Ringkasan: counts and totals of a Renja, and the sentence for its BAB III.

All figures are recomputed from the sub kegiatan, never taken from typed
subtotals, so the sentence agrees with the table even when the typed totals
do not. Amounts are exact (`renja_xl.money`): in `to_json` a whole amount is a
JSON integer and an amount with sen a Decimal, which `renja_xl.money.json_text`
writes as a JSON number with the exact decimal text (1014404875283.72).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from renja_xl.hierarchy import Hierarchy
from renja_xl.model import Level, Renja, Tabel
from renja_xl.money import Rupiah, format_rupiah, rupiah, rupiah_or_none
from renja_xl.recompute import Counts, count
from renja_xl.terbilang import terbilang_rupiah

__all__ = ["Ringkasan", "RingkasanTabel", "Subtotal", "bab3_sentence", "summarize"]

TANPA_SUMBER = "(tanpa sumber dana)"
TANPA_BIDANG = "(tanpa bidang)"


@dataclass(frozen=True)
class Subtotal:
    """A named group's totals for year N and N+1."""

    nama: str
    pagu: Rupiah
    pagu_maju: Rupiah | None


@dataclass
class RingkasanTabel:
    """Counts and totals of one table."""

    sheet: str
    layout: str
    year: int
    counts: Counts
    kegiatan_budgeted: int
    per_bidang: list[Subtotal] = field(default_factory=list)
    per_program: list[Subtotal] = field(default_factory=list)
    per_sumber_dana: list[Subtotal] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The table's summary as plain JSON data."""
        c = self.counts
        return {
            "sheet": self.sheet,
            "layout": self.layout,
            "year": self.year,
            "program_count": c.program,
            "kegiatan_count": c.kegiatan,
            "sub_kegiatan_count": c.sub_kegiatan,
            "sub_kegiatan_budgeted": c.sub_kegiatan_budgeted,
            "sub_kegiatan_budgeted_next": c.sub_kegiatan_budgeted_next if self.layout == "3.1"
            else None,
            "total_pagu": c.total_pagu,
            "total_pagu_maju": c.total_pagu_maju,
            "per_bidang": [asdict(s) for s in self.per_bidang],
            "per_program": [asdict(s) for s in self.per_program],
            "per_sumber_dana": [asdict(s) for s in self.per_sumber_dana],
        }


@dataclass
class Ringkasan:
    """The summary of a whole Renja."""

    renja: Renja
    tables: list[RingkasanTabel]

    @property
    def sentence(self) -> str:
        """The BAB III sentence, from Tabel 3.1 when present."""
        return bab3_sentence(self.renja, self.tables[0]) if self.tables else ""

    def to_json(self) -> dict[str, Any]:
        """The whole summary as plain JSON data."""
        return {
            "pemda": self.renja.pemda,
            "opd": self.renja.opd,
            "tahun": self.renja.tahun,
            "tables": [t.to_json() for t in self.tables],
            "kalimat_bab3": self.sentence,
        }


def _sum(values: list[Rupiah | None]) -> Rupiah | None:
    present = [v for v in values if v is not None]
    return rupiah(sum(present)) if present else None


def _per_sumber(tabel: Tabel) -> list[Subtotal]:
    groups: dict[str, list[tuple[Rupiah | None, Rupiah | None]]] = defaultdict(list)
    for row in tabel.rows(Level.SUB_KEGIATAN):
        sources = row.sumber_dana.strip() or TANPA_SUMBER
        groups[" ".join(sources.split())].append((row.pagu, row.pagu_maju))
    return sorted(
        (Subtotal(name, _sum([p for p, _ in v]) or 0,
                  _sum([m for _, m in v]) if tabel.has_maju else None)
         for name, v in groups.items()),
        key=lambda s: -s.pagu,
    )


def _leaf_sums(tabel: Tabel, tree: Hierarchy, name: str) -> list[Rupiah | None]:
    """For each row, the sum of `name` over the sub kegiatan below it (None when none has
    a figure): added up from the bottom, each row into its parent."""
    sums: list[Rupiah | None] = [None] * len(tabel.baris)
    for index in range(len(tabel.baris) - 1, -1, -1):
        parent = tree.parents[index]
        if parent is None:
            continue
        leaf = tree.levels[index] is Level.SUB_KEGIATAN
        own = getattr(tabel.baris[index], name) if leaf else None
        for value in (own, sums[index]):
            if value is not None:
                sums[parent] = value if sums[parent] is None else sums[parent] + value
    return [rupiah_or_none(total) for total in sums]


def _subtotal(tabel: Tabel, index: int, pagu: list[Rupiah | None],
              maju: list[Rupiah | None]) -> Subtotal:
    return Subtotal(tabel.baris[index].uraian, pagu[index] or 0,
                    maju[index] if tabel.has_maju else None)


def _summarize_table(renja: Renja, tabel: Tabel) -> RingkasanTabel:
    tree = Hierarchy.of(tabel)
    pagu, maju = _leaf_sums(tabel, tree, "pagu"), _leaf_sums(tabel, tree, "pagu_maju")
    rows = range(len(tabel.baris))
    bidang = [_subtotal(tabel, i, pagu, maju) for i in rows if tree.levels[i] is Level.BIDANG]
    programs = [i for i in rows if tree.levels[i] is Level.PROGRAM]
    loose = [i for i in programs if tree.parents[i] is None]  # no bidang above them
    if loose and bidang:
        bidang.append(Subtotal(TANPA_BIDANG, _sum([pagu[i] for i in loose]) or 0,
                               _sum([maju[i] for i in loose]) if tabel.has_maju else None))
    return RingkasanTabel(
        sheet=tabel.sheet,
        layout=tabel.kind.value,
        year=renja.tahun,
        counts=count(tabel),
        kegiatan_budgeted=sum(1 for i in rows if tree.levels[i] is Level.KEGIATAN and pagu[i]),
        per_bidang=bidang,
        per_program=[_subtotal(tabel, i, pagu, maju) for i in programs],
        per_sumber_dana=_per_sumber(tabel),
    )


def summarize(renja: Renja) -> Ringkasan:
    """Counts and totals of every table of the Renja."""
    return Ringkasan(renja, [_summarize_table(renja, t) for t in renja.tabel])


def bab3_sentence(renja: Renja, table: RingkasanTabel) -> str:
    """ "... sebanyak 13 Program, 28 Kegiatan dan 86 Sub Kegiatan ... sebesar Rp ...,- (...)"."""
    c = table.counts
    total = c.total_pagu or 0
    opd = renja.opd_singkat or renja.opd
    subject = " ".join(p for p in (opd, renja.pemda) if p)
    programs = sum(1 for p in table.per_program if p.pagu)
    return (
        f"Jumlah program dan kegiatan {subject} yang diusulkan pada tahun {renja.tahun} "
        f"sebanyak {programs} Program, {table.kegiatan_budgeted} Kegiatan dan "
        f"{c.sub_kegiatan_budgeted} Sub Kegiatan dengan kebutuhan dana sebesar "
        f"{format_rupiah(total, prefix=True)} ({terbilang_rupiah(total)})."
    )
