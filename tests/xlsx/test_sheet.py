"""SheetXml rewrites only the rows of the changed cells, in order, whatever the prefixes."""

from __future__ import annotations

from renja_xl.xlsx.cells import formula, number, text
from renja_xl.xlsx.sheet import CellEdit, SheetXml

HEAD = b'<worksheet xmlns="m"><dimension ref="A1:C3"/><sheetData>'
ROW1 = b'<row r="1" spans="1:3"><c r="A1" s="2"><v>1</v></c><c r="C1" t="s"><v>0</v></c></row>'
ROW3 = b'<row r="3"><c r="B3"><f>SUM(B1:B2)</f><v>7</v></c></row>'
TAIL = b'</sheetData><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells></worksheet>'
XML = HEAD + ROW1 + ROW3 + TAIL


def test_an_untouched_row_is_copied_byte_for_byte():
    rewritten = SheetXml(XML).rewrite({(3, 2): CellEdit(number(9))})

    assert rewritten.startswith(HEAD + ROW1)
    assert b'<row r="3"><c r="B3"><v>9</v></c></row>' in rewritten
    assert rewritten.endswith(TAIL)


def test_a_new_cell_goes_between_its_neighbours_and_widens_the_spans():
    edits = {(1, 2): CellEdit(text("a & b")), (1, 4): CellEdit(number(4))}
    rewritten = SheetXml(XML).rewrite(edits)

    assert (b'<row r="1" spans="1:4"><c r="A1" s="2"><v>1</v></c><c r="B1" t="inlineStr"><is>'
            b'<t xml:space="preserve">a &amp; b</t></is></c><c r="C1" t="s"><v>0</v></c>'
            b'<c r="D1"><v>4</v></c></row>') in rewritten
    assert b'<dimension ref="A1:D3"/>' in rewritten


def test_a_new_row_goes_in_row_order():
    rewritten = SheetXml(XML).rewrite({(2, 1): CellEdit(number(5)), (9, 1): CellEdit(number(6))})

    assert ROW1 + b'<row r="2"><c r="A2"><v>5</v></c></row>' + ROW3 + \
        b'<row r="9"><c r="A9"><v>6</v></c></row></sheetData>' in rewritten


def test_a_style_change_keeps_the_content_and_other_attributes():
    rewritten = SheetXml(XML).rewrite({(1, 3): CellEdit(style=7), (1, 1): CellEdit(style=0)})

    assert b'<c r="A1" s="0"><v>1</v></c><c r="C1" t="s" s="7"><v>0</v></c>' in rewritten


def test_a_formula_is_written_with_its_result_and_a_lost_formula_is_noted():
    sheet = SheetXml(XML)
    rewritten = sheet.rewrite({(1, 1): CellEdit(formula("SUBTOTAL(9,A2:A3)", 12)),
                               (3, 2): CellEdit(number(1))})

    assert b'<c r="A1" s="2"><f>SUBTOTAL(9,A2:A3)</f><v>12</v></c>' in rewritten
    assert sheet.lost_formulas == [(3, 2)]


def test_prefixed_markup_gets_prefixed_cells():
    xml = (b'<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>'
           b"</x:row></x:sheetData></x:worksheet>")
    rewritten = SheetXml(xml).rewrite({(1, 1): CellEdit(formula("B1", 2))})

    assert b'<x:c r="A1"><x:f>B1</x:f><x:v>2</x:v></x:c>' in rewritten


def test_an_empty_sheet_data_is_opened():
    xml = b'<worksheet xmlns="m"><sheetData/></worksheet>'

    assert SheetXml(xml).rewrite({(2, 2): CellEdit(number(3))}) == (
        b'<worksheet xmlns="m"><sheetData><row r="2"><c r="B2"><v>3</v></c></row></sheetData>'
        b"</worksheet>")


def test_cells_and_merged_ranges_are_read():
    sheet = SheetXml(XML)

    assert sheet.cell(3, 2).formula == "SUM(B1:B2)" and sheet.cell(3, 2).value() == 7
    assert sheet.cell(1, 3).value(["kode"]) == "kode"
    assert sheet.cell(2, 1) is None
    assert sheet.merged() == [(5, 1, 6, 2)]


def test_rows_without_a_number_follow_the_row_before_and_empty_rows_are_rows():
    xml = (b'<worksheet xmlns="m"><sheetData><row r="2" ht="20"/><row>\n<c><v>4</v></c></row>'
           b'<row\tr="7"><c r="B7"><v>5</v></c></row></sheetData></worksheet>')
    sheet = SheetXml(xml)

    assert sheet.cell(3, 1).value() == 4 and sheet.cell(7, 2).value() == 5
    assert sheet.rewrite({(2, 1): CellEdit(number(1))}).startswith(
        b'<worksheet xmlns="m"><sheetData><row r="2" ht="20"><c r="A2"><v>1</v></c></row><row>')


def test_a_reference_written_inside_a_text_is_no_cell():
    xml = (b'<worksheet xmlns="m"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t> r="B1"'
           b'</t></is></c><c r="C1"><v>3</v></c></row></sheetData></worksheet>')
    sheet = SheetXml(xml)

    assert sheet.cell(1, 2) is None and sheet.cell(1, 3).value() == 3
    assert b'</c><c r="B1"><v>2</v></c><c r="C1">' in sheet.rewrite({(1, 2): CellEdit(number(2))})
