"""WorkbookEditor: untouched entries copied raw, shared formulas kept, calcChain kept sound."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from renja_xl.xlsx import WorkbookEditor, number, text
from tests.xlsx.real_packages import parts, replace_parts


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    for row in range(1, 4):
        ws.cell(row, 1, row * 10)
        ws.cell(row, 6, f"=A{row}*2")
    wb.create_sheet("Lain")["A1"] = "tetap"
    wb.save(path)
    return path


def test_untouched_entries_keep_their_order_and_compressed_bytes(tmp_path: Path):
    path = _workbook(tmp_path / "buku.xlsx")
    before = {i.filename: (i.CRC, i.compress_size) for i in zipfile.ZipFile(path).infolist()}

    with WorkbookEditor(path) as editor:
        editor.set("Data", 1, 2, text("baru"))
        editor.save(backup=False)

    after = zipfile.ZipFile(path).infolist()
    assert [i.filename for i in after] == list(before)
    changed = {i.filename for i in after if (i.CRC, i.compress_size) != before[i.filename]}
    assert changed == {"xl/worksheets/sheet1.xml"}  # openpyxl already asks for recalculation
    assert load_workbook(path)["Data"]["B1"].value == "baru"


def test_overwriting_the_first_cell_of_a_shared_formula_keeps_the_others(tmp_path: Path):
    path = _workbook(tmp_path / "buku.xlsx")
    sheet = parts(path)["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b"<f>A1*2</f>", b'<f t="shared" ref="F1:F3" si="0">A1*2</f><v>20</v>')
    for row in (2, 3):
        follower = b'<f t="shared" si="0"/><v>%d</v>' % (row * 20)
        sheet = sheet.replace(b"<f>A%d*2</f>" % row, follower)
    shared = replace_parts(path, tmp_path / "berbagi.xlsx", {"xl/worksheets/sheet1.xml": sheet})

    with WorkbookEditor(shared) as editor:
        editor.set("Data", 1, 6, number(5))
        editor.save(backup=False)

    ws = load_workbook(shared)["Data"]
    assert [ws.cell(r, 6).value for r in (1, 2, 3)] == [5, "=A2*2", "=A3*2"]
    assert b'si="0"' not in parts(shared)["xl/worksheets/sheet1.xml"]
    cached = load_workbook(shared, data_only=True)["Data"]
    assert [cached.cell(r, 6).value for r in (2, 3)] == [40, 60]


def test_a_formula_cell_given_a_number_leaves_the_calc_chain(tmp_path: Path):
    path = _workbook(tmp_path / "buku.xlsx")
    chain = (b'<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><c r="F1" i="1"/><c r="F2"/><c r="F3"/></calcChain>')
    package = parts(path)
    rels = package["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>')
    chained = replace_parts(path, tmp_path / "rantai.xlsx", {
        "xl/_rels/workbook.xml.rels": rels, "xl/calcChain.xml": chain})

    with WorkbookEditor(chained) as editor:
        editor.set("Data", 2, 6, number(1))
        editor.save(backup=False)

    assert re.findall(rb"<c [^>]*/>", parts(chained)["xl/calcChain.xml"]) == [
        b'<c r="F1" i="1"/>', b'<c r="F3"/>']
    assert b'fullCalcOnLoad="1"' in parts(chained)["xl/workbook.xml"]
