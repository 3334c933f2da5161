"""The three buttons through xlwings' real remote engine, compared with the command line.

A payload built from a real workbook goes to `xw.Book(json=...)`, the script
runs, and its actions are replayed onto the file: the result must be what the
command-line tools write into the same file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import typer
from openpyxl import load_workbook

from renja_xl.cli.core import hitung
from renja_xl.cli.isi_kode import isi_kode as isi_kode_cli
from renja_xl.cli.prakiraan import isi_prakiraan
from renja_xl.example import load_example
from renja_xl.excel import scripts
from renja_xl.nomenklatur import DEFAULT_THRESHOLD
from renja_xl.validasi import validate
from renja_xl.validasi.marks import SHEET_NAME
from renja_xl.validasi.workbook_marks import mark_file
from renja_xl.workbook.reader import load
from renja_xl.workbook.subtotals import subtotal_plan, subtotal_updates
from renja_xl.workbook.writer import build_workbook
from tests.excel.workbooks import SHEET_31, cells, fill_of, planted, run_script, typed

DATA_SHEETS = (SHEET_31, "Tabel 4.1")
_LINK = re.compile(r'^=HYPERLINK\("#(.+)","(.+)"\)$')


@pytest.fixture
def with_error(workbook_dir: Path) -> Path:
    return planted(workbook_dir / "renja.xlsx", with_error=True)


@pytest.fixture
def without_error(workbook_dir: Path) -> Path:
    return planted(workbook_dir / "renja.xlsx", with_error=False)


def _twin(path: Path) -> Path:
    twin = path.with_name("cli_" + path.name)
    shutil.copy(path, twin)
    return twin


def _report_rows(ws) -> list[tuple]:
    rows = []
    for row in ws.iter_rows(min_row=1, max_col=8):
        values = []
        for cell in row:
            value = cell.value
            link = _LINK.match(value) if isinstance(value, str) else None
            if link:
                values.append((link[2], link[1].replace('""', '"')))
            elif cell.hyperlink is not None:
                values.append((value, cell.hyperlink.location))
            else:
                values.append(value)
        rows.append(tuple(values))
    return rows


def test_validasi_marks_and_reports_what_the_command_line_does(with_error):
    cli = _twin(with_error)
    mark_file(cli, validate(cli))
    expected = load_workbook(cli)
    ours, _, alerts = run_script(with_error, scripts.validasi)
    for sheet in DATA_SHEETS:
        coords = [ref for ref, _ in cells(expected[sheet])]
        assert {r: fill_of(ours[sheet], r) for r in coords} == {
            r: fill_of(expected[sheet], r) for r in coords}
    expected_rows, our_rows = _report_rows(expected[SHEET_NAME]), _report_rows(ours[SHEET_NAME])
    assert our_rows[0][0].split(" — ")[0] == expected_rows[0][0].split(" — ")[0]
    assert our_rows[1:] == expected_rows[1:]
    fills = [fill_of(ours[SHEET_NAME], f"B{r}") for r in range(4, len(our_rows) + 1)]
    assert fills == [fill_of(expected[SHEET_NAME], f"B{r}") for r in range(4, len(our_rows) + 1)]
    assert "galat" in alerts[0] and "Validasi" in alerts[0]


def test_validasi_sees_excel_error_values(with_error):
    ours, _, _ = run_script(with_error, scripts.validasi)
    messages = [row[5].value for row in ours[SHEET_NAME].iter_rows(min_row=4)]
    assert any("#REF!" in str(m) for m in messages)


def test_validasi_changes_no_value_the_user_typed(with_error):
    before = load_workbook(with_error)
    ours, _, _ = run_script(with_error, scripts.validasi)
    for sheet in DATA_SHEETS:
        assert dict(cells(ours[sheet])) == dict(cells(before[sheet]))


def test_validasi_again_removes_marks_that_no_longer_apply(with_error, workbook_dir):
    first, _, _ = run_script(with_error, scripts.validasi)
    marked = [r for r, _ in cells(first[SHEET_31]) if fill_of(first[SHEET_31], r)]
    ref = next(r for r, v in cells(first[SHEET_31]) if v == "#REF!")
    clean = typed(build_workbook(load_example()))
    first[SHEET_31][ref].value = clean[SHEET_31][ref].value  # the user fixes the cell
    again = workbook_dir / "lagi.xlsx"
    first.save(again)
    second, _, _ = run_script(again, scripts.validasi)
    assert fill_of(second[SHEET_31], ref) is None
    assert len(second.sheetnames) == len(first.sheetnames)
    assert any(fill_of(second[SHEET_31], r) for r in marked if r != ref)


def test_hitung_subtotal_writes_what_renja_xl_hitung_writes(without_error):
    cli = _twin(without_error)
    hitung(cli, paksa=False, coba=False)
    expected = load_workbook(cli)
    ours, _, alerts = run_script(without_error, scripts.hitung_subtotal)
    for sheet in DATA_SHEETS:
        assert dict(cells(ours[sheet])) == dict(cells(expected[sheet]))
    count = sum(len(subtotal_updates(t)) for t in load(without_error).tabel)
    assert alerts[0].startswith(f"Hitung Subtotal: {count} sel jumlah diperbaiki")


def test_hitung_subtotal_changes_only_parent_and_jumlah_cells(without_error):
    before = load_workbook(without_error)
    parents = {(u.sheet, u.ref) for t in load(without_error).tabel for u in subtotal_updates(t)}
    ours, _, _ = run_script(without_error, scripts.hitung_subtotal)
    for sheet in DATA_SHEETS:
        old, new = dict(cells(before[sheet])), dict(cells(ours[sheet]))
        changed = {ref for ref in old.keys() | new.keys() if old.get(ref) != new.get(ref)}
        assert changed == {ref for s, ref in parents if s == sheet}


@pytest.mark.parametrize("client", ["VBA", "Office.js"])
def test_hitung_subtotal_fixes_what_it_can_and_names_the_blocks_behind_an_error(
        with_error, client):
    cli = _twin(with_error)
    with pytest.raises(typer.Exit) as exit_:  # the command line's "not all computed"
        hitung(cli, paksa=False, coba=False)
    assert exit_.value.exit_code == 1
    expected = load_workbook(cli)
    before = load_workbook(with_error)
    plans = [subtotal_plan(t) for t in load(with_error, strict=False).tabel]
    blocked = [b for plan in plans for b in plan.blocked]
    ours, _, alerts = run_script(with_error, scripts.hitung_subtotal, client=client)
    for sheet in DATA_SHEETS:
        assert dict(cells(ours[sheet])) == dict(cells(expected[sheet]))
    error_cell = next(ref for ref, value in cells(before[SHEET_31]) if value == "#REF!")
    assert ours[SHEET_31][error_cell].value == "#REF!"
    assert blocked and all(b.cells == (error_cell,) for b in blocked)
    for b in blocked:  # left as they were, and named
        assert ours[b.sheet][b.ref].value == before[b.sheet][b.ref].value
        assert f"{b.sheet}!{b.ref}" in alerts[0]
    fixed = sum(len(plan.updates) for plan in plans)
    assert fixed and alerts[0].startswith(f"Hitung Subtotal: {fixed} sel jumlah diperbaiki")
    assert f"{len(blocked)} subtotal tidak dihitung" in alerts[0]
    assert f"{SHEET_31}!{error_cell}" in alerts[0]


def test_isi_prakiraan_maju_fills_what_renja_xl_isi_prakiraan_fills(without_error):
    cli = _twin(without_error)
    isi_prakiraan(cli, kenaikan=None, aturan=None, pembulatan=None, timpa=False, coba=False)
    expected = load_workbook(cli)
    ours, _, alerts = run_script(without_error, scripts.isi_prakiraan_maju)
    for sheet in DATA_SHEETS:
        assert dict(cells(ours[sheet])) == dict(cells(expected[sheet]))
    assert alerts[0].startswith("Isi Prakiraan Maju:")


def test_isi_prakiraan_maju_never_overwrites_a_typed_n_plus_1_value(without_error):
    before = load_workbook(without_error)
    ours, _, _ = run_script(without_error, scripts.isi_prakiraan_maju)
    for ref, value in cells(before[SHEET_31]):
        if ref[0] in "IJ" and not isinstance(value, int | float):
            assert ours[SHEET_31][ref].value == value


def test_isi_kode_fills_the_codes_renja_xl_isi_kode_fills(without_error):
    cli = _twin(without_error)
    isi_kode_cli(cli, urusan=None, bidang=None, perbaiki_nama=False, isi_indikator=False,
                 ambang=DEFAULT_THRESHOLD, coba=False, paksa=False)
    expected = load_workbook(cli)
    ours, _, alerts = run_script(without_error, scripts.isi_kode)
    for sheet in DATA_SHEETS:
        assert dict(cells(ours[sheet])) == dict(cells(expected[sheet]))
    codes = [v for r, v in cells(ours[SHEET_31]) if r.startswith("A") and "." in str(v)]
    assert codes and all(isinstance(c, str) for c in codes)
    assert alerts[0].startswith("Isi Kode:")
