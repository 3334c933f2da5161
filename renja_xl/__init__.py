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

from typing import TYPE_CHECKING

from renja_xl import _lazy

__version__ = "0.1.0"

# The public API, once: each name and the module it is imported from on first use.
# `__all__` is this list, sorted; the TYPE_CHECKING imports below show it to type
# checkers (tests/test_exported_members.py checks the two agree).
_EXPORTS: dict[str, str] = {
    "Asal": "renja_xl.model",
    "Baris": "renja_xl.model",
    "CellValueError": "renja_xl.errors",
    "Counts": "renja_xl.recompute",
    "Finding": "renja_xl.validasi",
    "LayoutNotFoundError": "renja_xl.errors",
    "Level": "renja_xl.model",
    "Penandatangan": "renja_xl.model",
    "ProjectionRules": "renja_xl.prakiraan",
    "Renja": "renja_xl.model",
    "RenjaError": "renja_xl.errors",
    "Report": "renja_xl.validasi",
    "SaveError": "renja_xl.errors",
    "Tabel": "renja_xl.model",
    "TabelKind": "renja_xl.model",
    "Target": "renja_xl.model",
    "WorkbookError": "renja_xl.errors",
    "build_workbook": "renja_xl.workbook.writer",
    "count": "renja_xl.recompute",
    "fill_kode": "renja_xl.nomenklatur",
    "fill_prakiraan": "renja_xl.prakiraan",
    "load": "renja_xl.workbook.reader",
    "load_example": "renja_xl.example",
    "load_frames": "renja_xl.analisis",
    "make_tahun_depan": "renja_xl.tahun_depan",
    "parse_rupiah": "renja_xl.numbers",
    "recompute": "renja_xl.recompute",
    "summarize": "renja_xl.summary",
    "terbilang": "renja_xl.terbilang",
    "to_frame": "renja_xl.analisis",
    "validate": "renja_xl.validasi",
    "write": "renja_xl.workbook.writer",
}

__all__ = sorted(_EXPORTS)

# Old names (0.1), kept until 0.3 with a DeprecationWarning (renja_xl._renamed).
_RENAMED = {"Rules": "ProjectionRules", "isi_kode": "fill_kode", "next_year": "make_tahun_depan"}

if TYPE_CHECKING:  # what type checkers and editors see: the same names
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
    from renja_xl.nomenklatur import fill_kode
    from renja_xl.numbers import parse_rupiah
    from renja_xl.prakiraan import ProjectionRules, fill_prakiraan
    from renja_xl.recompute import Counts, count, recompute
    from renja_xl.summary import summarize
    from renja_xl.tahun_depan import make_tahun_depan
    from renja_xl.terbilang import terbilang
    from renja_xl.validasi import Finding, Report, validate
    from renja_xl.workbook.reader import load
    from renja_xl.workbook.writer import build_workbook, write


__getattr__ = _lazy.lazy_exports(__name__, _EXPORTS, globals(), _RENAMED)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
