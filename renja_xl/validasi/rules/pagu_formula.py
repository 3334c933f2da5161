"""Rule on subtotal formulas: does a parent's formula still cover exactly its children?

Rows inserted just below a SUM range are the classic way a Renja stops adding
up, and the total may even be right today by chance. SUBTOTAL(9, ...) over a
whole block is correct (it skips the nested subtotals); SUM must list exactly
the direct children, or it counts them twice or misses some.
"""

from __future__ import annotations

from collections.abc import Iterator

from renja_xl.model import Baris, Level
from renja_xl.validasi.cells import column_index, column_letter
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.formula import FormulaKind, SumFormula, parse_sum_formula, ranges_text
from renja_xl.validasi.rule import Problem, rule


def _children(ctx: TabelContext, index: int) -> set[int]:
    if ctx.tabel.baris[index].level is not Level.JUMLAH:
        return {child.index for child in ctx.nodes[index].children}
    tops = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
    return {root.index for root in ctx.roots if root.level in tops and root.index < index} | {
        i for i, _ in ctx.rows(Level.PROGRAM) if i < index
    }


def _block(ctx: TabelContext, index: int) -> set[int]:
    if ctx.tabel.baris[index].level is Level.JUMLAH:
        return set(range(index))
    return set(range(index + 1, ctx.nodes[index].last_index + 1))


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
    return sorted(ctx.tabel.baris[i].asal.row for i in indices)  # type: ignore[union-attr]


def _expected(ctx: TabelContext, index: int, kind: FormulaKind, column: str) -> str:
    if kind is FormulaKind.SUBTOTAL:
        rows = _rows(ctx, _block(ctx, index))
        return f"SUBTOTAL(9,{column}{rows[0]}:{column}{rows[-1]})" if rows else ""
    return f"SUM({ranges_text(column, _rows(ctx, _children(ctx, index)))})"


def _no_origin(baris: Baris, _: str) -> bool:
    return baris.asal is None


def _is_leaf(baris: Baris, _: str) -> bool:
    return baris.level is Level.SUB_KEGIATAN


def _fits(ctx: TabelContext, index: int, formula: SumFormula, covered: set[int]) -> bool:
    if formula.kind is FormulaKind.SUM:
        return covered == _children(ctx, index)
    block = ctx.block_range(index)
    if covered and (min(covered) < block.start or max(covered) >= block.stop):
        return False
    leaves_covered = sum(1 for i in covered if ctx.tabel.baris[i].level is Level.SUB_KEGIATAN)
    return leaves_covered == ctx.count_in_block(index, "", _is_leaf)


def _spans_block(ctx: TabelContext, index: int, formula: SumFormula, column: str) -> bool:
    """Fast path for the usual SUBTOTAL(9, first:last) over exactly the parent's block."""
    if formula.kind is not FormulaKind.SUBTOTAL or len(formula.references) != 1:
        return False
    ref = formula.references[0]
    block = ctx.block_range(index)
    if ref.column != column or ref.sheet not in (None, ctx.tabel.sheet) or not block:
        return False
    rows = ctx.tabel.baris
    before = rows[block.start - 1].asal.row if block.start > 0 else 0  # type: ignore[union-attr]
    after = rows[block.stop].asal.row if block.stop < len(rows) else None  # type: ignore[union-attr]
    first, last = rows[block.start].asal.row, rows[block.stop - 1].asal.row  # type: ignore[union-attr]
    low, high = min(ref.first, ref.last), max(ref.first, ref.last)
    return before < low <= first and last <= high and (after is None or high < after)


def _check(ctx: TabelContext, index: int, field: str) -> Problem | None:
    baris = ctx.tabel.baris[index]
    raw = baris.raw.get(field)
    column = column_index(ctx.tabel, field)
    if raw is None or not raw.formula or column is None or baris.asal is None:
        return None
    if ctx.count_in_block(index, "", _no_origin):
        return None
    formula = parse_sum_formula(raw.formula)
    if formula is None:
        return None
    letter = column_letter(column)
    if _spans_block(ctx, index, formula, letter):
        return None
    covered = _covered(ctx, formula, letter)
    if covered is not None and _fits(ctx, index, formula, covered):
        return None
    label = "JUMLAH" if baris.level is Level.JUMLAH else baris.level.label.lower()
    expected = _expected(ctx, index, formula.kind, letter)
    return ctx.problem(
        baris, field,
        f"Rumus pagu {label} tahun {ctx.year(field)} (={raw.formula}) tidak lagi mencakup "
        f"tepat baris-baris di bawahnya; seharusnya ={expected}.",
        expected=f"={expected}", actual=f"={raw.formula}",
    )


@rule("pagu.formula_range", Severity.WARNING)
def formula_range(ctx: TabelContext) -> Iterator[Problem]:
    """A parent's SUM/SUBTOTAL formula no longer covers exactly its children."""
    for index, _ in ctx.rows(Level.PROGRAM, Level.KEGIATAN, Level.JUMLAH):
        for field in ctx.pagu_fields:
            found = _check(ctx, index, field)
            if found is not None:
                yield found
