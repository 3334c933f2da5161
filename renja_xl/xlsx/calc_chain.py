"""`xl/calcChain.xml`: forget the cells that are no longer formulas.

Excel reports a damaged file when the chain names a cell without a formula.
Entries carry their sheet id (`i`) only when it changes, so the entry after a
removed one gets its id written out.
"""

from __future__ import annotations

import re

__all__ = ["drop_cells"]

_ENTRY = re.compile(rb"<(?:\w+:)?c\b([^>]*?)/>")
_SHEET = re.compile(rb'\bi="(\d+)"')
_REF = re.compile(rb'\br="\$?([A-Z]+)\$?(\d+)"')


def drop_cells(xml: bytes, cells: set[tuple[int, str]]) -> bytes | None:
    """The chain without these (sheet id, "F12") cells; None when nothing is left."""
    pieces, position, sheet, kept, dropped, previous = [], 0, 0, 0, False, None
    for match in _ENTRY.finditer(xml):
        given = _SHEET.search(match[1])
        sheet = int(given[1]) if given else sheet
        ref = _REF.search(match[1])
        name = (ref[1] + ref[2]).decode() if ref else ""
        pieces.append(xml[position:match.start()])
        position = match.end()
        if (sheet, name) in cells:
            dropped = True
            continue
        entry = match[0]
        if given is None and previous != sheet and sheet:
            entry = re.sub(rb"^<((?:\w+:)?c)\b", rb'<\1 i="%d"' % sheet, entry)
        pieces.append(entry)
        previous = sheet
        kept += 1
    if not dropped:
        return xml
    if not kept:
        return None
    pieces.append(xml[position:])
    return b"".join(pieces)
