"""`renja-xl pasang-makro`: a macro-enabled copy with the "Renja" ribbon tab, data untouched."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.cli.app import app
from renja_xl.errors import RenjaError
from renja_xl.excel.makro import RIBBON_PART, install_macros
from tests.excel.workbooks import cells, planted

ROOT = Path(__file__).parents[2]
CUSTOM_UI = "{http://schemas.microsoft.com/office/2006/01/customui}"
CODE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,30}$")


@pytest.fixture
def source(workbook_dir: Path) -> Path:
    return planted(workbook_dir / "renja.xlsx", with_error=True)


@pytest.fixture
def xlsm(source: Path) -> Path:
    result = CliRunner().invoke(app, ["pasang-makro", str(source)])
    assert result.exit_code == 0, result.output
    return source.with_suffix(".xlsm")


def _buttons(path: Path) -> list[ElementTree.Element]:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read(RIBBON_PART))
        assert b"customUI/customUI.xml" in archive.read("_rels/.rels")
        assert "xl/vbaProject.bin" in archive.namelist()
    tab = root.find(f".//{CUSTOM_UI}tab")
    assert tab is not None and tab.get("label") == "Renja"
    return root.findall(f".//{CUSTOM_UI}button")


def test_the_copy_carries_three_buttons_whose_callbacks_are_in_renjaxl_bas(xlsm):
    buttons = _buttons(xlsm)
    assert [b.get("label") for b in buttons] == ["Validasi", "Hitung Subtotal",
                                                 "Isi Prakiraan Maju"]
    module = (ROOT / "macros" / "RenjaXL.bas").read_text()
    for button in buttons:
        callback = button.get("onAction")
        assert re.search(rf"^Public Sub {callback}\(control As IRibbonControl\)", module, re.M)


def test_the_copy_opens_with_keep_vba_and_has_valid_code_names(xlsm):
    wb = load_workbook(xlsm, keep_vba=True)
    assert wb.vba_archive is not None
    assert wb.code_name == "ThisWorkbook"
    names = [ws.sheet_properties.codeName for ws in wb.worksheets]
    assert all(CODE_NAME.match(n) for n in names) and len(set(names)) == len(names)
    assert names[:2] == ["Sheet1", "Sheet2"]  # the document modules of the VBA project


def test_every_data_cell_is_kept(source, xlsm):
    before, after = load_workbook(source), load_workbook(xlsm, keep_vba=True)
    assert after.sheetnames == before.sheetnames
    for ws in before.worksheets:
        assert dict(cells(after[ws.title])) == dict(cells(ws))


def test_the_ribbon_survives_saving_the_copy_again(xlsm, tmp_path):
    again = tmp_path / "lagi.xlsm"
    load_workbook(xlsm, keep_vba=True).save(again)
    assert len(_buttons(again)) == 3


def test_the_module_to_import_is_written_next_to_the_copy(xlsm):
    expected = (ROOT / "macros" / "RenjaXL.bas").read_text()
    assert xlsm.with_name("RenjaXL.bas").read_text() == expected


def test_the_macros_folder_is_the_packaged_one():
    # One copy only: macros/ at the top of the checkout points into the package.
    packaged = ROOT / "renja_xl" / "excel" / "macros"
    assert (ROOT / "macros").resolve() == packaged.resolve()
    for name in ("RenjaXL.bas", "RenjaXLRemote.bas", "customUI.xml", "xlwings_lite/main.py"):
        assert (packaged / name).is_file()


def test_the_target_must_be_a_new_xlsm(source):
    with pytest.raises(RenjaError, match=r"\.xlsm"):
        install_macros(source, source.with_suffix(".xlsx"))
