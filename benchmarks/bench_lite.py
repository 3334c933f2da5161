"""Benchmark of xlwings Lite (issue 11 and 14): the Excel scripts in real Pyodide beside CPython.

Pyodide 314.0.8 runs under node with the wheel of this checkout and its Lite
dependencies (tests/support/pyodide.py; downloads cached in ~/.cache/renja_xl).
Printed, each beside CPython on the same payload:
* the import of the Excel scripts (`import renja_xl.excel.scripts`, what Lite does
  when the workbook opens): median of --repeat fresh interpreters (a fresh process
  for CPython, so its figure includes nothing but that import);
* each script's click, payload to actions, as Lite dispatches it, on the real plan
  with faults, 1,000 and 10,000 rows: the first click in a fresh interpreter (it
  imports what that script needs; median, fastest and slowest of --repeat fresh
  interpreters) and the median of the later clicks in those interpreters. CPython
  the same way, a fresh process for each first click.
Goals: import <= 1.0 s in Pyodide; each click <= 1 s at 1,000 rows, the first click
of each script included. The machine's load is printed: timings on a busy machine
are slower, not the work larger.

Run: python benchmarks/bench_lite.py [--repeat 3] [--rows 1000 10000] [--hanya-impor]
`--hanya-impor` prints only the import figures (benchmarks/bench_process.py uses it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# This checkout first: its renja_xl, and the harnesses in tests/support.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from openpyxl import load_workbook  # noqa: E402

from renja_xl.excel import scripts  # noqa: E402
from tests.excel.workbooks import big, planted  # noqa: E402
from tests.support.payload import payload_from_workbook  # noqa: E402
from tests.support.pyodide import (  # noqa: E402
    PYODIDE_VERSION,
    click,
    lite_session,
    pyodide_import_parts,
)

_CPYTHON_IMPORT = ("import time; t = time.perf_counter(); import renja_xl.excel.scripts; "
                   "print(time.perf_counter() - t)")


def cpython_import_seconds(repeat: int) -> list[float]:
    """Seconds to import the Excel scripts in a fresh CPython, once per process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return [float(subprocess.run([sys.executable, "-c", _CPYTHON_IMPORT], env=env, check=True,
                                 capture_output=True, text=True).stdout) for _ in range(repeat)]


_GOAL_PAYLOAD = "1.000 baris"
"""The payload the click goal is set at."""


def _payloads(folder: Path, rows: list[int]) -> dict[str, Path]:
    made = {"rencana nyata": planted(folder / "nyata.xlsx", with_error=False)}
    made |= {f"{n:,} baris".replace(",", "."): big(folder / f"b{n}.xlsx", n) for n in rows}
    files = {}
    for label, path in made.items():
        payload = payload_from_workbook(load_workbook(path), name=path.name, client="Office.js")
        files[label] = path.with_suffix(".json")
        files[label].write_text(json.dumps(payload))
    return files


_CPYTHON_CLICKS = """
import json, sys, time
import xlwings as xw
import renja_xl.excel.scripts as scripts
path, name, later = sys.argv[1], sys.argv[2], int(sys.argv[3])
def click():
    with open(path) as source:
        payload = json.load(source)
    started = time.perf_counter()
    book = xw.Book(json=payload)
    getattr(scripts, name)(book)
    book.json()
    return time.perf_counter() - started
print(json.dumps([click() for _ in range(1 + later)]))
"""

def cpython_clicks(path: Path, name: str, later: int) -> list[float]:
    """Seconds of the first click of script `name` in a fresh CPython, then of `later` clicks."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CPYTHON_CLICKS, str(path), name, str(later)],
                          env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def pyodide_clicks(work: Path, path: Path, name: str, later: int) -> list[float]:
    """The same in a fresh Pyodide."""
    with lite_session(work, path.parent) as py:
        return [click(py, f"/host/{path.name}", name)[0] for _ in range(1 + later)]


@dataclass
class Clicks:
    """The clicks of one script on one payload, in seconds: the first (one per fresh
    interpreter) and the later ones."""

    first: list[float]
    later: list[float]

    @classmethod
    def measure(cls, runs: list[list[float]]) -> Clicks:
        return cls([run[0] for run in runs], [t for run in runs for t in run[1:]])

    def within(self, limit: float) -> bool:
        """Whether the median first click and the median later click are within `limit`."""
        return max(statistics.median(self.first), statistics.median(self.later)) <= limit

    def text(self) -> str:
        spread = f"{min(self.first):.2f}-{max(self.first):.2f}" if len(self.first) > 1 else ""
        return (f"{statistics.median(self.first):7.2f} {spread:<9} "
                f"{statistics.median(self.later):6.2f}")


def _print_import(repeat: int) -> None:
    parts = pyodide_import_parts(repeat)
    pyodide = statistics.median(whole for whole, _ in parts)
    xlwings = statistics.median(part for _, part in parts)
    cpython = statistics.median(cpython_import_seconds(max(repeat, 5)))
    verdict = "memenuhi" if pyodide <= 1.0 else "BELUM"
    print(f"Impor skrip Excel: Pyodide {PYODIDE_VERSION} {pyodide:.2f} s (xlwings sendiri "
          f"{xlwings:.2f} s), CPython {cpython:.2f} s ({pyodide / cpython:.1f}x); "
          f"sasaran Pyodide <= 1,0 s: {verdict}")


def _print_clicks(files: dict[str, Path], repeat: int, work: Path) -> list[bool]:
    """Print every click; for each script, whether it meets the goal at 1,000 rows."""
    print(f"Detik. klik 1. = klik pertama di interpreter baru (median {repeat} interpreter, "
          "dengan rentangnya), lanjut = median klik berikutnya")
    columns = f"{'klik 1.':>7} {'rentang':<9} {'lanjut':>6}"
    print(f"{'':<34} {'Pyodide':^24}  {'CPython':^24}")
    print(f"{'payload':<14} {'skrip':<19} {columns}  {columns}  {'rasio':>5}  sasaran <= 1 s")
    met = []
    for label, path in files.items():
        for name in scripts.SCRIPTS:
            pyodide = Clicks.measure([pyodide_clicks(work, path, name, 2) for _ in range(repeat)])
            cpython = Clicks.measure([cpython_clicks(path, name, 2) for _ in range(repeat)])
            ratio = statistics.median(pyodide.first) / statistics.median(cpython.first)
            verdict = ""
            if label == _GOAL_PAYLOAD:
                met.append(pyodide.within(1.0))
                verdict = "memenuhi" if met[-1] else "BELUM"
            print(f"{label:<14} {name:<19} {pyodide.text()}  {cpython.text()}  {ratio:>4.1f}x  "
                  f"{verdict}", flush=True)
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--hanya-impor", action="store_true", help="only the import figures")
    args = parser.parse_args()
    _print_import(args.repeat)
    if args.hanya_impor:
        return
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Beban mesin (loadavg 1/5/15 menit): {load}; {os.cpu_count()} inti")
    with tempfile.TemporaryDirectory(prefix="bench-lite-") as tmp:
        work = Path(tmp)
        (work / "host").mkdir()
        met = _print_clicks(_payloads(work / "host", args.rows), args.repeat, work)
    if met:
        verdict = "memenuhi" if all(met) else "BELUM"
        print(f"Sasaran setiap klik <= 1 s pada 1.000 baris di Pyodide (klik pertama tiap skrip "
              f"di interpreter baru dan klik berikutnya, median): {verdict}")


if __name__ == "__main__":
    main()
