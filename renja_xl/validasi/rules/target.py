"""Rules on the Target Capaian Kinerja columns (year N, and N+1 in Tabel 3.1)."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Baris, Level
from renja_xl.numbers import is_empty_mark
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_PAGU_OF = {"target": "pagu", "target_maju": "pagu_maju"}


def _target_fields(ctx: TabelContext) -> tuple[str, ...]:
    return ("target", "target_maju") if ctx.tabel.has_maju else ("target",)


def _empty(baris: Baris, field: str) -> bool:
    return is_empty_mark(getattr(baris, field).teks)


@rule("target.empty", Severity.WARNING)
def empty(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in a year has no target for that year."""
    for _, baris in ctx.rows(Level.SUB_KEGIATAN):
        for field in _target_fields(ctx):
            if getattr(baris, _PAGU_OF[field]) and _empty(baris, field):
                yield ctx.problem(
                    baris, field,
                    f"Sub kegiatan dianggarkan pada tahun {ctx.year(field)} tetapi target "
                    "capaian kinerjanya kosong.",
                    expected="target (angka dan satuan)", actual=None,
                )


@rule("target.no_number", Severity.WARNING)
def no_number(ctx: TabelContext) -> Iterator[Problem]:
    """A target gives a unit but no number ("Orang")."""
    for _, baris in ctx.rows(Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
        for field in _target_fields(ctx):
            target = getattr(baris, field)
            if target.angka is None and target.satuan:
                yield ctx.problem(
                    baris, field,
                    f"Target tahun {ctx.year(field)} \"{target.teks}\" hanya menyebut satuan, "
                    f"tanpa angka (mis. \"52 {target.satuan}\").",
                    expected=f"angka dan satuan (mis. 52 {target.satuan})", actual=target.teks,
                )
