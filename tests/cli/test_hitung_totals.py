"""`hitung` and Validasi agree on subtotals, as Excel shows them (issue 13 parts 2 and 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.validasi import validate
from renja_xl.workbook.reader import load
from tests.cli.test_core import run
from tests.validasi.planting import SHEET_31, SHEET_41, find_row, write_clean

SUBTOTAL_CODES = ("pagu.subtotal_mismatch", "pagu.jumlah_mismatch", "pagu.formula_range")
KEGIATAN_31 = "Perencanaan, Penganggaran"
KEGIATAN_41 = "Administrasi Keuangan Perangkat Daerah"
SUB = "Koordinasi dan penyusunan dokumen RKA"


def _typed_over(path: Path) -> Path:
    """The issue's plan: a kegiatan in each table typed over with its own right figure,
    inside the program's SUBTOTAL, so Excel counts it twice."""
    wb = load_workbook(path)
    wb[SHEET_31][f"F{find_row(wb[SHEET_31], KEGIATAN_31)}"] = 90_000_000
    wb[SHEET_41][f"F{find_row(wb[SHEET_41], KEGIATAN_41)}"] = 3_456_116_400
    wb.save(path)
    return path


def _shows(path: Path, sheet: str, uraian: str, column: str = "F") -> object:
    ws = load_workbook(path, data_only=True)[sheet]
    return ws[f"{column}{find_row(ws, uraian)}"].value


def _subtotal_findings(path: Path) -> list[str]:
    report = validate(path)
    return [f"{f.sheet}!{f.cell} {f.code}" for f in report.findings if f.code in SUBTOTAL_CODES]


@pytest.mark.libreoffice
def it_restores_the_subtotal_formula_of_a_parent_typed_over_inside_another(
    tmp_path: Path, recalculate
) -> None:
    path = _typed_over(write_clean(tmp_path))
    before = recalculate(path)  # the file as Excel saves it: every formula with its result
    assert _shows(before, SHEET_31, "PROGRAM PENUNJANG") == 5_301_187_570
    assert _shows(before, SHEET_31, "JUMLAH") == 14_518_928_570
    assert _shows(before, SHEET_41, "JUMLAH") == 17_885_044_970
    assert _subtotal_findings(before)  # Validasi sees the double count

    result = run("hitung", path)
    assert result.returncode == 0, result.stderr
    assert "rumus subtotal dipulihkan" in " ".join(result.stdout.lower().split())
    ws = load_workbook(path)[SHEET_31]
    assert ws[f"F{find_row(ws, KEGIATAN_31)}"].value == "=SUBTOTAL(9,F13:F14)"

    after = recalculate(path)
    assert _shows(after, SHEET_31, "PROGRAM PENUNJANG") == 5_211_187_570
    assert _shows(after, SHEET_31, "JUMLAH") == 14_428_928_570
    assert _shows(after, SHEET_41, "JUMLAH") == 14_428_928_570
    assert _subtotal_findings(after) == []
    again = run("hitung", after)
    assert again.returncode == 0 and "sudah benar" in again.stdout


def _with_unreadable(path: Path) -> Path:
    wb = load_workbook(path)
    ws = wb[SHEET_31]
    ws[f"F{find_row(ws, SUB)}"] = "#REF!"
    ws[f"J{find_row(ws, SUB)}"] = "menunggu RKA"
    ws[f"F{find_row(ws, 'PROGRAM PEMBERDAYAAN SOSIAL')}"] = 1  # a wrong figure elsewhere
    wb.save(path)
    return path


def it_fixes_what_it_can_and_lists_the_blocks_it_could_not_compute(tmp_path: Path) -> None:
    path = _with_unreadable(write_clean(tmp_path))
    result = run("hitung", path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    ws = load_workbook(path)[SHEET_31]
    program = find_row(ws, "PROGRAM PEMBERDAYAAN SOSIAL")
    assert ws[f"F{program}"].value == f"=SUBTOTAL(9,F{program + 1}:F{program + 11})"
    text = " ".join(result.stdout.split())
    assert "subtotal tidak dihitung" in text
    sub = find_row(ws, SUB)
    assert f"sel F{sub} tidak terbaca" in text and f"sel J{sub} tidak terbaca" in text
    assert load(path, strict=False).tabel31.baris[25].pagu == 1_350_000_000  # type: ignore


def it_says_all_is_right_but_the_blocks_it_could_not_compute(tmp_path: Path) -> None:
    path = write_clean(tmp_path)
    wb = load_workbook(path)
    ws = wb[SHEET_31]
    ws[f"F{find_row(ws, SUB)}"] = "#REF!"
    wb.save(path)
    before = path.read_bytes()
    result = run("hitung", path)
    assert result.returncode == 1
    assert "yang dapat dihitung" in result.stdout and "tidak terbaca" in result.stdout
    assert path.read_bytes() == before
