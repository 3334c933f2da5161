"""Rules on columns every row of a level must fill: indikator and lokasi."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Level
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_INDIKATOR_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@rule("indikator.empty", Severity.WARNING)
def indikator_empty(ctx: TabelContext) -> Iterator[Problem]:
    """A program, kegiatan or sub kegiatan has no indikator kinerja."""
    for i in ctx.blank("indikator", ctx.indices(*_INDIKATOR_LEVELS)):
        label = ctx.levels[i].label.lower()
        yield ctx.problem(i, "indikator", f"Indikator kinerja {label} kosong.",
                          expected="indikator kinerja")


@rule("lokasi.empty", Severity.WARNING)
def lokasi_empty(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in year N has no lokasi."""
    pagu = ctx.column("pagu")
    message = f"Sub kegiatan dianggarkan pada tahun {ctx.renja.tahun} tetapi lokasinya kosong."
    for i in ctx.blank("lokasi", ctx.indices(Level.SUB_KEGIATAN)):
        if pagu[i]:
            yield ctx.problem(
                i, "lokasi", message,
                expected="lokasi (mis. nama kecamatan)", actual=None,
            )
