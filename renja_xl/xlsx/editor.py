"""Open an existing workbook, change a few cells, save it: nothing else in the file moves.

`WorkbookEditor` reads the package once (sheet names and parts from
`xl/workbook.xml` and its relationships), collects cell changes, new formats and
new sheets, and on `save` writes only the parts they touch: the changed rows of
the edited worksheets, the appended formats of `styles.xml`, the sheet list of
`workbook.xml` (asked to recalculate on open when a value changed), the entries
of `calcChain.xml` of cells that stop being formulas. Every other part is copied
as it is, compressed bytes included.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from renja_xl.errors import SaveError, WorkbookError
from renja_xl.formula.a1 import column_letter
from renja_xl.xlsx import relations, workbook_part
from renja_xl.xlsx.calc_chain import drop_cells
from renja_xl.xlsx.cells import CellXml, Content
from renja_xl.xlsx.package import Package
from renja_xl.xlsx.shared_formulas import unshare
from renja_xl.xlsx.sheet import CellEdit, SheetXml
from renja_xl.xlsx.styles import StyleSheet

__all__ = ["WorkbookEditor"]

_WORKBOOK = "xl/workbook.xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_MERGED_MESSAGE = ("sel ini bagian dari sel gabungan (merge) sehingga tidak dapat diisi; "
                   "pisahkan gabungannya lalu ulangi")


class WorkbookEditor:
    """An .xlsx/.xlsm file opened for surgical changes."""

    def __init__(self, path: str | Path) -> None:
        from renja_xl.workbook.source import check_archive

        self.path = Path(path)
        check_archive(self.path)
        try:
            self.package = Package(self.path)
            self._workbook = self.package.read(_WORKBOOK)
            self._rels_name = relations.rels_name(_WORKBOOK)
            self._rels = self.package.read(self._rels_name)
            self._targets = relations.relationships(self._rels, _WORKBOOK)
            self._entries = workbook_part.sheet_entries(self._workbook)
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
            raise WorkbookError(f"isi workbook rusak ({type(exc).__name__}: {exc})",
                                file=self.path) from exc
        self._sheets: dict[str, SheetXml] = {}
        self._edits: dict[str, dict[tuple[int, int], CellEdit]] = {}
        self._styles: StyleSheet | None = None
        self._shared: list[str] | None = None
        self._values_changed = False

    def __enter__(self) -> WorkbookEditor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the file without saving."""
        self.package.close()

    # --- reading ----------------------------------------------------------------------

    @property
    def sheet_names(self) -> list[str]:
        """Names of the worksheets, in workbook order."""
        return [e.name for e in self._entries if self._part_of(e) is not None]

    def _part_of(self, entry: workbook_part.SheetEntry) -> str | None:
        kind, target = self._targets.get(entry.rid, ("", ""))
        return target if kind.endswith("/worksheet") and self.package.has(target) else None

    def _entry(self, sheet: str) -> workbook_part.SheetEntry:
        for entry in self._entries:
            if entry.name == sheet and self._part_of(entry):
                return entry
        raise WorkbookError(f"sheet '{sheet}' tidak ada di workbook", file=self.path)

    def sheet(self, name: str) -> SheetXml:
        """The worksheet's XML, read once."""
        if name not in self._sheets:
            part = self._part_of(self._entry(name))
            assert part is not None
            try:
                self._sheets[name] = SheetXml(self.package.read(part))
            except (ValueError, KeyError) as exc:
                raise WorkbookError("isi sheet rusak", file=self.path, sheet=name) from exc
        return self._sheets[name]

    def cell(self, sheet: str, row: int, column: int) -> CellXml | None:
        """The stored cell, or None."""
        return self.sheet(sheet).cell(row, column)

    def value(self, sheet: str, row: int, column: int) -> object:
        """What the cell shows as saved: text, number, bool, error text or None."""
        found = self.cell(sheet, row, column)
        return found.value(self.shared_strings()) if found else None

    def rows(self, sheet: str) -> list[list[object]]:
        """All values of a sheet as rows from row 1 and column A (for small sheets)."""
        grid: list[list[object]] = []
        shared = self.shared_strings()
        for row, column, cell in self.sheet(sheet).cells():
            while len(grid) < row:
                grid.append([])
            line = grid[row - 1]
            line.extend([None] * (column - len(line)))
            line[column - 1] = cell.value(shared)
        return grid

    def shared_strings(self) -> list[str]:
        """The shared string table, read when first needed."""
        if self._shared is None:
            part = self._target_of_type("/sharedStrings")
            self._shared = _shared_strings(self.package.read(part)) if part else []
        return self._shared

    def _target_of_type(self, suffix: str) -> str | None:
        for kind, target in self._targets.values():
            if kind.endswith(suffix) and self.package.has(target):
                return target
        return None

    @property
    def styles(self) -> StyleSheet:
        """The cell formats, to read and to append to."""
        if self._styles is None:
            part = self._target_of_type("/styles")
            if part is None:
                raise WorkbookError("workbook tanpa bagian gaya (styles.xml)", file=self.path)
            self._styles = StyleSheet(self.package.read(part))
        return self._styles

    def style(self, sheet: str, row: int, column: int) -> int:
        """The cell's format index, as changed so far (0 for a cell not stored)."""
        pending = self._edits.get(sheet, {}).get((row, column))
        if pending is not None and pending.style is not None:
            return pending.style
        found = self.cell(sheet, row, column)
        return found.style if found else 0

    def anchor(self, sheet: str, row: int, column: int) -> tuple[int, int]:
        """The top-left cell of the merged range holding this cell (or the cell itself)."""
        for top, left, bottom, right in self.sheet(sheet).merged():
            if top <= row <= bottom and left <= column <= right:
                return top, left
        return row, column

    # --- changing ---------------------------------------------------------------------

    def set(self, sheet: str, row: int, column: int, content: Content | None = None,
            style: int | None = None) -> None:
        """Give a cell new content and/or a new format."""
        if content is not None and self.anchor(sheet, row, column) != (row, column):
            raise SaveError(_MERGED_MESSAGE, file=self.path, sheet=sheet,
                            cell=f"{column_letter(column)}{row}")
        self.sheet(sheet)
        edits = self._edits.setdefault(sheet, {})
        earlier = edits.get((row, column), CellEdit())
        edits[(row, column)] = CellEdit(
            content if content is not None else earlier.content,
            style if style is not None else earlier.style,
        )
        self._values_changed |= content is not None

    def add_sheet(self, name: str, xml: bytes, *, state: str | None = None) -> None:
        """Append a new worksheet (its XML complete) after the others."""
        number = 1
        while self.package.has(f"xl/worksheets/sheet{number}.xml"):
            number += 1
        part = f"xl/worksheets/sheet{number}.xml"
        self.package.write(part, xml)
        self._rels, rid = relations.add_relationship(
            self._rels, _REL + "worksheet", posixpath.relpath(part, "xl"))
        sheet_id = max((e.sheet_id for e in self._entries), default=0) + 1
        self._workbook = workbook_part.add_sheet(self._workbook, name, sheet_id, rid, state)
        self._content_types(lambda xml_: relations.add_override(xml_, part, _WORKSHEET_TYPE))
        self._refresh()

    def remove_sheet(self, name: str) -> None:
        """Take a worksheet out of the workbook (its part, relationships and listing)."""
        entry = self._entry(name)
        part = self._part_of(entry)
        assert part is not None
        self.package.remove(part)
        if self.package.has(relations.rels_name(part)):
            self.package.remove(relations.rels_name(part))
        self._rels = relations.remove_relationship(self._rels, entry.rid)
        self._workbook = workbook_part.remove_sheet(self._workbook, entry.rid)
        self._content_types(lambda xml_: relations.remove_override(xml_, part))
        self._sheets.pop(name, None)
        self._edits.pop(name, None)
        self._refresh()

    def _content_types(self, change) -> None:
        name = relations.CONTENT_TYPES
        self.package.write(name, change(self.package.read(name)))

    def _refresh(self) -> None:
        self.package.write(self._rels_name, self._rels)
        self.package.write(_WORKBOOK, self._workbook)
        self._targets = relations.relationships(self._rels, _WORKBOOK)
        self._entries = workbook_part.sheet_entries(self._workbook)

    # --- saving -----------------------------------------------------------------------

    def render(self) -> bytes:
        """The edited package as bytes."""
        stream = io.BytesIO()
        self.write(stream)
        return stream.getvalue()

    def write(self, stream: BinaryIO) -> None:
        """Write the edited package into a stream."""
        dropped: set[tuple[int, str]] = set()
        for name, edits in self._edits.items():
            sheet, entry = self.sheet(name), self._entry(name)
            part = self._part_of(entry)
            assert part is not None
            unshare(sheet, edits)
            self.package.write(part, sheet.rewrite(edits))
            dropped |= {(entry.sheet_id, f"{column_letter(column)}{row}")
                        for row, column in sheet.lost_formulas}
        if dropped:
            self._drop_from_chain(dropped)
        if self._values_changed:
            self._workbook = workbook_part.full_calculation(self._workbook)
            self.package.write(_WORKBOOK, self._workbook)
        if self._styles is not None and self._styles.changed:
            part = self._target_of_type("/styles")
            assert part is not None
            self.package.write(part, self._styles.render())
        self.package.save(stream)

    def _drop_from_chain(self, cells: set[tuple[int, str]]) -> None:
        for rid, (kind, target) in list(self._targets.items()):
            if not kind.endswith("/calcChain") or not self.package.has(target):
                continue
            chain = drop_cells(self.package.read(target), cells)
            if chain is not None:
                self.package.write(target, chain)
                continue
            self.package.remove(target)
            self._rels = relations.remove_relationship(self._rels, rid)
            self._content_types(lambda xml_, t=target: relations.remove_override(xml_, t))
            self._refresh()

    def save(self, *, backup: bool = True) -> Path | None:
        """Write the changes over the file atomically; returns the backup's path."""
        from renja_xl.workbook.saving import save_stream

        try:
            return save_stream(self.write, self.path, backup=backup)
        finally:
            self.close()


def _shared_strings(xml: bytes) -> list[str]:
    """Each shared string's text (runs joined, phonetic guides left out)."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    found = []
    for item in ElementTree.fromstring(xml).iter(f"{main}si"):
        texts = item.findall(f"{main}t") or item.findall(f"{main}r/{main}t")
        found.append("".join(t.text or "" for t in texts))
    return found
