"""`rekap` reads SIPD exports directly, with the figures of the workbooks impor-sipd writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from renja_xl.bulk import collect_rekap
from renja_xl.sipd import import_sipd
from tests.sipd.exports import APBD_2024


def _lines(rekap) -> dict[str, list[tuple[str, str, object, int]]]:
    views = ("urusan", "bidang_urusan", "program", "sumber_dana")
    return {v: [(x.kode, x.nama, x.pagu, x.perangkat_daerah) for x in getattr(rekap, v)]
            for v in views}


def it_gives_the_same_figures_as_the_generated_workbooks(tmp_path: Path) -> None:
    folder = tmp_path / "renja"
    folder.mkdir()
    assert import_sipd(APBD_2024, folder, workers=1).exit_code == 0
    _, from_workbooks = collect_rekap(sorted(folder.glob("*.xlsx")), workers=1)
    summary, from_export = collect_rekap([APBD_2024], workers=1)
    assert summary.exit_code == 0
    assert len(from_export.agencies) == len(from_workbooks.agencies) == 42
    assert from_export.total_pagu == from_workbooks.total_pagu == 866_035_384_427
    assert _lines(from_export) == _lines(from_workbooks)
    per_agency = lambda rekap: sorted(  # noqa: E731
        (a.perangkat_daerah, a.sub_kegiatan, sum(r.pagu or 0 for r in a.rows))
        for a in rekap.agencies)
    assert per_agency(from_export) == per_agency(from_workbooks)


def it_still_refuses_a_file_that_is_neither_renja_nor_export(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "daftar hadir"
    book.save(tmp_path / "lain.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "renja_xl", "rekap", str(tmp_path / "lain.xlsx"),
         "--keluar", str(tmp_path / "rekap.xlsx")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Tabel 3.1" in result.stdout + result.stderr
