"""Benchmark of editing a user's workbook (issue 13.5): `hitung` and `validasi --tandai`.

Whole process, imports included: each command runs as a subprocess on a fresh
copy of a 10,000-row Tabel 3.1 (20 subtotals typed over with wrong figures),
median of N runs, beside an openpyxl load + save of the same file measured in
the same run. Wall time and CPU time (user + system of the child) are both
shown: on a shared machine the CPU ratio is the steadier one. Goal: each
command <= 0.5x the openpyxl round trip. The surgical writer alone (open, 20
cells, save; no Renja read) is shown too, since reading and validating the
plan are most of each command's time.

Run: python benchmarks/bench_edit.py [--rows 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from renja_xl.model import Level
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write
from renja_xl.xlsx import WorkbookEditor, number
from tests.support.synthetic import generate

_WRITER_ONLY = (
    "import sys; from renja_xl.xlsx import WorkbookEditor, number\n"
    "with WorkbookEditor(sys.argv[1]) as editor:\n"
    "    for row in range(12, 32):\n"
    "        editor.set(editor.sheet_names[0], row, 6, number(row))\n"
    "    editor.save()\n"
)
_OPENPYXL_ROUND_TRIP = (
    "import sys; from openpyxl import load_workbook; "
    "wb = load_workbook(sys.argv[1]); wb.save(sys.argv[1])"
)


ROOT = Path(__file__).resolve().parents[1]
# The commands of this checkout, whatever is installed.
_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def _plan(folder: Path, rows: int) -> Path:
    """A written 10k-row plan with 20 parent cells typed over by wrong figures."""
    renja = generate(7, rows=rows).renja
    renja.tabel41 = None
    path = write(renja, folder / "renja.xlsx")
    tabel = load(path).tabel[0]
    parents = [b for b in tabel.baris if b.level is Level.KEGIATAN and b.asal][:20]
    with WorkbookEditor(path) as editor:
        for baris in parents:
            editor.set(tabel.sheet, baris.asal.row, tabel.columns["pagu"], number(1))
        editor.save(backup=False)
    return path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _median(command: list[str], source: Path, folder: Path, repeat: int
            ) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `repeat` runs."""
    times, cpu = [], []
    for number_ in range(repeat):
        copy = folder / f"salinan-{number_}.xlsx"
        shutil.copyfile(source, copy)
        start, start_cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run([*command, str(copy)], capture_output=True, text=True, env=_ENV)
        times.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - start_cpu)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command} gagal: {done.stderr}")
    return statistics.median(times), statistics.median(cpu)


def _line(label: str, figures: tuple[float, float], baseline: tuple[float, float]) -> str:
    (wall, cpu), (base_wall, base_cpu) = figures, baseline
    return (f"{label:<23}: {wall:6.2f} s  rasio {wall / base_wall:.2f}x   "
            f"CPU {cpu:5.2f} s  rasio {cpu / base_cpu:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = _plan(folder, args.rows)
        cli = [sys.executable, "-m", "renja_xl"]
        baseline = _median([sys.executable, "-c", _OPENPYXL_ROUND_TRIP], source, folder,
                           args.repeat)
        hitung = _median([*cli, "hitung"], source, folder, args.repeat)
        tandai = _median([*cli, "validasi", "--tandai"], source, folder, args.repeat)
        writer = _median([sys.executable, "-c", _WRITER_ONLY], source, folder, args.repeat)
    print(f"{args.rows} baris, median {args.repeat} proses (termasuk impor); waktu nyata dan "
          "CPU (user + sys; lebih tenang di mesin bersama)")
    print(f"{'openpyxl muat + simpan':<23}: {baseline[0]:6.2f} s                CPU "
          f"{baseline[1]:5.2f} s")
    print(_line("renja-xl hitung", hitung, baseline))
    print(_line("validasi --tandai", tandai, baseline))
    print(_line("penulis bedah saja", writer, baseline) + "  (20 sel, tanpa membaca Renja)")
    print("sasaran: <= 0.50x")


if __name__ == "__main__":
    main()
