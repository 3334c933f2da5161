"""Subtotal rules over blocks holding an unreadable amount: checked against what can be read."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from renja_xl.validasi import validate
from tests.support.printed import fixture_rows, write_printed

SUB = "Koordinasi dan penyusunan dokumen RKA-SKPD"


def _printed_with(tmp_path: Path, value: object) -> tuple[Path, int]:
    """The plan typed as printed (every subtotal a figure), one sub kegiatan's pagu `value`."""
    rows = deepcopy(fixture_rows("tabel31"))
    index = next(i for i, r in enumerate(rows) if r["uraian"].startswith(SUB))
    rows[index]["pagu"] = value
    path = write_printed(tmp_path / "renja.xlsx", repeat_every=None, title=False, rows=rows)
    return path, index + 4  # three header rows above the first data row


def test_a_kegiatan_over_an_unreadable_cell_is_checked_against_what_can_be_read(
    tmp_path: Path,
) -> None:
    for value in ("menunggu RKA", "#REF!"):
        path, row = _printed_with(tmp_path, value)
        found = validate(path).by_code("pagu.subtotal_mismatch")
        assert [(f.cell, f.expected, f.actual) for f in found] == [
            (f"F{row - 1}", 60_000_000, 90_000_000)
        ], value
        assert f"sel F{row} tidak terbaca" in found[0].message


def test_a_readable_block_says_nothing_of_unreadable_cells(tmp_path: Path) -> None:
    path, _ = _printed_with(tmp_path, 31_000_000)
    found = validate(path).by_code("pagu.subtotal_mismatch")
    assert len(found) == 1 and "tidak terbaca" not in found[0].message
