"""What every Excel button does around its own work: read the book, refuse, write, tell.

`button(strict=...)` turns an action `act(click, ...)` into the script body
`run(book, ...)`: the book is read once (`read_book`) and its tables found
(`read_grids`, strictly or not); a `RenjaError`, while reading or raised by the
action, is told to the user ("Tidak ada yang diubah. ...") and the script
returns None. Actions work everything out before they write, so a refusal
always leaves the book as it was.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

import xlwings as xw

from renja_xl.errors import RenjaError
from renja_xl.excel.blocks import Cell
from renja_xl.excel.cells import keepers
from renja_xl.excel.notify import alert, alert_error
from renja_xl.excel.output import MAX_ACTIONS, Output
from renja_xl.excel.reading import BookData, read_book
from renja_xl.model import Renja
from renja_xl.workbook.reader import read_grids

__all__ = ["Click", "button"]

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Click:
    """One click of a button: the book, what Excel sent of it, and the Renja read from that."""

    book: xw.Book
    data: BookData
    renja: Renja

    def output(self) -> Output:
        """The writer into this book, for this client."""
        return Output(self.book, self.data.client)

    def write_cells(self, cells: Mapping[Cell, Any]) -> None:
        """Write scattered cells in the click's budget, writing back unchanged what lies between."""
        strict, wider = keepers(self.data, self.renja)
        self.output().cells(cells, MAX_ACTIONS - 1, strict, wider)

    def tell(self, message: str) -> None:
        """End the click with a message to the user."""
        alert(self.book, message)


Action = Callable[Concatenate[Click, P], T]
"""What a button does with a click (and any options), returning what the script returns."""
Script = Callable[Concatenate[xw.Book, P], T | None]
"""The script body: the action run on a book, None when it was refused."""


def button(*, strict: bool) -> Callable[[Action[P, T]], Script[P, T]]:
    """Run an action on the clicked book's Renja; `strict` refuses tables that cannot be read."""

    def wrap(act: Action[P, T]) -> Script[P, T]:
        @functools.wraps(act)
        def run(book: xw.Book, *args: P.args, **kwargs: P.kwargs) -> T | None:
            data = read_book(book)
            try:
                click = Click(book, data, read_grids(data.grids(), strict=strict))
                return act(click, *args, **kwargs)
            except RenjaError as exc:
                alert_error(book, exc)
                return None

        return run

    return wrap
