"""Evaluate the formulas of a sheet, without trusting saved results.

A workbook written by openpyxl (or any tool but Excel) has no saved results,
and a saved total may be stale: totals are therefore computed from the cells
themselves. Supported: numbers, same-sheet cell references and ranges, + - * /,
parentheses, SUM, SUBTOTAL(9|109, …) (which, as in Excel, skips cells that are
themselves SUBTOTAL formulas), ROUND, ROUNDUP, ROUNDDOWN and ABS. Anything
else raises `UnsupportedFormula`; callers fall back to the saved result.

One cycle policy: a cell that reads itself, directly or through others,
evaluates to the error #REF! (`FormulaError`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Any, Protocol

from renja_xl.formula.a1 import Range
from renja_xl.formula.parse import (
    FormulaError,
    Token,
    UnsupportedFormula,
    is_subtotal,
    plain_subtotal,
    same_sheet_tokens,
    token_range,
)
from renja_xl.numbers import parse_amount

__all__ = ["CYCLE", "Evaluator", "Sheet", "evaluate"]

CYCLE = "#REF! (rumus melingkar)"
"""The error a cell that reads itself evaluates to."""

Value = Decimal | None
RangeSum = Callable[[Range, bool], "tuple[Decimal, bool]"]
"""(range, skip_subtotals) → (sum of the numbers in it, whether any cell held one)."""


class _Parser:
    """Recursive descent over the tokens, evaluating as it goes."""

    def __init__(self, tokens: tuple[Token, ...], lookup: Callable[[int, int], Value],
                 range_sum: RangeSum) -> None:
        self.tokens, self.pos = tokens, 0
        self.lookup, self.range_sum = lookup, range_sum
        self.seen_number = False

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
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
            found = token_range(text)
            value = self.lookup(found.first_row, found.first_column)
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
                args.append([("range", token_range(token[1]))])
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


def evaluate(formula: str, lookup: Callable[[int, int], Value], range_sum: RangeSum) -> Value:
    """The value of a formula; None when every cell it reads is empty.

    `lookup(row, column)` gives a referenced cell's evaluated value and
    `range_sum(range, skip_subtotals)` the sum of a range's numbers (`Evaluator` gives both).
    """
    parser = _Parser(same_sheet_tokens(formula), lookup, range_sum)
    value = parser.expression()
    if parser.peek() is not None:
        raise UnsupportedFormula("sisa rumus tidak dikenal")
    has_refs = any(kind in ("ref", "range") for kind, _ in parser.tokens)
    if has_refs and not parser.seen_number:
        return None
    return value


class Sheet(Protocol):
    """The cells an `Evaluator` reads: row → column → (value, kind, ...), kind as in
    `renja_xl.workbook.grid` ("n" number, "s" text, "f" formula text, "e" error, ...)."""

    rows: Mapping[int, Mapping[int, Any]]


class _Prefix:
    """Prefix sums of one column, with the rows whose value could not be had."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.sums: list[int | Decimal] = [0]
        """Running totals: whole numbers stay int (fast), a fraction makes them Decimal."""
        self.unsure: list[int] = []

    def total(self, first: int, last: int) -> tuple[int | Decimal, bool] | None:
        """Sum over rows first..last, or None when an unsure row lies inside."""
        if bisect_right(self.unsure, last) > bisect_left(self.unsure, first):
            return None
        lo, hi = bisect_left(self.rows, first), bisect_right(self.rows, last)
        return self.sums[hi] - self.sums[lo], hi > lo


class Evaluator:
    """Evaluates the cells of one sheet, formulas included, memoised.

    Sums over a one-column range (what SUBTOTAL and SUM over a block are) use
    per-column prefix sums, so a JUMLAH over 10,000 rows costs two lookups.
    With `count_text` an amount typed as text ("1.500.000") counts as its number,
    as the reader reads it; without, text counts as nothing, as Excel shows it.
    """

    def __init__(self, sheet: Sheet, *, count_text: bool = True) -> None:
        self.sheet, self.count_text = sheet, count_text
        self.memo: dict[tuple[int, int], Decimal | None] = {}
        self.active: set[tuple[int, int]] = set()
        self.prefix: dict[int, _Prefix] = {}

    def _column_prefix(self, col: int) -> _Prefix:
        """Running sums of a column's cells that SUBTOTAL counts (not SUBTOTAL cells)."""
        prefix = self.prefix.get(col)
        if prefix is not None:
            return prefix
        prefix = self.prefix[col] = _Prefix()
        rows, sums, unsure = prefix.rows, prefix.sums, prefix.unsure
        total: int | Decimal = 0
        sheet_rows = self.sheet.rows
        for row in sorted(sheet_rows):
            cell = sheet_rows[row].get(col)
            if cell is None:
                continue
            value = cell[0]
            if type(value) is int and cell[1] == "n":  # most cells: a typed whole number
                total += value
            else:
                if is_subtotal(value):
                    continue
                try:
                    found = self.value(row, col)
                except (FormulaError, UnsupportedFormula):
                    unsure.append(row)
                    continue
                if found is None:
                    continue
                total += found
            rows.append(row)
            sums.append(total)
        return prefix

    def column_total(self, col: int, first: int, last: int) -> tuple[int | Decimal, bool] | None:
        """SUBTOTAL(9, …) over rows first..last of one column and whether any cell counted;
        None when a cell inside cannot be evaluated (evaluate cell by cell to say why)."""
        return self._column_prefix(col).total(first, last)

    def range_sum(self, rng: Range, skip: bool) -> tuple[Decimal, bool]:
        """(range, skip SUBTOTAL cells) → the sum of its numbers and whether it held one."""
        if not skip or rng.first_column != rng.last_column:
            return self._slow_sum(rng, skip)
        found = self._column_prefix(rng.first_column).total(rng.first_row, rng.last_row)
        return self._slow_sum(rng, skip) if found is None else (Decimal(found[0]), found[1])

    def _slow_sum(self, rng: Range, skip: bool) -> tuple[Decimal, bool]:
        total, seen = Decimal(0), False
        for r, c in rng.cells():
            if skip and is_subtotal(self.raw(r, c)):
                continue
            value = self.value(r, c)
            if value is not None:
                total, seen = total + value, True
        return total, seen

    def raw(self, row: int, col: int) -> Any:
        """What the cell holds: its number, text or formula text (None when empty)."""
        cells = self.sheet.rows.get(row)
        cell = cells.get(col) if cells else None
        return None if cell is None else cell[0]

    def value(self, row: int, col: int) -> Decimal | None:
        """The cell's number (None when it has none); FormulaError for an error or a cycle,
        UnsupportedFormula for a formula this evaluator does not know."""
        key = (row, col)
        if key in self.memo:
            return self.memo[key]
        if key in self.active:
            raise FormulaError(CYCLE)
        self.active.add(key)
        try:
            cells = self.sheet.rows.get(row)
            result = self._compute(cells.get(col) if cells else None)
        finally:
            self.active.discard(key)
        self.memo[key] = result
        return result

    def _compute(self, cell: Any) -> Decimal | None:
        if cell is None:
            return None
        value, kind = cell[0], cell[1]
        if kind == "f":
            block = plain_subtotal(value)
            if block is not None:
                total, seen = self.range_sum(block, True)
                return total if seen else None
            return evaluate(value, self.value, self.range_sum)
        if kind == "n" and not isinstance(value, bool):
            return Decimal(value) if isinstance(value, int) else Decimal(str(value))
        if kind == "e":
            raise FormulaError(str(value))
        if kind == "s" and self.count_text:
            try:
                return parse_amount(value)
            except ValueError:
                return None
        return None
