"""LibreOffice recalculates formulas that openpyxl wrote without values, and stale ones."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

Recalculate = Callable[[str | Path], Path]


def _nested_subtotals(path: Path) -> None:
    """A program (row 2) whose kegiatan (row 3) is itself a subtotal of its sub kegiatan."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 3.1"
    ws.append(["Uraian", "Pagu"])
    ws.append(["Program", "=SUBTOTAL(9,B3:B5)"])
    ws.append(["Kegiatan", "=SUBTOTAL(9,B4:B5)"])
    ws.append(["Sub kegiatan 1", 1_500_000])
    ws.append(["Sub kegiatan 2", 2_250_000])
    ws.append(["JUMLAH", "=SUBTOTAL(9,B2:B5)"])
    ws.append(["Jumlah biasa", "=SUM(B4:B5)"])
    wb.save(path)


def _values(path: Path) -> dict[str, object]:
    ws = load_workbook(path, data_only=True)["Tabel 3.1"]
    return {row[0].value: row[1].value for row in ws.iter_rows(min_row=2)}


@pytest.mark.libreoffice
def test_subtotal_skips_nested_subtotals(workbook_dir: Path, recalculate: Recalculate):
    path = workbook_dir / "subtotal.xlsx"
    _nested_subtotals(path)

    values = _values(recalculate(path))

    assert values["Kegiatan"] == 3_750_000
    assert values["Program"] == 3_750_000  # not 7_500_000: the kegiatan subtotal is skipped
    assert values["JUMLAH"] == 3_750_000
    assert values["Jumlah biasa"] == 3_750_000


@pytest.mark.libreoffice
def test_stale_cached_values_are_recalculated(workbook_dir: Path, recalculate: Recalculate):
    path = workbook_dir / "basi.xlsx"
    _nested_subtotals(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    # openpyxl writes an empty cached value as <v/>, <v /> or <v></v> (lxml or not)
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        rb"<f>SUM\(B4:B5\)</f>(?:<v\s*/>|<v></v>)", b"<f>SUM(B4:B5)</f><v>999</v>", sheet
    )
    assert parts["xl/worksheets/sheet1.xml"] != sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert _values(path)["Jumlah biasa"] == 999

    assert _values(recalculate(path))["Jumlah biasa"] == 3_750_000


@pytest.mark.libreoffice
def test_the_original_is_left_alone(workbook_dir: Path, recalculate: Recalculate):
    path = workbook_dir / "asli.xlsx"
    _nested_subtotals(path)
    before = path.read_bytes()

    copy = recalculate(path)

    assert copy != path and copy.name == "asli.xlsx"
    assert path.read_bytes() == before
