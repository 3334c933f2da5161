"""Open an .xlsx file safely and turn its sheets into grids.

This is the only place that parses workbook files for reading. It refuses, with
a one-line Indonesian message, what is not a workbook, a truncated or corrupt
file, an encrypted one, or one so large it could only be hostile. Values come
from python-calamine, formulas (as text, never their cached values), errors and
bold from the sheet XML and styles.xml (`renja_xl.workbook.calamine`,
`renja_xl.workbook.package`). openpyxl is imported only where that cannot serve:
no calamine (Pyodide), a file calamine refuses, a sheet XML in an unusual form
(`renja_xl.workbook.xml_sheets`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from renja_xl.errors import WorkbookError
from renja_xl.workbook.calamine import calamine_grid, open_calamine
from renja_xl.workbook.grid import Grid
from renja_xl.workbook.package import bold_styles, worksheets

__all__ = ["MAX_ROWS", "MAX_UNCOMPRESSED", "check_archive", "iter_grids", "sheet_error"]

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


def _too_many_rows(path: Path, sheet: str) -> WorkbookError:
    return WorkbookError(
        f"sheet memiliki lebih dari {MAX_ROWS:,} baris".replace(",", ".")
        + "; terlalu besar untuk sebuah Tabel Renja",
        file=path,
        sheet=sheet,
    )


def _row_check(path: Path) -> Callable[[str], Callable[[int], None]]:
    """sheet → a check that raises for a row beyond MAX_ROWS in it."""
    def for_sheet(sheet: str) -> Callable[[int], None]:
        def check(row: int) -> None:
            if row > MAX_ROWS:
                raise _too_many_rows(path, sheet)

        return check

    return for_sheet


def sheet_error(path: Path, sheet: str, exc: Exception) -> WorkbookError:
    """A sheet that could not be read, for any reason the parser gave."""
    return WorkbookError(f"sheet tidak dapat dibaca ({type(exc).__name__}: {exc})",
                         file=path, sheet=sheet)


def _calamine_grids(path: Path, book: Any) -> Iterator[Grid]:
    """Values from calamine; formulas, errors and bold from the sheet XML; openpyxl only
    for a sheet whose XML is not in the plain form (see `renja_xl.workbook.calamine`)."""
    check_row = _row_check(path)
    fallback = None
    try:
        with zipfile.ZipFile(path) as archive:
            sheets, bold = worksheets(archive), bold_styles(archive)
            for sheet in sheets:
                try:
                    xml = archive.read(sheet.part)
                    grid = calamine_grid(book, sheet.name, xml, bold, check_row(sheet.name))
                    if grid is None:
                        from renja_xl.workbook.xml_sheets import OnDemand

                        fallback = fallback or OnDemand(path)
                        grid = fallback.grid(sheet.name, check_row(sheet.name))
                except WorkbookError:
                    raise
                except Exception as exc:
                    raise sheet_error(path, sheet.name, exc) from exc
                yield grid
    finally:
        if fallback is not None:
            fallback.close()


def _package_readable(path: Path) -> bool:
    """Whether the workbook's own parts read as this module expects."""
    try:
        with zipfile.ZipFile(path) as archive:
            return all(sheet.part in archive.namelist() for sheet in worksheets(archive))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError):
        return False


def iter_grids(path: str | Path) -> Iterator[Grid]:
    """Each worksheet of an .xlsx file as a grid (chart sheets are skipped)."""
    path = Path(path)
    check_archive(path)
    book = open_calamine(str(path))
    if book is not None and _package_readable(path):
        yield from _calamine_grids(path, book)
        return
    from renja_xl.workbook.xml_sheets import sheet_grids

    yield from sheet_grids(path, _row_check(path))
