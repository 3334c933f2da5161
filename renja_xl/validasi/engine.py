"""Running every enabled rule over a Renja and collecting one complete report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from renja_xl.formula import column_letter
from renja_xl.model import Renja, Tabel, TabelKind
from renja_xl.validasi import rules as _rules  # noqa: F401 - registers the rules
from renja_xl.validasi.cells import field_column
from renja_xl.validasi.config import Config, load_config
from renja_xl.validasi.context import RenjaContext
from renja_xl.validasi.finding import Finding, Severity
from renja_xl.validasi.report import Report
from renja_xl.validasi.rule import RULES, Problem, Rule, Scope
from renja_xl.validasi.source import Source, load_source

__all__ = ["INTERNAL_CODE", "validate"]

INTERNAL_CODE = "validasi.rule_failed"
"""Code of the finding reported when a rule itself fails on unexpected input."""


def _config(
    config: Config | str | Path | None,
    disable: Iterable[str],
    severity: Mapping[str, str | Severity] | None,
) -> Config:
    base = config if isinstance(config, Config) else Config()
    if isinstance(config, str | Path):
        base = load_config(config)
    result = base.with_overrides(disable, severity)
    result.check_codes(RULES)
    return result


def _run(rule: Rule, context: RenjaContext) -> Iterator[Problem]:
    targets = [context] if rule.scope is Scope.RENJA else context.tables
    for target in targets:
        yield from rule.check(target)


def _failure(rule: Rule, exc: Exception) -> Finding:
    return Finding(
        code=INTERNAL_CODE,
        severity=Severity.ERROR,
        sheet="",
        cell=None,
        row=None,
        message=f"Aturan {rule.code} gagal dijalankan ({type(exc).__name__}: {exc}); "
        "laporkan ke pengembang renja_xl.",
    )


def _positions(renja: Renja) -> dict[int, int]:
    """id(row) → its place among all rows, table after table: the order findings are listed in."""
    positions: dict[int, int] = {}
    start = 0
    for tabel in renja.tabel:
        positions.update({id(b): i for i, b in enumerate(tabel.baris, start)})
        start += len(tabel.baris)
    return positions


def validate(
    source: Source,
    config: Config | str | Path | None = None,
    *,
    other: Source | None = None,
    disable: Iterable[str] = (),
    severity: Mapping[str, str | Severity] | None = None,
) -> Report:
    """Check a Renja (or a workbook path) against every rule; never raises on findings.

    `config` is a `Config` or a TOML file; `disable` switches rules off by code
    or pattern ("kode.*"); `severity` re-levels rules ({"pagu.maju_jump": "error"}).
    `other` is a second workbook holding the table the first lacks.
    """
    settings = _config(config, disable, severity)
    renja, files = load_source(source, other)
    return _report(renja, settings, files)


class _Place(NamedTuple):
    """Where one table's findings about one field go."""

    column: int
    """The field's 1-based column (0 when the layout has none): orders findings in a row."""
    letter: str | None
    sheet: str
    """The table's sheet, for rows that do not name their own."""
    file: str | None


def _place(tabel: Tabel, field: str, files: dict[TabelKind, str | None]) -> _Place:
    column = field_column(tabel, field)
    letter = column_letter(column) if column is not None else None
    return _Place(column or 0, letter, tabel.sheet or f"Tabel {tabel.kind}", files.get(tabel.kind))


def _finding(code: str, severity: Severity, problem: Problem, place: _Place) -> Finding:
    asal = problem.baris.asal
    row = asal.row if asal is not None else None
    return Finding(
        code=code,
        severity=severity,
        sheet=(asal.sheet if asal is not None else None) or place.sheet,
        cell=f"{place.letter}{row}" if row is not None and place.letter is not None else None,
        row=row,
        message=problem.message,
        expected=problem.expected,
        actual=problem.actual,
        field=problem.field,
        related=problem.related,
        file=place.file,
    )


def _report(renja: Renja, settings: Config, files: dict[TabelKind, str | None]) -> Report:
    context = RenjaContext(renja, settings)
    positions = _positions(renja)
    nowhere = len(positions)  # a row of no table: after every table
    places: dict[tuple[int, str], _Place] = {}
    failures: list[Finding] = []
    found: list[tuple[tuple[int, int], Finding]] = []  # (row position, column), finding
    for rule in RULES.values():
        if not settings.enabled(rule.code):
            continue
        try:
            problems = list(_run(rule, context))
        except Exception as exc:  # one broken rule must not hide the others
            failures.append(_failure(rule, exc))
            continue
        severity = settings.severity_of(rule.code, rule.severity)
        for problem in problems:
            key = (id(problem.tabel), problem.field)
            place = places.get(key)
            if place is None:
                place = places[key] = _place(problem.tabel, problem.field, files)
            position = positions.get(id(problem.baris), nowhere)
            found.append(((position, place.column), _finding(rule.code, severity, problem, place)))
    found.sort(key=itemgetter(0))  # stable: one cell's findings keep the rules' order
    first = next((f for f in files.values() if f), None)
    return Report([*failures, *(finding for _, finding in found)], first)
