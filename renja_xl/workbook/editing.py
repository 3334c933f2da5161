"""Change a few cells of a user's workbook and keep everything else.

Cell changes go through the surgical writer (`renja_xl.xlsx`): only the
changed `<c>` elements are rewritten, every other part of the file is copied
byte for byte, and the file is saved atomically with a backup.

`open_for_edit` remains for the one command that still rebuilds a whole file
with openpyxl (`pasang-makro`, which turns an .xlsx into an .xlsm): it refuses
files whose parts an openpyxl round trip would drop.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from renja_xl.errors import SaveError, WorkbookError
from renja_xl.workbook.round_trip import check_preservable
from renja_xl.workbook.source import check_archive
from renja_xl.workbook.subtotals import CellUpdate
from renja_xl.xlsx import WorkbookEditor, formula, number
from renja_xl.xlsx.cells import EMPTY

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["apply_updates", "edit_cells", "open_for_edit"]

_MACRO_SUFFIXES = {".xlsm", ".xltm"}


def apply_updates(editor: WorkbookEditor, updates: Iterable[CellUpdate]) -> int:
    """Write each planned cell's figure or formula (with its result); returns how many."""
    written = 0
    for update in updates:
        if update.is_formula:
            content = formula(str(update.value).removeprefix("="), update.new)
        elif update.value is None:
            content = EMPTY
        else:
            content = number(update.value)
        editor.set(update.sheet, update.row, update.column, content)
        written += 1
    return written


def edit_cells(path: str | Path, updates: Iterable[CellUpdate]) -> Path | None:
    """Write planned cells into the file at `path` and save it; returns the backup's path."""
    with WorkbookEditor(path) as editor:
        apply_updates(editor, updates)
        return editor.save()


def open_for_edit(path: str | Path, *, force: bool = False) -> Workbook:
    """The workbook in openpyxl's full mode, refusing files a round trip would damage."""
    from openpyxl import load_workbook

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
