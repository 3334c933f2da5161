"""A1 text both ways."""

from renja_xl.formula import a1
from renja_xl.formula.a1 import Range


def test_columns_are_letters_and_back() -> None:
    for index in (1, 6, 26, 27, 28, 702, 703, 16384):
        assert a1.column_index(a1.column_letter(index)) == index
    assert a1.column_letter(28) == "AB"
    assert a1.column_index("ab") == 28


def test_cells_and_ranges_read_and_written() -> None:
    assert a1.cell_text(12, 6) == "F12"
    assert a1.parse_cell("$F$12") == (12, 6)
    assert a1.parse_cell("F12:F13") is None
    assert a1.parse_range("F40:F12") == Range(12, 6, 40, 6)
    assert Range(12, 6, 40, 6).text == "F12:F40"
    assert a1.parse_range("B3") == Range(3, 2, 3, 2)
    assert Range(3, 2, 3, 2).text == "B3"


def test_row_runs_are_compact_ranges() -> None:
    assert a1.row_runs("F", [20, 12, 13, 14]) == "F12:F14,F20"
    assert a1.row_runs("J", [7]) == "J7"
    assert a1.row_runs("F", []) == ""
