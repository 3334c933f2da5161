"""Write a Renja into a copy of the shipped templates.

Every parent (program, kegiatan) and the JUMLAH row is a live formula for both
years: `SUBTOTAL(9, …)` over the parent's whole block, which skips the nested
subtotals, so the sums stay right whatever the nesting. Sub kegiatan carry
their figures as numbers; Kode and targets are written as text.
"""

from __future__ import annotations

from copy import copy
from importlib import resources
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.hierarchy import Node, build_tree, iter_nodes
from renja_xl.model import Baris, Level, Renja, Tabel, TabelKind
from renja_xl.workbook.layout import (
    STYLE_ROWS,
    STYLE_SHEET,
    ColumnKind,
    Layout,
    layout_for,
)

__all__ = ["Paper", "build_workbook", "template_path", "write"]

Paper = str  # "A4" or "F4"
_PAPER_SIZES = {"A4": 9, "F4": 14}  # F4 (215 × 330 mm) is Excel's "Folio"
_HEADER_SCAN_ROWS = 12


def template_path(kind: TabelKind | str) -> Path:
    """Path of the shipped template for Tabel 3.1 or 4.1."""
    name = layout_for(kind).template_name
    return Path(str(resources.files("renja_xl").joinpath("templates", name)))


def _placeholders(renja: Renja) -> dict[str, str]:
    return {
        "tahun": str(renja.tahun),
        "tahun_maju": str(renja.tahun_maju),
        "pemda": renja.pemda,
        "pemda_upper": renja.pemda.upper(),
        "opd": renja.opd,
        "opd_singkat": renja.opd_singkat or renja.opd,
        "opd_singkat_upper": (renja.opd_singkat or renja.opd).upper(),
    }


def _fill_placeholders(ws: Worksheet, values: dict[str, str], last_row: int) -> None:
    for row in ws.iter_rows(min_row=1, max_row=last_row):
        for cell in row:
            if isinstance(cell.value, str) and "{" in cell.value:
                cell.value = cell.value.format_map(values)


def _copy_style(src: Cell, dst: Cell) -> None:
    """Copy a cell's look, across workbooks if need be."""
    if src.parent.parent is dst.parent.parent:
        dst._style = copy(src._style)
        return
    dst.font = copy(src.font)
    dst.fill = copy(src.fill)
    dst.border = copy(src.border)
    dst.alignment = copy(src.alignment)
    dst.number_format = src.number_format
    dst.protection = copy(src.protection)


def _copy_sheet(src: Worksheet, wb: Workbook, title: str) -> Worksheet:
    """Copy a template sheet (cells, styles, merges, sizes, print setup) into wb."""
    dst = wb.create_sheet(title)
    for row in src.iter_rows():
        for cell in row:
            target = dst.cell(cell.row, cell.column, cell.value)
            if cell.has_style:
                _copy_style(cell, target)
    for merged in src.merged_cells.ranges:
        dst.merge_cells(str(merged))
    for key, dim in src.column_dimensions.items():
        dst.column_dimensions[key].width = dim.width
    for key, dim in src.row_dimensions.items():
        dst.row_dimensions[key].height = dim.height
    dst.sheet_state = src.sheet_state
    dst.freeze_panes = src.freeze_panes
    dst.print_title_rows = src.print_title_rows
    dst.page_setup = copy(src.page_setup)
    dst.sheet_properties.pageSetUpPr = copy(src.sheet_properties.pageSetUpPr)
    dst.print_options = copy(src.print_options)
    dst.page_margins = copy(src.page_margins)
    dst.oddFooter.right.text = src.oddFooter.right.text
    return dst


class _Prototypes:
    """The style of each level's cells, taken from the template's "_gaya" sheet."""

    def __init__(self, styles: Worksheet, layout: Layout) -> None:
        width = len(layout.columns)
        self.rows = {
            name: [styles.cell(i, col)._style for col in range(1, width + 1)]
            for i, name in enumerate(STYLE_ROWS, start=1)
        }

    def apply(self, cell: Cell, name: str, col: int) -> None:
        cell._style = copy(self.rows[name][col - 1])


def _sheet_pair(wb: Workbook, template: Workbook, layout: Layout) -> tuple[Worksheet, Worksheet]:
    """The table sheet and its style sheet inside wb (copied in if from another book)."""
    if template is wb:
        return wb[layout.sheet_name], wb[STYLE_SHEET]
    sheet = _copy_sheet(template[layout.sheet_name], wb, layout.sheet_name)
    styles = _copy_sheet(template[STYLE_SHEET], wb, f"{STYLE_SHEET}_{layout.kind.value}")
    return sheet, styles


