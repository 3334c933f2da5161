"""Write a Renja as an .xlsx that follows the shipped templates.

Every parent (program, kegiatan) and the JUMLAH row is a live formula for both
years: `SUBTOTAL(9, …)` over the parent's whole block, which skips the nested
subtotals, so the sums stay right whatever the nesting. Sub kegiatan carry
their figures as numbers; Kode and targets are written as text.

The file is rendered by xlsxwriter, several times faster than an openpyxl save,
from what `renja_xl.workbook.template` reads out of the template files: title
and header cells, merges, sizes, print setup and the style of each level's
cells ("_gaya" sheet). A template restyled in Excel restyles the output.
Formulas carry no cached result: Excel and LibreOffice compute them on opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from importlib import resources
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from xlsxwriter import Workbook as XlsxWorkbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from renja_xl.hierarchy import build_tree, iter_nodes
from renja_xl.model import Level, Renja, Tabel, TabelKind
from renja_xl.workbook.layout import ColumnKind, Layout, layout_for
from renja_xl.workbook.styles import FormatCache
from renja_xl.workbook.template import PageSetup, Template, read_template

__all__ = ["Paper", "build_workbook", "render", "template_path", "write"]

Paper = str  # "A4" or "F4"
_PAPER_SIZES = {"A4": 9, "F4": 14}  # F4 (215 × 330 mm) is Excel's "Folio"
_PIXELS_PER_CHARACTER = 7  # Calibri 11's digit width: how xlsxwriter stores column widths

Templates = Mapping[TabelKind | str, str | Path]
"""Template file per table kind, for an office that keeps its own restyled copies."""


def template_path(kind: TabelKind | str) -> Path:
    """Path of the shipped template for Tabel 3.1 or 4.1."""
    name = layout_for(kind).template_name
    return Path(str(resources.files("renja_xl").joinpath("templates", name)))


def render(renja: Renja, *, paper: Paper = "A4", templates: Templates | None = None) -> bytes:
    """The .xlsx file of the Renja, every table one sheet, as bytes."""
    if not renja.tabel:
        raise ValueError("Renja tidak memiliki Tabel 3.1 maupun Tabel 4.1")
    if paper not in _PAPER_SIZES:
        raise ValueError(f"ukuran kertas tidak dikenal: {paper} (pilih A4 atau F4)")
    output = BytesIO()
    book = XlsxWorkbook(output, {"in_memory": True})
    formats = FormatCache(book)
    creator = None
    for tabel in renja.tabel:
        layout = layout_for(tabel.kind)
        template = read_template(_template_file(tabel.kind, templates), layout)
        creator = creator or template.creator
        _write_table(book.add_worksheet(layout.sheet_name), formats, template, renja, tabel, paper)
    book.set_properties(
        {
            "title": f"Renja {renja.opd_singkat or renja.opd} {renja.tahun}".strip(),
            "subject": renja.opd,  # the agency's full name, which the sheet does not print
            "author": creator or "renja_xl",
        }
    )
    book.close()
    return output.getvalue()


def build_workbook(
    renja: Renja, *, paper: Paper = "A4", templates: Templates | None = None
) -> Workbook:
    """The rendered Renja opened with openpyxl, for callers that edit it further."""
    return load_workbook(BytesIO(render(renja, paper=paper, templates=templates)))


def write(
    renja: Renja, path: str | Path, *, paper: Paper = "A4", templates: Templates | None = None
) -> Path:
    """Write the Renja as a new workbook file (atomically; an existing file is kept as backup)."""
    from renja_xl.workbook.saving import save_bytes

    path = Path(path)
    save_bytes(render(renja, paper=paper, templates=templates), path)
    return path


def _template_file(kind: TabelKind, templates: Templates | None) -> Path:
    chosen = templates.get(kind) if templates else None
    return Path(chosen) if chosen is not None else template_path(kind)


def _write_table(
    ws: Worksheet,
    formats: FormatCache,
    template: Template,
    renja: Renja,
    tabel: Tabel,
    paper: Paper,
) -> None:
    layout = layout_for(tabel.kind)
    _write_template(ws, formats, template, _placeholders(renja))
    last = _write_rows(ws, formats, template, tabel, layout)
    end = _write_signature(ws, formats, template, renja, layout, last)
    _sheet_setup(ws, template, paper)
    ws.print_area(0, 0, end, len(layout.columns) - 1)
    tabel.columns = {field: layout.column_index(field) for field in layout.fields}


# --- title and header, straight from the template -------------------------------------


class _Placeholders(dict[str, str]):
    """Placeholder values; an unknown "{name}" in a template stays as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _placeholders(renja: Renja) -> _Placeholders:
    return _Placeholders(
        tahun=str(renja.tahun),
        tahun_maju=str(renja.tahun_maju),
        pemda=renja.pemda,
        pemda_upper=renja.pemda.upper(),
        opd=renja.opd,
        opd_singkat=renja.opd_singkat or renja.opd,
        opd_singkat_upper=(renja.opd_singkat or renja.opd).upper(),
    )


