"""renja_xl: Tabel 3.1 dan 4.1 Renja Perangkat Daerah — baca, tulis, hitung, validasi.

The public API, in one sorted list::

    import renja_xl
    renja = renja_xl.load("renja.xlsx")          # Renja, from any workbook layout
    renja_xl.recompute(renja.tabel31)            # subtotals, returns what changed
    report = renja_xl.validate(renja)            # every finding, never raises on them
    renja_xl.write(renja, "bersih.xlsx")         # the official layout, live formulas

Names are imported on first use, so `import renja_xl` stays light (the Excel
add-in runs it inside Pyodide) and pandas or the nomenclature are only loaded
by those who need them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Asal": "renja_xl.model",
    "Baris": "renja_xl.model",
    "CellValueError": "renja_xl.errors",
    "Counts": "renja_xl.recompute",
    "Finding": "renja_xl.validasi",
    "LayoutNotFoundError": "renja_xl.errors",
    "Level": "renja_xl.model",
    "Penandatangan": "renja_xl.model",
    "Renja": "renja_xl.model",
    "RenjaError": "renja_xl.errors",
    "Report": "renja_xl.validasi",
    "Rules": "renja_xl.prakiraan",
    "SaveError": "renja_xl.errors",
    "Tabel": "renja_xl.model",
    "TabelKind": "renja_xl.model",
    "Target": "renja_xl.model",
    "WorkbookError": "renja_xl.errors",
    "build_workbook": "renja_xl.workbook.writer",
    "count": "renja_xl.recompute",
    "fill_prakiraan": "renja_xl.prakiraan",
    "isi_kode": "renja_xl.nomenklatur",
    "load": "renja_xl.workbook.reader",
    "load_example": "renja_xl.example",
    "load_frames": "renja_xl.analisis",
    "next_year": "renja_xl.tahun_depan",
    "parse_rupiah": "renja_xl.numbers",
    "recompute": "renja_xl.recompute",
    "summarize": "renja_xl.summary",
    "terbilang": "renja_xl.terbilang",
    "to_frame": "renja_xl.analisis",
    "validate": "renja_xl.validasi",
    "write": "renja_xl.workbook.writer",
}

__all__ = [
    "Asal",
    "Baris",
    "CellValueError",
    "Counts",
    "Finding",
    "LayoutNotFoundError",
    "Level",
    "Penandatangan",
    "Renja",
    "RenjaError",
    "Report",
    "Rules",
    "SaveError",
    "Tabel",
    "TabelKind",
    "Target",
    "WorkbookError",
    "build_workbook",
    "count",
    "fill_prakiraan",
    "isi_kode",
    "load",
    "load_example",
    "load_frames",
    "next_year",
    "parse_rupiah",
    "recompute",
    "summarize",
    "terbilang",
    "to_frame",
    "validate",
    "write",
]

if TYPE_CHECKING:  # what type checkers and editors see
    from renja_xl.analisis import load_frames, to_frame
    from renja_xl.errors import (
        CellValueError,
        LayoutNotFoundError,
        RenjaError,
        SaveError,
        WorkbookError,
    )
    from renja_xl.example import load_example
    from renja_xl.model import Asal, Baris, Level, Penandatangan, Renja, Tabel, TabelKind, Target
    from renja_xl.nomenklatur import isi_kode
    from renja_xl.numbers import parse_rupiah
    from renja_xl.prakiraan import Rules, fill_prakiraan
    from renja_xl.recompute import Counts, count, recompute
    from renja_xl.summary import summarize
    from renja_xl.tahun_depan import next_year
    from renja_xl.terbilang import terbilang
    from renja_xl.validasi import Finding, Report, validate
    from renja_xl.workbook.reader import load
    from renja_xl.workbook.writer import build_workbook, write


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'renja_xl' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
