"""openpyxl cell styles as xlsxwriter formats, so the output looks like the template.

A template's cell style becomes a `Style`: the xlsxwriter format properties as a
sorted tuple of pairs, hashable so that equal looks share one key. `FormatCache`
turns each distinct `Style` into exactly one xlsxwriter `Format` per workbook.

Theme colours are resolved to RGB with the template's own theme, tint included,
because xlsxwriter can only write the tints of Excel's colour picker grid while
a template restyled in Excel may carry any tint.
"""

from __future__ import annotations

import colorsys
from xml.etree import ElementTree

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.alignment import Alignment
from openpyxl.styles.borders import Border, Side
from openpyxl.styles.colors import COLOR_INDEX, Color
from openpyxl.styles.fills import GradientFill, PatternFill
from openpyxl.styles.fonts import Font
from openpyxl.styles.protection import Protection
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook as XlsxWorkbook

__all__ = ["OFFICE_THEME", "FormatCache", "Style", "cell_style", "theme_colors"]

Style = tuple[tuple[str, object], ...]
"""xlsxwriter format properties, sorted by name: one hashable key per look."""

OFFICE_THEME: tuple[str, ...] = (
    "FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31",
    "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72",
)
"""Excel's default theme colours, in theme index order (lt1, dk1, lt2, dk2, accents, links)."""

_THEME_ORDER = (
    "lt1", "dk1", "lt2", "dk2", "accent1", "accent2",
    "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink",
)
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

_BORDER_STYLES = (
    "none", "thin", "medium", "dashed", "dotted", "thick", "double", "hair",
    "mediumDashed", "dashDot", "mediumDashDot", "dashDotDot", "mediumDashDotDot",
    "slantDashDot",
)
_PATTERNS = (
    "none", "solid", "mediumGray", "darkGray", "lightGray", "darkHorizontal",
    "darkVertical", "darkDown", "darkUp", "darkGrid", "darkTrellis", "lightHorizontal",
    "lightVertical", "lightDown", "lightUp", "lightGrid", "lightTrellis", "gray125",
    "gray0625",
)
_UNDERLINES = {"single": 1, "double": 2, "singleAccounting": 33, "doubleAccounting": 34}
_SCRIPTS = {"superscript": 1, "subscript": 2}
_HORIZONTAL = {
    "left": "left",
    "center": "center",
    "right": "right",
    "fill": "fill",
    "justify": "justify",
    "centerContinuous": "center_across",
    "distributed": "distributed",
}
_VERTICAL = {
    "top": "top",
    "center": "vcenter",
    "bottom": "bottom",
    "justify": "vjustify",
    "distributed": "vdistributed",
}


def theme_colors(theme_xml: bytes | str | None) -> tuple[str, ...]:
    """The RGB of each theme colour index, read from a workbook's theme part."""
    if not theme_xml:
        return OFFICE_THEME
    try:
        root = ElementTree.fromstring(theme_xml)
    except ElementTree.ParseError:
        return OFFICE_THEME
    scheme = root.find(f"{_DRAWING}themeElements/{_DRAWING}clrScheme")
    if scheme is None:
        return OFFICE_THEME
    found = [_scheme_color(scheme.find(f"{_DRAWING}{name}")) for name in _THEME_ORDER]
    return tuple(rgb or default for rgb, default in zip(found, OFFICE_THEME, strict=True))


