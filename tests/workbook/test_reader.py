"""The reader: tables found by header text, rows read faithfully, levels inferred."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from renja_xl.errors import CellValueError, LayoutNotFoundError
from renja_xl.model import Level, Renja
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write
from tests.support.printed import fixture_rows, write_printed

FIELDS_31 = ("uraian", "indikator", "lokasi", "sumber_dana", "catatan", "pagu", "pagu_maju")


def _as_printed(baris, maju: bool) -> dict:
    out = {f: getattr(baris, f) for f in FIELDS_31 if maju or f != "pagu_maju"}
    out["target"] = baris.target.teks
    if maju:
        out["target_maju"] = baris.target_maju.teks
    out["level"] = baris.level.value
    return out


def _expected(row: dict, maju: bool) -> dict:
    out = {f: row.get(f, row.get("ket")) for f in FIELDS_31 if maju or f != "pagu_maju"}
    out["catatan"] = row.get("catatan", row.get("ket", ""))
    out["target"] = row["target"]
    if maju:
        out["target_maju"] = row["target_maju"]
    out["level"] = row["level"]
    return out


def it_reads_back_exactly_what_the_writer_wrote(dharmasraya: Renja, workbook_dir: Path) -> None:
    renja = load(write(dharmasraya, workbook_dir / "renja.xlsx"))
    for table, tabel, maju in (("tabel31", renja.tabel31, True), ("tabel41", renja.tabel41, False)):
        expected = [_expected(r, maju) for r in fixture_rows(table)]
        assert [_as_printed(b, maju) for b in tabel.baris] == expected
        assert not any(b.ambiguity for b in tabel.baris)


def it_reads_the_metadata_and_signature(dharmasraya: Renja, workbook_dir: Path) -> None:
    renja = load(write(dharmasraya, workbook_dir / "renja.xlsx"))
    assert (renja.pemda, renja.opd_singkat, renja.tahun) == ("Kabupaten Dharmasraya",
                                                            "DINSOSP3APPKB", 2022)
    assert renja.opd == dharmasraya.opd  # the full name, kept in the document properties
    assert renja.penandatangan.nama == "BOBBY P. RIZA, S.STP, M.Si"
    assert renja.penandatangan.nip == "19820521 200012 1 002"
    assert renja.tempat == "Pulau Punjung"


def it_remembers_where_each_row_came_from(dharmasraya: Renja, workbook_dir: Path) -> None:
    renja = load(write(dharmasraya, workbook_dir / "renja.xlsx"))
    first = renja.tabel31.baris[0]
    assert (first.asal.sheet, first.asal.row) == ("Tabel 3.1", 10)
    assert renja.tabel31.columns["pagu_maju"] == 10
    assert renja.tabel31.baris[1].raw["pagu"].formula == "SUBTOTAL(9,F12:F33)"


@pytest.mark.parametrize("bold", [True, False], ids=["tebal-dicetak", "tanpa-tebal"])
@pytest.mark.parametrize("table", ["tabel31", "tabel41"])
def it_infers_every_level_of_the_tables_as_printed(table: str, bold: bool, tmp_path: Path) -> None:
    path = write_printed(tmp_path / "dicetak.xlsx", table, bold=bold, repeat_every=25)
    renja = load(path)
    tabel = renja.tabel31 if table == "tabel31" else renja.tabel41
    expected = [r["level"] for r in fixture_rows(table)]
    assert len(tabel.baris) == len(expected) == (136 if table == "tabel31" else 132)
    assert [b.level.value for b in tabel.baris] == expected
    assert [b.uraian for b in tabel.baris] == [r["uraian"] for r in fixture_rows(table)]


def it_finds_a_table_that_starts_in_another_column_with_amounts_typed_as_text(
    tmp_path: Path,
) -> None:
    path = write_printed(tmp_path / "geser.xlsx", first_column=3, amounts_as_text=True,
                         title=False)
    tabel = load(path).tabel31
    assert tabel.columns["uraian"] == 4
    assert tabel.jumlah.pagu == 14_428_928_570
    assert tabel.jumlah.pagu_maju == 13_878_624_857
    assert [b.level.value for b in tabel.baris] == [r["level"] for r in fixture_rows("tabel31")]


def it_evaluates_formulas_itself_and_never_trusts_a_cached_total(
    dharmasraya: Renja, workbook_dir: Path
) -> None:
    path = write(dharmasraya, workbook_dir / "renja.xlsx")
    wb = load_workbook(path)
    wb["Tabel 3.1"]["F13"] = "=10000000*3"
    wb.save(path)
    tabel = load(path).tabel31
    assert tabel.baris[3].pagu == 30_000_000
    assert tabel.baris[2].pagu == 90_000_000  # =SUBTOTAL over the two rows
    assert tabel.jumlah.pagu == 14_428_928_570


def it_parses_rupiah_text_and_dashes_in_amount_cells(
    dharmasraya: Renja, workbook_dir: Path
) -> None:
    path = write(dharmasraya, workbook_dir / "renja.xlsx")
    wb = load_workbook(path)
    ws = wb["Tabel 3.1"]
    ws["F13"], ws["J13"] = "Rp 30.000.000,-", "-"
    wb.save(path)
    row = load(path).tabel31.baris[3]
    assert (row.pagu, row.pagu_maju) == (30_000_000, None)


def it_refuses_text_in_a_pagu_cell_naming_the_cell(dharmasraya: Renja, workbook_dir: Path) -> None:
    path = write(dharmasraya, workbook_dir / "renja.xlsx")
    wb = load_workbook(path)
    wb["Tabel 3.1"]["F13"] = "seratus juta"
    wb.save(path)
    with pytest.raises(CellValueError) as caught:
        load(path)
    assert caught.value.cell == "F13" and caught.value.sheet == "Tabel 3.1"
    assert "seratus juta" in str(caught.value) and "renja.xlsx" in str(caught.value)


def it_keeps_unreadable_cells_for_validasi_in_lenient_mode(
    dharmasraya: Renja, workbook_dir: Path
) -> None:
    path = write(dharmasraya, workbook_dir / "renja.xlsx")
    wb = load_workbook(path)
    wb["Tabel 3.1"]["F13"] = "seratus juta"
    wb["Tabel 3.1"]["J14"] = "=#REF!+1"
    wb.save(path)
    tabel = load(path, strict=False).tabel31
    assert tabel.baris[3].pagu is None and tabel.baris[3].raw["pagu"].value == "seratus juta"
    assert tabel.baris[4].pagu_maju is None and "#REF!" in tabel.baris[4].raw["pagu_maju"].value


def it_says_so_when_no_sheet_holds_a_renja_table(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Daftar hadir rapat"
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(LayoutNotFoundError, match=r"tidak ditemukan header Tabel 3\.1"):
        load(tmp_path / "lain.xlsx")


def it_uses_a_kode_over_every_other_signal(tmp_path: Path) -> None:
    rows = [dict(r) for r in fixture_rows("tabel31")]
    rows[3]["kode"] = "1.06.01.2.01"  # a sub kegiatan typed with a kegiatan code
    path = write_printed(tmp_path / "kode.xlsx", rows=rows, bold=False)
    assert load(path, strict=False).tabel31.baris[3].level is Level.KEGIATAN


def it_flags_a_row_whose_level_rests_on_a_thin_margin(tmp_path: Path) -> None:
    rows = [dict(r) for r in fixture_rows("tabel31")[:7]]
    # A last row with no figures, no kode, no bold and a name of the agency's own:
    # an empty kegiatan or an empty sub kegiatan? Nothing left on the sheet can tell.
    empty = dict(rows[-1], uraian="Kegiatan Khusus Daerah", indikator="", pagu=None,
                 pagu_maju=None, target="", target_maju="")
    path = write_printed(tmp_path / "ragu.xlsx", rows=[*rows, empty], bold=False,
                         repeat_every=None)
    tabel = load(path, strict=False).tabel31
    assert tabel.baris[-1].ambiguity and "tidak pasti" in tabel.baris[-1].ambiguity
    assert not any(b.ambiguity for b in tabel.baris[:-1])


def it_keeps_levels_when_a_subtotal_range_was_left_short(
    dharmasraya: Renja, workbook_dir: Path
) -> None:
    path = write(dharmasraya, workbook_dir / "renja.xlsx")
    wb = load_workbook(path)
    ws = wb["Tabel 3.1"]
    ws["F17"], ws["J17"] = "=SUBTOTAL(9,F18:F22)", "=SUBTOTAL(9,J18:J22)"  # row 23 left out
    ws["F15"] = 1234  # a wrong typed total elsewhere
    wb.save(path)
    levels = [b.level.value for b in load(path, strict=False).tabel31.baris]
    assert levels == [r["level"] for r in fixture_rows("tabel31")]


def it_reads_bold_from_the_cells(tmp_path: Path) -> None:
    path = write_printed(tmp_path / "b.xlsx", bold=True)
    wb = load_workbook(path)
    wb.active["B20"].font = Font(bold=False)
    wb.save(path)
    assert load(path).tabel31.baris[0].bold is True
