"""Benchmark of the core (issue 2): a 10,000-row Tabel 3.1 made from the real rows.

Times are CPU seconds of this process (time.process_time), best of N runs, so that
other work on the machine disturbs the ratios as little as possible. Prints,
measured in the same run on the same file:
* read + infer levels + recompute, as a ratio to openpyxl's read-only load
  (iterating every value) and to python-calamine's raw read;
* write, as a ratio to xlsxwriter writing the same cells (values, formulas and
  number formats, no template);
* peak Python memory of reading and of writing (tracemalloc).

Run: python benchmarks/bench_core.py [--rows 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import xlsxwriter
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

# This checkout first: its renja_xl, and the harnesses in tests/support.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from renja_xl.model import Renja
from renja_xl.recompute import recompute
from renja_xl.workbook.layout import layout_for
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write
from tests.support.synthetic import generate


def _time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)  # the least disturbed run, as timeit recommends


def _peak(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _renja(rows: int) -> Renja:
    renja = generate(7, rows=rows).renja
    renja.tabel41 = None
    return renja


def ours_read(path: Path) -> None:
    renja = load(path)
    for tabel in renja.tabel:
        recompute(tabel)


def openpyxl_read(path: Path) -> None:
    wb = load_workbook(path, read_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()


def calamine_read(path: Path) -> None:
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()


def xlsxwriter_write(renja: Renja, path: Path) -> None:
    """The same cells (values, parent formulas, number formats), straight to xlsxwriter."""
    layout = layout_for(renja.tabel31.kind)
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(layout.sheet_name)
    rupiah = wb.add_format({"num_format": '#,##0;-#,##0;"-"', "border": 1})
    text = wb.add_format({"num_format": "@", "border": 1, "text_wrap": True})
    bold = wb.add_format({"num_format": "@", "border": 1, "bold": True})
    for r, row in enumerate(renja.tabel31.baris, start=layout.first_data_row - 1):
        for c, column in enumerate(layout.columns):
            value = getattr(row, column.field)
            if column.kind.value == "rupiah":
                if row.is_parent:
                    ws.write_formula(r, c, f"=SUBTOTAL(9,F{r + 2}:F{r + 20})", rupiah)
                elif value is not None:
                    ws.write_number(r, c, value, rupiah)
            elif column.kind.value == "target":
                ws.write_string(r, c, value.teks, text)
            elif value:
                ws.write_string(r, c, str(value), bold if row.is_parent else text)
    wb.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    renja = _renja(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours_file = folder / "renja.xlsx"
        baseline_file = folder / "xlsxwriter.xlsx"
        write(renja, ours_file)
        size = ours_file.stat().st_size
        t_write = _time(lambda: write(renja, ours_file), args.repeat)
        t_xlsxwriter = _time(lambda: xlsxwriter_write(renja, baseline_file), args.repeat)
        t_read = _time(lambda: ours_read(ours_file), args.repeat)
        t_openpyxl = _time(lambda: openpyxl_read(ours_file), args.repeat)
        t_calamine = _time(lambda: calamine_read(ours_file), args.repeat)
        peak_read = _peak(lambda: ours_read(ours_file))
        peak_write = _peak(lambda: write(renja, ours_file))
    rows = len(renja.tabel31.baris)
    print(f"Tabel 3.1 dengan {rows:,} baris ({size / 1e6:.1f} MB), terbaik dari {args.repeat} kali")
    print(f"  baca+tingkat+hitung renja_xl : {t_read:7.3f} s")
    print(f"  openpyxl read-only (nilai)   : {t_openpyxl:7.3f} s  -> rasio "
          f"{t_read / t_openpyxl:.2f}x")
    print(f"  python-calamine (mentah)     : {t_calamine:7.3f} s  -> rasio "
          f"{t_read / t_calamine:.2f}x")
    print(f"  tulis renja_xl (template)    : {t_write:7.3f} s")
    print(f"  xlsxwriter (sel yang sama)   : {t_xlsxwriter:7.3f} s  -> rasio "
          f"{t_write / t_xlsxwriter:.2f}x")
    print(f"  memori puncak baca / tulis   : {peak_read / 1e6:.0f} MB / {peak_write / 1e6:.0f} MB")
    print("  target: baca <= 1.5x openpyxl read-only, tulis <= 2x xlsxwriter; "
          f"baca <= 3x python-calamine (issue 14): "
          f"{'memenuhi' if t_read <= 3 * t_calamine else 'BELUM'}")


if __name__ == "__main__":
    main()
