"""Rules on single pagu cells: text, Excel errors, negative and fractional amounts."""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.amounts import amount_text
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule


@rule("pagu.not_a_number", Severity.ERROR)
def not_a_number(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu cell holds text that is not a rupiah amount."""
    for field, cells in ctx.amounts.items():
        for index in cells.texts:
            baris = ctx.tabel.baris[index]
            text = str(baris.raw[field].value)
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} berisi teks \"{text}\", bukan angka rupiah.",
                expected="angka rupiah", actual=text,
            )


@rule("pagu.formula_error", Severity.ERROR)
def formula_error(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu cell shows an Excel error (#REF!, #VALUE!, #DIV/0!, ...)."""
    for field, cells in ctx.amounts.items():
        for index in cells.errors:
            baris = ctx.tabel.baris[index]
            if baris.is_parent and ctx.in_block(cells.errors, index):
                continue  # only repeats an error in a cell it sums: reported there
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
        values = ctx.column(field)
        if min(filter(None, values), default=0) >= 0:
            continue  # no amount below zero: found by C, without a loop in Python
        below = [i for i, value in enumerate(values) if value is not None and value < 0]
        for index in below:
            baris = ctx.tabel.baris[index]
            raw = baris.raw.get(field)
            if baris.is_parent and raw is not None and raw.formula:
                continue  # a sum of negative children: reported at the children
            value = getattr(baris, field)
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} bernilai negatif ({amount_text(value)}).",
                expected="0 atau lebih", actual=value,
            )


@rule("pagu.fraction", Severity.WARNING)
def fraction(ctx: TabelContext) -> Iterator[Problem]:
    """A pagu is not a whole number of rupiah."""
    for field, cells in ctx.amounts.items():
        for index in cells.fractions:
            baris = ctx.tabel.baris[index]
            raw = baris.raw[field]
            if baris.is_parent and raw.formula:
                continue  # a sum of fractional children: reported at the children
            yield ctx.problem(
                baris, field,
                f"Pagu tahun {ctx.year(field)} memuat pecahan rupiah ({raw.value}); "
                f"dibaca sebagai {amount_text(getattr(baris, field))}.",
                expected=getattr(baris, field), actual=str(raw.value),
            )
