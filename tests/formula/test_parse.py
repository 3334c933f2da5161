"""Reading formula text: ranges, the writer's plain SUBTOTAL, what a summing formula adds."""

import pytest

from renja_xl.formula import (
    FormulaError,
    FormulaKind,
    Range,
    Reference,
    is_subtotal,
    parse_sum_formula,
    plain_subtotal,
    ranges,
)


def test_ranges_lists_every_reference() -> None:
    assert ranges("=SUM(F12:F14)+F20*2") == [Range(12, 6, 14, 6), Range(20, 6, 20, 6)]
    with pytest.raises(FormulaError):
        ranges("=#REF!+F1")


def test_plain_subtotal_is_one_pattern_for_everyone() -> None:
    assert plain_subtotal("=SUBTOTAL(9,F12:F40)") == Range(12, 6, 40, 6)
    assert plain_subtotal(" subtotal( 109 ; $f$40 : $f$12 ) ") == Range(12, 6, 40, 6)
    assert plain_subtotal("=SUBTOTAL(9,F12:F40)+1") is None
    assert plain_subtotal("=SUM(F12:F40)") is None


def test_is_subtotal_sees_subtotal_anywhere() -> None:
    assert is_subtotal("=ROUND(SUBTOTAL (9,F1:F2),0)")
    assert not is_subtotal("=SUM(F1:F2)")
    assert not is_subtotal(5)


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

