"""The tidy rows of one agency's Renja: one row per budget-carrying line, with its place.

A budget-carrying line is a sub kegiatan, or a program or kegiatan with no
rows under it (its own figure then counts, as in `renja_xl.recompute`), so the
rows of a file add up to what its JUMLAH row should hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from renja_xl.bulk.results import Job
from renja_xl.errors import LayoutNotFoundError
from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Level, Renja, Tabel
from renja_xl.money import Rupiah
from renja_xl.nomenklatur import is_valid_format
from renja_xl.workbook.reader import load

__all__ = [
    "TANPA_KODE", "TANPA_SUMBER_DANA", "AgencyRows", "TidyRow", "read_agencies", "read_agency",
    "tidy_rows",
]

TANPA_KODE = "tanpa kode"
TANPA_SUMBER_DANA = "tanpa sumber dana"
_BUDGET_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@dataclass(frozen=True)
class TidyRow:
    """One budget-carrying line of one agency's plan (columns of the Parquet/CSV)."""

    berkas: str
    perangkat_daerah: str
    pemda: str
    tahun: int
    level: str
    urusan_kode: str
    bidang_urusan_kode: str
    program_kode: str
    program: str
    kegiatan_kode: str
    kegiatan: str
    sub_kegiatan_kode: str
    sub_kegiatan: str
    indikator: str
    lokasi: str
    sumber_dana: str
    target: str
    pagu: Rupiah | None
    target_maju: str
    pagu_maju: Rupiah | None
    baris: int | None


@dataclass(frozen=True)
class AgencyRows:
    """One agency's tidy rows and the JUMLAH its file states, for both years."""

    berkas: str
    perangkat_daerah: str
    pemda: str
    tahun: int
    tabel: str
    program: int
    kegiatan: int
    sub_kegiatan: int
    jumlah_pagu: Rupiah | None
    jumlah_pagu_maju: Rupiah | None
    rows: list[TidyRow] = field(default_factory=list)


def read_agency(job: Job) -> AgencyRows:
    """Read one workbook into its tidy rows."""
    return tidy_rows(load(job.source), job.source, berkas=job.berkas)


def read_agencies(job: Job) -> list[AgencyRows]:
    """The rekap's per-file task: a Renja workbook is one agency; a SIPD-RI export is
    one agency per Perangkat Daerah (see `renja_xl.sipd.rekap`)."""
    try:
        return [read_agency(job)]
    except LayoutNotFoundError as not_renja:
        from renja_xl.sipd import NotAnExportError
        from renja_xl.sipd.rekap import export_agencies

        try:
            return export_agencies(job.source, job.berkas)
        except NotAnExportError:
            raise not_renja from None


def tidy_rows(renja: Renja, source: Path | str, *, berkas: str | None = None) -> AgencyRows:
    """The tidy rows of Tabel 3.1 (or of Tabel 4.1 when there is no 3.1).

    `berkas` names the file in the rekap (default: the file's name).
    """
    tabel = renja.tabel31 or renja.tabel41
    assert tabel is not None  # the reader never returns a Renja without a table
    name = renja.opd_singkat or renja.opd or Path(source).stem
    berkas = berkas or Path(source).name
    jumlah = tabel.jumlah
    rows = [_row(node, renja, name, berkas) for node in _budget_nodes(tabel)]
    return AgencyRows(
        berkas=berkas,
        perangkat_daerah=name,
        pemda=renja.pemda,
        tahun=renja.tahun,
        tabel=tabel.kind.value,
        program=len(tabel.rows(Level.PROGRAM)),
        kegiatan=len(tabel.rows(Level.KEGIATAN)),
        sub_kegiatan=len(tabel.rows(Level.SUB_KEGIATAN)),
        jumlah_pagu=jumlah.pagu if jumlah else None,
        jumlah_pagu_maju=jumlah.pagu_maju if jumlah and tabel.has_maju else None,
        rows=rows,
    )


def _budget_nodes(tabel: Tabel) -> list[Node]:
    return [
        node for node in iter_nodes(build_tree(tabel))
        if node.level in _BUDGET_LEVELS
        and (node.level is Level.SUB_KEGIATAN or not node.children)
    ]


def _ancestor(node: Node, level: Level) -> Node | None:
    current: Node | None = node
    while current is not None and current.level is not level:
        current = current.parent
    return current


def _kode(node: Node | None) -> str:
    kode = node.baris.kode.strip() if node else ""
    return kode if kode and is_valid_format(kode) else ""


def _row(node: Node, renja: Renja, name: str, berkas: str) -> TidyRow:
    chain = {level: _ancestor(node, level) for level in _BUDGET_LEVELS}
    kode = next((k for k in (_kode(chain[lv]) for lv in reversed(_BUDGET_LEVELS)) if k), "")
    parts = kode.split(".") if kode else []
    baris = node.baris
    return TidyRow(
        berkas=berkas,
        perangkat_daerah=name,
        pemda=renja.pemda,
        tahun=renja.tahun,
        level=node.level.value,
        urusan_kode=parts[0] if parts else "",
        bidang_urusan_kode=".".join(parts[:2]) if len(parts) >= 2 else "",
        program_kode=_kode(chain[Level.PROGRAM]),
        program=_uraian(chain[Level.PROGRAM]),
        kegiatan_kode=_kode(chain[Level.KEGIATAN]),
        kegiatan=_uraian(chain[Level.KEGIATAN]),
        sub_kegiatan_kode=_kode(chain[Level.SUB_KEGIATAN]),
        sub_kegiatan=_uraian(chain[Level.SUB_KEGIATAN]),
        indikator=baris.indikator,
        lokasi=baris.lokasi,
        sumber_dana=_sumber_dana(chain, node),
        target=baris.target.teks,
        pagu=baris.pagu,
        target_maju=baris.target_maju.teks,
        pagu_maju=baris.pagu_maju,
        baris=baris.asal.row if baris.asal else None,
    )


def _uraian(node: Node | None) -> str:
    return " ".join(node.baris.uraian.split()) if node else ""


def _sumber_dana(chain: dict[Level, Node | None], node: Node) -> str:
    candidates = [node, chain[Level.KEGIATAN], chain[Level.PROGRAM]]
    text = next((c.baris.sumber_dana for c in candidates if c and c.baris.sumber_dana.strip()), "")
    return " ".join(text.split()).upper() or TANPA_SUMBER_DANA
