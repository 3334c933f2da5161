"""`xl/styles.xml`: read the cell formats, append new ones, never renumber the old ones.

A format derived from a cell's own (same font, border, alignment; another fill
or number format) is appended to `cellXfs`; an identical format already in the
file is reused, so marking a file twice does not make it grow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["StyleSheet", "font_variant", "solid_fill"]

_XF = rb"<%sxf\b[^>]*?(?:/>|>.*?</%sxf>)"
_FILL = rb"<%sfill\b[^>]*?(?:/>|>.*?</%sfill>)"
_FONT = rb"<%sfont\b[^>]*?(?:/>|>.*?</%sfont>)"


def solid_fill(rgb: str) -> str:
    """A solid fill of one colour ("FFC7CE")."""
    return (f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb[-6:]}"/>'
            f'<bgColor rgb="FF{rgb[-6:]}"/></patternFill></fill>')


def font_variant(font: bytes, *, bold: bool = False, size: float | None = None,
                 color: str | None = None, underline: bool = False) -> bytes:
    """A font like `font` (XML of a <font>), made bold, resized, recoloured or underlined."""
    tag = re.match(rb"<((?:\w+:)?)font\b[^>]*?(/?)>", font)
    if tag is None:
        return font
    p = tag[1]
    body = b"" if tag[2] else font[tag.end(): font.rindex(b"</")]
    extra = b""
    if bold:
        body = re.sub(rb"<(?:\w+:)?b\b[^>]*/>", b"", body)
        extra += b"<" + p + b"b/>"
    if underline:
        body = re.sub(rb"<(?:\w+:)?u\b[^>]*/>", b"", body)
        extra += b"<" + p + b"u/>"
    if size is not None:
        body = re.sub(rb"<(?:\w+:)?sz\b[^>]*/>", b"", body)
        extra += b"<" + p + b'sz val="%s"/>' % str(size).encode()
    if color is not None:
        body = re.sub(rb"<(?:\w+:)?color\b[^>]*/>", b"", body)
        extra += b"<" + p + b'color rgb="FF%s"/>' % color[-6:].encode()
    return b"<" + p + b"font>" + extra + body + b"</" + p + b"font>"


@dataclass
class _List:
    """One list of styles.xml (cellXfs, fills, fonts): its elements' XML, old and new."""

    items: list[bytes]
    added: list[bytes]


