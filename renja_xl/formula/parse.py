"""Formula text: its tokens, the ranges it names, and the shapes subtotals take.

One tokenizer serves the evaluator (`renja_xl.formula.evaluate`), the reader's
and Validasi's questions about a formula: which ranges it names, whether it is
the writer's plain `SUBTOTAL(9,F12:F40)`, and which cells a summing formula
(SUBTOTAL, SUM or `F12+F15`) adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from renja_xl.formula.a1 import Range, column_index, column_letter, parse_range

__all__ = [
    "FormulaError",
    "FormulaKind",
    "Reference",
    "SumFormula",
    "Token",
    "UnsupportedFormula",
    "is_subtotal",
    "parse_sum_formula",
    "plain_subtotal",
    "ranges",
    "tokens",
]


class UnsupportedFormula(ValueError):
    """The formula uses something the evaluator does not know."""


class FormulaError(ValueError):
    """The formula evaluates to an Excel error (#REF!, #DIV/0!, a cycle...)."""


Token = tuple[str, str]
"""(kind, text): kind is sheetref, range, func, ref, number, error or op."""

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<sheetref>(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)
  | (?P<range>\$?[A-Za-z]{1,3}\$?\d+\s*:\s*\$?[A-Za-z]{1,3}\$?\d+)
  | (?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\(
  | (?P<ref>\$?[A-Za-z]{1,3}\$?\d+)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<error>\#[A-Z/0!?]+[!?A]?)
  | (?P<op>[-+*/(),;])
    )""",
    re.VERBOSE,
)


@lru_cache(maxsize=65536)
def tokens(formula: str) -> tuple[Token, ...]:
    """The tokens of a formula (with or without its "="); UnsupportedFormula on unknown text."""
    text = (formula[1:] if formula.startswith("=") else formula).strip()
    out: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise UnsupportedFormula(f"tidak dikenal: {text[pos:pos + 15]!r}")
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        pos = match.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return tuple(out)


def same_sheet_tokens(formula: str) -> tuple[Token, ...]:
    """The tokens of a formula that reads only its own sheet and holds no error value.

    Raises UnsupportedFormula for a reference to another sheet and FormulaError for an
    error value (#REF!), whichever comes first.
    """
    found = tokens(formula)
    for kind, text in found:
        if kind == "sheetref":
            raise UnsupportedFormula("rujukan ke sheet lain")
        if kind == "error":
            raise FormulaError(text)
    return found


def token_range(text: str) -> Range:
    """The Range of a range or ref token's text."""
    found = parse_range(text.replace(" ", ""))
    if found is None:
        raise UnsupportedFormula(text)
    return found


def ranges(formula: str) -> list[Range]:
    """Every same-sheet reference of a formula, single cells as 1×1 ranges."""
    return [token_range(text) for kind, text in same_sheet_tokens(formula)
            if kind in ("range", "ref")]


_PLAIN_SUBTOTAL = re.compile(
    r"^\s*=?\s*SUBTOTAL\(\s*(?:9|109)\s*[,;]\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*:\s*"
    r"\$?([A-Za-z]{1,3})\$?(\d+)\s*\)\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def plain_subtotal(formula: str) -> Range | None:
    """The block of a plain `SUBTOTAL(9,F12:F40)` (what the writer puts in parents), else None."""
    match = _PLAIN_SUBTOTAL.match(formula)
    if match is None:
        return None
    c1, r1, c2, r2 = match.groups()
    row1, row2 = int(r1), int(r2)
    first = column_index(c1)
    last = first if c2 == c1 else column_index(c2)
    return Range(min(row1, row2), min(first, last), max(row1, row2), max(first, last))


def is_subtotal(formula: object) -> bool:
    """Whether a formula contains SUBTOTAL (such cells are skipped by SUBTOTAL)."""
    return isinstance(formula, str) and "SUBTOTAL(" in formula.upper().replace(" ", "")


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


def _reference(sheet: str | None, text: str) -> Reference | None:
    found = token_range(text)
    if found.first_column != found.last_column:
        return None  # a range over several columns is not a subtotal of one column
    return Reference(sheet, column_letter(found.first_column), found.first_row, found.last_row)


def _references(found: tuple[Token, ...], separators: str) -> tuple[Reference, ...] | None:
    """References separated by `separators`, and nothing else; None otherwise."""
    out: list[Reference] = []
    sheet: str | None = None
    expect_reference = True
    for kind, text in found:
        if kind == "sheetref" and expect_reference and sheet is None:
            sheet = text[:-1].strip("'").replace("''", "'") if text.startswith("'") else text[:-1]
        elif kind in ("range", "ref") and expect_reference:
            reference = _reference(sheet, text)
            if reference is None:
                return None
            out.append(reference)
            sheet, expect_reference = None, False
        elif kind == "op" and text in separators and not expect_reference:
            expect_reference = True
        else:
            return None
    return tuple(out) if out and not expect_reference else None


def parse_sum_formula(formula: str) -> SumFormula | None:
    """The references a summing formula adds, or None for any other formula."""
    plain = plain_subtotal(formula)
    if plain is not None and plain.first_column == plain.last_column:
        column = column_letter(plain.first_column)
        return SumFormula(FormulaKind.SUBTOTAL,
                          (Reference(None, column, plain.first_row, plain.last_row),))
    try:
        found = tokens(formula)
    except UnsupportedFormula:
        return None
    if len(found) > 2 and found[0][0] == "func" and found[-1] == ("op", ")"):
        name, body = found[0][1].upper(), found[1:-1]
        if name == "SUBTOTAL" and len(body) > 2 and body[0][0] == "number" \
                and body[0][1] in ("9", "109") and body[1] in (("op", ","), ("op", ";")):
            references = _references(body[2:], ",;+")
            return SumFormula(FormulaKind.SUBTOTAL, references) if references else None
        if name == "SUM":
            references = _references(body, ",;+")
            return SumFormula(FormulaKind.SUM, references) if references else None
        return None
    if ("op", "+") in found:
        references = _references(found, "+")
        return SumFormula(FormulaKind.SUM, references) if references else None
    return None
