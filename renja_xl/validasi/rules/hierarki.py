"""Rules on the hierarchy program → kegiatan → sub kegiatan."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Level
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_MISSING_PARENT = {Level.KEGIATAN: "program", Level.SUB_KEGIATAN: "kegiatan"}


@rule("hierarki.ambiguous", Severity.WARNING)
def ambiguous(ctx: TabelContext) -> Iterator[Problem]:
    """The reader could not be sure of a row's level."""
    for index, ambiguity in enumerate(ctx.column("ambiguity")):
        if ambiguity:
            sentence = ambiguity[:1].upper() + ambiguity[1:]
            yield ctx.problem(
                index, "uraian", sentence.rstrip(".") + ".",
                expected=None, actual=ctx.levels[index].label,
            )


@rule("hierarki.orphan", Severity.ERROR)
def orphan(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan with no kegiatan above it, or a kegiatan with no program."""
    parents = ctx.parents
    for index in ctx.indices(*_MISSING_PARENT):
        if parents[index] is None:
            row = ctx.tabel.baris[index]
            wanted = _MISSING_PARENT[row.level]
            yield ctx.problem(
                row, "uraian",
                f"{row.level.label} \"{row.uraian}\" tidak berada di bawah {wanted} "
                f"mana pun (tidak ada baris {wanted} di atasnya dalam blok ini).",
                expected=f"{wanted} di atasnya", actual=None,
            )
