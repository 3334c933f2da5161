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
    empty, indikator, levels = ctx.is_empty, ctx.column("indikator"), ctx.levels
    messages = {
        level: f"Indikator kinerja {level.label.lower()} kosong." for level in _INDIKATOR_LEVELS
    }
    for i in ctx.indices(*_INDIKATOR_LEVELS):
        if empty(indikator[i]):
            yield ctx.problem(
                ctx.tabel.baris[i], "indikator", messages[levels[i]],
                expected="indikator kinerja", actual=None,
            )


@rule("lokasi.empty", Severity.WARNING)
def lokasi_empty(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in year N has no lokasi."""
    empty, pagu, lokasi = ctx.is_empty, ctx.column("pagu"), ctx.column("lokasi")
    message = f"Sub kegiatan dianggarkan pada tahun {ctx.renja.tahun} tetapi lokasinya kosong."
    for i in ctx.indices(Level.SUB_KEGIATAN):
        if pagu[i] and empty(lokasi[i]):
            yield ctx.problem(
                ctx.tabel.baris[i], "lokasi", message,
                expected="lokasi (mis. nama kecamatan)", actual=None,
            )
