"""The XML of a new worksheet: rows of cells, column widths, a frozen heading, links inside
the workbook."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from renja_xl.formula.a1 import column_letter
from renja_xl.xlsx.cells import Content, escape

__all__ = ["NewSheet"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass
class NewSheet:
    """A worksheet built row by row, top to bottom.

    Each row is turned into XML as it is added, so a report of thousands of rows
    keeps no cell objects alive until the sheet is rendered.
    """

    widths: Sequence[float] = ()
    frozen_rows: int = 0
    links: list[tuple[str, str, str]] = field(default_factory=list)
    """(cell, target "'Sheet'!F12", text shown) of each link."""
    _rows: list[str] = field(default_factory=list)
    _last: tuple[int, int] = (0, 0)
    """The last row added and the widest row's last column."""

    def add_row(self, row: int, cells: Iterable[tuple[Content, int]]) -> None:
        """Add row `row` (below the rows added so far): its (content, format) from column A.

        A row without cells is left out."""
        if row <= self._last[0]:
            raise ValueError(f"row {row} comes after row {self._last[0]}")
        xml = []
        column = 0
        for column, (content, style) in enumerate(cells, start=1):
            attrs = f' s="{style}"' if style else ""
            if not content.inner:
                closing = "/>"
            elif content.kind:
                closing = f' t="{content.kind}">{content.inner}</c>'
            else:
                closing = f">{content.inner}</c>"
            xml.append(f'<c r="{column_letter(column)}{row}"{attrs}{closing}')
        if not xml:
            return
        self._rows.append(f'<row r="{row}">' + "".join(xml) + "</row>")
        self._last = (row, max(self._last[1], column))

    def render(self) -> bytes:
        """The worksheet part."""
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                 f'xmlns="{_MAIN}">', self._dimension(), self._view()]
        if self.widths:
            parts.append("<cols>" + "".join(
                f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                for n, w in enumerate(self.widths, start=1)) + "</cols>")
        parts.append("<sheetData>" + "".join(self._rows) + "</sheetData>")
        if self.links:
            parts.append("<hyperlinks>" + "".join(
                f'<hyperlink ref="{ref}" location="{_attr(target)}" display="{_attr(shown)}"/>'
                for ref, target, shown in self.links) + "</hyperlinks>")
        parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                     'header="0.3" footer="0.3"/></worksheet>')
        return "".join(parts).encode()

    def _dimension(self) -> str:
        last_row, last_column = self._last
        if not last_column:
            return '<dimension ref="A1"/>'
        return f'<dimension ref="A1:{column_letter(last_column)}{last_row}"/>'

    def _view(self) -> str:
        if not self.frozen_rows:
            return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        top = f"A{self.frozen_rows + 1}"
        return ('<sheetViews><sheetView workbookViewId="0">'
                f'<pane ySplit="{self.frozen_rows}" topLeftCell="{top}" activePane="bottomLeft" '
                f'state="frozen"/><selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/>'
                "</sheetView></sheetViews>")


def _attr(value: str) -> str:
    return escape(value).replace('"', "&quot;")
