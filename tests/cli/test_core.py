"""The commands contoh, hitung and ringkasan, run as a user runs them."""

import json
import os
import re
import subprocess
import sys
from copy import copy
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from renja_xl.cli.output import SHOWN
from renja_xl.model import Renja
from renja_xl.workbook.writer import write
from tests.support.printed import write_printed


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renja_xl", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )


def it_writes_the_embedded_example(tmp_path: Path) -> None:
    result = run("contoh", tmp_path / "keluaran")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "keluaran" / "renja_dharmasraya_2022.xlsx"
    assert load_workbook(path).sheetnames == ["Tabel 3.1", "Tabel 4.1"]
    assert "Contoh ditulis" in result.stdout


def it_summarises_as_json(tmp_path: Path) -> None:
    run("contoh", tmp_path)
    result = run("ringkasan", tmp_path / "renja_dharmasraya_2022.xlsx", "--json")
    assert result.returncode == 0, result.stderr
    tables = {t["layout"]: t for t in json.loads(result.stdout)["tables"]}
    assert tables["3.1"]["sheet"] == "Tabel 3.1" and tables["3.1"]["year"] == 2022
    assert (tables["3.1"]["program_count"], tables["3.1"]["kegiatan_count"],
            tables["3.1"]["sub_kegiatan_count"]) == (13, 28, 90)
    assert tables["3.1"]["sub_kegiatan_budgeted"] == 86
    assert tables["3.1"]["sub_kegiatan_budgeted_next"] == 81
    assert tables["3.1"]["total_pagu"] == 14_428_928_570
    assert tables["3.1"]["total_pagu_maju"] == 13_878_624_857
    assert tables["4.1"]["sub_kegiatan_count"] == 86
    assert tables["4.1"]["total_pagu_maju"] is None


def it_summarises_for_people_with_the_bab3_sentence(tmp_path: Path) -> None:
    run("contoh", tmp_path)
    result = run("ringkasan", tmp_path / "renja_dharmasraya_2022.xlsx")
    assert "13 Program, 28 Kegiatan dan 86 Sub Kegiatan" in " ".join(result.stdout.split())
    assert "empat belas miliar" in result.stdout


def _decorated(path: Path) -> None:
    """A user's workbook: extra sheet, comment, widths, conditional format, validation."""
    wb = load_workbook(path)
    ws = wb["Lampiran"]
    ws["C20"].comment = Comment("cek lagi dengan Bappeda", "Staf")
    ws.column_dimensions["B"].width = 71.5
    ws.conditional_formatting.add(
        "F10:F200", CellIsRule(operator="greaterThan", formula=["1000000000"],
                               fill=PatternFill("solid", fgColor="FFC7CE")))
    dv = DataValidation(type="list", formula1='"APBD,DAK,APBN"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("G10:G200")
    ws["H12"].fill = PatternFill("solid", fgColor="FFFF00")
    notes = wb.create_sheet("Catatan")
    notes["A1"] = "Disusun oleh Subbag Perencanaan"
    ws["F10"] = 12_345  # the first kegiatan's pagu, typed wrong
    wb.save(path)


def _snapshot(path: Path) -> dict:
    wb = load_workbook(path)
    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                cells[(ws.title, c.coordinate)] = (
                    c.value, copy(c.font), copy(c.fill), copy(c.border), copy(c.alignment),
                    c.number_format, copy(c.protection))
    return cells


def it_fixes_a_wrong_subtotal_and_keeps_everything_else(tmp_path: Path) -> None:
    path = write_printed(tmp_path / "renja.xlsx", repeat_every=None)
    _decorated(path)
    before = _snapshot(path)
    result = run("hitung", path)
    assert result.returncode == 0, result.stderr
    assert "F10" in result.stdout
    after = _snapshot(path)
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {("Lampiran", "F10")}
    assert after[("Lampiran", "F10")][0] == 90_000_000
    wb = load_workbook(path)
    ws = wb["Lampiran"]
    assert wb.sheetnames == ["Lampiran", "Catatan"]
    assert ws["C20"].comment.text == "cek lagi dengan Bappeda"
    assert ws.column_dimensions["B"].width == 71.5
    assert len(ws.conditional_formatting) == 1
    assert ws.data_validations.dataValidation[0].formula1 == '"APBD,DAK,APBN"'
    assert list(tmp_path.glob("renja.cadangan-*.xlsx"))
    again = run("hitung", path)
    assert again.returncode == 0 and "sudah benar" in again.stdout


def it_leaves_the_original_intact_when_the_save_fails_halfway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from renja_xl.cli import core
    from renja_xl.errors import SaveError
    from renja_xl.xlsx.package import Package

    path = write_printed(tmp_path / "renja.xlsx", repeat_every=None)
    wb = load_workbook(path)
    wb["Lampiran"]["F10"] = 1
    wb.save(path)
    original = path.read_bytes()

    def broken(package, stream) -> None:
        stream.write(b"PK\x03\x04 setengah jalan")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Package, "save", broken)
    with pytest.raises(SaveError):
        core.hitung(path)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["renja.xlsx"]


