"""`renja-xl isi-kode` on the real Dharmasraya workbook, written by renja_xl itself."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.cli.app import app
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write

runner = CliRunner()


@pytest.fixture
def workbook(workbook_dir: Path, dharmasraya) -> Path:
    return write(dharmasraya, workbook_dir / "renja.xlsx")


def _cell(path: Path, sheet: str, row: int, column: int):
    return load_workbook(path)[sheet].cell(row, column)


def test_fills_kode_cells_as_text_and_keeps_a_backup(workbook: Path):
    result = runner.invoke(app, ["isi-kode", str(workbook)])
    assert result.exit_code == 0, result.output
    assert "120 baris diberi kode, 11 baris tanpa kode" in result.output
    assert "117 baris diberi kode, 10 baris tanpa kode" in result.output
    renja = load(workbook)
    rows = renja.tabel31.baris
    permakanan = next(b for b in rows if b.uraian == "Penyediaan Perumahan")
    assert permakanan.kode == "1.06.04.2.01.0001"
    assert sum(1 for b in rows if b.kode) == 120
    asal, column = permakanan.asal, renja.tabel31.columns["kode"]
    cell = _cell(workbook, asal.sheet, asal.row, column)
    assert cell.value == "1.06.04.2.01.0001"
    assert cell.number_format == "@"
    assert len(list(workbook.parent.glob("renja.cadangan-*.xlsx"))) == 1


def test_only_kode_cells_change_without_perbaiki_nama(workbook: Path, dharmasraya):
    runner.invoke(app, ["isi-kode", str(workbook)])
    renja = load(workbook)
    assert [b.uraian for b in renja.tabel31.baris] == [b.uraian for b in dharmasraya.tabel31.baris]
    assert [b.pagu for b in renja.tabel31.baris] == [b.pagu for b in dharmasraya.tabel31.baris]


def test_a_second_run_changes_nothing(workbook: Path):
    runner.invoke(app, ["isi-kode", str(workbook)])
    again = runner.invoke(app, ["isi-kode", str(workbook)])
    assert again.exit_code == 0, again.output
    assert "0 baris diberi kode" in again.output
    assert "Tidak ada sel yang diisi; berkas tidak diubah." in again.output


def test_perbaiki_nama_writes_the_official_spelling(workbook: Path):
    result = runner.invoke(app, ["isi-kode", str(workbook), "--perbaiki-nama"])
    assert result.exit_code == 0, result.output
    names = [b.uraian for b in load(workbook).tabel31.baris]
    assert "Penyediaan Permakanan" in names
    assert "Penyediaan Perumahan" not in names
    assert "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" in names


def test_coba_leaves_the_file_untouched(workbook: Path):
    before = workbook.read_bytes()
    result = runner.invoke(app, ["isi-kode", str(workbook), "--coba"])
    assert result.exit_code == 0, result.output
    assert "Kode yang diisi" in result.output
    assert workbook.read_bytes() == before


def test_urusan_option_places_the_program_penunjang(workbook: Path):
    result = runner.invoke(app, ["isi-kode", str(workbook), "--urusan", "2.14"])
    assert result.exit_code == 0, result.output
    program = load(workbook).tabel31.baris[1]
    assert program.uraian.startswith("PROGRAM PENUNJANG")
    assert program.kode == "2.14.01"
