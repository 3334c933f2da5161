"""Relationship parts (`*.rels`) and `[Content_Types].xml`, read and edited as text.

Edits insert or remove one element and leave every other byte of the part as
it was, whatever prefixes and formatting the program that wrote it chose.
"""

from __future__ import annotations

import posixpath
import re
from xml.etree import ElementTree

__all__ = [
    "CONTENT_TYPES",
    "add_override",
    "add_relationship",
    "relationships",
    "rels_name",
    "remove_override",
    "remove_relationship",
]

CONTENT_TYPES = "[Content_Types].xml"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def rels_name(part: str) -> str:
    """The relationship part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def relationships(xml: bytes, source: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target part), internal targets resolved against `source`."""
    base = posixpath.dirname(source)
    found = {}
    for rel in ElementTree.fromstring(xml).iter(f"{_RELS_NS}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = target[1:] if target.startswith("/") else posixpath.normpath(
                posixpath.join(base, target))
        found[rel.get("Id", "")] = (rel.get("Type", ""), target)
    return found


def _prefix(xml: bytes, element: bytes) -> bytes:
    match = re.search(rb"<(\w+:)?" + element + rb"\b", xml)
    return match[1] or b"" if match else b""


def _insert_before_end(xml: bytes, element: bytes, snippet: bytes) -> bytes:
    """Put `snippet` as the last child of the root `element` (expanding `<x/>`)."""
    prefix = _prefix(xml, element)
    closing = b"</" + prefix + element + b">"
    at = xml.rfind(closing)
    if at >= 0:
        return xml[:at] + snippet + xml[at:]
    empty = re.search(rb"<" + re.escape(prefix + element) + rb"\b([^>]*?)\s*/>", xml)
    if empty is None:
        raise ValueError(f"no <{element.decode()}> element")
    opened = b"<" + prefix + element + empty[1] + b">"
    return xml[: empty.start()] + opened + snippet + closing + xml[empty.end():]


def add_relationship(xml: bytes, kind: str, target: str) -> tuple[bytes, str]:
    """Append a relationship with an unused id; returns the new part and the id."""
    taken = set(re.findall(rb'\bId="([^"]*)"', xml))
    number = 1
    while b"rId%d" % number in taken:
        number += 1
    rid = f"rId{number}"
    prefix = _prefix(xml, b"Relationships").decode()
    snippet = f'<{prefix}Relationship Id="{rid}" Type="{kind}" Target="{_attr(target)}"/>'
    return _insert_before_end(xml, b"Relationships", snippet.encode()), rid


def remove_relationship(xml: bytes, rid: str) -> bytes:
    """Drop the relationship with this id."""
    pattern = rb'<(?:\w+:)?Relationship\b[^>]*?\bId="' + re.escape(rid.encode()) + rb'"[^>]*?/>'
    return re.sub(pattern, b"", xml, count=1)


def add_override(xml: bytes, part: str, content_type: str) -> bytes:
    """Declare the content type of a new part."""
    prefix = _prefix(xml, b"Types").decode()
    snippet = f'<{prefix}Override PartName="/{_attr(part)}" ContentType="{content_type}"/>'
    return _insert_before_end(xml, b"Types", snippet.encode())


def remove_override(xml: bytes, part: str) -> bytes:
    """Forget the content type of a removed part."""
    name = re.escape(f"/{_attr(part)}".encode())
    pattern = rb'<(?:\w+:)?Override\b[^>]*?\bPartName="' + name + rb'"[^>]*?/>'
    return re.sub(pattern, b"", xml, count=1, flags=re.IGNORECASE)


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
