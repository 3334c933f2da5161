"""Renja rows as tidy pandas DataFrames: one row per sub kegiatan, kegiatan or program.

Money columns (`pagu`, `pagu_maju`, `selisih`) are pandas' nullable integer
"Int64": whole rupiah, with <NA> where a year has no figure; never float. When an
amount carries sen (`renja_xl.money`), the frame's money columns hold the exact
int|Decimal amounts instead (dtype object, None where a year has no figure), so
sums stay exact to the sen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from renja_xl.analisis.rows import Record, Records, records
from renja_xl.analisis.sources import Loaded, Source, load_sources
from renja_xl.errors import LayoutNotFoundError
from renja_xl.model import TabelKind
from renja_xl.money import has_sen

__all__ = ["Frames", "kegiatan_frame", "load_frames", "program_frame", "to_frame"]

_IDENTITY = ["file", "pemda", "opd", "opd_singkat", "tahun", "tahun_maju", "tabel"]
_HIERARCHY = ["bidang", "kode_bidang", "kode_program", "program"]
_KEGIATAN = ["kode_kegiatan", "kegiatan"]
_PLACE = ["sheet", "row"]
_CHANGE = ["selisih", "persen_selisih"]

SUB_KEGIATAN_COLUMNS = [
    *_IDENTITY, *_HIERARCHY, *_KEGIATAN, "kode_sub_kegiatan", "sub_kegiatan",
    "indikator", "lokasi", "target", "target_angka", "target_satuan",
    "target_maju", "target_maju_angka", "target_maju_satuan",
    "pagu", "pagu_maju", *_CHANGE, "sumber_dana", "sumber_dana_tertulis", "catatan", "spm",
    *_PLACE,
]
KEGIATAN_COLUMNS = [
    *_IDENTITY, *_HIERARCHY, *_KEGIATAN, "jumlah_sub_kegiatan", "pagu", "pagu_maju", *_CHANGE,
    *_PLACE,
]
PROGRAM_COLUMNS = [
    *_IDENTITY, *_HIERARCHY, "jumlah_kegiatan", "jumlah_sub_kegiatan", "pagu", "pagu_maju",
    *_CHANGE, *_PLACE,
]

_DTYPES = {
    "tahun": "Int64", "tahun_maju": "Int64", "row": "Int64",
    "pagu": "Int64", "pagu_maju": "Int64", "selisih": "Int64",
    "jumlah_kegiatan": "Int64", "jumlah_sub_kegiatan": "Int64",
    "target_angka": "Float64", "target_maju_angka": "Float64", "persen_selisih": "Float64",
    "spm": "boolean",
}


@dataclass
class Frames:
    """The three views of the same rows, read once."""

    sub_kegiatan: pd.DataFrame
    kegiatan: pd.DataFrame
    program: pd.DataFrame
    loaded: list[Loaded] = field(default_factory=list)
    """What was read: each Renja with the workbook it came from."""


_MONEY = ("pagu", "pagu_maju", "selisih")


def _exact_change(frame: pd.DataFrame) -> pd.DataFrame:
    """`_change` over exact int|Decimal amounts (a frame with sen), element by element."""
    pairs = list(zip(frame["pagu"], frame["pagu_maju"], strict=True))
    selisih = [None if n is None and m is None else (m or 0) - (n or 0) for n, m in pairs]
    frame["selisih"] = pd.Series(selisih, index=frame.index, dtype=object)
    percent = [None if not n or n < 0 or d is None else float(round(d * 100 / n, 2))
               for (n, _), d in zip(pairs, selisih, strict=True)]
    frame["persen_selisih"] = pd.array(percent, dtype="Float64")
    return frame


def _change(frame: pd.DataFrame) -> pd.DataFrame:
    # A year without a figure counts as nothing, unless neither year has one.
    if frame["pagu"].dtype == object:
        return _exact_change(frame)
    both_missing = frame["pagu"].isna() & frame["pagu_maju"].isna()
    selisih = frame["pagu_maju"].fillna(0) - frame["pagu"].fillna(0)
    frame["selisih"] = selisih.mask(both_missing)
    base = frame["pagu"].where(frame["pagu"] > 0)
    frame["persen_selisih"] = (frame["selisih"].astype("Float64") * 100 / base).round(2)
    return frame


def _frame(rows: list[Record], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=[c for c in columns if c not in _CHANGE])
    dtypes = {c: t for c, t in _DTYPES.items() if c in frame.columns}
    if any(has_sen(row.get(c)) for row in rows for c in _MONEY):
        for c in _MONEY:  # exact amounts, None for no figure
            if c in frame.columns:
                dtypes.pop(c)
                frame[c] = pd.Series([row.get(c) for row in rows], index=frame.index, dtype=object)
    frame = frame.astype(dtypes)
    text = [c for c in frame.columns if c not in _DTYPES]
    frame = frame.astype(dict.fromkeys(text, "string"))
    return _change(frame)[columns]


def _table_kind(tabel: TabelKind | str) -> TabelKind:
    return tabel if isinstance(tabel, TabelKind) else TabelKind(str(tabel).removeprefix("Tabel "))


def _records(item: Loaded, kind: TabelKind) -> Records:
    tabel = item.renja.tabel31 if kind is TabelKind.TABEL_31 else item.renja.tabel41
    if tabel is None:
        raise LayoutNotFoundError(f"tidak memuat Tabel {kind.value}", file=item.file)
    return records(item.renja, tabel, item.file)


def load_frames(
    source: Source, tabel: TabelKind | str = TabelKind.TABEL_31, *, strict: bool = True
) -> Frames:
    """Read a source once and return its sub kegiatan, kegiatan and program views.

    `tabel` picks Tabel 3.1 (default, years N and N+1) or "4.1" (year N only).
    Every source must hold that table. `strict` is the reader's (see `load`).
    """
    kind = _table_kind(tabel)
    loaded = load_sources(source, strict=strict)
    found = Records([], [], [])
    for item in loaded:
        found.extend(_records(item, kind))
    return Frames(
        sub_kegiatan=_frame(found.sub_kegiatan, SUB_KEGIATAN_COLUMNS),
        kegiatan=_frame(found.kegiatan, KEGIATAN_COLUMNS),
        program=_frame(found.program, PROGRAM_COLUMNS),
        loaded=loaded,
    )


def to_frame(
    source: Source, tabel: TabelKind | str = TabelKind.TABEL_31, *, strict: bool = True
) -> pd.DataFrame:
    """One row per sub kegiatan, with its program, kegiatan, bidang, agency and source cell."""
    return load_frames(source, tabel, strict=strict).sub_kegiatan


def kegiatan_frame(
    source: Source, tabel: TabelKind | str = TabelKind.TABEL_31, *, strict: bool = True
) -> pd.DataFrame:
    """One row per kegiatan, with the sums of its sub kegiatan."""
    return load_frames(source, tabel, strict=strict).kegiatan


def program_frame(
    source: Source, tabel: TabelKind | str = TabelKind.TABEL_31, *, strict: bool = True
) -> pd.DataFrame:
    """One row per program, with the sums of its sub kegiatan."""
    return load_frames(source, tabel, strict=strict).program
