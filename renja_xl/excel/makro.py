"""`pasang-makro`: a macro-enabled copy (.xlsm) of a workbook carrying the "Renja" ribbon tab.

Linux cannot compile VBA, so the copy carries xlwings' own compiled VBA project
(the standalone module behind `RunPython`, BSD licence) and the ribbon
definition; the button procedures come from `RenjaXL.bas`, which the user
imports once in the VBA editor (it is written next to the copy). The VBA
project names its document modules ThisWorkbook, Sheet1, Sheet2: the workbook
and sheet code names are set to match, or the macros would not find them.
Cell data is left exactly as it was.
"""

from __future__ import annotations

import io
import re
import zipfile
from importlib.resources import files
from pathlib import Path

import xlwings
from openpyxl import Workbook
from openpyxl.xml.constants import CUSTOMUI_NS

from renja_xl.errors import RenjaError
from renja_xl.workbook.editing import open_for_edit
from renja_xl.workbook.saving import save_workbook

__all__ = ["MACRO_MODULE", "RIBBON_PART", "install_macros", "ribbon_xml"]

RIBBON_PART = "customUI/customUI.xml"
MACRO_MODULE = "RenjaXL.bas"
# The Office 2007 ribbon part (customUI.xml): openpyxl keeps it and its relationship when a
# macro-enabled file is saved again (`renja-xl hitung` ...); it drops a customUI14.xml one.
_RIBBON_REL = CUSTOMUI_NS
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdRenjaXL" Type="{_RIBBON_REL}" Target="{RIBBON_PART}"/>'
    "</Relationships>"
)
_CODE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,30}$")


def _macro_file(name: str) -> bytes:
    return files("renja_xl.excel").joinpath("macros", name).read_bytes()


def ribbon_xml() -> bytes:
    """The ribbon definition (tab "Renja" with the three buttons)."""
    return _macro_file("customUI.xml")


def _vba_parts() -> dict[str, bytes]:
    """xlwings' compiled standalone VBA project and the content types naming it."""
    source = Path(xlwings.__file__).with_name("quickstart_standalone.xlsm")
    with zipfile.ZipFile(source) as archive:
        return {name: archive.read(name)
                for name in ("xl/vbaProject.bin", "[Content_Types].xml")}


def _vba_archive() -> zipfile.ZipFile:
    """What openpyxl copies into a macro-enabled file: VBA project, ribbon, its relationship."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _vba_parts().items():
            archive.writestr(name, data)
        archive.writestr(RIBBON_PART, ribbon_xml())
        archive.writestr("_rels/.rels", _ROOT_RELS)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _code_names(wb: Workbook) -> None:
    wb.code_name = "ThisWorkbook"
    taken: set[str] = set()
    for number, ws in enumerate(wb.worksheets, start=1):
        name = f"Sheet{number}"
        current = ws.sheet_properties.codeName
        if number > 2 and current and _CODE_NAME.match(current) and current not in taken:
            name = current  # sheets beyond the project's two may keep a valid name
        ws.sheet_properties.codeName = name
        taken.add(name)


def install_macros(source: str | Path, target: str | Path | None = None, *, force: bool = False
                   ) -> Path:
    """Write `target` (default: source with .xlsm) with the ribbon and VBA project."""
    source = Path(source)
    target = Path(target) if target else source.with_suffix(".xlsm")
    if target.suffix.lower() != ".xlsm":
        raise RenjaError("berkas tujuan harus berakhiran .xlsm", file=target)
    if target.resolve() == source.resolve():
        raise RenjaError("berkas tujuan sama dengan berkas asal; pilih nama lain", file=target)
    wb = open_for_edit(source, force=force)
    wb.vba_archive = _vba_archive()
    _code_names(wb)
    save_workbook(wb, target, backup=True)
    module = target.with_name(MACRO_MODULE)
    if not module.exists():
        module.write_bytes(_macro_file(MACRO_MODULE))
    return target

