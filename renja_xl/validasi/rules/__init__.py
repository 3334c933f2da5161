"""The rules of Validasi, one small module per subject; importing this registers them all."""

from renja_xl.validasi.rules import (
    filled,
    hierarki,
    kode,
    pagu_cells,
    pagu_formula,
    pagu_maju,
    pagu_totals,
    sumber_dana,
    tabel,
    target,
)

__all__ = [
    "filled",
    "hierarki",
    "kode",
    "pagu_cells",
    "pagu_formula",
    "pagu_maju",
    "pagu_totals",
    "sumber_dana",
    "tabel",
    "target",
]
