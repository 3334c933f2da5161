"""Running the command line: one-line Indonesian errors, exit codes, no tracebacks."""

from __future__ import annotations

import os
import sys

import click
import typer
from rich.console import Console

from renja_xl.errors import RenjaError

__all__ = ["console", "error_console", "run_app"]

console = Console(highlight=False, soft_wrap=True)
error_console = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_INPUT = 2
EXIT_UNEXPECTED = 3


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
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _fail("dibatalkan.", 130)
    except click.ClickException as exc:
        _fail(exc.format_message(), EXIT_INPUT)
    except KeyboardInterrupt:
        _fail("dibatalkan.", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("RENJA_XL_DEBUG"):
            raise
        _fail(f"kesalahan tak terduga ({type(exc).__name__}: {exc}). "
              "Jalankan ulang dengan RENJA_XL_DEBUG=1 untuk rinciannya.", EXIT_UNEXPECTED)
    if isinstance(code, int) and code:
        sys.exit(code)
