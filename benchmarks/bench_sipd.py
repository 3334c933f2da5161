"""Benchmark of `renja-xl impor-sipd` (issue 12.10): a whole-pemda SIPD-RI export to one
workbook per Perangkat Daerah, timed as a whole process (imports included).

The export is the shipped KUA-PPAS 2025 of Kabupaten Buru (7,473 rows, 43 Perangkat
Daerah), with the APBD 2024 export as year N and the 2025 one as N+1 too. Beside it, in
the same run, two baselines: reading the export with python-calamine alone, and writing
as many workbooks of as many rows with xlsxwriter alone (no templates, no formulas).
Goal: <= 10 s with 2 workers.

Run: python benchmarks/bench_sipd.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "sipd" / "data"
N, N1 = DATA / "rekap_apbd_murni_2024.xlsx", DATA / "kua_ppas_2025.xlsx"

_CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(len(rows))
"""
_XLSXWRITER = """
import sys
from pathlib import Path
import xlsxwriter
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
header, rows = rows[0], rows[1:]
skpd = header.index("KODE SKPD")
groups = {}
for row in rows:
    groups.setdefault(row[skpd], []).append(row)
for n, part in enumerate(groups.values()):
    with xlsxwriter.Workbook(str(Path(sys.argv[2]) / f"{n}.xlsx")) as book:
        sheet = book.add_worksheet()
        for r, row in enumerate(part):
            sheet.write_row(r, 0, row)
print(len(groups))
"""


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _time(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            args = [a.replace("{out}", folder) for a in command]
            start = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True, env=_environment())
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Time the baselines and impor-sipd with 1 and 2 workers, alternating."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    py = sys.executable
    runs = {
        "python-calamine: baca ekspor 2025": [py, "-c", _CALAMINE, str(N1)],
        "xlsxwriter: tulis 43 workbook": [py, "-c", _XLSXWRITER, str(N1), "{out}"],
        "impor-sipd 2025, 1 pekerja": [py, "-m", "renja_xl", "impor-sipd", str(N1),
                                       "--keluar", "{out}", "--workers", "1"],
        "impor-sipd 2025, 2 pekerja": [py, "-m", "renja_xl", "impor-sipd", str(N1),
                                       "--keluar", "{out}", "--workers", "2"],
        "impor-sipd 2024+2025, 2 pekerja": [py, "-m", "renja_xl", "impor-sipd", str(N),
                                            "--maju", str(N1), "--keluar", "{out}",
                                            "--workers", "2"],
    }
    results = {label: _time(command, repeat) for label, command in runs.items()}
    base = results["python-calamine: baca ekspor 2025"] + results["xlsxwriter: tulis 43 workbook"]
    print(f"Median dari {repeat} proses utuh (impor termasuk), mesin {os.cpu_count()} CPU:")
    for label, seconds in results.items():
        ratio = f"{seconds / base:5.2f}x baca+tulis dasar" if label.startswith("impor") else ""
        print(f"  {label:<34} {seconds:7.2f} s  {ratio}")
    goal = results["impor-sipd 2025, 2 pekerja"]
    print(f"Sasaran <= 10 s dengan 2 pekerja: {'tercapai' if goal <= 10 else 'BELUM'} "
          f"({goal:.2f} s)")


if __name__ == "__main__":
    main()
