"""Rules on subtotals: every program, kegiatan and the JUMLAH row add up, in both years.

A parent is reported only where the inconsistency starts. It passes when it
equals the sum of the sub kegiatan below it, or the sum of its direct
children as they are written (a program whose formula sums a wrong kegiatan
repeats that kegiatan's mistake: the kegiatan is reported, not the program),
or, for a program, the sum of every sub kegiatan row down to the next program
(orphan sub kegiatan inside its block included: `hierarki.orphan` reports them).
Blocks holding unreadable amounts are left to the cell rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Level
from renja_xl.validasi.amounts import amount_text, is_fraction, is_invalid
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_CHILDREN = {Level.KEGIATAN: "sub kegiatan", Level.PROGRAM: "kegiatan", Level.JUMLAH: "program"}


def _sum(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _close(a: int | None, b: int | None, tolerance: int) -> bool:
    return abs((a or 0) - (b or 0)) <= tolerance


def _stated_children(ctx: TabelContext, index: int, field: str) -> int | None:
    baris = ctx.tabel.baris[index]
    if baris.level is Level.JUMLAH:
        tops = [
            root.baris for root in ctx.roots
            if root.level in (Level.KEGIATAN, Level.SUB_KEGIATAN) and root.index < index
        ]
        programs = [b for i, b in ctx.rows(Level.PROGRAM) if i < index]
        return _sum([getattr(b, field) for b in programs + tops])
    return _sum([getattr(child.baris, field) for child in ctx.nodes[index].children])


def _sheet_leaves(ctx: TabelContext, index: int, field: str) -> int | None:
    """The sub kegiatan rows between a program and the next program, bidang or JUMLAH."""
    if ctx.tabel.baris[index].level is not Level.PROGRAM:
        return None
    values: list[int | None] = []
    for baris in ctx.tabel.baris[index + 1 :]:
        if baris.level in (Level.PROGRAM, Level.BIDANG, Level.JUMLAH):
            break
        if baris.level is Level.SUB_KEGIATAN:
            values.append(getattr(baris, field))
    return _sum(values)


def _mismatch(ctx: TabelContext, index: int, field: str) -> Problem | None:
    baris = ctx.tabel.baris[index]
    if (index, field) not in ctx.expected or is_invalid(baris, field):
        return None
    if ctx.count_in_block(index, field, is_invalid):
        return None
    # Each fractional cell may shift a rounded sum by up to one rupiah.
    tolerance = ctx.count_in_block(index, field, is_fraction)
    actual, expected = getattr(baris, field), ctx.expected[(index, field)]
    if _close(actual, expected, tolerance):
        return None
    if _close(actual, _stated_children(ctx, index, field), tolerance):
        return None
    orphans_included = _sheet_leaves(ctx, index, field)
    if orphans_included is not None and _close(actual, orphans_included, tolerance):
        return None
    label = "JUMLAH" if baris.level is Level.JUMLAH else baris.level.label.lower()
    state = "kosong" if actual is None else f"tertulis {amount_text(actual)}"
    return ctx.problem(
        baris, field,
        f"Pagu {label} tahun {ctx.year(field)} {state}, padahal jumlah "
        f"{_CHILDREN[baris.level]} di bawahnya {amount_text(expected)} "
        f"(selisih {amount_text((actual or 0) - (expected or 0))}).",
        expected=expected, actual=actual,
    )


def _parents(ctx: TabelContext, *levels: Level) -> Iterator[Problem]:
    for index, _ in ctx.rows(*levels):
        for field in ctx.pagu_fields:
            found = _mismatch(ctx, index, field)
            if found is not None:
                yield found


@rule("pagu.subtotal_mismatch", Severity.ERROR)
def subtotal_mismatch(ctx: TabelContext) -> Iterator[Problem]:
    """A program's or kegiatan's pagu differs from the sum of its children."""
    yield from _parents(ctx, Level.PROGRAM, Level.KEGIATAN)


@rule("pagu.jumlah_mismatch", Severity.ERROR)
def jumlah_mismatch(ctx: TabelContext) -> Iterator[Problem]:
    """The JUMLAH row differs from the sum of the programs."""
    yield from _parents(ctx, Level.JUMLAH)
