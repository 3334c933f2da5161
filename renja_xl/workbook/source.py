"""Open an .xlsx file safely and turn its sheets into grids.

This is the only place that parses workbook files for reading. It refuses, with
a one-line Indonesian message, what is not a workbook, a truncated or corrupt
file, an encrypted one, or one so large it could only be hostile. Cells are
streamed from openpyxl's read-only parser (formulas as text, never their cached
values) without building cell objects, which keeps reading close to the speed
of openpyxl's own read-only mode.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from renja_xl.errors import WorkbookError
from renja_xl.workbook.calamine import calamine_grid, open_calamine
from renja_xl.workbook.grid import Grid, GridCell

__all__ = ["MAX_ROWS", "MAX_UNCOMPRESSED", "check_archive", "iter_grids", "open_workbook"]

MAX_UNCOMPRESSED = 512 * 1024 * 1024
"""Largest total uncompressed size accepted (a zip bomb is refused before parsing)."""
MAX_RATIO = 200
MAX_ROWS = 100_000
"""Rows read from one sheet at most; a Renja table is far smaller."""


def check_archive(path: Path) -> None:
    """Refuse what is not a readable, reasonably sized .xlsx package."""
    if not path.exists():
        raise WorkbookError("berkas tidak ditemukan", file=path)
    if path.is_dir():
        raise WorkbookError("ini sebuah folder, bukan berkas Excel", file=path)
    if not zipfile.is_zipfile(path):
        raise WorkbookError(_not_xlsx_reason(path), file=path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"berkas rusak atau terpotong ({exc})", file=path) from exc
    if "xl/workbook.xml" not in names:
        raise WorkbookError("bukan workbook Excel .xlsx (isi paket tidak dikenal)", file=path)
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNCOMPRESSED or (total > 50 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise WorkbookError(
            f"berkas terlalu besar untuk sebuah Renja ({total // (1024 * 1024)} MB setelah "
            "dibuka); ditolak demi keamanan",
            file=path,
        )


def _not_xlsx_reason(path: Path) -> str:
    head = path.read_bytes()[:8] if path.stat().st_size else b""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "berkas Excel lama (.xls) atau terenkripsi/berpassword; simpan ulang sebagai "
            ".xlsx tanpa password"
        )
    if not head:
        return "berkas kosong (0 byte)"
    return "bukan berkas Excel .xlsx (atau berkas rusak/terpotong)"


def open_workbook(path: Path):
    """openpyxl's read-only workbook, with formulas as text."""
    check_archive(path)
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on corrupt packages
        raise WorkbookError(f"workbook tidak dapat dibuka ({type(exc).__name__}: {exc})",
                            file=path) from exc


def _bold_lookup(wb) -> dict[int, bool]:
    """style id → whether its font is bold."""
    out: dict[int, bool] = {}
    for style_id, style in enumerate(wb._cell_styles):
        font = wb._fonts[style.fontId] if style.fontId < len(wb._fonts) else None
        out[style_id] = bool(font is not None and font.b)
    return out


def _parse_rows(ws: ReadOnlyWorksheet, bold: dict[int, bool], path: Path) -> Grid:
    grid = Grid(ws.title)
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=False,
            epoch=ws.parent.epoch,
            date_formats=ws.parent._date_formats,
            timedelta_formats=ws.parent._timedelta_formats,
        )
        for index, cells in parser.parse():
            if index > MAX_ROWS:
                raise _too_many_rows(path, ws.title)
            row: dict[int, GridCell] = {}
            for cell in cells:
                value = cell["value"]
                if value is None or value == "":
                    continue
                row[cell["column"]] = GridCell(
                    value, cell["data_type"], bold.get(cell["style_id"], False)
                )
            if row:
                grid.rows[index] = row
        grid.merged = _merged(parser)
        grid.hidden_rows = frozenset(
            int(r) for r, dim in parser.row_dimensions.items() if dim.get("hidden") in ("1", "true")
        )
    return grid


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _F, _V, _IS = _NS + "c", _NS + "f", _NS + "v", _NS + "is"
_ROW, _MERGE = _NS + "row", _NS + "mergeCell"
_REF = re.compile(r"([A-Z]+)(\d+)")


class _NoCoordinates(Exception):
    """A cell without its "r" attribute: the fast parser hands over to openpyxl's."""


@cache
def _column(letters: str) -> int:
    return column_index_from_string(letters)


