"""One finding of Validasi: what is wrong, how badly, and in which cell."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    """How serious a finding is: an error blocks the plan, a warning asks a look."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The severity as users read it."""
        return "Galat" if self is Severity.ERROR else "Peringatan"


Value = str | int | None
"""An expected or actual value: rupiah as int, anything else as text."""


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Finding:
    """A problem found in one cell (or row) of a Renja table.

    `cell` is like "F23" (None when the row came from no workbook); `related`
    names a second cell the finding compares against, as "'Tabel 3.1'!B40".
    """

    code: str
    severity: Severity
    sheet: str
    cell: str | None
    row: int | None
    message: str
    expected: Value = None
    actual: Value = None
    field: str | None = None
    related: str | None = None
    file: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether the finding is error-level."""
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        """The finding in the published JSON shape (code, severity, sheet, cell, ...)."""
        data = asdict(self)
        data["severity"] = self.severity.value
        del data["field"], data["related"], data["file"]
        return data

