"""Rules on single pagu cells: text, Excel errors, negative and fractional amounts."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.validasi.amounts import amount_text, is_error, is_fraction, is_text
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule


def _cells(ctx: TabelContext) -> list[tuple[int, str]]:
    return ctx.pagu_cells


def _raw_cells(ctx: TabelContext) -> list[tuple[int, str]]:
    return ctx.shared(
        "pagu.raw_cells",
        lambda: [
            (i, f) for i in ctx.raw_rows for f in ctx.pagu_fields if f in ctx.tabel.baris[i].raw
        ],
    )


def _raw_value(ctx: TabelContext, index: int, field: str) -> str:
    raw = ctx.tabel.baris[index].raw.get(field)
    return str(raw.value) if raw is not None else ""


@rule("pagu.not_a_number", Severity.ERROR)
def not_a_number(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu cell holds text that is not a rupiah amount."""
    for index, field in _raw_cells(ctx):
        baris = ctx.tabel.baris[index]
        if is_text(baris, field):
            text = _raw_value(ctx, index, field)
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} berisi teks \"{text}\", bukan angka rupiah.",
                expected="angka rupiah", actual=text,
            )


def _propagated_error(ctx: TabelContext, index: int, field: str) -> bool:
    """A parent's formula error that only repeats an error in a cell it sums."""
    baris = ctx.tabel.baris[index]
    return baris.is_parent and ctx.count_in_block(index, field, is_error) > 0


@rule("pagu.formula_error", Severity.ERROR)
def formula_error(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu cell shows an Excel error (#REF!, #VALUE!, #DIV/0!, ...)."""
    for index, field in _raw_cells(ctx):
        baris = ctx.tabel.baris[index]
        if is_error(baris, field) and not _propagated_error(ctx, index, field):
            raw = baris.raw[field]
            formula = f" (rumus ={raw.formula})" if raw.formula else ""
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} menampilkan galat Excel {raw.value}{formula}.",
                expected="angka rupiah", actual=str(raw.value),
            )


@rule("pagu.negative", Severity.ERROR)
def negative(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu is below zero."""
    for field in ctx.pagu_fields:
        for baris in ctx.tabel.baris:
            value = getattr(baris, field)
            if value is None or value >= 0:
                continue
            raw = baris.raw.get(field)
            if baris.is_parent and raw is not None and raw.formula:
                continue  # a sum of negative children: reported at the children
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} bernilai negatif ({amount_text(value)}).",
                expected="0 atau lebih", actual=value,
            )


@rule("pagu.fraction", Severity.WARNING)
def fraction(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu is not a whole number of rupiah."""
    for index, field in _raw_cells(ctx):
        baris = ctx.tabel.baris[index]
        raw = baris.raw.get(field)
        summed = baris.is_parent and raw is not None and raw.formula
        if is_fraction(baris, field) and not summed:
            assert raw is not None
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} memuat pecahan rupiah ({raw.value}); "
                f"dibaca sebagai {amount_text(getattr(baris, field))}.",
                expected=getattr(baris, field), actual=str(raw.value),
            )
