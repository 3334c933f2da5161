"""Template styles carried into the written workbook: a restyled template restyles the output."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Color, Font, PatternFill, Side
from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
from xlsxwriter import Workbook as XlsxWorkbook

from renja_xl.model import Renja, TabelKind
from renja_xl.workbook.layout import STYLE_ROWS, STYLE_SHEET
from renja_xl.workbook.styles import OFFICE_THEME, FormatCache, cell_style, theme_colors
from renja_xl.workbook.writer import template_path, write

# The templates carry the Office 2007 theme; Excel's palette names this tint of its accent 2
# (C0504D) "Red, Accent 2, Lighter 40%".
ACCENT2_LIGHTER_40 = (0xD9, 0x96, 0x94)


def _restyled(folder: Path) -> Path:
    """The shipped Tabel 3.1 template as an office might restyle it in Excel."""
    wb = load_workbook(template_path(TabelKind.TABEL_31))
    program = STYLE_ROWS.index("program") + 1
    for cell in wb[STYLE_SHEET][program]:
        cell.fill = PatternFill("solid", fgColor="FFC000")
        cell.font = Font(name="Times New Roman", size=12, italic=True, color="C00000")
        cell.border = Border(bottom=Side(style="double", color="0070C0"))
        cell.alignment = Alignment(horizontal="left", vertical="center", indent=3)
    ws = wb["Tabel 3.1"]
    ws["A7"].fill = PatternFill("solid", fgColor=Color(theme=5, tint=0.3999755859375))
    ws["A1"].font = Font(name="Georgia", size=16, bold=True, underline="single")
    ws.column_dimensions["B"].width = 60
    path = folder / "Tabel31_kantor.xlsx"
    wb.save(path)
    return path


def _channels(rgb: str) -> tuple[int, ...]:
    return tuple(int(rgb[-6:][i : i + 2], 16) for i in (0, 2, 4))


@pytest.fixture
def restyled_output(dharmasraya: Renja, workbook_dir: Path) -> OpenpyxlWorkbook:
    dharmasraya.tabel41 = None
    template = _restyled(workbook_dir)
    path = write(dharmasraya, workbook_dir / "renja.xlsx", templates={"3.1": template})
    return load_workbook(path)


def it_gives_every_program_row_the_fill_font_and_border_of_the_restyled_template(
    restyled_output: OpenpyxlWorkbook,
) -> None:
    ws = restyled_output["Tabel 3.1"]
    program, sub = ws["B11"], ws["B13"]
    assert program.value == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
    assert program.fill.patternType == "solid" and program.fill.fgColor.rgb == "FFFFC000"
    assert (program.font.name, program.font.sz, program.font.i) == ("Times New Roman", 12, True)
    assert program.font.color.rgb == "FFC00000"
    assert program.border.bottom.style == "double"
    assert program.border.bottom.color.rgb == "FF0070C0"
    assert program.border.top.style is None
    assert (program.alignment.horizontal, program.alignment.vertical) == ("left", "center")
    assert program.alignment.indent == 3
    assert ws["F11"].fill.fgColor.rgb == "FFFFC000"
    assert ws["F11"].value == "=SUBTOTAL(9,F12:F33)"
    assert sub.fill.fgColor.rgb != "FFFFC000" and sub.font.name == "Arial"


def it_keeps_the_restyled_title_header_and_column_widths(
    restyled_output: OpenpyxlWorkbook,
) -> None:
    ws = restyled_output["Tabel 3.1"]
    title = ws["A1"]
    assert title.value == "TABEL 3.1"
    assert (title.font.name, title.font.sz, title.font.b, title.font.u) == (
        "Georgia", 16, True, "single",
    )
    header = _channels(ws["A7"].fill.fgColor.rgb)
    assert all(abs(a - b) <= 2 for a, b in zip(header, ACCENT2_LIGHTER_40, strict=True))
    assert ws.column_dimensions["B"].width == 60


def it_leaves_no_style_sheet_in_the_output(restyled_output: OpenpyxlWorkbook) -> None:
    assert restyled_output.sheetnames == ["Tabel 3.1"]


def it_resolves_theme_colours_with_the_workbooks_own_theme() -> None:
    theme = theme_colors(load_workbook(template_path(TabelKind.TABEL_31)).loaded_theme)
    assert theme[:6] == ("FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D")
    assert theme_colors(None) == OFFICE_THEME
    assert theme_colors(b"<not a theme") == OFFICE_THEME


def it_turns_an_openpyxl_cell_into_xlsxwriter_format_properties() -> None:
    ws = Workbook().active
    cell = ws["A1"]
    cell.font = Font(name="Arial", size=10, bold=True, underline="double", vertAlign="superscript")
    cell.fill = PatternFill("lightGrid", fgColor="FF0000", bgColor="00FF00")
    cell.border = Border(left=Side(style="thin"), right=Side(style="mediumDashed", color="123456"))
    cell.alignment = Alignment(horizontal="centerContinuous", vertical="top", wrap_text=True,
                               text_rotation=135)
    cell.number_format = '#,##0;-#,##0;"-"'
    style = dict(cell_style(cell) or ())
    assert style == {
        "font_name": "Arial", "font_size": 10, "bold": True, "underline": 2, "font_script": 1,
        "pattern": 15, "fg_color": "#FF0000", "bg_color": "#00FF00",
        "left": 1, "right": 8, "right_color": "#123456",
        "align": "center_across", "valign": "top", "text_wrap": True, "rotation": -45,
        "num_format": '#,##0;-#,##0;"-"',
    }
    assert cell_style(ws["B2"]) is None


def it_makes_one_format_per_distinct_style(tmp_path: Path) -> None:
    ws = Workbook().active
    ws["A1"].font = ws["A2"].font = Font(bold=True)
    ws["A3"].font = Font(italic=True)
    book = XlsxWorkbook(str(tmp_path / "gaya.xlsx"))
    formats = FormatCache(book)
    first, second, third = (formats.get(cell_style(ws[c])) for c in ("A1", "A2", "A3"))
    assert first is second and first is not third
    assert formats.get(None) is None
    book.close()
