"""Projection rules declared as rows of a sheet "Aturan" inside the workbook.

The sheet holds, optionally, settings as label/value pairs, then a header row
and one rule per row (column order is free, headings are matched loosely):

    Kenaikan bawaan | 5%
    Pembulatan      | 1000

    Program | Kegiatan | Sub Kegiatan | Sumber Dana | Kenaikan Pagu | Kenaikan Target
            | Tambah Target | Lewati | Keterangan

A number in a Kenaikan cell is read as Excel stores a percent cell (0,05 = 5%).
The parser takes rows of plain cell values, so openpyxl, calamine and xlwings
callers can all feed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from renja_xl.errors import CellValueError
from renja_xl.prakiraan.declaration import (
    DeclarationError,
    build_rules,
    defaults_from,
    rule_from,
)
from renja_xl.prakiraan.rules import ProjectionRule, ProjectionRules, rule_text

__all__ = ["HEADINGS", "SETTING_LABELS", "SHEET_NAME", "rules_from_rows"]

SHEET_NAME = "Aturan"

HEADINGS: dict[str, str] = {
    "program": "program",
    "kegiatan": "kegiatan",
    "sub kegiatan": "sub_kegiatan",
    "subkegiatan": "sub_kegiatan",
    "sumber dana": "sumber_dana",
    "kenaikan": "kenaikan",
    "kenaikan pagu": "kenaikan",
    "kenaikan target": "kenaikan_target",
    "tambah target": "tambah_target",
    "lewati": "lewati",
    "tidak dilanjutkan": "lewati",
    "keterangan": "keterangan",
    "catatan": "keterangan",
}
"""Heading (normalized) → key, for the rule columns."""

SETTING_LABELS: dict[str, str] = {
    "kenaikan bawaan": "kenaikan",
    "kenaikan": "kenaikan",
    "kenaikan pagu": "kenaikan",
    "pembulatan": "pembulatan",
    "kenaikan target": "kenaikan_target",
    "tambah target": "tambah_target",
}
"""Label (normalized) → key, for the settings above the header."""

_SCOPE_HEADINGS = {"program", "kegiatan", "sub_kegiatan", "sumber_dana"}


def rules_from_rows(rows: Iterable[Sequence[object]], sheet: str = SHEET_NAME,
                    first_row: int = 1) -> ProjectionRules:
    """Projection rules from the cell values of an "Aturan" sheet, row by row.

    `first_row` is the sheet row number of the first row given. Raises
    CellValueError pointing at the cell when a value cannot be used.
    """
    settings: dict[str, object] = {}
    columns: dict[int, str] | None = None
    rules: list[ProjectionRule] = []
    for number, cells in enumerate(rows, start=first_row):
        values = list(cells)
        if columns is None:
            columns = _header(values)
            if columns is None:
                _setting(values, number, sheet, settings)
            continue
        rule = _rule(values, columns, number, sheet)
        if rule is not None:
            rules.append(rule)
    if columns is None and not settings:
        raise CellValueError("tidak ada baris judul aturan (Program, Kegiatan, Sub Kegiatan, "
                             "Kenaikan Pagu, ...)", sheet=sheet)
    return _build(settings, rules, sheet)


def _label(value: object) -> str:
    return rule_text(str(value)).rstrip(":").replace("_", " ").strip() if value else ""


def _header(values: list[object]) -> dict[int, str] | None:
    found = {i: HEADINGS[_label(v)] for i, v in enumerate(values) if _label(v) in HEADINGS}
    keys = set(found.values())
    if keys & _SCOPE_HEADINGS and len(keys) >= 2:
        return found
    return None


def _setting(values: list[object], number: int, sheet: str, settings: dict[str, object]) -> None:
    filled = [(i, v) for i, v in enumerate(values) if _present(v)]
    if len(filled) < 2 or _label(filled[0][1]) not in SETTING_LABELS:
        return
    key = SETTING_LABELS[_label(filled[0][1])]
    column, value = filled[1]
    try:
        settings[key] = value
        defaults_from({key: value}, fraction_numbers=True)
    except DeclarationError as exc:
        raise CellValueError(exc.message, sheet=sheet, cell=_ref(column, number)) from None


def _rule(values: list[object], columns: dict[int, str], number: int, sheet: str
          ) -> ProjectionRule | None:
    declared = {
        key: values[i] for i, key in columns.items() if i < len(values) and _present(values[i])
    }
    if not declared:
        return None
    try:
        return rule_from(declared, f"sheet '{sheet}' baris {number}", fraction_numbers=True)
    except DeclarationError as exc:
        column = next((i for i, k in columns.items() if k == exc.key), None)
        cell = _ref(column, number) if column is not None else None
        raise CellValueError(exc.message, sheet=sheet, cell=cell) from None


def _build(settings: dict[str, object], rules: list[ProjectionRule], sheet: str) -> ProjectionRules:
    try:
        defaults = defaults_from(settings, fraction_numbers=True)
        return build_rules(defaults, rules, f"sheet '{sheet}'")
    except DeclarationError as exc:
        raise CellValueError(exc.message, sheet=sheet) from None


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _ref(column: int, row: int) -> str:
    """A1-style reference of a 0-based column and 1-based row."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"{letters}{row}"
