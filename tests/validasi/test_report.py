"""The report: every finding, as JSON in the published shape and as a DataFrame."""

import json

from renja_xl.example import load_example
from renja_xl.model import Asal
from renja_xl.validasi import RULES, Report, Severity, validate


def _report() -> Report:
    renja = load_example()
    for tabel in renja.tabel:
        for row, baris in enumerate(tabel.baris, start=10):
            baris.asal = Asal(sheet=tabel.sheet, row=row)
    return validate(renja)


def test_findings_point_at_cells_in_sheet_order() -> None:
    report = _report()
    keys = [(f.sheet, f.row) for f in report]
    assert keys == sorted(keys, key=lambda k: (["Tabel 3.1", "Tabel 4.1"].index(k[0]), k[1]))
    assert all(f.cell and f.cell[1:] == str(f.row) for f in report)


def test_json_shape() -> None:
    data = json.loads(_report().to_json())
    assert data["file"] is None
    assert data["summary"]["errors"] == sum(f["severity"] == "error" for f in data["findings"])
    assert {f["severity"] for f in data["findings"]} == {"error", "warning"}


def test_dataframe_has_one_row_per_finding() -> None:
    report = _report()
    frame = report.to_dataframe()
    assert len(frame) == len(report)
    assert list(frame.columns[:8]) == [
        "code", "severity", "sheet", "cell", "row", "message", "expected", "actual",
    ]
    assert set(frame["severity"]) == {"error", "warning"}


def test_errors_and_warnings_split_the_findings() -> None:
    report = _report()
    assert len(report.errors) + len(report.warnings) == len(report)
    assert not report.ok
    assert all(f.severity is Severity.ERROR for f in report.errors)


def test_every_rule_has_a_code_severity_and_description() -> None:
    assert len(RULES) >= 24
    for code, rule in RULES.items():
        assert code == rule.code and "." in code
        assert rule.description and rule.severity in (Severity.ERROR, Severity.WARNING)


def test_rows_without_a_workbook_still_get_findings_without_cells() -> None:
    report = validate(load_example())
    assert report.findings and all(f.cell is None and f.row is None for f in report)
