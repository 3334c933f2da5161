"""The complete result of Validasi: every finding, never an exception."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from renja_xl.money import json_text
from renja_xl.validasi.finding import Finding, Severity

if TYPE_CHECKING:
    import pandas

__all__ = ["Report"]

_COLUMNS = (
    "code", "severity", "sheet", "cell", "row", "message", "expected", "actual",
    "field", "related", "file",
)


@dataclass
class Report:
    """All findings of one validation, in sheet order, with the file they concern."""

    findings: list[Finding] = field(default_factory=list)
    file: str | None = None

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def errors(self) -> list[Finding]:
        """The error-level findings."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """The warning-level findings."""
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """True when no finding is error-level."""
        return not self.errors

    def by_code(self, code: str) -> list[Finding]:
        """The findings of one rule."""
        return [f for f in self.findings if f.code == code]

    def summary(self) -> dict[str, int]:
        """How many errors and warnings were found."""
        return {"errors": len(self.errors), "warnings": len(self.warnings)}

    def to_dict(self) -> dict[str, Any]:
        """The report in its published JSON shape: file, findings, summary."""
        return {
            "file": self.file,
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary(),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text (UTF-8 characters kept as they are)."""
        return json_text(self.to_dict(), indent=indent)

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per finding; needs pandas (the `cli` extra)."""
        import pandas

        rows = [asdict(f) | {"severity": f.severity.value} for f in self.findings]
        return pandas.DataFrame(rows, columns=list(_COLUMNS))
