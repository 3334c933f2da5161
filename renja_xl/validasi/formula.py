"""Reading the ranges of a subtotal formula: =SUM(F12:F20), =SUBTOTAL(9,F12:F40), =F12+F15."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "FormulaKind", "Reference", "SumFormula", "parse_sum_formula", "plain_subtotal", "ranges_text",
]


class FormulaKind(StrEnum):
    """SUBTOTAL skips nested subtotals; SUM (or "+") adds every cell it names."""

    SUM = "SUM"
    SUBTOTAL = "SUBTOTAL"


@dataclass(frozen=True)
class Reference:
    """One cell or range of one column: sheet (None: same sheet), column letters, rows."""

    sheet: str | None
    column: str
    first: int
    last: int

    def rows(self) -> range:
        """The rows the reference spans."""
        return range(min(self.first, self.last), max(self.first, self.last) + 1)


@dataclass(frozen=True)
class SumFormula:
    """A formula that only adds cells: its kind and the references it adds."""

    kind: FormulaKind
    references: tuple[Reference, ...]


_REF = re.compile(
    r"(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?"
    r"\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d+))?"
)
_SUBTOTAL = re.compile(r"^SUBTOTAL\(\s*(?:9|109)\s*,(?P<body>.*)\)$", re.IGNORECASE)
_SUM = re.compile(r"^SUM\((?P<body>.*)\)$", re.IGNORECASE)
_PLUS = re.compile(r"^[^()]*$")


def _references(body: str) -> tuple[Reference, ...] | None:
    references: list[Reference] = []
    rest = body
    for match in _REF.finditer(body):
        if match["c2"] is not None and match["c2"] != match["c1"]:
            return None  # a range over several columns is not a subtotal of one column
        sheet = match["sheet"].strip("'").replace("''", "'") if match["sheet"] else None
        first = int(match["r1"])
        references.append(Reference(sheet, match["c1"], first, int(match["r2"] or first)))
        rest = rest.replace(match[0], "", 1)
    # Anything left besides separators means the formula does more than add.
    if references and re.fullmatch(r"[\s,;+]*", rest):
        return tuple(references)
    return None


_PLAIN_SUBTOTAL = re.compile(
    r"^SUBTOTAL\(\s*(?:9|109)\s*,\s*\$?([A-Z]{1,3})\$?(\d+):\$?\1\$?(\d+)\s*\)$", re.IGNORECASE
)


def plain_subtotal(formula: str) -> tuple[str, int, int] | None:
    """Column, first and last row of the usual =SUBTOTAL(9,F12:F40); None for any other."""
    plain = _PLAIN_SUBTOTAL.match(formula.strip().removeprefix("=").strip())
    return (plain[1].upper(), int(plain[2]), int(plain[3])) if plain else None


def parse_sum_formula(formula: str) -> SumFormula | None:
    """The references a summing formula adds, or None for any other formula."""
    plain = plain_subtotal(formula)
    if plain:  # the usual shape, read without the general parser
        return SumFormula(FormulaKind.SUBTOTAL, (Reference(None, *plain),))
    text = formula.strip().removeprefix("=").strip()
    for kind, pattern in ((FormulaKind.SUBTOTAL, _SUBTOTAL), (FormulaKind.SUM, _SUM)):
        match = pattern.match(text)
        if match:
            references = _references(match["body"])
            return SumFormula(kind, references) if references else None
    if _PLUS.match(text) and "+" in text:
        references = _references(text)
        return SumFormula(FormulaKind.SUM, references) if references else None
    return None


def ranges_text(column: str, rows: list[int]) -> str:
    """Rows of one column as compact ranges: [12, 13, 14, 20] → "F12:F14,F20"."""
    parts: list[str] = []
    ordered = sorted(rows)
    start = previous = ordered[0] if ordered else 0
    for row in [*ordered[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        single = start == previous
        parts.append(f"{column}{start}" if single else f"{column}{start}:{column}{previous}")
        if row is not None:
            start = previous = row
    return ",".join(parts) if ordered else ""
