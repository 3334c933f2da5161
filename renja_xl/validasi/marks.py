"""What marking a workbook with a report means, independent of any Excel library.

`compute_marks` turns a report into cell colours (errors red, warnings yellow)
and the rows of the "Validasi" sheet. `renja_xl.validasi.workbook_marks` applies
them with openpyxl; the Excel add-in applies the same marks with xlwings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renja_xl.validasi.finding import Finding, Severity
from renja_xl.validasi.report import Report

__all__ = [
    "ERROR_FILL",
    "HEADERS",
    "SHEET_NAME",
    "WARNING_FILL",
    "CellMark",
    "Marks",
    "compute_marks",
    "split_sheet_ref",
]

SHEET_NAME = "Validasi"
ERROR_FILL = "FFC7CE"
WARNING_FILL = "FFEB9C"
HEADERS = ("No", "Tingkat", "Kode Aturan", "Sheet", "Sel", "Pesan", "Seharusnya", "Tertulis")
_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")
_QUALIFIED = re.compile(r"^'((?:[^']|'')+)'!([A-Z]{1,3}\d+)$")


def split_sheet_ref(ref: str) -> tuple[str, str] | None:
    """"'Tabel 3.1'!B40" → ("Tabel 3.1", "B40"); None for anything else."""
    match = _QUALIFIED.match(ref or "")
    return (match[1].replace("''", "'"), match[2]) if match else None


@dataclass(frozen=True)
class CellMark:
    """One cell to colour: its sheet, address, RGB fill and why."""

    sheet: str
    cell: str
    fill: str
    severity: Severity
    codes: tuple[str, ...]


@dataclass
class Marks:
    """Everything marking puts into a workbook: coloured cells and the report rows."""

    cells: list[CellMark] = field(default_factory=list)
    rows: list[tuple[str | int | None, ...]] = field(default_factory=list)
    links: list[str | None] = field(default_factory=list)
    """For each report row, the cell it links to ("'Tabel 3.1'!F23"), if any."""

    def ranges(self, sheet: str) -> dict[str, list[str]]:
        """Fill → ranges of adjacent cells in one column ("F12:F14"), to colour in blocks."""
        by_fill: dict[str, dict[str, list[int]]] = {}
        for mark in self.cells:
            match = _CELL.match(mark.cell)
            if mark.sheet == sheet and match:
                by_fill.setdefault(mark.fill, {}).setdefault(match[1], []).append(int(match[2]))
        return {
            fill: [r for column, rows in columns.items() for r in _runs(column, rows)]
            for fill, columns in by_fill.items()
        }


def _runs(column: str, rows: list[int]) -> list[str]:
    ordered = sorted(set(rows))
    runs: list[list[int]] = []
    for row in ordered:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return [
        f"{column}{r[0]}" if len(r) == 1 else f"{column}{r[0]}:{column}{r[-1]}" for r in runs
    ]


def _targets(finding: Finding) -> list[tuple[str, str]]:
    targets = [(finding.sheet, finding.cell)] if finding.cell else []
    related = split_sheet_ref(finding.related or "")
    if related and finding.file is not None:
        targets.append(related)
    return targets


def _link(finding: Finding) -> str | None:
    if not finding.cell:
        return None
    return "'{}'!{}".format(finding.sheet.replace("'", "''"), finding.cell)


def _row(number: int, finding: Finding) -> tuple[str | int | None, ...]:
    return (
        number,
        finding.severity.label,
        finding.code,
        finding.sheet,
        finding.cell,
        finding.message,
        finding.expected,
        finding.actual,
    )


def compute_marks(report: Report, file: str | None = None) -> Marks:
    """The marks a report puts into one workbook (`file`: only that file's findings)."""
    findings = [f for f in report if file is None or f.file in (None, file)]
    worst: dict[tuple[str, str], tuple[Severity, list[str]]] = {}
    for finding in findings:
        for target in _targets(finding):
            severity, codes = worst.get(target, (Severity.WARNING, []))
            if finding.is_error:
                severity = Severity.ERROR
            worst[target] = (severity, [*codes, finding.code])
    cells = [
        CellMark(sheet, cell, ERROR_FILL if sev is Severity.ERROR else WARNING_FILL, sev,
                 tuple(dict.fromkeys(codes)))
        for (sheet, cell), (sev, codes) in worst.items()
    ]
    rows = [_row(n, f) for n, f in enumerate(findings, start=1)]
    return Marks(cells, rows, [_link(f) for f in findings])
