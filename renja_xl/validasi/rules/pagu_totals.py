"""Rules on subtotals: every program, kegiatan and the JUMLAH row add up, in both years.

A parent is reported only where the inconsistency starts. It passes when it
equals the sum of the sub kegiatan below it, or the sum of its direct
children as they are written (a program whose formula sums a wrong kegiatan
repeats that kegiatan's mistake: the kegiatan is reported, not the program),
or, for a program, the sum of every sub kegiatan row down to the next program
(orphan sub kegiatan inside its block included: `hierarki.orphan` reports them).
A block holding unreadable amounts (#REF!, text) is checked against what can be
read, and the finding names the cells left out; a parent whose own cell shows no
amount is left to the cell rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.amounts import amount_text
from renja_xl.model import Level
from renja_xl.totals import cell_name
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
    values = ctx.column(field)
    return _sum([values[i] for i in ctx.hierarchy.summed(index)])


def _sheet_leaves(ctx: TabelContext, index: int, field: str) -> int | None:
    """The sub kegiatan rows between a program and the next program, bidang or JUMLAH."""
    levels = ctx.levels
    if levels[index] is not Level.PROGRAM:
        return None
    values = ctx.column(field)
    found: list[int | None] = []
    for i in range(index + 1, len(levels)):
        level = levels[i]
        if level in (Level.PROGRAM, Level.BIDANG, Level.JUMLAH):
            break
        if level is Level.SUB_KEGIATAN:
            found.append(values[i])
    return _sum(found)


def _uncounted(ctx: TabelContext, index: int, field: str) -> str:
    """The cells of a parent's block whose amount could not be read, as a clause."""
    cells = [i for i in ctx.unreadable(field) if i in ctx.block_range(index)]
    if not cells:
        return ""
    names = ", ".join(cell_name(ctx.tabel, i, field) for i in cells)
    return f"; sel {names} tidak terbaca (#REF! atau teks) dan tidak ikut dihitung"


def _mismatch(ctx: TabelContext, index: int, field: str, tolerance: int) -> Problem | None:
    """The finding for a parent that differs from the sum of its sub kegiatan, if it should
    be reported there."""
    actual, expected = ctx.column(field)[index], ctx.expected[(index, field)]
    if _close(actual, _stated_children(ctx, index, field), tolerance):
        return None
    orphans_included = _sheet_leaves(ctx, index, field)
    if orphans_included is not None and _close(actual, orphans_included, tolerance):
        return None
    baris = ctx.tabel.baris[index]
    label = "JUMLAH" if baris.level is Level.JUMLAH else baris.level.label.lower()
    state = "kosong" if actual is None else f"tertulis {amount_text(actual)}"
    return ctx.problem(
        baris, field,
        f"Pagu {label} tahun {ctx.year(field)} {state}, padahal jumlah "
        f"{_CHILDREN[baris.level]} di bawahnya {amount_text(expected)} "
        f"(selisih {amount_text((actual or 0) - (expected or 0))})"
        f"{_uncounted(ctx, index, field)}.",
        expected=expected, actual=actual,
    )


def _parents(ctx: TabelContext, *levels: Level) -> Iterator[Problem]:
    expected = ctx.expected
    for field in ctx.pagu_fields:
        values, cells = ctx.column(field), ctx.amounts[field]
        indices = ctx.indices(*levels)
        if not cells.fractions:  # no tolerance: only the parents that differ need a look
            indices = [
                i for i in indices
                if (key := (i, field)) in expected and (values[i] or 0) != (expected[key] or 0)
            ]
        for index in indices:
            key = (index, field)
            if key not in expected:
                continue
            if index in cells.invalid:
                continue  # the parent's own cell shows no amount: left to the cell rules
            # Each fractional cell may shift a rounded sum by up to one rupiah.
            tolerance = ctx.in_block(cells.fractions, index) if cells.fractions else 0
            if abs((values[index] or 0) - (expected[key] or 0)) <= tolerance:
                continue  # as _close, written out: this runs for every parent
            found = _mismatch(ctx, index, field, tolerance)
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
