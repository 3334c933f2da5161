"""Make the shipped templates `Tabel31.xlsx` and `Tabel41.xlsx` from the layouts.

The templates are committed; run `python -m renja_xl.workbook.template_maker`
after changing `layout.py`. A template holds the title lines and two-level
header with placeholders ("{tahun}", "{pemda_upper}", ...), the column-number
row, print setup, frozen panes, and a hidden sheet "_gaya" whose rows give the
style of each level's data cells and of the signature block. An office may
restyle its template in Excel; the writer follows whatever the template says.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.workbook.layout import (
    LAYOUTS,
    RUPIAH_FORMAT,
    STYLE_ROWS,
    STYLE_SHEET,
    TEXT_FORMAT,
    ColumnKind,
    Layout,
)

__all__ = ["make_template", "make_templates"]

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_NUMBER_FILL = PatternFill("solid", fgColor="EDEDED")
_LEVEL_FILLS = {
    "bidang": PatternFill("solid", fgColor="F2F2F2"),
    "program": PatternFill("solid", fgColor="DDEBF7"),
    "jumlah": PatternFill("solid", fgColor="FCE4D6"),
}
_BOLD_LEVELS = {"bidang", "program", "kegiatan", "jumlah"}
_INDENT = {"kegiatan": 1, "sub_kegiatan": 2}
FONT_NAME = "Arial"


def _title(ws: Worksheet, layout: Layout) -> None:
    last = get_column_letter(len(layout.columns))
    for i, line in enumerate(layout.title, start=1):
        ws.cell(i, 1, line).font = Font(name=FONT_NAME, bold=True, size=12)
        ws.cell(i, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(f"A{i}:{last}{i}")
    opd = ws.cell(len(layout.title) + 2, 1, "{opd_singkat}")
    opd.font = Font(name=FONT_NAME, bold=True, size=11)


def _header_cell(ws: Worksheet, row: int, col: int, text: str | None) -> None:
    cell = ws.cell(row, col, text)
    cell.font = Font(name=FONT_NAME, bold=True, size=10)
    cell.fill = _HEADER_FILL
    cell.border = _BORDER
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _header(ws: Worksheet, layout: Layout) -> None:
    top, sub = layout.header_row, layout.subheading_row
    for col, column in enumerate(layout.columns, start=1):
        if column.group is None:
            _header_cell(ws, top, col, column.heading)
            _header_cell(ws, sub, col, None)
            ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
        else:
            _header_cell(ws, top, col, None)
            _header_cell(ws, sub, col, column.heading)
    for g, group in enumerate(layout.groups):
        first, last = layout.group_span(g)
        ws.cell(top, first).value = group.heading
        ws.merge_cells(start_row=top, start_column=first, end_row=top, end_column=last)
    for col in range(1, len(layout.columns) + 1):
        cell = ws.cell(layout.number_row, col, col)
        cell.font = Font(name=FONT_NAME, italic=True, size=9)
        cell.fill = _NUMBER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center")
    ws.row_dimensions[top].height = 30
    ws.row_dimensions[sub].height = 45


def _page_setup(ws: Worksheet, layout: Layout) -> None:
    for col, column in enumerate(layout.columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.freeze_panes = ws.cell(layout.first_data_row, 3)
    ws.print_title_rows = f"{layout.header_row}:{layout.number_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.right.text = "Halaman &P dari &N"


def _style_cell(ws: Worksheet, row: int, col: int, name: str, kind: ColumnKind) -> None:
    cell = ws.cell(row, col, name)
    cell.font = Font(
        name=FONT_NAME,
        size=10,
        bold=name in _BOLD_LEVELS or name == "ttd_nama",
        underline="single" if name == "ttd_nama" else None,
    )
    if name.startswith("ttd"):
        cell.alignment = Alignment(horizontal="center")
        return
    cell.border = _BORDER
    if name in _LEVEL_FILLS:
        cell.fill = _LEVEL_FILLS[name]
    if kind is ColumnKind.RUPIAH:
        cell.number_format = RUPIAH_FORMAT
        cell.alignment = Alignment(horizontal="right", vertical="top")
    elif kind in (ColumnKind.KODE, ColumnKind.TARGET):
        cell.number_format = TEXT_FORMAT
        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    else:
        cell.number_format = TEXT_FORMAT
        cell.alignment = Alignment(vertical="top", wrap_text=True, indent=_INDENT.get(name, 0))


def _style_sheet(ws: Worksheet, layout: Layout) -> None:
    ws.sheet_state = "hidden"
    for row, name in enumerate(STYLE_ROWS, start=1):
        for col, column in enumerate(layout.columns, start=1):
            _style_cell(ws, row, col, name, column.kind)
    jumlah = ws.cell(STYLE_ROWS.index("jumlah") + 1, layout.column_index("uraian"))
    jumlah.alignment = Alignment(horizontal="center", vertical="top")


def make_template(layout: Layout) -> Workbook:
    """A template workbook for one layout."""
    wb = Workbook()
    ws = wb.active
    ws.title = layout.sheet_name
    _title(ws, layout)
    _header(ws, layout)
    _page_setup(ws, layout)
    _style_sheet(wb.create_sheet(STYLE_SHEET), layout)
    wb.properties.creator = "renja_xl"
    wb.properties.title = layout.sheet_name
    return wb


def make_templates(folder: Path) -> list[Path]:
    """Write both templates into a folder."""
    paths = []
    for layout in LAYOUTS.values():
        path = folder / layout.template_name
        make_template(layout).save(path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in make_templates(Path(__file__).resolve().parent.parent / "templates"):
        print(written)
