"""Running every enabled rule over a Renja and collecting one complete report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from renja_xl.formula import column_letter
from renja_xl.model import Baris, Renja, Tabel, TabelKind
from renja_xl.validasi import rules as _rules  # noqa: F401 - registers the rules
from renja_xl.validasi.cells import column_index
from renja_xl.validasi.config import Config, load_config
from renja_xl.validasi.context import RenjaContext, TabelContext
from renja_xl.validasi.finding import SETTERS, Finding, Severity
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


_COLUMNS = 1 << 15
"""More than a sheet's columns (16,384): a finding's sort key is row position × this + column."""


class _Place(NamedTuple):
    """Where one table's findings about one field go, and how to find their rows."""

    column: int
    """The field's 1-based column (0 when the layout has none): orders findings in a row."""
    letter: str | None
    sheet: str
    """The table's sheet, for rows that do not name their own."""
    file: str | None
    offset: int
    """How many rows the tables before this one have: findings are listed table by table."""
    table: TabelContext | None
    """The table's context (None for a table the Renja does not hold)."""
    rows: list[Baris]
    sheets: list[str | None]
    sheet_rows: list[int | None]


def _place(
    tabel: Tabel, field: str, files: dict[TabelKind, str | None], context: RenjaContext
) -> _Place:
    column = column_index(tabel, field)
    letter = column_letter(column) if column is not None else None
    where = (column or 0, letter, tabel.sheet or f"Tabel {tabel.kind}", files.get(tabel.kind))
    offset = 0
    for table in context.tables:
        if table.tabel is tabel:
            return _Place(*where, offset, table, tabel.baris, table.sheet_names, table.sheet_rows)
        offset += len(table.tabel.baris)
    return _Place(*where, offset, None, [], [], [])


def _report(renja: Renja, settings: Config, files: dict[TabelKind, str | None]) -> Report:
    context = RenjaContext(renja, settings)
    positions: dict[int, int] = {}  # every row of every table, only for rows out of place
    nowhere = sum(len(tabel.baris) for tabel in renja.tabel)  # after every table
    places: dict[tuple[int, str], _Place] = {}
    failures: list[Finding] = []
    found: list[Finding] = []
    keys: list[int] = []  # each finding's place in the sheets: row position, then column
    new = object.__new__
    (
        set_code, set_severity, set_sheet, set_cell, set_row, set_message, set_expected,
        set_actual, set_field, set_related, set_file,
    ) = SETTERS
    for rule in RULES.values():
        if not settings.enabled(rule.code):
            continue
        try:
            problems = list(_run(rule, context))
        except Exception as exc:  # one broken rule must not hide the others
            failures.append(_failure(rule, exc))
            continue
        code, severity = rule.code, settings.severity_of(rule.code, rule.severity)
        place_tabel, place_field = None, ""
        for tabel, baris, field, message, expected, actual, related in problems:
            if tabel is not place_tabel or field != place_field:  # a rule's problems come in runs
                place_tabel, place_field = tabel, field
                place = places.get((id(tabel), field))
                if place is None:
                    place = places[(id(tabel), field)] = _place(tabel, field, files, context)
                column, letter, default_sheet, file, offset, table, rows, sheets, sheet_rows = (
                    place
                )
            if baris.__class__ is int and table is not None:  # the row's index in its table
                sheet, row, position = sheets[baris], sheet_rows[baris], offset + baris
            elif (
                table is not None
                and (index := table.index_of.get(id(baris))) is not None
                and rows[index] is baris
            ):
                sheet, row, position = sheets[index], sheet_rows[index], offset + index
            else:  # a row outside the problem's table: read it directly
                if baris.__class__ is int:
                    baris = tabel.baris[baris]
                asal = baris.asal
                sheet, row = (asal.sheet, asal.row) if asal is not None else (None, None)
                positions = positions or _positions(renja)
                position = positions.get(id(baris), nowhere)
            # Finding's own __init__, inlined: this runs for every problem of a big plan.
            finding = new(Finding)
            set_code(finding, code)
            set_severity(finding, severity)
            set_sheet(finding, sheet or default_sheet)
            set_cell(finding, f"{letter}{row}" if row is not None and letter is not None else None)
            set_row(finding, row)
            set_message(finding, message)
            set_expected(finding, expected)
            set_actual(finding, actual)
            set_field(finding, field)
            set_related(finding, related)
            set_file(finding, file)
            found.append(finding)
            keys.append(position * _COLUMNS + column)
    # A stable sort: one cell's findings keep the rules' order.
    ordered = map(found.__getitem__, sorted(range(len(found)), key=keys.__getitem__))
    first = next((f for f in files.values() if f), None)
    return Report([*failures, *ordered], first)
