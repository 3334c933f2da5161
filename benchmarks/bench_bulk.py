"""Benchmark of the bulk commands (issue 5): workbooks per second for `buat-tahun-depan`
and `rekap` with 1 and 2 local workers and on a Dask LocalCluster (loopback).

Prints, for each way of running, the wall time, files per second and the parallel
efficiency (speed-up over 1 worker divided by the number of workers).

Run: python benchmarks/bench_bulk.py [--files 50] [--workers 1 2] [--no-dask]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# This checkout first: its renja_xl, and the harnesses in tests/support.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from renja_xl.bulk import Summary, collect_rekap, find_workbooks, write_tahun_depan
from tests.support.synthetic import write_synthetic_folder

TAHUN = 2025


def _timed(run: Callable[[], Summary]) -> tuple[float, Summary]:
    start = time.perf_counter()
    summary = run()
    return time.perf_counter() - start, summary


def _tahun_depan(sources: list[Path], out: Path, **where: object) -> Callable[[], Summary]:
    def run() -> Summary:
        out.mkdir(parents=True, exist_ok=True)
        return write_tahun_depan(sources, out, TAHUN, **where)  # type: ignore[arg-type]

    return run


def _rekap(sources: list[Path], **where: object) -> Callable[[], Summary]:
    return lambda: collect_rekap(sources, **where)[0]  # type: ignore[arg-type]


def _report(label: str, seconds: float, summary: Summary, base: float | None, workers: int
            ) -> None:
    rate = len(summary.results) / seconds
    line = f"  {label:<22} {seconds:7.2f} s  {rate:6.2f} berkas/s  ({len(summary.failed)} gagal)"
    if base is not None and workers > 1:
        line += f"  efisiensi {base / seconds / workers:.2f}"
    print(line)


def main() -> None:
    """Generate the files, then time each command on each way of running."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        write_synthetic_folder(root / "masukan", args.files, seed=3, rows=(30, 200))
        print(f"{args.files} workbook sintetis ditulis dalam {time.perf_counter() - start:.1f} s")
        sources = find_workbooks([root / "masukan"])
        cluster = _cluster(args)
        try:
            for name, make in (
                ("buat-tahun-depan", lambda w, d, i: _tahun_depan(sources, root / f"k{i}", **w)),
                ("rekap", lambda w, d, i: _rekap(sources, **w)),
            ):
                print(name)
                base = None
                for i, workers in enumerate(args.workers):
                    seconds, summary = _timed(make({"workers": workers}, None, i))
                    base = seconds if workers == 1 else base
                    _report(f"--workers {workers}", seconds, summary, base, workers)
                if cluster is not None:
                    where = {"dask": cluster.scheduler_address}
                    seconds, summary = _timed(make(where, None, "dask"))
                    _report("Dask LocalCluster (2)", seconds, summary, base, 2)
        finally:
            if cluster is not None:
                cluster.close()


def _cluster(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if args.no_dask:
        return None
    from distributed import LocalCluster

    return LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                        dashboard_address=None, processes=True, silence_logs=40)


if __name__ == "__main__":
    main()
