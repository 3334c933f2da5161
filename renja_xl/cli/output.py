"""Running the command line: one-line Indonesian errors, exit codes, no tracebacks."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any

import typer

from renja_xl.errors import RenjaError

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["SHOWN", "console", "error_console", "more", "run_app", "teks"]


class _Console:
    """A rich `Console` made on first use, so that a command printing none (`--json`)
    never imports rich."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def made(self) -> Console:
        """The rich console itself (for rich objects that take one)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)


SHOWN = 15
"""Rows of a long list printed on the terminal; the others are counted (`more`)."""


def more(total: int, shown: int | None = SHOWN) -> str | None:
    """"… dan 12 lainnya" for a list of `total` rows cut to `shown` (None: all shown)."""
    if shown is None or total <= shown:
        return None
    return f"… dan {total - shown} lainnya"


def teks(value: object) -> str:
    """A user's text (a name, a path, a message) as it is typed, inside rich markup:
    "Program [/] Uji" must print as such, not be read as a closing tag (MarkupError)."""
    from rich.markup import escape

    return escape(str(value))


# No emoji codes: nothing here writes one, and ":name:" in a user's text stays as typed.
console = _Console(highlight=False, soft_wrap=True, emoji=False)
error_console = _Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

EXIT_INPUT = 2
EXIT_UNEXPECTED = 3

# Typer may bundle its own copy of click: take the classes from Typer itself.
_ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_TRANSLATIONS = (
    (re.compile(r"No such command '([^']*)'\.?"), r"perintah '\1' tidak dikenal"),
    (re.compile(r"No such option: (\S+)"), r"opsi \1 tidak dikenal"),
    (re.compile(r"Missing argument '([^']*)'\.?"), r"argumen \1 wajib diisi"),
    (re.compile(r"Missing option '([^']*)'\.?"), r"opsi \1 wajib diisi"),
    (re.compile(r"Invalid value for '([^']*)': (.*)"), r"nilai untuk \1 tidak sah: \2"),
    (re.compile(r"Invalid value: (.*)"), r"nilai tidak sah: \1"),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)"), r"argumen berlebih: \1"),
    (re.compile(r"Option '([^']*)' requires an argument\.?"), r"opsi \1 memerlukan nilai"),
    (re.compile(r"Option '([^']*)' does not take a value\.?"), r"opsi \1 tidak menerima nilai"),
    (re.compile(r"Missing parameter: (\S+)"), r"parameter \1 wajib diisi"),
    (re.compile(r"Missing command\.?"), "perintah belum diberikan"),
    (re.compile(r"\s*Did you mean (.*)\?"), r"; mungkin maksudnya \1?"),
    (re.compile(r"\(Possible options: (.*)\)"), r"(mungkin maksudnya: \1)"),
    # Typer checks values with pydantic and passes on its first message.
    (re.compile(r"Input should be a valid integer\b.*"), "harus bilangan bulat"),
    (re.compile(r"Input should be a valid number\b.*"), "harus berupa angka"),
    (re.compile(r"Input should be a finite number"), "harus berupa angka terhingga"),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"paling kecil \1"),
    (re.compile(r"Input should be less than or equal to (\S+)"), r"paling besar \1"),
    (re.compile(r"Input should be greater than (\S+)"), r"harus lebih dari \1"),
    (re.compile(r"Input should be less than (\S+)"), r"harus kurang dari \1"),
)


def _indonesian(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        message = pattern.sub(replacement, message)
    return message + " (lihat: renja-xl --help)"


def _fail(message: str, code: int) -> None:
    error_console.print(f"[bold red]Galat:[/] {message}", markup=True)
    sys.exit(code)


def run_app(app: typer.Typer) -> None:
    """Run a Typer app so that every failure is one readable line and an exit code."""
    try:
        # Without standalone mode click returns a command's `typer.Exit` code instead of
        # exiting with it.
        code = app(standalone_mode=False)
    except RenjaError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _fail("dibatalkan.", 130)
    except _ClickException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" or not exc.format_message().strip():
            sys.exit(0)  # the help screen was shown
        _fail(_indonesian(exc.format_message()), EXIT_INPUT)
    except KeyboardInterrupt:
        _fail("dibatalkan.", 130)
    except Exception as exc:
        if os.environ.get("RENJA_XL_DEBUG"):
            raise
        _fail(f"kesalahan tak terduga ({type(exc).__name__}: {exc}). "
              "Jalankan ulang dengan RENJA_XL_DEBUG=1 untuk rinciannya.", EXIT_UNEXPECTED)
    if isinstance(code, int) and code:
        sys.exit(code)
