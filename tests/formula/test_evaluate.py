"""Evaluating a sheet's formulas as Excel would, with one cycle policy."""

from decimal import Decimal

import pytest

from renja_xl.formula import CYCLE, Evaluator, FormulaError, UnsupportedFormula
from renja_xl.workbook.grid import grid_from_values


def _column(*cells: object) -> Evaluator:
    """An evaluator over column A, rows 1.. holding `cells`."""
    return Evaluator(grid_from_values("S", [[value] for value in cells]))


def test_subtotal_skips_nested_subtotals_and_sum_does_not() -> None:
    ev = _column("=SUBTOTAL(9,A2:A3)", 10, 20, "=SUBTOTAL(9,A1:A3)", "=SUM(A1:A3)")
    assert ev.value(4, 1) == 30
    assert ev.value(5, 1) == 60


def test_a_typed_parent_is_counted_by_the_subtotal_above_it() -> None:
    ev = _column("=SUBTOTAL(9,A2:A4)", 30, 10, 20)
    assert ev.value(1, 1) == 60


def test_a_cell_that_reads_itself_is_ref_error() -> None:
    ev = _column("=SUM(A1:A2)", 5)
    with pytest.raises(FormulaError, match="#REF!"):
        ev.value(1, 1)
    ev = _column("=A2+1", "=A1+1")
    with pytest.raises(FormulaError) as raised:
        ev.value(1, 1)
    assert str(raised.value) == CYCLE


def test_arithmetic_and_rounding() -> None:
    ev = _column(1000, 3, "=ROUND(A1/A2,0)", "=ROUNDDOWN(A1/A2,-1)*2", "=ABS(-A1)+(A2-1)*2")
    assert ev.value(3, 1) == 333
    assert ev.value(4, 1) == 660
    assert ev.value(5, 1) == Decimal(1004)


def test_text_amounts_count_only_when_asked() -> None:
    cells = ("=SUBTOTAL(9,A2:A3)", "1.500.000", 500)
    assert _column(*cells).value(1, 1) == 1_500_500
    assert Evaluator(grid_from_values("S", [[v] for v in cells]), count_text=False).value(1, 1) \
        == 500


def test_empty_block_is_no_figure_and_errors_propagate() -> None:
    assert _column("=SUBTOTAL(9,A2:A3)").value(1, 1) is None
    with pytest.raises(FormulaError):
        _column("=SUM(A2:A3)", "#REF!", 4).value(1, 1)
    with pytest.raises(UnsupportedFormula):
        _column("=VLOOKUP(A2,B1:C3,2)", 1).value(1, 1)
    with pytest.raises(UnsupportedFormula):
        _column("='Tabel 4.1'!F12", 1).value(1, 1)
