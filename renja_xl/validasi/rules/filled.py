"""Rules on columns every row of a level must fill: indikator and lokasi."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Level
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_INDIKATOR_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@rule("indikator.empty", Severity.WARNING)
def indikator_empty(ctx: TabelContext) -> list[Problem]:
    """A program, kegiatan or sub kegiatan has no indikator kinerja."""
    levels = ctx.levels
    messages = {
        level: f"Indikator kinerja {level.label.lower()} kosong." for level in _INDIKATOR_LEVELS
    }
    problem = ctx.problem
    return [  # a list at once: in a plan still being filled, this is the most common finding
        problem(i, "indikator", messages[levels[i]], expected="indikator kinerja")
        for i in ctx.blank("indikator", ctx.indices(*_INDIKATOR_LEVELS))
    ]


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
