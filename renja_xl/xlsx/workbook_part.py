"""`xl/workbook.xml`: the sheets it lists, and the few edits a surgical save makes to it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from renja_xl.xlsx.relations import _attr, _insert_before_end, _prefix

__all__ = ["SheetEntry", "add_sheet", "full_calculation", "remove_sheet", "sheet_entries"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# What may come before <calcPr> in a workbook (ECMA-376 CT_Workbook).
_BEFORE_CALC = (b"definedNames", b"externalReferences", b"functionGroups", b"sheets")


@dataclass(frozen=True)
class SheetEntry:
    """One <sheet> of the workbook: its name, id, relationship and visibility."""

    name: str
    sheet_id: int
    rid: str
    state: str


def sheet_entries(xml: bytes) -> list[SheetEntry]:
    """The sheets in workbook order."""
    root = ElementTree.fromstring(xml)
    return [
        SheetEntry(s.get("name", ""), int(s.get("sheetId", "0")), s.get(f"{{{_R}}}id", ""),
                   s.get("state", "visible"))
        for s in root.iter(f"{_MAIN}sheet")
    ]


def add_sheet(xml: bytes, name: str, sheet_id: int, rid: str, state: str | None) -> bytes:
    """List a new sheet last."""
    prefix = _prefix(xml, b"sheets").decode()
    hidden = f' state="{state}"' if state else ""
    snippet = (f'<{prefix}sheet xmlns:r="{_R}" name="{_attr(name)}" sheetId="{sheet_id}"'
               f'{hidden} r:id="{rid}"/>')
    return _insert_before_end(xml, b"sheets", snippet.encode())


def remove_sheet(xml: bytes, rid: str) -> bytes:
    """Unlist a sheet; names scoped to sheets after it are renumbered, its own dropped."""
    sheets = re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", xml)
    index = next(i for i, tag in enumerate(sheets) if _rid_of(tag) == rid)
    xml = xml.replace(sheets[index], b"", 1)
    xml = re.sub(rb"<((?:\w+:)?)definedName\b[^>]*?\blocalSheetId=\"(\d+)\"[^>]*?"
                 rb"(?:/>|>.*?</\1definedName>)",
                 lambda m: _renumber(m, index), xml, flags=re.DOTALL)
    xml = re.sub(rb"<(?:\w+:)?definedNames\b[^>]*>\s*</(?:\w+:)?definedNames>", b"", xml)
    return re.sub(rb'\b(activeTab|firstSheet)="(\d+)"',
                  lambda m: m[0] if int(m[2]) < len(sheets) - 1 else m[1] + b'="0"', xml)


def _rid_of(tag: bytes) -> str:
    match = re.search(rb'\b(?:\w+:)?id="([^"]*)"', tag)
    return match[1].decode() if match else ""


def _renumber(match: re.Match[bytes], removed: int) -> bytes:
    number = int(match[2])
    if number == removed:
        return b""
    if number < removed:
        return match[0]
    return match[0].replace(b'localSheetId="%d"' % number, b'localSheetId="%d"' % (number - 1), 1)


def full_calculation(xml: bytes) -> bytes:
    """Ask Excel and LibreOffice to recalculate every formula when the file opens."""
    calc = re.search(rb"<(?:\w+:)?calcPr\b[^>]*?(/?)>", xml)
    if calc is not None:
        tag = calc[0]
        if re.search(rb'\bfullCalcOnLoad="(1|true)"', tag):
            return xml
        tag = re.sub(rb'\s+fullCalcOnLoad="[^"]*"', b"", tag)
        end = len(tag) - (2 if tag.endswith(b"/>") else 1)
        return xml[: calc.start()] + tag[:end] + b' fullCalcOnLoad="1"' + tag[end:] + \
            xml[calc.end():]
    prefix = _prefix(xml, b"sheets")
    for element in _BEFORE_CALC:
        found = list(re.finditer(rb"</(?:\w+:)?" + element + rb">|<(?:\w+:)?" + element +
                                 rb"\b[^>]*/>", xml))
        if found:
            at = found[-1].end()
            return xml[:at] + b"<" + prefix + b'calcPr fullCalcOnLoad="1"/>' + xml[at:]
    raise ValueError("workbook.xml without <sheets>")
