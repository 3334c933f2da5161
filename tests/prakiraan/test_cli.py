"""`renja-xl isi-prakiraan` on real workbooks written from the Dharmasraya plan."""

from pathlib import Path

import pytest
import typer
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.cli.prakiraan import isi_prakiraan
from renja_xl.errors import RenjaError, WorkbookError
from renja_xl.model import Level, Renja
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write

RULES = Path(__file__).parents[2] / "renja_xl" / "prakiraan" / "aturan_dharmasraya.toml"
PRINTED_JUMLAH_2023 = 13_878_624_857


def _run(*args: str):
    app = typer.Typer()
    app.command("isi-prakiraan")(isi_prakiraan)
    app.command("lain")(lambda: None)  # two commands: the name is part of the call
    return CliRunner().invoke(app, ["isi-prakiraan", *map(str, args)], terminal_width=240)


def _blank_pattern_rows(renja: Renja) -> dict[str, int]:
    """Empty the 2023 pagu of flat/5%/10% sub kegiatan; their printed values by uraian+pagu."""
    printed = {}
    for row in renja.tabel31.rows(Level.SUB_KEGIATAN):
        if row.pagu and row.pagu_maju and row.pagu_maju * 100 in (
            row.pagu * 100, row.pagu * 105, row.pagu * 110
        ):
            printed[f"{row.uraian}|{row.pagu}"] = row.pagu_maju
            row.pagu_maju = None
    return printed


def _values(path: Path) -> dict[tuple[str, str], object]:
    wb = load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb for r in ws.iter_rows() for c in r}


@pytest.fixture
def blanked(dharmasraya: Renja, workbook_dir: Path) -> tuple[Path, dict[str, int]]:
    printed = _blank_pattern_rows(dharmasraya)
    path = write(dharmasraya, workbook_dir / "renja_2022.xlsx")
    return path, printed


def test_it_fills_the_printed_2023_pagu_into_the_workbook(blanked):
    path, printed = blanked
    result = _run(path, "--aturan", RULES)
    assert result.exit_code == 0, result.output

    tabel = load(path).tabel31
    found = {f"{b.uraian}|{b.pagu}": b.pagu_maju for b in tabel.rows(Level.SUB_KEGIATAN)}
    assert {key: found[key] for key in printed} == printed
    assert tabel.jumlah.pagu_maju == PRINTED_JUMLAH_2023


def test_it_changes_no_cell_that_held_a_value_and_keeps_a_backup(blanked):
    path, printed = blanked
    before = _values(path)
    _run(path, "--aturan", RULES)
    after = _values(path)
    changed = {key for key in after if after[key] != before.get(key)}
    assert changed
    assert all(before.get(key) is None for key in changed)
    assert {key[1][0] for key in changed} <= {"I", "J"}  # only the N+1 columns
    assert len([key for key in changed if key[1][0] == "J"]) == len(printed) == 41
    assert len(list(path.parent.glob("renja_2022.cadangan-*.xlsx"))) == 1


def test_it_keeps_the_subtotal_formulas(blanked):
    path, _ = blanked
    _run(path, "--aturan", RULES)
    ws = load_workbook(path)["Tabel 3.1"]
    jumlah = next(r for r in ws.iter_rows() if r[1].value == "JUMLAH")
    assert str(jumlah[9].value).startswith("=SUBTOTAL(")


def test_it_writes_parents_that_hold_plain_numbers(dharmasraya, workbook_dir):
    sub = dharmasraya.tabel31.rows(Level.SUB_KEGIATAN)[0]
    sub.pagu_maju = None
    path = write(dharmasraya, workbook_dir / "angka.xlsx")
    wb = load_workbook(path)
    ws = wb["Tabel 3.1"]
    for row in ws.iter_rows(min_col=10, max_col=10):
        if isinstance(row[0].value, str) and row[0].value.startswith("=SUBTOTAL"):
            row[0].value = 1  # a typed, stale total
    wb.save(path)

    result = _run(path, "--kenaikan", "10%", "--pembulatan", "1")
    assert result.exit_code == 0, result.output

    tabel = load(path).tabel31
    assert tabel.baris[3].pagu_maju == 33_000_000  # 30.000.000 + 10%
    assert tabel.baris[2].pagu_maju == 33_000_000 + 80_000_000  # the kegiatan, summed


def test_it_reads_rules_from_an_aturan_sheet(dharmasraya, workbook_dir):
    dharmasraya.tabel31.rows(Level.SUB_KEGIATAN)[0].pagu_maju = None
    path = write(dharmasraya, workbook_dir / "dengan_aturan.xlsx")
    wb = load_workbook(path)
    ws = wb.create_sheet("Aturan")
    ws.append(["Pembulatan", 1])
    ws.append(["Program", "Kenaikan Pagu"])
    ws.append(["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "20%"])
    wb.save(path)

    result = _run(path)

    assert "sheet 'Aturan'" in result.output
    assert load(path).tabel31.baris[3].pagu_maju == 36_000_000


def test_coba_shows_without_saving(blanked):
    path, _ = blanked
    before = path.read_bytes()
    result = _run(path, "--aturan", RULES, "--coba")
    assert result.exit_code == 0
    assert "Workbook tidak diubah." in result.output
    assert path.read_bytes() == before


def test_a_bad_growth_is_refused(blanked):
    path, _ = blanked
    result = _run(path, "--kenaikan", "banyak")
    assert isinstance(result.exception, RenjaError)
    assert str(result.exception) == "--kenaikan: bukan persentase: 'banyak'"


def test_a_file_that_is_not_a_workbook_is_one_error(workbook_dir):
    path = workbook_dir / "bukan.xlsx"
    path.write_text("bukan workbook", encoding="utf-8")
    result = _run(path)
    assert isinstance(result.exception, WorkbookError)
