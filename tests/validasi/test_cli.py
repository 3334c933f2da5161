"""`renja-xl validasi`, run as a user runs it: tables, JSON, exit codes, hostile files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from renja_xl.cli.output import SHOWN
from renja_xl.model import Renja
from renja_xl.validasi.marks import SHEET_NAME
from renja_xl.workbook.writer import write
from tests.validasi.planting import SHEET_31, SHEET_41, clean_renja, find_row, plant, write_clean


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renja_xl", "validasi", *map(str, args)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "200"},
    )


def _clean_output(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_clean_plan_exits_0_with_a_count_line(workbook_dir: Path) -> None:
    result = run(write_clean(workbook_dir))
    _clean_output(result)
    assert result.returncode == 0
    last = result.stdout.strip().splitlines()[-1]
    assert "LOLOS" in last and "0 galat" in last and "peringatan" in last
    assert "Tabel 3.1 — Peringatan" in result.stdout


def test_errors_exit_1_and_are_listed_first(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir)
    cells = plant(path, [(SHEET_31, "penyediaan sandang", "pagu_maju", "#REF!")])
    result = run(path)
    _clean_output(result)
    assert result.returncode == 1
    assert "Tabel 3.1 — Galat (1)" in result.stdout
    assert result.stdout.index("Galat (1)") < result.stdout.index("Peringatan")
    assert cells[SHEET_31] in result.stdout
    assert "TIDAK LOLOS — 1 galat" in result.stdout.splitlines()[-1]


def test_json_has_the_published_shape(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir)
    plant(path, [(SHEET_41, "Penyediaan Alat Bantu", "lokasi", "Nagari Sitiung")])
    result = run(path, "--json")
    _clean_output(result)
    data = json.loads(result.stdout)
    assert set(data) == {"file", "findings", "summary"}
    assert data["file"] == str(path)
    keys = {"code", "severity", "sheet", "cell", "row", "message", "expected", "actual"}
    assert all(set(f) == keys for f in data["findings"])
    assert data["summary"] == {
        "errors": sum(f["severity"] == "error" for f in data["findings"]),
        "warnings": sum(f["severity"] == "warning" for f in data["findings"]),
    }
    [mismatch] = [f for f in data["findings"] if f["code"] == "tabel.mismatch"]
    assert (mismatch["expected"], mismatch["actual"]) == ("Kab. Dharmasraya", "Nagari Sitiung")
    assert result.returncode == 1


def test_configuration_switches_off_and_relevels(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir)
    config = workbook_dir / "validasi.toml"
    config.write_text(
        '[aturan]\nnonaktif = ["indikator.*", "target.*"]\n'
        '[aturan.tingkat]\n"pagu.maju_jump" = "error"\n',
        encoding="utf-8",
    )
    data = json.loads(run(path, "--json", "--konfigurasi", config).stdout)
    codes = {f["code"] for f in data["findings"]}
    assert not any(c.startswith(("indikator.", "target.")) for c in codes)
    assert {f["severity"] for f in data["findings"] if f["code"] == "pagu.maju_jump"} == {"error"}


def test_unknown_rule_in_configuration_is_exit_2(workbook_dir: Path) -> None:
    config = workbook_dir / "validasi.toml"
    config.write_text('[aturan]\nnonaktif = ["pagu.tidak_ada"]\n', encoding="utf-8")
    result = run(write_clean(workbook_dir), "--konfigurasi", config)
    _clean_output(result)
    assert result.returncode == 2
    assert "pagu.tidak_ada" in result.stderr


def _split(folder: Path) -> tuple[Path, Path]:
    renja = clean_renja()
    only31 = renja.model_copy(update={"tabel41": None})
    only41 = renja.model_copy(update={"tabel31": None})
    return write(only31, folder / "tabel31.xlsx"), write(only41, folder / "tabel41.xlsx")


def test_two_files_are_compared_table_to_table(workbook_dir: Path) -> None:
    first, second = _split(workbook_dir)
    plant(second, [(SHEET_41, "Penyediaan Alat Bantu", "indikator", "Jumlah alat bantu")])
    data = json.loads(run(first, second, "--json").stdout)
    [mismatch] = [f for f in data["findings"] if f["code"] == "tabel.mismatch"]
    assert mismatch["sheet"] == SHEET_41 and mismatch["actual"] == "Jumlah alat bantu"


def test_tandai_marks_the_file(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir)
    result = run(path, "--tandai")
    _clean_output(result)
    assert result.returncode == 0
    assert SHEET_NAME in load_workbook(path).sheetnames
    assert "Temuan ditandai" in result.stdout


def test_long_lists_show_their_first_rows_and_a_count_per_rule(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir)
    findings = json.loads(run(path, "--json").stdout)["findings"]
    warnings = [f for f in findings if f["sheet"] == SHEET_31 and f["severity"] == "warning"]
    assert len(warnings) > SHOWN
    result = run(path)
    _clean_output(result)
    assert f"{SHEET_31} — Peringatan ({len(warnings)})" in result.stdout
    assert f"… dan {len(warnings) - SHOWN} lainnya" in result.stdout
    summary = result.stdout[result.stdout.index("Ringkasan temuan per aturan"):]
    for code, count in Counter(f["code"] for f in warnings).items():
        assert any(code in line and f" {count} " in line and "Peringatan" in line
                   for line in summary.splitlines()), code
    assert "daftar lengkapnya: --semua, --json" in result.stdout
    assert "LOLOS" in result.stdout.strip().splitlines()[-1]


def test_semua_lists_every_finding(workbook_dir: Path) -> None:
    path = write_clean(workbook_dir)
    findings = json.loads(run(path, "--json").stdout)["findings"]
    result = run(path, "--semua")
    rows = [line for line in result.stdout.splitlines() if line.startswith("│ ")
            and line.split("│")[2].strip()]
    assert len(rows) == len(findings)
    assert "lainnya" not in result.stdout and "Ringkasan temuan" not in result.stdout


@pytest.fixture
def hostile(workbook_dir: Path, dharmasraya: Renja) -> dict[str, Path]:
    """Broken inputs, each written from the real plan."""
    folder = workbook_dir
    not_workbook = folder / "catatan.xlsx"
    not_workbook.write_text("ini bukan workbook", encoding="utf-8")
    good = write(dharmasraya, folder / "baik.xlsx")
    truncated = folder / "terpotong.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    other = Workbook()
    other.active["A1"] = "Daftar hadir"
    other.save(folder / "lain.xlsx")

    refs = write_clean(folder, "ref.xlsx")
    wb = load_workbook(refs)
    ws = wb[SHEET_31]
    for row in range(find_row(ws, "Fasilitasi Pemberdayaan"), find_row(ws, "PROGRAM REHAB")):
        if not str(ws[f"F{row}"].value or "").startswith("="):
            ws[f"F{row}"] = "#REF!"
    wb.save(refs)

    merged = write_clean(folder, "gabung.xlsx")
    wb = load_workbook(merged)
    row = find_row(wb[SHEET_31], "penyediaan sandang")
    wb[SHEET_31].merge_cells(f"F{row}:G{row}")
    wb[SHEET_31].merge_cells(f"C{row}:C{row + 1}")
    wb.save(merged)

    hidden = write_clean(folder, "tersembunyi.xlsx")
    wb = load_workbook(hidden)
    for row in range(20, 30):
        wb[SHEET_31].row_dimensions[row].hidden = True
    wb.save(hidden)
    return {
        "bukan workbook": not_workbook,
        "terpotong": truncated,
        "tanpa header": folder / "lain.xlsx",
        "kolom pagu #REF!": refs, "sel data digabung": merged, "baris tersembunyi": hidden,
    }


@pytest.mark.parametrize("case", ["bukan workbook", "terpotong", "tanpa header"])
def test_unreadable_input_is_one_line_and_exit_2(hostile: dict[str, Path], case: str) -> None:
    result = run(hostile[case])
    _clean_output(result)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Galat:")
    assert hostile[case].name in lines[0]


def test_ref_errors_in_the_pagu_column_are_findings_at_cells(hostile: dict[str, Path]) -> None:
    result = run(hostile["kolom pagu #REF!"], "--json")
    _clean_output(result)
    data = json.loads(result.stdout)
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert errors and {f["code"] for f in errors} == {"pagu.formula_error"}
    assert all(f["cell"].startswith("F") and f["actual"] == "#REF!" for f in errors)


@pytest.mark.parametrize("case", ["sel data digabung", "baris tersembunyi"])
def test_merged_cells_and_hidden_rows_give_findings(hostile: dict[str, Path], case: str) -> None:
    result = run(hostile[case], "--json")
    _clean_output(result)
    assert result.returncode in (0, 1)
    assert json.loads(result.stdout)["findings"]


@pytest.mark.slow
def test_a_200000_row_sheet_gives_an_answer_not_a_traceback(workbook_dir: Path) -> None:
    from openpyxl import Workbook as WriteOnly

    path = workbook_dir / "besar.xlsx"
    wb = WriteOnly(write_only=True)
    ws = wb.create_sheet(SHEET_31)
    ws.append(["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
               "Indikator Kinerja Program/Kegiatan", "Lokasi", "Target Capaian Kinerja",
               "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana"])
    for i in range(200_000):
        ws.append(["", f"Sub kegiatan {i}", "indikator", "Kab.", "1 Paket", 1000, "APBD"])
    wb.save(path)
    result = run(path, "--json")
    _clean_output(result)
    assert result.returncode in (0, 1, 2)
    if result.returncode == 2:
        assert result.stderr.startswith("Galat:")
    else:
        assert json.loads(result.stdout)["summary"]
