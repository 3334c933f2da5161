"""What the reader needs from an .xlsx package besides cell values, read straight from the zip.

The worksheets in workbook order with the XML part of each (chart sheets have
none), and which cell styles (the `s=` attribute of a cell) have a bold font.
openpyxl would read the same, after importing a great deal more than these few
lines need.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import NamedTuple
from xml.etree import ElementTree

__all__ = ["SheetPart", "bold_styles", "worksheets"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKBOOK = "xl/workbook.xml"


class SheetPart(NamedTuple):
    """A worksheet's name and the path of its XML inside the package."""

    name: str
    part: str


def _relationships(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """The workbook's relationships: id → (type, part path)."""
    root = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    found = {}
    for rel in root.iter(_RELATIONSHIP):
        target = rel.get("Target", "")
        path = target[1:] if target.startswith("/") else posixpath.normpath("xl/" + target)
        found[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return found


def worksheets(archive: zipfile.ZipFile) -> list[SheetPart]:
    """The worksheets in workbook order (chart and dialog sheets are left out)."""
    relationships = _relationships(archive)
    root = ElementTree.fromstring(archive.read(_WORKBOOK))
    sheets = []
    for sheet in root.iter(_MAIN + "sheet"):
        kind, part = relationships.get(sheet.get(_ID, ""), ("", ""))
        if kind.endswith("/worksheet"):
            sheets.append(SheetPart(sheet.get("name", ""), part))
    return sheets


def _is_bold(font: ElementTree.Element) -> bool:
    bold = font.find(_MAIN + "b")
    return bold is not None and bold.get("val", "1") not in ("0", "false")


def bold_styles(archive: zipfile.ZipFile) -> dict[int, bool]:
    """Cell style id → whether its font is bold (empty when the package has no styles)."""
    styles = [path for kind, path in _relationships(archive).values() if kind.endswith("/styles")]
    if not styles or styles[0] not in archive.namelist():
        return {}
    root = ElementTree.fromstring(archive.read(styles[0]))
    fonts = root.find(_MAIN + "fonts")
    bold_fonts = ([_is_bold(font) for font in fonts.iter(_MAIN + "font")]
                  if fonts is not None else [])
    formats = root.find(_MAIN + "cellXfs")
    found = {}
    for style_id, xf in enumerate(formats.iter(_MAIN + "xf") if formats is not None else ()):
        font = int(xf.get("fontId", "0"))
        found[style_id] = font < len(bold_fonts) and bold_fonts[font]
    return found
