"""The short message a click ends with, in Bahasa Indonesia."""

from __future__ import annotations

import xlwings as xw

from renja_xl.errors import RenjaError

__all__ = ["TITLE", "alert", "alert_error"]

TITLE = "Renja XL"


def alert(book: xw.Book, message: str) -> None:
    """Tell the user how the click ended."""
    book.app.alert(message, title=TITLE, mode="info")


def alert_error(book: xw.Book, error: RenjaError) -> None:
    """Tell the user why nothing was done."""
    book.app.alert(f"Tidak ada yang diubah. {error}", title=TITLE, mode="critical")
