"""Rule on subtotal formulas: does a parent's formula still cover exactly its children?

Rows inserted just below a SUM range are the classic way a Renja stops adding
up, and the total may even be right today by chance. SUBTOTAL(9, ...) over a
whole block is correct (it skips the nested subtotals); SUM must list exactly
the direct children, or it counts them twice or misses some.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import NamedTuple

from renja_xl.formula import (
    FormulaKind,
    SumFormula,
    column_letter,
    parse_sum_formula,
    plain_subtotal,
    row_runs,
)
from renja_xl.model import Level
from renja_xl.validasi.cells import field_column
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule


def _children(ctx: TabelContext, index: int) -> set[int]:
    return set(ctx.hierarchy.summed(index))


def _block(ctx: TabelContext, index: int) -> set[int]:
    return set(ctx.block_range(index))


def _covered(ctx: TabelContext, formula: SumFormula, column: str) -> set[int] | None:
    """Indices of the table's rows the formula adds; None if it reaches elsewhere."""
    by_row = ctx.by_row
    covered: set[int] = set()
    for ref in formula.references:
        if ref.column != column or ref.sheet not in (None, ctx.tabel.sheet):
            return None
        covered |= {by_row[row] for row in ref.rows() if row in by_row}
    return covered


def _rows(ctx: TabelContext, indices: set[int]) -> list[int]:
    return sorted(ctx.sheet_rows[i] for i in indices)  # type: ignore[misc]


def _expected(ctx: TabelContext, index: int, kind: FormulaKind, column: str) -> str | None:
    """The formula the parent should hold; None when it has no rows to add."""
    if kind is FormulaKind.SUBTOTAL:
        rows = _rows(ctx, _block(ctx, index))
        return f"SUBTOTAL(9,{column}{rows[0]}:{column}{rows[-1]})" if rows else None
    rows = _rows(ctx, _children(ctx, index))
    return f"SUM({row_runs(column, rows)})" if rows else None


def _leaves(ctx: TabelContext) -> list[int]:
    return ctx.indices(Level.SUB_KEGIATAN)


def _fits(ctx: TabelContext, index: int, formula: SumFormula, covered: set[int]) -> bool:
    if formula.kind is FormulaKind.SUM:
        return covered == _children(ctx, index)
    block = ctx.block_range(index)
    if covered and (min(covered) < block.start or max(covered) >= block.stop):
        return False
    leaves_covered = sum(1 for i in covered if ctx.levels[i] is Level.SUB_KEGIATAN)
    return leaves_covered == ctx.in_block(_leaves(ctx), index)


_NO_ROW_AFTER = sys.maxsize
_NOT_CHECKED = object()
"""What `spans.get` gives for a formula cell that is not a parent's to check."""
_PARENTS = (Level.PROGRAM, Level.KEGIATAN, Level.JUMLAH)


class _Edges(NamedTuple):
    """Sheet rows around a parent's block: just above it, its first, its last, just below."""

    before: int
    top: int
    bottom: int
    after: int

    def spanned(self, first: int, last: int) -> bool:
        """Whether rows first:last cover the block and reach no row outside it.

        Only the rows between the block's neighbours count, so hidden or blank
        sheet rows at the block's edges do not matter.
        """
        low, high = (first, last) if first <= last else (last, first)
        return self.before < low <= self.top and self.bottom <= high < self.after


def _edges(ctx: TabelContext, index: int) -> _Edges | None:
    """The sheet rows around a parent's block; None if it is empty or touches a row from no
    workbook (then only the general check applies)."""
    if ctx.levels[index] is Level.JUMLAH:
        start, stop = 0, index
    else:
        start, stop = index + 1, ctx.last[index] + 1
    if start >= stop:
        return None
    rows = ctx.sheet_rows
    before = rows[start - 1] if start > 0 else 0
    after = rows[stop] if stop < len(rows) else _NO_ROW_AFTER
    top, bottom = rows[start], rows[stop - 1]
    if before is None or after is None or top is None or bottom is None:
        return None
    return _Edges(before, top, bottom, after)


def _single_subtotal(ctx: TabelContext, index: int, formula: SumFormula, column: str) -> bool:
    """A SUBTOTAL of one range of the column, over exactly the parent's block."""
    if formula.kind is not FormulaKind.SUBTOTAL or len(formula.references) != 1:
        return False
    ref = formula.references[0]
    if ref.column != column or ref.sheet not in (None, ctx.tabel.sheet):
        return False
    edges = _edges(ctx, index)
    return edges is not None and edges.spanned(ref.first, ref.last)


