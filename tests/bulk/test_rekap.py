"""`renja-xl rekap`: totals equal the inputs' JUMLAH rows, per agency and overall
(acceptance 4), in every view of the workbook and in the tidy rows."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.bulk import SHEET_NAMES, build_rekap, collect_rekap, find_workbooks, tidy_rows
from renja_xl.cli.app import app
from renja_xl.model import Level, Renja
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write
from tests.support.synthetic import write_synthetic_folder

runner = CliRunner(env={"COLUMNS": "250"})
REHABILITASI = "PROGRAM REHABILITASI SOSIAL"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight synthetic agencies (one file broken) and the real Dharmasraya plan, coded in part."""
    root = tmp_path_factory.mktemp("renja")
    write_synthetic_folder(root / "sintetis", 8, broken=1, seed=5, rows=(20, 60))
    from renja_xl.example import load_example

    dharmasraya = load_example()
    program = next(b for b in dharmasraya.tabel31 if b.uraian == REHABILITASI)
    program.kode = "1.06.04"
    write(dharmasraya, root / "Renja_DINSOSP3APPKB_2022.xlsx")
    return root


@pytest.fixture(scope="module")
def rekap_run(folder: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("rekap")
    result = runner.invoke(app, ["rekap", str(folder), "--keluar", str(out / "rekap.xlsx"),
                                 "--parquet", str(out / "rekap.parquet"),
                                 "--csv", str(out / "rekap.csv"), "--workers", "2"])
    return result, out


@pytest.fixture(scope="module")
def jumlah(folder: Path) -> dict[str, tuple[int, int]]:
    """Each readable input's JUMLAH row (year N, N+1) as its file states it."""
    found = {}
    for path in find_workbooks([folder]):
        try:
            renja = load(path)
        except Exception:
            continue
        found[path.name] = (renja.tabel31.jumlah.pagu, renja.tabel31.jumlah.pagu_maju)
    return found


def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    return [row for row in book[sheet].iter_rows(min_row=5, values_only=True) if any(row)]


def _total_row(path: Path, sheet: str) -> tuple:
    return next(row for row in _sheet_rows(path, sheet) if "JUMLAH" in row)


def test_failed_file_is_reported_and_the_others_consolidated(rekap_run, jumlah):
    result, out = rekap_run
    assert result.exit_code == 1
    assert len(jumlah) == 8
    assert "8 berhasil, 1 gagal, dari 9 berkas" in result.output
    failed = _sheet_rows(out / "rekap.xlsx", "Gagal")
    assert len(failed) == 1
    assert Path(failed[0][1]).name not in jumlah
    assert "bukan berkas Excel" in failed[0][2]


def test_each_agency_total_equals_its_jumlah_row(rekap_run, jumlah):
    _, out = rekap_run
    rows = [r for r in _sheet_rows(out / "rekap.xlsx", "Per Perangkat Daerah") if r[0]]
    assert {r[1]: (r[8], r[9]) for r in rows} == jumlah
    assert all(r[14] is None for r in rows)  # no file's JUMLAH disagrees with its rows


def test_every_view_totals_the_sum_of_all_jumlah_rows(rekap_run, jumlah):
    _, out = rekap_run
    overall = (sum(n for n, _ in jumlah.values()), sum(m for _, m in jumlah.values()))
    agency_total = _total_row(out / "rekap.xlsx", "Per Perangkat Daerah")
    assert (agency_total[8], agency_total[9]) == overall
    assert (agency_total[12], agency_total[13]) == overall
    for sheet in ("Per Urusan", "Per Bidang Urusan", "Per Program"):
        total = _total_row(out / "rekap.xlsx", sheet)
        assert (total[4], total[5]) == overall, sheet
    total = _total_row(out / "rekap.xlsx", "Per Sumber Dana")
    assert (total[3], total[4]) == overall


def test_urusan_and_bidang_come_from_the_codes(rekap_run, dharmasraya: Renja):
    _, out = rekap_run
    program = next(b for b in dharmasraya.tabel31 if b.uraian == REHABILITASI)
    bidang = {r[1]: r for r in _sheet_rows(out / "rekap.xlsx", "Per Bidang Urusan") if r[0]}
    assert bidang["1.06"][2] == "URUSAN PEMERINTAHAN BIDANG SOSIAL"
    assert (bidang["1.06"][4], bidang["1.06"][5]) == (program.pagu, program.pagu_maju)
    assert "tanpa kode" in bidang
    urusan = {r[1]: r for r in _sheet_rows(out / "rekap.xlsx", "Per Urusan") if r[0]}
    assert urusan["1"][4] == program.pagu


def test_the_workbook_has_every_view_with_indonesian_headings(rekap_run):
    _, out = rekap_run
    book = load_workbook(out / "rekap.xlsx")
    assert book.sheetnames == list(SHEET_NAMES)
    headings = [c.value for c in book["Per Program"][4]]
    assert headings[:4] == ["No", "Kode", "Program", "Jumlah Perangkat Daerah"]
    assert book["Per Program"]["E5"].number_format == '#,##0;-#,##0;"-"'


def test_tidy_rows_add_up_to_each_jumlah_row(rekap_run, jumlah):
    pyarrow = pytest.importorskip("pyarrow.parquet")
    _, out = rekap_run
    table = pyarrow.read_table(out / "rekap.parquet").to_pylist()
    by_file: dict[str, list[int]] = {}
    for row in table:
        sums = by_file.setdefault(row["berkas"], [0, 0])
        sums[0] += row["pagu"] or 0
        sums[1] += row["pagu_maju"] or 0
    assert {name: tuple(sums) for name, sums in by_file.items()} == jumlah
    with (out / "rekap.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(table)
    assert sum(int(r["pagu"] or 0) for r in rows) == sum(n for n, _ in jumlah.values())


def test_a_childless_kegiatan_counts_with_its_own_figure(dharmasraya: Renja):
    tabel = dharmasraya.tabel31
    first = next(i for i, b in enumerate(tabel.baris) if b.level is Level.SUB_KEGIATAN)
    kegiatan = tabel.baris[first - 1]
    subs = [b for b in tabel.baris[first:] if b.level is Level.SUB_KEGIATAN][:2]
    tabel.baris = [b for b in tabel.baris if b not in subs]
    rows = tidy_rows(dharmasraya, "dinsos.xlsx").rows
    own = [r for r in rows if r.level == "kegiatan"]
    assert [(r.kegiatan, r.pagu) for r in own] == [(kegiatan.uraian, kegiatan.pagu)]


def test_sumber_dana_is_taken_from_the_nearest_parent_and_normalised(dharmasraya: Renja):
    for row in dharmasraya.tabel31.rows(Level.SUB_KEGIATAN)[:3]:
        row.sumber_dana = " apbd "
    rekap = build_rekap([tidy_rows(dharmasraya, "dinsos.xlsx")])
    assert {line.nama for line in rekap.sumber_dana} == {"APBD", "DAK"}
    assert sum(line.pagu for line in rekap.sumber_dana) == 14_428_928_570


def test_files_of_the_same_name_in_two_folders_are_two_agencies(
    tmp_path: Path, dharmasraya: Renja
) -> None:
    for kecamatan in ("koto_baru", "pulau_punjung"):
        (tmp_path / kecamatan).mkdir()
        write(dharmasraya, tmp_path / kecamatan / "renja.xlsx")
    write(dharmasraya, tmp_path / "dinas_sosial.xlsx")
    _, rekap = collect_rekap(find_workbooks([tmp_path]), workers=1)
    assert sorted(a.berkas for a in rekap.agencies) == [
        "dinas_sosial.xlsx", "koto_baru/renja.xlsx", "pulau_punjung/renja.xlsx"]
    assert {line.perangkat_daerah for line in rekap.program} == {3}
    assert {row.berkas for row in rekap.rows} == {a.berkas for a in rekap.agencies}
