"""The Hitung Subtotal button: put the right sum into every program, kegiatan and JUMLAH cell.

The plan is `renja_xl.workbook.subtotals.subtotal_plan`, the one `renja-xl
hitung` applies to a file: only the cells it names change, and a parent whose
block holds a cell with no readable amount (#REF!, text) is left as it is and
named in the closing message, while every other subtotal is still fixed. Where
the engine gives values only (xlwings Lite, the office server), a parent cell
showing the right sum is left alone whether it is a figure or a formula, and one
showing a wrong sum gets the right figure (a formula summing the wrong rows
cannot be told from a typed figure there; the desktop engine sees formulas and
re-aims them as the command line does).
"""

from __future__ import annotations

from renja_xl.excel._button import Click, button
from renja_xl.workbook.subtotals import Blocked, CellUpdate, SubtotalPlan, subtotal_plan

__all__ = ["run_hitung_subtotal"]

_LISTED = 8
"""Cells named in the message; the others are counted."""


def _listed(refs: list[str]) -> str:
    more = f" dan {len(refs) - _LISTED} lainnya" if len(refs) > _LISTED else ""
    return ", ".join(refs[:_LISTED]) + more


def _blocked_text(blocked: list[Blocked]) -> str:
    parents = _listed([f"{b.sheet}!{b.ref}" if b.ref else b.sheet for b in blocked])
    cells = _listed(list(dict.fromkeys(f"{b.sheet}!{c}" for b in blocked for c in b.cells)))
    return (f" {len(blocked)} subtotal tidak dihitung dan dibiarkan apa adanya ({parents}): "
            f"sel pagu di bawahnya tidak terbaca (#REF! atau teks) di {cells}. Perbaiki sel "
            "itu, lalu klik Hitung Subtotal lagi.")


def _outcome(updates: list[CellUpdate], blocked: list[Blocked]) -> str:
    if not updates:
        done = ("Semua subtotal yang dapat dihitung sudah benar; tidak ada yang diubah."
                if blocked else
                "Semua subtotal program, kegiatan dan JUMLAH sudah benar; tidak ada yang diubah.")
    else:
        refs = _listed([f"{u.sheet}!{u.ref}" for u in updates])
        done = f"Hitung Subtotal: {len(updates)} sel jumlah diperbaiki ({refs})."
    return done + (_blocked_text(blocked) if blocked else "")


@button(strict=False)
def run_hitung_subtotal(click: Click) -> SubtotalPlan:
    """Recompute every subtotal of the book's tables, write the cells that were wrong, and
    name the blocks that could not be computed."""
    plan = SubtotalPlan()
    for tabel in click.renja.tabel:
        found = subtotal_plan(tabel)
        plan.updates += found.updates
        plan.blocked += found.blocked
    if plan.updates:
        click.write_cells({(u.sheet, u.row, u.column): u.value for u in plan.updates})
    click.tell(_outcome(plan.updates, plan.blocked))
    return plan
