"""Next year's Renja from this year's: the year N+1 plan is last year's prakiraan maju.

    from renja_xl.tahun_depan import make_tahun_depan
    result = make_tahun_depan(renja_2022)   # default rule: 5% growth, Rp 1.000
    result.renja.tahun                      # 2023
    result.dropped                          # sub kegiatan that ended in 2022

Row by row, the N+1 target and pagu of Tabel 3.1 become the plan of the new
year; sub kegiatan with no N+1 pagu ended in year N and are dropped (with the
kegiatan, program and bidang rows left empty by that) unless `keep_ended`.
The new prakiraan maju (N+2) is filled by the projection rules of
`renja_xl.prakiraan`, every parent is recomputed, and Tabel 4.1 is rebuilt
as the year-N+1 half of the new Tabel 3.1 so that both tables agree.
Pure function over the model: no workbook is touched here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renja_xl import _renamed
from renja_xl.errors import RenjaError
from renja_xl.hierarchy import Node, build_tree
from renja_xl.model import Baris, Level, Renja, Tabel, TabelKind, Target
from renja_xl.prakiraan import FillResult, ProjectionRules, fill_prakiraan
from renja_xl.recompute import recompute

__all__ = ["TahunDepan", "make_tahun_depan", "shift_years"]

# Old names (0.1), kept until 0.3 with a DeprecationWarning.
_RENAMED = {"NextYear": "TahunDepan", "next_year": "make_tahun_depan"}
__getattr__ = _renamed.module_getattr(__name__, _RENAMED)

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_EMPTY_PARENTS = (Level.BIDANG, Level.PROGRAM, Level.KEGIATAN)


@dataclass
class TahunDepan:
    """The year N+1 Renja, the rows dropped from year N, and how N+2 was projected."""

    renja: Renja
    dropped: list[Baris] = field(default_factory=list)
    report: FillResult = field(default_factory=FillResult)


def make_tahun_depan(
    renja: Renja,
    rules: ProjectionRules | None = None,
    *,
    keep_ended: bool = False,
    tahun: int | None = None,
    tanggal: str | None = None,
) -> TahunDepan:
    """The Renja of year N+1 made from `renja` (year N); `renja` itself is not changed.

    `tahun`, when given, is the year wanted: a Renja of another year than
    `tahun - 1` is refused. `tanggal` replaces the date line of the signature;
    by default its year is moved on by one.
    """
    source = _source_table(renja, tahun)
    kept, dropped = _carry_forward(source, keep_ended)
    tabel31 = Tabel(kind=TabelKind.TABEL_31, sheet=source.sheet or "Tabel 3.1", baris=kept,
                    judul=[shift_years(line) for line in source.judul])
    recompute(tabel31)
    report = fill_prakiraan(tabel31, rules or ProjectionRules())
    recompute(tabel31)
    new = renja.model_copy(update={
        "tahun": renja.tahun + 1,
        "penandatangan": renja.penandatangan.model_copy(),
        "tanggal": shift_years(renja.tanggal) if tanggal is None else tanggal,
        "tabel31": tabel31,
        "tabel41": _tabel41(tabel31, renja.tabel41),
    })
    return TahunDepan(renja=new, dropped=dropped, report=report)


def shift_years(text: str) -> str:
    """Every year in a title or date line moved on by one: "TAHUN 2022" → "TAHUN 2023"."""
    return _YEAR.sub(lambda m: str(int(m.group()) + 1), text)


def _source_table(renja: Renja, tahun: int | None) -> Tabel:
    if tahun is not None and renja.tahun + 1 != tahun:
        raise RenjaError(
            f"berkas ini Renja tahun {renja.tahun}; Renja tahun {tahun} dibuat dari "
            f"Renja tahun {tahun - 1}"
        )
    tabel = renja.tabel31
    if tabel is None:
        raise RenjaError("tidak ada Tabel 3.1: prakiraan maju tahun depan tidak diketahui")
    if not any(b.pagu_maju is not None for b in tabel.rows(Level.SUB_KEGIATAN)):
        raise RenjaError(
            f"kolom prakiraan maju tahun {renja.tahun_maju} Tabel 3.1 kosong; isi dahulu "
            "(renja-xl isi-prakiraan)"
        )
    return tabel


def _carry_forward(tabel: Tabel, keep_ended: bool) -> tuple[list[Baris], list[Baris]]:
    """The rows moved one year on, and the sub kegiatan dropped because they ended."""
    keep = set(range(len(tabel.baris)))
    dropped: list[Baris] = []
    if not keep_ended:
        ended = {i for i, b in enumerate(tabel.baris) if _ended(b)}
        dropped = [tabel.baris[i] for i in sorted(ended)]
        keep = _without(tabel.baris, ended)
    return [_moved(b) for i, b in enumerate(tabel.baris) if i in keep], dropped


def _ended(row: Baris) -> bool:
    return row.level is Level.SUB_KEGIATAN and row.pagu_maju is None


def _without(baris: list[Baris], removed: set[int]) -> set[int]:
    """Row indices left once `removed` and the parents it empties are taken out."""
    keep: set[int] = set()
    for root in build_tree(baris):
        _keep_node(root, removed, keep)
    return keep


def _keep_node(node: Node, removed: set[int], keep: set[int]) -> bool:
    if node.index in removed:
        return False
    kept_children = [_keep_node(child, removed, keep) for child in node.children]
    emptied = node.children and not any(kept_children) and node.level in _EMPTY_PARENTS
    if emptied:
        return False
    keep.add(node.index)
    return True


def _moved(row: Baris) -> Baris:
    """The row of year N+1: last year's prakiraan maju as the plan, N+2 still empty."""
    return Baris(
        level=row.level,
        kode=row.kode,
        uraian=row.uraian,
        indikator=row.indikator,
        lokasi=row.lokasi,
        target=Target.from_text(row.target_maju.teks),
        pagu=row.pagu_maju,
        sumber_dana=row.sumber_dana,
        catatan=row.catatan,
        bold=row.bold,
    )


def _tabel41(tabel31: Tabel, old: Tabel | None) -> Tabel:
    """Tabel 4.1: the year-N+1 half of Tabel 3.1, budgeted sub kegiatan only."""
    unbudgeted = {
        i for i, b in enumerate(tabel31.baris) if b.level is Level.SUB_KEGIATAN and b.pagu is None
    }
    keep = _without(tabel31.baris, unbudgeted)
    rows = [
        b.model_copy(update={"target_maju": Target(), "pagu_maju": None, "raw": {}})
        for i, b in enumerate(tabel31.baris)
        if i in keep
    ]
    judul = [shift_years(line) for line in old.judul] if old else []
    tabel = Tabel(kind=TabelKind.TABEL_41, sheet=old.sheet if old else "Tabel 4.1", baris=rows,
                  judul=judul)
    recompute(tabel)
    return tabel
