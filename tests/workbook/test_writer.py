"""The writer: official layout, live formulas, styles and print setup."""

import os
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from renja_xl.example import example_data
from renja_xl.model import Renja, TabelKind
from renja_xl.workbook.layout import layout_for
from renja_xl.workbook.writer import build_workbook, render, template_path, write


@pytest.fixture
def written(dharmasraya: Renja, workbook_dir: Path) -> Path:
    return write(dharmasraya, workbook_dir / "renja.xlsx")


@pytest.mark.libreoffice
def it_recalculates_in_libreoffice_to_every_printed_figure(written: Path, recalculate) -> None:
    wb = load_workbook(recalculate(written), data_only=True)
    data = example_data()
    tables = (("Tabel 3.1", "tabel31", ("F", "J")), ("Tabel 4.1", "tabel41", ("F",)))
    for sheet, table, fields in tables:
        ws = wb[sheet]
        first = layout_for(TabelKind.TABEL_31).first_data_row
        for offset, row in enumerate(data[table]):
            values = [ws[f"{col}{first + offset}"].value for col in fields]
            printed = [row["pagu"], row.get("pagu_maju")][: len(fields)]
            if row["level"] in ("program", "kegiatan", "jumlah"):
                assert values == printed, (sheet, first + offset, row["uraian"])
    assert wb["Tabel 3.1"]["F145"].value == 14_428_928_570
    assert wb["Tabel 3.1"]["J145"].value == 13_878_624_857
    assert wb["Tabel 4.1"]["F141"].value == 14_428_928_570


def it_writes_parents_and_jumlah_as_subtotal_formulas_for_both_years(written: Path) -> None:
    ws = load_workbook(written)["Tabel 3.1"]
    assert ws["B11"].value == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
    assert ws["F11"].value == "=SUBTOTAL(9,F12:F33)"
    assert ws["J11"].value == "=SUBTOTAL(9,J12:J33)"
    assert ws["F12"].value == "=SUBTOTAL(9,F13:F14)"
    assert ws["B145"].value == "JUMLAH"
    assert ws["F145"].value == "=SUBTOTAL(9,F10:F144)"
    assert ws["F13"].value == 30_000_000


def it_fills_the_title_header_and_column_numbers(written: Path) -> None:
    wb = load_workbook(written)
    ws = wb["Tabel 3.1"]
    assert [ws[f"A{r}"].value for r in range(1, 5)] == [
        "TABEL 3.1",
        "RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN 2022",
        "DAN PRAKIRAAN MAJU TAHUN 2023",
        "KABUPATEN DHARMASRAYA",
    ]
    assert ws["D7"].value == "Rencana Tahun 2022"
    assert ws["I7"].value == "Prakiraan Maju Rencana Tahun 2023"
    assert "D7:G7" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(9, c).value for c in range(1, 11)] == list(range(1, 11))
    assert wb["Tabel 4.1"]["A1"].value == "TABEL 4.1"
    assert [wb["Tabel 4.1"].cell(9, c).value for c in range(1, 9)] == list(range(1, 9))
    assert wb.sheetnames == ["Tabel 3.1", "Tabel 4.1"]


def it_styles_rows_by_level_and_formats_numbers_and_codes(written: Path) -> None:
    ws = load_workbook(written)["Tabel 3.1"]
    program, kegiatan, sub = ws["B11"], ws["B12"], ws["B13"]
    assert program.font.b and kegiatan.font.b and not sub.font.b
    assert sub.alignment.indent > kegiatan.alignment.indent
    assert program.fill.fgColor.rgb != sub.fill.fgColor.rgb
    assert ws["F13"].number_format == '#,##0;-#,##0;"-"'
    assert ws["A13"].number_format == "@"
    assert ws["E13"].number_format == "@"


