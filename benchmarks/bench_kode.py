"""Benchmark: filling codes for a 10,000-row table.

Run with `python benchmarks/bench_kode.py`. The table repeats the real rows of
the Dharmasraya Tabel 3.1 (136 rows) until it has 10,000 rows, so every block
program → kegiatan → sub kegiatan stays intact. Two cases: the rows as
printed (names repeat, so matches are reused), and the worst case where every
repetition's names carry a distinct suffix, so no name matches exactly and
every row goes through fuzzy matching. A code is given once per table, so only
the first copy of each block is coded; the matching work is done for every
row all the same. The issue asks for under one second.
"""

from __future__ import annotations

import itertools
import time

from renja_xl.example import load_example
from renja_xl.model import Tabel
from renja_xl.nomenklatur import default, fill_kode, load

_ROWS = 10_000


def _big_table(unique_names: bool = False) -> Tabel:
    tabel = load_example().tabel31
    rows = list(itertools.islice(itertools.cycle(tabel.baris), _ROWS))
    if unique_names:
        rows = [
            row.model_copy(update={"uraian": f"{row.uraian} {i // len(tabel)}"})
            for i, row in enumerate(rows)
        ]
    return tabel.model_copy(update={"baris": rows})


def _timed(label: str, fn) -> object:
    start = time.perf_counter()
    result = fn()
    print(f"{label:<52} {(time.perf_counter() - start) * 1000:8.1f} ms")
    return result


def main() -> None:
    """Print the figures."""
    tabel = _big_table()
    print(f"Tabel uji: {len(tabel)} baris (Tabel 3.1 Dharmasraya diulang)")
    load.cache_clear()
    _timed("fill_kode, termasuk memuat nomenklatur", lambda: fill_kode(tabel))
    default().metadata("1.06.04.2.01.0001")
    hasil = _timed("fill_kode, nomenklatur sudah dimuat", lambda: fill_kode(tabel))
    _timed("fill_kode dengan perbaiki_nama", lambda: fill_kode(tabel, perbaiki_nama=True))
    print(f"  diisi: {len(hasil.diisi)}, tersisa: {len(hasil.tersisa)}")
    unique = _big_table(unique_names=True)
    worst = _timed("fill_kode, setiap nama berbeda (kasus terburuk)", lambda: fill_kode(unique))
    print(f"  diisi: {len(worst.diisi)}, tersisa: {len(worst.tersisa)}")


if __name__ == "__main__":
    main()
