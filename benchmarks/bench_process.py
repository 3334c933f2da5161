"""Benchmark of the time a person waits (issue 14): every command as a whole process.

Each figure is the wall time of a fresh process (interpreter start and imports
included), the median of --repeat runs; the runs of all commands alternate so a
busy machine disturbs them alike. Measured in the same run, as baselines:
* a python-calamine read of the same file in a fresh process (import python_calamine,
  read every sheet), the floor any reader of the workbook pays;
* bare `python -c pass`, the interpreter's own start.

The files: the real plan (`renja-xl contoh`, Tabel 3.1 and 4.1 of Dharmasraya 2022)
and a 10,000-row Tabel 3.1 made from the real rows (as benchmarks/bench_core.py).
Prints each command's time, its ratio to the calamine read, and the issue's bars.
The Pyodide import of the Excel scripts comes from the Lite benchmark
(`benchmarks/bench_lite.py --hanya-impor`, real Pyodide under node).

Run: python benchmarks/bench_process.py [--repeat 5] [--rows 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# This checkout first: its renja_xl, and the harnesses in tests/support.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from renja_xl.workbook.writer import write
from tests.support.synthetic import generate

_CALAMINE_READ = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "wb = CalamineWorkbook.from_path(sys.argv[1])\n"
    "for name in wb.sheet_names:\n"
    "    wb.get_sheet_by_name(name).to_python()\n"
)
_LITE_BENCH = Path(__file__).with_name("bench_lite.py")


@dataclass(frozen=True)
class Bar:
    """An acceptance bar of the issue: `command` at most `limit` times `baseline`."""

    command: str
    baseline: str
    limit: float


def _renja_xl() -> list[str]:
    """The console script next to this interpreter, as a user runs it (not a pyenv shim)."""
    script = Path(sys.executable).with_name("renja-xl")
    if script.exists():
        return [str(script)]
    found = shutil.which("renja-xl")
    return [found] if found else [sys.executable, "-m", "renja_xl"]


def _write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    subprocess.run([*_renja_xl(), "contoh", str(folder)], check=True, capture_output=True)
    real = folder / "renja_dharmasraya_2022.xlsx"
    renja = generate(7, rows=rows).renja
    renja.tabel41 = None
    big = write(renja, folder / f"renja_{rows}.xlsx")
    return real, big


def _commands(real: Path, big: Path, rows: int) -> dict[str, list[str]]:
    cli = _renja_xl()
    calamine = [sys.executable, "-c", _CALAMINE_READ]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "calamine: rencana nyata": [*calamine, str(real)],
        f"calamine: {rows:,} baris": [*calamine, str(big)],
        "renja-xl --help": [*cli, "--help"],
        "ringkasan --json: rencana nyata": [*cli, "ringkasan", "--json", str(real)],
        f"ringkasan --json: {rows:,} baris": [*cli, "ringkasan", "--json", str(big)],
        "validasi: rencana nyata": [*cli, "validasi", str(real)],
        "hitung --coba: rencana nyata": [*cli, "hitung", "--coba", str(real)],
    }


_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The warm-up run writes the bytecode caches an installed package has (pip compiles them)."""


def _run(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=_ENV)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # validasi exits 1 when the plan has errors
        raise SystemExit(f"{' '.join(argv)} gagal ({done.returncode}):\n"
                         f"{done.stderr.decode(errors='replace')}")
    return elapsed


def _measure(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    for argv in commands.values():
        _run(argv)  # warm-up: bytecode caches and the file cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            times[name].append(_run(argv))
    return {name: statistics.median(values) for name, values in times.items()}


def _bars(rows: int) -> list[Bar]:
    real = "calamine: rencana nyata"
    return [
        Bar("ringkasan --json: rencana nyata", real, 12),
        Bar(f"ringkasan --json: {rows:,} baris", f"calamine: {rows:,} baris", 5),
        Bar("renja-xl --help", real, 8),
        Bar("validasi: rencana nyata", "ringkasan --json: rencana nyata", 1.3),
    ]


def _baseline_of(name: str, rows: int) -> str:
    return f"calamine: {rows:,} baris" if f"{rows:,} baris" in name else "calamine: rencana nyata"


def _report(medians: dict[str, float], rows: int, repeat: int) -> None:
    print(f"Proses utuh (impor termasuk), median dari {repeat} kali, satu putaran yang sama")
    bare = medians["python -c pass"]
    for name, seconds in medians.items():
        line = f"  {name:34} {seconds:6.3f} s"
        if name.startswith(("renja-xl", "ringkasan", "validasi", "hitung")):
            line += f"  {seconds / medians[_baseline_of(name, rows)]:5.1f}x calamine"
        line += f"  {seconds / bare:5.1f}x python"
        print(line)
    print("Batas (issue 14):")
    for bar in _bars(rows):
        ratio = medians[bar.command] / medians[bar.baseline]
        verdict = "memenuhi" if ratio <= bar.limit else "BELUM"
        print(f"  {bar.command:34} {ratio:5.2f}x {bar.baseline} (batas {bar.limit}x): {verdict}")


def _report_pyodide(repeat: int) -> None:
    argv = [sys.executable, str(_LITE_BENCH), "--hanya-impor", "--repeat", str(repeat)]
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmarks/bench_lite.py --hanya-impor gagal ({done.returncode}):\n"
                         f"{done.stderr}")
    print(done.stdout.rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        real, big = _write_files(Path(tmp), args.rows)
        medians = _measure(_commands(real, big, args.rows), args.repeat)
    _report(medians, args.rows, args.repeat)
    _report_pyodide(args.repeat)


if __name__ == "__main__":
    main()