def it_prepares_the_sheet_for_printing_and_signing(written: Path) -> None:
    ws = load_workbook(written)["Tabel 3.1"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$7:$9"
    assert ws.freeze_panes == "C10"
    texts = [ws.cell(r, 8).value for r in range(147, 160)]
    assert "KEPALA DINAS," in texts
    assert "BOBBY P. RIZA, S.STP, M.Si" in texts
    assert "NIP. 19820521 200012 1 002" in texts


def it_can_print_on_f4(dharmasraya: Renja) -> None:
    wb = build_workbook(dharmasraya, paper="F4")
    assert wb["Tabel 3.1"].page_setup.paperSize == 14


def it_writes_a_kode_like_1_10_as_text(dharmasraya: Renja, workbook_dir: Path) -> None:
    dharmasraya.tabel31.baris[1].kode = "1.10"
    ws = load_workbook(write(dharmasraya, workbook_dir / "k.xlsx"))["Tabel 3.1"]
    assert ws["A11"].value == "1.10"


def it_ships_both_templates_inside_the_package() -> None:
    for kind in TabelKind:
        assert template_path(kind).is_file()


def it_leaves_formula_results_empty_for_the_spreadsheet_to_compute(written: Path) -> None:
    cached = load_workbook(written, data_only=True)["Tabel 3.1"]
    assert cached["F11"].value is None and cached["F145"].value is None
    assert cached["F13"].value == 30_000_000


def it_records_the_agency_and_leaves_out_the_style_sheet(written: Path) -> None:
    wb = load_workbook(written)
    assert wb.properties.subject == (
        "Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
        "Keluarga Berencana (DINSOSP3APPKB)"
    )
    assert wb.properties.title == "Renja DINSOSP3APPKB 2022"
    assert wb.sheetnames == ["Tabel 3.1", "Tabel 4.1"]


def it_keeps_the_previous_file_as_a_backup(dharmasraya: Renja, workbook_dir: Path) -> None:
    path = workbook_dir / "renja.xlsx"
    path.write_bytes(render(dharmasraya, paper="F4"))
    before = path.read_bytes()
    write(dharmasraya, path)
    backups = [p for p in workbook_dir.iterdir() if p != path]
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert load_workbook(path)["Tabel 3.1"].page_setup.paperSize == 9


def it_gives_build_workbook_the_same_cells_as_the_written_file(
    dharmasraya: Renja, written: Path
) -> None:
    built = build_workbook(dharmasraya)["Tabel 4.1"]
    saved = load_workbook(written)["Tabel 4.1"]
    assert [[c.value for c in row] for row in built.iter_rows()] == [
        [c.value for c in row] for row in saved.iter_rows()
    ]
    assert dharmasraya.tabel41.columns["pagu"] == 6


def it_follows_a_template_edited_between_two_writes(
    dharmasraya: Renja, workbook_dir: Path
) -> None:
    dharmasraya.tabel31 = None
    template = workbook_dir / "Tabel41_kantor.xlsx"
    wb = load_workbook(template_path(TabelKind.TABEL_41))
    wb["Tabel 4.1"]["A5"] = "Perangkat Daerah: {opd} ({kode_unit})"
    wb.save(template)
    first = load_workbook(write(dharmasraya, workbook_dir / "a.xlsx", templates={"4.1": template}))
    assert first["Tabel 4.1"]["A5"].value == (
        f"Perangkat Daerah: {dharmasraya.opd} ({{kode_unit}})"
    )
    wb["Tabel 4.1"]["A5"].font = Font(name="Courier New", size=9)
    wb.save(template)
    os.utime(template, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    second = load_workbook(write(dharmasraya, workbook_dir / "b.xlsx", templates={"4.1": template}))
    assert second["Tabel 4.1"]["A5"].font.name == "Courier New"


def it_gives_wrapped_rows_the_height_their_text_needs(
    dharmasraya: Renja, workbook_dir: Path
) -> None:
    ws = load_workbook(write(dharmasraya, workbook_dir / "tinggi.xlsx"))["Tabel 3.1"]
    # row 16: "Penyediaan Gaji dan Tunjangan ASN", whose indikator runs over three lines
    assert ws.row_dimensions[16].height is not None and ws.row_dimensions[16].height >= 3 * 12.75
    assert ws.row_dimensions[13].height is None  # a short row keeps the default height
