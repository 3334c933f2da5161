"""Analisis: Renja rows as tidy pandas DataFrames, and rupiah axes for charts.

    frames = load_frames("folder/berisi/renja")   # read once
    frames.sub_kegiatan                             # one row per sub kegiatan
    frames.program, frames.kegiatan                 # parents, with their sums

`to_frame`, `kegiatan_frame` and `program_frame` give one view each. Sources
are a `Renja`, a workbook path, a folder of workbooks, or a list of these.
Needs pandas (the `cli` extra); `rupiah_formatter` needs matplotlib (`notebook`).
"""

from renja_xl.analisis.frame import Frames, kegiatan_frame, load_frames, program_frame, to_frame
from renja_xl.analisis.rupiah import (
    UNITS,
    format_rupiah_compact,
    rupiah_formatter,
    unit_for,
)
from renja_xl.analisis.sources import Loaded, Source, expand_sources, load_sources

__all__ = [
    "UNITS",
    "Frames",
    "Loaded",
    "Source",
    "expand_sources",
    "format_rupiah_compact",
    "kegiatan_frame",
    "load_frames",
    "load_sources",
    "program_frame",
    "rupiah_formatter",
    "to_frame",
    "unit_for",
]
