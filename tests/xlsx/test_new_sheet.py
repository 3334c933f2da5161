"""NewSheet writes a worksheet row by row: cells from column A, a dimension that covers them."""

from __future__ import annotations

import pytest

from renja_xl.xlsx.cells import EMPTY, number, text
from renja_xl.xlsx.new_sheet import NewSheet


def test_rows_are_written_in_order_with_their_formats():
    sheet = NewSheet()
    sheet.add_row(1, [(text("a < b"), 3), (number(7), 0), (EMPTY, 4)])
    sheet.add_row(4, [(number(1), 0)])

    xml = sheet.render()

    assert (b'<sheetData><row r="1"><c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">'
            b'a &lt; b</t></is></c><c r="B1"><v>7</v></c><c r="C1" s="4"/></row>'
            b'<row r="4"><c r="A4"><v>1</v></c></row></sheetData>') in xml
    assert b'<dimension ref="A1:C4"/>' in xml


def test_a_row_without_cells_is_left_out():
    sheet = NewSheet()
    sheet.add_row(2, [])

    assert b"<sheetData></sheetData>" in sheet.render()
    assert b'<dimension ref="A1"/>' in sheet.render()


def test_a_row_above_the_last_one_is_refused():
    sheet = NewSheet()
    sheet.add_row(3, [(number(1), 0)])

    with pytest.raises(ValueError, match="row 2"):
        sheet.add_row(2, [(number(2), 0)])
