"""Renja XL for xlwings Lite: paste into the Lite editor (main.py); the scripts become buttons.

Validasi, Hitung Subtotal, Isi Prakiraan Maju (and Isi Kode) run the same code as the
desktop macros and the office server (package renja_xl, see requirements.txt).
"""

from renja_xl.excel.scripts import hitung_subtotal, isi_kode, isi_prakiraan_maju, validasi

__all__ = ["hitung_subtotal", "isi_kode", "isi_prakiraan_maju", "validasi"]
