"""The four editing commands on packages written by LibreOffice and by Excel (hand-edited XML).

For each command and each workbook: every part the command has no business
touching stays byte for byte, exactly the intended cells change (all cells of
all sheets compared), the saved results of formulas elsewhere stay, and
LibreOffice opens the result and recalculates it to the right totals.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.cli.core import hitung
from renja_xl.cli.isi_kode import isi_kode
from renja_xl.cli.prakiraan import isi_prakiraan
from renja_xl.validasi import validate
from renja_xl.validasi.workbook_marks import MEMORY_SHEET, mark_file
from tests.support.libreoffice import recalculate
from tests.xlsx.real_packages import (
    JUMLAH_ROW,
    RICH_TEXT,
    SHEET,
    excel_package,
    libreoffice_package,
    parts,
    replace_parts,
)

pytestmark = pytest.mark.libreoffice

JUMLAH = 14_428_928_570
SUBTOTAL_CODES = ("pagu.subtotal_mismatch", "pagu.jumlah_mismatch", "pagu.formula_range")
KINDS = ("libreoffice.xlsx", "excel.xlsx", "excel.xlsm")


def _broken(source: Path, target: Path) -> Path:
    """The plan with a typed-over JUMLAH, a program summing the wrong block, an empty N+1 cell."""
    sheet = parts(source)["xl/worksheets/sheet1.xml"]
    sheet, typed = re.subn(rb'(<c r="F145"[^>]*>)<f[^>]*>[^<]*</f><v>\d+</v>', rb"\1<v>1</v>",
                           sheet)
    sheet, ranged = re.subn(rb"SUBTOTAL\(9,F12:F33\)", b"SUBTOTAL(9,F12:F20)", sheet)
    sheet, emptied = re.subn(rb'<c r="J13"([^>]*?)(?: t="n")?><v>\d+</v></c>', rb'<c r="J13"\1/>',
                             sheet)
    assert typed == ranged == emptied == 1
    return replace_parts(source, target, {"xl/worksheets/sheet1.xml": sheet})


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("paket")
    written = libreoffice_package(folder / "asal")
    broken = _broken(written, folder / "libreoffice.xlsx")
    return {
        "libreoffice.xlsx": broken,
        "excel.xlsx": excel_package(broken, folder / "excel.xlsx"),
        "excel.xlsm": excel_package(broken, folder / "excel.xlsm"),
    }


@pytest.fixture(params=KINDS)
def workbook(request: pytest.FixtureRequest, packages: dict[str, Path], tmp_path: Path) -> Path:
    copy = tmp_path / request.param
    shutil.copyfile(packages[request.param], copy)
    return copy


def _cells(path: Path, *, data_only: bool = False) -> dict[tuple[str, str], object]:
    wb = load_workbook(path, data_only=data_only)
    return {(ws.title, cell.coordinate): _comparable(cell.value)
            for ws in wb.worksheets for row in ws.iter_rows() for cell in row
            if cell.value is not None}


def _comparable(value: object) -> object:
    """openpyxl's array formula objects compared by what they say."""
    text = getattr(value, "text", None)
    return ("array", value.ref, text) if text is not None else value  # type: ignore[attr-defined]


