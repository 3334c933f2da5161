"""A template workbook read once into plain data the writer renders from.

The shipped templates (or an office's restyled copy) are small: openpyxl reads
one in a few milliseconds, and the result is cached per file and modification
time, so a template edited in Excel is picked up on the next write. Nothing of
openpyxl is kept: cells, merges, sizes and print setup become frozen records,
cell styles become `Style` keys (see `renja_xl.workbook.styles`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.errors import WorkbookError
from renja_xl.workbook.layout import STYLE_ROWS, STYLE_SHEET, Layout
from renja_xl.workbook.styles import Style, cell_style, theme_colors

__all__ = ["PageSetup", "Template", "TemplateCell", "read_template"]

CellValue = str | int | float | bool | datetime | date | time | None
_ROWS = re.compile(r"\$?(\d+):\$?(\d+)")
_COLUMNS = re.compile(r"\$?([A-Za-z]+):\$?([A-Za-z]+)")


@dataclass(frozen=True)
class TemplateCell:
    """One cell of the template's table sheet (0-based row and column)."""

    row: int
    col: int
    value: CellValue
    style: Style | None


@dataclass(frozen=True)
class PageSetup:
    """How the template's table sheet prints and shows."""

    landscape: bool = False
    paper: int | None = None
    fit_width: int | None = None
    fit_height: int | None = None
    scale: int | None = None
    margins: tuple[float, float, float, float] | None = None
    """Left, right, top, bottom, in inches."""
    header_margin: float | None = None
    footer_margin: float | None = None
    header: str = ""
    footer: str = ""
    center_horizontally: bool = False
    center_vertically: bool = False
    print_gridlines: bool = False
    show_gridlines: bool = True
    zoom: int | None = None
    tab_color: str | None = None


@dataclass(frozen=True)
class Template:
    """Everything the writer takes from one template file."""

    sheet_name: str
    cells: tuple[TemplateCell, ...]
    merges: tuple[tuple[int, int, int, int], ...]
    """(first row, first col, last row, last col), 0-based."""
    column_widths: tuple[tuple[int, int, float | None, bool], ...]
    """(first col, last col, width as stored in the file, hidden), 0-based."""
    row_heights: tuple[tuple[int, float | None, bool], ...]
    """(row, height in points, hidden), 0-based."""
    freeze: str | None
    repeat_rows: tuple[int, int] | None
    repeat_columns: tuple[int, int] | None
    page: PageSetup
    prototypes: dict[str, tuple[Style | None, ...]]
    """Style of each data column for every row of the "_gaya" sheet (level or signature)."""
    creator: str | None


def read_template(path: str | Path, layout: Layout) -> Template:
    """The template at `path`, read once per version of the file."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise WorkbookError("templat tidak ditemukan", file=path) from exc
    return _read(str(path), stat.st_mtime_ns, stat.st_size, layout)


@lru_cache(maxsize=8)
def _read(path: str, _mtime: int, _size: int, layout: Layout) -> Template:
    wb = load_workbook(path)
    missing = [name for name in (layout.sheet_name, STYLE_SHEET) if name not in wb.sheetnames]
    if missing:
        raise WorkbookError(f"templat tidak memuat sheet {', '.join(missing)}", file=Path(path))
    theme = theme_colors(wb.loaded_theme)
    ws = wb[layout.sheet_name]
    return Template(
        sheet_name=layout.sheet_name,
        cells=_cells(ws, theme),
        merges=tuple(
            (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
            for m in ws.merged_cells.ranges
        ),
        column_widths=_column_widths(ws),
        row_heights=tuple(
            (row - 1, dim.height, bool(dim.hidden))
            for row, dim in sorted(ws.row_dimensions.items())
            if dim.height is not None or dim.hidden
        ),
        freeze=ws.freeze_panes,
        repeat_rows=_span(_ROWS, ws.print_title_rows, int),
        repeat_columns=_span(_COLUMNS, ws.print_title_cols, column_index_from_string),
        page=_page_setup(ws),
        prototypes=_prototypes(wb[STYLE_SHEET], len(layout.columns), theme),
        creator=wb.properties.creator,
    )


def _cells(ws: Worksheet, theme: tuple[str, ...]) -> tuple[TemplateCell, ...]:
    cells = []
    for row in ws.iter_rows():
        for cell in row:
            style = cell_style(cell, theme)
            if cell.value is not None or style is not None:
                cells.append(TemplateCell(cell.row - 1, cell.column - 1, cell.value, style))
    return tuple(cells)


def _column_widths(ws: Worksheet) -> tuple[tuple[int, int, float | None, bool], ...]:
    widths = []
    for dim in ws.column_dimensions.values():
        if dim.min is None or (not dim.customWidth and not dim.hidden):
            continue
        width = dim.width if dim.customWidth else None
        widths.append((dim.min - 1, (dim.max or dim.min) - 1, width, bool(dim.hidden)))
    return tuple(sorted(widths))


def _span(pattern: re.Pattern[str], text: str | None, convert) -> tuple[int, int] | None:
    """0-based first and last of a print-title range like "$7:$9" or "$A:$B"."""
    match = pattern.fullmatch(text or "")
    return (convert(match[1]) - 1, convert(match[2]) - 1) if match else None


def _page_setup(ws: Worksheet) -> PageSetup:
    setup, margins, options = ws.page_setup, ws.page_margins, ws.print_options
    fit = bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    view = ws.sheet_view
    tab = ws.sheet_properties.tabColor
    return PageSetup(
        landscape=setup.orientation == "landscape",
        paper=int(setup.paperSize) if setup.paperSize else None,
        fit_width=_int(setup.fitToWidth, 1) if fit else None,
        fit_height=_int(setup.fitToHeight, 1) if fit else None,
        scale=_int(setup.scale, 100) if setup.scale else None,
        margins=(margins.left, margins.right, margins.top, margins.bottom),
        header_margin=margins.header,
        footer_margin=margins.footer,
        header=str(ws.oddHeader) if ws.oddHeader else "",
        footer=str(ws.oddFooter) if ws.oddFooter else "",
        center_horizontally=bool(options.horizontalCentered),
        center_vertically=bool(options.verticalCentered),
        print_gridlines=bool(options.gridLines),
        show_gridlines=view.showGridLines is not False,
        zoom=int(view.zoomScale) if view.zoomScale else None,
        tab_color=f"#{tab.rgb[-6:]}" if tab is not None and isinstance(tab.rgb, str) else None,
    )


def _int(value: object, default: int) -> int:
    return default if value is None else int(value)


def _prototypes(
    ws: Worksheet, width: int, theme: tuple[str, ...]
) -> dict[str, tuple[Style | None, ...]]:
    return {
        name: tuple(cell_style(ws.cell(row, col), theme) for col in range(1, width + 1))
        for row, name in enumerate(STYLE_ROWS, start=1)
    }
