"""Benchmark: loading the nomenclature and looking names up.

Run with `python benchmarks/bench_nomenklatur.py`. Prints the time to load the
default version (cold, in a fresh process), and the time of 10,000 calls of
`levels_for_name`, `find_by_name` and `candidates` on the Dharmasraya row names.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import time

from renja_xl.example import load_example
from renja_xl.model import Level

_LOOKUPS = 10_000
_COLD_LOAD = (
    "import time; t = time.perf_counter();"
    "from renja_xl.nomenklatur import default; n = default();"
    "print(time.perf_counter() - t)"
)


def _cold_load_seconds() -> float:
    out = subprocess.run([sys.executable, "-c", _COLD_LOAD], capture_output=True, text=True)
    return float(out.stdout)


def _names() -> list[str]:
    renja = load_example()
    return [b.uraian for t in renja.tabel for b in t.baris]


def _timed(label: str, calls: int, fn) -> None:
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<42} {elapsed * 1000:8.1f} ms  ({elapsed / calls * 1e6:6.1f} µs/panggilan)")


def main() -> None:
    """Print the figures."""
    print(f"Muat nomenklatur (proses baru, termasuk impor): {_cold_load_seconds() * 1000:.1f} ms")
    from renja_xl.nomenklatur import default, normalize_name

    start = time.perf_counter()
    nomenklatur = default()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"Muat nomenklatur (default() pertama kali):      {elapsed:.1f} ms")
    nomenklatur.metadata("1.06.04.2.01.0001")
    names = list(itertools.islice(itertools.cycle(_names()), _LOOKUPS))
    normalize_name.cache_clear()
    _timed(
        "10.000 × levels_for_name",
        _LOOKUPS,
        lambda: [nomenklatur.levels_for_name(n) for n in names],
    )
    _timed("10.000 × find_by_name", _LOOKUPS, lambda: [nomenklatur.find_by_name(n) for n in names])
    subs = [b for b in load_example().tabel31.baris if b.level is Level.SUB_KEGIATAN]
    queries = list(itertools.islice(itertools.cycle(b.uraian for b in subs), _LOOKUPS))
    _timed(
        "10.000 × candidates (sub kegiatan, 1 kegiatan)",
        _LOOKUPS,
        lambda: [nomenklatur.candidates(q, "sub_kegiatan", parent="1.06.04.2.01") for q in queries],
    )
    _timed(
        "1.000 × candidates (program, seluruh daftar)",
        1000,
        lambda: [nomenklatur.candidates(q, "program") for q in queries[:1000]],
    )


if __name__ == "__main__":
    main()
