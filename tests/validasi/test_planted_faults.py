"""Acceptance 2: workbooks from the real plan, one planted fault each, exactly its finding.

Each workbook is written by the real writer from the Dharmasraya plan, one
fault is planted into the file with openpyxl, the file is read back by the
real reader (lenient) and validated. The planted rule must report the planted
cell, and no other error-level finding may appear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.validasi import RULES, validate
from tests.validasi.planting import COLUMN, SHEET_31, SHEET_41, find_row, write_clean

Value = object | Callable[[int], object]
"""A planted value, or a function of the planted row giving it (for formulas)."""


@dataclass(frozen=True)
class Fault:
    """A fault: the code it must raise, where, and the cells to change."""

    code: str
    sheet: str
    uraian: str
    field: str
    edits: tuple[tuple[str, str, str, Value], ...]


def _both(uraian: str, field: str, value: Value) -> Edits:
    return ((SHEET_31, uraian, field, value), (SHEET_41, uraian, field, value))


Edits = tuple[tuple[str, str, str, Value], ...]


def _one(sheet: str, uraian: str, field: str, value: Value) -> Edits:
    return ((sheet, uraian, field, value),)


def _subtotal_plus(column: str, children: int, extra: int) -> Callable[[int], str]:
    return lambda row: f"=SUBTOTAL(9,{column}{row + 1}:{column}{row + children})+{extra}"


_PEMBERDAYAAN = "PROGRAM PEMBERDAYAAN SOSIAL"      # program, block of 11 rows
_SANDANG = "penyediaan sandang"                     # sub kegiatan, Rehabilitasi Sosial Dasar
_ALAT_BANTU = "Penyediaan Alat Bantu"
_REHAB_DASAR = "Rehabilitasi Sosial Dasar Penyandang"  # kegiatan 1.06.04.2.01
_PSM = "Peningkatan Kemampuan Potensi Pekerja Sosial"  # sub kegiatan
_KAT = "Pemberdayaan Sosial Komunitas Adat"            # kegiatan
_KB = "PROGRAM PEMBINAAN KELUARGA BERENCANA"           # last sub kegiatan has no N+1 pagu
_GAJI = "Penyediaan Gaji dan Tunjangan ASN"

FAULTS: dict[str, Fault] = {
    "subtotal kegiatan tahun N (3.1)": Fault(
        "pagu.subtotal_mismatch", SHEET_31, _KAT, "pagu",
        _one(SHEET_31, _KAT, "pagu", _subtotal_plus("F", 2, 1000))),
    "subtotal kegiatan tahun N+1 (3.1)": Fault(
        "pagu.subtotal_mismatch", SHEET_31, _REHAB_DASAR, "pagu_maju",
        _one(SHEET_31, _REHAB_DASAR, "pagu_maju", _subtotal_plus("J", 12, 250000))),
    "subtotal program tahun N (4.1)": Fault(
        "pagu.subtotal_mismatch", SHEET_41, _PEMBERDAYAAN, "pagu",
        _one(SHEET_41, _PEMBERDAYAAN, "pagu", _subtotal_plus("F", 11, 5000000))),
    "subtotal program tahun N+1 (3.1)": Fault(
        "pagu.subtotal_mismatch", SHEET_31, _PEMBERDAYAAN, "pagu_maju",
        _one(SHEET_31, _PEMBERDAYAAN, "pagu_maju", _subtotal_plus("J", 11, 7))),
    "teks di pagu sub kegiatan tahun N (3.1 dan 4.1)": Fault(
        "pagu.not_a_number", SHEET_31, _SANDANG, "pagu",
        _both(_SANDANG, "pagu", "lima puluh juta")),
    "teks di pagu tahun N+1": Fault(
        "pagu.not_a_number", SHEET_31, _PSM, "pagu_maju",
        _one(SHEET_31, _PSM, "pagu_maju", "belum ada")),
    "#REF! di pagu sub kegiatan tahun N (4.1)": Fault(
        "pagu.formula_error", SHEET_41, _ALAT_BANTU, "pagu",
        _one(SHEET_41, _ALAT_BANTU, "pagu", "#REF!")),
    "rumus galat di pagu kegiatan tahun N+1": Fault(
        "pagu.formula_error", SHEET_31, _KAT, "pagu_maju",
        _one(SHEET_31, _KAT, "pagu_maju", "=1/0")),
    "pagu negatif tahun N+1": Fault(
        "pagu.negative", SHEET_31, _ALAT_BANTU, "pagu_maju",
        _one(SHEET_31, _ALAT_BANTU, "pagu_maju", -40000000)),
    "pagu negatif tahun N (3.1 dan 4.1)": Fault(
        "pagu.negative", SHEET_41, _GAJI, "pagu", _both(_GAJI, "pagu", -3456116400)),
    "pagu pecahan tahun N+1": Fault(
        "pagu.fraction", SHEET_31, _PSM, "pagu_maju",
        _one(SHEET_31, _PSM, "pagu_maju", 250000000.25)),
    # In both tables: sen are kept exactly, so sen in 4.1 alone would differ from 3.1.
    "pagu pecahan tahun N (4.1)": Fault(
        "pagu.fraction", SHEET_41, _SANDANG, "pagu",
        _both(_SANDANG, "pagu", 50000000.4)),
    "rentang rumus program terpotong (nilainya kebetulan benar)": Fault(
        "pagu.formula_range", SHEET_31, _KB, "pagu_maju",
        _one(SHEET_31, _KB, "pagu_maju", lambda row: f"=SUBTOTAL(9,J{row + 1}:J{row + 17})")),
    "JUMLAH tahun N": Fault(
        "pagu.jumlah_mismatch", SHEET_31, "JUMLAH", "pagu",
        _one(SHEET_31, "JUMLAH", "pagu", 14428928000)),
    "JUMLAH tahun N+1": Fault(
        "pagu.jumlah_mismatch", SHEET_31, "JUMLAH", "pagu_maju",
        _one(SHEET_31, "JUMLAH", "pagu_maju", 13878624857 + 100)),
    "prakiraan maju kosong": Fault(
        "pagu.maju_missing", SHEET_31, _PSM, "pagu_maju",
        _one(SHEET_31, _PSM, "pagu_maju", None)),
    "lonjakan prakiraan maju": Fault(
        "pagu.maju_jump", SHEET_31, _SANDANG, "pagu_maju",
        _one(SHEET_31, _SANDANG, "pagu_maju", 150000000)),
    "sumber dana kosong (3.1 dan 4.1)": Fault(
        "sumber_dana.empty", SHEET_41, _ALAT_BANTU, "sumber_dana",
        _both(_ALAT_BANTU, "sumber_dana", None)),
    "sumber dana tak dikenal": Fault(
        "sumber_dana.unknown", SHEET_31, _PSM, "sumber_dana",
        _both(_PSM, "sumber_dana", "APBD Desa Wisata")),
    "induk menyebut lebih sedikit sumber dana": Fault(
        "sumber_dana.parent_inconsistent", SHEET_31, _REHAB_DASAR, "sumber_dana",
        _both(_ALAT_BANTU, "sumber_dana", "APBD, DAK Non Fisik")),
    "target kosong tahun N (4.1)": Fault(
        "target.empty", SHEET_41, _PSM, "target", _both(_PSM, "target", None)),
    "target kosong tahun N+1": Fault(
        "target.empty", SHEET_31, _ALAT_BANTU, "target_maju",
        _one(SHEET_31, _ALAT_BANTU, "target_maju", None)),
    "target tanpa angka tahun N+1": Fault(
        "target.no_number", SHEET_31, _SANDANG, "target_maju",
        _one(SHEET_31, _SANDANG, "target_maju", "Paket")),
    "indikator kegiatan kosong": Fault(
        "indikator.empty", SHEET_31, _KAT, "indikator", _both(_KAT, "indikator", None)),
    "indikator sub kegiatan kosong": Fault(
        "indikator.empty", SHEET_41, _SANDANG, "indikator", _both(_SANDANG, "indikator", None)),
    "lokasi kosong": Fault(
        "lokasi.empty", SHEET_31, _PSM, "lokasi", _both(_PSM, "lokasi", "-")),
    "kode tak berbentuk": Fault(
        "kode.format", SHEET_31, _SANDANG, "kode", _both(_SANDANG, "kode", "1.06.4.2.1.2")),
    "kode tak dikenal": Fault(
        "kode.unknown", SHEET_41, _SANDANG, "kode",
        _both(_SANDANG, "kode", "1.06.04.2.01.0999")),
    "kode bernama lain": Fault(
        "kode.name_mismatch", SHEET_31, _SANDANG, "uraian",
        _both(_SANDANG, "kode", "1.06.04.2.01.0004")),
    "kode program dengan nama lain": Fault(
        "kode.name_mismatch", SHEET_31, _PEMBERDAYAAN, "uraian",
        _both(_PEMBERDAYAAN, "kode", "1.06.04")),
    "kode bukan turunan kode kegiatan": Fault(
        "kode.parent_mismatch", SHEET_31, _ALAT_BANTU, "kode",
        _both(_REHAB_DASAR, "kode", "1.06.04.2.01")
        + _both(_ALAT_BANTU, "kode", "1.06.05.2.01.0003")),
    "kode ganda": Fault(
        "kode.duplicate", SHEET_31, _ALAT_BANTU, "kode",
        _both(_SANDANG, "kode", "1.06.04.2.01.0002")
        + _both(_ALAT_BANTU, "kode", "1.06.04.2.01.0002")),
    "nama di 4.1 berbeda": Fault(
        "tabel.mismatch", SHEET_41, _ALAT_BANTU, "uraian",
        _one(SHEET_41, _ALAT_BANTU, "uraian", "Penyediaan Alat Bantu Dengar")),
    "lokasi di 4.1 berbeda": Fault(
        "tabel.mismatch", SHEET_41, _PSM, "lokasi", _one(SHEET_41, _PSM, "lokasi", "50 Nagari")),
    "pagu sub kegiatan di 4.1 berbeda": Fault(
        "tabel.mismatch", SHEET_41, _SANDANG, "pagu", _one(SHEET_41, _SANDANG, "pagu", 55000000)),
    "sumber dana di 4.1 berbeda": Fault(
        "tabel.mismatch", SHEET_41, _GAJI, "sumber_dana",
        _one(SHEET_41, _GAJI, "sumber_dana", "DAU")),
}


def _apply(path: Path, fault: Fault) -> None:
    wb = load_workbook(path)
    for sheet, uraian, column_field, value in fault.edits:
        ws = wb[sheet]
        row = find_row(ws, uraian)
        ws[f"{COLUMN[column_field]}{row}"].value = value(row) if callable(value) else value
    wb.save(path)


def _planted_cells(path: Path, fault: Fault) -> set[tuple[str, str]]:
    """Where the fault must be reported: its row in every sheet the fault touched."""
    wb = load_workbook(path)
    sheets = {sheet for sheet, *_ in fault.edits} | {fault.sheet}
    return {(s, f"{COLUMN[fault.field]}{find_row(wb[s], fault.uraian)}") for s in sheets}


def test_the_suite_covers_every_rule_but_ambiguity_and_orphans() -> None:
    """Every rule is planted at least once (the two hierarchy rules have their own tests)."""
    planted = {f.code for f in FAULTS.values()}
    assert set(RULES) - planted == {"hierarki.ambiguous", "hierarki.orphan"}


@pytest.mark.parametrize("name", list(FAULTS))
def test_planted_fault_gives_exactly_its_finding(name: str, workbook_dir: Path) -> None:
    fault = FAULTS[name]
    path = write_clean(workbook_dir)
    _apply(path, fault)
    cells = _planted_cells(path, fault)
    primary = next(c for s, c in cells if s == fault.sheet)

    report = validate(path)

    found = [f for f in report.by_code(fault.code) if (f.sheet, f.cell) == (fault.sheet, primary)]
    assert found, [(f.code, f.sheet, f.cell) for f in report.by_code(fault.code)]
    others = [
        f for f in report.errors
        if not (f.code == fault.code and (f.sheet, f.cell) in cells)
    ]
    assert others == [], [(f.code, f.sheet, f.cell, f.message) for f in others]
    assert all(f.message and f.row for f in found)
