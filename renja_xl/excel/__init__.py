"""The Excel add-in: the buttons Validasi, Hitung Subtotal and Isi Prakiraan Maju.

One implementation (`renja_xl.excel.scripts`) serves xlwings Lite, desktop
Excel through `RunPython` (`renja_xl.excel.desktop`) and an office server
(`renja_xl.excel.server`). Importing this package imports nothing heavy.
"""
