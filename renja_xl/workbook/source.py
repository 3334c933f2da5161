"""Open an .xlsx file safely and turn its sheets into grids.

This is the only place that parses workbook files for reading. It refuses, with
a one-line Indonesian message, what is not a workbook, a truncated or corrupt
file, an encrypted one, or one so large it could only be hostile. Cells are
streamed from openpyxl's read-only parser (formulas as text, never their cached
values) without building cell objects, which keeps reading close to the speed
of openpyxl's own read-only mode.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from renja_xl.errors import WorkbookError
from renja_xl.workbook.grid import Grid, GridCell

__all__ = ["MAX_ROWS", "MAX_UNCOMPRESSED", "check_archive", "iter_grids", "open_workbook"]

MAX_UNCOMPRESSED = 512 * 1024 * 1024
"""Largest total uncompressed size accepted (a zip bomb is refused before parsing)."""
MAX_RATIO = 200
MAX_ROWS = 100_000
"""Rows read from one sheet at most; a Renja table is far smaller."""


def check_archive(path: Path) -> None:
    """Refuse what is not a readable, reasonably sized .xlsx package."""
    if not path.exists():
        raise WorkbookError("berkas tidak ditemukan", file=path)
    if path.is_dir():
        raise WorkbookError("ini sebuah folder, bukan berkas Excel", file=path)
    if not zipfile.is_zipfile(path):
        raise WorkbookError(_not_xlsx_reason(path), file=path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"berkas rusak atau terpotong ({exc})", file=path) from exc
    if "xl/workbook.xml" not in names:
        raise WorkbookError("bukan workbook Excel .xlsx (isi paket tidak dikenal)", file=path)
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNCOMPRESSED or (total > 50 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise WorkbookError(
            f"berkas terlalu besar untuk sebuah Renja ({total // (1024 * 1024)} MB setelah "
            "dibuka); ditolak demi keamanan",
            file=path,
        )


def _not_xlsx_reason(path: Path) -> str:
    head = path.read_bytes()[:8] if path.stat().st_size else b""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "berkas Excel lama (.xls) atau terenkripsi/berpassword; simpan ulang sebagai "
            ".xlsx tanpa password"
        )
    if not head:
        return "berkas kosong (0 byte)"
    return "bukan berkas Excel .xlsx (atau berkas rusak/terpotong)"


def open_workbook(path: Path):
    """openpyxl's read-only workbook, with formulas as text."""
    check_archive(path)
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on corrupt packages
        raise WorkbookError(f"workbook tidak dapat dibuka ({type(exc).__name__}: {exc})",
                            file=path) from exc


def _bold_lookup(wb) -> dict[int, bool]:
    """style id → whether its font is bold."""
    out: dict[int, bool] = {}
    for style_id, style in enumerate(wb._cell_styles):
        font = wb._fonts[style.fontId] if style.fontId < len(wb._fonts) else None
        out[style_id] = bool(font is not None and font.b)
    return out


def _parse_rows(ws: ReadOnlyWorksheet, bold: dict[int, bool], path: Path) -> Grid:
    grid = Grid(ws.title)
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=False,
            epoch=ws.parent.epoch,
            date_formats=ws.parent._date_formats,
            timedelta_formats=ws.parent._timedelta_formats,
        )
        for index, cells in parser.parse():
            if index > MAX_ROWS:
                raise WorkbookError(
                    f"sheet memiliki lebih dari {MAX_ROWS:,} baris".replace(",", ".")
                    + "; terlalu besar untuk sebuah Tabel Renja",
                    file=path,
                    sheet=ws.title,
                )
            row: dict[int, GridCell] = {}
            for cell in cells:
                value = cell["value"]
                if value is None or value == "":
                    continue
                row[cell["column"]] = GridCell(
                    value, cell["data_type"], bold.get(cell["style_id"], False)
                )
            if row:
                grid.rows[index] = row
        grid.merged = _merged(parser)
        grid.hidden_rows = frozenset(
            int(r) for r, dim in parser.row_dimensions.items() if dim.get("hidden") in ("1", "true")
        )
    return grid


def _merged(parser: WorkSheetParser) -> list[tuple[int, int, int, int]]:
    if not parser.merged_cells:
        return []
    from openpyxl.utils.cell import range_boundaries

    out = []
    for merge in parser.merged_cells.mergeCell:
        min_col, min_row, max_col, max_row = range_boundaries(merge.ref)
        out.append((min_row, min_col, max_row, max_col))
    return out


def iter_grids(path: str | Path) -> Iterator[Grid]:
    """Each worksheet of an .xlsx file as a grid (chart sheets are skipped)."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        bold = _bold_lookup(wb)
        for ws in wb.worksheets:
            if isinstance(ws, ReadOnlyWorksheet):
                try:
                    yield _parse_rows(ws, bold, path)
                except WorkbookError:
                    raise
                except Exception as exc:
                    raise WorkbookError(
                        f"sheet tidak dapat dibaca ({type(exc).__name__}: {exc})",
                        file=path,
                        sheet=ws.title,
                    ) from exc
    finally:
        wb.close()

