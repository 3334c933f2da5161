"""The exceptions renja_xl raises. Every one is a `RenjaError`:

    RenjaError                  anything renja_xl refuses, with file/sheet/cell
    ├── WorkbookError           the file is not a readable .xlsx workbook
    ├── LayoutNotFoundError     no Tabel 3.1 / Tabel 4.1 header in any sheet
    ├── CellValueError          a cell holds what its column cannot take
    └── SaveError               the workbook could not be written safely

Messages are in Bahasa Indonesia, one line, and say where: file, sheet, cell.
Findings of Validasi are not exceptions: they are records in a report.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CellValueError",
    "LayoutNotFoundError",
    "RenjaError",
    "SaveError",
    "WorkbookError",
]


class RenjaError(Exception):
    """Something renja_xl refuses to do, with where it happened."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.sheet = sheet
        self.cell = cell

    def where(self) -> str:
        """"berkas X, sheet 'Y', sel Z" — as much of it as is known."""
        parts = []
        if self.file:
            parts.append(f"berkas {Path(self.file).name}")
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(f"sel {self.cell}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def located(self, file: str | Path) -> RenjaError:
        """The same error with its file named, when it was not yet."""
        if self.file is None:
            self.file = str(file)
        return self


class WorkbookError(RenjaError):
    """The file cannot be opened as an .xlsx workbook."""


class LayoutNotFoundError(RenjaError):
    """No sheet has the header of Tabel 3.1 or Tabel 4.1."""


class CellValueError(RenjaError):
    """A cell holds something its column cannot take (text in a pagu cell...)."""


class SaveError(RenjaError):
    """The workbook could not be saved; the original file is untouched."""
