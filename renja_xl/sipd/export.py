"""Reading a SIPD-RI budget export ("rekap" layout): columns by header name, exact PAGU.

The export has one header row and then one row per sub kegiatan x sumber dana x
rekening (x paket). Other stages of the system add or move columns, and users
put pivot tables on other sheets: the sheet is the one whose header row names
the columns below, and every column is found by its header, never its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from renja_xl.errors import RenjaError
from renja_xl.money import Rupiah, rupiah_or_none
from renja_xl.workbook.grid import Grid
from renja_xl.workbook.source import iter_grids

__all__ = ["REQUIRED", "Export", "NotAnExportError", "SipdRow", "find_header", "read_export"]

REQUIRED = {
    "tahun": "TAHUN",
    "kode_skpd": "KODE SKPD",
    "nama_skpd": "NAMA SKPD",
    "kode_sub_unit": "KODE SUB UNIT",
    "nama_sub_unit": "NAMA SUB UNIT",
    "kode_bidang": "KODE BIDANG URUSAN",
    "nama_bidang": "NAMA BIDANG URUSAN",
    "kode_program": "KODE PROGRAM",
    "nama_program": "NAMA PROGRAM",
    "kode_kegiatan": "KODE KEGIATAN",
    "nama_kegiatan": "NAMA KEGIATAN",
    "kode_sub_kegiatan": "KODE SUB KEGIATAN",
    "nama_sub_kegiatan": "NAMA SUB KEGIATAN",
    "nama_sumber_dana": "NAMA SUMBER DANA",
    "pagu": "PAGU",
}
"""Field → the export's header for it: what makes a sheet a SIPD export."""
OPTIONAL = {"kode_sumber_dana": "KODE SUMBER DANA"}

_HEADER_ROWS = 20
"""How far down a sheet the header row is looked for (a title may sit above it)."""
_SPACE = re.compile(r"\s+")


class NotAnExportError(RenjaError):
    """The file has no sheet with the SIPD export's columns."""


@dataclass(frozen=True, slots=True)
class SipdRow:
    """One line of the export, its texts stripped and PAGU exact (None when empty)."""

    row: int
    kode_skpd: str
    nama_skpd: str
    kode_sub_unit: str
    nama_sub_unit: str
    kode_bidang: str
    nama_bidang: str
    kode_program: str
    nama_program: str
    kode_kegiatan: str
    nama_kegiatan: str
    kode_sub_kegiatan: str
    nama_sub_kegiatan: str
    kode_sumber_dana: str
    nama_sumber_dana: str
    pagu: Rupiah | None


@dataclass(frozen=True)
class Export:
    """A whole export: its year (TAHUN), its rows, the file and sheet they came from."""

    file: Path
    sheet: str
    tahun: int
    rows: list[SipdRow]

    @property
    def total(self) -> Rupiah:
        """The sum of every PAGU, exactly."""
        return sum((r.pagu for r in self.rows if r.pagu is not None), 0)


def _header_name(text: str) -> str:
    return _SPACE.sub(" ", text).strip().upper()


def find_header(grid: Grid) -> tuple[int, dict[str, int], list[str]]:
    """The header row of a sheet, field → column, and the required headers it lacks."""
    best: tuple[int, dict[str, int], list[str]] = (0, {}, list(REQUIRED.values()))
    wanted = {**REQUIRED, **OPTIONAL}
    for row in sorted(grid.rows)[:_HEADER_ROWS]:
        names = {_header_name(c.text): col for col, c in grid.rows[row].items() if c.kind == "s"}
        columns = {field: names[h] for field, h in wanted.items() if h in names}
        missing = [h for field, h in REQUIRED.items() if field not in columns]
        if len(missing) < len(best[2]):
            best = (row, columns, missing)
        if not missing:
            break
    return best


def read_export(path: str | Path) -> Export:
    """The export in `path`: the first sheet carrying its columns, read by header name.

    Raises `NotAnExportError` (one line naming the missing columns) when no sheet has
    them, and `RenjaError` when TAHUN differs between rows or a PAGU is not an amount.
    """
    path = Path(path)
    closest: tuple[str, list[str]] | None = None
    for grid in iter_grids(path):
        header, columns, missing = find_header(grid)
        if not missing:
            return _export(path, grid, header, columns)
        if closest is None or len(missing) < len(closest[1]):
            closest = (grid.sheet, missing)
    names = ", ".join(closest[1]) if closest else ", ".join(REQUIRED.values())
    raise NotAnExportError(f"bukan ekspor SIPD: kolom {names} tidak ditemukan", file=path)


def _export(path: Path, grid: Grid, header: int, columns: dict[str, int]) -> Export:
    text_fields = [f for f in SipdRow.__slots__ if f not in ("row", "pagu")]
    text_columns = [(columns.get(f), f) for f in text_fields]
    tahun_col, pagu_col = columns["tahun"], columns["pagu"]
    rows: list[SipdRow] = []
    years: dict[int, int] = {}
    for number in sorted(r for r in grid.rows if r > header):
        cells = grid.rows[number]
        texts = {f: (cells[c].text if c in cells else "") for c, f in text_columns}
        if not texts["kode_sub_kegiatan"] and not texts["kode_skpd"]:
            continue  # an empty or closing line
        years.setdefault(_tahun(grid, number, tahun_col, path), number)
        rows.append(SipdRow(row=number, pagu=_pagu(grid, number, pagu_col, path), **texts))
    if not rows:
        raise RenjaError("ekspor SIPD tidak berisi baris anggaran", file=path, sheet=grid.sheet)
    if len(years) > 1:
        found = ", ".join(f"{year} (mulai baris {row})" for year, row in sorted(years.items()))
        raise RenjaError(f"kolom TAHUN berbeda antarbaris: {found}; satu ekspor harus satu tahun",
                         file=path, sheet=grid.sheet)
    return Export(path, grid.sheet, next(iter(years)), rows)


def _ref(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


def _tahun(grid: Grid, row: int, col: int, path: Path) -> int:
    text = grid.text(row, col)
    if not re.fullmatch(r"\d{4}", text):
        raise RenjaError(f"TAHUN '{text}' bukan tahun", file=path, sheet=grid.sheet,
                         cell=_ref(row, col))
    return int(text)


def _pagu(grid: Grid, row: int, col: int, path: Path) -> Rupiah | None:
    cell = grid.cell(row, col)
    if cell is None:
        return None
    try:
        return rupiah_or_none(cell.value if cell.kind == "n" else cell.text)
    except (TypeError, ValueError):
        raise RenjaError(f"PAGU '{cell.text}' bukan angka rupiah", file=path, sheet=grid.sheet,
                         cell=_ref(row, col)) from None