def _filled(text: str, values: _Placeholders) -> str:
    if "{" not in text:
        return text
    try:
        return text.format_map(values)
    except (ValueError, IndexError):  # a lone brace typed by an office: keep the text
        return text


def _write_template(
    ws: Worksheet, formats: FormatCache, template: Template, values: _Placeholders
) -> None:
    for first_row, first_col, last_row, last_col in template.merges:
        if (first_row, first_col) != (last_row, last_col):
            ws.merge_range(first_row, first_col, last_row, last_col, "", None)
    for cell in template.cells:
        value = _filled(cell.value, values) if isinstance(cell.value, str) else cell.value
        _write_value(ws, cell.row, cell.col, value, formats.get(cell.style))


def _write_value(ws: Worksheet, row: int, col: int, value: object, fmt: Format | None) -> None:
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, datetime | date | time):
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, str) and value.startswith("=") and len(value) > 1:
        ws.write_formula(row, col, value, fmt, "")
    else:
        ws.write_string(row, col, str(value), fmt)


# --- data rows ------------------------------------------------------------------------


def _formula_spans(tabel: Tabel, start: int) -> list[tuple[int, int] | None]:
    """Per row, the 1-based rows its SUBTOTAL sums (parents and JUMLAH), else None."""
    spans: list[tuple[int, int] | None] = [None] * len(tabel.baris)
    for node in iter_nodes(build_tree(tabel)):
        excel_row = start + node.index
        if node.level is Level.JUMLAH:
            first, last = start, excel_row - 1
        elif node.baris.is_parent and node.children:
            first, last = excel_row + 1, start + node.last_index
        else:
            continue
        if last >= first:
            spans[node.index] = (first, last)
    return spans


def _write_rows(
    ws: Worksheet, formats: FormatCache, template: Template, tabel: Tabel, layout: Layout
) -> int:
    """Write the data rows; returns the 0-based last row written."""
    start = layout.first_data_row
    spans = _formula_spans(tabel, start)
    styles = {
        name: [formats.get(style) for style in row] for name, row in template.prototypes.items()
    }
    columns = [
        (col, column.field, column.kind, get_column_letter(col + 1))
        for col, column in enumerate(layout.columns)
    ]
    write_string, write_number = ws.write_string, ws.write_number
    write_blank, write_formula = ws.write_blank, ws.write_formula
    rupiah, target = ColumnKind.RUPIAH, ColumnKind.TARGET
    fits = [_chars_per_line(column.width) for column in layout.columns]
    for index, baris in enumerate(tabel.baris):
        row = start - 1 + index
        level = styles[baris.level.value]
        span = spans[index]
        lines = 1
        for col, field, kind, letter in columns:
            value = getattr(baris, field)
            fmt = level[col]
            if kind is rupiah:
                if span is not None:
                    write_formula(row, col, f"=SUBTOTAL(9,{letter}{span[0]}:{letter}{span[1]})",
                                  fmt, "")
                elif value is None:
                    write_blank(row, col, None, fmt)
                else:
                    write_number(row, col, value, fmt)
                continue
            text = value.teks if kind is target else value
            if text:
                write_string(row, col, text, fmt)
                if len(text) > fits[col]:
                    lines = max(lines, _wrapped_lines(text, fits[col]))
            else:
                write_blank(row, col, None, fmt)
        if lines > 1:  # Excel does not grow wrapped rows by itself in a generated file
            ws.set_row(row, _LINE_HEIGHT * lines + _ROW_PADDING)
    return start - 2 + len(tabel.baris)


