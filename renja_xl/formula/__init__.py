"""Formulas, in one place: A1 text both ways, parsing, and evaluation with one cycle policy.

    from renja_xl.formula import Evaluator, plain_subtotal, parse_sum_formula, row_runs

`a1` turns cells and ranges into text and back, `parse` reads formula text (its
tokens, ranges, the writer's plain SUBTOTAL, what a summing formula adds) and
`evaluate` computes SUM, SUBTOTAL (skipping nested SUBTOTALs, like Excel),
arithmetic and ROUND; a cell that reads itself is the error #REF!.
"""

from renja_xl.formula.a1 import (
    Range,
    cell_text,
    column_index,
    column_letter,
    parse_cell,
    parse_range,
    row_runs,
)
from renja_xl.formula.evaluate import CYCLE, Evaluator, evaluate
from renja_xl.formula.parse import (
    FormulaError,
    FormulaKind,
    Reference,
    SumFormula,
    UnsupportedFormula,
    is_subtotal,
    parse_sum_formula,
    plain_subtotal,
    ranges,
)

__all__ = [
    "CYCLE",
    "Evaluator",
    "FormulaError",
    "FormulaKind",
    "Range",
    "Reference",
    "SumFormula",
    "UnsupportedFormula",
    "cell_text",
    "column_index",
    "column_letter",
    "evaluate",
    "is_subtotal",
    "parse_cell",
    "parse_range",
    "parse_sum_formula",
    "plain_subtotal",
    "ranges",
    "row_runs",
]
