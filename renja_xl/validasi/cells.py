"""Where a row's field lives in its sheet: "F23", "'Tabel 3.1'!F23"."""

from __future__ import annotations

from renja_xl.formula.a1 import column_letter
from renja_xl.model import Baris, Tabel
from renja_xl.workbook.layout import layout_for

__all__ = ["cell_ref", "column_letter", "field_column", "qualified_ref"]


def field_column(tabel: Tabel, field: str) -> int | None:
    """The 1-based column of a field: as the reader found it, else the official layout's."""
    if field in tabel.columns:
        return tabel.columns[field]
    fields = layout_for(tabel.kind).fields
    return fields.index(field) + 1 if field in fields else None


def cell_ref(tabel: Tabel, baris: Baris, field: str) -> str | None:
    """The cell of a row's field ("F23"); None when the row came from no workbook."""
    column = field_column(tabel, field)
    if baris.asal is None or column is None:
        return None
    return f"{column_letter(column)}{baris.asal.row}"


def qualified_ref(tabel: Tabel, baris: Baris, field: str) -> str:
    """The cell with its sheet ("'Tabel 3.1'!F23"), or the sheet and row name if unknown."""
    sheet = (baris.asal.sheet if baris.asal else None) or tabel.sheet or f"Tabel {tabel.kind}"
    cell = cell_ref(tabel, baris, field)
    return f"'{sheet}'!{cell}" if cell else f"'{sheet}' ({baris.uraian[:40]})"
