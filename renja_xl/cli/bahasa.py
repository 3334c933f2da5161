"""The help screens' own words in Bahasa Indonesia: usage line, help option, value hints, panels.

Typer ships its own copy of click, whose words ("Usage:", "Show this message and
exit.", `<path>`) are plain strings with no gettext catalogue behind them. So the
words are set here, in one place: the public settings where Typer has them
(`options_metavar`, `subcommand_metavar`, `cls=`, `metavar=`), the panel words in
`typer.rich_utils` module constants where it has nothing else, and two command
classes for the rest. The panel words are set when a help screen is drawn: rich,
which draws it, is imported only then (a command's run does not need it).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

if TYPE_CHECKING:
    from typer._click import Context, HelpFormatter

__all__ = ["OPTIONS_METAVAR", "SUBCOMMAND_METAVAR", "IndonesianCommand", "IndonesianGroup"]

USAGE_PREFIX = "Penggunaan: "
HELP_OPTION_HELP = "Tampilkan bantuan ini lalu keluar."

_PANEL_WORDS = {
    "OPTIONS_PANEL_TITLE": "Opsi",
    "COMMANDS_PANEL_TITLE": "Perintah",
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "ERRORS_PANEL_TITLE": "Galat",
    "REQUIRED_LONG_STRING": "[wajib]",
    "DEFAULT_STRING": "[bawaan: {}]",
    "ENVVAR_STRING": "[variabel lingkungan: {}]",
    "DEPRECATED_STRING": "(usang) ",
    "ABORTED_TEXT": "Dibatalkan.",
    "RICH_HELP": "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan.",
}


@cache
def _indonesian_panels() -> None:
    """Typer reads these module constants when it draws a help screen or an error panel;
    it offers no other way to name them."""
    import typer.rich_utils

    for name, words in _PANEL_WORDS.items():
        setattr(typer.rich_utils, name, words)


# Typer's value hint (`<int>`, `<path>`, `<list[str]>`) -> the hint a user reads.
# A flag takes no value, so it shows none.
_HINTS = {
    "bool": "", "str": "teks", "int": "angka", "float": "angka", "int range": "angka",
    "float range": "angka", "path": "berkas", "file": "berkas", "dir": "folder",
    "datetime": "tanggal", "Path": "berkas",
}

# For `typer.Typer(options_metavar=..., subcommand_metavar=...)`; commands inherit the first.
OPTIONS_METAVAR = "[OPSI]"
SUBCOMMAND_METAVAR = "PERINTAH [ARGUMEN]..."


def _indonesian_hint(hint: str) -> str:
    """`<list[int]>` -> `<angka>`; a hint not in the table (a choice like `<A4|F4>`) is kept."""
    name = hint.removeprefix("<").removesuffix(">")
    if name.startswith("list[") and name.endswith("]"):
        name = name.removeprefix("list[").removesuffix("]")
    label = _HINTS.get(name)
    if label is None:
        return hint
    return f"<{label}>" if label else ""


class _Option(TyperOption):
    """An option whose value hint is Indonesian; an explicit `metavar=` still wins."""

    def display_type(self, ctx: Context) -> str:
        return _indonesian_hint(super().display_type(ctx))


class _Argument(TyperArgument):
    """An argument without a value hint: its name (`berkas`, `folder`) already says it."""

    def display_type(self, ctx: Context) -> str:
        return ""


def _localize(param: Any) -> None:
    # Typer builds its parameters itself and has no hook to choose their class; the
    # subclasses add only a method, so re-classing the objects this command owns is safe.
    if type(param) is TyperOption:
        param.__class__ = _Option
    elif type(param) is TyperArgument:
        param.__class__ = _Argument


class _IndonesianHelp:
    """The usage line and the `--help` option, in Bahasa Indonesia."""

    params: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _localize(param)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        _indonesian_panels()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_HELP
            _localize(option)
        return option


class IndonesianCommand(_IndonesianHelp, TyperCommand):
    """A `renja-xl` command whose help screen is all Bahasa Indonesia."""


class IndonesianGroup(_IndonesianHelp, TyperGroup):
    """The `renja-xl` group whose help screen is all Bahasa Indonesia."""
