"""From SIPD export rows to one Renja per Perangkat Daerah (or per sub unit).

The hierarchy comes from the codes: bidang urusan → program → kegiatan → sub
kegiatan, each level in code order, so a Perangkat Daerah that runs programs of
several bidang urusan keeps them apart as the official layout does. There is one
sub kegiatan row per (sub unit, sub kegiatan): its PAGU is the sum over sumber
dana × rekening × paket, exactly, and stays empty (None) when the export gives
it no PAGU at all. Where a workbook holds several sub units (Dinas Kesehatan and
its Puskesmas), the row's sub unit is named in the Catatan column of Tabel 3.1
("Ket" in Tabel 4.1): "Sub unit: Puskesmas Namlea". Year N+1 comes from the next
year's export matched by (sub unit, sub kegiatan code); a sub kegiatan present
in one year only keeps the other year empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from renja_xl.model import SUB_UNIT_NOTE, Baris, Level, Renja, Tabel, TabelKind, Target
from renja_xl.money import Rupiah, rupiah
from renja_xl.recompute import recompute
from renja_xl.sipd.export import Export, SipdRow
from renja_xl.sipd.per import Per

__all__ = ["Per", "Rencana", "SubKegiatan", "code_key", "plan_renja"]

SUMBER_DANA_SEPARATOR = "; "
"""Between the distinct sources of one sub kegiatan in the Sumber Dana column."""


_NO_TARGET = Target()


def code_key(kode: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key of a code: numeric parts as numbers ("1.02" before "1.10"), others as text."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in kode.split("."))


@dataclass
class SubKegiatan:
    """One (sub unit, sub kegiatan) of one year or both, with its exact pagu per year."""

    first: SipdRow
    pagu: list[Rupiah | None] = field(default_factory=lambda: [None, None])
    sumber_dana: list[list[str]] = field(default_factory=lambda: [[], []])
    years: set[int] = field(default_factory=set)
    """The exports it appears in (0 = N, 1 = N+1)."""

    def add(self, row: SipdRow, year: int) -> None:
        """Count one export line (year 0 = N, 1 = N+1)."""
        self.years.add(year)
        if row.pagu is not None:
            current = self.pagu[year]
            self.pagu[year] = row.pagu if current is None else rupiah(current + row.pagu)
        name = row.nama_sumber_dana.strip()
        if name and name not in self.sumber_dana[year]:
            self.sumber_dana[year].append(name)


@dataclass
class Rencana:
    """Everything of one Perangkat Daerah (or sub unit) across the exports given."""

    kode: str
    nama: str
    sub_kegiatan: dict[tuple[str, str], SubKegiatan] = field(default_factory=dict)

    @property
    def sub_units(self) -> set[str]:
        """The sub units that have rows here."""
        return {key[0] for key in self.sub_kegiatan}

    def total(self, year: int) -> Rupiah:
        """The exact sum of a year's pagu (0 = N, 1 = N+1)."""
        return sum((s.pagu[year] for s in self.sub_kegiatan.values()
                    if s.pagu[year] is not None), 0)


def _owner(row: SipdRow, per: Per) -> tuple[str, str]:
    if per is Per.SUB_UNIT:
        return row.kode_sub_unit, row.nama_sub_unit
    return row.kode_skpd, row.nama_skpd


def group(exports: Iterable[Export], per: Per = Per.SKPD) -> dict[str, Rencana]:
    """Every Perangkat Daerah's (or sub unit's) sub kegiatan, keyed by its code, year N
    first (names of year N win), in code order."""
    found: dict[str, Rencana] = {}
    for year, export in enumerate(exports):
        for row in export.rows:
            kode, nama = _owner(row, per)
            rencana = found.get(kode)
            if rencana is None:
                rencana = found[kode] = Rencana(kode, nama)
            key = (row.kode_sub_unit, row.kode_sub_kegiatan)
            item = rencana.sub_kegiatan.get(key)
            if item is None:
                item = rencana.sub_kegiatan[key] = SubKegiatan(row)
            item.add(row, year)
    return {k: found[k] for k in sorted(found, key=code_key)}


def plan_renja(rencana: Rencana, tahun: int, *, maju: bool, pemda: str = "") -> Renja:
    """The Renja of one Perangkat Daerah: Tabel 3.1 (with N+1 when `maju`) and Tabel 4.1."""
    tabel31 = Tabel(kind=TabelKind.TABEL_31, baris=_rows(rencana, maju=maju))
    recompute(tabel31)  # parents and JUMLAH from the one totals engine
    return Renja(pemda=pemda, opd=rencana.nama, tahun=tahun, tabel31=tabel31,
                 tabel41=_tabel41(tabel31))


def _tabel41(tabel31: Tabel) -> Tabel:
    """Tabel 4.1: the rows of Tabel 3.1 that have a year-N figure (bidang and JUMLAH
    always), without the N+1 columns, as the official layout repeats year N."""
    keep = (Level.BIDANG, Level.JUMLAH)
    rows = [b.model_copy(update={"pagu_maju": None, "target_maju": _NO_TARGET})
            for b in tabel31.baris if b.level in keep or b.pagu is not None]
    return Tabel(kind=TabelKind.TABEL_41, baris=rows)


def _ordered(rencana: Rencana) -> list[SubKegiatan]:
    def key(item: SubKegiatan) -> tuple:
        r = item.first
        return (code_key(r.kode_bidang), code_key(r.kode_program), code_key(r.kode_kegiatan),
                code_key(r.kode_sub_kegiatan), code_key(r.kode_sub_unit))

    return sorted(rencana.sub_kegiatan.values(), key=key)


def _rows(rencana: Rencana, *, maju: bool) -> list[Baris]:
    """The rows of Tabel 3.1, parents without figures (see `recompute`)."""
    several = len(rencana.sub_units) > 1
    rows: list[Baris] = []
    opened: tuple[str, str, str] = ("", "", "")
    for item in _ordered(rencana):
        r = item.first
        levels = (r.kode_bidang, r.kode_program, r.kode_kegiatan)
        if levels[0] != opened[0]:
            rows.append(Baris(level=Level.BIDANG, kode=r.kode_bidang, uraian=r.nama_bidang))
        if levels[:2] != opened[:2]:
            rows.append(Baris(level=Level.PROGRAM, kode=r.kode_program, uraian=r.nama_program))
        if levels != opened:
            rows.append(Baris(level=Level.KEGIATAN, kode=r.kode_kegiatan, uraian=r.nama_kegiatan))
        opened = levels
        rows.append(Baris.model_construct(
            level=Level.SUB_KEGIATAN, kode=r.kode_sub_kegiatan, uraian=r.nama_sub_kegiatan,
            pagu=item.pagu[0], pagu_maju=item.pagu[1] if maju else None,
            sumber_dana=SUMBER_DANA_SEPARATOR.join(item.sumber_dana[0] or item.sumber_dana[1]),
            catatan=f"{SUB_UNIT_NOTE}{r.nama_sub_unit}" if several else "",
        ))
    rows.append(Baris(level=Level.JUMLAH, uraian="JUMLAH"))
    return rows
