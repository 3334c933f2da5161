"""Rules on columns every row of a level must fill: indikator and lokasi."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Level
from renja_xl.numbers import is_empty_mark
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule


@rule("indikator.empty", Severity.WARNING)
def indikator_empty(ctx: TabelContext) -> Iterator[Problem]:
    """A program, kegiatan or sub kegiatan has no indikator kinerja."""
    for _, baris in ctx.rows(Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
        if is_empty_mark(baris.indikator):
            yield ctx.problem(
                baris, "indikator",
                f"Indikator kinerja {baris.level.label.lower()} kosong.",
                expected="indikator kinerja", actual=None,
            )


@rule("lokasi.empty", Severity.WARNING)
def lokasi_empty(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in year N has no lokasi."""
    for _, baris in ctx.rows(Level.SUB_KEGIATAN):
        if baris.pagu and is_empty_mark(baris.lokasi):
            yield ctx.problem(
                baris, "lokasi",
                f"Sub kegiatan dianggarkan pada tahun {ctx.renja.tahun} tetapi lokasinya kosong.",
                expected="lokasi (mis. nama kecamatan)", actual=None,
            )
