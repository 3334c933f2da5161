"""Benchmark of the Excel buttons (issue 4): Python-side time and returned bytes per click.

For a synthetic Tabel 3.1 of 1,000 and 10,000 rows made from the real rows (its
totals typed as figures, then a kegiatan total in seven made stale, an N+1 pagu
in eleven and an N+1 target in thirteen emptied), each script runs on
`xw.Book(json=payload)` as the office server and xlwings Lite run it. Printed per
client (VBA, Office.js): the time from payload to actions (median of --repeat
runs), the number of actions and the size of the returned JSON. The payload is
built once, outside the timing, as Excel would send it.

Run: XLWINGS_LICENSE_KEY=noncommercial python benchmarks/bench_excel.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import xlwings as xw

# This checkout first: its renja_xl, and the harnesses in tests/support.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from renja_xl.excel import scripts
from renja_xl.model import Level
from renja_xl.workbook.writer import build_workbook
from tests.support.payload import payload_from_workbook
from tests.support.synthetic import generate

FIRST_DATA_ROW, PAGU, TARGET_MAJU, PAGU_MAJU = 9, 6, 9, 10


def _payload(rows: int, client: str) -> dict[str, Any]:
    renja = generate(7, rows=rows).renja
    renja.tabel41 = None
    wb = build_workbook(renja)
    payload = payload_from_workbook(wb, name="renja.xlsx", client=client)
    values = payload["sheets"][0]["values"]
    kegiatan = subs = 0
    for index, baris in enumerate(renja.tabel31.baris):
        row = values[FIRST_DATA_ROW + index - 1]
        if baris.level is Level.KEGIATAN:
            row[PAGU - 1] = (row[PAGU - 1] if kegiatan % 7 else (row[PAGU - 1] or 0) + 1000)
            kegiatan += 1
        elif baris.level is Level.SUB_KEGIATAN:
            if subs % 11 == 0:
                row[PAGU_MAJU - 1] = None
            if subs % 13 == 0:
                row[TARGET_MAJU - 1] = None
            subs += 1
    return payload


def _click(payload: dict[str, Any], name: str) -> tuple[float, list[dict[str, Any]]]:
    copy = json.loads(json.dumps(payload))
    start = time.perf_counter()
    book = xw.Book(json=copy)
    getattr(scripts, name)(book)
    actions = book.json()["actions"]
    return time.perf_counter() - start, actions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000, 10_000])
    args = parser.parse_args()
    print(f"{'baris':>6} {'klien':<9} {'skrip':<19} {'detik':>7} {'aksi':>5} {'byte aksi':>10}")
    for rows in args.rows:
        for client in ("VBA", "Office.js"):
            payload = _payload(rows, client)
            for name in scripts.SCRIPTS:
                runs = [_click(payload, name) for _ in range(args.repeat)]
                seconds = statistics.median(t for t, _ in runs)
                actions = runs[0][1]
                size = len(json.dumps({"actions": actions}).encode())
                print(f"{rows:>6} {client:<9} {name:<19} {seconds:>7.2f} {len(actions):>5} "
                      f"{size:>10,}".replace(",", "."))


if __name__ == "__main__":
    main()