def _formula(column: str, first: int, last: int) -> str:
    return f"=SUBTOTAL(9,{column}{first}:{column}{last})"


def _value_cells(layout: Layout, row: Baris) -> list[object]:
    values: list[object] = []
    for column in layout.columns:
        value = getattr(row, column.field)
        if column.kind is ColumnKind.TARGET:
            value = value.teks or None
        elif column.kind is not ColumnKind.RUPIAH:
            value = value or None
        values.append(value)
    return values


def _write_rows(ws: Worksheet, tabel: Tabel, layout: Layout, protos: _Prototypes) -> int:
    """Write the data rows; returns the last row written."""
    start = layout.first_data_row
    pagu_cols = [i + 1 for i, c in enumerate(layout.columns) if c.kind is ColumnKind.RUPIAH]
    nodes = {node.index: node for node in iter_nodes(build_tree(tabel))}
    for index, row in enumerate(tabel.baris):
        excel_row = start + index
        for col, value in enumerate(_value_cells(layout, row), start=1):
            cell = ws.cell(excel_row, col, value)
            protos.apply(cell, row.level.value, col)
        _write_formulas(ws, nodes[index], excel_row, start, len(tabel.baris), pagu_cols)
    return start + len(tabel.baris) - 1


def _write_formulas(
    ws: Worksheet, node: Node, excel_row: int, start: int, count: int, pagu_cols: list[int]
) -> None:
    if node.level is Level.JUMLAH:
        first, last = start, excel_row - 1
    elif node.baris.is_parent and node.children:
        first, last = excel_row + 1, start + node.last_index
    else:
        return
    if last < first:
        return
    for col in pagu_cols:
        ws.cell(excel_row, col).value = _formula(get_column_letter(col), first, last)


def _write_signature(ws: Worksheet, renja: Renja, layout: Layout, after: int, protos) -> int:
    col = layout.signature_column + 1
    ttd = renja.penandatangan
    place = ", ".join(p for p in (renja.tempat, renja.tanggal) if p)
    lines: list[tuple[str, str]] = [
        ("ttd", place),
        ("ttd", f"{ttd.jabatan.upper()}," if ttd.jabatan else ""),
        ("ttd", ""),
        ("ttd", ""),
        ("ttd", ""),
        ("ttd_nama", ttd.nama),
        ("ttd", ttd.pangkat),
        ("ttd", f"NIP. {ttd.nip}" if ttd.nip else ""),
    ]
    last_col = len(layout.columns)
    row = after + 2
    for style, text in lines:
        cell = ws.cell(row, col, text or None)
        protos.apply(cell, style, col)
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=last_col)
        row += 1
    return row - 1


def _write_table(
    wb: Workbook, template: Workbook, renja: Renja, tabel: Tabel, paper: Paper
) -> Worksheet:
    layout = layout_for(tabel.kind)
    ws, styles = _sheet_pair(wb, template, layout)
    protos = _Prototypes(styles, layout)
    _fill_placeholders(ws, _placeholders(renja), _HEADER_SCAN_ROWS)
    last = _write_rows(ws, tabel, layout, protos)
    end = _write_signature(ws, renja, layout, last, protos)
    ws.print_area = f"A1:{get_column_letter(len(layout.columns))}{end}"
    ws.page_setup.paperSize = _PAPER_SIZES[paper]
    tabel.columns = {field: layout.column_index(field) for field in layout.fields}
    return ws


def build_workbook(renja: Renja, *, paper: Paper = "A4") -> Workbook:
    """A workbook holding every table of the Renja, one sheet each."""
    if not renja.tabel:
        raise ValueError("Renja tidak memiliki Tabel 3.1 maupun Tabel 4.1")
    if paper not in _PAPER_SIZES:
        raise ValueError(f"ukuran kertas tidak dikenal: {paper} (pilih A4 atau F4)")
    first = renja.tabel[0]
    wb = load_workbook(template_path(first.kind))
    for tabel in renja.tabel:
        template = wb if tabel is first else load_workbook(template_path(tabel.kind))
        _write_table(wb, template, renja, tabel, paper)
    for name in [n for n in wb.sheetnames if n.startswith(STYLE_SHEET)]:
        del wb[name]
    wb.active = 0
    wb.properties.title = f"Renja {renja.opd_singkat or renja.opd} {renja.tahun}".strip()
    wb.properties.subject = renja.opd  # the agency's full name, which the sheet does not print
    return wb


def write(renja: Renja, path: str | Path, *, paper: Paper = "A4") -> Path:
    """Write the Renja as a new workbook file (atomically; an existing file is kept as backup)."""
    from renja_xl.workbook.saving import save_workbook

    path = Path(path)
    save_workbook(build_workbook(renja, paper=paper), path)
    return path