def _cell_value(el, shared: list[str], formulas: dict[str, tuple[str, str]], ref: str):
    """(value, kind) of one <c> element, formulas as "=..." text."""
    kind = el.get("t", "n")
    f = v_node = None
    for child in el:  # one pass over <f>, <v>, <is> instead of a find() for each
        tag = child.tag
        if tag == _V:
            v_node = child
        elif tag == _F:
            f = child
    if f is not None:
        text = f.text
        if f.get("t") == "shared":
            si = f.get("si", "")
            if text:
                formulas[si] = ("=" + text, ref)
            elif si in formulas:
                master, origin = formulas[si]
                return Translator(master, origin).translate_formula(ref), "f"
        if text:
            return "=" + text, "f"
    if kind == "inlineStr":
        node = el.find(_IS)
        return ("".join(node.itertext()) if node is not None else None), "s"
    v = v_node.text if v_node is not None else None
    if v is None:
        return None, "n"
    if kind == "s":
        return shared[int(v)], "s"
    if kind in ("str", "s"):
        return v, "s"
    if kind == "b":
        return v == "1", "b"
    if kind == "e":
        return v, "e"
    if kind == "d":
        return v, "d"
    return (float(v) if ("." in v or "E" in v or "e" in v) else int(v)), "n"


def _fast_parse(ws: ReadOnlyWorksheet, bold: dict[int, bool], path: Path) -> Grid:
    """Stream a sheet's XML with the C parser, building only the cells we keep."""
    grid = Grid(ws.title)
    shared = ws._shared_strings
    dates = ws.parent._date_formats
    formulas: dict[str, tuple[str, str]] = {}
    hidden: set[int] = set()
    with ws._get_source() as src:
        for _event, el in iterparse(src, events=("end",)):
            tag = el.tag
            if tag == _C:
                ref = el.get("r")
                if ref is None:
                    raise _NoCoordinates
                value, kind = _cell_value(el, shared, formulas, ref)
                if value is None or value == "":
                    continue
                match = _REF.match(ref)
                row = int(match.group(2))
                if row > MAX_ROWS:
                    raise _too_many_rows(path, ws.title)
                style = int(el.get("s") or 0)
                if kind == "n" and style in dates:
                    value, kind = _as_date(value, ws.parent.epoch), "d"
                grid.rows.setdefault(row, {})[_column(match.group(1))] = GridCell(
                    value, kind, bold.get(style, False)
                )
            elif tag == _ROW:
                if el.get("hidden") in ("1", "true"):
                    hidden.add(int(el.get("r", "0")))
                el.clear()
            elif tag == _MERGE:
                min_col, min_row, max_col, max_row = range_boundaries(el.get("ref"))
                grid.merged.append((min_row, min_col, max_row, max_col))
    grid.hidden_rows = frozenset(hidden)
    return grid


def _as_date(serial: float, epoch) -> object:
    """A date-formatted number as the date Excel shows (as openpyxl and calamine read it)."""
    try:
        value = from_excel(serial, epoch)
    except (OverflowError, ValueError):
        return serial
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _too_many_rows(path: Path, sheet: str) -> WorkbookError:
    return WorkbookError(
        f"sheet memiliki lebih dari {MAX_ROWS:,} baris".replace(",", ".")
        + "; terlalu besar untuk sebuah Tabel Renja",
        file=path,
        sheet=sheet,
    )


def _merged(parser: WorkSheetParser) -> list[tuple[int, int, int, int]]:
    if not parser.merged_cells:
        return []
    out = []
    for merge in parser.merged_cells.mergeCell:
        min_col, min_row, max_col, max_row = range_boundaries(merge.ref)
        out.append((min_row, min_col, max_row, max_col))
    return out


def _grid(ws: ReadOnlyWorksheet, book, bold: dict[int, bool], path: Path) -> Grid:
    """The fastest parse that applies: calamine, then the C XML parser, then openpyxl's."""
    def check_row(row: int) -> None:
        if row > MAX_ROWS:
            raise _too_many_rows(path, ws.title)

    if book is not None:
        with ws._get_source() as src:
            xml = src.read(MAX_UNCOMPRESSED + 1)
        grid = calamine_grid(book, ws.title, xml, bold, check_row)
        if grid is not None:
            return grid
    try:
        return _fast_parse(ws, bold, path)
    except _NoCoordinates:
        return _parse_rows(ws, bold, path)


def iter_grids(path: str | Path) -> Iterator[Grid]:
    """Each worksheet of an .xlsx file as a grid (chart sheets are skipped)."""
    path = Path(path)
    wb = open_workbook(path)
    book = open_calamine(str(path))
    try:
        bold = _bold_lookup(wb)
        for ws in wb.worksheets:
            if isinstance(ws, ReadOnlyWorksheet):
                try:
                    yield _grid(ws, book, bold, path)
                except WorkbookError:
                    raise
                except Exception as exc:
                    raise WorkbookError(
                        f"sheet tidak dapat dibaca ({type(exc).__name__}: {exc})",
                        file=path,
                        sheet=ws.title,
                    ) from exc
    finally:
        wb.close()

