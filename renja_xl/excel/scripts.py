"""The Excel buttons as xlwings scripts: one implementation for all three ways to click.

xlwings Lite lists these functions as scripts (its `main.py` only re-exports
them), the office server runs them by name (`renja_xl.excel.server`), and the
desktop macros reach the same implementations through `renja_xl.excel.desktop`.
This module and everything it imports must also run inside Pyodide: no
command-line, server or compiled-only packages on this path.

Each script imports its implementation when it first runs: Lite imports this
module when the workbook opens, and Python in the browser compiles every
module it imports, so the nomenclature (Isi Kode), the validation rules and
the pydantic models are loaded by the click that needs them, not at start.
"""

from __future__ import annotations

import xlwings as xw

__all__ = ["SCRIPTS", "hitung_subtotal", "isi_kode", "isi_prakiraan_maju", "validasi"]

SCRIPTS = ("validasi", "hitung_subtotal", "isi_prakiraan_maju", "isi_kode")
"""The only names the server lets a client call."""


@xw.script(name="Validasi")
def validasi(book: xw.Book) -> None:
    """Warnai sel bermasalah dan tulis daftar temuan di sheet "Validasi"."""
    from renja_xl.excel.validasi import run_validasi

    run_validasi(book)


@xw.script(name="Hitung Subtotal")
def hitung_subtotal(book: xw.Book) -> None:
    """Perbaiki jumlah program, kegiatan dan JUMLAH."""
    from renja_xl.excel.subtotal import run_hitung_subtotal

    run_hitung_subtotal(book)


@xw.script(name="Isi Prakiraan Maju")
def isi_prakiraan_maju(book: xw.Book) -> None:
    """Isi sel tahun N+1 yang kosong menurut aturan kenaikan."""
    from renja_xl.excel.prakiraan import run_isi_prakiraan_maju

    run_isi_prakiraan_maju(book)


@xw.script(name="Isi Kode")
def isi_kode(book: xw.Book) -> None:
    """Isi kolom Kode yang kosong dari nomenklatur resmi."""
    from renja_xl.excel.kode import run_isi_kode

    run_isi_kode(book)
