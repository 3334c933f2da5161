"""Validasi: every check a Bappeda verifier makes, as one complete report pointing at cells.

    from renja_xl.validasi import validate
    report = validate("renja.xlsx")          # or a Renja model
    for finding in report.errors: print(finding.cell, finding.message)
    report.to_dataframe(); report.to_json()

Rules are declared one per function in `renja_xl.validasi.rules` (stable code,
default severity, docstring) and run by `validate`; findings never raise.
Rendering (terminal, JSON, marks in a workbook) is separate from finding.
"""

from renja_xl.validasi.config import Config, ConfigError, load_config
from renja_xl.validasi.engine import INTERNAL_CODE, validate
from renja_xl.validasi.finding import Finding, Severity
from renja_xl.validasi.marks import CellMark, Marks, compute_marks
from renja_xl.validasi.report import Report
from renja_xl.validasi.rule import RULES, Rule

__all__ = [
    "INTERNAL_CODE",
    "RULES",
    "CellMark",
    "Config",
    "ConfigError",
    "Finding",
    "Marks",
    "Report",
    "Rule",
    "Severity",
    "compute_marks",
    "load_config",
    "validate",
]
