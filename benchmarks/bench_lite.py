"""Benchmark of xlwings Lite (issue 11 and 14): the Excel scripts in real Pyodide beside CPython.

Pyodide 314.0.8 runs under node with the wheel of this checkout and its Lite
dependencies (tests/support/pyodide.py; downloads cached in ~/.cache/renja_xl).
Printed, each beside CPython on the same payload:
* the import of the Excel scripts (`import renja_xl.excel.scripts`, what Lite does
  when the workbook opens): median of --repeat fresh interpreters (a fresh process
  for CPython, so its figure includes nothing but that import);
* each script's click, payload to actions, as Lite dispatches it: the first click
  in a fresh interpreter (it imports what that script needs) and the median of
  --repeat later clicks, on the real plan with faults, 1,000 and 10,000 rows.
Goals: import <= 1.0 s in Pyodide; each click <= 1 s at 1,000 rows.

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
import time
from pathlib import Path
from typing import Any

# This checkout first: its renja_xl, and the harnesses in tests/support.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import xlwings as xw  # noqa: E402
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


def _payloads(folder: Path, rows: list[int]) -> dict[str, Path]:
    made = {"rencana nyata": planted(folder / "nyata.xlsx", with_error=False)}
    made |= {f"{n:,} baris".replace(",", "."): big(folder / f"b{n}.xlsx", n) for n in rows}
    files = {}
    for label, path in made.items():
        payload = payload_from_workbook(load_workbook(path), name=path.name, client="Office.js")
        files[label] = path.with_suffix(".json")
        files[label].write_text(json.dumps(payload))
    return files


def _cpython_click(payload: dict[str, Any], name: str) -> float:
    copy = json.loads(json.dumps(payload))
    started = time.perf_counter()
    book = xw.Book(json=copy)
    getattr(scripts, name)(book)
    book.json()
    return time.perf_counter() - started


def _print_import(repeat: int) -> None:
    parts = pyodide_import_parts(repeat)
    pyodide = statistics.median(whole for whole, _ in parts)
    xlwings = statistics.median(part for _, part in parts)
    cpython = statistics.median(cpython_import_seconds(max(repeat, 5)))
    verdict = "memenuhi" if pyodide <= 1.0 else "BELUM"
    print(f"Impor skrip Excel: Pyodide {PYODIDE_VERSION} {pyodide:.2f} s (xlwings sendiri "
          f"{xlwings:.2f} s), CPython {cpython:.2f} s ({pyodide / cpython:.1f}x); "
          f"sasaran Pyodide <= 1,0 s: {verdict}")


def _print_clicks(files: dict[str, Path], repeat: int, work: Path) -> None:
    print(f"{'payload':<14} {'skrip':<19} {'Pyodide 1.':>10} {'Pyodide':>8} {'CPython':>8} "
          f"{'rasio':>6}")
    for label, path in files.items():
        payload = json.loads(path.read_text())
        for name in scripts.SCRIPTS:
            with lite_session(work, path.parent) as py:  # fresh: the first click imports
                first, _ = click(py, f"/host/{path.name}", name)
                later = statistics.median(click(py, f"/host/{path.name}", name)[0]
                                          for _ in range(repeat))
            cpython = statistics.median(_cpython_click(payload, name) for _ in range(repeat))
            print(f"{label:<14} {name:<19} {first:>9.2f}s {later:>7.2f}s {cpython:>7.2f}s "
                  f"{later / cpython:>5.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--hanya-impor", action="store_true", help="only the import figures")
    args = parser.parse_args()
    _print_import(args.repeat)
    if args.hanya_impor:
        return
    with tempfile.TemporaryDirectory(prefix="bench-lite-") as tmp:
        work = Path(tmp)
        (work / "host").mkdir()
        _print_clicks(_payloads(work / "host", args.rows), args.repeat, work)
    print("Sasaran: setiap klik <= 1 s pada 1.000 baris (kolom Pyodide; klik pertama termasuk "
          "impor yang dibutuhkan skrip itu).")


if __name__ == "__main__":
    main()