def _scheme_color(element: ElementTree.Element | None) -> str | None:
    if element is None or len(element) == 0:
        return None
    child = element[0]
    rgb = child.get("val") if child.tag.endswith("srgbClr") else child.get("lastClr")
    return rgb.upper() if rgb and len(rgb) == 6 else None


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: lighten (tint > 0) or darken (tint < 0) in HLS space."""
    if not tint:
        return rgb
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    channels = colorsys.hls_to_rgb(hue, light, saturation)
    return "".join(f"{round(c * 255):02X}" for c in channels)


def _color(color: Color | None, theme: tuple[str, ...]) -> str | None:
    """'#RRGGBB' for an openpyxl colour, or None for automatic/unset."""
    if color is None:
        return None
    if color.type == "rgb" and isinstance(color.rgb, str):
        rgb = color.rgb[-6:].upper()
    elif color.type == "theme" and color.theme is not None and color.theme < len(theme):
        rgb = theme[color.theme]
    elif color.type == "indexed" and color.indexed is not None and color.indexed < 64:
        rgb = COLOR_INDEX[color.indexed][-6:]
    else:
        return None
    return "#" + _tinted(rgb, color.tint or 0.0)


def _font(font: Font, theme: tuple[str, ...]) -> dict[str, object]:
    props: dict[str, object] = {}
    if font.name:
        props["font_name"] = font.name
    if font.sz:
        size = float(font.sz)
        props["font_size"] = int(size) if size.is_integer() else size
    if font.b:
        props["bold"] = True
    if font.i:
        props["italic"] = True
    if font.u:
        props["underline"] = _UNDERLINES.get(font.u, 1)
    if font.strike:
        props["font_strikeout"] = True
    if font.vertAlign in _SCRIPTS:
        props["font_script"] = _SCRIPTS[font.vertAlign]
    color = _color(font.color, theme)
    if color:
        props["font_color"] = color
    return props


def _fill(fill: PatternFill | GradientFill, theme: tuple[str, ...]) -> dict[str, object]:
    if isinstance(fill, GradientFill):
        # xlsxwriter has no gradients: keep the first colour as a solid fill.
        stops = list(fill.stop)
        color = _color(stops[0].color, theme) if stops else None
        return {"pattern": 1, "fg_color": color} if color else {}
    pattern = fill.patternType
    if not pattern or pattern not in _PATTERNS or pattern == "none":
        return {}
    props: dict[str, object] = {"pattern": _PATTERNS.index(pattern)}
    foreground = _color(fill.fgColor, theme)
    background = _color(fill.bgColor, theme) if pattern != "solid" else None
    if foreground:
        props["fg_color"] = foreground
    if background:
        props["bg_color"] = background
    return props


def _side(side: Side | None, name: str, theme: tuple[str, ...]) -> dict[str, object]:
    if side is None or not side.style or side.style not in _BORDER_STYLES:
        return {}
    props: dict[str, object] = {name: _BORDER_STYLES.index(side.style)}
    color = _color(side.color, theme)
    if color:
        props[f"{name}_color"] = color
    return props


def _border(border: Border, theme: tuple[str, ...]) -> dict[str, object]:
    props: dict[str, object] = {}
    for name in ("left", "right", "top", "bottom"):
        props.update(_side(getattr(border, name), name, theme))
    diagonal = _side(border.diagonal, "diag_border", theme)
    kind = (1 if border.diagonalUp else 0) + (2 if border.diagonalDown else 0)
    if diagonal and kind:
        props.update(diagonal)
        props["diag_type"] = kind
        if "diag_border_color" in props:
            props["diag_color"] = props.pop("diag_border_color")
    return props


def _alignment(alignment: Alignment) -> dict[str, object]:
    props: dict[str, object] = {}
    if alignment.horizontal in _HORIZONTAL:
        props["align"] = _HORIZONTAL[alignment.horizontal]
    if alignment.vertical in _VERTICAL:
        props["valign"] = _VERTICAL[alignment.vertical]
    if alignment.wrap_text:
        props["text_wrap"] = True
    if alignment.shrink_to_fit:
        props["shrink"] = True
    if alignment.indent:
        props["indent"] = int(alignment.indent)
    rotation = int(alignment.text_rotation or 0)
    if rotation:
        # openpyxl: 1..90 up, 91..180 down (90 + degrees), 255 stacked; xlsxwriter: ±90, 270
        down = 90 - rotation if rotation > 90 else rotation
        props["rotation"] = 270 if rotation == 255 else down
    return props


def _protection(protection: Protection) -> dict[str, object]:
    props: dict[str, object] = {}
    if protection.locked is False:
        props["locked"] = False
    if protection.hidden:
        props["hidden"] = True
    return props


def cell_style(cell: Cell | MergedCell, theme: tuple[str, ...] = OFFICE_THEME) -> Style | None:
    """The xlsxwriter look of an openpyxl cell, or None when it has no style of its own."""
    if not cell.has_style:
        return None
    props: dict[str, object] = {}
    props.update(_font(cell.font, theme))
    props.update(_fill(cell.fill, theme))
    props.update(_border(cell.border, theme))
    props.update(_alignment(cell.alignment))
    props.update(_protection(cell.protection))
    if cell.number_format and cell.number_format != "General":
        props["num_format"] = cell.number_format
    return tuple(sorted(props.items()))


class FormatCache:
    """One xlsxwriter `Format` per distinct `Style` in one workbook."""

    def __init__(self, workbook: XlsxWorkbook) -> None:
        self._workbook = workbook
        self._formats: dict[Style, Format] = {}

    def get(self, style: Style | None) -> Format | None:
        """The workbook's format for a style (None stays None: Excel's default look)."""
        if style is None:
            return None
        found = self._formats.get(style)
        if found is None:
            found = self._workbook.add_format(dict(style))
            self._formats[style] = found
        return found
