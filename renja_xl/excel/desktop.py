"""Entry points for desktop Excel: `RunPython "import renja_xl.excel.desktop as d; d.validasi()"`.

Each runs the same implementation as the xlwings Lite and server scripts on
the workbook that called the macro (`xw.Book.caller()`).
"""

from __future__ import annotations

import xlwings as xw

from renja_xl.excel.kode import run_isi_kode
from renja_xl.excel.prakiraan import run_isi_prakiraan_maju
from renja_xl.excel.subtotal import run_hitung_subtotal
from renja_xl.excel.validasi import run_validasi

__all__ = ["hitung_subtotal", "isi_kode", "isi_prakiraan_maju", "validasi"]


def validasi() -> None:
    """The Validasi button."""
    run_validasi(xw.Book.caller())


def hitung_subtotal() -> None:
    """The Hitung Subtotal button."""
    run_hitung_subtotal(xw.Book.caller())


def isi_prakiraan_maju() -> None:
    """The Isi Prakiraan Maju button."""
    run_isi_prakiraan_maju(xw.Book.caller())


def isi_kode() -> None:
    """Fill the empty Kode cells (macro IsiKode)."""
    run_isi_kode(xw.Book.caller())
