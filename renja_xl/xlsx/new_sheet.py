"""The XML of a new worksheet: cells, column widths, a frozen heading, links inside the workbook."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from renja_xl.formula.a1 import column_letter
from renja_xl.xlsx.cells import Content, escape

__all__ = ["NewSheet"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass
class NewSheet:
    """A worksheet built cell by cell, rendered once."""

    cells: dict[tuple[int, int], tuple[Content, int]] = field(default_factory=dict)
    widths: Sequence[float] = ()
    frozen_rows: int = 0
    links: list[tuple[str, str, str]] = field(default_factory=list)
    """(cell, target "'Sheet'!F12", text shown) of each link."""

    def put(self, row: int, column: int, content: Content, style: int = 0) -> None:
        """Set one cell."""
        self.cells[(row, column)] = (content, style)

    def render(self) -> bytes:
        """The worksheet part."""
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                 f'xmlns="{_MAIN}">', self._dimension(), self._view()]
        if self.widths:
            parts.append("<cols>" + "".join(
                f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                for n, w in enumerate(self.widths, start=1)) + "</cols>")
        parts.append(self._data())
        if self.links:
            parts.append("<hyperlinks>" + "".join(
                f'<hyperlink ref="{ref}" location="{_attr(target)}" display="{_attr(shown)}"/>'
                for ref, target, shown in self.links) + "</hyperlinks>")
        parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                     'header="0.3" footer="0.3"/></worksheet>')
        return "".join(parts).encode()

    def _dimension(self) -> str:
        if not self.cells:
            return '<dimension ref="A1"/>'
        last_row = max(r for r, _ in self.cells)
        last_column = max(c for _, c in self.cells)
        return f'<dimension ref="A1:{column_letter(last_column)}{last_row}"/>'

    def _view(self) -> str:
        if not self.frozen_rows:
            return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        top = f"A{self.frozen_rows + 1}"
        return ('<sheetViews><sheetView workbookViewId="0">'
                f'<pane ySplit="{self.frozen_rows}" topLeftCell="{top}" activePane="bottomLeft" '
                f'state="frozen"/><selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/>'
                "</sheetView></sheetViews>")

    def _data(self) -> str:
        rows: dict[int, list[str]] = {}
        for (row, column), (content, style) in sorted(self.cells.items()):
            ref = f"{column_letter(column)}{row}"
            attrs = f' r="{ref}"' + (f' s="{style}"' if style else "")
            attrs += f' t="{content.kind}"' if content.kind and content.inner else ""
            cell = f"<c{attrs}>{content.inner}</c>" if content.inner else f"<c{attrs}/>"
            rows.setdefault(row, []).append(cell)
        return "<sheetData>" + "".join(
            f'<row r="{row}">' + "".join(cells) + "</row>" for row, cells in rows.items()
        ) + "</sheetData>"


def _attr(value: str) -> str:
    return escape(value).replace('"', "&quot;")
