"""Rules on the Target Capaian Kinerja columns (year N, and N+1 in Tabel 3.1)."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Level
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_PAGU_OF = {"target": "pagu", "target_maju": "pagu_maju"}


def _target_fields(ctx: TabelContext) -> tuple[str, ...]:
    return ("target", "target_maju") if ctx.tabel.has_maju else ("target",)


@rule("target.empty", Severity.WARNING)
def empty(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in a year has no target for that year."""
    is_empty = ctx.is_empty
    for field in _target_fields(ctx):
        pagu, targets = ctx.column(_PAGU_OF[field]), ctx.column(field)
        message = (
            f"Sub kegiatan dianggarkan pada tahun {ctx.year(field)} tetapi target "
            "capaian kinerjanya kosong."
        )
        empty_rows = [
            i for i in ctx.indices(Level.SUB_KEGIATAN) if pagu[i] and is_empty(targets[i].teks)
        ]
        for i in empty_rows:
            yield ctx.problem(
                i, field, message,
                expected="target (angka dan satuan)", actual=None,
            )


@rule("target.no_number", Severity.WARNING)
def no_number(ctx: TabelContext) -> Iterator[Problem]:
    """A target gives a unit but no number ("Orang")."""
    for field in _target_fields(ctx):
        targets = ctx.column(field)
        unit_only = [
            i for i in ctx.indices(Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
            if targets[i].angka is None and targets[i].satuan
        ]
        for i in unit_only:
            target = targets[i]
            yield ctx.problem(
                i, field,
                f"Target tahun {ctx.year(field)} \"{target.teks}\" hanya menyebut satuan, "
                f"tanpa angka (mis. \"52 {target.satuan}\").",
                expected=f"angka dan satuan (mis. 52 {target.satuan})", actual=target.teks,
            )
