"""A sheet's grid from python-calamine (values) plus the sheet XML (formulas, bold, errors).

python-calamine reads values in Rust, several times faster than any Python XML
parse, but it gives formulas only as their cached results (none at all in files
written by openpyxl) and no fonts. So the few things it lacks are taken from
the sheet's XML with C-level regular expressions: the text of every formula,
the error cells, and the style of each cell (for bold). When calamine is not
installed (xlwings Lite, Pyodide) or the XML is not in the plain form these
expressions expect, `calamine_grid` returns None and the caller uses the
element-tree parser instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from renja_xl.formula.a1 import column_index, column_letter, parse_range
from renja_xl.workbook.grid import Grid, GridCell

__all__ = ["calamine_available", "calamine_grid", "open_calamine"]

_FORMULA = re.compile(rb"<f(\s[^>]*?)?(?:/>|>(.*?)</f>)", re.DOTALL)
_CELL_START = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_ERROR = re.compile(
    rb'<c\s+r="([A-Z]+)(\d+)"[^>]*?\st="e"[^>]*?(?<!/)>(?:(?!</c>).)*?<v>([^<]*)</v>', re.DOTALL
)
_NOT_PLAIN = re.compile(rb"<c(?:\s+(?!r=)|[\t\r\n]|\s\s)|<\w+:c[\s>]")
"""Cells not written as `<c r="A1" ...>` (the form the expressions below rely on)."""
_SI = re.compile(rb'\ssi="(\d+)"')
_ROW_HIDDEN = re.compile(rb"<row\s[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_MERGE = re.compile(rb'<mergeCell\s+ref="([^"]+)"')


def calamine_available() -> bool:
    """Whether python-calamine can be imported here."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


def open_calamine(path: str) -> Any | None:
    """A calamine workbook on the file, or None when calamine is missing or refuses it."""
    if not calamine_available():
        return None
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(path)
    except Exception:  # calamine's own errors: the XML parser path will say what is wrong
        return None


@cache
def _column(letters: bytes) -> int:
    return column_index(letters.decode())


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    if "&" not in text:
        return text
    from html import unescape  # entities are rare in formulas and error texts

    return unescape(text)


class _NotPlain(Exception):
    """The sheet XML is not in the form this fast path understands."""


class _XmlCells:
    """What calamine does not say about cells, from quick passes over the sheet XML."""

    def __init__(self, xml: bytes) -> None:
        self.formulas: dict[tuple[int, int], str] = {}
        self.errors: dict[tuple[int, int], str] = {}
        masters: dict[bytes, tuple[str, str]] = {}
        # Formula tags are few: find each, then the cell it opens in, just before it.
        for match in _FORMULA.finditer(xml):
            letters, number = _owner(xml, match.start())
            text = self._formula(match.group(1), match.group(2), (letters + number).decode(),
                                 masters)
            if text:
                self.formulas[(int(number), _column(letters))] = text
        for letters, number, value in _ERROR.findall(xml) if b't="e"' in xml else ():
            self.errors[(int(number), _column(letters))] = _text(value) or "#VALUE!"

    @staticmethod
    def _formula(attrs: bytes | None, body: bytes | None, ref: str,
                 masters: dict[bytes, tuple[str, str]]) -> str | None:
        text = _text(body) if body else ""
        if attrs and b"shared" in attrs:
            si = _SI.search(attrs)
            key = si.group(1) if si else b""
            if text:
                masters[key] = ("=" + text, ref)
            elif key in masters:
                # Excel's filled-down formulas; openpyxl moves their references.
                from openpyxl.formula.translate import Translator

                master, origin = masters[key]
                return Translator(master, origin).translate_formula(ref)
        return "=" + text if text else None


def _owner(xml: bytes, at: int) -> tuple[bytes, bytes]:
    """Column letters and row number of the cell whose first child starts at `at`."""
    start = xml.rfind(b"<c ", 0, at)
    cell = _CELL_START.match(xml, start) if start >= 0 else None
    end = xml.find(b">", start, at)
    if cell is None or end < 0 or xml[end - 1] == 0x2F or xml[end + 1:at].strip():
        raise _NotPlain
    return cell.group(1), cell.group(2)


def _bold_rows(xml: bytes, bold: dict[int, bool]) -> Callable[[int], frozenset[int]]:
    """Column → rows whose cell there has a bold style, by one pass for that column."""
    ids = b"|".join(str(i).encode() for i, is_bold in bold.items() if is_bold and i)

    def rows(column: int) -> frozenset[int]:
        if not ids:
            return frozenset()
        letters = column_letter(column).encode()
        # A literal start lets the expression engine skip to the column's cells.
        pattern = rb'<c r="' + letters + rb'(\d+)"[^>]*?\ss="(?:' + ids + rb')"'
        return frozenset(int(number) for number in re.findall(pattern, xml))

    return rows


def _cell(value: Any) -> tuple[Any, str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value, "b"
    if isinstance(value, float):
        return (int(value) if value.is_integer() else value), "n"
    if isinstance(value, int):
        return value, "n"
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
        return value, "d"
    return str(value), "s"


def _grid_cell(value: Any) -> GridCell:
    made = _cell(value)
    return GridCell(made[0], made[1]) if made else GridCell(str(value), "s")


def calamine_grid(book: Any, title: str, xml: bytes, bold: dict[int, bool],
                  check_row: Callable[[int], None]) -> Grid | None:
    """The grid of one sheet, or None when this fast path does not apply.

    `book` is a `python_calamine.CalamineWorkbook` opened on the same file. Fonts
    are looked up per column when asked (`Grid.is_bold`): the reader needs one.
    """
    if _NOT_PLAIN.search(xml):
        return None
    try:
        cells = _XmlCells(xml)
    except _NotPlain:
        return None
    sheet = book.get_sheet_by_name(title)
    check_row(sheet.total_height)  # refuse a huge sheet before making Python objects of it
    values = sheet.to_python(skip_empty_area=False)
    grid = Grid(title, bold_rows=_bold_rows(xml, bold))
    rows = grid.rows
    # Equal texts and figures share one cell (cells are immutable): a sheet repeats them,
    # and each cell made is an object more for the garbage collector to walk over.
    shared: dict[str | float, GridCell] = {}
    for r, line in enumerate(values, start=1):
        found: dict[int, GridCell] = {}
        for c, value in enumerate(line, start=1):
            kind = type(value)
            if kind is str or kind is float:  # never equal to each other (True == 1.0 is)
                if value != "":
                    cell = shared.get(value)
                    if cell is None:
                        cell = shared[value] = _grid_cell(value)
                    found[c] = cell
            elif value is not None:
                found[c] = _grid_cell(value)
        if found:
            check_row(r)
            rows[r] = found
    for (r, c), text in cells.formulas.items():
        check_row(r)
        rows.setdefault(r, {})[c] = GridCell(text, "f")
    for (r, c), text in cells.errors.items():
        if (r, c) not in cells.formulas:
            rows.setdefault(r, {})[c] = GridCell(text, "e")
    if b"hidden=" in xml:  # a quick look first: most sheets hide nothing
        grid.hidden_rows = frozenset(
            int(m.group(1))
            for tag in _ROW_HIDDEN.finditer(xml)
            if (m := _ROW_NUMBER.search(tag.group(0)))
        )
    for ref in _MERGE.findall(xml):
        merged = parse_range(ref.decode())
        if merged is not None:
            grid.merged.append(tuple(merged))
    return grid
