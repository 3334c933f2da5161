"""Cell references and the XML of one `<c>` element: what it holds, and new content for it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from renja_xl.formula.a1 import parse_cell

__all__ = [
    "CellXml",
    "Content",
    "escape",
    "formula",
    "number",
    "split_ref",
    "text",
]

_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_INTEGER = re.compile(rb"-?\d+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_INLINE_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.DOTALL)


def split_ref(ref: str) -> tuple[int, int]:
    """"F12" → (12, 6): row and column."""
    found = parse_cell(ref)
    if found is None:
        raise ValueError(f"bukan alamat sel: {ref}")
    return found


def escape(value: str) -> str:
    """Text as XML character data (control characters Excel refuses are dropped)."""
    if not value.isprintable():
        value = _CONTROL.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Content(NamedTuple):
    """What goes inside a cell: its `t` attribute and child elements (a tuple: a report
    sheet makes tens of thousands)."""

    kind: str | None
    inner: str
    is_formula: bool = False


EMPTY = Content(None, "")


def _number_text(value: int | float | Decimal) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return repr(value) if isinstance(value, float) else str(value)


def number(value: int | float | Decimal) -> Content:
    """A number (never a bool)."""
    return Content(None, f"<v>{_number_text(value)}</v>")


def text(value: str) -> Content:
    """A text, stored inline so the shared string table stays as it is."""
    return Content("inlineStr", f'<is><t xml:space="preserve">{escape(value)}</t></is>')


def formula(expression: str, result: int | float | Decimal | str | None) -> Content:
    """A formula ("SUM(F1:F9)", no "="), with the result Excel would show."""
    body = f"<f>{escape(expression)}</f>"
    if result is None:
        return Content(None, body, True)
    if isinstance(result, str):
        return Content("str", f"{body}<v>{escape(result)}</v>", True)
    return Content(None, body + f"<v>{_number_text(result)}</v>", True)


@dataclass(frozen=True)
class CellXml:
    """A `<c>` element as found: attributes and inner XML."""

    attrs: bytes
    inner: bytes

    def attribute(self, name: bytes) -> bytes | None:
        """One attribute's value."""
        for key, value in _ATTRIBUTE.findall(self.attrs):
            if key == name:
                return value
        return None

    @property
    def style(self) -> int:
        """The cell's format (index into cellXfs)."""
        return int(self.attribute(b"s") or 0)

    @property
    def formula(self) -> str | None:
        """The formula text, or None (shared formula followers give "")."""
        match = _FORMULA.search(self.inner)
        if match is None:
            return None
        return html.unescape((match[1] or b"").decode())

    def value(self, shared: list[str] | None = None) -> str | int | float | bool | None:
        """The value as Excel shows it (text, number, bool, error text)."""
        kind = self.attribute(b"t")
        if kind == b"inlineStr":
            parts = _INLINE_TEXT.findall(self.inner)
            return html.unescape(b"".join(parts).decode())
        match = _VALUE.search(self.inner)
        if match is None:
            return None
        raw = match[1]
        if kind == b"s":
            return shared[int(raw)] if shared is not None else None
        if kind in (b"str", b"e"):
            return html.unescape(raw.decode())
        if kind == b"b":
            return raw.strip() == b"1"
        return int(raw) if _INTEGER.fullmatch(raw) else float(raw)
