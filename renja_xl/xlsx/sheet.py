"""One worksheet part: find cells in it, and rewrite only the rows whose cells change.

The XML is scanned as bytes: each `<row>` start tag is found once, and only the
rows holding a changed cell are taken apart and written again. Everything else
in the part — other rows, column widths, conditional formats, data validation,
extensions — stays byte for byte.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from renja_xl.formula.a1 import column_index, column_letter
from renja_xl.xlsx.cells import CellXml, Content, split_ref

__all__ = ["CellEdit", "SheetXml"]

_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="\$?([A-Za-z]{1,3})\$?(\d+)"')
_SPANS = re.compile(rb'\s+spans="(\d+):(\d+)"')
_SPACE = frozenset(b" \t\r\n")
_AFTER_NAME = _SPACE | frozenset(b"/>")
"""What may follow a tag's name ("<row " but not "<rowX")."""


@cache
def _column(letters: bytes) -> int:
    return column_index(letters.decode())


@dataclass(frozen=True)
class CellEdit:
    """A change to one cell: new content and/or a new format (None keeps what is there)."""

    content: Content | None = None
    style: int | None = None


class SheetXml:
    """A worksheet's XML with an index of its rows."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        found = re.search(rb"<(\w+:)?sheetData\b[^>]*?(/?)>", xml)
        if found is None:
            raise ValueError("worksheet without <sheetData>")
        self.prefix = found[1] or b""
        self._empty_data = found[2] == b"/"
        self._data_start = found.end()
        self._data_end = found.end() if self._empty_data else xml.index(
            b"</" + self.prefix + b"sheetData>", found.end())
        self._rows: list[int] | None = None
        self._starts: list[int] = []
        self._merged: list[tuple[int, int, int, int]] | None = None
        self.lost_formulas: list[tuple[int, int]] = []
        """Cells that were formulas and were given a value by `rewrite`."""
        p = re.escape(self.prefix)
        self._cell_pattern = re.compile(rb"<" + p + rb"c\b([^>]*?)(?:/>|>(.*?)</" + p + rb"c>)",
                                        re.DOTALL)

    # --- reading ----------------------------------------------------------------------

    def _index(self) -> tuple[list[int], list[int]]:
        """Row numbers and where each `<row>` starts (found with `bytes.find`: a regular
        expression over a 10,000-row sheet costs three times as much)."""
        if self._rows is None:
            rows, starts = [], []
            xml, tag = self.xml, b"<" + self.prefix + b"row"
            position, number = self._data_start, 0
            while (start := xml.find(tag, position, self._data_end)) >= 0:
                position = xml.index(b">", start)
                if xml[start + len(tag)] not in _AFTER_NAME:
                    continue
                given = _ROW_NUMBER.search(xml, start, position)
                number = int(given[1]) if given else number + 1
                rows.append(number)
                starts.append(start)
            self._rows, self._starts = rows, starts
        return self._rows, self._starts

    def _span(self, at: int) -> tuple[int, int]:
        """Where the `at`-th `<row>` element starts and ends."""
        start = self._index()[1][at]
        tag_end = self.xml.index(b">", start) + 1
        if self.xml[tag_end - 2] == ord("/"):
            return start, tag_end
        closing = b"</" + self.prefix + b"row>"
        return start, self.xml.index(closing, tag_end) + len(closing)

    def _row_at(self, row: int) -> int | None:
        rows, _ = self._index()
        at = bisect_left(rows, row)
        return at if at < len(rows) and rows[at] == row else None

    def _cells(self, start: int, end: int) -> Iterator[tuple[int, re.Match[bytes]]]:
        """(column, match) of each `<c>` between two offsets of the XML; match[1] attributes,
        match[2] inside."""
        column = 0
        for match in self._cell_pattern.finditer(self.xml, start, end):
            ref = _CELL_REF.search(match[1])
            column = _column(ref[1]) if ref else column + 1
            yield column, match

    def _locate(self, start: int, end: int, row: int, column: int) -> re.Match[bytes] | None:
        """The `<c>` of a cell between two offsets: found by its reference (`r="F12"`), or,
        for a cell written without one, by going through the row's cells."""
        ref = self.xml.find(b'r="%s%d"' % (column_letter(column).encode(), row), start, end)
        if ref > start and self.xml[ref - 1] in _SPACE:
            match = self._cell_pattern.match(self.xml, self.xml.rfind(b"<", start, ref), end)
            if match is not None and match.start(1) <= ref < match.end(1):
                return match
        return next((match for found, match in self._cells(start, end) if found == column),
                    None)

    def cell(self, row: int, column: int) -> CellXml | None:
        """The cell as stored, or None if the sheet has no `<c>` for it."""
        at = self._row_at(row)
        if at is None:
            return None
        match = self._locate(*self._span(at), row, column)
        return CellXml(match[1], match[2] or b"") if match is not None else None

    def cells(self) -> Iterator[tuple[int, int, CellXml]]:
        """Every stored cell: (row, column, cell), in sheet order."""
        for at, row in enumerate(self._index()[0]):
            for column, match in self._cells(*self._span(at)):
                yield row, column, CellXml(match[1], match[2] or b"")

    def merged(self) -> list[tuple[int, int, int, int]]:
        """Merged ranges as (first row, first column, last row, last column)."""
        if self._merged is not None:
            return self._merged
        found = []
        tail = self.xml[self._data_end:]
        for ref in re.findall(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"', tail):
            first, _, last = ref.decode().partition(":")
            top, left = split_ref(first)
            bottom, right = split_ref(last or first)
            found.append((top, left, bottom, right))
        self._merged = found
        return found

    # --- writing ----------------------------------------------------------------------

    def rewrite(self, edits: dict[tuple[int, int], CellEdit]) -> bytes:
        """The part with these cells changed; untouched rows are copied as they are."""
        by_row: dict[int, dict[int, CellEdit]] = {}
        for (row, column), edit in edits.items():
            by_row.setdefault(row, {})[column] = edit
        rows, starts = self._index()
        pieces: list[bytes] = []
        position = self._data_start
        for row in sorted(by_row):
            at = bisect_left(rows, row)
            if at < len(rows) and rows[at] == row:
                start, end = self._span(at)
                pieces += [self.xml[position:start], self._edit_row(at, by_row[row])]
                position = end
            else:
                start = starts[at] if at < len(rows) else self._data_end
                pieces += [self.xml[position:start], self._new_row(row, by_row[row])]
                position = start
        body = b"".join(pieces) + self.xml[position:self._data_end]
        head, tail = self.xml[: self._data_start], self.xml[self._data_end:]
        if self._empty_data:
            head = head[:-2].rstrip() + b">"
            tail = b"</" + self.prefix + b"sheetData>" + tail
        return _widen_dimension(head, edits) + body + tail

    def _edit_row(self, at: int, edits: dict[int, CellEdit]) -> bytes:
        """The `at`-th row with its changed cells written again, each where it was or, if
        new, before the first cell to its right."""
        row = self._index()[0][at]
        start, end = self._span(at)
        tag_end = self.xml.index(b">", start) + 1
        row_tag, close = self.xml[start:tag_end], end - len(b"</" + self.prefix + b"row>")
        if row_tag.endswith(b"/>"):
            row_tag, close = row_tag[:-2].rstrip() + b">", tag_end
        pieces, position = [_widen_spans(row_tag, min(edits), max(edits))], tag_end
        for column in sorted(edits):
            found = self._locate(tag_end, close, row, column)
            if found is not None:
                old, cut, after = CellXml(found[1], found[2] or b""), found.start(), found.end()
            else:
                old, cut = None, next((match.start() for other, match in self._cells(
                    tag_end, close) if other > column), close)
                after = cut
            pieces += [self.xml[position:cut], self._cell_xml(row, column, old, edits[column])]
            position = after
        pieces += [self.xml[position:close], b"</" + self.prefix + b"row>"]
        return b"".join(pieces)

    def _new_row(self, row: int, edits: dict[int, CellEdit]) -> bytes:
        cells = b"".join(self._cell_xml(row, c, None, edits[c]) for c in sorted(edits))
        return b"<" + self.prefix + b'row r="%d">' % row + cells + b"</" + self.prefix + b"row>"

    def _cell_xml(self, row: int, column: int, old: CellXml | None, edit: CellEdit) -> bytes:
        """The new `<c>`: the old one's attributes kept where the edit leaves them."""
        p = self.prefix
        if old is not None and edit.content is not None and not edit.content.is_formula \
                and old.formula is not None:
            self.lost_formulas.append((row, column))
        if old is not None and edit.content is None:
            attrs = _set_style(old.attrs, edit.style)
            closing = b"/>" if not old.inner else b">" + old.inner + b"</" + p + b"c>"
            return b"<" + p + b"c" + attrs + closing
        style = edit.style if edit.style is not None else (old.style if old else 0)
        content = edit.content
        attrs = b' r="%s%d"' % (column_letter(column).encode(), row)
        if style:
            attrs += b' s="%d"' % style
        if old is not None and old.attribute(b"ph"):
            attrs += b' ph="1"'
        if content is None or not content.inner:
            return b"<" + p + b"c" + attrs + b"/>"
        if content.kind:
            attrs += b' t="%s"' % content.kind.encode()
        inner = content.inner.encode()
        if p:
            inner = re.sub(rb"<(/?)(f|v|is|t)\b", rb"<\1" + p + rb"\2", inner)
        return b"<" + p + b"c" + attrs + b">" + inner + b"</" + p + b"c>"


_STYLE = re.compile(rb'(\s)s="[^"]*"')


def _set_style(attrs: bytes, value: int | None) -> bytes:
    if value is None:
        return attrs
    new = b's="%d"' % value
    if _STYLE.search(attrs):
        return _STYLE.sub(lambda m: m[1] + new, attrs, count=1)
    trimmed = attrs.rstrip()
    return trimmed + b" " + new + attrs[len(trimmed):]


def _widen_spans(row_tag: bytes, first: int, last: int) -> bytes:
    spans = _SPANS.search(row_tag)
    if spans is None:
        return row_tag
    low, high = min(int(spans[1]), first), max(int(spans[2]), last)
    return row_tag[: spans.start()] + b' spans="%d:%d"' % (low, high) + row_tag[spans.end():]


def _widen_dimension(head: bytes, edits: dict[tuple[int, int], CellEdit]) -> bytes:
    """Let <dimension> cover the edited cells (it is a hint, but some readers trust it)."""
    found = re.search(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([^"]+)"', head)
    if found is None or not edits:
        return head
    first, _, last = found[1].decode().partition(":")
    try:
        top, left = split_ref(first)
        bottom, right = split_ref(last or first)
    except ValueError:
        return head
    rows = [r for r, _ in edits] + [top, bottom]
    columns = [c for _, c in edits] + [left, right]
    ref = f"{column_letter(min(columns))}{min(rows)}:{column_letter(max(columns))}{max(rows)}"
    if ref == found[1].decode() or (ref.split(":")[0] == ref.split(":")[1] == first and not last):
        return head
    return head[: found.start(1)] + ref.encode() + head[found.end(1):]