_LINE_HEIGHT = 12.75  # points per line of 10-point Arial
_ROW_PADDING = 2.0


def _chars_per_line(width: float) -> int:
    """About how many characters of 10-point Arial fit a column of Excel width units."""
    return max(1, int(width * 1.1))


def _wrapped_lines(text: str, fit: int) -> int:
    """How many lines a text takes once wrapped at word boundaries.

    Same as textwrap for words shorter than a line; a longer word is counted on
    lines of its own, a little more than Excel needs (a row a bit too tall, never
    text cut off).
    """
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size <= fit:
            used += 1 + size
            continue
        if used:
            lines += 1
        extra, used = divmod(size, fit)
        if used == 0 and extra:  # a word filling whole lines exactly
            extra, used = extra - 1, fit
        lines += extra
    return lines


# --- signature block and page -----------------------------------------------------------


def _signature_lines(renja: Renja) -> list[tuple[str, str]]:
    ttd = renja.penandatangan
    place = ", ".join(p for p in (renja.tempat, renja.tanggal) if p)
    return [
        ("ttd", place),
        ("ttd", f"{ttd.jabatan.upper()}," if ttd.jabatan else ""),
        ("ttd", ""),
        ("ttd", ""),
        ("ttd", ""),
        ("ttd_nama", ttd.nama),
        ("ttd", ttd.pangkat),
        ("ttd", f"NIP. {ttd.nip}" if ttd.nip else ""),
    ]


def _write_signature(
    ws: Worksheet, formats: FormatCache, template: Template, renja: Renja, layout: Layout,
    after: int,
) -> int:
    """Write the signature block two rows below `after`; returns its 0-based last row."""
    col, last_col = layout.signature_column, len(layout.columns) - 1
    row = after + 2
    for style, text in _signature_lines(renja):
        if last_col > col:
            ws.merge_range(row, col, row, last_col, "", None)
        _write_value(ws, row, col, text, formats.get(template.prototypes[style][col]))
        row += 1
    return row - 1


def _sheet_setup(ws: Worksheet, template: Template, paper: Paper) -> None:
    for first, last, width, hidden in template.column_widths:
        pixels = None if width is None else round(width * _PIXELS_PER_CHARACTER)
        ws.set_column_pixels(first, last, pixels, None, {"hidden": hidden})
    for row, height, hidden in template.row_heights:
        ws.set_row(row, height, None, {"hidden": hidden})
    if template.freeze:
        ws.freeze_panes(template.freeze)
    if template.repeat_rows:
        ws.repeat_rows(*template.repeat_rows)
    if template.repeat_columns:
        ws.repeat_columns(*template.repeat_columns)
    _page_setup(ws, template.page)
    ws.set_paper(_PAPER_SIZES[paper])


class _Explicit(int):
    """A number xlsxwriter writes out even when it equals the file format's default.

    xlsxwriter leaves out fitToWidth="1" (1 is the default), which Excel reads
    right but openpyxl reads as "not set"; written out, every reader agrees.
    """

    def __ne__(self, other: object) -> bool:
        return True

    __hash__ = int.__hash__


def _page_setup(ws: Worksheet, page: PageSetup) -> None:
    if page.landscape:
        ws.set_landscape()
    if page.fit_width is not None:
        ws.fit_to_pages(_Explicit(page.fit_width), page.fit_height or 0)
    elif page.scale:
        ws.set_print_scale(page.scale)
    if page.margins is not None:
        ws.set_margins(*page.margins)
    if page.center_horizontally:
        ws.center_horizontally()
    if page.center_vertically:
        ws.center_vertically()
    if page.zoom:
        ws.set_zoom(page.zoom)
    if page.tab_color:
        ws.set_tab_color(page.tab_color)
    ws.set_header(page.header, {"margin": page.header_margin or 0.3})
    ws.set_footer(page.footer, {"margin": page.footer_margin or 0.3})
    ws.hide_gridlines(0 if page.print_gridlines else 1 if page.show_gridlines else 2)