def _check(ctx: TabelContext, index: int, field: str, letter: str, text: str) -> Problem | None:
    """The general check of one parent's formula `text` in a budget column."""
    formula = parse_sum_formula(text)
    if formula is None or _single_subtotal(ctx, index, formula, letter):
        return None
    covered = _covered(ctx, formula, letter)
    if covered is not None and _fits(ctx, index, formula, covered):
        return None
    baris = ctx.tabel.baris[index]
    label = "JUMLAH" if baris.level is Level.JUMLAH else baris.level.label.lower()
    expected = _expected(ctx, index, formula.kind, letter)
    if expected is None:
        return ctx.problem(
            baris, field,
            f"Rumus pagu {label} tahun {ctx.year(field)} (={text}) menjumlahkan baris lain, "
            f"padahal {label} ini tidak memiliki baris di bawahnya; kosongkan sel ini atau "
            "tambahkan rinciannya.",
            actual=f"={text}",
        )
    return ctx.problem(
        baris, field,
        f"Rumus pagu {label} tahun {ctx.year(field)} (={text}) tidak lagi mencakup "
        f"tepat baris-baris di bawahnya; seharusnya ={expected}.",
        expected=f"={expected}", actual=f"={text}",
    )


def _written(ctx: TabelContext, indices: list[int]) -> list[tuple[int, int] | None]:
    """For each parent, the first and last sheet rows of its block when its edges are plain
    (rows in order, nothing from outside the workbook): the writer's SUBTOTAL spans exactly
    them. One loop for every parent rather than a call each: a big plan has thousands."""
    rows, levels, last = ctx.sheet_rows, ctx.levels, ctx.last
    size, jumlah = len(rows), Level.JUMLAH
    found: list[tuple[int, int] | None] = []
    append = found.append
    for index in indices:
        start, stop = (0, index) if levels[index] is jumlah else (index + 1, last[index] + 1)
        if start >= stop:
            append(None)
            continue
        top, bottom = rows[start], rows[stop - 1]
        before = rows[start - 1] if start > 0 else 0
        after = rows[stop] if stop < size else _NO_ROW_AFTER
        if before is None or after is None or top is None or bottom is None:
            append(None)
        else:
            append((top, bottom) if before < top <= bottom < after else None)
    return found


def _parent_formula(
    ctx: TabelContext, index: int, formulas: list[tuple[str, str, dict[int, str]]]
) -> Iterator[Problem]:
    """The findings on one parent's formulas, in the order of the budget columns."""
    edges = _edges(ctx, index)
    whole = edges is not None and edges.spanned(edges.top, edges.bottom)
    for field, letter, texts in formulas:
        text = texts.get(index)
        if text is None:
            continue
        if edges is not None:
            written = f"SUBTOTAL(9,{letter}{edges.top}:{letter}{edges.bottom})"
            if whole and text == written:
                continue  # exactly what the writer puts there
            plain = plain_subtotal(text)
            if plain is not None and plain.first_column == plain.last_column \
                    and column_letter(plain.first_column) == letter \
                    and edges.spanned(plain.first_row, plain.last_row):
                continue  # the usual SUBTOTAL over the whole block, written by hand
        found = _check(ctx, index, field, letter, text)
        if found is not None:
            yield found


@rule("pagu.formula_range", Severity.WARNING)
def formula_range(ctx: TabelContext) -> Iterator[Problem]:
    """A parent's SUM/SUBTOTAL formula no longer covers exactly its children."""
    columns = [
        (field, column_letter(column))
        for field in ctx.pagu_fields
        if (column := field_column(ctx.tabel, field)) is not None
    ]
    unplaced, origins, levels = ctx.unplaced, ctx.column("asal"), ctx.levels
    formulas = [(field, letter, ctx.amounts[field].formulas) for field, letter in columns]
    parents = [  # every parent holding a formula that names rows of this workbook
        index for index in {i for _, _, texts in formulas for i in texts}
        if levels[index] in _PARENTS and origins[index] is not None
        and not (unplaced and ctx.in_block(unplaced, index))  # else no formula can name them
    ]
    spans = dict(zip(parents, _written(ctx, parents), strict=True))
    suspects: set[int] = set()
    for _, letter, texts in formulas:  # the common case, tested first: what the writer wrote
        suspects.update(
            index for index, text in texts.items()
            if (span := spans.get(index, _NOT_CHECKED)) is not _NOT_CHECKED and (
                span is None or text != f"SUBTOTAL(9,{letter}{span[0]}:{letter}{span[1]})"
            )
        )
    for index in sorted(suspects):
        yield from _parent_formula(ctx, index, formulas)
