"""`renja-xl impor-sipd` as users run it: output, exit codes, one line on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.sipd.exports import DINKES, HEADER, PUSKESMAS, line, write_export

_A = "1.02.02.2.01.0001"


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "renja_xl", "impor-sipd", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def it_writes_one_workbook_per_sub_unit_when_asked(tmp_path: Path) -> None:
    export = write_export(tmp_path / "e.xlsx", [line(2025, DINKES, _A, 1.5),
                                               line(2025, PUSKESMAS, _A, 2)])
    result = _run(export, "--keluar", tmp_path / "hasil", "--per", "sub-unit", "--workers", "1",
                  "--pemda", "Kabupaten Buru")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "hasil").glob("*.xlsx"))
    assert names == ["Renja 2025 Dinas Kesehatan.xlsx", "Renja 2025 Puskesmas Namlea.xlsx"]
    assert "Rp 3,50 (tahun N)" in result.stdout
    book = load_workbook(tmp_path / "hasil" / names[1])
    assert book.properties.subject == "Puskesmas Namlea"
    titles = [c.value for row in book["Tabel 3.1"].iter_rows(max_row=6) for c in row]
    assert "Puskesmas Namlea" in titles and "KABUPATEN BURU" in titles
    assert "RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN 2025" in titles


def it_says_in_one_line_which_columns_are_missing_and_exits_2(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "PAGU"]
    export = write_export(tmp_path / "renja.xlsx", [line(2025, DINKES, _A, 1)], header=header)
    result = _run(export, "--keluar", tmp_path / "hasil")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Galat: berkas renja.xlsx: bukan ekspor SIPD: kolom PAGU tidak ditemukan")
    assert "Traceback" not in result.stderr


def it_refuses_a_next_year_export_of_the_wrong_year(tmp_path: Path) -> None:
    now = write_export(tmp_path / "n.xlsx", [line(2024, DINKES, _A, 1)])
    later = write_export(tmp_path / "m.xlsx", [line(2026, DINKES, _A, 1)])
    result = _run(now, "--maju", later, "--keluar", tmp_path / "hasil")
    assert result.returncode == 2
    assert "TAHUN ekspor --maju (2026) harus 2025" in result.stderr
