"""Acceptance 1: the real Dharmasraya plan, as `renja-xl contoh` writes it."""

from __future__ import annotations

import pytest

from renja_xl.example import load_example
from renja_xl.validasi import Report, validate
from renja_xl.workbook.writer import write


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = write(load_example(), tmp_path_factory.mktemp("contoh") / "contoh.xlsx")
    return validate(path)


def _texts(report: Report, code: str) -> list[tuple[object, object]]:
    return [(f.expected, f.actual) for f in report.by_code(code)]


def test_no_pagu_error(report: Report) -> None:
    assert [f for f in report.errors if f.code.startswith("pagu.")] == []


def test_names_differing_between_tables_are_found(report: Report) -> None:
    pairs = _texts(report, "tabel.mismatch")
    assert ("Penyediaan Perumahan", "Penyediaan Permakanan") in pairs
    assert ("Jumlah TSKS yang Terlatih", "Jumlah TKSK yang Terlatih") in pairs


def test_mismatch_points_at_both_cells(report: Report) -> None:
    mismatches = report.by_code("tabel.mismatch")
    finding = next(f for f in mismatches if f.actual == "Penyediaan Permakanan")
    assert finding.sheet == "Tabel 4.1" and finding.cell == f"B{finding.row}"
    assert finding.related is not None and finding.related.startswith("'Tabel 3.1'!B")
    assert finding.related in finding.message


def test_case_and_punctuation_are_no_difference(report: Report) -> None:
    pairs = _texts(report, "tabel.mismatch")
    assert not any(
        isinstance(a, str) and isinstance(b, str) and a.casefold() == b.casefold()
        for a, b in pairs
    )


def test_target_with_only_a_unit(report: Report) -> None:
    found = report.by_code("target.no_number")
    assert {(f.sheet, f.actual) for f in found} == {("Tabel 3.1", "Orang"), ("Tabel 4.1", "Orang")}


def test_budgeted_sub_kegiatan_without_sumber_dana(report: Report) -> None:
    found = [f for f in report.by_code("sumber_dana.empty") if f.sheet == "Tabel 3.1"]
    # Rehabilitasi Sosial (5 rows) and Penanganan Bencana (4 rows) leave the column empty.
    assert len(found) == 9
    assert all(f.cell == f"G{f.row}" for f in found)


def test_programs_whose_children_use_dak(report: Report) -> None:
    programs = [
        f for f in report.by_code("sumber_dana.parent_inconsistent")
        if f.sheet == "Tabel 3.1" and "program" in f.message and "DAK" in f.message
    ]
    assert len(programs) == 2
    assert any(f.actual == "APBD" for f in programs)