@pytest.fixture
def bad_inputs(tmp_path: Path, dharmasraya: Renja) -> dict[str, tuple[Path, list[str]]]:
    not_workbook = tmp_path / "catatan.xlsx"
    not_workbook.write_text("ini bukan workbook", encoding="utf-8")
    good = write(dharmasraya, tmp_path / "baik.xlsx")
    truncated = tmp_path / "terpotong.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    from openpyxl import Workbook

    other = Workbook()
    other.active["A1"] = "Daftar hadir"
    other.save(tmp_path / "lain.xlsx")
    text = write(dharmasraya, tmp_path / "teks.xlsx")
    wb = load_workbook(text)
    wb["Tabel 3.1"]["F13"] = "seratus juta"
    wb.save(text)
    return {
        "bukan workbook": (not_workbook, ["catatan.xlsx"]),
        "terpotong": (truncated, ["terpotong.xlsx"]),
        "tanpa header": (tmp_path / "lain.xlsx", ["lain.xlsx", "Tabel 3.1"]),
        "teks di pagu": (text, ["teks.xlsx", "Tabel 3.1", "F13", "seratus juta"]),
    }


_BAD_INPUTS = [
    (case, command)
    for case in ("bukan workbook", "terpotong", "tanpa header", "teks di pagu")
    for command in ("hitung", "ringkasan")
    if (case, command) != ("teks di pagu", "hitung")  # hitung lists the blocks it cannot compute
]


@pytest.mark.parametrize(("case", "command"), _BAD_INPUTS)
def it_answers_bad_input_with_one_indonesian_line_and_exit_2(
    bad_inputs, case: str, command: str, tmp_path: Path
) -> None:
    path, words = bad_inputs[case]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    result = run(command, path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Galat:")
    for word in words:
        assert word in lines[0]
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before


def it_lists_a_long_change_list_briefly(tmp_path: Path) -> None:
    path = write_printed(tmp_path / "renja.xlsx", repeat_every=None)
    result = run("hitung", path, "--rumus", "--coba")
    assert result.returncode == 0, result.stderr
    total = int(re.search(r"(\d+) sel perlu diperbaiki", result.stdout)[1])  # type: ignore[index]
    assert total > SHOWN
    assert f"Sel yang diperbaiki ({total})" in result.stdout
    assert f"… dan {total - SHOWN} lainnya" in result.stdout
    assert sum(line.startswith("│ Lampiran") for line in result.stdout.splitlines()) == SHOWN


@pytest.mark.libreoffice
def it_turns_typed_subtotals_into_live_formulas_on_request(tmp_path: Path, recalculate) -> None:
    from tests.support.printed import fixture_rows

    path = write_printed(tmp_path / "renja.xlsx", repeat_every=None)
    result = run("hitung", path, "--rumus")
    assert result.returncode == 0, result.stderr
    ws = load_workbook(path)["Lampiran"]
    assert ws["F9"].value == "=SUBTOTAL(9,F10:F31)"  # the first program, over its block
    assert run("hitung", path, "--rumus").stdout.count("sudah benar") == 1
    values = load_workbook(recalculate(path), data_only=True)["Lampiran"]
    for offset, row in enumerate(fixture_rows("tabel31")):
        if row["level"] in ("program", "kegiatan", "jumlah"):
            got = (values.cell(8 + offset, 6).value, values.cell(8 + offset, 10).value)
            assert got == (row["pagu"], row["pagu_maju"]), row["uraian"]


def it_refuses_live_formulas_over_a_block_broken_by_page_headers(tmp_path: Path) -> None:
    path = write_printed(tmp_path / "renja.xlsx", repeat_every=25)
    before = path.read_bytes()
    result = run("hitung", path, "--rumus")
    assert result.returncode == 2
    assert "renja.xlsx" in result.stderr and "tidak dapat dijadikan rumus" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.slow
def it_stops_at_the_documented_row_limit_with_one_line_and_leaves_the_file(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "besar.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Tabel 3.1")
    ws.append(["Kode", "Program/Kegiatan", "Indikator Kinerja Program/Kegiatan", "Lokasi",
               "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana"])
    for i in range(200_000):
        ws.append(["", f"Sub kegiatan {i}", "indikator", "Kab.", "1 Paket", 1000, "APBD"])
    wb.save(path)
    before = path.read_bytes()
    result = run("hitung", path)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("Galat:") and "lebih dari 100.000 baris" in result.stderr
    assert "Traceback" not in result.stderr and path.read_bytes() == before


def it_prints_names_and_paths_with_square_brackets_as_typed(tmp_path: Path) -> None:
    folder = tmp_path / "Renja [final]"
    folder.mkdir()
    path = write_printed(folder / "renja [v2].xlsx", repeat_every=None)
    wb = load_workbook(path)
    ws = wb["Lampiran"]
    program = next(r for r in range(10, 40) if str(ws.cell(r, 2).value).startswith("PROGRAM"))
    ws.cell(program, 2).value = "PROGRAM UJI [/] TANDA [bold]KURUNG"
    ws["B10"] = "Kegiatan [/red] Uji [b]"
    ws["F10"] = 12_345
    wb.save(path)
    summary = run("ringkasan", path)
    assert summary.returncode == 0, summary.stderr
    assert "PROGRAM UJI [/] TANDA [bold]KURUNG" in summary.stdout
    fixed = run("hitung", path)
    assert fixed.returncode == 0, fixed.stderr
    assert "Kegiatan [/red] Uji [b]" in fixed.stdout
    assert "renja [v2].xlsx" in " ".join(fixed.stdout.split())
