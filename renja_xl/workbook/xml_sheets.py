"""The parses for what calamine cannot read: openpyxl's read-only workbook and sheet XML.

Used when python-calamine is missing (xlwings Lite, Pyodide) or refuses a file,
and for a sheet whose XML is not in the plain form `renja_xl.workbook.calamine`
expects: the C element-tree parser streams the sheet building only the cells
kept, and openpyxl's own parser takes over for cells written without their
coordinates. openpyxl also says what is wrong with a workbook it cannot open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from renja_xl.errors import WorkbookError
from renja_xl.formula.a1 import column_index
from renja_xl.workbook.grid import Grid, GridCell
from renja_xl.workbook.source import sheet_error

__all__ = ["OnDemand", "open_workbook", "sheet_grids"]

CheckRow = Callable[[int], None]
"""Raises when a row number is beyond what a sheet may hold."""


def open_workbook(path: Path):
    """openpyxl's read-only workbook, with formulas as text."""
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on corrupt packages
        raise WorkbookError(f"workbook tidak dapat dibuka ({type(exc).__name__}: {exc})",
                            file=path) from exc


def sheet_grids(path: Path, check_row: Callable[[str], CheckRow]) -> Iterator[Grid]:
    """Each worksheet as a grid, through openpyxl; `check_row(title)` checks that sheet's rows."""
    wb = open_workbook(path)
    try:
        bold = _bold_lookup(wb)
        for ws in wb.worksheets:
            if isinstance(ws, ReadOnlyWorksheet):
                try:
                    yield sheet_grid(ws, bold, check_row(ws.title))
                except WorkbookError:
                    raise
                except Exception as exc:
                    raise sheet_error(path, ws.title, exc) from exc
    finally:
        wb.close()


class OnDemand:
    """openpyxl's workbook on a file, opened when the first sheet needs it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = None
        self.bold: dict[int, bool] = {}

    def grid(self, title: str, check_row: CheckRow) -> Grid:
        """One worksheet's grid by its name (errors are the caller's to name)."""
        if self.wb is None:
            self.wb = open_workbook(self.path)
            self.bold = _bold_lookup(self.wb)
        return sheet_grid(self.wb[title], self.bold, check_row)

    def close(self) -> None:
        if self.wb is not None:
            self.wb.close()


def sheet_grid(ws: ReadOnlyWorksheet, bold: dict[int, bool], check_row: CheckRow) -> Grid:
    """The C element-tree parse, or openpyxl's own for cells without coordinates."""
    try:
        return _fast_parse(ws, bold, check_row)
    except _NoCoordinates:
        return _parse_rows(ws, bold, check_row)


def _bold_lookup(wb) -> dict[int, bool]:
    """style id → whether its font is bold."""
    out: dict[int, bool] = {}
    for style_id, style in enumerate(wb._cell_styles):
        font = wb._fonts[style.fontId] if style.fontId < len(wb._fonts) else None
        out[style_id] = bool(font is not None and font.b)
    return out


def _parse_rows(ws: ReadOnlyWorksheet, bold: dict[int, bool], check_row: CheckRow) -> Grid:
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
            check_row(index)
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


def _fast_parse(ws: ReadOnlyWorksheet, bold: dict[int, bool], check_row: CheckRow) -> Grid:
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
                check_row(row)
                style = int(el.get("s") or 0)
                if kind == "n" and style in dates:
                    value, kind = _as_date(value, ws.parent.epoch), "d"
                grid.rows.setdefault(row, {})[column_index(match.group(1))] = GridCell(
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


def _merged(parser: WorkSheetParser) -> list[tuple[int, int, int, int]]:
    if not parser.merged_cells:
        return []
    out = []
    for merge in parser.merged_cells.mergeCell:
        min_col, min_row, max_col, max_row = range_boundaries(merge.ref)
        out.append((min_row, min_col, max_row, max_col))
    return out
