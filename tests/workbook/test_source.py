"""Opening workbooks: the fast calamine path reads exactly what the XML parser reads."""

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from renja_xl.errors import WorkbookError
from renja_xl.model import Renja
from renja_xl.workbook import source
from renja_xl.workbook.grid import Grid
from renja_xl.workbook.writer import write


def _grids(path: Path, *, calamine: bool, monkeypatch: pytest.MonkeyPatch) -> list:
    if not calamine:
        monkeypatch.setattr(source, "open_calamine", lambda _path: None)
    grids = list(source.iter_grids(path))
    monkeypatch.undo()
    return [(g.sheet, _cells(g), sorted(g.merged), g.hidden_rows) for g in grids]


def _cells(grid: Grid) -> dict[tuple[int, int], tuple]:
    """Every cell as (value, kind, bold), bold as the reader asks for it."""
    return {
        (r, c): (cell.value, cell.kind, grid.is_bold(r, c))
        for r, cells in grid.rows.items()
        for c, cell in cells.items()
    }


def _awkward(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Lampiran & Catatan"
    ws["A1"] = "A & B <c> \"kutip\""
    ws["B2"] = 1_500_000
    ws["B3"] = 2.5
    ws["B4"] = "#REF!"
    ws["B5"] = "=SUBTOTAL(9,B2:B3)"
    ws["B6"] = True
    ws["B7"] = dt.date(2022, 1, 3)
    ws["C2"] = "tebal"
    ws["C2"].font = Font(bold=True)
    ws["D9"] = "=B2*2"
    ws.merge_cells("A10:C10")
    ws["A10"] = "gabungan"
    ws.row_dimensions[6].hidden = True
    wb.create_sheet("Kosong")
    wb.save(path)
    return path


def it_reads_the_same_grid_through_calamine_and_the_xml_parser(
    tmp_path: Path, dharmasraya: Renja, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in (_awkward(tmp_path / "aneh.xlsx"), write(dharmasraya, tmp_path / "renja.xlsx")):
        fast = _grids(path, calamine=True, monkeypatch=monkeypatch)
        slow = _grids(path, calamine=False, monkeypatch=monkeypatch)
        assert fast == slow


def it_makes_one_cell_of_each_distinct_text_or_figure_of_a_sheet(tmp_path: Path) -> None:
    """Sheets repeat sumber dana, lokasi, targets and figures: each distinct one is one
    object, which keeps a 10,000-row grid small for memory and the garbage collector."""
    wb = Workbook()
    ws = wb.active
    for row in range(1, 4):
        ws.cell(row, 1, "DAU")
        ws.cell(row, 2, 1)
        ws.cell(row, 3, True)  # True == 1: still its own boolean cell
    wb.save(tmp_path / "ulang.xlsx")
    grid = next(source.iter_grids(tmp_path / "ulang.xlsx"))
    for column in (1, 2):
        assert grid.cell(1, column) is grid.cell(2, column) is grid.cell(3, column)
    assert [grid.cell(1, c)[:2] for c in (1, 2, 3)] == [("DAU", "s"), (1, "n"), (True, "b")]


def _with_shared_formulas(path: Path) -> Path:
    """A sheet as Excel saves a filled-down formula: one master, the rest shared."""
    wb = Workbook()
    ws = wb.active
    for row in range(1, 5):
        ws.cell(row, 1, row * 1_000)
        ws.cell(row, 2, f"=A{row}*2")
    ws["C1"] = "=SUBTOTAL(9,B1:B4)"
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].replace(b"<f>A1*2</f>", b'<f t="shared" ref="B1:B4" si="0">A1*2</f>')
    for row in range(2, 5):
        xml = xml.replace(f"<f>A{row}*2</f>".encode(), b'<f t="shared" si="0"/>')
    parts[sheet] = xml
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def it_reads_shared_formulas_as_each_cell_s_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _with_shared_formulas(tmp_path / "berbagi.xlsx")
    fast = _grids(path, calamine=True, monkeypatch=monkeypatch)
    assert fast == _grids(path, calamine=False, monkeypatch=monkeypatch)
    grid = next(source.iter_grids(path))
    assert [grid.cell(row, 2).value for row in range(1, 5)] == [
        "=A1*2", "=A2*2", "=A3*2", "=A4*2"]


def _rewritten(path: Path, rewrite: Callable[[bytes], bytes]) -> Path:
    """The workbook with its first sheet's XML rewritten, the rest as it was."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = rewrite(parts[sheet])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _prefixed(xml: bytes) -> bytes:
    """Every element named with a prefix for the spreadsheet namespace (`<x:c r="A1">`)."""
    xml = re.sub(rb"<(/?)(?![?!])([A-Za-z]+)", rb"<\1x:\2", xml)
    return xml.replace(b' xmlns="', b' xmlns:x="', 1)


def _style_first(xml: bytes) -> bytes:
    """Cells with their style before their reference (`<c s="1" r="C2">`), as XML allows."""
    return re.sub(rb'<c r="([A-Z]+\d+)" s="(\d+)"', rb'<c s="\2" r="\1"', xml)


@pytest.mark.parametrize("rewrite", [_prefixed, _style_first])
def it_reads_cells_in_any_form_xml_allows_as_the_xml_parser_does(
    rewrite: Callable[[bytes], bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _rewritten(_awkward(tmp_path / "aneh.xlsx"), rewrite)
    fast = _grids(path, calamine=True, monkeypatch=monkeypatch)
    assert fast == _grids(path, calamine=False, monkeypatch=monkeypatch)
    grid = next(source.iter_grids(path))
    assert grid.cell(5, 2).value == "=SUBTOTAL(9,B2:B3)" and grid.is_bold(2, 3)


def it_keeps_formulas_errors_and_bold(tmp_path: Path) -> None:
    grid = next(source.iter_grids(_awkward(tmp_path / "aneh.xlsx")))
    assert grid.cell(5, 2).kind == "f" and grid.cell(5, 2).value == "=SUBTOTAL(9,B2:B3)"
    assert (grid.cell(4, 2).kind, grid.cell(4, 2).value) == ("e", "#REF!")
    assert grid.is_bold(2, 3) and not grid.is_bold(2, 2) and grid.is_bold(3, 3) is None
    assert grid.cell(1, 1).value == "A & B <c> \"kutip\""
    assert grid.hidden_rows == frozenset({6}) and grid.merged == [(10, 1, 10, 3)]


def it_refuses_a_sheet_beyond_the_row_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_ROWS", 5)
    with pytest.raises(WorkbookError, match="lebih dari 5 baris"):
        list(source.iter_grids(_awkward(tmp_path / "aneh.xlsx")))
