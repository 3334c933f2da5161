"""The Hitung Subtotal button: put the right sum into every program, kegiatan and JUMLAH cell.

The plan is `renja_xl.workbook.subtotals.subtotal_updates`, the one `renja-xl
hitung` applies to a file; only the cells it names change. Where the engine
gives values only (xlwings Lite, the office server), a parent cell showing the
right sum is left alone whether it is a figure or a formula, and one showing a
wrong sum gets the right figure (a formula summing the wrong rows cannot be
told from a typed figure there; the desktop engine sees formulas and re-aims
them as the command line does).
"""

from __future__ import annotations

from renja_xl.excel._button import Click, button
from renja_xl.workbook.subtotals import CellUpdate, subtotal_updates

__all__ = ["run_hitung_subtotal"]


def _outcome(updates: list[CellUpdate]) -> str:
    if not updates:
        return "Semua subtotal program, kegiatan dan JUMLAH sudah benar; tidak ada yang diubah."
    refs = ", ".join(f"{u.sheet}!{u.ref}" for u in updates[:8])
    more = f" dan {len(updates) - 8} lainnya" if len(updates) > 8 else ""
    return f"Hitung Subtotal: {len(updates)} sel jumlah diperbaiki ({refs}{more})."


@button(strict=True)
def run_hitung_subtotal(click: Click) -> list[CellUpdate]:
    """Recompute every subtotal of the book's tables and write the cells that were wrong."""
    updates = [u for tabel in click.renja.tabel for u in subtotal_updates(tabel)]
    click.write_cells({(u.sheet, u.row, u.column): u.value for u in updates})
    click.tell(_outcome(updates))
    return updates