def _changed_cells(before: dict, after: dict) -> set[tuple[str, str]]:
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _changed_parts(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def _sheet_part(path: Path, name: str) -> str:
    from renja_xl.xlsx import WorkbookEditor

    with WorkbookEditor(path) as editor:
        return editor._part_of(editor._entry(name))


def test_hitung_changes_two_cells_and_keeps_every_other_part(workbook: Path):
    before_parts, before = parts(workbook), _cells(workbook)
    saved_results = _cells(workbook, data_only=True)

    hitung(workbook, paksa=False, coba=False, rumus=False)

    after = _cells(workbook)
    assert _changed_cells(before, after) == {(SHEET, "F11"), (SHEET, "F145")}
    assert after[(SHEET, "F11")] == "=SUBTOTAL(9,F12:F33)"
    assert after[(SHEET, "F145")] == JUMLAH
    assert _changed_parts(before_parts, parts(workbook)) <= {
        _sheet_part(workbook, SHEET), "xl/workbook.xml"}
    results = _cells(workbook, data_only=True)
    assert results[(SHEET, "F11")] == 5_211_187_570  # the formula carries its result
    assert {k: v for k, v in results.items() if k[0] != SHEET} == \
        {k: v for k, v in saved_results.items() if k[0] != SHEET}
    assert b'fullCalcOnLoad="1"' in parts(workbook)["xl/workbook.xml"]


def test_hitung_result_recalculates_in_libreoffice_to_the_right_totals(workbook: Path,
                                                                         tmp_path: Path):
    hitung(workbook, paksa=False, coba=False, rumus=False)

    recalculated = _cells(recalculate(workbook, tmp_path / "lo"), data_only=True)
    assert recalculated[(SHEET, "F145")] == JUMLAH
    assert recalculated[(SHEET, "F11")] == 5_211_187_570
    assert recalculated[("Rekap", "B1")] == JUMLAH


def _typed_over_kegiatan(workbook: Path) -> Path:
    """F12, a kegiatan inside the program's SUBTOTAL, typed over with its own figure (its
    formula gone, the number kept, as Excel saves a typed number): Excel counts it twice."""
    part = _sheet_part(workbook, SHEET)
    sheet, typed = re.subn(rb'(<c r="F12"[^>]*>)<f[^>]*>[^<]*</f>(<v>\d+</v>)', rb"\1\2",
                           parts(workbook)[part])
    assert typed == 1
    return replace_parts(workbook, workbook.with_name("diketik_" + workbook.name), {part: sheet})


def _without_rows(sheet: bytes, rows: set[int]) -> bytes:
    pattern = rb'<row r="(?:%s)"[^>]*>.*?</row>' % b"|".join(b"%d" % r for r in rows)
    return re.sub(pattern, b"", sheet, flags=re.DOTALL)


def test_hitung_restores_a_typed_over_kegiatan_and_validasi_then_finds_no_subtotal_error(
        workbook: Path, tmp_path: Path):
    typed = _typed_over_kegiatan(workbook)
    part = _sheet_part(typed, SHEET)
    before_parts = parts(typed)

    hitung(typed, paksa=False, coba=False, rumus=False)

    after = _cells(typed)
    assert after[(SHEET, "F12")] == "=SUBTOTAL(9,F13:F14)"
    changed_rows = {11, 12, JUMLAH_ROW}  # the program, the kegiatan, JUMLAH
    assert _without_rows(parts(typed)[part], changed_rows) == _without_rows(
        before_parts[part], changed_rows)  # every other byte of the sheet stays
    recalculated = recalculate(typed, tmp_path / "lo")
    shown = _cells(recalculated, data_only=True)
    assert (shown[(SHEET, "F11")], shown[(SHEET, "F145")]) == (5_211_187_570, JUMLAH)
    assert [f for f in validate(recalculated).findings if f.code in SUBTOTAL_CODES] == []


def test_tandai_adds_its_sheets_and_colours_without_touching_values(workbook: Path):
    before_parts, before = parts(workbook), _cells(workbook)

    mark_file(workbook, validate(workbook))

    after = _cells(workbook)
    changed = _changed_cells(before, after)
    assert changed and {sheet for sheet, _ in changed} == {"Validasi", MEMORY_SHEET}
    touched = _changed_parts(before_parts, parts(workbook))
    fixed = {"xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
             "[Content_Types].xml", _sheet_part(workbook, SHEET),
             _sheet_part(workbook, "Tabel 4.1"), _sheet_part(workbook, "Validasi"),
             _sheet_part(workbook, MEMORY_SHEET)}
    assert touched <= fixed
    wb = load_workbook(workbook)
    assert wb[SHEET]["F145"].fill.fgColor.rgb == "FFFFC7CE"
    assert wb[MEMORY_SHEET].sheet_state == "veryHidden"


def test_tandai_twice_gives_the_same_file_as_once(workbook: Path):
    mark_file(workbook, validate(workbook))
    once = parts(workbook)

    mark_file(workbook, validate(workbook))

    assert parts(workbook) == once  # old marks removed, the same formats reused


def test_tandai_without_findings_puts_the_marked_sheets_back_byte_for_byte(workbook: Path):
    before = parts(workbook)

    mark_file(workbook, validate(workbook))
    mark_file(workbook, validate(workbook, disable=["*"]))

    after = parts(workbook)
    for sheet in (SHEET, "Tabel 4.1", "Rekap"):
        part = _sheet_part(workbook, sheet)
        assert after[part] == before[part]


def test_isi_prakiraan_fills_only_empty_cells_of_the_next_year(workbook: Path):
    before_parts, before = parts(workbook), _cells(workbook)

    isi_prakiraan(workbook, kenaikan=None, aturan=None, pembulatan=None, timpa=False, coba=False)

    after = _cells(workbook)
    changed = _changed_cells(before, after)
    assert (SHEET, "J13") in changed and after[(SHEET, "J13")] == 31_500_000  # F13 + 5%
    assert {(sheet, ref[0]) for sheet, ref in changed} <= {(SHEET, "I"), (SHEET, "J")}
    assert all(before.get(key) is None for key in changed)
    assert _changed_parts(before_parts, parts(workbook)) <= {
        _sheet_part(workbook, SHEET), "xl/workbook.xml", "xl/styles.xml"}
    if "excel" in workbook.name:  # the rich-text note, bold red run and all
        assert RICH_TEXT in parts(workbook)["xl/sharedStrings.xml"]
        rich = load_workbook(workbook, rich_text=True)["Rekap"]["A5"].value
        assert [str(run) for run in rich] == ["Catatan", " Bappeda: cek pagu"]
        assert rich[0].font.b and rich[0].font.color.rgb == "FFC00000"


def test_isi_kode_writes_codes_as_text_and_nothing_else(workbook: Path):
    before_parts, before = parts(workbook), _cells(workbook)

    isi_kode(workbook, urusan=None, bidang=None, perbaiki_nama=False, isi_indikator=False,
             ambang=85.0, coba=False, paksa=False)

    after = _cells(workbook)
    changed = _changed_cells(before, after)
    assert len(changed) > 100
    assert {ref[0] for _, ref in changed} == {"A"}
    assert all(isinstance(after[key], str) and before.get(key) is None for key in changed)
    assert _changed_parts(before_parts, parts(workbook)) <= {
        _sheet_part(workbook, SHEET), _sheet_part(workbook, "Tabel 4.1"), "xl/workbook.xml",
        "xl/styles.xml"}
    wb = load_workbook(workbook)
    assert {wb[s][r].number_format for s, r in changed} == {"@"}


def test_all_four_commands_in_a_row_leave_a_file_libreoffice_opens(workbook: Path,
                                                                     tmp_path: Path):
    hitung(workbook, paksa=False, coba=False, rumus=False)
    isi_prakiraan(workbook, kenaikan=None, aturan=None, pembulatan=None, timpa=False, coba=False)
    isi_kode(workbook, urusan=None, bidang=None, perbaiki_nama=False, isi_indikator=False,
             ambang=85.0, coba=False, paksa=False)
    mark_file(workbook, validate(workbook))

    recalculated = _cells(recalculate(workbook, tmp_path / "lo"), data_only=True)
    assert recalculated[(SHEET, "F145")] == JUMLAH
    assert recalculated[(SHEET, "J13")] == 31_500_000
    assert recalculated[(SHEET, "A11")] == "1.06.01"
    assert recalculated[("Validasi", "D3")] == "Sheet"
    assert recalculated[("Rekap", "B3")] == JUMLAH - 5_211_187_570
