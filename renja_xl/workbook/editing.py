"""Change a few cells of a user's workbook and keep everything else.

The workbook is opened with openpyxl in full mode (styles, comments,
conditional formats, data validation and column widths survive), only the
planned cells are written, and the file is saved atomically with a backup.
Before that, parts an openpyxl round trip would drop (pictures, charts,
slicers...) are looked for: the edit is refused unless the caller forces it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from renja_xl.errors import SaveError, WorkbookError
from renja_xl.workbook.saving import check_preservable, save_workbook
from renja_xl.workbook.source import check_archive
from renja_xl.workbook.subtotals import CellUpdate

__all__ = ["apply_updates", "open_for_edit", "save_edited"]

_MACRO_SUFFIXES = {".xlsm", ".xltm"}


def open_for_edit(path: str | Path, *, force: bool = False) -> Workbook:
    """The workbook in full mode, refusing files an edit would damage."""
    path = Path(path)
    check_archive(path)
    losses = check_preservable(path, keep_vba=path.suffix.lower() in _MACRO_SUFFIXES)
    if losses and not force:
        raise SaveError(
            "berkas ini memuat bagian yang akan hilang bila disimpan ulang ("
            + "; ".join(losses)
            + "). Tidak ada yang diubah; gunakan --paksa bila tetap ingin menyimpan.",
            file=path,
        )
    try:
        return load_workbook(path, keep_vba=path.suffix.lower() in _MACRO_SUFFIXES,
                             keep_links=True, rich_text=True)
    except Exception as exc:
        raise WorkbookError(f"workbook tidak dapat dibuka ({type(exc).__name__}: {exc})",
                            file=path) from exc


def apply_updates(wb: Workbook, updates: Iterable[CellUpdate]) -> int:
    """Write each planned cell's value or formula; returns how many were written."""
    written = 0
    for update in updates:
        cell = wb[update.sheet].cell(update.row, update.column)
        try:
            cell.value = update.value
        except AttributeError as exc:  # openpyxl's MergedCell is read-only
            raise SaveError(
                "sel ini bagian dari sel gabungan (merge) sehingga tidak dapat diisi; "
                "pisahkan gabungannya lalu ulangi",
                sheet=update.sheet,
                cell=update.ref,
            ) from exc
        written += 1
    return written


def save_edited(wb: Workbook, path: str | Path) -> Path | None:
    """Save over the original atomically; returns the backup's path."""
    return save_workbook(wb, Path(path), backup=True)
