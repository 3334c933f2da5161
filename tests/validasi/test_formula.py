"""Reading the ranges of subtotal formulas."""

import pytest

from renja_xl.validasi.formula import FormulaKind, Reference, parse_sum_formula, ranges_text


@pytest.mark.parametrize(
    ("formula", "kind", "references"),
    [
        ("SUBTOTAL(9,F12:F20)", FormulaKind.SUBTOTAL, [("F", 12, 20)]),
        ("=subtotal(109, $J$12:$J$20)", FormulaKind.SUBTOTAL, [("J", 12, 20)]),
        ("SUM(F12:F14,F20)", FormulaKind.SUM, [("F", 12, 14), ("F", 20, 20)]),
        ("F12+F15+F18", FormulaKind.SUM, [("F", 12, 12), ("F", 15, 15), ("F", 18, 18)]),
    ],
)
def test_summing_formulas_are_read(formula: str, kind: FormulaKind, references: list) -> None:
    parsed = parse_sum_formula(formula)
    assert parsed is not None and parsed.kind is kind
    assert [(r.column, r.first, r.last) for r in parsed.references] == references


@pytest.mark.parametrize(
    "formula", ["SUM(F1)*2", "F1-F2", "ROUND(SUM(F1:F3),0)", "SUM(F1:G3)", "1/0"]
)
def test_other_formulas_are_not_sums(formula: str) -> None:
    assert parse_sum_formula(formula) is None


def test_references_to_other_sheets_keep_their_sheet() -> None:
    parsed = parse_sum_formula("SUM('Tabel 4.1'!F12:F13)")
    assert parsed is not None
    assert parsed.references == (Reference("Tabel 4.1", "F", 12, 13),)


def test_rows_are_written_as_compact_ranges() -> None:
    assert ranges_text("F", [20, 12, 13, 14]) == "F12:F14,F20"
