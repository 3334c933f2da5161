"""The Isi Kode script: fill the empty Kode cells from the official nomenclature.

`renja_xl.nomenklatur.fill_kode` decides every code, as for `renja-xl isi-kode`
(without its options: the main bidang urusan is inferred); only empty Kode
cells are written, as text, so that "1.06.04" never becomes a number.
"""

from __future__ import annotations

from typing import Any

import xlwings as xw

from renja_xl.errors import RenjaError
from renja_xl.excel.cells import as_text, keepers
from renja_xl.excel.notify import alert, alert_error
from renja_xl.excel.output import MAX_ACTIONS, Output
from renja_xl.excel.reading import read_book
from renja_xl.nomenklatur import default, fill_kode
from renja_xl.workbook.reader import read_grids

__all__ = ["run_isi_kode"]


def run_isi_kode(book: xw.Book) -> int | None:
    """Fill the empty codes of every table; returns how many cells were written."""
    data = read_book(book)
    try:
        renja = read_grids(data.grids(), strict=False)
    except RenjaError as exc:
        alert_error(book, exc)
        return None
    official, urusan, bidang = default(), None, []
    cells: dict[tuple[str, int, int], Any] = {}
    left = 0
    for tabel in renja.tabel:
        hasil = fill_kode(tabel, official, urusan=urusan, bidang=bidang)
        urusan, bidang = hasil.urusan_utama, list(hasil.bidang)
        left += len(hasil.tersisa)
        column = tabel.columns.get("kode")
        for diisi in hasil.diisi:
            if diisi.asal is None or column is None:
                continue
            key = (diisi.asal.sheet, diisi.asal.row, column)
            if str(data.sheets[key[0]].value(key[1], column) or "").strip():
                continue
            cells[key] = as_text(diisi.kode)
    strict, wider = keepers(data, renja)
    Output(book, data.client).cells(cells, MAX_ACTIONS - 1, strict, wider)
    alert(book, f"Isi Kode: {len(cells)} kode diisi dari nomenklatur resmi; {left} baris belum "
                "dapat dipastikan kodenya (jalankan renja-xl isi-kode untuk melihat kandidatnya)."
          if cells else "Tidak ada kode yang dapat diisi; tidak ada yang diubah.")
    return len(cells)
