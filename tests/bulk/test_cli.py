"""`renja-xl buat-tahun-depan` end to end: the real Dharmasraya workbook (acceptance 2)."""

from importlib import resources
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.cli.app import app
from renja_xl.model import Level, Renja
from renja_xl.validasi import validate
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write

runner = CliRunner(env={"COLUMNS": "250"})


def _make_2023(tmp_path: Path, dharmasraya: Renja) -> tuple[Path, Path]:
    source = write(dharmasraya, tmp_path / "Renja_DINSOSP3APPKB_2022.xlsx")
    rules = tmp_path / "aturan.toml"
    rules.write_text(resources.files("renja_xl.prakiraan").joinpath(
        "aturan_dharmasraya.toml").read_text("utf-8"), "utf-8")
    result = runner.invoke(app, ["buat-tahun-depan", str(source), "--tahun", "2023",
                                 "--keluar", str(tmp_path / "2023"), "--aturan", str(rules),
                                 "--workers", "1"])
    assert result.exit_code == 0, result.output
    return source, tmp_path / "2023" / "Renja_DINSOSP3APPKB_2023.xlsx"


def _sub(renja: Renja, uraian: str):
    return next(b for b in renja.tabel31.rows(Level.SUB_KEGIATAN) if b.uraian == uraian)


def test_dharmasraya_2022_workbook_becomes_the_2023_workbook(tmp_path: Path, dharmasraya):
    source, output = _make_2023(tmp_path, dharmasraya)
    old, new = load(source), load(output)
    assert new.tahun == 2023
    planned = [(b.level, b.uraian, b.pagu) for b in new.tabel31 if b.pagu is not None]
    assert planned == [(b.level, b.uraian, b.pagu_maju) for b in old.tabel31
                       if b.pagu_maju is not None]
    assert new.tabel31.jumlah.pagu == 13_878_624_857
    assert new.tabel41.jumlah.pagu == 13_878_624_857


def test_the_2024_column_follows_the_rules_file(tmp_path: Path, dharmasraya):
    _, output = _make_2023(tmp_path, dharmasraya)
    new = load(output)
    gaji = _sub(new, "Penyediaan Gaji dan Tunjangan ASN")  # program penunjang: +10%
    assert (gaji.pagu, gaji.pagu_maju) == (3_801_728_040, 4_181_900_844)
    atk = _sub(new, "Penyediaan Peralatan dan Perlengkapan Kantor")  # declared flat
    assert atk.pagu_maju == atk.pagu == 50_002_000
    for sub in new.tabel31.rows(Level.SUB_KEGIATAN):
        grown = {sub.pagu, (sub.pagu * 105 + 50) // 100, (sub.pagu * 110 + 50) // 100}
        assert sub.pagu_maju in grown, sub.uraian
    subs = new.tabel31.rows(Level.SUB_KEGIATAN)
    assert new.tabel31.jumlah.pagu_maju == sum(s.pagu_maju for s in subs)


def test_titles_and_years_are_those_of_2023(tmp_path: Path, dharmasraya):
    _, output = _make_2023(tmp_path, dharmasraya)
    book = load_workbook(output)
    titles31 = " ".join(str(c.value) for row in book["Tabel 3.1"]["A1:J9"] for c in row
                        if c.value)
    titles41 = " ".join(str(c.value) for row in book["Tabel 4.1"]["A1:H9"] for c in row
                        if c.value)
    assert "SKPD TAHUN 2023" in titles31
    assert "PRAKIRAAN MAJU TAHUN 2024" in titles31
    assert "Rencana Tahun 2023" in titles31
    assert "TAHUN 2023" in titles41
    assert "2022" not in titles31 + titles41
    assert load(output).tanggal == "2022"


def test_the_2023_workbook_has_no_pagu_finding_in_validasi(tmp_path: Path, dharmasraya):
    _, output = _make_2023(tmp_path, dharmasraya)
    pagu = [f for f in validate(output).findings if f.code.startswith("pagu.")]
    assert pagu == []
    tables = [f for f in validate(output).findings if f.code.startswith("tabel.")]
    assert tables == []


def test_an_existing_output_is_kept_as_a_backup(tmp_path: Path, dharmasraya):
    _make_2023(tmp_path, dharmasraya)
    _make_2023(tmp_path, dharmasraya)
    backups = list((tmp_path / "2023").glob("*.cadangan-*.xlsx"))
    assert len(backups) == 1
