"""Reading a template: what the writer takes from it, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.errors import WorkbookError
from renja_xl.model import TabelKind
from renja_xl.workbook.layout import STYLE_ROWS, STYLE_SHEET, layout_for
from renja_xl.workbook.template import read_template
from renja_xl.workbook.writer import template_path


def it_reads_the_header_merges_sizes_and_print_setup_of_the_shipped_template() -> None:
    layout = layout_for(TabelKind.TABEL_31)
    template = read_template(template_path(TabelKind.TABEL_31), layout)
    values = {(c.row, c.col): c.value for c in template.cells}
    assert values[(0, 0)] == "TABEL 3.1"
    assert values[(6, 3)] == "Rencana Tahun {tahun}"
    assert [values[(8, col)] for col in range(10)] == list(range(1, 11))
    assert (6, 3, 6, 6) in template.merges  # D7:G7
    assert (1, 1, 48.0, False) in template.column_widths  # column B
    assert template.freeze == "C10" and template.repeat_rows == (6, 8)
    assert template.page.landscape and template.page.fit_width == 1
    assert template.page.footer == "&RHalaman &P dari &N"
    assert set(template.prototypes) == set(STYLE_ROWS)
    assert all(len(styles) == len(layout.columns) for styles in template.prototypes.values())


def it_reads_each_version_of_a_file_once(tmp_path: Path) -> None:
    layout = layout_for(TabelKind.TABEL_41)
    path = tmp_path / "Tabel41.xlsx"
    path.write_bytes(template_path(TabelKind.TABEL_41).read_bytes())
    assert read_template(path, layout) is read_template(path, layout)


def it_refuses_a_template_without_its_style_sheet(tmp_path: Path) -> None:
    wb = load_workbook(template_path(TabelKind.TABEL_41))
    del wb[STYLE_SHEET]
    path = tmp_path / "tanpa_gaya.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookError, match="_gaya"):
        read_template(path, layout_for(TabelKind.TABEL_41))
