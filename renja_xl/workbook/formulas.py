"""Evaluate the formulas a Renja table holds, without trusting cached values.

A workbook written by openpyxl (or any tool but Excel) has no cached results,
and a cached total may be stale: totals are therefore computed from the cells
themselves. Supported: numbers, same-sheet cell references and ranges, + - * /,
parentheses, SUM, SUBTOTAL(9|109, …) (which, as in Excel, skips cells that are
themselves SUBTOTAL formulas), ROUND, ROUNDUP, ROUNDDOWN and ABS. Anything
else raises `UnsupportedFormula`, and the reader falls back to Excel's cached
value for that cell alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from functools import lru_cache

from renja_xl.formula.a1 import Range, column_index

__all__ = [
    "FormulaError",
    "Range",
    "UnsupportedFormula",
    "evaluate",
    "is_subtotal",
    "ranges",
    "simple_subtotal",
]


class UnsupportedFormula(ValueError):
    """The formula uses something this evaluator does not know."""


class FormulaError(ValueError):
    """The formula evaluates to an Excel error (#REF!, #DIV/0!, a cycle...)."""


_TOKEN = re.compile(
    r"""\s*(?:
    (?P<sheetref>(?:'[^']+'|[A-Za-z0-9_.]+)!)
  | (?P<range>\$?[A-Za-z]{1,3}\$?\d+\s*:\s*\$?[A-Za-z]{1,3}\$?\d+)
  | (?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\(
  | (?P<ref>\$?[A-Za-z]{1,3}\$?\d+)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<error>\#[A-Z/0!?]+[!?A]?)
  | (?P<op>[-+*/(),;])
    )""",
    re.VERBOSE,
)
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")

Value = Decimal | None
Lookup = Callable[[int, int], "Value | str"]
"""(row, column) → the cell's value: a number, None when empty, or formula text."""
RangeSum = Callable[[Range, bool], "tuple[Decimal, bool]"]
"""(range, skip_subtotals) → (sum of the numbers in it, whether any cell held one)."""


def _tokens(formula: str) -> list[tuple[str, str]]:
    text = formula[1:] if formula.startswith("=") else formula
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise UnsupportedFormula(f"tidak dikenal: {text[pos:pos + 15]!r}")
        kind = match.lastgroup or ""
        if kind == "sheetref":
            raise UnsupportedFormula("rujukan ke sheet lain")
        if kind == "error":
            raise FormulaError(match.group(kind))
        out.append((kind, match.group(kind)))
        pos = match.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


def _cell(ref: str) -> tuple[int, int]:
    match = _REF.fullmatch(ref.strip())
    if match is None:
        raise UnsupportedFormula(ref)
    return int(match.group(2)), column_index(match.group(1))


def _range(text: str) -> Range:
    first, last = (part.strip() for part in text.split(":"))
    (r1, c1), (r2, c2) = _cell(first), _cell(last)
    return Range(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))


def ranges(formula: str) -> list[Range]:
    """Every same-sheet reference of a formula, single cells as 1×1 ranges."""
    found = []
    for kind, text in _tokens(formula):
        if kind == "range":
            found.append(_range(text))
        elif kind == "ref":
            r, c = _cell(text)
            found.append(Range(r, c, r, c))
    return found


