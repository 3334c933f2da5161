"""The Isi Kode script: fill the empty Kode cells from the official nomenclature.

`renja_xl.nomenklatur.fill_kode_renja` decides every code, as for `renja-xl
isi-kode` (without its options: the main bidang urusan is inferred); only empty
Kode cells are written, as text, so that "1.06.04" never becomes a number.
"""

from __future__ import annotations

from typing import Any

from renja_xl.excel._button import Click, button
from renja_xl.excel.cells import as_text
from renja_xl.nomenklatur import fill_kode_renja

__all__ = ["run_isi_kode"]


@button(strict=False)
def run_isi_kode(click: Click) -> int:
    """Fill the empty codes of every table; returns how many cells were written."""
    cells: dict[tuple[str, int, int], Any] = {}
    left = 0
    # The button writes codes only: no indikator suggestions, no metadata read for them.
    for hasil in fill_kode_renja(click.renja, saran_indikator=False):
        left += len(hasil.tersisa)
        column = hasil.tabel.columns.get("kode")
        for diisi in hasil.diisi:
            if diisi.asal is None or column is None:
                continue
            key = (diisi.asal.sheet, diisi.asal.row, column)
            if str(click.data.sheets[key[0]].value(key[1], column) or "").strip():
                continue
            cells[key] = as_text(diisi.kode)
    click.write_cells(cells)
    click.tell(f"Isi Kode: {len(cells)} kode diisi dari nomenklatur resmi; {left} baris belum "
               "dapat dipastikan kodenya (jalankan renja-xl isi-kode untuk melihat kandidatnya)."
               if cells else "Tidak ada kode yang dapat diisi; tidak ada yang diubah.")
    return len(cells)
