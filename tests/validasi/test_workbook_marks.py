"""Acceptance 3: `--tandai` marks cells and lists findings, reversibly, without touching data."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from renja_xl.validasi import validate
from renja_xl.validasi.marks import ERROR_FILL, SHEET_NAME, WARNING_FILL, split_sheet_ref
from renja_xl.validasi.workbook_marks import MEMORY_SHEET, mark_file
from tests.validasi.planting import SHEET_31, SHEET_41, plant, write_clean

_USER_GREEN = "0000B050"


def _values(path: Path) -> dict[tuple[str, str], object]:
    wb = load_workbook(path)
    return {
        (ws.title, cell.coordinate): cell.value
        for ws in wb.worksheets
        if ws.title in (SHEET_31, SHEET_41)
        for row in ws.iter_rows()
        for cell in row
    }


def _fills(path: Path) -> dict[tuple[str, str], str]:
    wb = load_workbook(path)
    return {
        (ws.title, cell.coordinate): str(cell.fill.fgColor.rgb)
        for ws in wb.worksheets
        if ws.title in (SHEET_31, SHEET_41)
        for row in ws.iter_rows()
        for cell in row
    }


def _marked_workbook(folder: Path) -> tuple[Path, str, str]:
    """A plan with a planted error (text in a pagu) and a user fill on a warned cell."""
    path = write_clean(folder)
    cells = plant(path, [(SHEET_31, "penyediaan sandang", "pagu_maju", "belum tahu")])
    warned = next(f.cell for f in validate(path).warnings if f.sheet == SHEET_31)
    wb = load_workbook(path)
    wb[SHEET_31][warned].fill = PatternFill("solid", fgColor=_USER_GREEN)
    wb[SHEET_41]["H11"].fill = PatternFill("solid", fgColor=_USER_GREEN)
    wb.save(path)
    assert warned is not None
    return path, cells[SHEET_31], warned


def test_marks_colour_cells_and_list_findings(workbook_dir: Path) -> None:
    path, error_cell, warned = _marked_workbook(workbook_dir)
    report = validate(path)

    mark_file(path, report)

    wb = load_workbook(path)
    assert wb[SHEET_31][error_cell].fill.fgColor.rgb.endswith(ERROR_FILL)
    assert wb[SHEET_31][warned].fill.fgColor.rgb.endswith(WARNING_FILL)
    assert wb[MEMORY_SHEET].sheet_state == "veryHidden"
    listing = wb[SHEET_NAME]
    rows = list(listing.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(report)
    assert {r[2] for r in rows} == {f.code for f in report}


def test_hyperlinks_lead_to_the_cited_cells(workbook_dir: Path) -> None:
    path, _, _ = _marked_workbook(workbook_dir)
    report = validate(path)
    mark_file(path, report)

    listing = load_workbook(path)[SHEET_NAME]
    for row in listing.iter_rows(min_row=4):
        link = row[4].hyperlink
        target = split_sheet_ref(link.location)
        assert target == (row[3].value, row[4].value)


def test_marking_twice_equals_marking_once(workbook_dir: Path) -> None:
    path, _, _ = _marked_workbook(workbook_dir)
    mark_file(path, validate(path))
    once = _fills(path), [r for r in load_workbook(path)[SHEET_NAME].iter_rows(values_only=True)]

    mark_file(path, validate(path))
    twice = _fills(path), [r for r in load_workbook(path)[SHEET_NAME].iter_rows(values_only=True)]

    assert once == twice
    assert load_workbook(path).sheetnames.count(SHEET_NAME) == 1


def test_user_fills_survive_and_return_when_marks_go(workbook_dir: Path) -> None:
    path, _, warned = _marked_workbook(workbook_dir)
    before = _fills(path)
    mark_file(path, validate(path))
    assert load_workbook(path)[SHEET_41]["H11"].fill.fgColor.rgb == _USER_GREEN

    mark_file(path, validate(path, disable=["*"]))

    assert _fills(path) == before
    assert load_workbook(path)[SHEET_31][warned].fill.fgColor.rgb == _USER_GREEN


def test_data_cells_are_unchanged(workbook_dir: Path) -> None:
    path, _, _ = _marked_workbook(workbook_dir)
    before = _values(path)

    mark_file(path, validate(path))
    mark_file(path, validate(path))

    assert _values(path) == before


def test_a_backup_of_the_original_is_kept(workbook_dir: Path) -> None:
    path, _, _ = _marked_workbook(workbook_dir)
    original = path.read_bytes()

    backup = mark_file(path, validate(path))

    assert backup is not None and backup.read_bytes() == original