_SIMPLE_SUBTOTAL = re.compile(
    r"^=?\s*SUBTOTAL\(\s*(?:9|109)\s*[,;]\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*:\s*"
    r"\$?([A-Za-z]{1,3})\$?(\d+)\s*\)\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def simple_subtotal(formula: str) -> Range | None:
    """The block of a plain `SUBTOTAL(9, X1:X9)` (what the writer puts in parents), else None."""
    match = _SIMPLE_SUBTOTAL.match(formula)
    if match is None:
        return None
    c1, r1, c2, r2 = match.groups()
    row1, row2 = int(r1), int(r2)
    first = column_index(c1)
    last = first if c2 == c1 else column_index(c2)
    if row1 > row2:
        row1, row2 = row2, row1
    if first > last:
        first, last = last, first
    return Range(row1, first, row2, last)


def is_subtotal(formula: object) -> bool:
    """Whether a formula contains SUBTOTAL (such cells are skipped by SUBTOTAL)."""
    return isinstance(formula, str) and "SUBTOTAL(" in formula.upper().replace(" ", "")


class _Parser:
    """Recursive descent over the tokens, evaluating as it goes."""

    def __init__(self, tokens: list[tuple[str, str]], lookup: Callable[[int, int], Value],
                 raw: Lookup, range_sum: RangeSum | None = None) -> None:
        self.tokens, self.pos = tokens, 0
        self.lookup, self.raw = lookup, raw
        self.range_sum = range_sum or self._slow_range_sum
        self.seen_number = False

    def _slow_range_sum(self, rng: Range, skip_subtotals: bool) -> tuple[Decimal, bool]:
        total, seen = Decimal(0), False
        for r, c in rng.cells():
            if skip_subtotals and is_subtotal(self.raw(r, c)):
                continue
            value = self.lookup(r, c)
            if value is not None:
                seen = True
                total += value
        return total, seen

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise UnsupportedFormula("rumus terpotong")
        self.pos += 1
        return token

    def expect(self, op: str) -> None:
        kind, text = self.take()
        if kind != "op" or text != op:
            raise UnsupportedFormula(f"diharapkan {op!r}")

    def expression(self) -> Decimal:
        value = self.term()
        while (token := self.peek()) and token[0] == "op" and token[1] in "+-":
            self.take()
            other = self.term()
            value = value + other if token[1] == "+" else value - other
        return value

    def term(self) -> Decimal:
        value = self.unary()
        while (token := self.peek()) and token[0] == "op" and token[1] in "*/":
            self.take()
            other = self.unary()
            if token[1] == "/" and other == 0:
                raise FormulaError("#DIV/0!")
            value = value * other if token[1] == "*" else value / other
        return value

    def unary(self) -> Decimal:
        token = self.peek()
        if token and token[0] == "op" and token[1] in "+-":
            self.take()
            value = self.unary()
            return -value if token[1] == "-" else value
        return self.atom()

    def atom(self) -> Decimal:
        kind, text = self.take()
        if kind == "number":
            return Decimal(text)
        if kind == "ref":
            value = self.lookup(*_cell(text))
            self.seen_number = self.seen_number or value is not None
            return value or Decimal(0)
        if kind == "func":
            return self.function(text.upper())
        if kind == "op" and text == "(":
            value = self.expression()
            self.expect(")")
            return value
        raise UnsupportedFormula(f"tidak dikenal: {text!r}")

    def arguments(self) -> list[list[tuple[str, object]]]:
        """Raw arguments: each a list of ("range", Range) or ("value", Decimal)."""
        args: list[list[tuple[str, object]]] = []
        if (token := self.peek()) and token == ("op", ")"):
            self.take()
            return args
        while True:
            token = self.peek()
            if token and token[0] == "range":
                self.take()
                args.append([("range", _range(token[1]))])
            else:
                args.append([("value", self.expression())])
            _kind, text = self.take()
            if text == ")":
                return args
            if text not in ",;":
                raise UnsupportedFormula("pemisah argumen tidak dikenal")

    def _sum(self, args, skip_subtotals: bool) -> Decimal:
        total = Decimal(0)
        for arg in args:
            for kind, item in arg:
                if kind == "value":
                    total += item  # type: ignore[operator]
                    continue
                found, seen = self.range_sum(item, skip_subtotals)  # type: ignore[arg-type]
                total += found
                self.seen_number = self.seen_number or seen
        return total

    def function(self, name: str) -> Decimal:
        args = self.arguments()
        if name == "SUM":
            return self._sum(args, skip_subtotals=False)
        if name == "SUBTOTAL":
            code = args[0][0][1] if args and args[0][0][0] == "value" else None
            if code not in (Decimal(9), Decimal(109)):
                raise UnsupportedFormula("SUBTOTAL selain 9/109")
            return self._sum(args[1:], skip_subtotals=True)
        if name in ("ROUND", "ROUNDUP", "ROUNDDOWN"):
            return self._round(name, args)
        if name == "ABS" and len(args) == 1 and args[0][0][0] == "value":
            return abs(args[0][0][1])  # type: ignore[arg-type]
        raise UnsupportedFormula(f"fungsi {name}")

    def _round(self, name: str, args) -> Decimal:
        if len(args) != 2 or any(a[0][0] != "value" for a in args):
            raise UnsupportedFormula(name)
        value, digits = args[0][0][1], int(args[1][0][1])
        mode = {"ROUND": ROUND_HALF_UP, "ROUNDUP": ROUND_UP, "ROUNDDOWN": ROUND_DOWN}[name]
        return value.scaleb(digits).quantize(Decimal(1), rounding=mode).scaleb(-digits)


def evaluate(
    formula: str,
    lookup: Callable[[int, int], Value],
    raw: Lookup,
    range_sum: RangeSum | None = None,
) -> Value:
    """The value of a formula; None when every cell it reads is empty.

    `lookup(row, column)` gives a referenced cell's evaluated value;
    `raw(row, column)` its formula text or value (to know which cells SUBTOTAL skips);
    `range_sum`, when given, sums a range faster than cell by cell.
    """
    parser = _Parser(_tokens(formula), lookup, raw, range_sum)
    value = parser.expression()
    if parser.peek() is not None:
        raise UnsupportedFormula("sisa rumus tidak dikenal")
    has_refs = any(kind in ("ref", "range") for kind, _ in parser.tokens)
    if has_refs and not parser.seen_number:
        return None
    return value