class StyleSheet:
    """The style part of a workbook, with what this edit appended to it."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        found = re.search(rb"<(\w+:)?styleSheet\b", xml)
        self.prefix = (found[1] or b"") if found else b""
        self._lists = {name: self._read(name, pattern)
                       for name, pattern in ((b"cellXfs", _XF), (b"fills", _FILL),
                                             (b"fonts", _FONT))}
        self._derived: dict[tuple[object, ...], int] = {}
        """Formats derived so far (indices never change: new ones are only appended)."""

    def _read(self, name: bytes, pattern: bytes) -> _List:
        body = self._body(name)
        p = re.escape(self.prefix)
        items = re.findall(pattern % (p, p), body, re.DOTALL) if body is not None else []
        return _List(items, [])

    def _body(self, name: bytes) -> bytes | None:
        p = re.escape(self.prefix)
        found = re.search(rb"<" + p + name + rb"\b[^>]*>(.*?)</" + p + name + rb">", self.xml,
                          re.DOTALL)
        return found[1] if found else None

    @property
    def changed(self) -> bool:
        """Whether anything was appended."""
        return any(lst.added for lst in self._lists.values())

    def xf(self, index: int) -> bytes:
        """The XML of one cell format (format 0 when the index is out of range)."""
        items = self._lists[b"cellXfs"].items
        if not items:
            return b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        return items[index] if 0 <= index < len(items) else items[0]

    def number_format(self, index: int) -> int:
        """The numFmtId of a cell format."""
        found = re.search(rb'\bnumFmtId="(\d+)"', self.xf(index))
        return int(found[1]) if found else 0

    def font_xml(self, index: int) -> bytes:
        """The font of a cell format, as XML."""
        found = re.search(rb'\bfontId="(\d+)"', self.xf(index))
        fonts = self._lists[b"fonts"].items
        number = int(found[1]) if found else 0
        return fonts[number] if number < len(fonts) else b"<font/>"

    def fill_xml(self, index: int) -> bytes:
        """The fill of a cell format, as XML."""
        found = re.search(rb'\bfillId="(\d+)"', self.xf(index))
        fills = self._lists[b"fills"].items
        number = int(found[1]) if found else 0
        return fills[number] if number < len(fills) else b""

    def add(self, name: bytes, xml: str | bytes) -> int:
        """The index of an element equal to `xml` in a list, appending it if new."""
        element = self._prefixed(xml.encode() if isinstance(xml, str) else xml)
        lst = self._lists[name]
        if element in lst.items:
            return lst.items.index(element)
        lst.items.append(element)
        lst.added.append(element)
        return len(lst.items) - 1

    def derive(self, index: int, *, fill: str | None = None, number_format: int | None = None,
               font: str | bytes | None = None, alignment: str | None = None) -> int:
        """A cell format like `index` with another fill, number format, font or alignment."""
        key = (index, fill, number_format, font, alignment)
        if key not in self._derived:
            self._derived[key] = self._derive(index, fill, number_format, font, alignment)
        return self._derived[key]

    def _derive(self, index: int, fill: str | None, number_format: int | None,
                font: str | bytes | None, alignment: str | None) -> int:
        xf = self.xf(index)
        if fill is not None:
            xf = _with(xf, b"fillId", self.add(b"fills", fill), b"applyFill")
        if number_format is not None:
            xf = _with(xf, b"numFmtId", number_format, b"applyNumberFormat")
        if font is not None:
            xf = _with(xf, b"fontId", self.add(b"fonts", font), b"applyFont")
        if alignment is not None:
            xf = _with_alignment(xf, self._prefixed(alignment.encode()))
        return self.add(b"cellXfs", xf)

    def _prefixed(self, xml: bytes) -> bytes:
        if not self.prefix:
            return xml
        return re.sub(rb"<(/?)(?!\w+:)(\w+)", rb"<\1" + self.prefix + rb"\2", xml)

    def render(self) -> bytes:
        """styles.xml with the appended elements and updated counts."""
        xml = self.xml
        for name, lst in self._lists.items():
            if lst.added:
                xml = _append(xml, self.prefix, name, lst)
        return xml


def _with(xf: bytes, attribute: bytes, value: int, apply: bytes) -> bytes:
    xf = re.sub(rb"\s" + attribute + rb'="[^"]*"', b"", xf)
    xf = re.sub(rb"\s" + apply + rb'="[^"]*"', b"", xf)
    head = re.match(rb"<(?:\w+:)?xf\b", xf)
    assert head is not None
    return xf[: head.end()] + b' %s="%d" %s="1"' % (attribute, value, apply) + xf[head.end():]


def _with_alignment(xf: bytes, alignment: bytes) -> bytes:
    xf = re.sub(rb"<(?:\w+:)?alignment\b[^>]*?/>", b"", xf)
    xf = re.sub(rb"\sapplyAlignment=\"[^\"]*\"", b"", xf)
    head = re.match(rb"<(?:\w+:)?xf\b", xf)
    assert head is not None
    xf = xf[: head.end()] + b' applyAlignment="1"' + xf[head.end():]
    if xf.endswith(b"/>"):
        tag = re.match(rb"<((?:\w+:)?)xf\b", xf)
        assert tag is not None
        return xf[:-2].rstrip() + b">" + alignment + b"</" + tag[1] + b"xf>"
    closing = xf.rindex(b"</")
    opening_end = xf.index(b">") + 1
    return xf[:opening_end] + alignment + xf[opening_end:closing] + xf[closing:]


def _append(xml: bytes, prefix: bytes, name: bytes, lst: _List) -> bytes:
    p = re.escape(prefix)
    found = re.search(rb"<" + p + name + rb"\b([^>]*?)(/?)>", xml)
    snippet = b"".join(lst.added)
    count = b' count="%d"' % len(lst.items)
    if found is None:
        raise ValueError(f"styles.xml without <{name.decode()}>")
    attrs = re.sub(rb'\s+count="[^"]*"', b"", found[1]) + count
    if found[2]:
        new = b"<" + prefix + name + attrs + b">" + snippet + b"</" + prefix + name + b">"
        return xml[: found.start()] + new + xml[found.end():]
    closing = xml.index(b"</" + prefix + name + b">", found.end())
    return (xml[: found.start()] + b"<" + prefix + name + attrs + b">"
            + xml[found.end():closing] + snippet + xml[closing:])
