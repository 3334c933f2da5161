"""Projection rules from the rows of an "Aturan" sheet (here written and read with openpyxl)."""

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from renja_xl.errors import CellValueError
from renja_xl.prakiraan import SHEET_NAME, ProjectionRule, rules_from_rows

HEADER = ["Program", "Kegiatan", "Sub Kegiatan", "Sumber Dana", "Kenaikan Pagu",
          "Kenaikan Target", "Tambah Target", "Lewati", "Keterangan"]


def _sheet_rows(tmp_path: Path, rows: list[list[object]], percent_cells: list[str] = ()):
    """Write rows to a real "Aturan" sheet, save, reopen and return its cell values."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    for row in rows:
        ws.append(row)
    for ref in percent_cells:
        ws[ref].number_format = "0%"
    path = tmp_path / "aturan.xlsx"
    wb.save(path)
    return list(load_workbook(path)[SHEET_NAME].iter_rows(values_only=True))


def test_a_sheet_declares_settings_then_one_rule_per_row(tmp_path):
    rows = _sheet_rows(tmp_path, [
        ["Aturan Prakiraan Maju"],
        ["Kenaikan bawaan", 0.05],
        ["Pembulatan", 1000],
        [],
        HEADER,
        ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", None, None, None, 0.1],
        [None, None, "Penyediaan Barang Cetak dan Penggandaan", None, "tetap", None, None, None,
         "tidak naik"],
        [None, None, None, "DAK", None, None, None, "ya"],
        [None, None, "Pendataan*", None, None, "5%", None, None],
    ], percent_cells=["B2", "E6"])

    rules = rules_from_rows(rows)

    assert (rules.growth, rules.rounding) == (5, 1000)
    assert rules.rules == (
        ProjectionRule(program="PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", growth=Decimal(10),
                       origin="sheet 'Aturan' baris 6"),
        ProjectionRule(sub_kegiatan="Penyediaan Barang Cetak dan Penggandaan", growth=Decimal(0),
                       note="tidak naik", origin="sheet 'Aturan' baris 7"),
        ProjectionRule(sumber_dana="DAK", skip=True, origin="sheet 'Aturan' baris 8"),
        ProjectionRule(sub_kegiatan="Pendataan*", target_growth=Decimal(5),
                       origin="sheet 'Aturan' baris 9"),
    )


def test_columns_may_come_in_any_order_and_case():
    rows = [["KENAIKAN PAGU", "sub kegiatan:"], ["7%", "Layanan Rujukan"]]
    assert rules_from_rows(rows).rules[0].growth == 7


def test_a_plain_number_above_one_is_refused_with_its_cell():
    rows = [["Program", "Kenaikan Pagu"], ["X", 5]]
    with pytest.raises(CellValueError) as caught:
        rules_from_rows(rows, first_row=3)
    assert caught.value.cell == "B4"
    assert "5%" in caught.value.message


def test_a_bad_setting_points_at_its_cell():
    with pytest.raises(CellValueError) as caught:
        rules_from_rows([["Pembulatan", "sedikit"], ["Program", "Kenaikan"]])
    assert caught.value.cell == "B1"


def test_a_sheet_with_no_header_and_no_settings_is_refused():
    with pytest.raises(CellValueError, match="tidak ada baris judul"):
        rules_from_rows([["catatan bebas"]])
