"""Marks computed apart from any Excel library (reused by the add-in through xlwings)."""

from renja_xl.validasi import Finding, Report, Severity, compute_marks
from renja_xl.validasi.marks import ERROR_FILL, WARNING_FILL, split_sheet_ref


def _finding(code: str, severity: Severity, cell: str, related: str | None = None) -> Finding:
    return Finding(code, severity, "Tabel 4.1", cell, int(cell[1:]), "pesan", related=related,
                   file="a.xlsx")


def test_errors_win_over_warnings_on_the_same_cell() -> None:
    report = Report([
        _finding("indikator.empty", Severity.WARNING, "C12"),
        _finding("tabel.mismatch", Severity.ERROR, "C12", related="'Tabel 3.1'!C14"),
        _finding("lokasi.empty", Severity.WARNING, "D13"),
    ])
    marks = compute_marks(report, "a.xlsx")
    fills = {(m.sheet, m.cell): m.fill for m in marks.cells}
    assert fills == {
        ("Tabel 4.1", "C12"): ERROR_FILL,
        ("Tabel 3.1", "C14"): ERROR_FILL,
        ("Tabel 4.1", "D13"): WARNING_FILL,
    }
    assert marks.links == ["'Tabel 4.1'!C12"] * 2 + ["'Tabel 4.1'!D13"]
    assert [row[1] for row in marks.rows] == ["Peringatan", "Galat", "Peringatan"]


def test_ranges_colour_adjacent_cells_at_once() -> None:
    report = Report([_finding("x", Severity.WARNING, c) for c in ("G12", "G13", "G14", "G20")])
    assert compute_marks(report).ranges("Tabel 4.1") == {WARNING_FILL: ["G12:G14", "G20"]}


def test_qualified_references_are_split() -> None:
    assert split_sheet_ref("'Tabel 3.1'!B40") == ("Tabel 3.1", "B40")
    assert split_sheet_ref("B40") is None
