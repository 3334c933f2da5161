"""The hierarchy rules on real workbooks: orphan rows and rows of uncertain level."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from renja_xl.model import Asal, Level
from renja_xl.validasi import validate
from tests.validasi.planting import SHEET_31, SHEET_41, clean_renja, find_row, write_clean

_FIRST_KEGIATAN = "Perencanaan, Penganggaran, dan evaluasi kinerja"


def _without_first_kegiatan() -> object:
    renja = clean_renja()
    for tabel in renja.tabel:
        index = next(i for i, b in enumerate(tabel.baris) if b.uraian.startswith(_FIRST_KEGIATAN))
        del tabel.baris[index]
    return renja


def test_sub_kegiatan_without_kegiatan_is_an_orphan(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir, renja=_without_first_kegiatan())
    wb = load_workbook(path)

    report = validate(path)

    orphans = report.by_code("hierarki.orphan")
    expected = {
        (sheet, f"B{find_row(wb[sheet], name)}")
        for sheet in (SHEET_31, SHEET_41)
        for name in ("Koordinasi dan penyusunan dokumen", "Penyusunan Laporan Capaian")
    }
    assert {(f.sheet, f.cell) for f in orphans} == expected
    assert {f.code for f in report.errors} == {"hierarki.orphan"}
    assert all("tidak berada di bawah kegiatan" in f.message for f in orphans)


def test_kegiatan_without_program_is_an_orphan() -> None:
    renja = clean_renja()
    tabel = renja.tabel31
    assert tabel is not None
    first_program = next(i for i, b in enumerate(tabel.baris) if b.level is Level.PROGRAM)
    del tabel.baris[first_program]

    report = validate(renja, disable=["tabel.mismatch"])

    orphans = report.by_code("hierarki.orphan")
    assert [f.message.split('"')[1] for f in orphans][:1] == [
        "Perencanaan, Penganggaran, dan evaluasi kinerja perangkat Daerah"
    ]
    assert all(f.message.startswith("Kegiatan") for f in orphans)


def test_uncertain_level_from_the_reader_is_a_warning_at_its_name() -> None:
    renja = clean_renja()
    tabel = renja.tabel31
    assert tabel is not None
    row = tabel.baris[8]
    row.asal = Asal(sheet=SHEET_31, row=18)
    row.ambiguity = "tingkat baris tidak pasti: dianggap Sub Kegiatan, tetapi bisa juga Kegiatan"

    found = validate(renja).by_code("hierarki.ambiguous")

    assert [(f.sheet, f.cell, f.severity.value) for f in found] == [(SHEET_31, "B18", "warning")]
    assert found[0].message.startswith("Tingkat baris tidak pasti")


def test_a_row_the_reader_cannot_place_is_reported_from_a_real_workbook(tmp_path: Path) -> None:
    from tests.support.printed import fixture_rows, write_printed

    rows = [dict(r) for r in fixture_rows("tabel31")[:7]]
    rows[1].update(pagu=rows[2]["pagu"] + rows[5]["pagu"],
                   pagu_maju=rows[2]["pagu_maju"] + rows[5]["pagu_maju"])  # the program's block
    # A last row with no figures, no kode, no bold and a name of the agency's own.
    empty = dict(rows[-1], uraian="Kegiatan Khusus Daerah", indikator="", pagu=None,
                 pagu_maju=None, target="", target_maju="")
    path = write_printed(tmp_path / "ragu.xlsx", rows=[*rows, empty], bold=False,
                         repeat_every=None)

    report = validate(path, disable=["tabel.mismatch"])

    found = report.by_code("hierarki.ambiguous")
    assert [(f.sheet, f.cell) for f in found] == [("Lampiran", "B15")]
    assert report.errors == []
