"""The package parts the reader takes straight from the zip: worksheets and bold styles."""

import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from renja_xl.workbook.package import SheetPart, bold_styles, worksheets


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 3.1"
    ws["A1"], ws["A2"], ws["A3"] = "tebal", "biasa", 3
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=False, italic=True)
    chart = wb.create_chartsheet("Grafik")
    bar = BarChart()
    bar.add_data(Reference(ws, min_col=1, min_row=3, max_row=3))
    chart.add_chart(bar)
    wb.create_sheet("Tabel 4.1")
    wb.save(path)
    return path


def _style_ids(path: Path) -> dict[str, int]:
    """Cell → its s= attribute, as written in the first sheet's XML."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    return {ref: int(xml.split(f'r="{ref}"', 1)[1].split('s="', 1)[1].split('"', 1)[0])
            for ref in ("A1", "A2")}


def it_lists_the_worksheets_in_order_without_chart_sheets(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "renja.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = worksheets(archive)
    assert [s.name for s in sheets] == ["Tabel 3.1", "Tabel 4.1"]
    assert all(isinstance(s, SheetPart) and s.part.startswith("xl/worksheets/") for s in sheets)


def it_tells_which_cell_styles_are_bold(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "renja.xlsx")
    ids = _style_ids(path)
    with zipfile.ZipFile(path) as archive:
        bold = bold_styles(archive)
    assert bold[ids["A1"]] is True
    assert bold[ids["A2"]] is False
    assert bold[0] is False
